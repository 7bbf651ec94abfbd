"""Figures of the sentiment notebook (01): sentence scores by bloc and outlet, tone along the
article, actors, means with intervals, the words that move the score, full against topic-neutral lexicon."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.parts import (
    _article_handles,
    _article_interval,
    _article_rows,
    _bloc_handles,
    _label_bottom_row,
    _n,
    _plain_all,
    _wrap,
    article_labels,
    outlet_groups,
    plain,
)
from analysis.plots.style import COMPACT_ABOVE, MIXED, TOP_OUTLETS, bloc_colour, message_figure, use_style
from analysis.sentiment.blocs import article_tone
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL


def sentiment_distribution(frame: pd.DataFrame, column: str = "compound", seed: int = 0,
                           top: int = TOP_OUTLETS, max_dots: int = 2000, *, tested: pd.DataFrame | None = None,
                           layer: str = "all sentences", summary: pd.DataFrame | None = None) -> Figure:
    """Tone by bloc (left) and by outlet (right). Left, the tested quantity: one dot per article
    (the mean of its sentences in `tested`, jittered from `seed`) beside the bloc's mean of article
    means and its 95% interval, shown only for blocs with `stats.MIN_ARTICLES_FOR_INTERVAL` articles.
    Right, a description: every sentence of `frame` as a dot over a box, for the `top` outlets with
    most articles (of those with 2+ articles, ties in turn from each bloc: `outlet_groups`), the rest
    pooled by bloc; a row with
    more than `max_dots` sentences shows a random sample of that many dots (its box and counts use
    every sentence), said in the axis label.

    Parameters
    ----------
    frame : one row per sentence with article_id, outlet, bloc and `column` (`sentiment.sentence_frame`).
    column : the sentence score drawn.
    seed : seed of the jitter and of the sampled dots.
    top : outlets shown by name on the right.
    max_dots : most dots drawn in one row.
    tested : the sentences the bloc comparison uses (e.g. `sentiment.own_words(frame)`); None: `frame`.
    layer : what `tested` is, written in the left panel's title (e.g. "own words").
    summary : the bloc comparison's table (`sentiment.bloc_summary` of `tested`: bloc, n_articles,
        mean, ci_low, ci_high), whose intervals are drawn; None: a t interval over article means,
        under the same rule.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import seaborn as sns

    use_style()
    # (the columns drawn only: a copy of every column, the text too, raised notebook 01's peak by 0.6 GB on 100,000 articles)
    frame = frame[["article_id", "outlet", "bloc", column]].assign(_outlet=outlet_groups(frame, top))
    outlet_bloc = {o: (str(b.iloc[0]) if b.nunique() == 1 else "") for o, b in frame.groupby("_outlet")["bloc"]}
    outlets = set(frame["outlet"].unique())
    other = [o for o in sorted(outlet_bloc) if o.endswith((" more outlets (pooled)", " more outlet (pooled)"))
             and o not in outlets]
    # (by bloc, then most articles first, then name: "Outlet 10" sorted as text came before "Outlet 2")
    sizes = frame[~frame["_outlet"].isin(other)].groupby("_outlet").agg(bloc=("bloc", "first"), n=("article_id", "nunique"))
    named = sizes.reset_index().sort_values(["bloc", "n", "_outlet"], ascending=[True, False, True],
                                            kind="mergesort")["_outlet"].tolist()
    order = named + other
    fig, (left, ax) = plt.subplots(1, 2, figsize=(13, 0.5 * len(order) + 2.8), width_ratios=[1, 1.5], layout="constrained")
    means = article_tone(frame if tested is None else tested, column=column)
    if summary is None:
        summary = pd.DataFrame([{"bloc": b, "n_articles": len(part), **dict(zip(("mean", "ci_low", "ci_high"),
                                                                                 _article_interval(part["mean"])))}
                                for b, part in means.groupby("bloc", sort=True)])
    labels = _article_rows(left, summary.sort_values("bloc").reset_index(drop=True), None, means, "mean", seed)
    left.set_yticks(range(len(labels)), labels, fontsize=10)
    left.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    left.set_xlabel(f"article mean of VADER compound\n(◆ mean of article means; bar: 95% interval, "
                    f"blocs with {MIN_ARTICLES_FOR_INTERVAL}+ articles)", fontsize=9)
    left.set_title(f"By bloc, the tested quantity:\none dot per article, {layer}", fontsize=10)
    colours = {o: bloc_colour(outlet_bloc[o]) if outlet_bloc[o] else MIXED for o in order}
    sns.boxplot(data=frame, x=column, y="_outlet", order=order, palette=colours, hue="_outlet", legend=False,
                ax=ax, showfliers=False, boxprops={"alpha": 0.35}, width=0.6)
    rng = np.random.default_rng(seed)  # seaborn's stripplot jitters with the global RNG
    sampled = False
    for k, level in enumerate(order):
        values = frame.loc[frame["_outlet"] == level, column].to_numpy(float)
        if values.size > max_dots:  # tens of thousands of dots are one smear, and slow to draw
            values, sampled = values[np.sort(rng.choice(values.size, max_dots, replace=False))], True
        ax.scatter(values, k + rng.uniform(-0.22, 0.22, values.size), s=10, color=colours[level], alpha=0.7, zorder=3)
    sentences = frame.groupby("_outlet").size()
    articles = frame.groupby("_outlet")["article_id"].nunique()
    ax.set_yticks(range(len(order)), [f"{plain(_wrap(o, 34))}\n({articles[o]:,} art., {sentences[o]:,} sent.)" for o in order],
                  fontsize=8)
    ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlabel("VADER compound per sentence (-1 to +1), all sentences"
                  + (f"\ndots: at most {max_dots:,} random sentences per row" if sampled else ""))
    ax.set_ylabel("")
    n_outlets = frame["outlet"].nunique()
    ax.set_title("By outlet, every sentence (a description, not a test)" if not other else
                 f"By outlet, every sentence: the {len(named)} of {n_outlets} outlets with most articles\n(outlets with "
                 "2+ articles, ties in turn by bloc; the rest pooled by bloc)", fontsize=10)
    mixed = any(not outlet_bloc[o] for o in order)
    handles = _bloc_handles(frame["bloc"]) + ([mpl.patches.Patch(color=MIXED, label="outlet of several blocs")]
                                              if mixed else [])
    dots = _article_handles("95% interval")
    dots[0].set_label("one article (left); one sentence (right)")  # (the right panel's dots are sentences)
    fig.legend(handles=handles + dots, title="bloc", loc="outside lower center", ncols=min(len(handles) + 2, 4), fontsize=9)
    return fig


