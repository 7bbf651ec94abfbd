"""Split news paragraphs into sentences and word tokens, and find direct quotes with their speakers.

Sentences come from NLTK's Punkt algorithm with hand-set parameters (abbreviations read from
``resources/abbreviations.txt``) instead of the downloadable ``punkt_tab`` model, so the split is
the same on every machine whether or not NLTK data is installed. Quotes are found with rules for
the quoting styles of English-language news and of translated Russian/Ukrainian/Polish press:
curly and straight quotation marks, quotes running over several paragraphs, dash-led quotes and
interview labels. Speakers come from attribution phrases built on ``resources/speech_verbs.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktTrainer


# --------------------------------------------------------------------------- resources
def _read_list(name: str) -> tuple[str, ...]:
    """Entries of a packaged word list: lower-cased lines, '#' comments and blanks skipped."""
    text = (files("analysis") / "resources" / name).read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


@lru_cache(maxsize=None)
def default_abbreviations() -> frozenset[str]:
    """Punkt abbreviation types from ``abbreviations.txt`` (lower case, no final period)."""
    return frozenset(entry.rstrip(".") for entry in _read_list("abbreviations.txt"))


@lru_cache(maxsize=None)
def speech_verbs() -> tuple[str, ...]:
    """Attribution verb forms and lead-ins ("according to") from ``speech_verbs.txt``."""
    return _read_list("speech_verbs.txt")


# --------------------------------------------------------------------------- sentences
class _NewsLanguageVars(PunktLanguageVars):
    """Punkt's English settings with curly quotes and guillemets treated like straight quotes: '.”'
    ends a sentence that keeps its '”', and '“U.S.' is still seen as the abbreviation 'U.S.'
    (NLTK >= 3.10 does most of this; set explicitly so older releases behave the same)."""

    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201c\u201d\u2018\u201e\xab\xbb]"
    _re_non_word_chars = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\u201e\xab\xbb?!])"
    re_boundary_realignment = re.compile(
        r"[\"')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)", re.MULTILINE
    )


# Capitalised words that almost always begin a sentence: after a known abbreviation they still
# trigger a break ("talks with the U.S. The Kremlin declined"), via Punkt's sentence-starter rule.
_SENT_STARTERS = frozenset(
    "the he she it they we but however this that these those there in on at after before while"
    " when meanwhile moreover still yet his her their our its if as since although though so"
    " then what why how who".split()
)

# Abbreviations that are also ordinary sentence-final words ("the answer was no."): they only
# count before a number ("No. 10"), through Punkt's collocation rule.
_BEFORE_NUMBER = frozenset({"no", "nos"})


def sentence_tokenizer(abbreviations: Iterable[str] | None = None) -> PunktSentenceTokenizer:
    """A Punkt sentence splitter built from parameters only: no training, no NLTK data files.

    ``abbreviations`` defaults to the packaged list (that tokenizer is built once and cached);
    "no" and "nos" in it only hold before a number.
    """
    if abbreviations is None:
        return _default_tokenizer()
    entries = {a.strip().lower().rstrip(".") for a in abbreviations if a.strip()}
    params = PunktParameters()
    params.abbrev_types = entries - _BEFORE_NUMBER
    params.collocations = {(a, "##number##") for a in entries & _BEFORE_NUMBER}
    params.sent_starters = set(_SENT_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars())


@lru_cache(maxsize=1)
def _default_tokenizer() -> PunktSentenceTokenizer:
    return sentence_tokenizer(default_abbreviations())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` so it neither starts nor ends with whitespace (empty: start == end)."""
    part = text[start:end]
    start += len(part) - len(part.lstrip())
    return start, max(start, end - (len(part) - len(part.rstrip())))


