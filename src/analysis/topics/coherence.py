"""Topic coherence: NPMI over pairs of each topic's top terms, from co-occurrence in the corpus itself."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse


def nested(a: str, b: str) -> bool:
    """Whether one n-gram's words all stand in the other ("media" and "free media").

    Parameters
    ----------
    a, b : two terms, words separated by spaces.

    Returns
    -------
    bool
    """
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def npmi_coherence(top_terms: Sequence[Sequence[int]], counts: sparse.spmatrix,
                   vocabulary: Sequence[str] | None = None) -> np.ndarray:
    """Mean normalised PMI over pairs of each topic's top terms, from document co-occurrence in
    the corpus itself (Bouma 2009; Lau, Newman and Baldwin 2014). Pairs that never co-occur
    score -1. With the `vocabulary`, pairs of nested n-grams ("free media" with "media") are
    left out: they co-occur by construction and would make a topic look more coherent than it is.

    Parameters
    ----------
    top_terms : sequence of sequences of int
        Column indices of each topic's top terms.
    counts : scipy.sparse matrix
        Units x terms counts (only presence counts).
    vocabulary : sequence of str, optional
        The terms in column order; when given, nested pairs are skipped.

    Returns
    -------
    numpy.ndarray
        One value per topic, in [-1, 1] (NaN for a topic with no pair of terms left to score).
    """
    present = (sparse.csc_matrix(counts) > 0).astype(np.int64)
    n_docs = present.shape[0]
    doc_freq = np.asarray(present.sum(axis=0)).ravel()
    scores = []
    for terms in top_terms:
        values = []
        for i, j in itertools.combinations(terms, 2):
            if vocabulary is not None and nested(vocabulary[i], vocabulary[j]):
                continue
            joint = present[:, i].multiply(present[:, j]).sum() / n_docs
            if joint == 0:
                values.append(-1.0)
                continue
            p_i, p_j = doc_freq[i] / n_docs, doc_freq[j] / n_docs
            values.append(1.0 if joint == 1 else math.log(joint / (p_i * p_j)) / -math.log(joint))
        scores.append(float(np.mean(values)) if values else float("nan"))
    return np.asarray(scores)


def top_indices(components: np.ndarray, n: int) -> list[list[int]]:
    """Indices of the n heaviest terms of each topic (ties broken by term order).

    Parameters
    ----------
    components : numpy.ndarray
        Topics x terms weights.
    n : int
        Terms per topic.

    Returns
    -------
    list of list of int
        Term indices per topic, heaviest first.
    """
    return [list(np.argsort(-row, kind="mergesort")[:n]) for row in components]
