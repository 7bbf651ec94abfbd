"""Lines each outlet prints in several of its articles (navigation, taglines, disclaimers),
counted as 64-bit hashes in pass 1 of a build so that the pass needs little memory."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis import clean


def _hash(key: str) -> int:
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
        return isinstance(key, str) and bool(key) and _hash(key) in self.hashes

    def __bool__(self) -> bool:
        return bool(self.hashes)

    def __len__(self) -> int:
        return len(self.hashes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SharedLines) and other.hashes == self.hashes

    def __hash__(self) -> int:
        return hash(self.hashes)

    def fingerprint(self) -> str:
        """A digest of the set, for cache keys."""
        return hashlib.sha256(np.asarray(sorted(self.hashes), dtype=np.uint64).tobytes()).hexdigest()[:16]

    @classmethod
    def of_lines(cls, lines: Iterable[str]) -> SharedLines:
        return cls(_hash(key) for key in lines if key)


def line_hashes(text: str) -> np.ndarray:
    """The distinct normalised lines of one text, as sorted 64-bit hashes (pass 1 of a build)."""
    keys = {clean.normalize_line(line) for line in clean.split_lines(text)}
    keys.discard("")
    return np.unique(np.fromiter((_hash(k) for k in keys), dtype=np.uint64, count=len(keys)))


class _LineCounter:
    """How many articles of each outlet contain each line hash, in sorted numpy arrays.

    About 16 bytes per distinct line of the corpus: the one part of a build whose memory grows
    with the corpus (roughly 60 MB for 100,000 articles of 40 distinct lines).
    """

    def __init__(self) -> None:
        self.done: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.pending: dict[str, list[np.ndarray]] = {}
        self.n_pending = 0

    def add(self, outlet: str, hashes: np.ndarray) -> None:
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
        self._merge()
        return {outlet: SharedLines(values[counts >= min_articles].tolist())
                for outlet, (values, counts) in sorted(self.done.items()) if (counts >= min_articles).any()}


def outlet_shared_lines(articles: pd.DataFrame, min_articles: int = 2) -> dict[str, SharedLines]:
    """Lines each outlet prints in several of its articles (navigation, taglines, disclaimers)."""
    counter = _LineCounter()
    for outlet, text in articles[["outlet", "text"]].itertuples(index=False):
        counter.add(str(outlet), line_hashes(str(text)))
    return counter.shared(min_articles)
