"""Pieces the figure modules share: text made safe to draw, row labels, outlet groups, bloc
legends, wrapped panel grids, seeded jitter, mean intervals, rows of article dots beside bloc means,
and point labels placed without overlap."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.plots.style import MAX_ROW_DOTS, TOP_OUTLETS, bloc_colour
from analysis.stats.bootstrap import bootstrap_mean_ci
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL, blocs_by_size


def plain(text: object) -> str:
    """`text` from the data (an outlet, a term, a title) made safe to draw as itself: a "$" is
    escaped so matplotlib never reads a pair of them as math.

    Parameters
    ----------
    text : any value; it is drawn as `str(text)`.

    Returns
    -------
    str
        The text with every "$" escaped once (an already escaped one is not escaped again).
    """
    return str(text).replace("\\$", "$").replace("$", "\\$")


def _plain_all(values: Iterable[object]) -> list[str]:
    return [plain(v) for v in values]


def _short(text: str, width: int = 30) -> str:
    """`text` cut to `width` characters with an ellipsis (only ever used beside a unique id)."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _wrap(text: str, width: int = 26) -> str:
    """`text` wrapped onto lines of at most `width` characters (nothing is cut)."""
    return textwrap.fill(" ".join(str(text).split()), width=width, break_long_words=True)


def article_labels(frame: pd.DataFrame, width: int = 30) -> pd.Series:
    """A unique label per row: the outlet (shortened to `width` characters) and the article id,
    e.g. "Moscow Federal News Agency In… · g07"; ids are unique, so labels never collide.

    Parameters
    ----------
    frame : rows with outlet and article_id.
    width : characters kept of the outlet's name.

    Returns
    -------
    pandas.Series of str
        One label per row, on `frame`'s index.
    """
    ids = frame["article_id"].astype(str)
    return pd.Series([f"{_short(o, width)} · {a}" for o, a in zip(frame["outlet"], ids)], index=frame.index)


def pooled_outlets(n: int, bloc: str = "") -> str:
    """The label of `n` outlets drawn as one group (`outlet_groups`), of one bloc when given.

    Parameters
    ----------
    n : the outlets in the group.
    bloc : their bloc ("" for outlets of any bloc).

    Returns
    -------
    str
        "n more outlets (pooled)", or "bloc: n more outlets (pooled)" ("1 more outlet (pooled)").
    """
    label = f"{n:,} more outlet{'' if n == 1 else 's'} (pooled)"
    return f"{bloc}: {label}" if bloc else label


def outlet_groups(frame: pd.DataFrame, top: int = TOP_OUTLETS, min_articles: int = 2) -> pd.Series:
    """Each row's outlet, or its bloc's pool, "bloc: k more outlets (pooled)", for outlets beyond the
    `top` with most articles (not "other": a corpus may have a bloc of that name).

    Where pooling is needed, only outlets with at least `min_articles` articles keep their name: a
    row of one article describes that article, not an outlet, and with many one-article outlets the
    rows shown were picked by the tie rule. The rest are pooled by the row's bloc, so a pool never
    mixes blocs (one pool for all when `frame` has no bloc). Ties in article count are taken in turn
    from each bloc (blocs by name), each bloc's outlets by name, never by file order: with many
    outlets of equal size, an alphabetical cut would show the outlets of whichever bloc's names come
    first.

    Parameters
    ----------
    frame : rows with outlet and article_id (articles, sentences, ...), and bloc when known.
    top : outlets that keep their own name; when a single outlet would be left over, none is grouped.
    min_articles : articles an outlet needs to keep its name when some are pooled.

    Returns
    -------
    pandas.Series of str
        The outlet or its pool, one per row, on `frame`'s index.
    """
    counts = frame.groupby("outlet")["article_id"].nunique().reset_index(name="n")
    if "bloc" in frame.columns:  # (an outlet's bloc: its most frequent one, ties by name)
        blocs = frame.groupby(["outlet", "bloc"], observed=True).size().reset_index(name="k")
        blocs = blocs.sort_values(["outlet", "k", "bloc"], ascending=[True, False, True], kind="mergesort")
        counts["bloc"] = counts["outlet"].map(blocs.drop_duplicates("outlet").set_index("outlet")["bloc"]).astype(str)
    else:
        counts["bloc"] = ""
    counts = counts.sort_values(["n", "bloc", "outlet"], ascending=[False, True, True], kind="mergesort")
    counts["turn"] = counts.groupby(["n", "bloc"]).cumcount()  # (the k-th outlet of its bloc among equal counts)
    ranked = counts.sort_values(["n", "turn", "bloc", "outlet"], ascending=[False, True, True, True], kind="mergesort")
    if len(ranked) <= top + 1:
        return frame["outlet"].astype(str)
    kept = set(ranked.loc[ranked["n"] >= min_articles, "outlet"].head(top))
    outlets = frame["outlet"].astype(str)
    named = outlets.isin(kept)
    if "bloc" not in frame.columns:
        return outlets.where(named, pooled_outlets(len(ranked) - len(kept)))
    bloc = frame["bloc"].astype(str)
    left = pd.DataFrame({"outlet": outlets[~named], "bloc": bloc[~named]}).drop_duplicates()
    per_bloc = left.groupby("bloc")["outlet"].size()
    return outlets.where(named, bloc.map({b: pooled_outlets(int(n), b) for b, n in per_bloc.items()}))


