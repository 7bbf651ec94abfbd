"""Figures of the corpus and its cleaning (notebook 00): article lengths, removed lines by reason."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.parts import _bloc_handles, _jitter, _n, _plain_all, article_labels, plain
from analysis.plots.style import _HORIZONTAL, COMPACT_ABOVE, OKABE_ITO, bloc_colour, use_style


def article_lengths(articles: pd.DataFrame, compact_above: int = COMPACT_ABOVE) -> Figure:
    """Tokens of kept text per article, coloured by bloc: a labelled bar per article (ordered by
    bloc, then article id) up to `compact_above` articles, else one row of dots per bloc.

    Parameters
    ----------
    articles : one row per article with article_id, outlet, bloc, n_tokens (the built articles table).
    compact_above : most articles drawn as labelled bars.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    data = articles.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = data.groupby("bloc").size().to_dict()
    if len(data) > compact_above:
        return _lengths_by_bloc(data, counts)
    fig, ax = plt.subplots(figsize=(8.5, 0.32 * len(data) + 1.4), layout="constrained")
    labels = article_labels(data)
    bars = ax.barh(range(len(data)), data["n_tokens"], color=[bloc_colour(b) for b in data["bloc"]])
    ax.bar_label(bars, labels=[f"{n:,}" for n in data["n_tokens"]], padding=3, fontsize=8)
    ax.set_yticks(range(len(data)), _plain_all(labels), fontsize=9)
    ax.set_ylim(len(data) - 0.5, -0.5)
    ax.set_xlabel("article text kept after cleaning (word tokens)")
    ax.set_xlim(0, max(int(data["n_tokens"].max()), 1) * 1.15)
    fig.legend(handles=_bloc_handles(data["bloc"], counts), title="bloc", loc="outside right upper")
    fig.suptitle(f"Length of each article ({_n(len(data))}; label: outlet · article id)")
    return fig


def _lengths_by_bloc(data: pd.DataFrame, counts: dict[str, int]) -> Figure:
    blocs = sorted(counts)
    fig, ax = plt.subplots(figsize=(8.5, 0.8 * len(blocs) + 1.6), layout="constrained")
    for y, bloc in enumerate(blocs):
        values = data.loc[data["bloc"] == bloc, "n_tokens"].to_numpy(float)
        ax.boxplot(values, positions=[y], **_HORIZONTAL, widths=0.6, showfliers=False,
                   medianprops={"color": "black"}, boxprops={"color": "#666666"}, whiskerprops={"color": "#666666"},
                   capprops={"color": "#666666"})
        ax.scatter(values, y + _jitter(values.size, seed=y), s=16, color=bloc_colour(bloc), alpha=0.85, zorder=3)
    ax.set_yticks(range(len(blocs)), [f"{plain(b)}\n({_n(counts[b])})" for b in blocs])
    ax.set_ylim(len(blocs) - 0.5, -0.5)
    ax.set_xlim(0, max(int(data["n_tokens"].max()), 1) * 1.08)
    ax.set_xlabel("article text kept after cleaning (word tokens)")
    fig.suptitle(f"Length of each article: one dot per article ({len(data):,} articles; box: middle half)")
    return fig


#: Above this many articles the cleaning figure shows totals by reason and the distribution of
#: removed lines per article, not bars of single articles: among hundreds of articles the few with
#: most removed lines are picked by ties (on a generated corpus, 29 articles that each lost 24 lines,
#: beside one bar of all the rest 8,000 times as long).
REMOVAL_DISTRIBUTION_ABOVE = 200


