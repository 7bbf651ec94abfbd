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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktTrainer

from analysis import paths


# --------------------------------------------------------------------------- resources
def _read_list(name: str) -> tuple[str, ...]:
    """Entries of a packaged word list: lower-cased lines, '#' comments and blanks skipped."""
    text = paths.resource_text(name)
    lines = (line.strip().lower() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


@lru_cache(maxsize=None)
def default_abbreviations() -> frozenset[str]:
    """Punkt abbreviation types from ``abbreviations.txt`` (lower case, no final period)."""
    return frozenset(entry.rstrip(".") for entry in _read_list("abbreviations.txt"))


@lru_cache(maxsize=None)
def not_persons() -> frozenset[str]:
    """Places and institutions that are sentence subjects but never a "he" or "she" (``not_persons.txt``)."""
    return frozenset(_read_list("not_persons.txt"))


@lru_cache(maxsize=None)
def role_nouns() -> tuple[str, ...]:
    """Nouns that describe a person by role ("spokesman", "official", "mother"), from ``role_nouns.txt``."""
    return _read_list("role_nouns.txt")


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

    # NLTK >= 3.10 compiles these two with the `regex` module behind a time-out guard, which
    # costs about half of all sentence splitting; its patterns (free of catastrophic
    # backtracking since NLTK 3.8.2) are compiled here with the standard library, as NLTK did
    # before, with the same matches.
    def _word_tokenizer_re(self) -> re.Pattern[str]:
        if self._re_word_tokenizer_std is None:
            self._re_word_tokenizer_std = re.compile(
                self._word_tokenize_fmt % {"NonWord": self._re_non_word_chars,
                                           "MultiChar": self._re_multi_char_punct,
                                           "WordStart": self._re_word_start},
                re.UNICODE | re.VERBOSE)
        return self._re_word_tokenizer_std

    def period_context_re(self) -> re.Pattern[str]:
        if self._re_period_context_std is None:
            self._re_period_context_std = re.compile(
                self._period_context_fmt % {"NonWord": self._re_non_word_chars,
                                            "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE)
        return self._re_period_context_std

    def __init__(self) -> None:
        super().__init__()
        self._re_word_tokenizer_std: re.Pattern[str] | None = None
        self._re_period_context_std: re.Pattern[str] | None = None


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


def _splitter_key(tokenizer: PunktSentenceTokenizer) -> tuple:
    params = tokenizer._params
    return (frozenset(params.abbrev_types), frozenset(params.collocations), frozenset(params.sent_starters),
            frozenset(params.ortho_context.items()), type(tokenizer._lang_vars))


def _is_default(tokenizer: PunktSentenceTokenizer | None) -> bool:
    """Whether `tokenizer` splits as the default one does (built from the same parameters), so
    that sentences need not be split twice."""
    if tokenizer is None or tokenizer is _default_tokenizer():
        return True
    return _splitter_key(tokenizer) == _splitter_key(_default_tokenizer())


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
    """Quoted or reported words: ``text == paragraphs[paragraph_index][start:end]`` (marks excluded).

    ``kind``: ``direct`` (in quotation marks), ``dash`` (dash-introduced speech), ``interview``
    (an interviewee's answer after a speaker label), ``question`` (an interviewer's turn),
    ``partial`` (a few quoted words inside an attributed sentence), ``scare`` (quoted words no one
    is said to have said) or ``indirect`` (reported speech: "Lavrov said that ...").
    """

    paragraph_index: int
    start: int
    end: int
    text: str
    speaker: str
    kind: str = "direct"


#: Kinds of `Quote` whose words are someone else's, quoted (the quotation layer of a sentence).
QUOTED_KINDS = ("direct", "dash", "interview", "question", "partial")
#: Kinds that give a speaker a voice (for who-is-quoted counts): all but scare quotes and questions.
VOICE_KINDS = ("direct", "dash", "interview", "partial", "indirect")


_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_MIN_QUOTE_WORDS = 4
_CONNECT = "of|de|da|van|von|al|bin|le|la|du|der"
# Words dropped from the front of a name ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov");
# a phrase made only of them stays as it is ("Russian Foreign Minister").
_TITLES = frozenset(
    "mr mrs ms dr prof professor sir president vice prime minister foreign defence defense deputy"
    " spokesman spokeswoman spokesperson press secretary general gen colonel col lt lieutenant major"
    " maj captain capt sergeant sgt admiral commander chief head ambassador envoy senator sen rep"
    " representative gov governor federal chancellor councillor councilor commissioner mayor king queen pope former acting top senior director"
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
# ("a senior U.S. official"; a word's final dot only where no sentence starts after it: "the Black Sea. She")
_ROLE_WORD = rf"(?!(?:{_STOP_LOW})\b)[\w'’-]+(?:\.[\w'’-]+)*(?:\.(?!\s+[{_UPPER}]))?"
_DET = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)"  # "one senior EU diplomat", "his mother"
_ROLE_LAZY = rf"\b{_DET}\s+(?:{_ROLE_WORD}\s+){{0,4}}?{_ROLE_WORD}"
_ROLE_GREEDY = rf"\b{_DET}\s+{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,4}}"
_PRON = r"\b(?i:he|she|him|her)\b"
_APPOSITION = r"(?:,\s+(?=[a-z])[^,;:]{1,200}?){1,3},"  # ", a political scientist at X,"
_GAP = r"(?:\s+(?:has|have|had|was|is|also|then|later|again|once|further|still|even|just|first|[a-z]+ly)){0,3}"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?…]|$)|\s+(?:in|on|at|to|during|after|before|as|when|while|with|from|for)\b)"
_LEAD = r"[\s,;:—–-]*"
_OBJECT = r"(?:\s+(?:reporters|journalists|the\s+press|me|us|him|her|them|(?=[A-Z])[\w'’-]+))?"  # "- X told journalists."
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
    sv = (rf"(?P<subj>{_PRON}|{_ROLE_LAZY},\s+{_NAME},|{_ROLE_LAZY}\s+(?:in|at|from|close\s+to)\s+{_NAME}(?:{_APPOSITION})?|{_ROLE_LAZY}(?:,\s+who\s[^,;:]{{1,200}}?,)?|{_TITLED}|"
          rf"{_NAME}(?:{_APPOSITION})?){_GAP}\s+{verb}")
    vs = rf"{verb}\s+(?P<subj>{_PRON}|{_ROLE_GREEDY}|{_TITLED}|{_NAME})"
    lead = rf"\b(?i:{alt(leads)})\s+(?P<subj>{_PRON}|{_ROLE_GREEDY}|{_TITLED}|{_NAME}(?:\s+[a-z]+)?)"
    sep = r"(?:,|\s[-–—])\s+"
    quoted = rf"\bquot(?:ed|es|ing)\s+(?P<subj>{_ROLE_LAZY},\s+{_NAME},|{_TITLED}|{_NAME}|{_ROLE_LAZY}|{_PRON})\s+as\s+saying"
    also = rf"(?:,\s+|\s+)and\s+(?:also\s+|later\s+|then\s+)?(?P<subj>){verb}"  # "... and said that": the sentence's subject
    opinion = r"\b(?i:in)\s+(?P<subj>his|her)\s+(?:opinion|words|view)(?=,)"  # "In his opinion, ..."
    return {"sv": re.compile(sv), "verb": re.compile(verb), "lead": re.compile(lead), "quoted": re.compile(quoted),
            "tail_sv": re.compile(r",\s+" + sv), "tail_vs": re.compile(r",\s+" + vs),  # "..., Sybiha has stated."
            "opinion": re.compile(opinion),
            "also": re.compile(also),
            "after_sv": re.compile(_LEAD + sv),
            "after_vs": re.compile(_LEAD + vs), "dash_sv": re.compile(sep + sv + _OBJECT + _CLAUSE_END),
            "dash_vs": re.compile(sep + vs)}


