"""Find dictionary terms in text: whole words, any case, possessives, plurals, wildcards, longest first.

Shared by the actor dictionary (`sentiment`), the naming markers, frames and speaker groups
(`framing`), so every word list in `resources/` follows the same matching rules:
- whole words, case-insensitive, with an optional possessive ('s or ’s);
- the regular plural (or third-person -s) of a term's LAST word matches too: +s ("war": wars),
  +es after s, x, z, ch, sh ("crisis": crisises, not the irregular "crises", which needs its own
  row), y -> ies after a consonant ("army": armies); a plural's possessive apostrophe
  ("operations'") is left outside the hit, like any mark after a word;
- a trailing `!` switches that off: the term matches exactly as written (plus 's), for a plural
  that is another word ("security!" is not "securities", "special operation!" is not
  "special operations" forces); the `!` stays part of the term's name, like `*`;
- a trailing `*` matches any word ending ("Zelensk*" finds Zelensky, Zelenskyy), so no plural
  is added to it;
- multi-word terms match across any white space;
- terms in capitals only (US, EU, NATO, SMO) match capitals only ("told us" is not the US) and
  get no plural ("DPRs" is not "DPR": list "DPRs" itself if you want it);
- where terms overlap, the longest wins ("Kiev regime" is one hit, not also "Kiev"), the length
  being that of the term as written: a term listed in its plural ("Nazis" beside "Nazi") wins
  for that form;
- with `TermMatcher(..., skip_proper_names=True)` (the naming markers), a term whose first letter
  is written in lower case does not match a capitalised form that continues a proper name:
  the word before it starts with a capital, is not a possessive ('s) and is not itself the first
  word of a sentence, and the text is not a headline in title case (at least three words of four
  letters or more, all capitalised but for with, from, into, over ...). So "the Korean War", "the
  Thirty Years' War" and "the Palestine Liberation Organization" are not "war" or "liberation",
  while "War is ...", "Russia's War", "the war in Ukraine" and a title-case headline "Trump Says
  War Must End" are. A proper name
  that should count is listed with its capital ("Ukraine war" finds "the Ukraine War").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

try:  # how `re` lowers characters and which ones it also takes for each other, for fold_char
    import _sre
    from re._casefix import _EXTRA_CASES
except ImportError:  # another Python: the matchers scan every text with their regular expression
    _sre = None  # type: ignore[assignment]

from analysis import paths

__all__ = ["RE_CASE_RULES", "TermMatcher", "fold_char", "read_table", "term_pattern"]

#: Whether `fold_char` can be used: `re`'s case tables (`_sre`, `re._casefix`, CPython 3.11+) are at
#: hand. Without them its callers skip the shortcuts it serves and search with `re` itself.
RE_CASE_RULES = _sre is not None


def alternation(words: Iterable[str], space: str | None = None) -> str:
    """A regular expression for any of `words`, written as a trie of their shared prefixes
    ("said", "says", "stated" -> ``s(?:a(?:id|ys)|tated)``), to be tried much faster than the
    plain alternation, with the same matches as the alternation written longest first: of two
    words that both match at one place the shorter is a prefix of the longer, and the trie tries
    the longer first (each optional ending is greedy).

    Parameters
    ----------
    words : the alternatives (at least one).
    space : the pattern a run of white space in a word stands for (r"\\s+": any white space);
        None: every character stands for itself.

    Returns
    -------
    str
        A pattern without capturing groups; "" for no words.
    """
    root: dict = {}
    for word in words:
        node = root
        for part in (re.split(r"(\s+)", word) if space is not None else [word]):
            for key in ([" "] if space is not None and part.isspace() else part):
                node = node.setdefault(key, {})
        node[""] = {}

    def branch(node: dict) -> str:
        parts = [(space if space is not None and key == " " else re.escape(key)) + branch(child)
                 for key, child in sorted(node.items()) if key]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
        return f"(?:{body})?" if "" in node else body  # (greedy: the longer word first)

    return branch(root)


def term_pattern(term: str) -> str:
    """The regular expression (without boundaries) for one dictionary term.

    Parameters
    ----------
    term : str
        A term as a word list writes it, with an optional trailing `!` (exact form) or `*` (any ending).

    Returns
    -------
    str
        A pattern for `re.IGNORECASE` (a capitals-only term switches that off inside it) that
        matches the term with its possessive and, where the module docstring says so, its plural.
    """
    term = term.strip()
    exact = term.endswith("!")
    term = term[:-1].rstrip() if exact else term
    wildcard = term.endswith("*")
    words = term.rstrip("*").split()
    acronym = _is_acronym(term)
    if not words:  # "*" alone: any word
        return (r"[\w-]*" if wildcard else "") + r"(?:['’]s)?"
    *lead, last = words
    body = "".join(re.escape(word) + r"\s+" for word in lead)
    if wildcard:
        body += re.escape(last) + r"[\w-]*(?:['’]s)?"
    elif exact or acronym or not last[-1:].isalpha():
        body += re.escape(last) + r"(?:['’]s)?"
    elif _consonant_y(last):  # army: army, army's, armies
        body += re.escape(last[:-1]) + f"(?:{re.escape(last[-1])}(?:['’]s)?|ies)"
    else:  # war: war, war's, wars; crisis: crisises
        body += re.escape(last) + ("(?:es|['’]s)?" if _sibilant(last) else "(?:s|['’]s)?")
    return f"(?-i:{body})" if acronym else body


def _is_acronym(term: str) -> bool:
    return sum(c.isupper() for c in term) >= 2 and not any(c.islower() for c in term)


def _sibilant(word: str) -> bool:
    return word.lower().endswith(("s", "x", "z", "ch", "sh"))


def _consonant_y(word: str) -> bool:
    return len(word) > 1 and word[-1] in "yY" and word[-2].isalpha() and word[-2].lower() not in "aeiouy"


def _plurals(word: str) -> tuple[str, ...]:
    """The plural forms `term_pattern` adds to `word` (the last word of a term that takes them)."""
    if not word[-1:].isalpha():
        return ()
    if _consonant_y(word):
        return (word[:-1] + "ies",)
    return (word + ("es" if _sibilant(word) else "s"),)


def _takes_plural(term: str) -> bool:
    term = term.strip()
    return not (term.endswith(("!", "*")) or _is_acronym(term))


def _written(term: str) -> str:
    """The term without its trailing `!` (exact form) or `*` (any ending)."""
    term = term.strip()
    return (term[:-1].rstrip() if term.endswith("!") else term).rstrip("*")


class TermMatcher:
    """All occurrences of a set of terms in a text, longest term first, no overlaps.

    With `skip_proper_names`, terms whose first letter is written in lower case ("war",
    "liberation") do not match where they continue a capitalised proper name ("the Korean War");
    see the module docstring.
    """

    def __init__(self, terms: Iterable[str], *, skip_proper_names: bool = False) -> None:
        self.terms = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(_written(t)), t))
        if not self.terms:
            raise ValueError("no terms to match")
        self._starts = _word_starts(self.terms)
        self._at_word: dict[str, tuple[re.Pattern[str], tuple[int, ...]]] = {}  # see _pattern_at
        self._by_terms: dict[tuple[int, ...], tuple[re.Pattern[str], tuple[int, ...]]] = {}
        self._keys = [_start_keys(t) for t in self.terms] if self._starts is not None else []
        # group numbers (1-based, as match.lastindex) of the terms the proper-name rule applies to
        self._generic = frozenset(i for i, t in enumerate(self.terms, 1) if t[:1].islower()) \
            if skip_proper_names else frozenset()

    @cached_property
    def _all(self) -> re.Pattern[str]:
        """All terms in one regular expression, to scan a whole text: what `finditer` uses when the
        word index cannot be built (`_starts` is None). Compiled on first use, as the largest
        dictionaries take a good part of a second to compile and the word index rarely needs it."""
        return _alternation_pattern(self.terms)

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(term, start, end) for each hit, left to right.

        Parameters
        ----------
        text : str
            The text to search.

        Returns
        -------
        Iterator[tuple[str, int, int]]
            The term as listed, and the hit's start and end offsets in `text`.
        """
        generic = self._generic
        if self._starts is None:
            if not generic:
                for match in self._all.finditer(text):
                    yield self.terms[match.lastindex - 1], match.start(), match.end()
                return
            at = 0
            while match := self._all.search(text, at):
                start = match.start()
                if match.lastindex in generic and _in_proper_name(text, start):
                    at = start + 1
                    continue
                at = max(match.end(), start + 1)  # (a term such as "*" can match no characters)
                yield self.terms[match.lastindex - 1], start, match.end()
            return
        # A hit starts where a word starts (every term starts with a word character and the
        # pattern asks for no word character before it), and only at words that could begin a
        # term: the regular expression is tried there alone, with the same result as scanning.
        whole, n, prefixes = self._starts
        words, present, heads = _word_keys(text)
        if present.isdisjoint(whole) and (not prefixes or prefixes.keys().isdisjoint(_heads(present, heads, n))):
            return  # no word of the text can begin a term
        end = 0
        for start, key in words:
            if start < end:
                continue
            if key not in whole:
                group = prefixes.get(key[:n]) if prefixes else None
                if not group or not any(map(key.startswith, group)):
                    continue
            pattern, number = self._at_word.get(key) or self._pattern_at(key)
            match = pattern.match(text, start)
            if match:
                index = number[match.lastindex - 1]
                if generic and index in generic and _in_proper_name(text, start):
                    continue
                end = match.end()
                yield self.terms[index - 1], start, end

    def _pattern_at(self, key: str) -> tuple[re.Pattern[str], tuple[int, ...]]:
        """The alternation of only the terms that can begin at a word with folded form `key` (its
        first word is `key`, or its plural, or a wildcard prefix of it), in the order of `_all`,
        and each alternative's group number in `_all`: the same first match as `_all`, tried
        over a few terms instead of all. Kept per key (at most 50,000, then started afresh)."""
        whole, _, prefixes = self._starts
        wanted = {key} if key in whole else set()
        wanted.update(p for group in prefixes.values() for p in group if key.startswith(p))
        number = tuple(i for i, keys in enumerate(self._keys, 1) if not wanted.isdisjoint(keys))
        found = self._by_terms.get(number)
        if found is None:
            found = self._by_terms[number] = (_alternation_pattern([self.terms[i - 1] for i in number]), number)
        if len(self._at_word) >= 50_000:
            self._at_word.clear()
        self._at_word[key] = found
        return found

    def count(self, text: str) -> dict[str, int]:
        """Hits per term (terms without hits are left out).

        Parameters
        ----------
        text : str
            The text to search.

        Returns
        -------
        dict[str, int]
            Number of hits per term, in the order of the first hit.
        """
        counts: dict[str, int] = {}
        for term, _, _ in self.finditer(text):
            counts[term] = counts.get(term, 0) + 1
        return counts


