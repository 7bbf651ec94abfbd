"""Quotes a label or a labelling verb gives to someone: a headline's "Lavrov: Moscow will not accept ...", and quotes
inside a sentence whose subject labels them ("Jane Roe called the decree "a ban"", "X spoke of "...""), whose they
are when no speech verb in that sentence says so (read by `quotes`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.segment.attribution import _who
from analysis.segment.candidates import _Cand
from analysis.segment.interviews import _NOT_SPEAKERS, _PLAIN_LABEL
from analysis.segment.lists import not_persons
from analysis.segment.names import _clean_speaker, _is_name, _person
from analysis.segment.patterns import _CLOCK, _LABELLING, _attributions

#: Words that make the quote after them a scare quote: "the so-called "coalition"", "what he calls "peace"".
_SO_CALLED = re.compile(r"\b(?:so-called|so called|what (?:he|she|they|it) calls?)\s*$", re.IGNORECASE)


def _labelled_in(pi: int, masked: str, spans: Sequence[tuple[int, int]], c: _Cand, mentions: list[tuple[int, int, str]],
                 roles: Sequence[tuple[int, int, str, str, str]], texts: Sequence[str], fulls: dict[str, str]) -> str | None:
    """The person a labelling verb's subject names in the sentence a quote stands inside ("Jane Roe called the
    decree "..."", the last such subject before the quote) when that sentence holds no speech verb's attribution
    before the quote; "" for a scare quote ('the so-called "coalition"', whoever spoke before it); else None."""
    if c.lo >= 0 and _SO_CALLED.search(masked, max(0, c.lo - 30), c.lo):
        return ""
    s0 = next((a for a, e in spans if a <= c.start < e), None)
    if s0 is None or c.lo <= s0 or _attributions(masked[s0:c.start]):
        return None
    m = next((m for m in reversed(list(_LABELLING.finditer(masked, s0, c.lo))) if m.group("subj").strip()), None)
    if m is None:
        return None
    # (a role's name in its apposition: "the head of the delegation, the Minister of X Jan Roe, spoke of")
    app, subj = m.group("app") or "", m.group("subj")
    phrase = masked[m.start("subj"):m.end("app")] if len(app) > 1 and app.endswith(",") and not app.startswith(", who") \
        and not _person(_clean_speaker(subj)) else subj
    speaker = _who(phrase, (pi, m.start("subj")), mentions, roles, texts, fulls)
    return speaker if _is_name(speaker) and _person(speaker) else None


#: A live blog's entry heading before its label: "18:40 ", "16:45 – ", "22.30 | ", "11:55 AM " (`_entry_start`).
_ENTRY_CLOCK = re.compile(rf"\s*{_CLOCK}(?:\s*[AaPp]\.?[Mm]\.?)?\s+(?:[|—–·•-]\s+)?(?=[A-Z])")


def _entry_start(par: str) -> int:
    """Where a live blog's timed entry heading starts its label ("18:40 Rautio: monitors can start in six weeks"
    starts its "Rautio:" at 6); 0 where the paragraph does not open with a time."""
    clock = _ENTRY_CLOCK.match(par)
    return clock.end() if clock else 0


def _headline_label(par: str, before: int | None = None) -> str:
    """The person a headline's label names ("Lavrov: Moscow will not accept ...", "Zelensky: ready to sign
    'tomorrow'"), when the label ends before offset ``before`` (if given); "" for none, for a transcript's
    label with a time or a description, and for places, institutions and tags."""
    headline = _PLAIN_LABEL.match(par)
    if not headline or headline.group("stamp") or headline.group("desc") or (before is not None and headline.end() > before):
        return ""
    label = headline.group("label").strip()
    if (len(label.split()) <= 3 and _is_name(label) and label.lower() not in _NOT_SPEAKERS
            and label.lower() not in not_persons() and not re.fullmatch(r"[A-Z]{1,6}", label)):
        return label
    return ""
