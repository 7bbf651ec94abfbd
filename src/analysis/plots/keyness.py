"""Figures of distinctive words (notebook 02): Fightin' Words, the term map, and keyness under other
prior weights."""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.parts import _place_labels, _plain_log_ticks, plain
from analysis.plots.style import bloc_colour, use_style

#: Colour of terms inside the noise band, and of their labels.
WITHIN_NOISE = "#BBBBBB"
WITHIN_NOISE_LABEL = "#777777"


#: The text layer keyness counts (`framing.keyness_for`): the outlets' own words.
KEYNESS_LAYER = "own words (narration and reported speech; quotes, questions, scare quotes left out)"


def fightin_words(table: pd.DataFrame, a: str, b: str, threshold: float | None = None, top: int = 12,
                  layer: str = KEYNESS_LAYER) -> Figure:
    """The Fightin' Words plot: z of the log-odds against term frequency; the `top` terms of each
    bloc labelled, and dashed lines at the noise threshold of shuffled labels.

    Colour means beyond the noise band: terms past it are drawn (and labelled) in their bloc's
    colour, every term inside it in grey, labelled ones included. Labels never overlap
    (`parts._place_labels`, deterministic).

    Parameters
    ----------
    table : one row per term with term, z, count_<a> and count_<b> (`framing.keyness_for`).
    a, b : the two blocs compared; terms more used by `a` have positive z.
    threshold : the noise threshold of shuffled labels (`framing.noise_threshold`): the noise band, drawn
        as dashed lines; None takes |z| 1.96 as the band and draws no lines.
    top : terms labelled per bloc.
    layer : the text layer the counts come from, written under the x axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    total = table[f"count_{a}"] + table[f"count_{b}"]
    band = threshold if threshold is not None else 1.96
    fig, ax = plt.subplots(figsize=(11, 6.5))
    beyond = table["z"].abs() > band
    ax.scatter(total[~beyond], table.loc[~beyond, "z"], s=8, color=WITHIN_NOISE, alpha=0.6,
               label=f"within noise (|z| up to {band:.2f})")
    labelled = []
    for bloc, sign in ((a, 1), (b, -1)):
        mask = beyond & (np.sign(table["z"]) == sign)
        ax.scatter(total[mask], table.loc[mask, "z"], s=16, color=bloc_colour(bloc), label=plain(f"more {bloc}, beyond noise"))
        side = table[np.sign(table["z"]) == sign].assign(total=total, _abs=table["z"].abs())
        ranked = side.sort_values(["_abs", "term"], ascending=[False, True], kind="mergesort").head(top)
        inside = ranked["_abs"] <= band
        ax.scatter(ranked.loc[inside, "total"], ranked.loc[inside, "z"], s=16, color=WITHIN_NOISE_LABEL, zorder=3)
        labelled.append(ranked.assign(_colour=np.where(inside, WITHIN_NOISE_LABEL, bloc_colour(bloc)), _side=bloc))
    if threshold is not None:
        for y in (threshold, -threshold):
            ax.axhline(y, color="grey", linestyle="--", linewidth=0.8)
        ax.text(0.01, threshold, "noise threshold (shuffled blocs)", transform=ax.get_yaxis_transform(), fontsize=8,
                va="bottom", color="grey")
    ax.set_xscale("log")
    ax.set_xlabel(f"term frequency in both blocs (count, log scale)\ntext layer: {layer}")
    ax.set_ylabel(plain(f"z of the log-odds ratio ({a} positive, {b} negative)"))
    # outside the axes, so that it covers no term (a corner of the axes can hold one)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9, borderaxespad=0)
    fig.tight_layout()
    ax.set_xlim(*ax.get_xlim())
    ax.set_ylim(*ax.get_ylim())
    _plain_log_ticks(ax.xaxis)
    # the most distinctive first (ties by term), alternating blocs, so each side gets room
    order = pd.concat(labelled).assign(_rank=lambda t: t.groupby("_side").cumcount())
    order = order.sort_values(["_rank", "_abs", "term"], ascending=[True, False, True], kind="mergesort")
    left_out = _place_labels(ax, order["total"], order["z"], order["term"], order["_colour"], point_radius=2.5)
    note = f" ({left_out} left out for lack of room)" if left_out else ""
    ax.set_title(plain(f"Distinctive words: {a} vs {b} (Monroe et al. 2008)\nthe {top} most distinctive terms "
                       f"of each bloc labelled{note}; grey: within noise"))
    return fig


def term_map(table: pd.DataFrame, a: str, b: str, top: int = 15, threshold: float | None = None,
             layer: str = KEYNESS_LAYER) -> Figure:
    """A static scattertext-style map: each term's rate in one bloc against the other (log-log),
    coloured from one bloc's colour to the other's by z where |z| is beyond the noise band, grey
    inside it; the most distinctive terms labelled (without overlap, deterministically). When no
    term is beyond the noise band there is no colour scale to read: the colourbar is left out, half
    as many terms are labelled (within noise, they are not findings) and the title says so.

    Parameters
    ----------
    table : one row per term with term, z, rate_<a> and rate_<b> per 1,000 terms (`framing.keyness_for`).
    a, b : the two blocs; `a` on the y axis, positive z.
    top : the 2 * `top` terms with the largest |z| are labelled.
    threshold : the noise threshold of shuffled labels (`framing.noise_threshold`); None takes 1.96.
    layer : the text layer the rates come from, written under the x axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    ra, rb = table[f"rate_{a}"], table[f"rate_{b}"]
    band = threshold if threshold is not None else 1.96
    floor = min(ra[ra > 0].min(), rb[rb > 0].min()) / 2
    x, y = rb.clip(lower=floor), ra.clip(lower=floor)
    cmap = mpl.colors.LinearSegmentedColormap.from_list("blocs", [bloc_colour(b), "#DDDDDD", bloc_colour(a)])
    limit = max(table["z"].abs().max(), band, 1e-9)
    fig, ax = plt.subplots(figsize=(8, 7.5))
    rng = np.random.default_rng(0)  # jitter so tied rates do not stack
    jitter = np.exp(rng.uniform(-0.06, 0.06, size=(2, len(table))))
    px_all, py_all = x * jitter[0], y * jitter[1]
    beyond = (table["z"].abs() > band).to_numpy()
    ax.scatter(px_all[~beyond], py_all[~beyond], color=WITHIN_NOISE, s=10, label=f"within noise (|z| up to {band:.2f})")
    points = ax.scatter(px_all[beyond], py_all[beyond], c=table.loc[beyond, "z"], cmap=cmap, vmin=-limit, vmax=limit, s=12)
    # (limits to 6 significant digits: a last-bit difference in a rate, as another CPU's log can make,
    # must not move the axes' ends and with them a pixel of the frame)
    lo, hi = (float(f"{v:.6g}") for v in (floor * 0.8, max(x.max(), y.max()) * 1.3))
    ax.plot([lo, hi], [lo, hi], color="grey", linewidth=0.8, linestyle=":")
    ranked = table.assign(_abs=table["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True],
                                                              kind="mergesort").index[: 2 * top if beyond.any() else top]
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    _plain_log_ticks(ax.xaxis)
    _plain_log_ticks(ax.yaxis)
    # (a rate of 0 has no place on a log axis: a term one bloc never uses sits on a dashed floor line, said so)
    unused_b, unused_a = bool((rb <= 0).any()), bool((ra <= 0).any())
    if unused_b:
        ax.axvline(floor, color="#BBBBBB", linewidth=0.7, linestyle="--", zorder=0)
    if unused_a:
        ax.axhline(floor, color="#BBBBBB", linewidth=0.7, linestyle="--", zorder=0)
    ax.set_xlabel(plain(f"rate in {b} articles (per 1,000 terms, log)"
                        + ("; on the dashed line: never used, 0" if unused_b else "")) + f"\ntext layer: {layer}")
    ax.set_ylabel(plain(f"rate in {a} articles (per 1,000 terms, log)"
                        + ("; on the dashed line: never used, 0" if unused_a else "")))
    ax.legend(loc="lower right", fontsize=9)
    if beyond.any():
        fig.colorbar(points, ax=ax, label=plain(f"z (log-odds, {a} positive), beyond noise only"))
    fig.tight_layout()
    colours = np.where(table.loc[ranked, "z"].abs() > band, "black", WITHIN_NOISE_LABEL)
    left_out = _place_labels(ax, px_all[ranked], py_all[ranked], table.loc[ranked, "term"], colours, point_radius=2)
    note = f" ({left_out} left out for lack of room)" if left_out else ""
    labelled = (f"the {len(ranked)} most distinctive terms labelled{note}; grey: within noise" if beyond.any() else
                f"no term beyond noise (all grey); the {len(ranked)} largest |z| labelled{note}")
    ax.set_title(plain(f"Term map: above the diagonal, more used by {a}\n{labelled}"))
    return fig


def keyness_prior_sensitivity(summary: pd.DataFrame, terms: pd.DataFrame, a: str, b: str) -> Figure:
    """How the prior's weight moves keyness: the followed terms' z across prior weights (left,
    with the noise threshold of each weight dashed), and how many terms of each bloc pass it (right;
    a sentence in its place when none passes at any weight).

    Parameters
    ----------
    summary, terms : the two tables of `framing.prior_sensitivity`.
    a, b : the two blocs.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 5.2), width_ratios=(3, 2))
    scales = summary["scale"].to_numpy(float)
    for _term, part in terms.groupby("term", sort=True):
        part = part.sort_values("scale")
        left.plot(part["scale"], part["z"], marker="o", markersize=3, linewidth=1,
                  color=bloc_colour(part["bloc"].iloc[0]), alpha=0.8)
    for sign in (1, -1):
        left.plot(scales, sign * summary["threshold"], color="grey", linestyle="--", linewidth=0.9)
    left.axhline(0, color="#DDDDDD", linewidth=0.8)
    left.set_xscale("log")
    left.set_xlabel("prior weight (multiple of the pooled count; 1 = default)")
    left.set_ylabel(plain(f"z ({a} positive, {b} negative)"))
    left.set_title("the strongest terms at the default weight", fontsize=10)
    last = terms[terms["scale"] == scales.max()].sort_values(["bloc", "term"])
    left.set_xlim(scales.min() / 1.5, scales.max() * 6)
    fig.tight_layout()
    # (to the right of the last weight only: a label on the left sat across the lines coming in)
    _place_labels(left, last["scale"], last["z"], last["term"], [bloc_colour(x) for x in last["bloc"]], fontsize=7,
                  right_only=True)
    counts = summary[[f"n_beyond_{a}", f"n_beyond_{b}"]].to_numpy()
    if not counts.any():  # (two lines of zeros say less than a sentence)
        right.set_axis_off()
        right.text(0.5, 0.5, textwrap.fill(plain(f"At no prior weight does a term of {a} or {b} pass the "
                                                 "shuffled-label threshold: the words on the left are within noise "
                                                 "whatever the prior's weight."), 42),
                   ha="center", va="center", fontsize=10, transform=right.transAxes)
        right.set_title("terms beyond what noise reaches: none", fontsize=10)
    else:
        for bloc, marker, style in ((a, "o", "-"), (b, "s", "--")):  # markers and dashes tell equal counts apart
            right.plot(scales, summary[f"n_beyond_{bloc}"], marker=marker, linestyle=style, color=bloc_colour(bloc),
                       label=plain(bloc), markersize=7 if marker == "o" else 5)
        right.set_xscale("log")
        right.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        right.set_xlabel("prior weight (multiple of the pooled count)")
        right.set_ylabel("terms beyond the shuffled-label threshold")
        right.set_ylim(-0.04 * int(counts.max()), int(counts.max()) * 1.15)
        right.legend(title="more used by", fontsize=9)
        right.set_title("terms beyond what noise reaches", fontsize=10)
    for ax in (left, right) if counts.any() else (left,):
        ax.set_xticks(scales, [f"{s:g}x" for s in scales])
        ax.xaxis.set_minor_locator(mpl.ticker.NullLocator())
    fig.suptitle(plain(f"Keyness {a} vs {b} under other prior weights (dashed: noise threshold at each weight)")
                 + f"\ntext layer: {KEYNESS_LAYER}", fontsize=11)
    fig.tight_layout()
    return fig
