"""Choosing the number of topics: NPMI coherence, reconstruction error and silhouettes on a grid of k,
scored on one bounded sample, and the k with the best mean rank."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.topics.coherence import npmi_coherence, top_indices
from analysis.topics.models import NMF_SCORING_ITERATIONS, _nmf, _normalised, _svd
from analysis.topics.sampling import LIMITS, _order, bounded_sample


def k_grid_scores(tfidf: sparse.spmatrix, counts: sparse.spmatrix, ks: Sequence[int], seed: int, n_top: int = 8, *,
                  order: np.ndarray | None = None, limit: int | None = None,
                  vocabulary: Sequence[str] | None = None) -> pd.DataFrame:
    """For each k, on one bounded sample of units (`LIMITS["grid"]`): the NPMI coherence of NMF
    topics and NMF's reconstruction error, and the cosine silhouette of k-means and Ward clusterings
    of the LSA space. LDA is left out of the grid (it cost more than everything else together).

    Parameters
    ----------
    tfidf, counts : scipy.sparse matrix
        Units x terms TF-IDF and counts, as from `vectorize`.
    ks : sequence of int
        The k to try; those not below the sample size, or above its number of distinct units, are
        skipped (with fewer distinct points than clusters, k-means and Ward cannot form k clusters).
    seed : int
        Seed of the models and of the default sample order.
    n_top : int
        Top terms per topic scored by NPMI.
    order : numpy.ndarray, optional
        Sample order keys, one per unit.
    limit : int, optional
        Units in the sample (default `LIMITS["grid"]`).
    vocabulary : sequence of str, optional
        The terms in column order: nested n-grams are then left out of the coherence.

    Returns
    -------
    DataFrame
        One row per k scored: k, nmf_npmi, nmf_error, kmeans_silhouette, agglomerative_silhouette and
        n_units (the sample size).
    """
    from sklearn.cluster import AgglomerativeClustering, KMeans
    from sklearn.metrics import silhouette_score

    tfidf, counts = sparse.csr_matrix(tfidf), sparse.csr_matrix(counts)
    rows = bounded_sample(_order(tfidf.shape[0], seed, order), LIMITS["grid"] if limit is None else limit)
    sub, sub_counts = tfidf[rows], counts[rows]
    space = _normalised(_svd(sub, seed).transform(sub))
    distinct = distinct_rows(sub)
    out = []
    for k in ks:
        if k >= len(rows) or k > distinct:
            continue
        nmf, _ = _nmf(sub, k, seed, max_iter=NMF_SCORING_ITERATIONS)
        row = {"k": k,
               "nmf_npmi": float(np.nanmean(npmi_coherence(top_indices(nmf.components_, n_top), sub_counts, vocabulary))),
               "nmf_error": float(nmf.reconstruction_err_)}
        labels = {"kmeans": KMeans(n_clusters=k, n_init=2, random_state=seed).fit_predict(space),
                  "agglomerative": AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(space)}
        for name, found in labels.items():
            row[f"{name}_silhouette"] = (float(silhouette_score(space, found, metric="cosine"))
                                         if 1 < len(set(found)) < len(rows) else float("nan"))
        row["n_units"] = len(rows)
        out.append(row)
    return pd.DataFrame(out, columns=["k", "nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette",
                                      "n_units"])


def distinct_rows(matrix: sparse.spmatrix) -> int:
    """How many different rows `matrix` has (units whose vectors are equal, such as a paragraph
    syndicated word for word, count once); linear in its stored values.

    Parameters
    ----------
    matrix : scipy.sparse matrix
        Units x terms, e.g. TF-IDF.

    Returns
    -------
    int
    """
    matrix = sparse.csr_matrix(matrix, copy=True)
    matrix.sum_duplicates()  # (sorted indices, no explicit duplicates: equal rows store equal bytes)
    matrix.eliminate_zeros()
    starts, ends = matrix.indptr[:-1], matrix.indptr[1:]
    return len({(matrix.indices[a:b].tobytes(), matrix.data[a:b].tobytes()) for a, b in zip(starts, ends)})


def choose_k(grid: pd.DataFrame) -> tuple[int, str]:
    """The k with the best mean rank over NMF coherence and k-means silhouette (the smaller k on
    ties, which the reason names), and the reason in words. Neither criterion is reliable alone: coherence does not
    penalise merging two topics, silhouette ignores the words.

    Parameters
    ----------
    grid : DataFrame
        The scores, as from `k_grid_scores`.

    Returns
    -------
    k : int
        The chosen number of topics.
    reason : str
        Why, in one sentence with the scores.
    """
    criteria = ["nmf_npmi", "kmeans_silhouette"]
    ranks = grid[criteria].rank(ascending=False, method="min")
    scored = grid.assign(mean_rank=ranks.mean(axis=1))
    best = scored.sort_values(["mean_rank", "k"], kind="mergesort").iloc[0]
    k = int(best["k"])
    reason = (f"k = {k}: best mean rank ({best['mean_rank']:.2f}) over NMF coherence ({best['nmf_npmi']:.3f}) "
              f"and k-means silhouette ({best['kmeans_silhouette']:.3f}) on the grid k = "
              f"{int(grid['k'].min())}..{int(grid['k'].max())}, scored on {int(grid['n_units'].max()):,} units")
    tied = sorted(int(t) for t in scored.loc[scored["mean_rank"] == best["mean_rank"], "k"] if int(t) != k)
    if tied:
        reason += (f"; k = {', '.join(map(str, tied))} tie{'s' if len(tied) == 1 else ''} with it on mean rank, "
                   "and the smaller k is taken")
    if k == grid["k"].max():
        reason += "; it is the largest k tried, so a larger k might do better"
    return k, reason
