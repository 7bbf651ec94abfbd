"""Fitting the four models (NMF, online LDA, k-means and Ward on an LSA projection) on bounded samples
and assigning every unit with the fitted model."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from analysis.topics.sampling import LIMITS, _order, bounded_sample

#: NMF's iteration caps: the chosen model's fit, and the many fits that only score a k or a resample
#: (the k grid, the stability resamples), capped lower to bound the cost.
NMF_ITERATIONS = 400
NMF_SCORING_ITERATIONS = 200


def _nmf(tfidf: sparse.spmatrix, k: int, seed: int, max_iter: int = NMF_ITERATIONS):  # noqa: ANN202
    """NMF's model and unit weights. A fit that reproduces its units exactly (a corpus of a few
    distinct paragraphs) leaves a residual that rounds below zero, whose square root NMF takes
    with a warning and reports as a NaN error: the model reports 0 instead."""
    from sklearn.decomposition import NMF

    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=max_iter)
    with np.errstate(invalid="ignore"):
        weights = model.fit_transform(tfidf)
    if np.isnan(model.reconstruction_err_):
        model.reconstruction_err_ = 0.0
    return model, weights


def _svd(tfidf: sparse.spmatrix, seed: int, n_components: int = 50):  # noqa: ANN202
    from sklearn.decomposition import TruncatedSVD

    dims = max(1, min(n_components, tfidf.shape[1] - 1, tfidf.shape[0] - 1))
    return TruncatedSVD(n_components=dims, algorithm="arpack", random_state=seed).fit(tfidf)


def _normalised(x: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)


def _row_shares(w: np.ndarray) -> np.ndarray:
    norm = w.sum(axis=1, keepdims=True)
    return np.divide(w, norm, out=np.zeros_like(w), where=norm > 0)


def _ward(space: np.ndarray, k: int, rows: np.ndarray) -> np.ndarray:
    """Ward clusters of the units in `rows`; every other unit joins the nearest cluster mean."""
    from sklearn.cluster import AgglomerativeClustering

    sample = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(space[rows])
    if len(rows) == len(space):
        return sample
    means = np.vstack([space[rows][sample == t].mean(axis=0) for t in range(k)])
    distance = (means ** 2).sum(axis=1)[None, :] - 2 * space @ means.T
    labels = distance.argmin(axis=1)
    labels[rows] = sample
    return labels


def fit(tfidf: sparse.spmatrix, counts: sparse.spmatrix, k: int, seed: int, *, order: np.ndarray | None = None,
        limits: dict[str, int] | None = None) -> dict[str, dict]:
    """Fit the four models with k topics or clusters on bounded samples (`LIMITS`) and assign every
    unit.

    Parameters
    ----------
    tfidf, counts : scipy.sparse matrix
        Units x terms TF-IDF (NMF, LSA, clusterings) and counts (LDA), as from `vectorize`.
    k : int
        Number of topics or clusters.
    seed : int
        Seed of every model and of the default sample order.
    order : numpy.ndarray, optional
        Sample order keys, one per unit (default: `unit_hash` of the row numbers).
    limits : dict, optional
        Overrides of `LIMITS`.

    Returns
    -------
    dict
        Per model (`MODELS`): `weights` (units x k; rows sum to 1 for topic models, one-hot for
        clusterings), `fit_units`, and `components` for topic models (NMF also `error`); the
        clusterings have `labels`, and k-means also the LSA `space` and `map` (the first two LSA
        coordinates).
    """
    from sklearn.cluster import KMeans
    from sklearn.decomposition import LatentDirichletAllocation

    limits = {**LIMITS, **(limits or {})}
    tfidf, counts = sparse.csr_matrix(tfidf), sparse.csr_matrix(counts)
    order = _order(tfidf.shape[0], seed, order)
    rows = bounded_sample(order, limits["fit"])
    nmf, _ = _nmf(tfidf[rows], k, seed)
    w = nmf.transform(tfidf)
    lda_rows = bounded_sample(order, limits["lda"])
    lda = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method="online", max_iter=10,
                                    batch_size=256, n_jobs=1).fit(counts[lda_rows])
    theta = lda.transform(counts)
    projected = _svd(tfidf[rows], seed).transform(tfidf)
    space = _normalised(projected)
    km = KMeans(n_clusters=k, n_init=4, random_state=seed).fit(space[rows]).predict(space)
    agg_rows = bounded_sample(order, limits["agglomerative"])
    agg = _ward(space, k, agg_rows)
    onehot = lambda labels: np.eye(k)[labels]  # noqa: E731
    return {
        "nmf": {"weights": _row_shares(w), "components": nmf.components_, "error": float(nmf.reconstruction_err_),
                "fit_units": len(rows)},
        "lda": {"weights": theta, "components": lda.components_, "fit_units": len(lda_rows)},
        "kmeans": {"weights": onehot(km), "labels": km, "space": space, "map": projected[:, :2],
                   "fit_units": len(rows)},
        "agglomerative": {"weights": onehot(agg), "labels": agg, "fit_units": len(agg_rows)},
    }
