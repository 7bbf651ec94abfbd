"""The boilerplate cue table (`resources/boilerplate_cues.tsv`) and matching a line against it.

Matching is screened: a cue is tried only on lines holding one of the strings every match of its
pattern needs (read from `re`'s parse of the pattern, compared with the case folding
`re.IGNORECASE` uses), so most cues are skipped on most lines with the same answer. One scan of a
line finds all the strings it holds (`_StringScan`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import paths
from analysis.clean.bylines import _looks_like_names
from analysis.terms import RE_CASE_RULES, alternation, fold_char

try:  # re's parser, to skip cues that cannot match a line (see _cue_screen)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # another Python: every cue is tried on every line
    _sre_parse = None  # type: ignore[assignment]


#: Every reason a removed line can carry (documented in data/processed/README.md).
REASONS = (
    "navigation", "social", "advert", "promo", "comments", "related", "bio", "byline",
    "credit", "caption", "legal", "disclaimer", "metadata:date", "metadata:url",
    "metadata:dateline", "metadata:outlet", "duplicate", "boilerplate", "notes", "markup",
)


_DECORATION = " -–—•·|[](){}<>*#:=_~→←»«"


@dataclass(frozen=True)
class Cue:
    """One boilerplate cue from the cue file."""

    reason: str
    match: str  # "line", "start" or "contains"
    max_words: int
    pattern: re.Pattern[str]
    block: bool = False


def load_cues(path: str | Path | None = None) -> tuple[Cue, ...]:
    """Read a cue file (the packaged one by default); see its header for the format.

    Parameters
    ----------
    path : str, Path or None
        A cue file of the same format, or None for `resources/boilerplate_cues.tsv`.

    Returns
    -------
    tuple[Cue, ...]
        The cues in file order (parsed once per file content).

    Raises
    ------
    ValueError
        For a row with the wrong number of fields, an unknown reason or match, or a bad pattern.
    """
    if path is None:
        return _packaged_cues()
    text = paths.resource_text("boilerplate_cues.tsv", path)
    return _parse_cues(text, str(path or "boilerplate_cues.tsv"))


@lru_cache(maxsize=1)
def _packaged_cues() -> tuple[Cue, ...]:
    """The packaged cue file, read and parsed once (not once per article)."""
    return _parse_cues(paths.resource_text("boilerplate_cues.tsv"), "boilerplate_cues.tsv")


@lru_cache(maxsize=8)
def _parse_cues(text: str, name: str) -> tuple[Cue, ...]:
    cues = []
    for no, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4:
            raise ValueError(f"{name}:{no}: expected 4 tab-separated fields, found {len(parts)}")
        reason, match, max_words, pattern = (p.strip() for p in parts)
        block = reason.endswith("+block")
        reason = reason.removesuffix("+block")
        if reason not in REASONS:
            raise ValueError(f"{name}:{no}: unknown reason {reason!r}; use one of {', '.join(REASONS)}")
        if match not in ("line", "start", "contains"):
            raise ValueError(f"{name}:{no}: match must be line, start or contains, not {match!r}")
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{name}:{no}: bad regular expression: {exc}") from exc
        if block and match != "line":
            raise ValueError(f"{name}:{no}: end-of-article markers (+block) must use match=line")
        cues.append(Cue(reason, match, int(max_words or 0), compiled, block))
    return tuple(cues)


def _cue_reason(text: str, words: int, cues: Sequence[Cue], screen: _CueScreen | None = None) -> tuple[str | None, bool]:
    """The first cue matching a line: (reason, is_block_marker).

    `screen` (`_cue_screen(cues)`) gives the cues that can match the line: those that apply to a line
    of so many words, less those whose required strings the line lacks (their search is skipped, with
    the same answer). Once a cue has matched, only end-of-article markers can change the answer, so
    only they are tried.
    """
    candidates = screen.candidates(text, words) if screen is not None else \
        [c for c in cues if not (c.max_words and words > c.max_words)]
    found: str | None = None
    stripped: str | None = None
    for cue in candidates:
        if found is not None and not cue.block:
            continue
        if cue.match == "line" and stripped is None:
            stripped = text.strip(_DECORATION)
        hit = _cue_hit(cue.match, cue.pattern, text, stripped)
        if not hit:
            continue
        if cue.reason == "byline" and cue.match == "start" and not _looks_like_names(text[hit.end() - 1:]):
            continue
        if cue.block:
            return cue.reason, True
        if found is None:
            found = cue.reason
    return found, False


def _cue_hit(match: str, pattern: re.Pattern[str], text: str, stripped: str | None) -> re.Match[str] | None:
    """`pattern` found in `text` as the cue's `match` asks; `stripped` is `text.strip(_DECORATION)`."""
    if match == "line":
        return pattern.fullmatch(text) or (pattern.fullmatch(stripped) if stripped != text else None)
    if match == "start":
        return pattern.match(text)
    return pattern.search(text)