def _clean_speaker(phrase: str) -> str:
    """Reduce an attribution subject to a name, a role ("reserve colonel") or a pronoun."""
    appositive = re.fullmatch(rf"\s*{_ROLE_LAZY},\s+({_NAME}),\s*", phrase)
    if appositive:  # "a ministry spokeswoman, Jane Roe,": the name
        return _clean_speaker(appositive.group(1))
    p = phrase.split(",")[0].strip(" \t\n.:;'’\"“”")
    p = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"['’]s$", "", p), flags=re.IGNORECASE)
    if p.lower() in _PRONOUNS:
        return p.lower()
    if re.match(_DET + r"\s", phrase.lstrip()) and re.search(r"\s(?:in|at|from)\s", p) and _head(p) in _role_heads():
        return p  # an unnamed source where it is: "diplomat in Kyiv"
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
    if text[i] == "»":  # German »...«: opens after a space, before a word
        return (not i or text[i - 1].isspace() or text[i - 1] in "([{—–-/") and i + 1 < len(text) \
            and not text[i + 1].isspace()
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
        elif (ch in "”»" and opener != "»") or (ch == '"' and opener == '"') or (ch == "“" and opener == "„") \
                or (ch == "«" and opener == "»"):
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
                elif not first and (cont := re.compile(r"\s*[-–—]\s+(?=\S)").match(par, s)):
                    # "— Words, — the minister replied. — More words.": the same speaker goes on
                    out.append(_Cand(*_strip(par, cont.end(), len(par)), "dash", out[-1].speaker, out[-1].at))
                break
            out.append(_Cand(*_strip(par, s, a.start()), "dash", a.group("subj"), a.start("subj")))
            first = False
            s = next((st for st, _ in spans if st >= a.end()), len(par))
            if s < len(par) and par[s] not in "-–—":
                dash_at = par.find("—", a.end())
                s = dash_at if 0 <= dash_at < s else s
    return [c for c in out if not any(c.start < b.end and b.start < c.end for b in blocked)]


def _attributions(text: str) -> list[re.Match[str]]:
    """Subject + speech verb and lead-in ("according to X") matches in ``text``, in order."""
    p = _patterns()
    said = p["sv"].finditer(text) if p["verb"].search(text) else ()  # (no speech verb: no sv match)
    return sorted([*said, *p["lead"].finditer(text), *p["quoted"].finditer(text), *p["opinion"].finditer(text)],
                  key=lambda m: m.start())


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
            if pre.rstrip().endswith(":"):  # 'X put it more bluntly: "...': the attribution the colon ends
                adjacent = found[-1:]
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


def _who(phrase: str, where: tuple[int, int], mentions: list[tuple[int, int, str]],
         roles: Sequence[tuple[int, int, str, str, str]] = (), texts: Sequence[str] = (),
         fulls: dict[str, str] | None = None) -> str:
    """The cleaned speaker of an attribution phrase at ``where`` = (paragraph, offset); a pronoun
    becomes the latest speaker mentioned before it, else ""; a role ("the minister") the person
    the article last named with that role before it ("Foreign Minister Sergei Lavrov"), if any."""
    speaker = _clean_speaker(phrase) if phrase else ""
    if speaker in _PRONOUNS:  # (never a place or an institution)
        earlier = [m for m in mentions if m[:2] < where and m[2].lower() not in not_persons()]
        return max(earlier, key=lambda m: m[:2])[2] if earlier else ""
    words = speaker.lower().split()
    if (speaker and not _is_name(speaker) and re.match(r"\s*the\b", phrase, re.IGNORECASE)
            and not _role_heads().isdisjoint(words)):
        # "the minister": the person (or unnamed source) just mentioned, in this paragraph or the
        # one before, when nothing says they hold another role; else the person last named with
        # that role (the one whose role words match best), else the person last named as a
        # speaker; "a diplomat" stays an unnamed source.
        recent = max((m for m in mentions if m[0] >= where[0] - 1 and m[:2] < where
                      and m[2].lower() not in not_persons()), key=lambda m: m[:2], default=None)
        if recent is not None:
            if _is_name(recent[2]):
                held = {r[2] for r in roles if r[3] == recent[2] and r[:2] < where}
                if not held or not held.isdisjoint(words):
                    return recent[2]
            elif _head(recent[2]) in words:  # "a senior official ..." / "the official said"
                return recent[2]
        named = [r for r in roles if r[2] in words and r[:2] < where]
        if named:
            return max(named, key=lambda r: (len(set(words) & set(r[4].split())), r[:2]))[3]
        earlier = [m for m in mentions if m[:2] < where and _person(m[2])]
        if earlier:
            return max(earlier, key=lambda m: m[:2])[2]
        for text in reversed(texts[max(0, where[0] - 1):where[0] + 1]):  # "At its head sat Hakan Fidan."
            names = [n for m in _NAMES.finditer(text) if len((n := _clean_speaker(m.group(0))).split()) >= 2
                     and _person(n)]
            if names:
                return names[-1]
    if texts and _is_name(speaker) and len(speaker.split()) == 1 and _person(speaker):
        return _full_of(speaker, texts, fulls) or speaker  # "Peskov" -> "Dmitry Peskov", as the article named him
    return speaker


_NAMES = re.compile(rf"{_TITLED}|{_NAME}")
_OF = re.compile(r"\s(?:in|at|from|of|close\s+to)\s")


def _head(description: str) -> str:
    """The role noun of an unnamed source: "senior U.S. official" / "Western diplomat in Kyiv" -> the last
    word before any "in", "at", "from" or "of" (lower case)."""
    words = _OF.split(description, maxsplit=1)[0].lower().split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _role_heads() -> frozenset[str]:
    """The last word of each role noun ("political scientist" -> "scientist")."""
    return frozenset(noun.split()[-1] for noun in role_nouns())