def _alternation_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """The terms as one expression, each its own group in the order given, matching whole words."""
    alternation = "|".join(f"({term_pattern(t)})" for t in terms)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_SENTENCE_END = tuple(".!?:;…")
_OPENING = "\"'“‘„«‹([{"
_CLOSING = "\"'”’»›)]}"
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
#: words a title-case headline may leave in lower case (short ones are not looked at)
_TITLE_LOWER = frozenset({"with", "from", "into", "onto", "upon", "over", "amid", "than", "that", "near", "like"})


def _in_proper_name(text: str, start: int) -> bool:
    """Whether the capitalised word at `start` continues a proper name: the word before it (across
    white space or a hyphen) starts with a capital, is no possessive ('s), is not the first word of
    its sentence, and the text is not a title-case headline (`_title_case`). False for a word in
    lower case."""
    if not text[start].isupper():
        return False
    before = _token_before(text, start)
    if before is None:
        return False
    token, at = before
    word = token.lstrip(_OPENING)
    if not word[:1].isupper() or word != token:  # lower case, or opens a quotation: "“Korean War"
        return False
    if not (word[-1].isalnum() or word[-1] in "'’-‐"):  # "... 2022. War", "Korea, War"
        return False
    if word.endswith(("'s", "’s", "'S", "’S")):  # Russia's War, Putin’s War
        return False
    previous = _token_before(text, at)
    if previous is None or previous[0].rstrip(_CLOSING).endswith(_SENTENCE_END):
        return False  # the capital of the word before is that of a sentence's first word
    return not _title_case(text)


