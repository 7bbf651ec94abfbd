"""The results summary at a glance: each contrast's p-value beside the smallest its test can give."""

from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import OTHER_COLOURS, use_style
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL

#: No series in this figure is a bloc: the style module's non-bloc greys.
_INK, _FLOOR = OTHER_COLOURS[0], OTHER_COLOURS[2]


def _why_untested(rows: pd.DataFrame) -> str:
    """Why these summary rows have no p-value, counted by reason from their `method` (for the title)."""
    from analysis.summary import row_kinds

    kinds = row_kinds(rows)
    mixed, constant = int((kinds == "mixed").sum()), int((kinds == "constant").sum())
    small = len(rows) - mixed - constant
    reasons = [f"{mixed} mixed model's" if mixed else "",
               f"{constant} with one value in every compared article" if constant else "",
               f"{small} with a bloc of fewer than {MIN_ARTICLES_FOR_INTERVAL} articles with a value" if small else ""]
    return "; ".join(r for r in reasons if r)


#: A topic row's measure as `summary.bloc_contrasts` words it: how the topics were made (and how much of
#: the topic is copied text), then the topic's label.
_TOPIC_MEASURE = re.compile(r"topic prevalence \((?P<how>[^;()]*)(?:; mostly copied text: (?P<copied>\d+%) of its units)?\): "
                            r"(?P<label>.*)")


def _row_label(measure: str, layer: str) -> str:
    """A contrast's tick label: the measure on one line, its text layer on the next (a layer in brackets
    after a measure that has its own parentheses nested them). A topic row names the topic by its
    label and says when it is mostly copied text; how topics were made goes once in the title."""
    topic = _TOPIC_MEASURE.fullmatch(measure)
    if topic:
        measure = f"topic: {topic['label']}" + (f" (mostly copied text, {topic['copied']})" if topic["copied"] else "")
    return f"{textwrap.shorten(measure, 64, placeholder=' ...')}\nlayer: {textwrap.shorten(layer, 56, placeholder=' ...')}"


def summary_p_values(table: pd.DataFrame, alpha: float = 0.05) -> Figure:
    """One row per contrast of `summary.bloc_contrasts`: its article-level permutation p-value (dot)
    and the smallest p-value its test can give (tick: the design's, over every relabelling, or the floor
    of the relabellings drawn), on a log scale, with a line at `alpha`. Rows
    without a p-value (the mixed model's second estimate of tone, measures with one value in every compared
    article, and contrasts with a bloc of fewer than `stats.MIN_ARTICLES_FOR_INTERVAL` articles) are left out,
    and the title says how many of each; without any
    p-value the figure says so in place of the axes.

    Where the tick stands to the right of the line, no difference could have reached `alpha`
    with these articles, whatever the texts said.

    Parameters
    ----------
    table : the summary table (measure, layer, p_value, min_p).
    alpha : the level drawn as a dashed line.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    rows = table[table["p_value"].notna()].reset_index(drop=True)  # a mixed model's or a too-small contrast's has none
    untested = len(table) - len(rows)
    why = _why_untested(table[table["p_value"].isna()])
    labels = [_row_label(m, layer) for m, layer in zip(rows["measure"], rows["layer"])]
    how = sorted({t["how"] for t in map(_TOPIC_MEASURE.fullmatch, rows["measure"]) if t})
    height = max(2.5, 0.42 * len(rows) + 1.4)
    fig, ax = plt.subplots(figsize=(8, height))
    if rows.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, textwrap.fill(f"No contrast has a p-value: {len(table)} rows, each with a bloc of fewer than "
                                        f"{MIN_ARTICLES_FOR_INTERVAL} articles with a value (or a mixed model's "
                                        "estimate, which has none).", 70),
                ha="center", va="center", fontsize=9)
        fig.suptitle("Bloc contrasts: no p-value to show", fontsize=9)
        return fig
    y = np.arange(len(rows))[::-1]
    ax.scatter(rows["min_p"], y, marker="|", s=120, color=_FLOOR, zorder=2)
    ax.scatter(rows["p_value"], y, s=22, color=_INK, zorder=3)
    ax.axvline(alpha, color=_INK, linestyle="--", linewidth=0.8)
    ax.text(alpha, -0.7, f" p = {alpha:g}", fontsize=7, va="bottom")
    ax.set_xscale("log")
    low = np.nanmin(np.r_[rows["min_p"].to_numpy(float), rows["p_value"].to_numpy(float), alpha]) if len(rows) else alpha
    low = max(low / 2, 1e-5)
    # room beyond p = 1 on the log scale (a twelfth of the span, at least 0.1 decade), so a dot at 1 is whole
    ax.set_xlim(low, 10 ** max(-np.log10(low) / 12, 0.1))
    ax.set_yticks(y, labels, fontsize=7)
    ax.set_ylim(-0.8, len(rows) - 0.2)
    ax.set_xlabel("p-value (log scale)")
    contrast = rows["contrast"].iloc[0] if len(rows) else ""
    fig.suptitle(f"Bloc contrasts, {contrast}, one row per measure\n"
                 "dot: article-level permutation p-value; grey tick: the smallest p the test can give\n"
                 "(with every relabelling counted, the design's; with relabellings drawn, 1 / (draws + 1))"
                 + (f"\ntopic rows: prevalence of the topic ({'; '.join(how)})" if how else "")
                 + (f"\n({untested} row{'s' if untested > 1 else ''} without a p-value not shown: {why})"
                    if untested else ""), fontsize=9)
    fig.tight_layout()
    return fig