@lru_cache(maxsize=1)
def _role_noun() -> re.Pattern[str]:
    nouns = sorted(role_nouns(), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in nouns)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _apposed() -> re.Pattern[str]:
    """A name with a role in apposition: "Serhiy, a 24-year-old marine" / "Peskov, the Kremlin's spokesman"."""
    nouns = "|".join(sorted(_role_heads(), key=len, reverse=True))
    return re.compile(rf"(?P<name>{_NAME}),\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,5}}?(?:{nouns})\b")


#: Past forms not ending in -ed that follow a sentence's subject ("Zakharova went further").
_IRREGULAR = ("went|made|took|gave|came|spoke|wrote|met|sat|stood|put|kept|held|brought|thought|felt|began|became|"
              "told|said|sought|won|lost|ran|saw|knew|left|led|heard|set|struck|chose|drew|grew|flew|rose|fell")
_SUBJECT = re.compile(rf"(?=[{_UPPER}])(?:^|(?<=[.!?…]\s)|(?<=[.!?…][\"”»]\s)|(?<=,\s)|(?<=\bwhen\s)|(?<=\bas\s)|(?<=\band\s))"
                      rf"(?P<name>{_TITLED}|{_NAME})"
                      r"(?:\s+(?:himself|herself))?(?:,\s[^,]{1,80},|,(?=\s+(?:has|had|have|is|was)\b))?\s+"
                      r"(?:[a-z]+ly\s+|also\s+|then\s+)?"
                      rf"(?=(?:has|had|is|was|will|would|remains|remained|{_IRREGULAR}|[a-z]+ed|[a-z]+s)\b)")
_BEFORE_SURNAME = re.compile(rf"(?:{_CAP}\s+){{1,3}}$")


def _person(name: str) -> bool:
    """A name that may be a person's: capitalised, and neither it nor its last word a place or institution."""
    return _is_name(name) and name.lower() not in not_persons() and name.split()[-1].lower() not in not_persons()


def _full_of(surname: str, texts: Sequence[str], fulls: dict[str, str]) -> str:
    """The full name ("Hakan Fidan") the article's narration ``texts`` gave a surname ("Fidan")
    anywhere before, else "" (``fulls`` caches surname -> full name; searched only on demand)."""
    if surname not in fulls:
        fulls[surname] = ""
        for text in texts:
            at = text.find(surname)
            while at > 0 and not fulls[surname]:
                if not text[at + len(surname):at + len(surname) + 1].isalnum():
                    before = _BEFORE_SURNAME.search(text, max(0, at - 80), at)
                    name = _clean_speaker(before.group(0) + surname) if before else ""
                    if len(name.split()) >= 2 and _person(name) and name.split()[-1] == surname:
                        fulls[surname] = name
                at = text.find(surname, at + 1)
            if fulls[surname]:
                break
    return fulls[surname]


def _subject_mentions(pi: int, masked: str, known: Sequence[tuple[int, int, str]], texts: Sequence[str],
                      fulls: dict[str, str]) -> list[tuple[int, int, str]]:
    """People named as the subject of a narration sentence ("Fidan, for his part, remains ...",
    "Dmitry Peskov summed up ...") or with a role in apposition ("Serhiy, a 24-year-old marine"):
    what a following "he said" refers to. A one-word subject counts only when it is the surname
    of a full name seen before (as a speaker in ``known``, or anywhere in the narration ``texts``
    of this and earlier paragraphs: `_full_of`); places and institutions never."""
    out = []
    # (a one-word name the article introduced on its own, "Oleh, a duty engineer, ...", counts too)
    named = {m[2]: m[2] for m in known if len(m[2].split()) == 1 and _person(m[2])}
    named |= {m[2].split()[-1]: m[2] for m in known if len(m[2].split()) >= 2}
    for m in _SUBJECT.finditer(masked):
        name = _clean_speaker(m.group("name"))
        if not _person(name):
            continue
        if len(name.split()) == 1:
            name = named.get(name) or _full_of(name, texts, fulls)
            if not name:
                continue
        out.append((pi, m.start("name"), name))
        named[name.split()[-1]] = name
    if ", a" in masked or ", the" in masked:
        for m in _apposed().finditer(masked):
            name = _clean_speaker(m.group("name"))
            if _person(name):
                out.append((pi, m.start("name"), named.get(name) or _full_of(name, texts, fulls) or name))
    return out


