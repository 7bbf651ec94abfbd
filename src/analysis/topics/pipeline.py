"""`build_topics`: every topic table `build` writes, from the articles and paragraphs tables."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.topics.features import units, vectorize
from analysis.topics.grid import choose_k, k_grid_scores
from analysis.topics.models import fit
from analysis.topics.sampling import LIMITS, unit_hash
from analysis.topics.schema import COLUMNS, MODELS
from analysis.topics.stability import cluster_stability, topic_stability
from analysis.topics.tables import representative_units, summary_per_topic, topic_per_unit

#: Resamples for stability in `build` (each refits NMF and k-means on 80% of the stability sample).
N_RESAMPLES = 10


def _empty() -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(columns=list(columns)) for name, columns in COLUMNS.items()}


def build_topics(tables: dict[str, pd.DataFrame], seed: int = 20240601, ks: Sequence[int] = range(2, 9), *,
                 n_resamples: int = N_RESAMPLES, limits: dict[str, int] | None = None) -> dict[str, pd.DataFrame]:
    """Every topic table `build` writes (`COLUMNS`): units' topics in the four models, a summary per
    topic with stability, the k grid, evidence paragraphs and the LSA map. Costly steps see bounded
    samples (`LIMITS`), so the cost stops growing with the corpus.

    Parameters
    ----------
    tables : dict of DataFrame
        The built `articles` and `paragraphs` tables.
    seed : int
        Seed of every model, sample and tie-break.
    ks : sequence of int
        The k grid.
    n_resamples : int
        Resamples for stability.
    limits : dict, optional
        Overrides of `LIMITS`.

    Returns
    -------
    dict of DataFrame
        The tables of `COLUMNS`, by name; all empty below 4 units or when no k fits.
    """
    from threadpoolctl import threadpool_limits

    # One BLAS/OpenMP thread: on a few shared cores, threads that spin waiting for each other cost
    # more than they gain (measured: 2.3x the CPU seconds on 2 cores), and results do not depend on
    # how many cores the machine has.
    with threadpool_limits(limits=1):
        return _build_topics(tables, seed, ks, n_resamples, {**LIMITS, **(limits or {})})


def _build_topics(tables: dict[str, pd.DataFrame], seed: int, ks: Sequence[int], n_resamples: int,
                  limits: dict[str, int]) -> dict[str, pd.DataFrame]:
    data = units(tables)
    if len(data) < 4:
        return _empty()
    order = unit_hash(data["article_id"].astype(str).tolist(), data["paragraph_id"].tolist(), seed)
    tfidf, counts, vocab = vectorize(data["text"].tolist())
    grid = k_grid_scores(tfidf, counts, [k for k in ks if k < len(data)], seed, order=order, limit=limits["grid"],
                         vocabulary=vocab)
    if grid.empty:
        return _empty()
    k, _ = choose_k(grid)
    grid["chosen"] = grid["k"] == k
    models = fit(tfidf, counts, k, seed, order=order, limits=limits)
    seeds = [seed + r for r in range(1, n_resamples + 1)]
    stability = {
        "nmf": topic_stability(tfidf, k, seeds, reference=models["nmf"]["components"], order=order,
                               limit=limits["stability"]),
        "kmeans": cluster_stability(models["kmeans"]["space"], models["kmeans"]["labels"], seeds, order=order, seed=seed,
                                    limit=limits["stability"]),
    }
    summary = pd.concat([summary_per_topic(name, models[name], vocab, counts, stability.get(name)) for name in MODELS],
                        ignore_index=True)
    labels = {name: summary.loc[summary["model"] == name, "label"].tolist() for name in MODELS}
    evidence = pd.concat([representative_units(data, models[name]["weights"], labels[name], order=order)
                          .assign(model=name) for name in ("nmf", "lda")], ignore_index=True)
    coords = np.round(models["kmeans"]["map"], 4) + 0.0  # + 0.0: no negative zeros
    topic_map = pd.DataFrame({"article_id": data["article_id"].to_numpy(),
                              "paragraph_id": data["paragraph_id"].astype("int64").to_numpy(),
                              "x": coords[:, 0], "y": coords[:, 1] if coords.shape[1] > 1 else 0.0})
    for column in ("nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette"):
        grid[column] = grid[column].round(4)
    return {"topics": topic_per_unit(data, models, labels), "topic_summary": summary,
            "topic_grid": grid[list(COLUMNS["topic_grid"])], "topic_evidence": evidence[list(COLUMNS["topic_evidence"])],
            "topic_map": topic_map.sort_values(["article_id", "paragraph_id"], kind="mergesort").reset_index(drop=True)}
