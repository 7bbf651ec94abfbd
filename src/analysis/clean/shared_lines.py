"""Lines an outlet prints in several of its articles (navigation, taglines, disclaimers), counted once.

Each text's distinct normalised lines (`normalize_line`) are kept as 64-bit hashes and counted per
outlet in sorted numpy arrays, so that a build's first pass needs little memory; the result,
`SharedLines`, answers `line in shared` for `clean_article(shared_lines=...)`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Iterable
from typing import TYPE_CHECKING

import numpy as np

from analysis.clean.lines import normalize_line, split_lines

if TYPE_CHECKING:
    import pandas as pd

SharedLinesLike = Container[str]  # a set of normalised lines, or SharedLines (membership by hash)


def stable_hash(key: str) -> int:
    """A 64-bit hash of a string, the same in every process and run (BLAKE2b, unlike `hash`).

    Parameters
    ----------
    key : str
        Any string (lone surrogates allowed).

    Returns
    -------
    int
        An unsigned 64-bit integer.
    """
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class SharedLines:
    """Normalised lines an outlet prints in several of its articles, held as 64-bit hashes.

    Behaves like the set of lines for `clean.clean_article(shared_lines=...)`: `line in shared`
    hashes the (normalised) line; a chance collision of two different lines is about 1 in 10^12
    for a million distinct lines.
    """

    __slots__ = ("hashes",)

    def __init__(self, hashes: Iterable[int] = ()) -> None:
        self.hashes = frozenset(int(h) for h in hashes)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(key) and stable_hash(key) in self.hashes

    def __bool__(self) -> bool:
        return bool(self.hashes)

    def __len__(self) -> int:
        return len(self.hashes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SharedLines) and other.hashes == self.hashes

    def __hash__(self) -> int:
        return hash(self.hashes)

    def fingerprint(self) -> str:
        """A digest of the set, for cache keys.

        Returns
        -------
        str
            16 hexadecimal digits of the SHA-256 of the sorted hashes.
        """
        return hashlib.sha256(np.asarray(sorted(self.hashes), dtype=np.uint64).tobytes()).hexdigest()[:16]

    @classmethod
    def of_lines(cls, lines: Iterable[str]) -> SharedLines:
        """The set of the given normalised lines.

        Parameters
        ----------
        lines : Iterable[str]
            Normalised lines (`normalize_line`); empty ones are left out.

        Returns
        -------
        SharedLines
        """
        return cls(stable_hash(key) for key in lines if key)


def line_hashes(text: str) -> np.ndarray:
    """The distinct normalised lines of one text, as sorted 64-bit hashes (pass 1 of a build).

    Parameters
    ----------
    text : str
        An article's raw text.

    Returns
    -------
    numpy.ndarray
        Sorted unique uint64 hashes (`stable_hash`) of its non-empty `normalize_line` keys.
    """
    keys = {normalize_line(line) for line in split_lines(text)}
    keys.discard("")
    return np.unique(np.fromiter((stable_hash(k) for k in keys), dtype=np.uint64, count=len(keys)))


class LineCounter:
    """How many articles of each outlet contain each line hash, in sorted numpy arrays.

    About 16 bytes per distinct line of the corpus: the one part of a build whose memory grows
    with the corpus (roughly 60 MB for 100,000 articles of 40 distinct lines).
    """

    def __init__(self) -> None:
        self.done: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.pending: dict[str, list[np.ndarray]] = {}
        self.n_pending = 0

    def add(self, outlet: str, hashes: np.ndarray) -> None:
        """Count one article's lines.

        Parameters
        ----------
        outlet : str
            The article's outlet.
        hashes : numpy.ndarray
            Its distinct line hashes (`line_hashes`).
        """
        self.pending.setdefault(outlet, []).append(hashes)
        self.n_pending += len(hashes)
        if self.n_pending > 2_000_000:
            self._merge()

    def _merge(self) -> None:
        for outlet, parts in self.pending.items():
            values, counts = self.done.get(outlet, (np.empty(0, np.uint64), np.empty(0, np.int64)))
            new = np.concatenate(parts)
            allv = np.concatenate([values, new])
            allc = np.concatenate([counts, np.ones(len(new), np.int64)])
            uniq, inverse = np.unique(allv, return_inverse=True)
            self.done[outlet] = (uniq, np.bincount(inverse, weights=allc, minlength=len(uniq)).astype(np.int64))
        self.pending, self.n_pending = {}, 0

    def shared(self, min_articles: int = 2) -> dict[str, SharedLines]:
        """The lines each outlet printed in at least `min_articles` of its articles.

        Parameters
        ----------
        min_articles : int
            How many of an outlet's articles must contain a line.

        Returns
        -------
        dict[str, SharedLines]
            By outlet, in sorted order; outlets without such lines are left out.
        """
        self._merge()
        return {outlet: SharedLines(values[counts >= min_articles].tolist())
                for outlet, (values, counts) in sorted(self.done.items()) if (counts >= min_articles).any()}


def outlet_shared_lines(articles: pd.DataFrame, min_articles: int = 2) -> dict[str, SharedLines]:
    """Lines each outlet prints in several of its articles (navigation, taglines, disclaimers).

    Parameters
    ----------
    articles : pandas.DataFrame
        With columns `outlet` and `text` (raw article text).
    min_articles : int
        How many of an outlet's articles must contain a line.

    Returns
    -------
    dict[str, SharedLines]
        By outlet (`LineCounter.shared`).
    """
    counter = LineCounter()
    for outlet, text in articles[["outlet", "text"]].itertuples(index=False):
        counter.add(str(outlet), line_hashes(str(text)))
    return counter.shared(min_articles)


def repeated_lines(texts: Iterable[str], min_articles: int = 2) -> SharedLines:
    """Normalised lines that stand in at least `min_articles` of the given texts (one outlet's).

    Navigation, taglines and disclaimers repeat across an outlet's pages; pass the result to
    `clean_article(shared_lines=...)`. The same count as a build's (`outlet_shared_lines`).

    Parameters
    ----------
    texts : Iterable[str]
        Raw article texts of one outlet.
    min_articles : int
        In how many of them a line must stand.

    Returns
    -------
    SharedLines
        The repeated lines (`line in result` takes a normalised line).
    """
    counter = LineCounter()
    for text in texts:
        counter.add("", line_hashes(text))
    return counter.shared(min_articles).get("", SharedLines())