def _bloc_handles(blocs: Iterable[str], counts: dict[str, int] | None = None, unit: str = "articles") -> list:
    if isinstance(blocs, pd.Series):  # (a column of 2.7 million sentences: its few values, not each row, turned to str)
        blocs = blocs.unique()
    return [mpl.patches.Patch(color=bloc_colour(b), label=plain(b) if counts is None else
                              f"{plain(b)} ({_n(counts.get(b, 0), unit[:-1])})")
            for b in sorted(set(map(str, blocs)))]


def _n(count: int, unit: str = "article") -> str:
    """"1 article", "5 articles"."""
    return f"{count:,} {unit}{'' if count == 1 else 's'}"


def _label_bottom_row(axes: np.ndarray, n_used: int, xlabel: str) -> None:
    """Hide unused panels of a wrapped grid and put x tick labels and `xlabel` on the lowest panel
    of every column (the bottom row may be incomplete)."""
    flat = axes.flat
    for ax in list(flat)[n_used:]:
        ax.set_visible(False)
    nrows, ncols = axes.shape
    for col in range(ncols):
        used = [r for r in range(nrows) if r * ncols + col < n_used]
        if used:
            ax = axes[used[-1], col]
            ax.xaxis.set_tick_params(labelbottom=True)
            ax.set_xlabel(xlabel)


def _jitter(n: int, seed: int = 0, width: float = 0.22) -> np.ndarray:
    """Vertical offsets for `n` dots, drawn from a fixed seed so the figure is the same run to run."""
    return np.random.default_rng(seed).uniform(-width, width, n)


def _mean_interval(values: np.ndarray) -> tuple[float, float, float]:
    """Mean and a Student t 95% interval (mean ± t_{n-1} standard errors: a normal 1.96 is too narrow
    on the few articles of a bin or a small bloc); no interval for one value."""
    values = np.asarray(values, float)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return np.nan, np.nan, np.nan
    mean = float(values.mean())
    if values.size < 2:
        return mean, np.nan, np.nan
    from scipy import stats as scipy_stats  # (here: scipy.stats takes a part of a second to import)

    half = float(scipy_stats.t.ppf(0.975, values.size - 1)) * float(values.std(ddof=1)) / np.sqrt(values.size)
    return mean, mean - half, mean + half


