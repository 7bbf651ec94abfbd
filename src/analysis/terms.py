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
from functools import lru_cache
from importlib import resources
from pathlib import Path

try:  # how `re` lowers characters and which ones it also takes for each other, for _fold_char
    import _sre
    from re._casefix import _EXTRA_CASES
except ImportError:  # another Python: the matchers scan every text with their regular expression
    _sre = None  # type: ignore[assignment]

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
        self._starts = _word_starts(self.terms)

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(term, start, end) for each hit, left to right."""
        if self._starts is None:
            for match in self._all.finditer(text):
                yield self.terms[match.lastindex - 1], match.start(), match.end()
            return
        # A hit starts where a word starts (every term starts with a word character and the
        # pattern asks for no word character before it), and only at words that could begin a
        # term: the regular expression is tried there alone, with the same result as scanning.
        whole, n, prefixes = self._starts
        words, present = _word_keys(text)
        if present.isdisjoint(whole) and (not prefixes or prefixes.keys().isdisjoint({k[:n] for k in present})):
            return  # no word of the text can begin a term
        end = 0
        for start, key in words:
            if start < end:
                continue
            if key not in whole:
                group = prefixes.get(key[:n]) if prefixes else None
                if not group or not any(map(key.startswith, group)):
                    continue
            match = self._all.match(text, start)
            if match:
                end = match.end()
                yield self.terms[match.lastindex - 1], start, end

    def count(self, text: str) -> dict[str, int]:
        """Hits per term (terms without hits are left out)."""
        counts: dict[str, int] = {}
        for term, _, _ in self.finditer(text):
            counts[term] = counts.get(term, 0) + 1
        return counts


_WORD_RUN = re.compile(r"\w+")


def _fold_char(char: str) -> str:
    """One key for all the characters `re.IGNORECASE` takes for one another: the lower case it
    compares (one code point, as `re` lowers), then the smallest of the characters `re` also
    treats as that one (i/ı, s/ſ, µ/μ ...)."""
    lower = chr(_sre.unicode_tolower(ord(char)))
    return chr(min((ord(lower), *_EXTRA_CASES.get(ord(lower), ()))))


def _fold(word: str) -> str:
    return word.lower() if word.isascii() else "".join(map(_fold_char, word))  # ASCII folds to lower case


@lru_cache(maxsize=1)
def _word_keys(text: str) -> tuple[tuple[tuple[int, str], ...], frozenset[str]]:
    """Start and folded form of each run of word characters, and the set of those forms.

    Kept for the last text only, which several matchers search in a row (the frames of one
    paragraph, the speaker groups of one speaker). Not for more: the benchmark corpus repeats
    its paragraphs from article to article, and a longer memory would make it look faster than
    a corpus of distinct articles (with 256 texts, framing.article_rows on the 1,000-article
    corpus read only 113 distinct texts and ran 470 articles per CPU second instead of 375).
    """
    words = tuple((m.start(), _fold(m.group())) for m in _WORD_RUN.finditer(text))
    return words, frozenset(key for _, key in words)


def _word_starts(terms: Sequence[str]) -> tuple[frozenset[str], int, dict[str, tuple[str, ...]]] | None:
    """The folded first runs of word characters of the terms, which a word of the text must equal
    or, for a one-word term ending in `*` that is all word characters, start with (those grouped
    by their first n characters, n the shortest). None (scan the whole text) if some term does not
    start with a word character or `re` internals are not at hand."""
    if _sre is None:
        return None
    whole: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        words = term.rstrip("*").split()
        lead = _WORD_RUN.match(words[0]) if words else None
        if lead is None:
            return None
        key = _fold(lead.group())
        if term.endswith("*") and len(words) == 1 and lead.end() == len(words[0]):
            prefixes.add(key)  # "Zelensk*": Zelensky, Zelenskyy's
        else:
            whole.add(key)  # followed by a space, a non-word character or the end of the term
    n = min(map(len, prefixes), default=1)
    grouped: dict[str, tuple[str, ...]] = {}
    for key in sorted(prefixes):
        grouped[key[:n]] = (*grouped.get(key[:n], ()), key)
    return frozenset(whole), n, grouped


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
