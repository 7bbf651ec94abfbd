"""Figures of the framing notebook (02): distinctive words, the term map, naming markers, who is
quoted, and the per-article framing summary."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.parts import _bloc_handles, _jitter, _mean_interval, _n, _place_labels, _plain_all, article_labels, plain
from analysis.plots.style import OKABE_ITO, bloc_colour, use_style

#: Colour of terms inside the noise band, and of their labels.
WITHIN_NOISE = "#BBBBBB"
WITHIN_NOISE_LABEL = "#777777"


def fightin_words(table: pd.DataFrame, a: str, b: str, threshold: float | None = None, top: int = 12) -> Figure:
    """The Fightin' Words plot: z of the log-odds against term frequency; the `top` terms of each
    bloc labelled, and dashed lines at the largest |z| that shuffled labels reach.

    Colour means beyond the noise band: terms past it are drawn (and labelled) in their bloc's
    colour, every term inside it in grey, labelled ones included. Labels never overlap
    (`parts._place_labels`, deterministic).

    Parameters
    ----------
    table : one row per term with term, z, count_<a> and count_<b> (`framing.keyness_for`).
    a, b : the two blocs compared; terms more used by `a` have positive z.
    threshold : the largest |z| with shuffled labels (`framing.null_max_z`): the noise band, drawn
        as dashed lines; None takes |z| 1.96 as the band and draws no lines.
    top : terms labelled per bloc.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    total = table[f"count_{a}"] + table[f"count_{b}"]
    band = threshold if threshold is not None else 1.96
    fig, ax = plt.subplots(figsize=(9, 6.5))
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
        ax.text(0.01, threshold, "largest |z| with shuffled blocs", transform=ax.get_yaxis_transform(), fontsize=8,
                va="bottom", color="grey")
    ax.set_xscale("log")
    ax.set_xlabel("term frequency in both blocs (count, log scale)")
    ax.set_ylabel(plain(f"z of the log-odds ratio ({a} positive, {b} negative)"))
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    ax.set_xlim(*ax.get_xlim())
    ax.set_ylim(*ax.get_ylim())
    # the most distinctive first (ties by term), alternating blocs, so each side gets room
    order = pd.concat(labelled).assign(_rank=lambda t: t.groupby("_side").cumcount())
    order = order.sort_values(["_rank", "_abs", "term"], ascending=[True, False, True], kind="mergesort")
    left_out = _place_labels(ax, order["total"], order["z"], order["term"], order["_colour"], point_radius=2.5)
    note = f" ({left_out} left out for lack of room)" if left_out else ""
    ax.set_title(plain(f"Distinctive words: {a} vs {b} (Monroe et al. 2008)\nthe {top} most distinctive terms "
                       f"of each bloc labelled{note}; grey: within noise"))
    return fig


