"""The per-model tables: one row per topic (summary), one row per unit and model (dominant topic), and
the evidence paragraphs that weigh most on each topic."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.clean.lines import case_space_key
from analysis.topics.coherence import npmi_coherence, top_indices
from analysis.topics.labels import _ctfidf_indices, label_topics
from analysis.topics.sampling import unit_hash
from analysis.topics.schema import COLUMNS, MODELS
from analysis.topics.stability import UNSTABLE_BELOW

#: What `status_labels` appends to the label of an unstable topic.
UNSTABLE_SUFFIX = " (unstable)"


def stability_status(values: np.ndarray, cutoff: float = UNSTABLE_BELOW) -> np.ndarray:
    """Each topic's status from its stability: `not measured` (NaN), `unstable` below `cutoff`, else `stable`.

    Parameters
    ----------
    values : numpy.ndarray
        Stabilities (NaN where not measured).
    cutoff : float
        The smallest stability called stable.

    Returns
    -------
    numpy.ndarray of str
        One status per topic.
    """
    values = np.asarray(values, dtype=float)
    return np.where(np.isnan(values), "not measured", np.where(values < cutoff, "unstable", "stable"))


def status_labels(labels: Sequence[str], status: Sequence[str]) -> list[str]:
    """Topic labels with `UNSTABLE_SUFFIX` on the unstable ones (an existing suffix is not repeated).

    Parameters
    ----------
    labels : sequence of str
        The labels, with or without the suffix.
    status : sequence of str
        Each topic's status (`stability_status`).

    Returns
    -------
    list of str
        The labels, suffixed where the status is `unstable`.
    """
    bare = [label.removesuffix(UNSTABLE_SUFFIX) for label in labels]
    return [f"{label}{UNSTABLE_SUFFIX}" if s == "unstable" else label for label, s in zip(bare, status)]


def summary_per_topic(name: str, model: dict, vocabulary: Sequence[str], counts: sparse.spmatrix,
                      stability: pd.DataFrame | None, n_top: int = 10) -> pd.DataFrame:
    """One row per topic of one model: label, top terms (model weights; c-TF-IDF for clusterings),
    c-TF-IDF terms, NPMI of the top eight terms, units, stability and its status (`stable`,
    `unstable` below `UNSTABLE_BELOW`, or `not measured`). Unstable labels end in "(unstable)".

    Parameters
    ----------
    name : str
        The model's name (`MODELS`).
    model : dict
        The model's entry from `fit`.
    vocabulary : sequence of str
        The terms, in column order.
    counts : scipy.sparse matrix
        Units x terms counts.
    stability : DataFrame or None
        As from `topic_stability` or `cluster_stability`; None when not measured.
    n_top : int
        Terms in `top_terms`.

    Returns
    -------
    DataFrame
        The model's rows of the `topic_summary` table (`COLUMNS["topic_summary"]`).
    """
    vocab = np.asarray(vocabulary)
    k = model["weights"].shape[1]
    assignment = model["weights"].argmax(axis=1)
    ctf = _ctfidf_indices(counts, assignment, k, max(n_top, 8))
    top = top_indices(model["components"], max(n_top, 8)) if "components" in model else ctf
    npmi = npmi_coherence([t[:8] for t in top], counts, vocab)
    values = (stability.set_index("topic").reindex(range(k))["stability"].to_numpy() if stability is not None
              else np.full(k, np.nan))
    status = stability_status(values)
    labels = label_topics([list(vocab[t]) for t in top])
    table = pd.DataFrame({
        "model": name, "topic": range(k),
        "label": status_labels(labels, status),
        "top_terms": [", ".join(vocab[t[:n_top]]) for t in top],
        "ctfidf_terms": [", ".join(vocab[t[:8]]) for t in ctf],
        "npmi": np.round(npmi, 4), "n_units": np.bincount(assignment, minlength=k),
        "stability": np.round(values, 4), "status": status, "fit_units": model["fit_units"],
    })
    return table[list(COLUMNS["topic_summary"])]


def representative_units(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], n: int = 3, *,
                         seed: int = 0, order: np.ndarray | None = None) -> pd.DataFrame:
    """The n units that weigh most on each topic, from n different articles and with n different texts
    where there are that many (a paragraph that several articles print, syndicated or copied, is shown
    once: its copies would show one text n times; a text holding a shown one, or held in it, counts as that
    text, as a copy with a subhead joined in front). Ties are broken by a stated rule, never by file order:
    weight (rounded to 4 decimals, heaviest first), then a unit of an article not yet shown and of a text
    not yet shown (case and spacing ignored), then `unit_hash` (seed, article, paragraph).

    Parameters
    ----------
    data : DataFrame
        The units, as from `units`.
    weights : numpy.ndarray
        Units x topics weights.
    labels : sequence of str
        One label per topic.
    n : int
        Units per topic.
    seed : int
        Seed of the default tie-break order.
    order : numpy.ndarray, optional
        Tie-break keys, one per unit (default `unit_hash` of seed, article and paragraph).

    Returns
    -------
    DataFrame
        Up to n rows per topic: topic, label, rank, weight, article_id, paragraph_id, outlet, bloc, text.
    """
    if order is None:
        order = unit_hash(data["article_id"].astype(str).tolist(), data["paragraph_id"].tolist(), seed)
    articles = data["article_id"].astype(str).to_numpy()
    texts = [case_space_key(text) for text in data["text"].tolist()]
    rows = []
    for t, label in enumerate(labels):
        rounded = np.round(weights[:, t], 4)
        ranked = np.lexsort((order, -rounded))
        picked, seen, shown = [], set(), set()
        for i in ranked:
            if articles[i] not in seen and not any(texts[i] in s or s in texts[i] for s in shown):
                picked.append(i)
                seen.add(articles[i])
                shown.add(texts[i])
                if len(picked) == n:
                    break
        if len(picked) < n:  # fewer articles than n: the next units in rank order
            taken = set(picked)
            picked += [i for i in ranked[: n + len(taken)] if i not in taken][: n - len(picked)]
        for rank, i in enumerate(picked, 1):
            record = data.iloc[i]
            rows.append({"topic": t, "label": label, "rank": rank, "weight": float(rounded[i]),
                         "article_id": record["article_id"], "paragraph_id": int(record["paragraph_id"]),
                         "outlet": record["outlet"], "bloc": record["bloc"], "text": record["text"]})
    return pd.DataFrame(rows, columns=["topic", "label", "rank", "weight", "article_id", "paragraph_id", "outlet",
                                       "bloc", "text"])


def topic_per_unit(data: pd.DataFrame, models: dict[str, dict], labels: dict[str, list[str]]) -> pd.DataFrame:
    """The `topics` table: each unit's dominant topic or cluster in every model, with its weight.

    Parameters
    ----------
    data : DataFrame
        The units (as from `units`), in the row order of the models' weights.
    models : dict
        The models from `fit`, by name.
    labels : dict
        Per model name, one label per topic.

    Returns
    -------
    DataFrame
        One row per unit and model (`COLUMNS["topics"]`).
    """
    parts = []
    for name in MODELS:
        weights = models[name]["weights"]
        best = weights.argmax(axis=1)
        parts.append(pd.DataFrame({"article_id": data["article_id"].to_numpy(),
                                   "paragraph_id": data["paragraph_id"].astype("int64").to_numpy(), "model": name,
                                   "topic": best.astype("int64"),
                                   "weight": np.round(weights[np.arange(len(best)), best], 6),
                                   "label": np.asarray(labels[name], dtype=object)[best]}))
    return pd.concat(parts, ignore_index=True)[list(COLUMNS["topics"])]