class _CueScreen:
    """The cues that can match a line: those that apply to its number of words, less those none of
    whose required strings (`_required_strings`) the case-folded line holds. Cues without such
    strings are always tried. The cues of each word-count group share one `_StringScan`."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = tuple(cues)
        self.needs = [_required_strings(c.pattern) for c in self.cues]
        self.limits = sorted({c.max_words for c in self.cues if c.max_words})
        self._groups: dict[int, _StringScan] = {}

    def candidates(self, text: str, words: int) -> list[Cue]:
        """The cues that can match `text`, a line of `words` words, in file order."""
        group = bisect_left(self.limits, words)  # how many word limits the line exceeds decides which cues apply
        scan = self._groups.get(group)
        if scan is None:
            scan = self._groups[group] = _StringScan(
                [(i, c, need) for i, (c, need) in enumerate(zip(self.cues, self.needs))
                 if not (c.max_words and words > c.max_words)])
        return scan.candidates(text)


class _StringScan:
    """Cues screened by their required strings: one regular expression (a trie of all the strings)
    finds, at each position of the case-folded line, the longest string starting there; the strings
    the line holds are those and their prefixes among the strings."""

    def __init__(self, entries: list[tuple[int, Cue, frozenset[str] | None]]) -> None:
        self.cues = {i: cue for i, cue, _ in entries}
        self.always = frozenset(i for i, _, need in entries if not need or "" in need)
        self.needed_by: dict[str, set[int]] = {}
        for i, _, need in entries:
            if i not in self.always:
                for string in need or ():
                    self.needed_by.setdefault(string, set()).add(i)
        try:
            self.pattern = re.compile(f"(?=({alternation(self.needed_by)}))") if self.needed_by else None
        except (re.error, RecursionError, OverflowError):  # a cue file beyond re's limits: no screen
            self.pattern, self.always = None, frozenset(self.cues)
        self.always_cues = [self.cues[i] for i in sorted(self.always)]
        self._held: dict[str, frozenset[int]] = {}

    def candidates(self, text: str) -> list[Cue]:
        found = set(self.pattern.findall(_fold_case(text))) if self.pattern is not None else ()
        if not found:
            return self.always_cues
        indices = self.always.union(*map(self._cues_holding, found))
        return [self.cues[i] for i in sorted(indices)]

    def _cues_holding(self, longest: str) -> frozenset[int]:
        """The cues one of whose strings `longest` starts with (the line holds them where it holds it)."""
        held = self._held.get(longest)
        if held is None:
            held = self._held[longest] = frozenset().union(
                *(self.needed_by.get(longest[:k], ()) for k in range(1, len(longest) + 1)))
        return held


@lru_cache(maxsize=8)
def _cue_screen(cues: tuple[Cue, ...]) -> _CueScreen:
    return _CueScreen(cues)


_last_screen: list[tuple[tuple[Cue, ...], _CueScreen]] = []


def _screen_for(cues: Sequence[Cue]) -> _CueScreen:
    """`_cue_screen(tuple(cues))`, found by identity when `cues` is the tuple asked for last: hashing
    every cue for the cache on each article costs more than screening some lines."""
    last = _last_screen[-1] if _last_screen else None
    if last is not None and last[0] is cues:
        return last[1]
    screen = _cue_screen(tuple(cues))
    if type(cues) is tuple:  # (a tuple of frozen cues cannot change behind its identity)
        _last_screen[:] = [(cues, screen)]
    return screen


def _required_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains, read from its parsed form: a run
    of literal characters in a sequence, the union over the branches of an alternation, the
    content of a group or of a repeat of at least one; of several, the set with the longest
    shortest string. Lookarounds, anchors, classes and group references require nothing."""
    if _sre_parse is None or not RE_CASE_RULES:
        return None
    try:
        found = _required_in(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - any surprise in re's internals: no screen for this cue
        return None
    return frozenset(map(_fold_case, found)) if found else None


def _required_in(items) -> frozenset[str] | None:  # noqa: ANN001 - re._parser.SubPattern
    const = _sre_constants
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is const.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found = None
        if op is const.SUBPATTERN:
            found = _required_in(av[3])
        elif op is const.ATOMIC_GROUP:
            found = _required_in(av)
        elif op is const.BRANCH:
            branches = [_required_in(branch) for branch in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in (const.MAX_REPEAT, const.MIN_REPEAT, const.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required_in(av[2])
        if found:
            options.append(found)
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _fold_case(text: str) -> str:
    """`text` with each character replaced by `terms.fold_char` of it: one key for all the
    characters `re.IGNORECASE` takes for it (i/ı, s/ſ, µ/μ, σ/ς ...). Same length."""
    if text.isascii() or all(_lower_is_key(c) for c in set(text) if c > "\x7f"):
        return text.lower()
    return "".join(map(fold_char, text))


@lru_cache(maxsize=4096)
def _lower_is_key(char: str) -> bool:
    """str.lower gives `terms.fold_char` (it differs for İ, ſ, ı, Σ, µ, some Greek and Cyrillic forms)."""
    return char.lower() == fold_char(char)