def tone_along_article(paragraphs: pd.DataFrame, compact_above: int = COMPACT_ABOVE, bins: int = 10,
                       layer: str = "all sentences", max_lines: int = 40) -> Figure:
    """Mean paragraph tone in reading order: one panel per article (titled outlet · article id,
    ordered by bloc then id) up to `compact_above` articles; above, one panel per bloc with every
    article as a thin line and the bloc's mean of article means in `bins` position bins, with a
    t 95% band over articles only in bins where `stats.MIN_ARTICLES_FOR_INTERVAL` articles
    have a paragraph (none below), and the spread of the articles as dashed lines at the 10th and
    90th percentiles of the article means in each bin (bins with that many articles). Past
    `max_lines` articles in a bloc, the thin lines are a random sample of that many (seeded; the means
    and percentiles use every article): a few hundred lines already smear into one blot (and 50,000
    take minutes to draw).

    Parameters
    ----------
    paragraphs : one row per paragraph with article_id, outlet, bloc, position (0 to 1) and mean
        (`sentiment.paragraph_tone`).
    compact_above : most articles drawn with a panel each.
    bins : position bins of the bloc means, above `compact_above` articles.
    layer : the sentences the paragraph means are taken over, written in the title.
    max_lines : most articles drawn as a line per bloc, above `compact_above` articles.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    order = paragraphs.drop_duplicates("article_id").sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = order.groupby("bloc").size().to_dict()
    if len(order) > compact_above:
        return _tone_by_bloc(paragraphs, counts, bins, layer, max_lines)
    ncols = min(4, len(order))
    nrows = -(-len(order) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.4 * ncols, 2.3 * nrows + 0.8), sharex=True, sharey=True,
                             squeeze=False, layout="constrained")
    for ax, (_, article), label in zip(axes.flat, order.iterrows(), article_labels(order, width=24)):
        part = paragraphs[paragraphs["article_id"] == article["article_id"]].sort_values("position")
        colour = bloc_colour(article["bloc"])
        ax.axhline(0, color="grey", linewidth=0.8, linestyle=":")
        ax.plot(part["position"], part["mean"], color=colour, marker="o", markersize=3, linewidth=1.2)
        ax.set_title(plain(label), fontsize=9, color="black")
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-1.05, 1.05)
    _label_bottom_row(axes, len(order), "position (0 = start, 1 = end)")
    for ax in axes[:, 0]:
        ax.set_ylabel("paragraph mean\ncompound")
    fig.legend(handles=_bloc_handles(order["bloc"], counts), title="bloc", loc="outside lower center",
               ncols=min(4, len(counts)))
    fig.suptitle(f"Tone along each article, paragraph by paragraph (panel: outlet · article id)\n"
                 f"paragraph mean of VADER compound, text layer: {layer}")
    return fig


def _tone_by_bloc(paragraphs: pd.DataFrame, counts: dict[str, int], bins: int, layer: str, max_lines: int) -> Figure:
    blocs = sorted(counts)
    ncols = min(2, len(blocs))
    nrows = -(-len(blocs) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(6 * ncols, 3.2 * nrows + 0.6), sharex=True, sharey=True,
                             squeeze=False, layout="constrained")
    edges = np.linspace(0, 1, bins + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    sampled = False
    for ax, bloc in zip(axes.flat, blocs):
        part = paragraphs[paragraphs["bloc"] == bloc]
        colour = bloc_colour(bloc)
        ax.axhline(0, color="grey", linewidth=0.8, linestyle=":")
        ids = np.sort(part["article_id"].unique())
        if len(ids) > max_lines:
            ids = np.sort(np.random.default_rng(0).choice(ids, max_lines, replace=False))
        drawn = part[part["article_id"].isin(ids)].sort_values(["article_id", "position"])
        ax.add_collection(mpl.collections.LineCollection(
            [article[["position", "mean"]].to_numpy() for _, article in drawn.groupby("article_id", sort=True)],
            colors=colour, linewidths=0.6, alpha=0.35))
        sampled = sampled or len(ids) < counts[bloc]
        cell = np.clip(np.digitize(part["position"], edges[1:-1]), 0, bins - 1)
        per_article = part.assign(_bin=cell).groupby(["_bin", "article_id"])["mean"].mean()
        stats = np.array([_article_interval(per_article.loc[b].to_numpy()) if b in per_article.index.get_level_values(0)
                          else (np.nan,) * 3 for b in range(bins)])
        ax.fill_between(centres, stats[:, 1], stats[:, 2], color=colour, alpha=0.25, linewidth=0)
        for x, (_, low, high) in zip(centres, stats):  # (a bar too: a band draws nothing at a bin between two without)
            if np.isfinite(low):
                ax.plot([x, x], [low, high], color=colour, linewidth=1.6, solid_capstyle="butt")
        spread = np.array([np.quantile(per_article.loc[b].to_numpy(), [0.1, 0.9])
                           if b in per_article.index.get_level_values(0)
                           and len(per_article.loc[b]) >= MIN_ARTICLES_FOR_INTERVAL else (np.nan,) * 2
                           for b in range(bins)])
        for edge in spread.T:
            ax.plot(centres, edge, color=colour, linewidth=1.3, linestyle="--")
        ax.plot(centres, stats[:, 0], color="black", linewidth=1.8, marker="o", markersize=3.5)
        ax.set_title(f"{plain(bloc)} ({_n(counts[bloc])})", fontsize=10, color=colour)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-1.05, 1.05)
    _label_bottom_row(axes, len(blocs), "position in the article (0 = start, 1 = end)")
    for ax in axes[:, 0]:
        ax.set_ylabel("paragraph mean compound")
    line = mpl.lines.Line2D([], [], color="grey", linewidth=0.6,
                            label=f"one article (a random {max_lines} per bloc where it has more)" if sampled else "one article")
    mean = mpl.lines.Line2D([], [], color="black", marker="o", markersize=3.5, linewidth=1.8,
                            label=f"mean of article means in {bins} position bins (band and bar: t 95% interval over "
                                  f"articles, bins with {MIN_ARTICLES_FOR_INTERVAL}+ articles)")
    spread = mpl.lines.Line2D([], [], color="grey", linewidth=1.3, linestyle="--",
                              label="10th and 90th percentile of the article means in each bin (every article; "
                                    f"bins with {MIN_ARTICLES_FOR_INTERVAL}+ articles)")
    fig.legend(handles=[line, spread, mean], loc="outside lower center", ncols=2, fontsize=9)
    fig.suptitle(f"Tone along the article, by bloc ({sum(counts.values()):,} articles)\n"
                 f"paragraph mean of VADER compound, text layer: {layer}")
    return fig


def interval_plot(table: pd.DataFrame, group: str, title: str, xlabel: str = "mean VADER compound",
                  count: str | None = "n_sentences",
                  interval: str = f"95% bootstrap over articles, blocs with {MIN_ARTICLES_FOR_INTERVAL}+ articles",
                  articles: pd.DataFrame | None = None, value: str = "mean", seed: int = 0,
                  drop_zero: bool = False) -> Figure:
    """A bloc comparison per `group`: rows of `group` · bloc (the blocs of one group together), each
    article's value as a dot in the bloc's colour (jittered from `seed`), and the bloc's mean of
    article values as a black diamond with the table's interval (none where the table has none).

    Parameters
    ----------
    table : one row per bloc and `group` with mean, ci_low, ci_high, n_articles (and `count`)
        (e.g. `sentiment.quote_vs_narration`, `sentiment.actor_bloc_summary`, `framing.frame_salience`).
    group : the column that splits each bloc's rows (e.g. "voice", "frame", "actor").
    title : the figure's title.
    xlabel : what the values are.
    count : a column written beside each row after the articles (e.g. "n_sentences"); None for none.
    interval : what the intervals are, written in the axis label and the legend.
    articles : one row per article and `group` with bloc, `group` and `value` (e.g.
        `sentiment.article_tone`); None draws the means and intervals alone.
    value : the column of `articles` drawn.
    seed : seed of the jitter.
    drop_zero : leave out the rows of a `group` that is 0 in every article of every bloc (a frame no
        article uses: rows of dots on 0 say nothing), naming them under the title.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    table = table.sort_values([group, "bloc"], kind="mergesort").reset_index(drop=True)
    zero = _zero_groups(table, group, articles, value) if drop_zero else []
    if zero and len(zero) < table[group].nunique():
        table = table[~table[group].isin(zero)].reset_index(drop=True)
        title += f"\n0 in every article, not drawn: {_wrap(', '.join(plain(str(z)) for z in zero), 90)}"
    fig, ax = plt.subplots(figsize=(8.5, 0.42 * len(table) + 2.2), layout="constrained")
    labels = _article_rows(ax, table, group, articles, value, seed, count=count)
    ax.set_yticks(range(len(table)), labels, fontsize=9)
    ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlabel(f"{xlabel}\n(◆ mean of article values; bar: {interval})", fontsize=9)
    ax.set_title(title)
    handles = _bloc_handles(table["bloc"]) + _article_handles(interval.split(",")[0])
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3), fontsize=8)
    return fig


