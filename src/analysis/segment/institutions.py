"""Institutions named short: the full name an article gave "the ministry" ("Ministry of Foreign Affairs") or an
abbreviation ("ICRC": "International Committee of the Red Cross"), searched in its narration (read by `names`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.segment.lists import institution_nouns
from analysis.segment.patterns import _WEEKDAYS

_CAP_WORD = r"[A-Z][\w'’-]*"


#: A sentence's or a preposition's word before an institution's name ("The", "In", "By"): no part of the name.
_LEADING_WORD = re.compile(r"^(?:The|In|At|By|From|On|For|And)\s+")


def _full_institution(speaker: str, texts: Sequence[str]) -> str:
    """The full name of an institution that ``speaker`` names short ("ministry", "Foreign Ministry",
    "General Staff": one of `institution_nouns`, after at most two capitalised words): the last name the
    narration ``texts`` gives with that noun and an "of"/"for"/"on"/"in" part whose words hold the short
    name's ("Ministry of Foreign Affairs"); "" when there is none."""
    words = speaker.replace("’", "'").split()
    if not 1 <= len(words) <= 3 or words[-1].lower() not in institution_nouns() or not all(w[:1].isupper() for w in words[:-1]):
        return ""
    noun = words[-1].lower()
    if len(words) == 1 and words[0][0].isupper():  # ("Embassy" of "the Ukrainian Embassy said": the words before it)
        words = [w for w in re.findall(rf"({_CAP_WORD})\s+{words[0]}\b", texts[-1]) if w != "The"] + words
    wanted = [re.sub(r"'s$", "", w).lower()[:5] for w in words[:-1]]  # ("Russia's Defence Ministry": russi, defen)
    full = re.compile(rf"(?:{_CAP_WORD}\s+){{0,3}}{noun[0].upper()}{noun[1:]}\s+(?:of|for|on|in)\s+(?:the\s+)?{_CAP_WORD}"
                      # (not "... and the Ukrainian Embassy"; nor a day, "Ministry of Foreign Affairs on Friday")
                      rf"(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?|and\s+)?(?!(?:{_WEEKDAYS})\b){_CAP_WORD})*")
    names = [_LEADING_WORD.sub("", m.group(0)) for text in texts for m in full.finditer(text)]
    names = [name for name in names if all(any(w.startswith(q) for w in name.replace("’", "'").lower().split()) for q in wanted)]
    # (the noun alone, "Embassy", where the article names two embassies: which one is unknown; but "Ministry of
    # Justice" and "Ministry of Justice of Ukraine" are one, the longer name)
    distinct = {n for n in names if not any(o.startswith(n + " ") for o in names)}
    return names[-1] if names and wanted else max(distinct, key=len) if len(distinct) == 1 else ""


#: A run of capitalised words an institution's name is made of, with its small words: "Department of Foreign Affairs".
_CAPITALISED_RUN = re.compile(rf"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*(?!(?:{_WEEKDAYS})\b)[A-Z][\w'’-]*)+")


def _spelled_out(speaker: str, texts: Sequence[str]) -> str:
    """The name an abbreviation stands for ("ICRC": "International Committee of the Red Cross", "DFA": "Department
    of Foreign Affairs"): the last run of capitalised words in the narration ``texts`` whose initials it gives, or
    that it follows in parentheses ("Ministry of Foreign Affairs (MAE)"); ""
    when ``speaker`` is no abbreviation or no such name is written out."""
    if not re.fullmatch(r"[A-Z]{3,6}", speaker):
        return ""
    found = ""
    for text in texts:
        for m in _CAPITALISED_RUN.finditer(text):
            name = _LEADING_WORD.sub("", m.group(0))
            # (or the name written just before the abbreviation in parentheses: "Ministry of Foreign Affairs (MAE)")
            if "".join(w[0] for w in name.split() if w[0].isupper()) == speaker or text.startswith(f" ({speaker})", m.end()):
                found = name
    return found
