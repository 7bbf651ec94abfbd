"""Quote candidates in one paragraph, before their speakers are settled.

Quotation-mark pairs (also quotes running over paragraphs), interview labels, dash-led speech,
British single-mark quoting, and whether a quote stands inside the author's own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.segment.names import _SENTENCE_END, _TITLES, _clean_speaker, _person
from analysis.segment.patterns import _CAP, _DASH, _LABEL, _MARKS, _NAME, _TITLED, _patterns
from analysis.segment.sentences import _strip


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
    open_at, opener, seen, nested = -1, "", False, 0
    for m in _MARKS.finditer(par):
        i, ch = m.start(), m.group()
        if any(a <= i < b for a, b in taken):
            continue
        if opener == "«" and open_at >= 0 and (ch == "«" or (ch == "»" and nested)):
            nested += 1 if ch == "«" else -1  # «... «ceasefire» ...»: guillemets nested in guillemets
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


#: A paragraph that only signs the quote before it: "– The Honourable Jane Roe, Minister of Foreign Affairs".
SIGN_OFF_LINE = re.compile(rf"\s*[–—-]\s*(?:The\s+)?(?P<subj>{_TITLED}|{_NAME})(?:,[^.!?]{{0,120}})?\s*")
#: A paragraph that names who said the quote standing alone before it: "Jane Roe, 63, says this in the
#: kitchen of her flat ..." (a feature's opening).
_SAYS_THIS = re.compile(rf"\s*(?P<subj>{_NAME})(?:,\s+[^,.!?]{{1,60}},)?\s+(?:says|said|tells|told|recalls|recalled)\s+"
                        r"(?:this|that|it|so|these\s+words)\b")


def signed_next(par: str) -> re.Match[str] | None:
    """Who the paragraph after a quote that stands alone says spoke it: a sign-off line ("– Jane Roe,
    Minister of ...", `SIGN_OFF_LINE`) or a paragraph that opens "Jane Roe, 63, says this ...".

    Parameters
    ----------
    par : the paragraph after the quote's.

    Returns
    -------
    re.Match or None
        Its ``subj`` group is the speaker's phrase; None if the paragraph is neither.
    """
    return SIGN_OFF_LINE.fullmatch(par) or _SAYS_THIS.match(par)


def _first_sentence(phrase: str) -> str:
    """A speaker phrase read after its verb up to the end of its sentence: "said Jan Roe. Jane Example disagreed." names
    Jan Roe (a run of capitalised words can run over a full stop)."""
    for end in _SENTENCE_END.finditer(phrase) if ". " in phrase else ():
        if phrase[:end.start()].split()[-1].lower().rstrip(".") not in _TITLES:  # (not "said Sen. Jane Roe")
            return phrase[:end.start()]
    return phrase


#: One or two sentences of narration, then a dash that opens speech: "He asked not to be named. — ".
_NARRATED_DASH = re.compile(r"(?:[^-–—\"“”«»]{1,200}?[.!?…]\s+){1,2}?[-–—]\s+(?=\S)")


def _dash_candidates(par: str, spans: list[tuple[int, int]], blocked: list[_Cand]) -> list[_Cand]:
    """Dash-led quotes; one in mid-paragraph needs an attribution, as a dash there may be a separator.

    After an attribution, each following sentence that ends in its own attribution ("...,
    he adds.") continues the run.
    """
    out: list[_Cand] = []
    if SIGN_OFF_LINE.fullmatch(par):
        return out  # (a signature, no speech)
    p = _patterns()
    attributions = (p["dash_sv"], p["dash_vs"], p["dash_bare"], p["dash_unnamed"])
    if (spanish := _SPANISH_OPEN.match(par)) and not any(c.start <= spanish.end() < c.end for c in blocked):
        return _spanish_dash(par, spanish.end())
    for m in _DASH.finditer(par):
        s, first, initial = m.end(), True, m.start() == 0
        if any(c.start - 1 <= s < c.end + 1 for c in [*blocked, *out]):
            continue
        while s < len(par):
            limit = len(par) if first else next((e for a, e in spans if a <= s < e), len(par))
            # the first attribution: ", says X" / ", he adds" / " - he emphasizes"
            found = [m for rx in attributions if (m := rx.search(par, s, limit))]
            a = min(found, key=lambda m: m.start(), default=None)
            if a is not None and not first and not re.match(r",?\s*[-–—]", par[a.start():]) and (
                    ":" in par[a.end():limit] or len(par[a.end():limit].split()) > 5):
                a = None  # ("— ..., — says Jana. — When they took her away, she asked for only one thing: ...": her words)
            if a is None:
                said = p["sv"].match(par, s) if first and initial else None
                if said and not re.fullmatch(r"(?i:he|she)", said.group("subj")) and \
                        re.match(r"\s+(?:that\b|[a-z]+\s+[a-z]+\s+that\b)|[^.!?]{0,80}\bthat\b", par[said.end():]):
                    break  # "- Jan Example told the radio that ...": a bullet of the author's narration, no speech
                if first and initial and not par.lstrip().startswith("-") and re.search(r"[.!?…\"”»’)]\s*$", par):
                    # (a hyphen-minus before words no one is said to speak is a list's bullet; so is any dash before
                    # words that end with no stop, "– Montenegro backs Vienna talks, offers hydro experts")
                    out.append(_Cand(*_strip(par, s, len(par)), "dash"))
                # "— Words, — the minister replied. — More words.": the same speaker goes on (also after a sentence of
                # narration, "— ..., — X told Proekt. He asked not to be named. — More words.", when no other
                # attribution follows)
                cont = None if first else re.compile(r"\s*[-–—]\s+(?=\S)").match(par, s) or _NARRATED_DASH.match(par, s)
                if cont and (cont.re is not _NARRATED_DASH or not any(rx.search(par, cont.end()) for rx in attributions)):
                    out.append(_Cand(*_strip(par, cont.end(), len(par)), "dash", out[-1].speaker, out[-1].at))
                break
            a0, e0 = _strip(par, s, a.start())
            e0 -= par[e0 - 1:e0] == ","  # ("Words, — says X": the comma belongs to the attribution)
            subj = _first_sentence(a.group("subj")) if a.re is p["dash_vs"] else a.group("subj")  # ("— ..., — said X. Y ...")
            out.append(_Cand(a0, e0, "dash", subj, a.start("subj")))
            first = False
            s = next((st for st, _ in spans if st >= a.end()), len(par))
            if s < len(par) and par[s] not in "-–—":
                dash_at = par.find("—", a.end())
                s = dash_at if 0 <= dash_at < s else s
    # (a quote inside the speech, "— When they said «wait», I ..., — she says.", is nested in it: `_nested`)
    return [c for c in out if not any(c.start < b.end and b.start < c.end and not _nested(b, c) for b in blocked)]


def _nested(inner: _Cand, outer: _Cand) -> bool:
    """Whether quotation-mark candidate ``inner`` stands inside dash speech ``outer``, after its first words."""
    return outer.start < inner.lo and inner.end <= outer.end


#: Spanish-style dialogue: a dash set close to the words, "—Words —Jane Roe said—. More words."
_SPANISH_OPEN = re.compile(r"\A\s*—(?=[^\s—-])")
#: Its attribution between a spaced dash and a closed one (or the paragraph's end): " —Jane Roe said—."
_SPANISH_ATTRIBUTION = re.compile(r"\s—(?=[^\s—])(?P<attr>[^—\"“”«»]{2,200}?)(?:—(?=[\s.,;:!?…]|$)|(?=[.!?…]?\s*$))")


def _spanish_dash(par: str, start: int) -> list[_Cand]:
    """The quotes of a paragraph of Spanish-style dialogue that opens at ``start``: the words up to an
    attribution with a speech verb, and the words after it (the same speaker), else the whole paragraph."""
    p = _patterns()
    for a in _SPANISH_ATTRIBUTION.finditer(par, start):
        said = p["after_sv"].match(par, a.start("attr")) or p["after_vs"].match(par, a.start("attr"))
        if not said or said.end() > a.end("attr"):
            continue
        out = [_Cand(*_strip(par, start, a.start()), "dash", said.group("subj"), said.start("subj"))]
        rest = a.end() + len(par[a.end():]) - len(par[a.end():].lstrip(" .,;:"))
        if par[rest:].strip():
            out.append(_Cand(*_strip(par, rest, len(par)), "dash", said.group("subj"), said.start("subj")))
        return out
    return [_Cand(*_strip(par, start, len(par)), "dash")]


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


_SINGLE = re.compile(r"['‘’]")
_SQ_OPENS = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[^\s'‘’])")
_SQ_CLOSES = re.compile(r"(?<=[^\s'‘’])['’](?=[\s,.;:!?)\]…—–-]|$)")
_DOUBLE_TO_SINGLE = str.maketrans({'"': "'", "“": "‘", "”": "’", "„": "‘", "«": "‘", "»": "’"})


def _single_pairs(par: str) -> list[tuple[int, int]]:
    """Offsets of the opening and closing mark of each pair of single quotation marks in ``par``, left to
    right (an apostrophe, "Kremlin's", opens and closes nothing)."""
    pairs, open_at = [], -1
    for m in _SINGLE.finditer(par):
        i = m.start()
        if open_at < 0:
            if _SQ_OPENS.match(par, i):
                open_at = i
        elif _SQ_CLOSES.match(par, i):
            pairs.append((open_at, i))
            open_at = -1
    return pairs


def _single_quote_style(paragraphs: Sequence[str]) -> list[str] | None:
    """British style ('Britain will not flinch,' she said): when an article pairs single marks more
    often than it uses double ones, the paragraphs with its paired single marks written as double
    ones and its (nested) double marks as single ones, every offset kept; else None. An apostrophe
    (Kremlin's, that's) is neither an opening mark (a letter before it) nor a closing one (a letter after)."""
    if not any("'" in p or "‘" in p for p in paragraphs):
        return None
    out, pairs = [], 0
    for par in paragraphs:
        chars = list(par)
        for a, b in _single_pairs(par):
            chars[a], chars[b] = "\x00", "\x01"
            pairs += 1
        out.append("".join(chars))
    doubles = sum(len(_MARKS.findall(p)) for p in paragraphs)
    if pairs < 2 or 2 * pairs <= doubles:
        return None
    return [p.translate(_DOUBLE_TO_SINGLE).replace("\x00", "“").replace("\x01", "”") for p in out]


#: Doubled apostrophes used as quotation marks, as Italian agencies write them: "''Italy is ready'', he said".
_DOUBLED = re.compile(r"(?<!')''(?!')")


def _doubled_apostrophes(paragraphs: Sequence[str]) -> list[str] | None:
    """Paragraphs whose quotes are marked by doubled apostrophes (''...''), with each pair written as a
    double mark and a space (an opening one after the space, a closing one before it), every offset
    kept; None when no paragraph pairs them."""
    out, changed = list(paragraphs), False
    for n, par in enumerate(paragraphs):
        if "''" not in par:
            continue
        chars, opened = list(par), -1
        for m in _DOUBLED.finditer(par):
            i = m.start()
            before, after = par[i - 1] if i else " ", par[i + 2] if i + 2 < len(par) else " "
            if opened < 0 and (before.isspace() or before in "([{—–-/:") and not after.isspace():
                opened = i
            elif opened >= 0 and not before.isspace():
                chars[opened:opened + 2], chars[i:i + 2] = [" ", "“"], ["”", " "]
                opened, changed = -1, True
        out[n] = "".join(chars)
    return out if changed else None


def _same_mark_style(paragraphs: Sequence[str]) -> list[str] | None:
    """An article that opens and closes its quotes with the same mark, ”...” (Swedish and Finnish
    style), with that mark written as a straight double one, paired like it, every offset kept; None
    when the article also has an opening “ or „ (or no ” at all)."""
    text = "".join(paragraphs)
    if "”" not in text or "“" in text or "„" in text:
        return None
    return [par.replace("”", '"') for par in paragraphs]


def _straight_doubles(paragraphs: Sequence[str]) -> list[str] | None:
    """The paragraphs with doubled apostrophes (`_doubled_apostrophes`) and Swedish ”...” marks
    (`_same_mark_style`) written as double marks, every offset kept; None when there are neither."""
    doubled = _doubled_apostrophes(paragraphs)
    return _same_mark_style(doubled or paragraphs) or doubled


def _headline_singles(paragraphs: Sequence[str]) -> list[str] | None:
    """A live blog's or a headline's quote in single marks in an article that quotes in double ones
    ("Kremlin: 'No agreement is final'"): the paragraphs with the paired single marks of each short
    paragraph that no full stop ends (a headline, not a sentence) written as double ones, every offset
    kept; None when there are none."""
    out, changed = list(paragraphs), False
    for n, par in enumerate(paragraphs):
        if ("'" not in par and "‘" not in par) or _MARKS.search(par) or len(par.split()) > 25 \
                or par.rstrip()[-1:] in ".!?…":
            continue
        chars = list(par)
        for a, b in _single_pairs(par):
            # ("'Putin Thinks He Is Winning': ..." is no tag; but "'...': Jane Roe on the talks" names its speaker)
            if not par[b + 1:].lstrip(" \t").startswith(":") or _headline_speaker(par, b + 1):
                chars[a], chars[b], changed = "“", "”", True
        out[n] = "".join(chars)
    return out if changed else None


#: A headline's speaker after its quote and a colon: "'...': Jane Roe on the talks", "'...': Roe says".
#: (or someone's role: "'...': Canada's envoy on the deal"; or a surname and a verb in the present: "'...': Roe opens
#: the talks", which `_headline_speaker` checks is a person's; not "'...': Novoye Chaplino follows the talks")
_SPEAKER_ON = re.compile(rf"\s*:\s+(?P<who>{_NAME}(?:['’]s\s+[a-z]+)?)\s+(?:on|says|said|about)\s")
_SPEAKER_OWNED = re.compile(rf"\s*:\s+(?P<who>{_NAME}['’]s\s+[a-z]+)\b[^:.!?\n]*$")  # ("'...': Malta's member of the panel")
_SPEAKER_DOES = re.compile(rf"\s*:\s+(?P<who>{_CAP})\s+(?!is\b|was\b|has\b|does\b)[a-z]{{2,}}s\s")


def _headline_speaker(text: str, at: int) -> re.Match[str] | None:
    """A headline's speaker after its quote and a colon at ``at``: "'...': Jane Roe on the talks", "'...': Roe says",
    "'...': Malta's member of the panel" (a role, whom the body may name),
    or a person and a verb ("'...': Roe opens the talks"; not "'...': Kyiv claims"), as group ``who``; else None."""
    if m := _SPEAKER_ON.match(text, at) or _SPEAKER_OWNED.match(text, at):
        return m
    m = _SPEAKER_DOES.match(text, at)
    return m if m and _person(_clean_speaker(m.group("who"))) else None


def _inside_sentence(par: str, spans: Sequence[tuple[int, int]], c: _Cand) -> bool:
    """A quote set inside the author's own sentence ('Lavrov said the West was "not ready for
    talks at all".'): words stand before its opening mark in its sentence, and they do not end
    in a colon or a comma that introduces it ('Lavrov said: "..."', 'he said, "..."')."""
    s0 = next((a for a, e in spans if a <= c.lo < e), 0)
    before = par[s0:c.lo].rstrip()
    # (" -": a dateline's; "•", "▪", "●": a list's bullet, as "- " is)
    return bool(before.strip(" -–—•▪●◦")) and not before.endswith((":", ",", "—", "–", " -"))


def _runs_on(paragraphs: Sequence[str], pi: int, start: int, end: int) -> bool:
    """Whether the quote at [start, end) of paragraph ``pi`` opens with a mark and ends its paragraph without a
    closing one, and the next paragraph opens with a mark: a quote over two paragraphs."""
    par = paragraphs[pi]
    return (par[:start].rstrip()[-1:] in "\"“«„" and not par[end:].strip() and pi + 1 < len(paragraphs)
            and paragraphs[pi + 1].lstrip()[:1] in "\"“«„")
