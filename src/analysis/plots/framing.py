"""Figures of the framing notebook (02): naming markers, who is quoted, and the per-article framing
summary (distinctive words: `analysis.plots.keyness`)."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.parts import (
    _article_bootstrap,
    _article_handles,
    _article_row,
    _bloc_handles,
    _n,
    _plain_all,
    _wrap,
    plain,
)
from analysis.plots.style import MAX_ROW_DOTS, bloc_colour, message_figure, other_style, use_style
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL

#: Tallest the naming-markers figure grows (inches); a figure that would be taller takes the compact form.
MARKER_MAX_HEIGHT = 14.0
#: Most marker terms the compact form shows (those with the highest mean article rate).
MARKER_MAX_TERMS = 40
_USAGE_MARK = {"russian_official": "(RU)", "ukrainian_western": "(UA/W)", "neutral": ""}


def marker_dots(rates: pd.DataFrame, seed: int = 0) -> Figure:
    """Naming markers compared between blocs, article by article: a row per marker term (grouped
    by what it names), the blocs side by side within it, each article's rate per 1,000 tokens as a
    dot in its bloc's colour (jittered from `seed`; an article without the term is a 0), and the
    bloc's mean of article rates with a 95% bootstrap interval over articles (seeded from `seed`;
    never below 0) for blocs with `stats.MIN_ARTICLES_FOR_INTERVAL` articles (none below). The
    figure is at most `MARKER_MAX_HEIGHT` tall: its rows narrow to fit, and where they would be too
    narrow (many terms or blocs) it takes the compact form: bloc means and intervals only, for at
    most `MARKER_MAX_TERMS` terms (the title says how many are left out).

    Parameters
    ----------
    rates : one row per article and marker term with bloc, group, term, usage, article_id and
        rate_per_1000 (`framing.marker_rates_by_article`).
    seed : seed of the jitter and of the bootstrap.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if rates.empty:
        return message_figure("No naming marker occurs in any article of this corpus (the markers are English "
                              "words and phrases of src/analysis/resources/markers.csv), so there is no rate to compare.",
                              "Naming markers per article")
    use_style()
    terms = rates[["group", "usage", "term"]].drop_duplicates().sort_values(["group", "usage", "term"]).reset_index(drop=True)
    blocs = sorted(rates["bloc"].unique())
    counts = rates.drop_duplicates("article_id").groupby("bloc").size().to_dict()
    groups = [(g, part.reset_index(drop=True)) for g, part in terms.groupby("group", sort=True)]
    columns = _balanced_columns([len(part) for _, part in groups], 2 if len(terms) > 24 else 1)
    row = 0.2 + 0.12 * len(blocs)
    tallest = max(sum(len(groups[i][1]) for i in col) + 0.8 * len(col) for col in columns)
    values = {k: part["rate_per_1000"].to_numpy(float) for k, part in rates.groupby(["term", "bloc"], sort=False)}
    if row * tallest + 2.4 > MARKER_MAX_HEIGHT:  # squeeze the rows to fit, down to a lane of 0.08 inch per bloc
        row = (MARKER_MAX_HEIGHT - 2.4) / tallest
        if row < 0.1 + 0.08 * len(blocs):
            return _marker_means(rates, terms, blocs, counts, values, seed)
    fig = plt.figure(figsize=(9 * len(columns), row * tallest + 2.4), layout="constrained")
    outer = fig.add_gridspec(1, len(columns))
    step = 0.8 / max(len(blocs), 1)
    axes = []
    for c, col in enumerate(columns):
        inner = outer[0, c].subgridspec(len(col), 1, height_ratios=[len(groups[i][1]) + 0.8 for i in col])
        for k, i in enumerate(col):
            group, part = groups[i]
            ax = fig.add_subplot(inner[k, 0], sharex=axes[0] if axes else None)
            axes.append(ax)
            for y, term in enumerate(part["term"]):
                for j, bloc in enumerate(blocs):
                    found = values.get((term, bloc), np.array([]))
                    mean, low, high = _article_bootstrap(found, seed=seed)
                    _article_row(ax, y + (j - (len(blocs) - 1) / 2) * step, found, mean, low, high, bloc_colour(bloc),
                                 seed + 100 * i + y * len(blocs) + j, width=0.4 * step, markersize=3.5)
            ax.set_yticks(range(len(part)), [plain(f"{t} {_USAGE_MARK.get(u, '')}") for t, u in zip(part["term"], part["usage"])],
                          fontsize=8)
            ax.set_ylim(len(part) - 0.5, -0.5)
            ax.set_title(plain(group), fontsize=9, loc="left")
            ax.grid(axis="x", color="#EEEEEE")
            ax.tick_params(axis="x", labelsize=8)
        ax.set_xlabel("hits in the article's own words per 1,000 of its own words", fontsize=9)
    handles = _bloc_handles(blocs, counts) + _article_handles("95% bootstrap interval")
    fig.legend(handles=handles, title="bloc (top to bottom within a row)", loc="outside lower center",
               ncols=min(len(handles), 4), fontsize=8)
    sampled = max(counts.values(), default=0) > MAX_ROW_DOTS
    dots = f"one dot per article (at most {MAX_ROW_DOTS:,} random ones per row)" if sampled else "one dot per article"
    fig.suptitle("Naming and labelling choices in the outlet's own words (narration and reported speech),\n"
                 f"{dots}; ◆ mean of article rates; bar: 95% bootstrap interval over articles,\nblocs with "
                 f"{MIN_ARTICLES_FOR_INTERVAL}+ articles (RU: Russian official usage; UA/W: Ukrainian/Western)", fontsize=10)
    return fig