_NAME_AFTER = re.compile(rf",?\s+(?P<name>{_NAME})")
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME}),\s+(?:(?:the|a|an|his|her|its)\s+)?(?:[\w'’-]+\s+){{0,4}}$")


def _role_mentions(pi: int, masked: str) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset, role noun, name, role words) for each "Foreign Minister Sergei Lavrov"
    or "Dmitry Peskov, the Kremlin spokesman," in the narration (searched only around role nouns)."""
    out = []
    for m in _role_noun().finditer(masked):
        role = m.group(0).lower().split()[-1]
        context = " ".join(masked[max(0, m.start() - 60):m.start()].split()[-4:]).lower()
        after = _NAME_AFTER.match(masked, m.end())
        if after:
            name = _clean_speaker(after.group("name"))
            if _is_name(name):
                out.append((pi, m.start(), role, name, f"{context} {m.group(0).lower()}"))
                continue
        window = masked[max(0, m.start() - 160):m.start()]
        before = _NAME_BEFORE.search(window) if ", " in window else None
        if before:
            name = _clean_speaker(before.group("name"))
            if _is_name(name):
                start = max(0, m.start() - 160) + before.start()
                words = " ".join(window[before.end("name"):].replace(",", " ").split()).lower()
                out.append((pi, start, role, name, f"{words} {m.group(0).lower()}"))
    return sorted(out)


def find_quotes(paragraphs: list[str], *, min_words: int = _MIN_QUOTE_WORDS, short: bool = False,
                reported: bool = False) -> list[Quote]:
    """Quotes of one article, in order, each with its speaker ("" when the text does not say) and kind.

    Quotes shorter than ``min_words`` words are skipped, or with ``short`` kept as ``partial``
    (an attribution stands in their sentence) or ``scare`` quotes; with ``reported``, reported
    speech ("Lavrov said on Friday that ...", "according to X, ...") is found too, as ``indirect``.
    Speaker labels at the start of paragraphs (an interview: "Q:", "Lavrov:", "SP:") make
    ``question`` and ``interview`` turns when at least two paragraphs carry one. A quote
    without its own attribution takes the speaker of: the quote it continues (unclosed in the
    previous paragraph, or closed here with no opening mark), else an earlier quote in the same
    paragraph, else the last attribution ("Lavrov told reporters") earlier in the paragraph,
    else - for a paragraph opening with a quote - the last quote of the previous paragraph,
    skipping interview-label lines (the answer after a question is the interviewee's). Pronouns
    resolve to the latest name mentioned with a speech verb, or quote speaker, before them.
    """
    return _find_quotes(paragraphs, [sentence_spans(par) for par in paragraphs], min_words, short, reported)


_SINGLE = re.compile(r"['‘’]")
_SQ_OPENS = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[^\s'‘’])")
_SQ_CLOSES = re.compile(r"(?<=[^\s'‘’])['’](?=[\s,.;:!?)\]…—–-]|$)")
_DOUBLE_TO_SINGLE = str.maketrans({'"': "'", "“": "‘", "”": "’", "„": "‘", "«": "‘", "»": "’"})


def _single_quote_style(paragraphs: Sequence[str]) -> list[str] | None:
    """British style ('Britain will not flinch,' she said): when an article pairs single marks more
    often than it uses double ones, the paragraphs with its paired single marks written as double
    ones and its (nested) double marks as single ones, every offset kept; else None. An apostrophe
    (Kremlin's, that's) is neither an opening mark (a letter before it) nor a closing one (a letter after)."""
    if not any("'" in p or "‘" in p for p in paragraphs):
        return None
    out, pairs = [], 0
    for par in paragraphs:
        chars, open_at = list(par), -1
        for m in _SINGLE.finditer(par):
            i = m.start()
            if open_at < 0:
                if _SQ_OPENS.match(par, i):
                    open_at = i
            elif _SQ_CLOSES.match(par, i):
                chars[open_at], chars[i], open_at = "\x00", "\x01", -1
                pairs += 1
        out.append("".join(chars))
    doubles = sum(len(_MARKS.findall(p)) for p in paragraphs)
    if pairs < 2 or 2 * pairs <= doubles:
        return None
    return [p.translate(_DOUBLE_TO_SINGLE).replace("\x00", "“").replace("\x01", "”") for p in out]


def _find_quotes(paragraphs: list[str], paragraph_spans: list[list[tuple[int, int]]], min_words: int,
                 short: bool = False, reported: bool = False) -> list[Quote]:
    """`find_quotes`, given the sentence spans of each paragraph (by the default splitter)."""
    british = _single_quote_style(paragraphs)
    if british is None:
        return _find_marked_quotes(paragraphs, paragraph_spans, min_words, short, reported)
    return [Quote(q.paragraph_index, q.start, q.end, paragraphs[q.paragraph_index][q.start:q.end], q.speaker, q.kind)
            for q in _find_marked_quotes(british, paragraph_spans, min_words, short, reported)]


def _find_marked_quotes(paragraphs: list[str], paragraph_spans: list[list[tuple[int, int]]], min_words: int,
                        short: bool = False, reported: bool = False) -> list[Quote]:
    """`_find_quotes` on paragraphs whose quotation marks are double ones."""
    quotes: list[Quote] = []
    mentions: list[tuple[int, int, str]] = []  # (paragraph, offset, speaker) in reading order
    roles: list[tuple[int, int, str, str, str]] = []
    fulls: dict[str, str] = {}  # surname -> the full name the article used
    texts: list[str] = []  # the narration of the paragraphs read so far
    turns = interview_turns(paragraphs)
    last_speaker, carry, prev_open, after_question = "", "", False, False
    for pi, (par, spans) in enumerate(zip(paragraphs, paragraph_spans)):
        if pi in turns:
            start, label, kind = turns[pi]
            speaker = label if kind == "question" else _full_name(label, mentions)
            end = _strip(par, start, len(par))[1]
            if par[start:end].startswith(("\"", "“")) and par[end - 1:end] in ("\"", "”"):
                start, end = _strip(par, start + 1, end - 1)
            quotes.append(Quote(pi, start, end, par[start:end], speaker, kind))
            if kind == "interview" and speaker:
                mentions.append((pi, 0, speaker))
            last_speaker, carry, prev_open, after_question = speaker, carry, False, kind == "question"
            continue
        long_enough = lambda c, par=par: len(token_spans(par[c.start : c.end])) >= min_words  # noqa: E731
        found = _mark_candidates(par)
        marks = [c for c in found if long_enough(c)]
        shorts = [c for c in found if c.kind == "pair" and not long_enough(c)
                  and not all(w[:1].isupper() for w in par[c.start:c.end].split())] if short else []  # not names
        cands = sorted(marks + [c for c in _dash_candidates(par, spans, marks) if long_enough(c)],
                       key=lambda c: c.start)
        # quoted words blanked, so attributions and mentions are searched in the narration only
        masked = _blank(par, cands)
        roles += _role_mentions(pi, masked)
        texts.append(masked)
        for m in _attributions(masked):
            if _is_name(name := _clean_speaker(m.group("subj"))):
                if len(name.split()) == 1 and _person(name):
                    name = _full_of(name, texts, fulls) or name
                mentions.append((pi, m.start("subj"), name))
            elif _head(name) in _role_heads():
                if re.match(r"\s*(?i:the)\b", m.group("subj")):  # "the Kremlin aide noted": who that is
                    name = _who(m.group("subj"), (pi, m.start("subj")), mentions, roles)
                    if _is_name(name):
                        mentions.append((pi, m.start("subj"), name))
                else:  # an unnamed source: "a senior official said"
                    mentions.append((pi, m.start("subj"), name))
        mentions += _subject_mentions(pi, masked, mentions, texts, fulls)
        mentions.sort(key=lambda m: m[:2])
        para_speaker, any_quote = "", False
        for c in cands:
            phrase, at = (c.speaker, c.at) if c.speaker else _context_speaker(masked, spans, c)
            if c.kind == "label":
                kind = "question" if _interviewer_label(phrase) else "interview"
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], phrase, kind))
                after_question = kind == "question"
                continue
            speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls)
            first = c is cands[0] and not par[: c.start].strip(" \t\n-–—\"“„«")
            if not speaker:
                if c.kind == "close" or (first and prev_open):
                    speaker = last_speaker
                elif para_speaker:
                    speaker = para_speaker
                elif before := [sc for sc in shorts if sc.hi < c.start and par[sc.hi - 1:sc.hi] in ",!?…"
                                and not _inside_sentence(par, spans, sc)]:
                    # '"Sequencing is everything," said X. "If you ...': the short quote's attribution
                    phrase, at = _context_speaker(masked, spans, before[-1])
                    speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls) if phrase else ""
                elif earlier := _attributions(masked[: c.start]):
                    speaker = _who(earlier[-1].group("subj"), (pi, earlier[-1].start("subj")), mentions)
                elif not (c.kind == "pair" and _inside_sentence(par, spans, c)) and \
                        (subject := [m for m in mentions if m[0] == pi and m[1] < c.start and _person(m[2])]):
                    speaker = subject[-1][2]  # "Tusk summed up the day in four words. "...""
                elif first:
                    speaker = carry
            kind = "dash" if c.kind == "dash" else "interview" if after_question and first else \
                "partial" if c.kind == "pair" and _inside_sentence(par, spans, c) else "direct"
            quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker, kind))
            if speaker:
                mentions.append((pi, at if at >= 0 else c.start, speaker))
            para_speaker = speaker or para_speaker
            last_speaker, any_quote = speaker, True
        for c in shorts + [c for c in cands if c.kind == "pair" and _inside_sentence(par, spans, c)]:
            if c in cands:  # a longer quote inside the author's sentence: settle its speaker the same way
                q = next((q for q in reversed(quotes) if q.paragraph_index == pi and q.start == c.start), None)
                if q is None or q.speaker:
                    continue
            s0, e0 = next(((a, e) for a, e in spans if a <= c.start < e), (0, len(par)))
            said = _attributions(masked[s0:e0]) or list(_LABELLING.finditer(masked[s0:e0]))
            scare = re.search(r"\b(?:so-called|so called|what (?:he|she|they|it) calls?)\s*$",
                              par[max(0, c.lo - 30):c.lo], re.IGNORECASE)
            if c in cands:
                if said and not scare:
                    m = said[-1] if said[-1].start() < c.start - s0 else said[0]
                    speaker = _who(m.group("subj"), (pi, s0 + m.start("subj")), mentions, roles, texts, fulls)
                    at = quotes.index(q)
                    quotes[at] = Quote(q.paragraph_index, q.start, q.end, q.text, speaker, q.kind)
                continue
            if not scare and not _inside_sentence(par, spans, c):
                # a short quote that is a sentence of its own: '"Nothing is agreed," said X.' / '... he
                # said. "That is all."' - direct speech of the attribution after it, else of the paragraph's speaker
                phrase, at = _context_speaker(masked, spans, c) if par[c.hi - 1:c.hi] in ",!?…" or \
                    par[c.hi + 1:c.hi + 2] in ",!?" else ("", -1)
                speaker = _who(phrase, (pi, at), mentions, roles, texts, fulls) if phrase else para_speaker
                if speaker:
                    quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker, "direct"))
                    continue
            if said and not scare:
                m = said[-1] if said[-1].start() < c.start - s0 else said[0]
                speaker = _who(m.group("subj"), (pi, s0 + m.start("subj")), mentions, roles, texts, fulls)
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], speaker, "partial"))
            else:
                quotes.append(Quote(pi, c.start, c.end, par[c.start : c.end], "", "scare"))
        if reported:
            quotes += _reported_speech(pi, par, masked, spans, cands, mentions, roles)
            headline = _PLAIN_LABEL.match(par)
            if headline and not cands and not _MARKS.search(par):  # "Lavrov: Moscow will not accept ..." (a headline's gist)
                label = headline.group("label").strip()
                words = label.split()
                if (len(words) <= 3 and _is_name(label) and label.lower() not in _NOT_SPEAKERS
                        and label.lower() not in not_persons() and not re.fullmatch(r"[A-Z]{1,6}", label)):
                    a, b = _strip(par, headline.end(), len(par))
                    while b > a and par[b - 1] in ".;!?…":
                        b -= 1
                    if len(par[a:b].split()) >= 2:
                        quotes.append(Quote(pi, a, b, par[a:b], _full_name(label, mentions), "indirect"))
        carry = last_speaker if any_quote else carry if cands else _lead(pi, masked, mentions, roles)
        prev_open = bool(cands) and cands[-1].kind == "open"
        asked_here = any(c.kind == "label" and _interviewer_label(c.speaker) for c in cands)
        after_question = asked_here or (after_question and not any_quote)
    return sorted(quotes, key=lambda q: (q.paragraph_index, q.start, q.end))


def _lead(pi: int, masked: str, mentions: list[tuple[int, int, str]],
          roles: Sequence[tuple[int, int, str, str, str]]) -> str:
    """Who a narration paragraph hands the next paragraph's unattributed quote to: the speaker of
    the attribution its colon ends ("In a post on X, he wrote:"), else the person it mentions
    last ("Witkoff himself remains upbeat."), else nobody."""
    if masked.rstrip().endswith(":") and (found := _attributions(masked)):
        return _who(found[-1].group("subj"), (pi, found[-1].start("subj")), mentions, roles)
    here = [m for m in mentions if m[0] == pi and _person(m[2])]
    return here[-1][2] if here else ""


def _inside_sentence(par: str, spans: Sequence[tuple[int, int]], c: _Cand) -> bool:
    """A quote set inside the author's own sentence ('Lavrov said the West was "not ready for
    talks at all".'): words stand before its opening mark in its sentence, and they do not end
    in a colon or a comma that introduces it ('Lavrov said: "..."', 'he said, "..."')."""
    s0 = next((a for a, e in spans if a <= c.lo < e), 0)
    before = par[s0:c.lo].rstrip()
    return bool(before.strip(" -–—")) and not before.endswith((":", ",", "—", "–"))


#: Verbs that put someone's words in quotation marks inside the author's sentence ('Medinsky
#: called the outcome "satisfactory"'), and "X, who said ... that", whose subject is the speaker.
_LABELLING = re.compile(
    rf"(?P<subj>{_TITLED}|{_NAME}|{_ROLE_LAZY}|{_PRON})(?:,\s+who)?(?:\s+(?:has|had|have|also|earlier|later|then|once))*\s+"
    r"(?P<verb>called|calls|described|describes|dubbed|dubs|termed|terms|labelled|labeled|branded|brands|spoke of|"
    r"speaks of|warned against|warns against|urged|urges|thanked|thanks|promised|promises|vowed|vows|pledged|"
    r"demanded|demands|praised|praises|criticised|criticized|dismissed|dismisses|rejected|rejects|accused|accuses|"
    r"hailed|hails|welcomed|welcomes|put it|wants|wanted|offered|offers)\b")


_NOT_SPEAKERS = frozenset(
    "background note notes update updates source sources photo photos video read more related context analysis "
    "summary editor's editors note correction corrections topics tags key points why it matters what's next breaking "
    "live latest watch listen warning disclaimer opinion comment reaction timeline location date time when where "
    "what who why how see also also quote quotes statement transcript excerpt excerpts readout explainer factbox".split())
#: Labels of an interview's answers that name nobody: the interviewee the introduction names speaks.
_ANSWER_LABELS = frozenset({"a", "answer"})
_PLAIN_LABEL = re.compile(
    r"^\s*(?P<label>Q|A|[A-Z]{2,6}|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*\([^)\n]{1,20}\))?)\s*:\s+(?=\S)")
_MEDIA_WORDS = re.compile(r"\b(media|news|press|times|magazine|radio|tv|journal|post|herald|interviewer|correspondent|"
                          r"reporter|editor|question|host|moderator)\b", re.IGNORECASE)


def _asker_label(label: str) -> bool:
    """An interviewer's tag by its words: Q, Question, INTERVIEWER, a parenthesised or outlet-like name."""
    label = label.strip()
    return label in ("Q", "Question") or "(" in label or bool(_MEDIA_WORDS.search(label))


def _interviewer_label(label: str) -> bool:
    """An interviewer's tag: Q, an abbreviation (SP), a parenthesised outlet, or an outlet-like name."""
    return _asker_label(label) or bool(re.fullmatch(r"[A-Z]{2,6}", label.strip()))


def _initials_of(label: str, intro: Sequence[str]) -> str:
    """The name in an interview's introduction whose initials a label gives ("OL": "Olena Lysenko")."""
    for par in intro:
        for m in _NAMES.finditer(par):
            name = _clean_speaker(m.group(0))
            if len(name.split()) == len(label) and "".join(w[0] for w in name.split()) == label:
                return name
    return ""


def interview_turns(paragraphs: Sequence[str]) -> dict[int, tuple[int, str, str]]:
    """Paragraphs that open with a speaker label, as {paragraph: (text start, label, kind)}, kind
    ``question`` (an interviewer's tag: Q, SP, "Free Media (SP)") or ``interview`` (a person's
    name, or A).

    A labelled paragraph is a turn only when what follows the label is at least three words
    ending a sentence (headlines such as "Putin Giving Up: Is Russia ..." are no turns), and an
    article is an interview only with an interviewer's turn and an answer, or with a person's
    label repeated (at most three people). Words such as Background, Update or Source are never
    speakers. Paragraphs without a label after an answer continue it up to the next question.
    """
    found: dict[int, tuple[int, str, str]] = {}
    brief: dict[int, tuple[int, str, str]] = {}
    dashed = {pi: m.end() for pi, par in enumerate(paragraphs) if (m := re.match(r"\s*[-–—]\s+(?=\S)", par))}
    asks = [pi for pi in dashed if paragraphs[pi].rstrip().endswith("?")]
    if len(asks) >= 2 and len(dashed) - len(asks) >= 2 and not any(_PLAIN_LABEL.match(p) for p in paragraphs[1:]):
        # a dash interview: "— How do you assess ...?" / "— I assess them as positive ..."
        first = min(dashed)
        who = _interviewee(paragraphs[:first])
        return {pi: (start, "interviewer" if pi in asks else who, "question" if pi in asks else "interview")
                for pi, start in sorted(dashed.items())}
    for pi, par in enumerate(paragraphs):
        m = _PLAIN_LABEL.match(par) or _LABEL.match(par)
        if not m:
            continue
        label = (m.group("label") if m.re is _PLAIN_LABEL else m.group(1)).strip()
        rest = (par[m.end():] if m.re is _PLAIN_LABEL else m.group(2)).strip()
        if (label.lower() in _NOT_SPEAKERS or rest[:1] in "\"“«„"
                or not re.search(r"[.!?…\"”»)]$", rest)):
            continue
        start = m.end() if m.re is _PLAIN_LABEL else m.start(2)
        if len(rest.split()) < 3:  # "STUBB: Thank you.": a turn only once the label is known as a turn's
            brief[pi] = (start, label, "")
            continue
        found[pi] = (start, label, "question" if _interviewer_label(label) else "interview")
    known = {label for _, label, _ in found.values()}
    found = dict(sorted({**found, **{pi: (start, label, "question" if _interviewer_label(label) else "interview")
                                      for pi, (start, label, _) in brief.items() if label in known}}.items()))
    # who asks: a label whose words say so (Q, Question, INTERVIEWER, an outlet); without one, of
    # two or more labels ("KELLY:" / "WITKOFF:", "MH:" / "OL:") the one whose turns are mostly
    # questions; the others answer, abbreviations included
    named = {label for _, label, _ in found.values()}
    if len(named) >= 2:
        askers = {label for label in named if _asker_label(label)}
        if not askers:
            share = {label: sum(paragraphs[pi].rstrip().endswith(("?", "?\"", "?”")) for pi, (_, lb, _) in found.items()
                                if lb == label) / sum(lb == label for _, lb, _ in found.values()) for label in named}
            top = max(share.values())
            if top >= 0.5 and sum(v == top for v in share.values()) == 1:
                askers = {label for label, v in share.items() if v == top}
        if askers:
            found = {pi: (start, label, "question" if label in askers else "interview")
                     for pi, (start, label, _) in found.items()}
    labels = [label for _, label, kind in found.values() if kind == "interview"]
    asked = [pi for pi, (_, _, kind) in found.items() if kind == "question"]
    questions = sum(bool(re.search(r"\?[\"”»]?$", paragraphs[pi].rstrip())) for pi in asked)
    repeated = any(labels.count(label) >= 2 for label in labels) and len(set(labels)) <= 3
    if not ((asked and labels and len(found) >= 3) or (len(asked) >= 2 and 2 * questions >= len(asked)) or repeated):
        return {}
    if not asked and len(set(labels)) == 1 and len(labels) == len(found) and len(found) >= len(paragraphs) - 1:
        return {}  # one name before every paragraph: a list's labels, not turns
    intro = paragraphs[:min(found)]
    interviewee = next((label for label in labels if label.lower() not in _ANSWER_LABELS), "") or _interviewee(intro)
    if re.fullmatch(r"[A-Z]{2,4}", interviewee):  # initials: the name they stand for
        interviewee = _initials_of(interviewee, intro) or interviewee
    named_in_intro = _interviewee(intro) if interviewee.isupper() else ""
    if named_in_intro and named_in_intro.split()[-1].lower() == interviewee.split()[-1].lower():
        interviewee = named_in_intro  # "STUBB:": the full name the introduction gave
    surname = interviewee.split()[-1].lower() if interviewee.split() else None  # ("" when no name is known)
    turns = {pi: (start, interviewee if surname and kind == "interview" and (
                      label.lower() in _ANSWER_LABELS or re.fullmatch(r"[A-Z]{2,4}", label) or label.lower() == surname)
                  else label, kind)
             for pi, (start, label, kind) in found.items()}
    labelled = sorted(turns)
    for n, pi in enumerate(labelled[:-1]):
        following = labelled[n + 1]
        if turns[pi][2] == "interview" and turns[following][2] == "question":
            for k in range(pi + 1, following):
                if paragraphs[k].strip():
                    turns[k] = (len(paragraphs[k]) - len(paragraphs[k].lstrip()), turns[pi][1], "interview")
    return dict(sorted(turns.items()))


def _interviewee(intro: Sequence[str]) -> str:
    """The person an interview's introduction names most often ("EU foreign policy chief Kaja
    Kallas spoke to ..."), by surname; the fullest form of the name; "" when it names no one."""
    names: list[str] = []
    for par in intro:
        for m in re.finditer(rf"{_TITLED}|{_NAME}", par):
            name = _clean_speaker(m.group(0))
            if _is_name(name):
                names.append(name)
    if not names:
        return ""
    surnames = [n.split()[-1] for n in names]
    best = max(dict.fromkeys(surnames), key=surnames.count)
    return max((n for n in names if n.split()[-1] == best), key=len)


def _full_name(label: str, mentions: Sequence[tuple[int, int, str]]) -> str:
    """A surname label ("Lavrov") as the full name the article gave earlier ("Sergei Lavrov")."""
    for _, _, name in reversed(mentions):
        if name != label and name.split()[-1].lower() == label.split()[-1].lower():
            return name
    return label


_THAT = re.compile(r"(?:\s+(?!that\b)[\w'’,-]+){0,8}?\s+(?:that|as saying(?:\s+that)?)\s+(?=\S)")
#: Finite verbs and auxiliaries: a reported clause without "that" ("said Kyiv would not ...") needs one.
_FINITE = re.compile(r"\b(?:is|are|was|were|had|has|have|would|will|could|can|should|must|might|may|did|does|do|"
                     r"remained|remains|wanted|wants|needed|needs|planned|plans|intended|stood|stands|saw|sees|"
                     r"expected|expects|believed|believes|hoped|hopes|agreed|failed|lasted|ended|began|left|"
                     r"launched|received|prepared|considered|considers|opposed|supported|demanded)\b")
_BARE_CLAUSE = re.compile(
    r"(?:\s+(?:reporters|journalists|the\s+(?:press|media|parliament|newspaper|agency|channel|council|assembly)|"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}))?"  # told reporters / told Reuters
    r"(?:\s+(?:on|in|at|during|after|late|earlier|later|this|last)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?,?"  # on Friday
    r"\s+(?=(?:the|a|an|it|he|she|they|we|this|there|its|his|her|their|[A-Z][\w'’-]*|[0-9][\d,.]*\s+[a-z]|"
    r"two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|some|several|many|most|all|both|"
    r"no|more|fewer|nearly|almost|about|around|only)\b)")  # "said two mines had been found"