def learn_abbreviations(texts: Iterable[str]) -> frozenset[str]:
    """Abbreviations Punkt's unsupervised trainer finds in a corpus, to add to the packaged list.

    Only abbreviation types are learned: collocations learned with INCLUDE_ALL_COLLOCS on a
    small corpus suppress real sentence boundaries, so they are left out. Of the learned types
    only initialisms (with an inner period, such as "n.m") are kept: on a small corpus Punkt also
    takes ordinary words such as "ago" or "too" for abbreviations and would merge sentences.
    """
    trainer = PunktTrainer(lang_vars=_NewsLanguageVars())
    trainer.INCLUDE_ALL_COLLOCS = False
    trainer.INCLUDE_ABBREV_COLLOCS = False
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    return frozenset(t for t in trainer.get_params().abbrev_types if "." in t.strip("."))


def sentence_spans(text: str, tokenizer: PunktSentenceTokenizer | None = None) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of the sentences of ``text``, without outer whitespace."""
    spans: list[tuple[int, int]] = []
    tokenizer = tokenizer or _default_tokenizer()
    for s, e in (_strip(text, s, e) for s, e in tokenizer.span_tokenize(text)):
        if s < e and spans and text[s] in ",;:":  # Punkt splits "Expect?: Kremlin ..." after "?"
            spans[-1] = (spans[-1][0], e)
        elif s < e:
            spans.append((s, e))
    return spans


def split_sentences(text: str, tokenizer: PunktSentenceTokenizer | None = None) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text, tokenizer)]


# --------------------------------------------------------------------------- tokens
_LETTER = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    rf"(?<![\w.]){_LETTER}(?:\.{_LETTER})+(?!\w)"  # initialisms: U.S., e.g. (final period left out)
    r"|\d+(?:[.,]\d+)+"  # numbers with separators: 1,000 / 3.5
    r"|[^\W_]+(?:['’ʼ\-‐][^\W_]+)*"  # words, with inner apostrophes and hyphens
)


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Word tokens as ``(original form, start, end)``; punctuation is skipped."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens for counting.

    Apostrophes ’ and ʼ become ' ("Russia’s" -> "russia's"); initialisms keep their inner
    periods and drop the last one ("U.S." -> "u.s"), so they never merge with words ("us").
    """
    tokens = [m.group().lower() for m in _TOKEN_RE.finditer(text)]
    if "’" in text or "ʼ" in text or "‐" in text:  # (lower-casing never makes one of them)
        tokens = [t.translate(_TOKEN_TABLE) for t in tokens]
    return tokens


_TOKEN_TABLE = str.maketrans({"’": "'", "ʼ": "'", "‐": "-"})


# --------------------------------------------------------------------------- quotes
@dataclass(frozen=True)
class Quote:
    """A direct quote: ``text == paragraphs[paragraph_index][start:end]`` (marks excluded)."""

    paragraph_index: int
    start: int
    end: int
    text: str
    speaker: str


