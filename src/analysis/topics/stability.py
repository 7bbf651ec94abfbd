"""Stability under resampling: refit NMF topics and k-means clusters on resamples and match them to the
reference ones; topics below `UNSTABLE_BELOW` are flagged unstable."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.topics.coherence import top_indices
from analysis.topics.models import NMF_SCORING_ITERATIONS, _nmf
from analysis.topics.sampling import LIMITS, _order, bounded_sample

#: Topics whose stability falls below this are flagged unstable.
UNSTABLE_BELOW = 0.5


def _matching(similarity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The one-to-one pairing of rows and columns with the largest total similarity (Hungarian
    algorithm). scipy.optimize is imported here: it takes 0.2 s, which a build without topics and
    every notebook that only reads tables would otherwise pay at import."""
    from scipy.optimize import linear_sum_assignment

    return linear_sum_assignment(-similarity)


def _jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _subsample(n: int, seed: int, share: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=max(2, int(round(share * n))), replace=False))


def topic_stability(tfidf: sparse.spmatrix, k: int, seeds: Sequence[int], n_top: int = 10, share: float = 0.8, *,
                    reference: np.ndarray | None = None, order: np.ndarray | None = None,
                    limit: int | None = None) -> pd.DataFrame:
    """How well each topic survives resampling (Greene, O'Callaghan and Cunningham 2014): refit NMF
    on a random `share` of a bounded sample of units (`LIMITS["stability"]`) for each seed, match
    the refitted topics to the reference topics (`reference` components, else NMF on the sample) by
    top-term overlap (Hungarian matching), and average each reference topic's Jaccard similarity
    to its match. Real topics come back; topics of noise do not.

    Parameters
    ----------
    tfidf : scipy.sparse matrix
        Units x terms TF-IDF.
    k : int
        Number of topics.
    seeds : sequence of int
        One resample and refit per seed.
    n_top : int
        Top terms compared per topic.
    share : float
        Share of the sample refitted each time.
    reference : numpy.ndarray, optional
        Topics x terms components to measure (default: NMF fitted on the sample, seed 0).
    order : numpy.ndarray, optional
        Sample order keys, one per unit.
    limit : int, optional
        Units in the sample (default `LIMITS["stability"]`).

    Returns
    -------
    DataFrame
        One row per reference topic: topic, stability (mean Jaccard similarity, in [0, 1]).
    """
    tfidf = sparse.csr_matrix(tfidf)
    sample = bounded_sample(_order(tfidf.shape[0], 0, order), LIMITS["stability"] if limit is None else limit)
    if reference is None:
        reference = _nmf(tfidf[sample], k, 0)[0].components_
    ref_top = top_indices(reference, n_top)
    sims = np.zeros((len(seeds), k))
    for r, seed in enumerate(seeds):
        rows = sample[_subsample(len(sample), seed, share)]
        run = top_indices(_nmf(tfidf[rows], k, seed, max_iter=NMF_SCORING_ITERATIONS)[0].components_, n_top)
        matrix = np.array([[_jaccard(a, b) for b in run] for a in ref_top])
        ref_idx, run_idx = _matching(matrix)
        sims[r, ref_idx] = matrix[ref_idx, run_idx]
    return pd.DataFrame({"topic": range(k), "stability": sims.mean(axis=0)})


def cluster_stability(space: np.ndarray, labels: np.ndarray, seeds: Sequence[int], share: float = 0.8, *,
                      order: np.ndarray | None = None, limit: int | None = None, seed: int = 0) -> pd.DataFrame:
    """How well each k-means cluster survives resampling: refit k-means on a random `share` of a
    bounded sample of units for each seed, match its clusters to `labels` on those units by the
    Jaccard overlap of their members (Hungarian matching), and average each cluster's overlap.

    Parameters
    ----------
    space : numpy.ndarray
        Units x dimensions, the space k-means was fitted in.
    labels : numpy.ndarray
        Each unit's reference cluster, 0..k-1.
    seeds : sequence of int
        One resample and refit per seed.
    share : float
        Share of the sample refitted each time.
    order : numpy.ndarray, optional
        Sample order keys, one per unit.
    limit : int, optional
        Units in the sample (default `LIMITS["stability"]`).
    seed : int
        Seed of the sample order when `order` is not given (the build's `SEED`).

    Returns
    -------
    DataFrame
        One row per cluster: topic, stability (mean Jaccard overlap, in [0, 1]).
    """
    from sklearn.cluster import KMeans

    labels = np.asarray(labels)
    k = int(labels.max()) + 1
    sample = bounded_sample(_order(len(space), seed, order), LIMITS["stability"] if limit is None else limit)
    sims = np.zeros((len(seeds), k))
    for r, resample_seed in enumerate(seeds):
        rows = sample[_subsample(len(sample), resample_seed, share)]
        found = KMeans(n_clusters=k, n_init=2, random_state=resample_seed).fit_predict(space[rows])
        joint = np.zeros((k, k))
        np.add.at(joint, (labels[rows], found), 1)
        union = joint.sum(axis=1, keepdims=True) + joint.sum(axis=0, keepdims=True) - joint
        matrix = np.divide(joint, union, out=np.zeros_like(joint), where=union > 0)
        ref_idx, run_idx = _matching(matrix)
        sims[r, ref_idx] = matrix[ref_idx, run_idx]
    return pd.DataFrame({"topic": range(k), "stability": sims.mean(axis=0)})
