"""Find dictionary terms in text: whole words, any case, possessives, wildcards, longest first.

Shared by the actor dictionary (`sentiment`), the naming markers, frames and speaker groups
(`framing`), so every word list in `resources/` follows the same matching rules:
- whole words, case-insensitive, with an optional possessive ('s or ’s);
- a trailing `*` matches any word ending ("Zelensk*" finds Zelensky, Zelenskyy);
- multi-word terms match across any white space;
- terms in capitals only (US, EU, NATO, SMO) match capitals only ("told us" is not the US);
- where terms overlap, the longest wins ("Kiev regime" is one hit, not also "Kiev").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

__all__ = ["TermMatcher", "read_table", "term_pattern"]


def term_pattern(term: str) -> str:
    """The regular expression (without boundaries) for one dictionary term."""
    term = term.strip()
    wildcard = term.endswith("*")
    body = r"\s+".join(re.escape(word) for word in term.rstrip("*").split())
    body += (r"[\w-]*" if wildcard else "") + r"(?:['’]s)?"
    acronym = sum(c.isupper() for c in term) >= 2 and not any(c.islower() for c in term)
    return f"(?-i:{body})" if acronym else body


class TermMatcher:
    """All occurrences of a set of terms in a text, longest term first, no overlaps."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t.rstrip("*")), t))
        if not self.terms:
            raise ValueError("no terms to match")
        self._each = [(t, re.compile(term_pattern(t), re.IGNORECASE)) for t in self.terms]
        alternation = "|".join(f"({term_pattern(t)})" for t in self.terms)
        self._all = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(term, start, end) for each hit, left to right."""
        for match in self._all.finditer(text):
            yield self.terms[match.lastindex - 1], match.start(), match.end()

    def count(self, text: str) -> dict[str, int]:
        """Hits per term (terms without hits are left out)."""
        counts: dict[str, int] = {}
        for term, _, _ in self.finditer(text):
            counts[term] = counts.get(term, 0) + 1
        return counts


def read_table(name: str, path: str | Path | None, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a packaged (or the user's) CSV word list whose `#` lines are comments.

    The header must start with `columns`; every row needs the first two of them.
    """
    label = str(path) if path else name
    text = Path(path).read_text(encoding="utf-8") if path else (
        resources.files("analysis") / "resources" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    header = [h.strip() for h in reader.fieldnames or []]
    if header[: len(columns)] != list(columns):
        raise ValueError(f"{label}: expected the header {','.join(columns)}, found {','.join(header)}")
    rows = []
    for n, row in enumerate(reader, 2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if not all(row.get(c) for c in columns[:2]):
            raise ValueError(f"{label}: data row {n - 1} lacks {' or '.join(columns[:2])}")
        rows.append(row)
    return rows
