"""Words for topics: class-based TF-IDF terms and short labels from a topic's top terms."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse


def _ctfidf_indices(counts: sparse.spmatrix, assignment: np.ndarray, k: int, n: int) -> list[list[int]]:
    counts = sparse.csr_matrix(counts)
    onehot = sparse.csr_matrix((np.ones(len(assignment)), (assignment, np.arange(len(assignment)))),
                               shape=(k, len(assignment)))
    per_class = np.asarray((onehot @ counts).todense(), dtype=float)
    tf = per_class / np.maximum(per_class.sum(axis=1, keepdims=True), 1)
    idf = np.log(1 + per_class.sum(axis=1).mean() / np.maximum(per_class.sum(axis=0), 1))
    return [list(np.argsort(-row, kind="mergesort")[:n]) for row in tf * idf]


def ctfidf_terms(counts: sparse.spmatrix, vocabulary: Sequence[str], assignment: np.ndarray, k: int,
                 n: int = 8) -> list[list[str]]:
    """Class-based TF-IDF (as BERTopic): the units of a topic joined into one, term frequency
    normalised per class, weighted by log(1 + mean words per class / term frequency over all classes).

    Parameters
    ----------
    counts : scipy.sparse matrix
        Units x terms counts.
    vocabulary : sequence of str
        The terms, in column order.
    assignment : numpy.ndarray
        Each unit's topic, 0..k-1.
    k : int
        Number of topics.
    n : int
        Terms per topic.

    Returns
    -------
    list of list of str
        The n terms of highest c-TF-IDF per topic.
    """
    vocab = np.asarray(vocabulary)
    return [list(vocab[idx]) for idx in _ctfidf_indices(counts, np.asarray(assignment), k, n)]


def label_topics(top_terms: Sequence[Sequence[str]], n: int = 3) -> list[str]:
    """A short label from each topic's top terms, skipping terms already inside a longer one shown.

    Parameters
    ----------
    top_terms : sequence of sequences of str
        Each topic's terms, most telling first.
    n : int
        Terms per label.

    Returns
    -------
    list of str
        One label per topic, its terms joined by " / ".
    """
    labels = []
    for terms in top_terms:
        chosen: list[str] = []
        for term in terms:
            if any(term in c.split() or c in term.split() for c in chosen):
                continue
            chosen.append(term)
            if len(chosen) == n:
                break
        labels.append(" / ".join(chosen))
    return labels
