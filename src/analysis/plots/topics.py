"""Figures of the topics notebook (03): the scores over k, topic stability, prevalence by bloc, the map."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import OKABE_ITO, bloc_colour, use_style


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
    panels = (
        ("mean NPMI coherence", [("nmf_npmi", "NMF", OKABE_ITO[0]), ("lda_npmi", "LDA", OKABE_ITO[2])]),
        ("NMF reconstruction error", [("nmf_error", "NMF", OKABE_ITO[0])]),
        ("silhouette (cosine, LSA space)", [("kmeans_silhouette", "k-means", OKABE_ITO[6]),
                                            ("agglomerative_silhouette", "agglomerative", OKABE_ITO[7])]),
    )
    for ax, (title, series) in zip(axes, panels):
        for column, label, colour in series:
            if column in grid:
                ax.plot(grid["k"], grid[column], marker="o", color=colour, label=label)
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
    threshold : topics below it are flagged unstable (their bars in another colour).

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(table) + 1.4))
    colours = [OKABE_ITO[5] if s < threshold else OKABE_ITO[4] for s in table["stability"]]
    ax.barh(table["label"], table["stability"], color=colours)
    ax.axvline(threshold, color="grey", linestyle="--", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("stability: mean Jaccard of top-10 terms across resampled refits (1 = always the same)")
    ax.set_title(f"Topic stability (below {threshold}: flagged unstable)")
    fig.tight_layout()
    return fig


def topic_prevalence(table: pd.DataFrame) -> Figure:
    """Heatmap of mean topic weight, topic by bloc, with interval and unit counts in each cell (an
    empty table: a figure that says no topic was compared).

    Parameters
    ----------
    table : one row per stable topic and bloc with topic, label, bloc, mean, ci_low, ci_high and
        n_units (`topics.bloc_prevalence`); may be empty.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    if table.empty:
        fig, ax = plt.subplots(figsize=(7, 1.6))
        ax.axis("off")
        ax.text(0.5, 0.5, "No stable topic to compare between blocs on this corpus", ha="center", va="center")
        return fig
    means = table.pivot(index="label", columns="bloc", values="mean")
    order = table.drop_duplicates("label").sort_values("topic")["label"]
    means = means.reindex(order)
    fig, ax = plt.subplots(figsize=(2.4 * len(means.columns) + 4, 0.6 * len(means) + 1.6))
    image = ax.imshow(means.to_numpy(float), cmap="Greys", vmin=0, vmax=max(0.5, float(np.nanmax(means.to_numpy()))),
                      aspect="auto")
    cells = table.set_index(["label", "bloc"])
    for i, label in enumerate(means.index):
        for j, bloc in enumerate(means.columns):
            row = cells.loc[(label, bloc)]
            dark = row["mean"] > 0.3
            ax.text(j, i, f"{row['mean']:.2f}\n[{row['ci_low']:.2f}, {row['ci_high']:.2f}]\nn={int(row['n_units'])}",
                    ha="center", va="center", fontsize=8, color="white" if dark else "black")
    ax.set_xticks(range(len(means.columns)), means.columns)
    for tick, bloc in zip(ax.get_xticklabels(), means.columns):
        tick.set_color(bloc_colour(bloc))
    ax.set_yticks(range(len(means)), means.index)
    ax.set_title("Topic prevalence: mean article share of units, per bloc\n(95% two-level bootstrap; n = units)")
    fig.colorbar(image, ax=ax, label="mean share of units")
    fig.tight_layout()
    return fig


def topic_map(coords: np.ndarray, assignment: np.ndarray, blocs: Sequence[str], labels: Sequence[str],
              max_points: int = 3000) -> Figure:
    """Units on the first two LSA dimensions, coloured by dominant topic, marker shape by bloc; above
    `max_points` units, a fixed random sample of them (said in the title), so the points stay legible.

    Parameters
    ----------
    coords : the units' coordinates, shape (n, 2).
    assignment : each unit's dominant topic, an index into `labels`.
    blocs : each unit's bloc.
    labels : the topic labels, in topic order.
    max_points : most units drawn.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    coords, assignment = np.asarray(coords), np.asarray(assignment)
    shown = len(coords)
    if shown > max_points:
        keep = np.sort(np.random.default_rng(0).choice(shown, size=max_points, replace=False))
        coords, assignment, blocs = coords[keep], assignment[keep], np.asarray(blocs)[keep]
    markers = ["o", "^", "s", "D", "v"]
    bloc_names = sorted(set(blocs))
    fig, ax = plt.subplots(figsize=(12, 6.5))
    blocs = np.asarray(blocs)
    for t in range(len(labels)):
        for b, bloc in enumerate(bloc_names):
            mask = (assignment == t) & (blocs == bloc)
            ax.scatter(coords[mask, 0], coords[mask, 1], color=OKABE_ITO[t % len(OKABE_ITO)], marker=markers[b % len(markers)],
                       s=30, alpha=0.85, edgecolor="white", linewidth=0.4)
    topic_handles = [mpl.lines.Line2D([], [], color=OKABE_ITO[t % len(OKABE_ITO)], marker="o", linestyle="", label=label)
                     for t, label in enumerate(labels)]
    bloc_handles = [mpl.lines.Line2D([], [], color="grey", marker=markers[b % len(markers)], linestyle="", label=bloc)
                    for b, bloc in enumerate(bloc_names)]
    fig.subplots_adjust(left=0.08, right=0.6, bottom=0.1, top=0.92)
    fig.legend(handles=topic_handles, title="dominant topic", loc="upper left", bbox_to_anchor=(0.62, 0.92), fontsize=8)
    fig.legend(handles=bloc_handles, title="bloc", loc="lower left", bbox_to_anchor=(0.62, 0.1), fontsize=8)
    ax.set_xlabel("LSA dimension 1")
    ax.set_ylabel("LSA dimension 2")
    ax.set_title("Paragraphs in two dimensions" + (f" (a random {max_points:,} of {shown:,})" if shown > max_points else ""))
    return fig