_PRONOUNS = frozenset({"he", "she", "him", "her"})
_MIN_QUOTE_WORDS = 4
_CONNECT = "of|de|da|van|von|al|bin|le|la|du|der"
# Words dropped from the front of a name ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov");
# a phrase made only of them stays as it is ("Russian Foreign Minister").
_TITLES = frozenset(
    "mr mrs ms dr prof professor sir president vice prime minister foreign defence defense deputy"
    " spokesman spokeswoman spokesperson press secretary general gen colonel col lt lieutenant major"
    " maj captain capt sergeant sgt admiral commander chief head ambassador envoy senator sen rep"
    " representative gov governor chancellor mayor king queen pope former acting top senior director"
    " adviser advisor aide official affairs state department ministry kremlin russian ukrainian"
    " american british belarusian french german chinese polish turkish european western us u.s uk"
    " u.k un u.n eu nato of".split()
)
_STOP_CAP = (
    "The|A|An|And|But|Or|So|Yet|In|On|At|For|From|By|With|To|Of|It|Its|This|That|These|Those|"
    "There|Then|Thus|He|She|Him|Her|His|They|We|I|You|Our|Their|My|If|When|While|As|After|Before|"
    "Since|Meanwhile|Moreover|However|Also|Still|Although|Though|Despite|During|Earlier|Later|Now|"
    "According|Speaking|What|Who|Why|How|Where|Which|Instead|Notably|Nothing|Both|Some|Many|Most"
)
_STOP_LOW = (
    "that|which|who|whom|whose|and|or|but|to|is|was|are|were|has|had|have|been|be|not|it|its|they|"
    "this|these|will|would|can|could|should|may|might|must|did|does|do|in|on|at|by|for|from|with|"
    "as|when|while|during|after|before|the|a|an|also|then|later|again|still|even|just|earlier"
)
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# (?=[...]) first: the stop-word test then only runs where a capital stands (same matches, faster)
_CAP = rf"(?=[{_UPPER}])(?!(?:{_STOP_CAP})\b)[{_UPPER}][\w'’.-]*"
_NAME = rf"(?<![\w'’]){_CAP}(?:\s+(?:(?:{_CONNECT})\s+)?{_CAP})*"
_TITLED = rf"{_NAME}(?:\s+(?=[a-z])(?!(?:{_STOP_LOW})\b)[a-z][\w-]*){{1,3}}\s+{_NAME}"  # Kremlin spokesman D. Peskov
_ROLE_WORD = rf"(?!(?:{_STOP_LOW})\b)[\w'’-]+"
_ROLE_LAZY = rf"\b(?:[Tt]he|[Aa]n?)\s+(?:{_ROLE_WORD}\s+){{0,4}}?{_ROLE_WORD}"
_ROLE_GREEDY = rf"\b(?:[Tt]he|[Aa]n?)\s+{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,4}}"
_PRON = r"\b(?i:he|she|him|her)\b"
_APPOSITION = r"(?:,\s+(?=[a-z])[^,;:]{1,200}?){1,3},"  # ", a political scientist at X,"
_GAP = r"(?:\s+(?:has|have|had|was|is|also|then|later|again|once|further|still|even|just|first|[a-z]+ly)){0,3}"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?…]|$)|\s+(?:in|on|at|to|during|after|before|as|when|while|with|from|for)\b)"
_LEAD = r"[\s,;:—–-]*"
_MARKS = re.compile(r"[\"“”„«»]")
_LABEL = re.compile(r"^[ \t]*[\"“]([^\"“”\n]{1,60})[\"”][ \t]*:[ \t]*(.*)$", re.MULTILINE)
_NAME_COLON = re.compile(rf"\s*({_NAME})\s*:\s*")
_DASH = re.compile(r"(?:\A\s*|(?<=[.!?…\"”»])\s+)[-–—]\s+(?=\S)")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Attribution regexes built once from the speech-verb list: "sv" subject + verb ("Lavrov said",
    "Ivan Mezhuh, a scientist, said"); "lead" ("according to Colonel Matysiak"); "after_sv" and
    "after_vs" right after a closing mark ('," Peskov said', '," said Ned Price'); "dash_sv" and
    "dash_vs" ending a dash quote (", he adds." / " - he emphasizes", ", says a reserve colonel")."""
    entries = speech_verbs()
    leads = [e for e in entries if " " in e and e.split()[-1] in ("to", "by")]
    verbs = [e for e in entries if e not in leads]

    def alt(words: list[str]) -> str:
        ordered = sorted(words, key=len, reverse=True)
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) or "(?!)"

    verb = rf"\b(?P<verb>{alt(verbs)})\b"
    sv = rf"(?P<subj>{_PRON}|{_ROLE_LAZY}|{_TITLED}|{_NAME}(?:{_APPOSITION})?){_GAP}\s+{verb}"
    vs = rf"{verb}\s+(?P<subj>{_PRON}|{_ROLE_GREEDY}|{_TITLED}|{_NAME})"
    lead = rf"\b(?i:{alt(leads)})\s+(?P<subj>{_PRON}|{_ROLE_GREEDY}|{_NAME}(?:\s+[a-z]+)?)"
    sep = r"(?:,|\s[-–—])\s+"
    return {"sv": re.compile(sv), "verb": re.compile(verb), "lead": re.compile(lead), "after_sv": re.compile(_LEAD + sv),
            "after_vs": re.compile(_LEAD + vs), "dash_sv": re.compile(sep + sv + _CLAUSE_END),
            "dash_vs": re.compile(sep + vs)}


def _clean_speaker(phrase: str) -> str:
    """Reduce an attribution subject to a name, a role ("reserve colonel") or a pronoun."""
    p = phrase.split(",")[0].strip(" \t\n.:;'’\"“”")
    p = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"['’]s$", "", p), flags=re.IGNORECASE)
    if p.lower() in _PRONOUNS:
        return p.lower()
    words = p.split()
    i = len(words)
    while i and words[i - 1][:1].isupper():
        i -= 1
    run = words[i:]  # trailing capitalised run: the name, after any lower-case role words
    if not run or run[-1].lower().rstrip(".") in _TITLES:
        return p
    while len(run) > 1 and run[0].lower().rstrip(".") in _TITLES:
        run = run[1:]
    return " ".join(run)


def _is_name(speaker: str) -> bool:
    """True for a personal-looking name ("Lavrov"), False for roles, titles and pronouns."""
    words = speaker.split()
    capitalised = all(w[:1].isupper() or w in _CONNECT.split("|") for w in words)
    return bool(words) and capitalised and words[-1].lower().rstrip(".") not in _TITLES


@dataclass
class _Cand:
    """A quote candidate inside one paragraph, before its speaker is settled."""

    start: int
    end: int
    kind: str  # "pair", "open" (runs to paragraph end), "close" (from paragraph start), "label", "dash"
    speaker: str = ""  # attribution phrase found in the text ...
    at: int = -1  # ... and its offset, for pronoun resolution
    lo: int = -1  # offsets of the opening and closing marks
    hi: int = -1


def _opens(text: str, i: int) -> bool:
    """Whether the quotation mark at ``i`` opens a quote (straight marks judged by context)."""
    if text[i] != '"':
        return text[i] in "“„«"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    return not (after.isspace() or after in ",.;:!?)]}…")


def _mark_candidates(par: str) -> list[_Cand]:
    """Interview labels, then quotation-mark quotes paired left to right."""
    cands: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for m in _LABEL.finditer(par):
        label = m.group(1).strip()
        if all(w[:1].isupper() or w[:1] == "(" for w in label.split()):
            s, e = _strip(par, m.start(2), m.end(2))
            if e > s and par[e - 1] in "\"”":
                e = _strip(par, s, e - 1)[1]
            cands.append(_Cand(s, e, "label", label, m.start(1)))
            taken.append((m.start(), m.end()))
    open_at, opener, seen = -1, "", False
    for m in _MARKS.finditer(par):
        i, ch = m.start(), m.group()
        if any(a <= i < b for a, b in taken):
            continue
        if open_at < 0:
            if _opens(par, i):
                open_at, opener = i, ch
            elif not seen:  # closing mark with no opener: the quote began in an earlier paragraph
                cands.append(_Cand(*_strip(par, 0, i), "close", hi=i))
            seen = True
        elif ch in "”»" or (ch == '"' and opener == '"') or (ch == "“" and opener == "„"):
            cands.append(_Cand(*_strip(par, open_at + 1, i), "pair", lo=open_at, hi=i))
            open_at = -1
    if open_at >= 0:
        cands.append(_Cand(*_strip(par, open_at + 1, len(par)), "open", lo=open_at))
    return cands


def _dash_candidates(par: str, spans: list[tuple[int, int]], blocked: list[_Cand]) -> list[_Cand]:
    """Dash-led quotes; one in mid-paragraph needs an attribution, as a dash there may be a separator.

    After an attribution, each following sentence that ends in its own attribution ("...,
    he adds.") continues the run.
    """
    out: list[_Cand] = []
    p = _patterns()
    for m in _DASH.finditer(par):
        s, first, initial = m.end(), True, m.start() == 0
        if any(c.start - 1 <= s < c.end + 1 for c in [*blocked, *out]):
            continue
        while s < len(par):
            limit = len(par) if first else next((e for a, e in spans if a <= s < e), len(par))
            # the first attribution: ", says X" / ", he adds" / " - he emphasizes"
            found = [m for rx in (p["dash_sv"], p["dash_vs"]) if (m := rx.search(par, s, limit))]
            a = min(found, key=lambda m: m.start(), default=None)
            if a is None:
                if first and initial:
                    out.append(_Cand(*_strip(par, s, len(par)), "dash"))
                break
            out.append(_Cand(*_strip(par, s, a.start()), "dash", a.group("subj"), a.start("subj")))
            first = False
            s = next((st for st, _ in spans if st >= a.end()), len(par))
    return [c for c in out if not any(c.start < b.end and b.start < c.end for b in blocked)]


def _attributions(text: str) -> list[re.Match[str]]:
    """Subject + speech verb and lead-in ("according to X") matches in ``text``, in order."""
    p = _patterns()
    said = p["sv"].finditer(text) if p["verb"].search(text) else ()  # (no speech verb: no sv match)
    return sorted([*said, *p["lead"].finditer(text)], key=lambda m: m.start())


def _context_speaker(masked: str, spans: list[tuple[int, int]], c: _Cand) -> tuple[str, int]:
    """Attribution of a quotation-mark quote: right after it, else in its sentence before it."""
    p = _patterns()
    if c.hi >= 0:
        for rx in (p["after_sv"], p["after_vs"]):
            if m := rx.match(masked, c.hi + 1):
                return m.group("subj"), m.start("subj")
    if c.lo >= 0:
        s0 = next((a for a, e in spans if a <= c.lo < e), 0)
        pre = masked[s0 : c.lo]
        if m := _NAME_COLON.fullmatch(pre):  # 'Putin: "..."'
            return m.group(1), s0 + m.start(1)
        if found := _attributions(pre):
            adjacent = [m for m in found if not pre[m.end() :].strip(" \t\n,:;—–-")]
            m = adjacent[-1] if adjacent else found[0]  # 'X said: "...' else the sentence subject
            return m.group("subj"), s0 + m.start("subj")
    return "", -1


def _blank(text: str, cands: Sequence[_Cand]) -> str:
    """`text` with every character inside a candidate's [start, end) replaced by a space."""
    out, at = [], 0
    for c in sorted(cands, key=lambda c: c.start):
        start, end = max(c.start, at), min(c.end, len(text))
        if start < end:
            out += [text[at:start], " " * (end - start)]
            at = end
    out.append(text[at:])
    return "".join(out)


def _who(phrase: str, where: tuple[int, int], mentions: list[tuple[int, int, str]]) -> str:
    """The cleaned speaker of an attribution phrase at ``where`` = (paragraph, offset); a pronoun
    becomes the latest speaker mentioned before it, else ""."""
    speaker = _clean_speaker(phrase) if phrase else ""
    if speaker not in _PRONOUNS:
        return speaker
    earlier = [m for m in mentions if m[:2] < where]
    return max(earlier, key=lambda m: m[:2])[2] if earlier else ""


def find_quotes(paragraphs: list[str], *, min_words: int = _MIN_QUOTE_WORDS) -> list[Quote]:
    """Direct quotes of one article, in order, each with its speaker ("" when the text does not say).

    Quotes shorter than ``min_words`` words are scare quotes or terms and are skipped. A quote
    without its own attribution takes the speaker of: the quote it continues (unclosed in the
    previous paragraph, or closed here with no opening mark), else an earlier quote in the same
    paragraph, else the last attribution ("Lavrov told reporters") earlier in the paragraph,
    else - for a paragraph opening with a quote - the last quote of the previous paragraph,
    skipping interview-label lines (the answer after a question is the interviewee's). Pronouns
    resolve to the latest name mentioned with a speech verb, or quote speaker, before them.
    """
    return _find_quotes(paragraphs, [sentence_spans(par) for par in paragraphs], min_words)


def _find_quotes(paragraphs: list[str], paragraph_spans: list[list[tuple[int, int]]], min_words: int) -> list[Quote]:
    """`find_quotes`, given the sentence spans of each paragraph (by the default splitter)."""
    quotes: list[Quote] = []
    mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, speaker) in reading order
    last_speaker, carry, prev_open = "", "", False
    for pi, (par, spans) in enumerate(zip(paragraphs, paragraph_spans)):
        long_enough = lambda c, par=par: len(token_spans(par[c.start : c.end])) >= min_words  # noqa: E731
        marks = [c for c in _mark_candidates(par) if long_enough(c)]
        cands = sorted(marks + [c for c in _dash_candidates(par, spans, marks) if long_enough(c)],
                       key=lambda c: c.start)
        # quoted words blanked, so attributions and mentions are searched in the narration only
        masked = _blank(par, cands)
        for m in _attributions(masked):
            if _is_name(name := _clean_speaker(m.group("subj"))):
                mentions.append((pi, m.start("subj"), name))
        para_speaker, any_quote = "", False
        for c in cands:
            phrase, at = (c.speaker, c.at) if c.speaker else _context_speaker(masked, spans, c)
            if c.kind == "label":
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], phrase))
                continue
            speaker = _who(phrase, (pi, at), mentions)
            first = c is cands[0] and not par[: c.start].strip(" \t\n-–—\"“„«")
            if not speaker:
                if c.kind == "close" or (first and prev_open):
                    speaker = last_speaker
                elif para_speaker:
                    speaker = para_speaker
                elif earlier := _attributions(masked[: c.start]):
                    speaker = _who(earlier[-1].group("subj"), (pi, earlier[-1].start("subj")), mentions)
                elif first:
                    speaker = carry
            quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker))
            if speaker:
                mentions.append((pi, at if at >= 0 else c.start, speaker))
            para_speaker = speaker or para_speaker
            last_speaker, any_quote = speaker, True
        carry = last_speaker if any_quote else carry if cands else ""
        prev_open = bool(cands) and cands[-1].kind == "open"
    return quotes


