"""Role mentions: "Foreign Minister Sergei Lavrov" and "Dmitry Peskov, the Kremlin spokesman," record that a person
holds a role, so that a later "the minister said" can be resolved to them (read by `attribution` and `quotes`)."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.segment.lists import role_nouns
from analysis.segment.names import _clean_speaker, _is_name, _person
from analysis.segment.patterns import (
    _LONG_TITLE_NAME,
    _NAME_AFTER,
    _NAME_BEFORE,
    _PLACE_NAME_AFTER,
    _VERB_NEXT,
    _patterns,
    first_letters,
)
from analysis.terms import alternation

#: Roles that describe the same kind of commentator: "the expert said" of a person introduced as a professor.
_EXPERTS = frozenset("expert analyst academic scholar researcher professor scientist lecturer specialist linguist".split())


@lru_cache(maxsize=1)
def _role_noun() -> re.Pattern[str]:
    nouns = sorted(role_nouns(), key=len, reverse=True)
    alternatives = alternation([" ".join(n.split()) for n in nouns], r"\s+")  # a trie: faster, same matches
    return re.compile(rf"\b{first_letters(nouns)}(?:{alternatives})\b", re.IGNORECASE)


def _role_mentions(pi: int, masked: str) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset, role noun, name, role words) for each "Foreign Minister Sergei Lavrov"
    or "Dmitry Peskov, the Kremlin spokesman," in the narration (searched only around role nouns)."""
    out = []
    for m in _role_noun().finditer(masked):
        role = m.group(0).lower().split()[-1]
        context = " ".join(masked[max(0, m.start() - 60):m.start()].split()[-4:]).lower()
        after = _NAME_AFTER.match(masked, m.end()) or _PLACE_NAME_AFTER.match(masked, m.end())
        if after:  # (a name after a role ends with its sentence: "Ambassador Jane Roe. Tom Roe, a ...")
            name = _clean_speaker(re.split(r"(?<=[a-z]{2}\.)\s+(?=[A-Z])", after.group("name") or after.group("was"))[0])
            if _is_name(name):
                out.append((pi, m.start(), role, name, f"{context} {m.group(0).lower()}"))
                continue
        long = _LONG_TITLE_NAME.match(masked, m.end())
        if long and _person(name := _clean_speaker(long.group("name"))) and len(name.split()) >= 2 \
                and not _patterns()["verb"].search(long.group(0)):
            out.append((pi, m.start(), role, name, f"{context} {m.group(0).lower()}"))
            continue
        window = masked[max(0, m.start() - 160):m.start()]
        before = _NAME_BEFORE.search(window) if ", " in window and not _VERB_NEXT.match(masked, m.end()) else None
        if before and not re.search(r"\b(?:(?:in|at|from|near)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)+|(?:in|at|near)\s+the\s+)$",
                                        window[:before.start("name")]):
            # (a place's last word is no one: "the agreement reached in Nuwara Eliya, the head of ...", "handed over
            # in the Azores, the commissioner ...")
            name = _clean_speaker(before.group("name"))
            if _is_name(name) and _person(name):  # (not "... by Russia and Ukraine, the Director General of ...")
                start = max(0, m.start() - 160) + before.start()
                words = " ".join(window[before.end("name"):].replace(",", " ").split()).lower()
                out.append((pi, start, role, name, f"{words} {m.group(0).lower()}"))
    return sorted(out)
