"""Comparing topics across blocs, outlets and models: prevalence with bootstrap intervals, permutation
tests of bloc differences (stable topics only), and the agreement between models."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.topics.reading import assignments, stable_topics
from analysis.topics.schema import MODELS


def bloc_prevalence(tables: dict[str, pd.DataFrame], blocs: Sequence[str], *, model: str = "nmf",
                    n_boot: int = 2000, seed: int = 0) -> tuple[pd.DataFrame, str]:
    """Per bloc in `blocs`, the mean share of an article's units whose dominant topic is each stable
    topic (two-level bootstrap interval), and a note of the blocs and topics left out. Unstable
    topics are never compared: a difference in a topic that does not come back is not a finding.

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    blocs : sequence of str
        The blocs to compare; the others are named in the note.
    model : str
        One of `MODELS`.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Bootstrap seed (plus the topic number).

    Returns
    -------
    table : DataFrame
        One row per stable topic and bloc: topic, label, bloc, n_articles, n_units, mean, ci_low,
        ci_high (empty when no topic is stable or no bloc is compared).
    note : str
        The blocs compared, and the blocs and topics left out.
    """
    data, onehot = assignments(tables, model)
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    stable = stable_topics(tables["topic_summary"], model)
    present = sorted(data["bloc"].astype(str).unique())
    kept = [b for b in blocs if b in present]
    left_out = {b: int(data.loc[data["bloc"] == b, "article_id"].nunique()) for b in present if b not in kept}
    unstable = [t for t in summary.index if t not in stable]
    note = (f"Compared: {', '.join(kept) or 'no bloc'}. Left out: "
            + (", ".join(f"{b} ({n} article{'' if n == 1 else 's'})" for b, n in left_out.items()) or "no bloc") + "; "
            + (f"{len(unstable)} unstable topic(s) ({', '.join(str(t) for t in unstable)})" if unstable else "no topic")
            + " left out.")
    columns = ["topic", "label", "bloc", "n_articles", "n_units", "mean", "ci_low", "ci_high"]
    if not stable or not kept:
        return pd.DataFrame(columns=columns), note
    rows = data["bloc"].isin(kept).to_numpy()
    table = prevalence(data[rows].reset_index(drop=True), onehot[rows][:, stable],
                       summary.loc[stable, "label"].tolist(), n_boot=n_boot, seed=seed, topic_ids=stable)
    for column in ("mean", "ci_low", "ci_high"):
        table[column] = table[column].round(4)
    return table[columns], note


def _permutation_p(values: np.ndarray, is_a: np.ndarray, n_perm: int, seed: int) -> float:
    """Two-sided article-level permutation p-value of the difference in means: exact over every
    relabelling when there are at most `n_perm` of them, else `n_perm` random ones (add-one rule);
    the relabellings are never all listed."""
    n, n_a = len(values), int(is_a.sum())
    observed = abs(values[is_a].mean() - values[~is_a].mean())
    total = math.comb(n, n_a)
    if total <= n_perm:
        splits = (np.isin(np.arange(n), c) for c in itertools.combinations(range(n), n_a))
        diffs = [abs(values[m].mean() - values[~m].mean()) for m in splits]
        return float(np.mean(np.asarray(diffs) >= observed - 1e-12))
    rng = np.random.default_rng(seed)
    hits = sum(abs(values[m].mean() - values[~m].mean()) >= observed - 1e-12
               for m in (rng.permutation(is_a) for _ in range(n_perm)))
    return float((hits + 1) / (n_perm + 1))


def bloc_difference(tables: dict[str, pd.DataFrame], a: str, b: str, *, model: str = "nmf", n_perm: int = 5000,
                    seed: int = 0) -> pd.DataFrame:
    """For each stable topic: the difference a - b of bloc means of the article share of units in
    the topic, and an article-level permutation p-value (articles of other blocs left out).

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    a, b : str
        The two blocs.
    model : str
        One of `MODELS`.
    n_perm : int
        The most relabellings (the test is exact when there are no more).
    seed : int
        Permutation seed (plus the topic number).

    Returns
    -------
    DataFrame
        One row per stable topic: topic, label, a, b, n_articles_a, n_articles_b, difference,
        p_permutation (NaN when a bloc has no article).
    """
    data, onehot = assignments(tables, model)
    stable = stable_topics(tables["topic_summary"], model)
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    rows = data["bloc"].isin([a, b]).to_numpy()
    columns = ["topic", "label", "a", "b", "n_articles_a", "n_articles_b", "difference", "p_permutation"]
    if not stable or rows.sum() == 0:
        return pd.DataFrame(columns=columns)
    shares = pd.DataFrame(onehot[rows][:, stable], columns=stable).assign(
        article_id=data.loc[rows, "article_id"].to_numpy(), bloc=data.loc[rows, "bloc"].to_numpy())
    per_article = shares.groupby(["article_id", "bloc"], sort=True).mean().reset_index()
    is_a = (per_article["bloc"] == a).to_numpy()
    out = []
    for t in stable:
        values = per_article[t].to_numpy(float)
        n_a, n_b = int(is_a.sum()), int((~is_a).sum())
        ok = n_a > 0 and n_b > 0
        out.append({"topic": t, "label": summary.loc[t, "label"], "a": a, "b": b, "n_articles_a": n_a,
                    "n_articles_b": n_b,
                    "difference": round(float(values[is_a].mean() - values[~is_a].mean()), 4) if ok else float("nan"),
                    "p_permutation": round(_permutation_p(values, is_a, n_perm, seed + t), 4) if ok else float("nan")})
    return pd.DataFrame(out, columns=columns)


def outlet_prevalence(tables: dict[str, pd.DataFrame], *, model: str = "nmf", n_boot: int = 2000,
                      seed: int = 0) -> pd.DataFrame:
    """Per outlet (rows: bloc, outlet) and stable topic (columns: label), the mean share of the outlet's
    units in the topic; an empty table when no topic is stable.

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    model : str
        One of `MODELS`.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Bootstrap seed (plus the topic number).

    Returns
    -------
    DataFrame
        Mean shares to 2 decimals, indexed by (bloc, outlet), one column per stable topic's label.
    """
    data, onehot = assignments(tables, model)
    stable = stable_topics(tables["topic_summary"], model)
    if not stable:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["bloc", "outlet"]))
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    table = prevalence_by_outlet(data, onehot[:, stable], summary.loc[stable, "label"].tolist(), n_boot=n_boot,
                                 seed=seed, topic_ids=stable)
    return table.pivot_table(index=["bloc", "outlet"], columns="label", values="mean").round(2)


def prevalence(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], *, n_boot: int = 2000,
               seed: int = 0, topic_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """Mean topic weight per bloc (mean of article means, two-level bootstrap interval); with one-hot
    weights, the mean share of an article's units whose dominant topic it is. `topic_ids` numbers
    the columns of `weights` (default 0, 1, ...).

    Parameters
    ----------
    data : DataFrame
        The units, with article_id and bloc.
    weights : numpy.ndarray
        Units x topics weights.
    labels : sequence of str
        One label per column of `weights`.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Bootstrap seed (plus the topic number).
    topic_ids : sequence of int, optional
        The topic number of each column.

    Returns
    -------
    DataFrame
        One row per topic and bloc: topic, label, bloc, n_articles, n_units, mean, ci_low, ci_high.
    """
    from analysis.stats import bloc_summary

    ids = list(range(len(labels))) if topic_ids is None else list(topic_ids)
    rows = []
    for column, (t, label) in enumerate(zip(ids, labels)):
        frame = data.assign(weight=weights[:, column])
        summary = bloc_summary(frame, "weight", n_boot=n_boot, seed=seed + t)
        rows.append(summary.assign(topic=t, label=label).rename(columns={"n_sentences": "n_units"}))
    return pd.concat(rows, ignore_index=True)[["topic", "label", "bloc", "n_articles", "n_units", "mean", "ci_low", "ci_high"]]


def prevalence_by_outlet(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], *, n_boot: int = 2000,
                         seed: int = 0, topic_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """Mean topic weight per outlet, with a bootstrap interval over the outlet's units.

    Parameters
    ----------
    data : DataFrame
        The units, with bloc and outlet.
    weights : numpy.ndarray
        Units x topics weights.
    labels : sequence of str
        One label per column of `weights`.
    n_boot : int
        Bootstrap resamples.
    seed : int
        Bootstrap seed (plus the topic number).
    topic_ids : sequence of int, optional
        The topic number of each column.

    Returns
    -------
    DataFrame
        One row per topic and outlet: topic, label, bloc, outlet, n_units, mean, ci_low, ci_high.
    """
    from analysis.stats import aggregate

    ids = list(range(len(labels))) if topic_ids is None else list(topic_ids)
    rows = []
    for column, (t, label) in enumerate(zip(ids, labels)):
        table = aggregate(data.assign(weight=weights[:, column]), ["bloc", "outlet"], "weight", n_boot=n_boot,
                          seed=seed + t)
        rows.append(table.assign(topic=t, label=label).rename(columns={"n_sentences": "n_units"}))
    return pd.concat(rows, ignore_index=True)[["topic", "label", "bloc", "outlet", "n_units", "mean", "ci_low", "ci_high"]]


def model_agreement(topics_table: pd.DataFrame) -> pd.DataFrame:
    """Adjusted Rand index between the hard assignments of every pair of models (from the `topics` table).

    Parameters
    ----------
    topics_table : DataFrame
        The built `topics` table.

    Returns
    -------
    DataFrame
        Models x models adjusted Rand indices.
    """
    from sklearn.metrics import adjusted_rand_score

    wide = topics_table.pivot(index=["article_id", "paragraph_id"], columns="model", values="topic")
    names = [m for m in MODELS if m in wide.columns]
    return pd.DataFrame([[adjusted_rand_score(wide[a], wide[b]) for b in names] for a in names],
                        index=names, columns=names)
