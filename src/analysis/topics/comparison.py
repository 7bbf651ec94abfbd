"""Comparing topics across blocs, outlets and models: prevalence with bootstrap intervals, permutation
tests of bloc differences (stable topics only), and the agreement between models."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from analysis.stats import (
    MIN_ARTICLES_FOR_INTERVAL,
    N_PERMUTATIONS,
    aggregate,
    bloc_summary,
    how_tested,
    permutation_tests,
)
from analysis.topics.reading import assignments, stable_topics
from analysis.topics.schema import MODELS


def bloc_prevalence(tables: dict[str, pd.DataFrame], blocs: Sequence[str], *, model: str = "nmf",
                    n_boot: int = 2000, seed: int = 0) -> tuple[pd.DataFrame, str]:
    """Per bloc in `blocs`, the mean share of an article's units whose dominant topic is each stable
    topic (bootstrap interval over articles), and a note of the blocs and topics left out. Unstable
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
        One row per stable topic and bloc: topic, label, bloc, n_articles, bloc_units (every unit of the
        bloc in the topic table, whatever its topic), mean, ci_low, ci_high (empty when no topic is stable
        or no bloc is compared).
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
            + (", ".join(f"{b} ({n} article{'' if n == 1 else 's'} with modelled paragraphs)" for b, n in left_out.items())
               or "no bloc") + "; "
            + (f"{len(unstable)} unstable topic(s) ({', '.join(str(t) for t in unstable)})" if unstable else "no topic")
            + " left out.")
    if "articles" in tables and kept:  # (build models a bounded sample of paragraphs: say how much of each bloc)
        corpus = tables["articles"]["bloc"].astype(str).value_counts()
        modelled = {b: int(data.loc[data["bloc"] == b, "article_id"].nunique()) for b in kept}
        if any(modelled[b] < int(corpus.get(b, 0)) for b in kept):
            note += (" The topic model read paragraphs of " + " and ".join(
                f"{modelled[b]:,} of the {int(corpus.get(b, 0)):,} {b} articles" for b in kept)
                + " (build models a bounded sample: `--topic-units`); `n_articles` counts those, and `bloc_units` "
                "every modelled paragraph of the bloc, whatever its topic.")
    columns = ["topic", "label", "bloc", "n_articles", "bloc_units", "mean", "ci_low", "ci_high"]
    if not stable or not kept:
        return pd.DataFrame(columns=columns), note
    rows = data["bloc"].isin(kept).to_numpy()
    table = prevalence(data[rows].reset_index(drop=True), onehot[rows][:, stable],
                       summary.loc[stable, "label"].tolist(), n_boot=n_boot, seed=seed, topic_ids=stable)
    for column in ("mean", "ci_low", "ci_high"):
        table[column] = table[column].round(4)
    return table[columns], note


def article_shares(tables: dict[str, pd.DataFrame], model: str = "nmf") -> pd.DataFrame:
    """Each article's share of units whose dominant topic is each stable topic: the article-level
    values every bloc comparison of topics uses.

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    model : str
        One of `MODELS`.

    Returns
    -------
    DataFrame
        One row per article: article_id, bloc, and one column per stable topic (its number).
    """
    data, onehot = assignments(tables, model)
    stable = stable_topics(tables["topic_summary"], model)
    shares = pd.DataFrame(onehot[:, stable], columns=stable).assign(
        article_id=data["article_id"].to_numpy(), bloc=data["bloc"].to_numpy())
    return shares.groupby(["article_id", "bloc"], sort=True).mean().reset_index()


def bloc_difference(tables: dict[str, pd.DataFrame], a: str, b: str, *, model: str = "nmf", n_perm: int = N_PERMUTATIONS,
                    seed: int = 0, min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """For each stable topic: the difference a - b of bloc means of the article share of units in
    the topic, and an article-level permutation p-value where both blocs have `min_articles`
    articles (articles of other blocs left out).

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    a, b : str
        The two blocs.
    model : str
        One of `MODELS`.
    n_perm : int
        The most relabellings (the test is exact when there are no more); `stats.N_PERMUTATIONS`,
        as in the results summary.
    seed : int
        Permutation seed, the same for every topic and the same as the summary's
        (`summary.bloc_contrasts`), so that one contrast gets one p-value in notebooks 03 and 04.
    min_articles : int
        Articles each bloc needs for a p-value (`stats.MIN_ARTICLES_FOR_INTERVAL`).

    Returns
    -------
    DataFrame
        One row per stable topic: topic, label, a, b, n_articles_a, n_articles_b, difference,
        p_permutation (NaN when a bloc has fewer than `min_articles` articles), tested (how the p-value
        was computed, or why there is none).
    """
    stable = stable_topics(tables["topic_summary"], model)
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    columns = ["topic", "label", "a", "b", "n_articles_a", "n_articles_b", "difference", "p_permutation", "tested"]
    per_article = article_shares(tables, model)
    # articles in the order of `stats.bloc_difference` (bloc, then id): sampled relabellings then
    # pick the same articles as in the results summary
    per_article = per_article[per_article["bloc"].isin([a, b])].sort_values(["bloc", "article_id"], kind="mergesort")
    if not stable or per_article.empty:
        return pd.DataFrame(columns=columns)
    out = []
    tests = permutation_tests({t: per_article[t] for t in stable}, per_article["bloc"], a, b, limit=n_perm, seed=seed,
                              min_articles=min_articles)  # the relabellings drawn once for every topic
    for t in stable:
        test = tests[t]
        out.append({"topic": t, "label": summary.loc[t, "label"], "a": a, "b": b,
                    "n_articles_a": test["n_articles_a"], "n_articles_b": test["n_articles_b"],
                    "difference": round(test["difference"], 4), "p_permutation": round(test["p_value"], 4),
                    "tested": how_tested(test, "relabellings of the articles")})
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
    """Mean topic weight per bloc (mean of article means, bootstrap interval over articles); with one-hot
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
        One row per topic and bloc: topic, label, bloc, n_articles, bloc_units (the bloc's units in the
        topic table), mean, ci_low, ci_high.
    """
    return _per_topic(weights, labels, topic_ids, lambda t, w: bloc_summary(
        data.assign(weight=w), "weight", n_boot=n_boot, seed=seed + t, bounds=(0, None)),  # (weights: never below 0)
        ["topic", "label", "bloc", "n_articles", "bloc_units", "mean", "ci_low", "ci_high"])


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
        One row per topic and outlet: topic, label, bloc, outlet, outlet_units (the outlet's units in the
        topic table), mean, ci_low, ci_high.
    """
    return _per_topic(weights, labels, topic_ids, lambda t, w: aggregate(
        data.assign(weight=w), ["bloc", "outlet"], "weight", n_boot=n_boot, seed=seed + t),
        ["topic", "label", "bloc", "outlet", "outlet_units", "mean", "ci_low", "ci_high"])


def _per_topic(weights: np.ndarray, labels: Sequence[str], topic_ids: Sequence[int] | None,
               summarise: Callable[[int, np.ndarray], pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """`summarise(topic, weights of its column)` for each topic, stacked with topic and label."""
    ids = list(range(len(labels))) if topic_ids is None else list(topic_ids)
    count = next(c for c in columns if c.endswith("_units"))  # (bloc_units or outlet_units: units of the group,
    # not the topic_summary's n_units, the units whose dominant topic it is)
    rows = [summarise(t, weights[:, column]).assign(topic=t, label=label).rename(columns={"n_sentences": count})
            for column, (t, label) in enumerate(zip(ids, labels))]
    return pd.concat(rows, ignore_index=True)[columns]


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