def term_map(table: pd.DataFrame, a: str, b: str, top: int = 15, threshold: float | None = None) -> Figure:
    """A static scattertext-style map: each term's rate in one bloc against the other (log-log),
    coloured from one bloc's colour to the other's by z where |z| is beyond the noise band, grey
    inside it; the most distinctive terms labelled (without overlap, deterministically).

    Parameters
    ----------
    table : one row per term with term, z, rate_<a> and rate_<b> per 1,000 terms (`framing.keyness_for`).
    a, b : the two blocs; `a` on the y axis, positive z.
    top : the 2 * `top` terms with the largest |z| are labelled.
    threshold : the largest |z| with shuffled labels (`framing.null_max_z`); None takes 1.96.

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
    lo, hi = floor * 0.8, max(x.max(), y.max()) * 1.3
    ax.plot([lo, hi], [lo, hi], color="grey", linewidth=0.8, linestyle=":")
    ranked = table.assign(_abs=table["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True],
                                                              kind="mergesort").index[: 2 * top]
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel(plain(f"rate in {b} articles (per 1,000 terms, log)"))
    ax.set_ylabel(plain(f"rate in {a} articles (per 1,000 terms, log)"))
    ax.legend(loc="lower right", fontsize=9)
    fig.colorbar(points, ax=ax, label=plain(f"z (log-odds, {a} positive), beyond noise only"))
    fig.tight_layout()
    colours = np.where(table.loc[ranked, "z"].abs() > band, "black", WITHIN_NOISE_LABEL)
    left_out = _place_labels(ax, px_all[ranked], py_all[ranked], table.loc[ranked, "term"], colours, point_radius=2)
    note = f" ({left_out} left out for lack of room)" if left_out else ""
    ax.set_title(plain(f"Term map: above the diagonal, more used by {a}\nthe {len(ranked)} most distinctive terms "
                       f"labelled{note}; grey: within noise"))
    return fig


def keyness_prior_sensitivity(summary: pd.DataFrame, terms: pd.DataFrame, a: str, b: str) -> Figure:
    """How the prior's weight moves keyness: the followed terms' z across prior weights (left,
    with the noise threshold of each weight dashed), and how many terms of each bloc pass it (right).

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
    _place_labels(left, last["scale"], last["z"], last["term"], [bloc_colour(x) for x in last["bloc"]], fontsize=7)
    for bloc, marker, style in ((a, "o", "-"), (b, "s", "--")):  # markers and dashes tell equal counts apart
        right.plot(scales, summary[f"n_beyond_{bloc}"], marker=marker, linestyle=style, color=bloc_colour(bloc),
                   label=plain(bloc), markersize=7 if marker == "o" else 5)
    right.set_xscale("log")
    right.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    for ax in (left, right):
        ax.set_xticks(scales, [f"{s:g}x" for s in scales])
        ax.xaxis.set_minor_locator(mpl.ticker.NullLocator())
    right.set_xlabel("prior weight (multiple of the pooled count)")
    right.set_ylabel("terms beyond the shuffled-label threshold")
    most = max(int(summary[[f"n_beyond_{a}", f"n_beyond_{b}"]].to_numpy().max()), 1)
    right.set_ylim(-0.04 * most, most * 1.15)  # 0 .. 1 when no term passes, so the zeros are visible as zeros
    right.legend(title="more used by", fontsize=9)
    right.set_title("terms beyond what noise reaches", fontsize=10)
    fig.suptitle(plain(f"Keyness {a} vs {b} under other prior weights (dashed: noise threshold at each weight)"))
    fig.tight_layout()
    return fig