#: Where a reported clause stops: a coordinated clause of the reporting sentence begins.
#: "... and that B" / "..., but that B": a second reported clause of the same reporting verb.
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+(?=\S)")
_CLAUSE_STOP = re.compile(r",?\s+(?:but|while|whereas|although|though|adding|saying|as\s+(?:[A-Z]|the|he|she|they))\b|"
                          r",?\s+and\s+that\b|"
                          r",?\s+and\s+(?:also\s+)?(?:said|says|added|adds|gave|called|urged|warned|warns|insisted|"
                          r"insists|stressed|noted|argued|claimed|demanded|told|stated|states|reaffirmed|reiterated|"
                          r"announced|explained|emphasi[sz]ed|underlined|confirmed|acknowledged|expressed)\b|"
                          # "..., and has proposed instead ...": the reporting sentence's subject goes on
                          r",\s+and\s+(?:has|have|had)\s+(?:also\s+|since\s+|repeatedly\s+)?[a-z]+ed\b|"
                          r";\s|\s+--\s|\s+[—–]\s")


#: Speech verbs that take a reported clause without "that" ("Peskov said the Kremlin had ...").
_BARE_VERBS = frozenset("said says say told tells added adds stressed stresses noted notes warned warns insisted insists "
                        "argued argues claimed claims believes believed thinks thought suggested suggests confirmed "
                        "confirms acknowledged admitted reiterated maintained".split())


