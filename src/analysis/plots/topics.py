"""Figures of the topics notebook (03): the scores over k, topic stability, prevalence by bloc, the map."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.parts import _wrap, plain
from analysis.plots.style import OTHER_COLOURS, bloc_colour, message_figure, other_style, use_style

#: Colour of the units of blocs outside the compared pair on the topic map (a non-bloc grey).
_OTHER_BLOCS = OTHER_COLOURS[2]
#: The ring around a spot where units of several blocs coincide (`topic_map`).
_MIXED = OTHER_COLOURS[0]


def k_grid_scores(grid: pd.DataFrame, chosen: int) -> Figure:
    """The grid over k: coherence of NMF (and LDA, when the grid has it) topics, NMF reconstruction
    error, silhouettes; the number of units the grid was scored on in the title.

    Parameters
    ----------
    grid : one row per k with k and any of nmf_npmi, lda_npmi, nmf_error, kmeans_silhouette,
        agglomerative_silhouette, n_units (the built topic_grid table, from `topics.k_grid_scores`).
    chosen : the k chosen (`topics.choose_k`), marked by a dashed line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    first, second = {"color": OTHER_COLOURS[0], "marker": "o"}, {"color": OTHER_COLOURS[1], "marker": "s", "linestyle": "--"}
    panels = (  # greys, markers and dashes: models are not blocs
        ("mean NPMI coherence", [("nmf_npmi", "NMF", first), ("lda_npmi", "LDA", second)]),
        ("NMF reconstruction error", [("nmf_error", "NMF", first)]),
        ("silhouette (cosine, LSA space)", [("kmeans_silhouette", "k-means", first),
                                            ("agglomerative_silhouette", "agglomerative", second)]),
    )
    for ax, (title, series) in zip(axes, panels):
        for column, label, look in series:
            if column in grid:
                ax.plot(grid["k"], grid[column], label=label, **look)
        ax.axvline(chosen, color="grey", linestyle="--", linewidth=0.8)
        ax.set_title(title)
        ax.set_xlabel("number of topics or clusters k")
        ax.legend(fontsize=8)
    scored = f", scored on {int(grid['n_units'].max()):,} units" if "n_units" in grid else ""
    fig.suptitle(f"Choosing k (dashed: chosen k = {chosen}{scored})")
    fig.tight_layout()
    return fig


def topic_stability(table: pd.DataFrame, threshold: float = 0.5) -> Figure:
    """Per topic: mean top-term similarity to its match when refitted on resampled documents.

    Parameters
    ----------
    table : one row per topic with label and stability (a model's rows of the built topic_summary table).
    threshold : topics below it are flagged unstable (their bars light grey and hatched; stable ones
        dark grey: no bloc colour, since the bars are topics, not blocs).

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(table) + 1.4))
    stable, unstable = other_style(0), other_style(6)  # dark grey; light grey hatched
    looks = [unstable if s < threshold else stable for s in table["stability"]]
    ax.barh([plain(_wrap(x, 40)) for x in table["label"]], table["stability"], color=[x["color"] for x in looks],
            hatch=None, edgecolor="white")
    for patch, look in zip(ax.patches, looks):
        patch.set_hatch(look["hatch"])
        patch.set_edgecolor("black" if look["hatch"] else "white")
    ax.legend(handles=[mpl.patches.Patch(facecolor=stable["color"], edgecolor="white", label=f"stable (at least {threshold})"),
                       mpl.patches.Patch(facecolor=unstable["color"], hatch=unstable["hatch"], edgecolor="black",
                                         label=f"unstable (below {threshold})")],
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)  # (beside the bars: inside,
    # it covered the bottom bar)
    ax.axvline(threshold, color="grey", linestyle="--", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("stability: mean Jaccard of top-10 terms across resampled refits (1 = always the same)")
    ax.set_title(f"Topic stability (below {threshold}: flagged unstable)")
    fig.tight_layout()
    return fig


def topic_prevalence(table: pd.DataFrame, shares: pd.DataFrame | None = None, seed: int = 0) -> Figure:
    """Topic prevalence compared between blocs: a row per stable topic and bloc, each article's
    share of units in the topic as a dot in the bloc's colour (jittered from `seed`), and the bloc
    mean of article shares with the table's bootstrap interval over articles (none where the table has
    none: fewer than `stats.MIN_ARTICLES_FOR_INTERVAL` articles). An empty table: a figure that says
    no topic was compared.

    Parameters
    ----------
    table : one row per stable topic and bloc with topic, label, bloc, n_articles, bloc_units, mean,
        ci_low and ci_high (`topics.bloc_prevalence`); may be empty.
    shares : one row per article with article_id, bloc and a column per stable topic (its number)
        (`topics.article_shares`); None draws the means and intervals alone.
    seed : seed of the jitter.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from analysis.plots.sentiment import interval_plot

    use_style()
    if table.empty:
        return message_figure("No stable topic to compare between blocs on this corpus")
    labels = table.drop_duplicates("topic").set_index("topic")["label"]
    table = table.assign(_topic=[f"{t}. {label}" for t, label in zip(table["topic"], table["label"])])
    articles = None
    if shares is not None:
        kept = [t for t in labels.index if t in shares.columns]
        articles = shares.melt(id_vars=["article_id", "bloc"], value_vars=kept, var_name="topic", value_name="share")
        articles = articles.assign(_topic=[f"{t}. {labels[t]}" for t in articles["topic"]])
        articles = articles[articles["bloc"].isin(set(table["bloc"]))]
    return interval_plot(table, "_topic", "Topic prevalence by bloc, stable topics only: one dot per article in the "
                         "topic table (all words, own and quoted)",
                         xlabel="share of the article's units (paragraphs) in the topic table whose dominant topic it is",
                         count="bloc_units", articles=articles, value="share", seed=seed)


