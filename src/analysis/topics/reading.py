"""Reading the built topic tables: the units of one model with bloc and outlet, the stable topics, and
what the tables say in words."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.topics.schema import MODELS
from analysis.topics.stability import UNSTABLE_BELOW
from analysis.topics.tables import stability_status, status_labels


def assignments(tables: dict[str, pd.DataFrame], model: str = "nmf") -> tuple[pd.DataFrame, np.ndarray]:
    """The units of one model from the built `topics` table, with bloc and outlet, and a one-hot
    matrix of their dominant topics (units x topics, topics numbered as in `topic_summary`).

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    model : str
        One of `MODELS`.

    Returns
    -------
    data : DataFrame
        The model's rows of `topics`, with bloc and outlet.
    onehot : numpy.ndarray
        Units x topics, 1 at each unit's dominant topic.
    """
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}, not {model!r}")
    rows = tables["topics"][tables["topics"]["model"] == model]
    if rows.empty:
        raise ValueError("the topics table is empty: build without --skip-topics, on at least 4 units")
    meta = tables["articles"][["article_id", "bloc", "outlet"]]
    data = rows.merge(meta, on="article_id", how="left", validate="many_to_one").reset_index(drop=True)
    if data["bloc"].isna().any():
        raise ValueError("the topics table names articles the articles table does not have: rebuild both")
    k = int(tables["topic_summary"].loc[tables["topic_summary"]["model"] == model, "topic"].max()) + 1
    return data, np.eye(k)[data["topic"].to_numpy()]


def stable_topics(summary: pd.DataFrame, model: str = "nmf") -> list[int]:
    """The topics of `model` whose stability was measured and reached `UNSTABLE_BELOW`.

    Parameters
    ----------
    summary : DataFrame
        The `topic_summary` table.
    model : str
        One of `MODELS`.

    Returns
    -------
    list of int
        The stable topics, in increasing order.
    """
    rows = summary[(summary["model"] == model) & (summary["status"] == "stable")]
    return sorted(int(t) for t in rows["topic"])


def with_stability_cutoff(tables: dict[str, pd.DataFrame], cutoff: float = UNSTABLE_BELOW) -> dict[str, pd.DataFrame]:
    """The tables with each topic's `status` (and "(unstable)" label suffix) in `topic_summary`
    recomputed from its measured stability for another cut-off than `build` used
    (`UNSTABLE_BELOW`). Stabilities are not refitted: only which topics count as stable changes,
    and so which topics every bloc comparison reads.

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables (without `topic_summary`, they are returned as they are).
    cutoff : float
        The smallest stability called stable, in [0, 1].

    Returns
    -------
    dict of DataFrame
        A new mapping of the same kind: the same tables, `topic_summary` replaced by a relabelled copy.
    """
    if not 0 <= cutoff <= 1:
        raise ValueError(f"stability cut-off {cutoff!r}: stability is a Jaccard similarity, so use a value in [0, 1]")
    out = tables.copy()  # (a dict, or the `overview.Tables` of a build: tables not read yet stay unread)
    if "topic_summary" not in tables:
        return out
    summary = tables["topic_summary"].copy()
    summary["status"] = stability_status(summary["stability"].to_numpy(dtype=float), cutoff)
    summary["label"] = status_labels(summary["label"].astype(str).tolist(), summary["status"].tolist())
    out["topic_summary"] = summary
    return out


def describe(tables: dict[str, pd.DataFrame], model: str = "nmf", cutoff: float = UNSTABLE_BELOW) -> str:
    """What the built topic tables say, in words computed from them: units and articles, the chosen
    k, which steps ran on samples, and how many topics are stable (true on any corpus).

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary`, `topic_grid` (and `articles`, for the corpus size).
    model : str
        The model whose stable topics are counted.
    cutoff : float
        The stability cut-off the `status` column was computed with (named in the text).

    Returns
    -------
    str
        A short paragraph.
    """
    assigned = tables["topics"][tables["topics"]["model"] == model]
    summary, grid = tables["topic_summary"], tables["topic_grid"]
    if assigned.empty:
        return "No topics were built (the corpus has fewer than 4 units, or build ran with --skip-topics)."
    n_units = len(assigned)
    n_articles = assigned["article_id"].nunique()
    k = int(grid.loc[grid["chosen"], "k"].iloc[0])
    fitted = summary.drop_duplicates("model").set_index("model")["fit_units"].astype(int).to_dict()
    sampled = [f"{name} on {fitted[name]:,}" for name in MODELS if fitted.get(name, n_units) < n_units]
    grid_units = int(grid["n_units"].max())
    stable = stable_topics(summary, model)
    km = summary[summary["model"] == "kmeans"]
    parts = [f"{n_units:,} units from {_articles_modelled(tables, n_articles)}; k = {k} chosen on a grid scored on "
             f"{grid_units:,} units"
             + (" (a sample)" if grid_units < n_units else " (all of them)") + "."]
    parts.append("Fitted on samples, the other units assigned: " + ", ".join(sampled) + "." if sampled
                 else "Every model was fitted on all units (the corpus is below every limit).")
    parts.append(f"{len(stable)} of {k} {model.upper()} topics are stable under resampling (stability >= "
                 f"{cutoff:g}); {int((km['status'] == 'stable').sum())} of {k} k-means clusters are.")
    if not stable:
        parts.append("No topic is stable, so no bloc comparison of topics is a finding on this corpus.")
    return " ".join(parts)


def articles_per_bloc_text(data: pd.DataFrame) -> str:
    """One sentence: how many articles of each bloc have topic units (the articles a topic comparison
    can count).

    Parameters
    ----------
    data : DataFrame
        The topic units with article_id and bloc (`assignments`).

    Returns
    -------
    str
    """
    counts = data.drop_duplicates("article_id")["bloc"].astype(str).value_counts().sort_index()
    if counts.empty:
        return "No article has a topic unit."
    return "Articles with topic units, per bloc: " + ", ".join(f"{bloc} {n:,}" for bloc, n in counts.items()) + "."


def _articles_modelled(tables: dict[str, pd.DataFrame], n_articles: int) -> str:
    """"N articles", and when the corpus has more, why the others have no unit: they kept no text,
    or they have no body paragraph (a title only) or are outside the sample build's --topic-units
    draws on a corpus with more paragraphs than it allows (the table does not tell these apart)."""
    if "articles" not in tables:
        return f"{n_articles:,} articles"
    articles = tables["articles"]
    in_corpus = int(articles["article_id"].nunique())
    if n_articles >= in_corpus:
        return f"{n_articles:,} articles"
    empty = int((articles["n_paragraphs"] == 0).sum()) if "n_paragraphs" in articles else 0
    rest = in_corpus - n_articles - empty
    why = [f"{empty:,} kept no text"] if empty else []
    if rest > 0:
        why.append(f"{rest:,} {'has' if rest == 1 else 'have'} no body paragraph to model or {'is' if rest == 1 else 'are'} "
                   "outside the sample that build's --topic-units draws from a corpus with more paragraphs than it allows")
    return f"{n_articles:,} of the corpus's {in_corpus:,} articles (of the others, {' and '.join(why)})"


def article_dependence(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """How far each model's topics follow the articles rather than themes across articles: the
    adjusted Rand index between each unit's dominant topic and its article (0: no more alike than
    chance; 1: every topic is one article's paragraphs).

    A high value means a topic's evidence comes from one or two articles, so a bloc difference in
    that topic says little beyond "these articles differ".

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.

    Returns
    -------
    DataFrame
        One row per model: model, ari_with_article, n_units, n_articles, and per topic the largest
        share of its units that one article holds, averaged over topics (`top_article_share`).
    """
    from sklearn.metrics import adjusted_rand_score

    rows = []
    for model in MODELS:
        if not (tables["topics"]["model"] == model).any():
            continue
        data, _ = assignments(tables, model)
        top_share = data.groupby("topic")["article_id"].agg(lambda ids: ids.value_counts().iloc[0] / len(ids))
        rows.append({"model": model, "ari_with_article": round(float(adjusted_rand_score(data["article_id"], data["topic"])), 4),
                     "n_units": len(data), "n_articles": int(data["article_id"].nunique()),
                     "top_article_share": round(float(top_share.mean()), 4)})
    return pd.DataFrame(rows, columns=["model", "ari_with_article", "n_units", "n_articles", "top_article_share"])


#: Share of a topic's units that are copied paragraphs above which the topic is named as possibly one copied text.
COPIED_ABOVE = 0.5


def copied_units(tables: dict[str, pd.DataFrame], shared: pd.DataFrame, model: str = "nmf") -> pd.DataFrame:
    """How much of each topic is copied text: of the units whose dominant topic it is, those that are a
    paragraph another article also prints (`overview.shared_paragraph_keys`). A topic made mostly of
    copies may be one syndicated or reused text repeated, not a theme several outlets write about, and its
    coherence and stability then measure the repetition (the article-dependence check cannot see it: the
    copies sit in different articles).

    Parameters
    ----------
    tables : dict of DataFrame
        The built tables: `topics`, `topic_summary` and `articles`.
    shared : DataFrame
        article_id, paragraph_id of the copied paragraphs.
    model : str
        One of `MODELS`.

    Returns
    -------
    DataFrame
        One row per topic: topic, label, n_units, n_copied, share_copied, status.
    """
    data, _ = assignments(tables, model)
    keys = shared.assign(_copied=True, article_id=shared["article_id"].astype(str),
                         paragraph_id=shared["paragraph_id"].astype("int64"))
    flagged = data[["article_id", "paragraph_id", "topic"]].assign(
        article_id=lambda d: d["article_id"].astype(str), paragraph_id=lambda d: d["paragraph_id"].astype("int64"))
    flagged = flagged.merge(keys, on=["article_id", "paragraph_id"], how="left", validate="many_to_one")
    counts = flagged.assign(_copied=flagged["_copied"].notna()).groupby("topic")["_copied"].agg(["size", "sum"])
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    table = pd.DataFrame({"topic": summary.index, "label": summary["label"].to_numpy(),
                          "n_units": counts["size"].reindex(summary.index, fill_value=0).astype(int).to_numpy(),
                          "n_copied": counts["sum"].reindex(summary.index, fill_value=0).astype(int).to_numpy(),
                          "status": summary["status"].to_numpy()})
    table["share_copied"] = (table["n_copied"] / table["n_units"].where(table["n_units"] > 0)).round(4)
    return table[["topic", "label", "n_units", "n_copied", "share_copied", "status"]]


def copied_units_text(table: pd.DataFrame, above: float = COPIED_ABOVE) -> str:
    """The topics of `copied_units` whose units are mostly copied paragraphs, in words (Markdown).

    Parameters
    ----------
    table : `copied_units` output.
    above : the share of copied units from which a topic is named.

    Returns
    -------
    str
    """
    if table.empty:
        return "No topic to check."
    mostly = table[table["share_copied"] > above]
    total = int(table["n_copied"].sum())
    if mostly.empty:
        return (f"No topic draws more than {above:.0%} of its units from paragraphs another article also prints "
                f"({total:,} of {int(table['n_units'].sum()):,} units are such copies).")
    named = "; ".join(f"{int(r.topic)} ({r.label}): {r.share_copied:.0%} of {int(r.n_units):,} units"
                      for r in mostly.itertuples())
    return (f"{len(mostly)} of {len(table)} topics draw more than {above:.0%} of their units from paragraphs another "
            f"article also prints: {named}. Such a topic may be one syndicated or reused text repeated rather than a "
            "theme, its coherence and stability then measure the repetition, and a bloc difference in it counts "
            "the copies; read its evidence paragraphs before reading it as a theme.")