def marker_dots(rates: pd.DataFrame) -> Figure:
    """Dot plot of naming markers: rate per 1,000 tokens per bloc, grouped by what they name.

    `rates` has group, term, usage, bloc, rate_per_1000 (from `framing.marker_rates_by_bloc`).

    Parameters
    ----------
    rates : one row per marker term and bloc, as above.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    terms = rates[["group", "usage", "term"]].drop_duplicates().sort_values(["group", "usage", "term"]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(terms) + 1.5))
    position = {(g, t): i for i, (g, t) in enumerate(zip(terms["group"], terms["term"]))}
    for bloc, part in rates.groupby("bloc"):
        ys = [position[(g, t)] for g, t in zip(part["group"], part["term"])]
        ax.scatter(part["rate_per_1000"], ys, color=bloc_colour(bloc), label=bloc, s=28, zorder=3)
    usage_mark = {"russian_official": "(RU)", "ukrainian_western": "(UA/W)", "neutral": ""}
    ax.set_yticks(range(len(terms)), [plain(f"{g} · {t} {usage_mark.get(u, '')}") for g, t, u in
                                      zip(terms["group"], terms["term"], terms["usage"])], fontsize=8)
    for i in range(1, len(terms)):
        if terms.at[i, "group"] != terms.at[i - 1, "group"]:
            ax.axhline(i - 0.5, color="#DDDDDD", linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlabel("hits per 1,000 tokens (all articles of the bloc together)")
    ax.set_title("Naming and labelling choices (RU: Russian official usage; UA/W: Ukrainian/Western)")
    ax.legend(title="bloc", loc="lower right")
    ax.grid(axis="x", color="#EEEEEE")
    fig.tight_layout()
    return fig


def voice_shares(table: pd.DataFrame, value: str = "share_of_quotes") -> Figure:
    """Stacked bars: who is quoted in each bloc, as a share of quotes (or of quoted words).

    Parameters
    ----------
    table : one row per bloc and speaker_group with quotes and `value` (`framing.voice_shares`).
    value : the share drawn: "share_of_quotes" or "share_of_words".

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    pivot = table.pivot(index="bloc", columns="speaker_group", values=value).fillna(0).sort_index()
    counts = table.groupby("bloc")["quotes"].sum()
    fig, ax = plt.subplots(figsize=(9, 0.8 * len(pivot) + 1.8))
    left = np.zeros(len(pivot))
    colours = dict(zip(pivot.columns, OKABE_ITO))
    for group in pivot.columns:
        ax.barh(range(len(pivot)), pivot[group], left=left, color=colours[group], label=plain(group), edgecolor="white")
        for y, (start, width) in enumerate(zip(left, pivot[group])):
            if width >= 0.06:
                ax.text(start + width / 2, y, f"{width:.0%}", ha="center", va="center", fontsize=8)
        left += pivot[group].to_numpy()
    ax.set_yticks(range(len(pivot)), [f"{plain(b)}\n({counts[b]} quotes)" for b in pivot.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel(value.replace("_", " "))
    ax.set_title("Who gets quoted")
    ax.legend(bbox_to_anchor=(1.02, 1), loc="upper left", fontsize=9, title="speaker group")
    fig.tight_layout()
    return fig


def framing_small_multiples(summary: pd.DataFrame, columns: list[str], compact_above: int = 16,
                            ncols: int = 6) -> Figure:
    """The per-article framing summary, one small panel per measure (wrapped in `ncols` columns).

    Up to `compact_above` articles, each panel has a row per article (outlet · article id, ordered
    by bloc then id); above, a row per bloc with one dot per article and the bloc mean with a 95%
    interval over articles, so the figure keeps its size however many articles there are.

    Parameters
    ----------
    summary : one row per article with article_id, outlet, bloc and `columns` (the built
        article_framing table).
    columns : the measures, a panel each.
    compact_above : most articles drawn with a row each.
    ncols : most panels in a row.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    order = summary.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = order.groupby("bloc").size().to_dict()
    compact = len(order) > compact_above
    blocs = sorted(counts)
    rows = len(blocs) if compact else len(order)
    ncols = max(1, min(ncols, len(columns)))
    nrows = -(-len(columns) // ncols)
    row_height = 0.42 if compact else 0.22
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.5 * ncols + 2.2, (row_height * rows + 0.9) * nrows + 1.0),
                             sharey=True, squeeze=False, layout="constrained")
    labels = [f"{b} ({counts[b]})" for b in blocs] if compact else article_labels(order, width=26).tolist()
    for ax, column in zip(axes.flat, columns):
        if compact:
            for y, bloc in enumerate(blocs):
                values = order.loc[order["bloc"] == bloc, column].to_numpy(float)
                shown = values[~np.isnan(values)]
                ax.scatter(shown, y + _jitter(shown.size, seed=y, width=0.18), s=10, color=bloc_colour(bloc),
                           alpha=0.7, zorder=2)
                mean, low, high = _mean_interval(shown)
                if not np.isnan(mean):
                    xerr = None if np.isnan(low) else [[mean - low], [high - mean]]
                    ax.errorbar(mean, y, xerr=xerr, fmt="D", color="black", markersize=4, capsize=2, zorder=3)
        else:
            for y, row in order.iterrows():
                value = row[column]
                if pd.notna(value):
                    ax.scatter(value, y, color=bloc_colour(row["bloc"]), s=18)
                else:
                    ax.text(0.02, y, "empty", transform=ax.get_yaxis_transform(), fontsize=6, va="center", color="grey")
        empty = int(order[column].isna().sum())
        ax.set_title(plain(column) if not empty else f"{plain(column)}\n({_n(empty)} empty, not shown)", fontsize=8)
        ax.set_yticks(range(rows), _plain_all(labels), fontsize=7 if not compact else 8)
        ax.set_ylim(rows - 0.5, -0.5)
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="x", color="#EEEEEE")
    for ax in axes.flat[len(columns):]:
        ax.set_visible(False)
    handles = _bloc_handles(blocs, counts)
    if compact:
        handles.append(mpl.lines.Line2D([], [], color="black", marker="D", markersize=4, linestyle="",
                                        label="bloc mean (95% interval over articles)"))
    fig.legend(handles=handles, title="bloc (articles)", loc="outside lower center", ncols=min(5, len(handles)), fontsize=8)
    form = "one dot per article, rows: blocs" if compact else "one row per article: outlet · article id"
    fig.suptitle(f"Per-article framing summary, {_n(len(order))} ({form})")
    return fig