def sentence_quote_overlap(
    text: str, span: tuple[int, int], quotes: Sequence[Quote]
) -> tuple[float, Quote | None]:
    """Share of the non-space characters of ``text[span]`` inside ``quotes`` (quotes of that same
    paragraph), and the quote holding most of them (None when no quote overlaps)."""
    start, end = span

    def solid(a: int, b: int) -> int:  # non-space characters of text[a:b] (split() drops str.isspace ones)
        return sum(map(len, text[a:b].split())) if a < b else 0

    total = solid(start, end)
    counts = [(solid(max(start, q.start), min(end, q.end)), q) for q in quotes]
    covered, inside = start, 0  # union of the quote intervals, in order
    for q in sorted(quotes, key=lambda q: q.start):
        a, b = max(covered, q.start, start), min(q.end, end)
        if a < b:
            inside += solid(a, b)
            covered = b
    best = max(counts, key=lambda nq: nq[0], default=(0, None))
    return (inside / total if total else 0.0), (best[1] if best[0] else None)


def segment_paragraphs(
    paragraphs: list[str], tokenizer: PunktSentenceTokenizer | None = None
) -> tuple[list[dict], list[dict]]:
    """Sentence and quote records of one article.

    Sentences: paragraph_index, sentence_index (0-based in the article), text, start, end (offsets
    in the paragraph), in_quote (at least half of the non-space characters are quoted) and speaker
    (of that quote, else ""). Quotes: paragraph_index, quote_index, text, speaker.
    """
    default = [sentence_spans(par) for par in paragraphs]
    own = default if tokenizer is None or tokenizer is _default_tokenizer() else \
        [sentence_spans(par, tokenizer) for par in paragraphs]
    quotes = _find_quotes(paragraphs, default, _MIN_QUOTE_WORDS)
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph_index, []).append(q)
    sentences: list[dict] = []
    for pi, par in enumerate(paragraphs):
        here = by_paragraph.get(pi, [])
        for s, e in own[pi]:
            share, quote = sentence_quote_overlap(par, (s, e), here)
            in_quote = share >= 0.5 and quote is not None
            sentences.append({
                "paragraph_index": pi, "sentence_index": len(sentences), "text": par[s:e], "start": s,
                "end": e, "in_quote": in_quote, "speaker": quote.speaker if in_quote and quote else "",
            })
    keys = ("paragraph_index", "text", "speaker")
    return sentences, [{"quote_index": i} | {k: getattr(q, k) for k in keys} for i, q in enumerate(quotes)]