def _reported_speech(pi: int, par: str, masked: str, spans: Sequence[tuple[int, int]], cands: Sequence[_Cand],
                     mentions: list[tuple[int, int, str]], roles: Sequence[tuple[int, int, str, str, str]]) -> list[Quote]:
    """Reported speech in the narration of one paragraph: a subject and speech verb with a
    that-clause or "as saying" ("Peskov said on Friday that ..."), "according to X, ..." and
    "..., according to X." Each clause runs to the end of its sentence."""
    out: list[Quote] = []
    p = _patterns()
    done = 0
    for s0, e0 in spans:
        sentence = masked[s0:e0]
        if not sentence.strip() or any(c.start <= s0 and e0 <= c.end for c in cands):
            continue
        has_verb = p["verb"].search(sentence) is not None
        if not has_verb and p["lead"].search(sentence) is None and p["opinion"].search(sentence) is None:
            continue  # no speech verb and no "according to": nothing reported here
        coordinated = [m for m in p["also"].finditer(sentence)] if has_verb else []
        for m in sorted([*_attributions(sentence), *coordinated], key=lambda m: m.start()):
            if s0 + m.start() < done:
                continue  # inside the clause found before
            subj = m.group("subj")
            if m.re is p["also"]:  # "Umerov confirmed the exchange and said ...": the sentence's subject speaks
                subject = next(iter(_SUBJECT.finditer(sentence[: m.start()])), None)
                subj = subject.group("name") if subject else ""
                if not subj:
                    continue
            if m.re is p["lead"] or m.re is p["opinion"]:  # according to X / in his opinion
                before = sentence[: m.start()].rstrip(" ,;")
                after = sentence[m.end():]
                if before.strip() and (not after.strip(" .;!?") or ("," not in after and len(after.split()) <= 6)):
                    a, b = s0, s0 + len(before)
                elif not before.strip() and after.lstrip().startswith(","):
                    a, b = s0 + m.end() + after.index(",") + 1, e0
                else:
                    continue
            elif m.re is p["quoted"]:  # quoted X as saying (that)
                clause = re.compile(r"(?:\s+that)?\s+(?=\S)").match(sentence, m.end())
                if not clause:
                    continue
                a, b = s0 + clause.end(), e0
            else:
                clause = _THAT.match(sentence, m.end())
                if clause and _FINITE.search(sentence, m.end(), clause.start() + len(clause.group(0).rstrip())
                                             - len(clause.group(0).rstrip().split()[-1])):
                    clause = None  # "said Kyiv would not accept any arrangement that ...": the clause starts earlier
                if not clause and m.group("verb").lower() in _BARE_VERBS:
                    bare = _BARE_CLAUSE.match(sentence, m.end())
                    if bare and _FINITE.search(sentence, bare.end(), min(len(sentence), bare.end() + 90)) \
                            and sentence[bare.end():bare.end() + 1] not in "\"“«„":
                        clause = bare
                if not clause:
                    continue
                a, b = s0 + clause.end(), e0
                stop = _CLAUSE_STOP.search(sentence, clause.end())
                if stop:
                    b = s0 + stop.start()
            speaker = None
            while True:
                a, b = _strip(par, a, b)
                while b > a and par[b - 1] in ".;!?…":
                    b -= 1
                if not (len(par[a:b].split()) < 3 or _MARKS.search(par, a, b) or par[a:a + 1] in "\"“«„"):
                    # (a clause holding quoted words: those words carry it, a partial or direct quote)
                    speaker = speaker if speaker is not None else _who(subj, (pi, s0 + max(m.start("subj"), 0)),
                                                                       mentions, roles)
                    out.append(Quote(pi, a, b, par[a:b], speaker, "indirect"))
                    done = b
                more = _AND_THAT.match(par, b) if m.re is not p["lead"] else None
                if not more:
                    break
                a = more.end()
                stop = _CLAUSE_STOP.search(masked, a, s0 + len(sentence))
                b = stop.start() if stop else s0 + len(sentence)
        if done <= s0 and not _MARKS.search(par, s0, e0):  # "Clause, Sybiha has stated.": the attribution ends it
            tail = [t for rx in (p["tail_sv"], p["tail_vs"]) if (t := rx.search(sentence))]
            t = min(tail, key=lambda t: t.start(), default=None)
            lead = _DATELINE.match(sentence)
            a = s0 + (lead.end() if lead else 0)
            if t and s0 + t.start() > a and _FINITE.search(sentence, a - s0, t.start()) \
                    and len(sentence[t.end():].split()) <= 9 and not re.search(r"\bthat\b|,", sentence[t.end():]) \
                    and par[a:a + 1] not in "'‘" \
                    and not (t.group("verb") in _NOUN_VERBS and sentence[t.end():].strip(" .!?…")):
                # (the attribution runs to the sentence's end, "the Baltic states and Finland" is none; no
                # quoted paragraph)
                a, b = _strip(par, a, s0 + t.start())
                if len(par[a:b].split()) >= 4:
                    speaker = _who(t.group("subj"), (pi, s0 + t.start("subj")), mentions, roles)
                    out.append(Quote(pi, a, b, par[a:b], speaker, "indirect"))
    return out