def _title_case(text: str) -> bool:
    """A headline in title case: at least three words of four letters or more, all capitalised
    (but for a few prepositions), as in "Trump Says War Must End Soon"."""
    words = [w for w in _LONG_WORD.findall(text) if w not in _TITLE_LOWER]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _token_before(text: str, start: int) -> tuple[str, int] | None:
    """The run of non-space characters that ends just before `start` (or before the white space
    there) and where it starts; a hyphen directly before `start` belongs to that run. None at the
    start of the text."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return (text[j:i], j) if j < i else None


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One key for all the characters `re.IGNORECASE` takes for one another: the lower case it
    compares (one code point, as `re` lowers), then the smallest of the characters `re` also
    treats as that one (i/ı, s/ſ, µ/μ, σ/ς ...).

    Parameters
    ----------
    char : str
        One character.

    Returns
    -------
    str
        One character, the same for every character `re.IGNORECASE` matches to `char`; an ASCII
        character gives its lower case.

    Raises
    ------
    RuntimeError
        On a Python without `re`'s case tables (`RE_CASE_RULES` is False).
    """
    if _sre is None:
        raise RuntimeError("fold_char needs re's case tables (_sre, re._casefix), which this Python lacks")
    lower = _sre.unicode_tolower(ord(char))
    return chr(min((lower, *_EXTRA_CASES.get(lower, ()))))