def removal_by_reason(counts: pd.DataFrame, compact_above: int = COMPACT_ABOVE,
                      distribution_above: int = REMOVAL_DISTRIBUTION_ABOVE) -> Figure:
    """Stacked bars: removed raw lines per article by reason (a table from `overview.removal_by_reason`).

    Above `compact_above` articles, the articles with most removed lines (ties by label) get a bar
    each and the rest one bar, "other k articles", so the figure keeps a readable size. Above
    `distribution_above`, two panels instead: the lines removed by each reason (with how many
    articles lost any), and how many articles lost how many lines.

    Parameters
    ----------
    counts : removed lines, a row per article (index: its label) and a column per reason, as
        `overview.removal_by_reason` returns them.
    compact_above : most bars drawn.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    if len(counts) > distribution_above:
        return _removal_distribution(counts)
    title = "What cleaning removed from each article, and why"
    if len(counts) > compact_above:
        order = counts.assign(_total=counts.sum(axis=1), _label=counts.index).sort_values(
            ["_total", "_label"], ascending=[False, True], kind="mergesort").index
        # (a bar each only for articles that lost lines: a row of zeros says nothing the last bar cannot)
        keep = min(compact_above - 1, int((counts.sum(axis=1) > 0).sum()))
        rest = counts.loc[order[keep:]]
        lost = int(rest.to_numpy().sum())
        label = f"{len(rest):,} more articles (sum)" if lost else f"{len(rest):,} more articles, no line removed"
        counts = pd.concat([counts.loc[order[:keep]], rest.sum().to_frame(label).T]).astype("int64")
        title = (f"What cleaning removed, and why: the {keep} articles with most removed lines, the rest summed" if lost
                 else f"What cleaning removed, and why: the {keep} articles that lost lines")
    fig, ax = plt.subplots(figsize=(9, 0.34 * len(counts) + 1.8), layout="constrained")
    left = pd.Series(0, index=range(len(counts)), dtype="int64")
    colours = dict(zip(counts.columns, (OKABE_ITO * 3)[: len(counts.columns)]))
    hatches = ["", "//", "..", "xx"]
    for n, reason in enumerate(counts.columns):
        values = counts[reason].to_numpy()
        ax.barh(range(len(counts)), values, left=left, color=colours[reason],
                hatch=hatches[n // len(OKABE_ITO)], label=reason, edgecolor="white", linewidth=0.5)
        left += values
    for y, total in enumerate(left):
        ax.text(total + 0.3, y, str(int(total)), va="center", fontsize=8)
    ax.set_yticks(range(len(counts)), _plain_all(counts.index), fontsize=9)
    ax.set_xlim(0, max(int(left.max()), 1) * 1.12)
    ax.set_ylim(len(counts) - 0.5, -0.5)
    ax.set_xlabel("raw lines removed (count)")
    fig.suptitle(title)
    # below the bars, not in the top corner where its title ran into the figure title
    fig.legend(title="reason", loc="outside lower center", ncols=min(len(counts.columns), 4), fontsize=8)
    return fig


def _removal_distribution(counts: pd.DataFrame) -> Figure:
    """`removal_by_reason` for many articles: totals by reason, and removed lines per article."""
    n = len(counts)
    totals = counts.sum().sort_values(ascending=False, kind="mergesort")
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 0.36 * len(totals) + 2.4), width_ratios=(3, 2),
                                      layout="constrained")
    left.barh(range(len(totals)), totals.to_numpy(), color="#888888")  # (named on the axis: no colour key needed)
    for y, (reason, total) in enumerate(totals.items()):
        hit = int((counts[reason] > 0).sum())
        left.text(total, y, f" {int(total):,} lines, {hit:,} articles ({hit / n:.0%})", va="center", fontsize=8)
    left.set_yticks(range(len(totals)), _plain_all(totals.index), fontsize=9)
    left.set_ylim(len(totals) - 0.5, -0.5)
    left.set_xlim(0, max(int(totals.max()), 1) * 1.6)
    left.set_xlabel("raw lines removed, all articles (count)")
    left.set_title("by reason (articles: those that lost any line for it)", fontsize=10)
    per_article = counts.sum(axis=1).to_numpy()
    most = int(per_article.max())
    edges = np.arange(-0.5, most + 1.5) if most <= 60 else np.linspace(0, most, 31)
    right.hist(per_article, bins=edges, color="#888888")
    right.set_xlabel("raw lines removed from an article")
    right.set_ylabel("articles")
    right.set_title(f"per article (median {np.median(per_article):g}, most {most:,})", fontsize=10)
    fig.suptitle(f"What cleaning removed, and why: {int(per_article.sum()):,} raw lines removed from {n:,} articles")
    return fig