def _marker_means(rates: pd.DataFrame, terms: pd.DataFrame, blocs: list[str], counts: dict[str, int],
                  values: dict, seed: int) -> Figure:
    """The compact naming-markers figure: one row per term (at most `MARKER_MAX_TERMS`, the highest
    mean article rates), each bloc's mean of article rates and its 95% bootstrap interval, no dots."""
    means = rates.groupby("term")["rate_per_1000"].mean()
    ranked = terms.assign(_mean=terms["term"].map(means)).sort_values(["_mean", "term"], ascending=[False, True],
                                                                        kind="mergesort")
    shown = ranked.head(MARKER_MAX_TERMS).sort_values(["group", "usage", "term"], kind="mergesort").reset_index(drop=True)
    height = min(MARKER_MAX_HEIGHT, 0.24 * len(shown) + 2.6)
    fig, ax = plt.subplots(figsize=(10, height), layout="constrained")
    step = 0.8 / max(len(blocs), 1)
    for y, term in enumerate(shown["term"]):
        for j, bloc in enumerate(blocs):
            found = values.get((term, bloc), np.array([]))
            if not len(found):
                continue
            mean, low, high = _article_bootstrap(found, seed=seed)
            at = y + (j - (len(blocs) - 1) / 2) * step
            if not np.isnan(low):
                ax.hlines(at, low, high, color=bloc_colour(bloc), linewidth=1.2)
            ax.plot([mean], [at], marker="D", markersize=3.5, color=bloc_colour(bloc), linestyle="")
    ax.set_yticks(range(len(shown)), [plain(f"{g}: {t} {_USAGE_MARK.get(u, '')}")
                                      for g, t, u in zip(shown["group"], shown["term"], shown["usage"])], fontsize=7)
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.grid(axis="x", color="#EEEEEE")
    ax.set_xlabel("hits in the article's own words per 1,000 of its own words", fontsize=9)
    handles = _bloc_handles(blocs, counts) + _article_handles("95% bootstrap interval")[1:]
    fig.legend(handles=handles, title="bloc (top to bottom within a row)", loc="outside lower center",
               ncols=min(len(handles), 4), fontsize=8)
    left = len(terms) - len(shown)
    dropped = f"; {left} left out" if left else ""
    fig.suptitle(f"Naming and labelling choices in the outlet's own words, compact form: {len(shown)} of "
                 f"{len(terms)} terms (the highest mean rates{dropped}),\n\u25c6 bloc mean of article rates; bar: "
                 f"95% bootstrap interval over articles, blocs with {MIN_ARTICLES_FOR_INTERVAL}+ articles "
                 "(RU: Russian official usage; UA/W: Ukrainian/Western)", fontsize=9)
    return fig


def _balanced_columns(sizes: list[int], n: int) -> list[list[int]]:
    """Split consecutive items (their `sizes`) into at most `n` columns of near-equal total size."""
    if n <= 1 or len(sizes) < 2:
        return [list(range(len(sizes)))]
    totals = np.cumsum(sizes)
    cut = int(np.argmin(np.abs(totals[:-1] - totals[-1] / 2))) + 1
    return [list(range(cut)), list(range(cut, len(sizes)))]