def _fold(word: str) -> str:
    return word.lower() if word.isascii() else "".join(map(fold_char, word))  # ASCII folds to lower case


@lru_cache(maxsize=256)
def _word_keys(text: str) -> tuple[tuple[tuple[int, str], ...], frozenset[str], dict[int, frozenset[str]]]:
    """Start and folded form of each run of word characters, the set of those forms, and a memo
    of their first n characters by n (filled by `_heads`).

    Kept for the texts searched since the last `forget_texts`: the matchers of one article (its
    frames, then its markers) read each paragraph once. `framing.article_rows` forgets at the start
    of each article, as the benchmark corpus repeats its paragraphs from article to article and a
    memory across articles would make it look faster than a corpus of distinct articles (with 256
    texts kept across articles, framing.article_rows on the 1,000-article corpus read only 113
    distinct texts and ran 470 articles per CPU second instead of 375).
    """
    if text.isascii():  # ASCII folds to lower case, letter for letter: one lower() for the whole text
        words = tuple((m.start(), m.group()) for m in _WORD_RUN.finditer(text.lower()))
    else:
        words = tuple((m.start(), _fold(m.group())) for m in _WORD_RUN.finditer(text))
    return words, frozenset(key for _, key in words), {}


def forget_texts() -> None:
    """Forget the texts matchers have read (see `_word_keys`): call it where a new document starts."""
    _word_keys.cache_clear()


def _heads(present: frozenset[str], memo: dict[int, frozenset[str]], n: int) -> frozenset[str]:
    """The first `n` characters of each form in `present`, remembered in `memo` (the matchers
    of one text share it: several frames, each with its own wildcard terms, search one paragraph)."""
    found = memo.get(n)
    if found is None:
        found = memo[n] = frozenset(key[:n] for key in present)
    return found


def _is_prefix(term: str) -> bool:
    """A one-word term ending in `*` that is all word characters ("Zelensk*")."""
    words = _written(term).split()
    return term.endswith("*") and len(words) == 1 and _WORD_RUN.fullmatch(words[0]) is not None


def _start_keys(term: str) -> frozenset[str] | None:
    """The folded first run of word characters of `term` (with the plural of a one-word term that
    takes one: "war": war, wars), or for a `_is_prefix` term the prefix; None if the term does
    not start with a word character."""
    words = _written(term).split()
    lead = _WORD_RUN.match(words[0]) if words else None
    if lead is None:
        return None
    keys = {_fold(lead.group())}
    if not _is_prefix(term) and len(words) == 1 and lead.end() == len(words[0]) and _takes_plural(term):
        keys.update(_fold(form) for form in _plurals(words[0]))
    return frozenset(keys)


def _word_starts(terms: Sequence[str]) -> tuple[frozenset[str], int, dict[str, tuple[str, ...]]] | None:
    """The folded first runs of word characters of the terms (and, for a one-word term that takes
    a plural, its plural), which a word of the text must equal
    or, for a one-word term ending in `*` that is all word characters, start with (those grouped
    by their first n characters, n the shortest). None (scan the whole text) if some term does not
    start with a word character or `re` internals are not at hand."""
    if _sre is None:
        return None
    whole: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        keys = _start_keys(term)
        if keys is None:
            return None
        (prefixes if _is_prefix(term) else whole).update(keys)
    n = min(map(len, prefixes), default=1)
    grouped: dict[str, tuple[str, ...]] = {}
    for key in sorted(prefixes):
        grouped[key[:n]] = (*grouped.get(key[:n], ()), key)
    return frozenset(whole), n, grouped


def read_table(name: str, path: str | Path | None, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of a packaged (or the user's) CSV word list whose `#` lines are comments.

    The header must start with `columns`; every row needs the first two of them.

    Parameters
    ----------
    name : str
        The packaged file's name in `resources/`.
    path : str, Path or None
        The user's file to read instead, or None for the packaged one.
    columns : Sequence[str]
        The columns the header must start with.

    Returns
    -------
    list[dict[str, str]]
        One dict per data row, keys and values stripped.

    Raises
    ------
    ValueError
        If the header does not start with `columns` or a row lacks one of the first two.
    """
    label = str(path) if path else name
    text = paths.resource_text(name, path)
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