#: Speech verbs that are also plural nouns: ending a sentence's attribution only at its very end.
_NOUN_VERBS = frozenset("states claims notes remarks comments observes reports".split())
#: A wire dateline before a story's first clause: "MOSCOW, Oct 14 (Reuters) - ", "KYIV (AP) — ".
_DATELINE = re.compile(r"\s*[A-Z][A-Z .,/]{1,40}[^()\n]{0,30}\([^()\n]{1,30}\)\s*[-–—]\s+")


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
    in the paragraph), in_quote (at least half of the non-space characters are quoted: direct,
    dash or interview speech, or an interviewer's question), speaker (of that quote, else "") and
    voice: ``quote``, ``question`` (an interviewer's), ``reported`` (at least half inside reported
    speech) or ``narration`` (the outlet's own words). A speaker label opening a paragraph is not
    part of its first sentence. Quotes: paragraph_index, quote_index, text, speaker, kind, start, end.
    """
    default = [sentence_spans(par) for par in paragraphs]
    own = default if _is_default(tokenizer) else [sentence_spans(par, tokenizer) for par in paragraphs]
    quotes = _find_quotes(paragraphs, default, _MIN_QUOTE_WORDS, short=True, reported=True)
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph_index, []).append(q)
    labels = {pi: start for pi, (start, _, _) in interview_turns(paragraphs).items()}
    sentences: list[dict] = []
    for pi, par in enumerate(paragraphs):
        here = by_paragraph.get(pi, [])
        quoted = [q for q in here if q.kind in QUOTED_KINDS]
        reported = [q for q in here if q.kind == "indirect"]
        for s, e in own[pi]:
            if pi in labels and s < labels[pi] <= e:
                s = _strip(par, labels[pi], e)[0]  # "SP: Can the talks ...": the label is no text
                if s >= e:
                    continue
            share, quote = sentence_quote_overlap(par, (s, e), quoted)
            in_quote = share >= 0.5 and quote is not None
            if in_quote:
                voice = "question" if quote.kind == "question" else "quote"
            else:
                voice = "reported" if sentence_quote_overlap(par, (s, e), reported)[0] >= 0.5 else "narration"
            sentences.append({
                "paragraph_index": pi, "sentence_index": len(sentences), "text": par[s:e], "start": s,
                "end": e, "in_quote": in_quote, "speaker": quote.speaker if in_quote and quote else "",
                "voice": voice,
            })
    keys = ("paragraph_index", "text", "speaker", "kind", "start", "end")
    return sentences, [{"quote_index": i} | {k: getattr(q, k) for k in keys} for i, q in enumerate(quotes)]


def layer_spans(quotes: Iterable[Mapping], key: str = "paragraph_index") -> dict[object, list[tuple[int, int, str]]]:
    """{paragraph: sorted (start, end, layer)} of the quoted, reported, question and scare-quoted
    stretches and speaker labels of each paragraph, from quote records with kind and offsets
    (`segment_paragraphs`'s, keyed by ``paragraph_index``; the `quotes` table's by ``paragraph_id``):
    what is not in one is narration."""
    spans: dict[object, list[tuple[int, int, str]]] = {}
    for q in quotes:
        start, end = int(q["start"]), int(q["end"])
        here = spans.setdefault(q[key], [])
        here.append((start, end, LAYER_OF_KIND[q["kind"]]))
        if q["kind"] in ("question", "interview") and start > 0:
            here.append((0, start, "label"))
    return {k: sorted(v) for k, v in spans.items()}


#: The layer of a paragraph's text each kind of quote makes; `label` is a speaker label ("SP:").
LAYER_OF_KIND = {"direct": "quoted", "dash": "quoted", "interview": "quoted", "partial": "quoted",
                 "question": "question", "indirect": "reported", "scare": "scare"}


def layer_at(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> str:
    """The layer of the text at [start, end): the innermost stretch holding it, else narration
    (a quote inside reported speech counts as quoted)."""
    holding = [(e - s, lay) for s, e, lay in spans if s <= start and end <= e]
    return min(holding)[1] if holding else "narration"


#: Layers written in the outlet's own words: its narration, and what it reports others said in
#: its own paraphrase ("Lavrov said that Kiev ..."). Quoted words, interviewers' questions,
#: scare quotes and speaker labels are not.
OWN_LAYERS = ("narration", "reported")


def own_text(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """`text` with every stretch not in the outlet's own words (`OWN_LAYERS`) blanked."""
    out, at = [], 0
    for s, e, _ in sorted(sp for sp in spans if sp[2] not in OWN_LAYERS):
        s, e = max(s, at), min(e, len(text))
        if s < e:
            out += [text[at:s], " " * (e - s)]
            at = e
    out.append(text[at:])
    return "".join(out)