def voice_shares(table: pd.DataFrame, value: str = "share_of_quotes") -> Figure:
    """Stacked bars: who is quoted in each bloc, as a share of quotes (or of quoted words), or as
    the mean over the bloc's articles of each article's share ("mean_article_share": every article
    that quotes anyone weighs the same).

    Parameters
    ----------
    table : one row per bloc and speaker_group with quotes and `value` (`framing.voice_shares`).
    value : the share drawn: "share_of_quotes", "share_of_words" or "mean_article_share".

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    pivot = table.pivot(index="bloc", columns="speaker_group", values=value).fillna(0).sort_index()
    counts = table.groupby("bloc")["quotes"].sum()
    fig, ax = plt.subplots(figsize=(9, 0.8 * len(pivot) + 1.8))
    left = np.zeros(len(pivot))
    for k, group in enumerate(pivot.columns):  # greys and hatches: speaker groups are not blocs
        look = other_style(k)
        ax.barh(range(len(pivot)), pivot[group], left=left, color=look["color"], hatch=look["hatch"],
                edgecolor="white" if not look["hatch"] or look["text"] == "white" else "black", linewidth=0.6,
                label=plain(group))
        for y, (start, width) in enumerate(zip(left, pivot[group])):
            if width >= 0.06:
                ax.text(start + width / 2, y, f"{width:.0%}", ha="center", va="center", fontsize=8, color=look["text"],
                        bbox={"facecolor": look["color"], "edgecolor": "none", "pad": 1} if look["hatch"] else None)
        left += pivot[group].to_numpy()
    if value == "mean_article_share":
        n_articles = table.groupby("bloc")["articles"].first()
        labels = [f"{plain(b)}\n({counts[b]:,} quotes and paraphrases,\n"
                  f"{int(n_articles[b]):,} article{'s' if n_articles[b] != 1 else ''})"
                  for b in pivot.index]
        xlabel = "mean over the bloc's articles with quotes of each article's share of quotes (articles weigh the same)"
    else:
        labels = [f"{plain(b)}\n({counts[b]:,} quotes and paraphrases)" for b in pivot.index]
        xlabel = value.replace("_", " ") + " (all quotes of the bloc together)"
    ax.set_yticks(range(len(pivot)), labels)
    for tick, bloc in zip(ax.get_yticklabels(), pivot.index):
        tick.set_color(bloc_colour(bloc))
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_title("Who gets quoted or paraphrased (greys: speaker groups; bloc colours name blocs only)")
    if pivot.empty:  # (no quote in any bloc: no group to name)
        ax.text(0.5, 0.5, "no quote found in the compared blocs", ha="center", va="center", transform=ax.transAxes)
        ax.set_yticks([])
    else:
        ax.legend(bbox_to_anchor=(1.02, 1), loc="upper left", fontsize=9, title="speaker group")
    fig.tight_layout()
    return fig


#: Units of the per-article measures, by prefix; panels of one prefix share their x scale.
FAMILY_UNITS = {"naming": "naming index, -1 to +1", "rate": "marker hits per 1,000 words",
                "frame": "frame hits per 100 tokens", "voice": "share of the article's quotes, 0 to 1"}
#: The text layer of each family of per-article measures (the built article_framing table).
FAMILY_LAYERS = {"naming": "own words", "rate": "own words", "frame": "own words",
                 "voice": "quoted and paraphrased speakers"}


def framing_small_multiples(summary: pd.DataFrame, columns: list[str], compact_above: int = 16,
                            ncols: int = 6, seed: int = 0) -> Figure:
    """The per-article framing summary, one small panel per measure (wrapped in `ncols` columns);
    panels of one family (`FAMILY_UNITS`: naming_, rate_, frame_, voice_) share their x scale, and
    scales differ between families (said in the title).

    Up to `compact_above` articles, each panel has a row per article (its id, ordered by bloc then
    id) and a key beside the panels gives each id's full outlet name; above, a row per bloc with one
    dot per article and the bloc mean with a 95% bootstrap interval over articles (seeded from
    `seed`; within the values' range, so never below 0 for rates and shares) for blocs with
    `stats.MIN_ARTICLES_FOR_INTERVAL` articles, so the figure keeps its size however many articles
    there are. A legend names the bloc colours in both forms. A measure that is 0 (or empty) in every
    article gets no panel: the title names it (a panel of dots at 0 says nothing more, and many of
    them hid the panels that differ).

    Parameters
    ----------
    summary : one row per article with article_id, outlet, bloc and `columns` (the built
        article_framing table).
    columns : the measures, a panel each.
    compact_above : most articles drawn with a row each.
    ncols : most panels in a row.
    seed : seed of the bootstrap intervals.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    order = summary.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    zero = [c for c in columns if not order[c].fillna(0).to_numpy(float).any()]
    if len(zero) < len(columns):  # (all of them 0: the panels stay, to show it)
        columns = [c for c in columns if c not in zero]
    else:
        zero = []
    counts = order.groupby("bloc").size().to_dict()
    compact = len(order) > compact_above
    blocs = sorted(counts)
    rows = len(blocs) if compact else len(order)
    ncols = max(1, min(ncols, len(columns)))
    nrows = -(-len(columns) // ncols)
    row_height = 0.42 if compact else 0.22
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.5 * ncols + (2.2 if compact else 5.5),
                                                    (row_height * rows + 0.9) * nrows + 1.4),
                             sharey=True, squeeze=False, layout="constrained")
    ids = [_wrap(a, 18) for a in order["article_id"].astype(str)]
    labels = [f"{b} ({counts[b]})" for b in blocs] if compact else ids
    for ax, column in zip(axes.flat, columns):
        if compact:
            for y, bloc in enumerate(blocs):
                values = order.loc[order["bloc"] == bloc, column].to_numpy(float)
                mean, low, high = _article_bootstrap(values, seed=seed + y)
                _article_row(ax, y, values, mean, low, high, bloc_colour(bloc), seed=y, width=0.18, markersize=4)
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
    _share_family_scales(axes.flat[: len(columns)], columns, order)
    for ax in axes.flat[len(columns):]:
        ax.set_visible(False)
    handles = _bloc_handles(blocs, counts)
    if compact:
        handles += _article_handles(f"95% bootstrap interval, blocs with {MIN_ARTICLES_FOR_INTERVAL}+ articles")
    fig.legend(handles=handles, title="bloc (articles)", loc="outside lower center", ncols=min(4, len(handles)), fontsize=8)
    if not compact:
        key = [mpl.lines.Line2D([], [], color=bloc_colour(b), marker="o", linestyle="", label=plain(f"{a}: {_wrap(o, 30)}"))
               for a, o, b in zip(order["article_id"], order["outlet"], order["bloc"])]
        fig.legend(handles=key, title="article: outlet", loc="outside right upper", fontsize=7, title_fontsize=8)
    form = "one dot per article, rows: blocs" if compact else "one row per article, outlets in the key"
    if compact and max(counts.values(), default=0) > MAX_ROW_DOTS:
        form += f"; dots: at most {MAX_ROW_DOTS:,} random articles per row"
    units = "; ".join(f"{k}_: {u}, {FAMILY_LAYERS[k]}" for k, u in FAMILY_UNITS.items()
                      if any(c.startswith(k) for c in columns))
    fig.suptitle(f"Per-article framing summary, {_n(len(order))} ({form})\n"
                 f"x scales shared within a family, different between families; text layers differ too\n"
                 f"({_wrap(units, 150)})"
                 + (f"\n0 in every article, no panel: {_wrap(', '.join(plain(c) for c in zero), 150)}" if zero else ""),
                 fontsize=10)
    return fig


def _share_family_scales(axes, columns: list[str], summary: pd.DataFrame) -> None:  # noqa: ANN001
    """One x range per family of measures (`FAMILY_UNITS`), from 0 (or -1 for the naming index) to
    the family's largest value; shares and the naming index keep their full ranges."""
    axes = list(axes)
    for family in sorted({c.split("_")[0] for c in columns}):
        members = [(ax, c) for ax, c in zip(axes, columns) if c.split("_")[0] == family]
        values = summary[[c for _, c in members]].to_numpy(float)
        finite = values[np.isfinite(values)]
        low = min(0.0, float(finite.min())) if finite.size else 0.0
        high = max(float(finite.max()) if finite.size else 1.0, 1e-9)
        if family == "naming":
            low, high = -1.0, 1.0
        elif family == "voice":
            low, high = 0.0, max(high, 1.0)
        pad = 0.06 * (high - low)
        for ax, _ in members:
            ax.set_xlim(low - pad, high + pad)
            ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(nbins=4))