def _zero_groups(table: pd.DataFrame, group: str, articles: pd.DataFrame | None, value: str) -> list:
    """The values of `group` (sorted) whose mean is 0 in every bloc and, where `articles` are given,
    whose every article value is 0."""
    means = table.groupby(group, sort=True)["mean"].apply(lambda m: bool((m.fillna(0) == 0).all()))
    zero = [g for g, flat in means.items() if flat]
    if articles is not None and zero:
        nonzero = set(articles.loc[articles[value].fillna(0) != 0, group])
        zero = [g for g in zero if g not in nonzero]
    return zero


def word_contributions(table: pd.DataFrame, top: int = 12, ncols: int = 2, layer: str = "all sentences") -> Figure:
    """The lexicon words that move each bloc's score most (summed valence per 1,000 sentences):
    a panel per bloc, wrapped in `ncols` columns above three blocs, on one shared x scale set by the
    blocs with enough sentences (`FEW_SENTENCES`): a small bloc's bars past it are cut at its edge, their
    value written beside them.

    Parameters
    ----------
    table : rows with bloc, word, per_1000_sentences and n, strongest first within each bloc
        (`sentiment.word_contributions`).
    top : words drawn per bloc (its first `top` rows).
    ncols : panel columns when there are more than three blocs.
    layer : the sentences the contributions are summed over, written in the title.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if table.empty:
        return message_figure("No sentence holds a word of the VADER lexicon (English), so no word moves any bloc's "
                              "tone: there is nothing to draw.", f"Lexicon words that move each bloc's tone\ntext layer: {layer}")
    use_style()
    blocs = sorted(table["bloc"].unique())
    ncols = len(blocs) if len(blocs) <= 3 else ncols
    nrows = -(-len(blocs) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(5.2 * ncols, (0.32 * top + 1.3) * nrows + 0.5), squeeze=False,
                             sharex=True, layout="constrained")
    parts = {bloc: table[table["bloc"] == bloc].head(top).iloc[::-1] for bloc in blocs}
    lo, hi, small = _contribution_scale(parts)
    for ax, bloc in zip(axes.flat, blocs):
        part = parts[bloc]
        values = part["per_1000_sentences"].to_numpy(dtype=float)
        ax.barh(range(len(part)), np.clip(values, lo, hi), color=bloc_colour(bloc))
        ax.set_yticks(range(len(part)), _plain_all(part["word"]))
        for y, (value, n) in enumerate(zip(values, part["n"])):
            if lo <= value <= hi:
                ax.text(value, y, f" n={n} ", va="center", ha="left" if value >= 0 else "right", fontsize=8)
            else:  # (written inside the cut bar, from its cut end: outside, it ran over the word labels)
                ax.text(hi if value > hi else lo, y, f" {value:,.0f} off scale, n={n} ", va="center",
                        ha="right" if value > hi else "left", fontsize=8,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85})
        ax.axvline(0, color="grey", linewidth=0.8)
        # (the bloc's sentences: "per 1,000 sentences" of a bloc of 7 sentences draws one word as a long bar)
        sentences = int(part["sentences"].iloc[0]) if "sentences" in part and len(part) else None
        read = int(part["sentences_read"].iloc[0]) if "sentences_read" in part and len(part) else sentences
        counted = "" if sentences is None else (
            f" ({sentences:,} sentence{'' if sentences == 1 else 's'})" if read == sentences else
            f"\n(a random {read:,} of {sentences:,} sentences; n counts them)")  # (the sample `word_contributions` read;
        # on its own line: two panels' long titles ran into each other)
        ax.set_title(plain(bloc) + counted + ("\n(few sentences: bars past the scale are cut)" if bloc in small else ""),
                     color=bloc_colour(bloc))
    axes.flat[0].set_xlim(lo - 0.18 * (hi - lo), hi + 0.18 * (hi - lo))
    _label_bottom_row(axes, len(blocs), "summed VADER valence per 1,000 sentences")
    fig.suptitle(f"Up to {top} lexicon words that move each bloc's tone most (by |summed valence|; n: occurrences)\n"
                 f"text layer: {layer}")
    return fig


#: A bloc with fewer sentences than this (and than a tenth of the largest bloc's) does not set the shared
#: scale of `word_contributions`: per 1,000 sentences, one word in a bloc of 7 sentences is a bar that
#: flattens every other panel.
FEW_SENTENCES = 50


def _contribution_scale(parts: dict[str, pd.DataFrame]) -> tuple[float, float, list[str]]:
    """The shared x range (lowest, highest, 0 included) of `word_contributions`, from the blocs with enough
    sentences (`FEW_SENTENCES`; all blocs when none has), and the blocs left out of setting it."""
    sizes = {bloc: int(part["sentences"].iloc[0]) if "sentences" in part and len(part) else 0
             for bloc, part in parts.items()}
    largest = max(sizes.values(), default=0)
    small = [bloc for bloc, n in sizes.items() if n < FEW_SENTENCES and n < 0.1 * largest]
    setting = [part for bloc, part in parts.items() if bloc not in small] or list(parts.values())
    values = np.concatenate([[0.0]] + [part["per_1000_sentences"].to_numpy(dtype=float) for part in setting])
    lo, hi = float(values.min()), float(values.max())
    return (lo, hi if hi > lo else lo + 1.0, small)


def raw_vs_neutral(raw: pd.DataFrame, neutral: pd.DataFrame,
                   layer: str = "own words (narration and reported speech)") -> Figure:
    """Bloc means with intervals under the full lexicon and with topic terms set to zero.

    Parameters
    ----------
    raw : one row per bloc with mean, ci_low, ci_high under the full lexicon (`sentiment.bloc_summary`).
    neutral : the same with topic terms set to zero (`sentiment.bloc_summary` of "compound_neutral").
    layer : the sentences both tables are computed over, written under the x axis.

    Returns
    -------
    matplotlib.figure.Figure
    """
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.9 * len(raw) + 1.6))
    for offset, (table, label, marker) in enumerate(((raw, "full lexicon", "o"), (neutral, "topic terms set to 0", "s"))):
        for y, row in table.sort_values("bloc").reset_index(drop=True).iterrows():
            ax.errorbar(row["mean"], y + 0.18 * (offset * 2 - 1),
                        xerr=[[row["mean"] - row["ci_low"]], [row["ci_high"] - row["mean"]]],
                        fmt=marker, color=bloc_colour(row["bloc"]), mfc="white" if offset else bloc_colour(row["bloc"]),
                        capsize=3, label=label if y == 0 else None)
    blocs = sorted(raw["bloc"])
    ax.set_yticks(range(len(blocs)), _plain_all(blocs))
    ax.invert_yaxis()
    ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlabel(f"bloc tone: mean of article means of VADER compound (95% bootstrap over articles)\ntext layer: {layer}")
    ax.legend(loc="best")
    ax.set_title("How much of the tone is the topic's own vocabulary?")
    fig.tight_layout()
    return fig