def _article_interval(values: np.ndarray, min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> tuple[float, float, float]:
    """Mean of article values and its t 95% interval (`_mean_interval`), the interval only from `min_articles`
    articles on (`stats.interval_rule`): below it, NaN bounds."""
    values = np.asarray(values, float)
    mean, low, high = _mean_interval(values)
    if np.isfinite(values).sum() < min_articles:
        low = high = np.nan
    return mean, low, high


def _article_bootstrap(values: np.ndarray, seed: int = 0, min_articles: int = MIN_ARTICLES_FOR_INTERVAL,
                       n_boot: int = 2000) -> tuple[float, float, float]:
    """Mean of article values and its 95% percentile bootstrap interval over articles
    (`stats.bootstrap_mean_ci`, seeded), widened for few articles as the bloc tables' intervals are
    (Hesterberg's expanded percentile interval, `stats.bootstrap._expanded`), the interval only from
    `min_articles` articles on. The bounds stay within the values' range (a mean of resampled values
    cannot leave it), so a rate or a share never gets a bound below 0."""
    values = np.asarray(values, float)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return np.nan, np.nan, np.nan
    mean, low, high = bootstrap_mean_ci(values, n_boot=n_boot, seed=seed, expanded=True)
    if values.size < min_articles:
        return mean, np.nan, np.nan
    return mean, max(low, float(values.min())), min(high, float(values.max()))


def _article_rows(ax, table: pd.DataFrame, group: str | None, articles: pd.DataFrame | None,  # noqa: ANN001
                  value: str, seed: int = 0, count: str | None = None) -> list[str]:
    """One row per row of `table` (in its order, y = 0, 1, ...): each article's `value` in
    `articles` of the row's bloc (and `group`) as a dot in the bloc's colour, jittered vertically
    from `seed` + row; the row's mean as a black diamond with its interval where ci_low and ci_high
    are finite (nothing else is drawn: the caller's table applies the interval rule); the number of
    articles (and of `count`, a column of `table`) at the right edge. Returns the rows' labels ("group · bloc", or the bloc)."""
    keys = ["bloc"] if group is None else [group, "bloc"]
    dots = {} if articles is None else {k if isinstance(k, tuple) else (k,): part[value].to_numpy(float)
                                        for k, part in articles.groupby(keys if group else "bloc", sort=False)}
    labels = []
    for y, row in enumerate(table.to_dict("records")):
        key = (row["bloc"],) if group is None else (row[group], row["bloc"])
        values = dots.get(key, np.array([]))
        _article_row(ax, y, values, row["mean"], row.get("ci_low", np.nan), row.get("ci_high", np.nan),
                     bloc_colour(row["bloc"]), seed + y)
        n = int(row["n_articles"]) if "n_articles" in row else int(np.isfinite(values).sum())
        extra = f", {_n(int(row[count]), count.removeprefix('n_').split('_')[-1][:-1])}" if count and count in row else ""
        if np.isfinite(values).sum() > MAX_ROW_DOTS:
            extra += f"; dots: {MAX_ROW_DOTS:,} at random"
        ax.text(1.01, y, f"{_n(n)}{extra}", transform=ax.get_yaxis_transform(), va="center", fontsize=7, clip_on=False)
        labels.append(plain(row["bloc"] if group is None else f"{_wrap(row[group], 30)} · {row['bloc']}"))
    if group is not None:
        for y in range(1, len(table)):
            if table[group].iat[y] != table[group].iat[y - 1]:
                ax.axhline(y - 0.5, color="#DDDDDD", linewidth=0.8)
    ax.set_ylim(len(table) - 0.5, -0.5)
    return labels


def _article_row(ax, y: float, values: np.ndarray, mean: float, low: float, high: float, colour: str,  # noqa: ANN001
                 seed: int, width: float = 0.26, markersize: float = 5) -> None:
    """One row of `_article_rows` at height `y`: the finite `values` as dots in `colour`, jittered
    by up to `width` from `seed` (above `MAX_ROW_DOTS` values, a random sample of that many, seeded
    by `seed`, that keeps the smallest and the largest), and `mean` as a black diamond with the
    interval low..high (none unless both are finite). A row of one article draws its dot only: a
    diamond on it would read as a bloc mean and hide the dot."""
    values = np.asarray(values, float)
    values = values[np.isfinite(values)]
    single = values.size == 1
    if values.size > MAX_ROW_DOTS:  # a seeded sample, in the original order (see MAX_ROW_DOTS), with both extremes:
        # (the axis reaches the row's largest value, which a sample without it left as empty space)
        ends = sorted({int(np.argmin(values)), int(np.argmax(values))})
        rest = np.setdiff1d(np.arange(values.size), ends)
        picked = np.random.default_rng(seed).choice(rest, MAX_ROW_DOTS - len(ends), replace=False)
        values = values[np.sort(np.r_[picked, ends])]
    if values.size:
        ax.scatter(values, y + _jitter(values.size, seed=seed, width=width), s=13 if width > 0.15 else 9, color=colour,
                   alpha=0.6, linewidth=0, zorder=2)
    if np.isfinite(mean) and not single:
        xerr = [[mean - low], [high - mean]] if np.isfinite(low) and np.isfinite(high) else None
        ax.errorbar(mean, y, xerr=xerr, fmt="D", color="black", markersize=markersize, capsize=2 if width < 0.15 else 3,
                    linewidth=1, zorder=4)


def _article_handles(interval: str) -> list:
    """Legend entries of `_article_rows`: a dot per article, the diamond and its interval."""
    return [mpl.lines.Line2D([], [], color="grey", marker="o", markersize=4, linestyle="", alpha=0.6, label="one article"),
            mpl.lines.Line2D([], [], color="black", marker="D", markersize=5, linestyle="-",
                             label=f"mean of article values; bar: {interval}")]


def _renderer(fig: Figure):  # noqa: ANN202
    canvas = fig.canvas
    return canvas.get_renderer() if hasattr(canvas, "get_renderer") else fig._get_renderer()


#: Offsets (points) tried in turn for a label, nearest first: right, left, above, below, further out.
_LABEL_OFFSETS = [(dx, dy) for d in (0, 7, 14, 21, 28, 36, 46, 58) for dy in ((0,) if d == 0 else (d, -d))
                  for dx in (4, -4)]


def _place_labels(ax, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str],  # noqa: ANN001
                  colours: Sequence[str], fontsize: float = 8, point_radius: float = 0,
                  right_only: bool = False) -> int:
    """Label points without overlap, deterministically: each label, in the given order, takes the
    first offset of `_LABEL_OFFSETS` where it overlaps no placed label (nor, with `point_radius`
    in points, any of the labelled points' dots) and stays inside the axes (a thin leader line
    when it moved away); a label with no room is left out. With `right_only`, only offsets to the
    right of the point (for the ends of lines drawn from the left, which a label on the left would
    sit across). Returns how many are left out."""
    renderer = _renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    placed = [ax.get_legend().get_window_extent(renderer)] if ax.get_legend() is not None else []
    if point_radius > 0:
        r = point_radius * ax.figure.dpi / 72
        centres = ax.transData.transform(np.column_stack([np.asarray(xs, float), np.asarray(ys, float)]))
        placed += [mpl.transforms.Bbox([[cx - r, cy - r], [cx + r, cy + r]]) for cx, cy in centres]
    left_out = 0
    offsets = [(dx, dy) for dx, dy in _LABEL_OFFSETS if dx > 0 or not right_only]
    for x, y, text, colour in zip(xs, ys, texts, colours):
        for dx, dy in offsets:
            label = ax.annotate(plain(text), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                                color=colour, ha="left" if dx > 0 else "right", va="center")
            box = label.get_window_extent(renderer).expanded(1.05, 1.1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                if dy:  # a leader line back to the point
                    _leader(ax, x, y, dx, dy, colour)
                break
            label.remove()
        else:
            left_out += 1
    return left_out


def _leader(ax, x: float, y: float, dx: float, dy: float, colour: str, gap: float = 2.0) -> None:  # noqa: ANN001
    """A thin line from `gap` points off the data point (x, y) to its label at offset (dx, dy) points.

    Both ends are offsets in points from the point, fixed by arithmetic here, so that the line
    moves with the point and nothing else: an annotation arrow's `shrink` finds its end by
    bisection to a tolerance of 0.01 pixel, which turns a last-bit difference of the data's
    log (numpy's vectorised log differs between CPUs) into a different end, and different
    anti-aliased pixels in the PNG on another machine."""
    length = math.hypot(dx, dy)
    points = mpl.transforms.Affine2D().scale(1 / 72) + ax.figure.dpi_scale_trans \
        + mpl.transforms.ScaledTranslation(x, y, ax.transData)  # (points -> pixels at any dpi, then to the point)
    ax.add_line(mpl.lines.Line2D([gap * dx / length, dx], [gap * dy / length, dy], transform=points, color=colour,
                                 linewidth=0.5, solid_capstyle="butt"))


def _plain_log_ticks(axis) -> None:  # noqa: ANN001
    """Plain numbers on a log axis (0.1, 1, 10, 2,000), never "2×10^0": the decades labelled, and
    the 2s and 5s between them too while the axis spans under two decades (call after the limits
    are set)."""
    low, high = (max(v, 1e-12) for v in axis.get_view_interval())
    narrow = abs(np.log10(high) - np.log10(low)) < 2

    def number(value: float, _position: int | None = None) -> str:
        if value <= 0:
            return ""
        return f"{value:,.0f}" if value >= 1 else f"{value:g}"

    def between(value: float, _position: int | None = None) -> str:
        if not narrow or value <= 0:
            return ""
        lead = round(value / 10 ** np.floor(np.log10(value) + 1e-9))
        return number(value) if lead in (2, 5) else ""

    axis.set_major_formatter(mpl.ticker.FuncFormatter(number))
    axis.set_minor_formatter(mpl.ticker.FuncFormatter(between))


def left_out_note(fig: Figure, articles: pd.DataFrame, compared: Sequence[str]) -> Figure:
    """Name, under a figure that compares some blocs, the corpus's other blocs and their articles
    ("left out of this comparison: ukrainian (5 articles), other (1 article)"), so that the figure
    read alone does not pass for the whole corpus. Nothing is added when no bloc is left out.

    Parameters
    ----------
    fig : the figure, drawn.
    articles : the articles table (bloc).
    compared : the blocs the figure compares.

    Returns
    -------
    The same figure, with the line below everything it holds.
    """
    counts = articles["bloc"].astype(str).value_counts()
    others = blocs_by_size(counts, leave=compared)
    if not others:
        return fig
    return footnote(fig, "left out of this comparison: "
                    + ", ".join(f"{plain(bloc)} ({_n(int(counts[bloc]))})" for bloc in others))


def footnote(fig: Figure, text: str, width: int = 140) -> Figure:
    """A note in small grey type under everything a figure holds (its legends included), wrapped at
    `width` characters: what a reader of the figure alone must know (blocs left out, a default rule).

    Parameters
    ----------
    fig : the figure, drawn.
    text : the note (plain text, Markdown backticks dropped; "" adds nothing).
    width : characters per line.

    Returns
    -------
    The same figure.
    """
    if not text:
        return fig
    fig.canvas.draw()  # (a layout engine places legends when drawn: the box below must be the final one)
    if fig.get_layout_engine() is not None:  # (and it would place them again when saved "tight", in a figure grown by
        fig.set_layout_engine("none")  # the note: an outside legend then moved down onto it; the drawn layout is kept)
    for legend in fig.legends:  # (a figure legend is anchored to the figure's box, which a "tight" save enlarges
        # to take in the note, moving the legend onto it: anchored to the same box in figure coordinates, it stays)
        legend.set_bbox_to_anchor(mpl.transforms.Bbox.from_bounds(0, 0, 1, 1), transform=fig.transFigure)
    bottom = fig.get_tightbbox(_renderer(fig)).y0 / fig.get_figheight()  # (in figure fractions; may be below 0)
    fig.text(0.01, bottom - 0.04 / fig.get_figheight(), textwrap.fill(plain(text.replace("`", "")), width), ha="left", va="top",
             fontsize=8, color="0.25")
    return fig
