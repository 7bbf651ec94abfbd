"""Bounded samples: the most units each costly step sees (`LIMITS`), and a sample order by a hash of
seed, article and paragraph, so neither the sample nor tie-breaks depend on the order of the corpus file."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

#: The most units each costly step sees (a sample chosen by `unit_hash`); the other units are
#: assigned with the fitted model. Above these sizes the topic stage's cost no longer grows with the
#: corpus, except vectorising and assigning, which are linear and cheap.
LIMITS: dict[str, int] = {
    "grid": 1000,           # the k grid: NMF, k-means and Ward for every k, and the silhouettes (<= "agglomerative")
    "fit": 5000,            # the final NMF, the LSA basis and k-means
    "lda": 1500,            # online LDA, the slowest model
    "agglomerative": 2000,  # Ward linkage (quadratic memory); the other units join the nearest cluster mean
    "stability": 1000,      # the units resampled to measure stability
}


def unit_hash(article_ids: Sequence[str], paragraph_ids: Sequence[int], seed: int) -> np.ndarray:
    """A 64-bit hash of (seed, article, paragraph) per unit: the order in which units are sampled and
    ties broken, so that neither depends on the order of the corpus file.

    Parameters
    ----------
    article_ids, paragraph_ids : sequences of the same length
        The units' article and paragraph ids.
    seed : int
        Mixed into the hash: another seed gives another order.

    Returns
    -------
    numpy.ndarray
        One uint64 key per unit.
    """
    return np.array([int.from_bytes(hashlib.blake2b(f"{seed}:{a}:{p}".encode("utf-8", "surrogatepass"),
                                                    digest_size=8).digest(), "little")
                     for a, p in zip(article_ids, paragraph_ids)], dtype=np.uint64)


def bounded_sample(order: np.ndarray, limit: int) -> np.ndarray:
    """Sorted row indices of at most `limit` units, those with the smallest `order` key (all when fewer).

    Parameters
    ----------
    order : numpy.ndarray
        One sort key per unit (as from `unit_hash`).
    limit : int
        The most units to keep.

    Returns
    -------
    numpy.ndarray
        Row indices, in increasing order.
    """
    if len(order) <= limit:
        return np.arange(len(order))
    return np.sort(np.argsort(order, kind="stable")[:limit])


def _order(n: int, seed: int, order: np.ndarray | None) -> np.ndarray:
    if order is None:
        return unit_hash([""] * n, range(n), seed)
    if len(order) != n:
        raise ValueError(f"order has {len(order)} keys for {n} units")
    return np.asarray(order)
