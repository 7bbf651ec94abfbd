"""Names an article writes as places ("in Lerwick", "at Victoria Pier"): no speaker, and no subject a pronoun or a
role falls back on (read by `quotes`)."""

from __future__ import annotations

import re

#: A preposition of place before a name: "in Lerwick", "at Victoria Pier".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|around|outside|across)\s+")


class _Places:
    """The names an article writes as places, after a preposition of place ("in Lerwick", "at Victoria Pier"; or after
    the prepositions ``before`` matches), never as someone's ("at Roe's"): the text after each such preposition is
    found once per article, so a look-up compiles no pattern."""

    def __init__(self, article: str, before: re.Pattern[str] = _PLACE_BEFORE) -> None:
        self.after = [article[m.end():m.end() + 80] for m in before.finditer(article)]

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str) or not name[:1].isupper():
            return False
        n = len(name)
        return any(t.startswith(name) and (n == len(t) or not (t[n].isalnum() or t[n] in "_'’")) for t in self.after)