def _mixed_positions(coords: np.ndarray, blocs: np.ndarray) -> np.ndarray:
    """The positions (sorted) where units of more than one bloc sit exactly on one another: copied
    text that one dot in one bloc's colour would show as that bloc's alone."""
    if not len(coords):
        return np.empty((0, 2))
    spots: dict[tuple[float, float], set[str]] = {}
    for xy, bloc in zip(map(tuple, coords.round(9)), blocs):
        spots.setdefault(xy, set()).add(str(bloc))
    return np.array(sorted(xy for xy, found in spots.items() if len(found) > 1)).reshape(-1, 2)


def topic_map(coords: np.ndarray, assignment: np.ndarray, blocs: Sequence[str], labels: Sequence[str],
              max_points: int = 3000, compared: Sequence[str] | None = None) -> Figure:
    """Units on the first two LSA dimensions, one panel per dominant topic (wrapped, shared axes):
    in each panel the topic's units coloured by bloc (the one colour each bloc has in every figure)
    over every other unit in pale grey, so where a topic lies and which blocs write it stay legible
    when thousands of units overlap. Blocs outside `compared` are drawn in a darker grey, smaller and
    over the compared ones, with one legend entry naming them. Above `max_points` units, a fixed random sample
    of them (said in the title); points grow more transparent as a panel fills. The legend gives
    each bloc's units drawn; each panel's title its topic and units; the title how many units sit
    exactly on another (copied paragraphs), which no dot can show apart. A spot where units of
    several blocs coincide (one text in several blocs' articles) gets a white dot with a dark ring,
    since a dot there would have the colour of one bloc only.

    Parameters
    ----------
    coords : the units' coordinates, shape (n, 2).
    assignment : each unit's dominant topic, an index into `labels`.
    blocs : each unit's bloc.
    labels : the topic labels, in topic order.
    max_points : most units drawn.
    compared : the blocs compared in the notebook (in colour); None: every bloc in colour.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    coords, assignment = np.asarray(coords, dtype=float).reshape(-1, 2), np.asarray(assignment)
    blocs = np.asarray([str(b) for b in blocs], dtype=object)
    shown = len(coords)
    if shown > max_points:
        keep = np.sort(np.random.default_rng(0).choice(shown, size=max_points, replace=False))
        coords, assignment, blocs = coords[keep], assignment[keep], blocs[keep]
    every = sorted(set(blocs))
    coloured = [b for b in every if compared is None or b in set(compared)]
    others = [b for b in every if b not in coloured]
    n_topics = max(len(labels), 1)
    ncols = min(n_topics, 4 if n_topics > 6 else 3)
    nrows = -(-n_topics // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.6 * ncols + 2.6, 3.3 * nrows + 1.1), sharex=True, sharey=True,
                             squeeze=False)
    panels = axes.ravel()
    n_mixed = 0
    for t, ax in enumerate(panels):
        if t >= len(labels):
            ax.set_visible(False)
            continue
        ax.scatter(coords[:, 0], coords[:, 1], color=OTHER_COLOURS[3], s=5, alpha=0.3, linewidth=0)
        here = assignment == t
        alpha = float(np.clip(np.sqrt(150 / max(int(here.sum()), 1)), 0.25, 0.85))
        # (the blocs left out last and smaller, so the few they usually are stay visible over the compared ones)
        for group, colour, size in [([bloc], bloc_colour(bloc), 14) for bloc in coloured] + [(others, _OTHER_BLOCS, 9)]:
            mask = here & np.isin(blocs, group)
            if mask.any():
                ax.scatter(coords[mask, 0], coords[mask, 1], color=colour, s=size, alpha=max(alpha, 0.6) if size == 9
                           else alpha, edgecolor="white", linewidth=0.2)
        mixed = _mixed_positions(coords[here], blocs[here])
        if len(mixed):  # (one dot, one colour, would hide that the copied text runs in several blocs)
            # (white inside: the dot under it has the colour of whichever bloc was drawn last, not of them all)
            ax.scatter(mixed[:, 0], mixed[:, 1], s=34, facecolor="white", edgecolor=_MIXED, linewidth=0.9, zorder=3)
            n_mixed += len(mixed)
        ax.set_title(plain(textwrap.fill(f"{t}: {labels[t]}", 40) + f"\n{int(here.sum()):,} units"), fontsize=8.5)
    for ax in axes[-1]:
        ax.set_xlabel("LSA dimension 1")
    for ax in axes[:, 0]:
        ax.set_ylabel("LSA dimension 2")
    bloc_handles = [mpl.patches.Patch(color=bloc_colour(bloc), label=plain(f"{bloc} ({int((blocs == bloc).sum()):,})"))
                    for bloc in coloured]
    if others:
        named = ", ".join(f"{b} ({int((blocs == b).sum()):,})" for b in others)
        bloc_handles.append(mpl.patches.Patch(color=_OTHER_BLOCS, label=plain(
            textwrap.fill(f"not compared: {named}", 30))))
    bloc_handles.append(mpl.patches.Patch(color=OTHER_COLOURS[3], label="units of the other topics"))
    if n_mixed:
        bloc_handles.append(mpl.lines.Line2D([], [], linestyle="", marker="o", markersize=6, markerfacecolor="white",
                                             markeredgecolor=_MIXED, label=textwrap.fill(
                                                 f"ring: a spot where units of several blocs coincide "
                                                 f"({n_mixed:,} spot{'' if n_mixed == 1 else 's'})", 30)))
    # (copied paragraphs sit at one position: say how many dots hide behind another)
    stacked = len(coords) - len(np.unique(coords.round(9), axis=0)) if len(coords) else 0
    title = ("Paragraphs in two dimensions, one panel per dominant topic"
             + (f" (a random {max_points:,} of {shown:,})" if shown > max_points else "")
             + "\ntext layer: all words (own and quoted), as the topics read them"
             + (f"\n{stacked:,} of the {len(coords):,} units drawn sit exactly on another (copied text): one dot shows"
                " them all" + (", ringed where they come from several blocs" if n_mixed else "") if stacked else ""))
    head = (1.0 + 0.22 * title.count("\n")) / fig.get_figheight()  # (room for the title's lines above the panels)
    right = 1 - 2.4 / fig.get_figwidth()
    fig.subplots_adjust(left=0.07, right=right, bottom=0.55 / fig.get_figheight() + 0.04, top=1 - head,
                        hspace=0.6, wspace=0.08)
    fig.legend(handles=bloc_handles, title="bloc (colour; units drawn)", loc="upper left",
               bbox_to_anchor=(right + 0.01, 1 - head), fontsize=8)
    fig.suptitle(title, y=1 - 0.15 / fig.get_figheight())
    return fig
