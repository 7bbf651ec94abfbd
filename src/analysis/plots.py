"""The one figure style of the suite: colour-blind-safe colours, one fixed colour per bloc.

Every figure is saved by `save(fig, name)` under a stable name, as PNG and SVG with the
date and software metadata removed so the files are byte-identical run to run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis import __version__, paths

__all__ = ["set_provenance", "BLOC_COLOURS", "COMPACT_ABOVE", "OKABE_ITO", "SPARE_COLOURS", "TOP_OUTLETS",
           "article_labels", "article_lengths", "bloc_colour", "bloc_palette", "outlet_groups", "plain",
           "removed_by_reason", "save", "use_style"]

#: Okabe & Ito (2008) palette, safe for the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")

#: One colour per bloc, the same in every figure of the suite.
BLOC_COLOURS = {"russian": "#D55E00", "western": "#0072B2", "ukrainian": "#009E73", "other": "#CC79A7"}
#: Colours for any other bloc label a user's corpus brings, picked by `bloc_colour` from a hash of
#: the label (the same label always gets the same colour; two new labels can share one).
SPARE_COLOURS = ("#E69F00", "#56B4E9", "#000000", "#F0E442")
#: Figures with a row, panel or tick per article switch to a compact form above this many articles.
COMPACT_ABOVE = 30
#: Figures with a row per outlet show this many outlets (most articles first) and group the rest.
TOP_OUTLETS = 12
#: Horizontal boxes: `orientation` from matplotlib 3.10 on (`vert` is deprecated there), `vert` before.
_HORIZONTAL = ({"orientation": "horizontal"} if tuple(int(p) for p in mpl.__version__.split(".")[:2]) >= (3, 10)
               else {"vert": False})
#: The colour of groups that mix blocs (e.g. "other (k outlets)").
MIXED = "#888888"

_STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "svg.hashsalt": "peace-talks-framing",
    "svg.fonttype": "none",
}


def use_style() -> None:
    """Apply the suite's matplotlib settings (called by every plotting function)."""
    mpl.rcParams.update(_STYLE)


def bloc_colour(bloc: str) -> str:
    """The fixed colour of a bloc: `BLOC_COLOURS` for the suite's blocs; any other label gets one of
    `SPARE_COLOURS` chosen by the SHA-256 of the lower-cased label, so it is the same in every figure."""
    bloc = str(bloc).lower()
    if bloc in BLOC_COLOURS:
        return BLOC_COLOURS[bloc]
    return SPARE_COLOURS[int(hashlib.sha256(bloc.encode()).hexdigest(), 16) % len(SPARE_COLOURS)]


def bloc_palette(blocs: Iterable[str]) -> dict[str, str]:
    """A {bloc: colour} mapping for seaborn's `palette=` argument."""
    return {b: bloc_colour(b) for b in sorted(set(blocs))}


_PROVENANCE: dict[str, str] = {"corpus_sha256": "", "parameters": "", "analysis_version": __version__}
MANIFEST_COLUMNS = ("figure", "png_sha256", "svg_sha256", "corpus_sha256", "parameters", "analysis_version")


def set_provenance(tables: dict[str, pd.DataFrame] | None = None, **parameters: object) -> dict[str, str]:
    """Record what every figure saved from now on comes from: the corpus fingerprint (SHA-256 over
    each article's id and the SHA-256 of its raw text), the notebook's parameters, the version."""
    if tables is not None:
        articles = tables["articles"].sort_values("article_id")
        digest = hashlib.sha256()
        for article_id, text_sha in zip(articles["article_id"], articles["text_sha256"]):
            digest.update(f"{article_id}\t{text_sha}\n".encode())
        _PROVENANCE["corpus_sha256"] = digest.hexdigest()
    _PROVENANCE["parameters"] = "; ".join(f"{k}={v!r}" for k, v in sorted(parameters.items()))
    return dict(_PROVENANCE)


def save(fig: Figure, name: str, out: str | Path | None = None) -> None:
    """Write `figures/<name>.png` and `.svg` without timestamps, with provenance in the files'
    metadata and a row in `figures/MANIFEST.csv` (returns nothing, so a notebook cell ending in
    `save(...)` shows the figure and no machine-specific path)."""
    folder = Path(out) if out is not None else paths.FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    description = json.dumps(_PROVENANCE, sort_keys=True)
    png_meta = {"Software": None, "Description": description, "Source": f"analysis {__version__}"}
    svg_meta = {"Date": None, "Creator": None, "Description": description, "Source": f"analysis {__version__}"}
    with mpl.rc_context({"svg.hashsalt": _STYLE["svg.hashsalt"]}):
        for ext, metadata in (("png", png_meta), ("svg", svg_meta)):
            fig.savefig(folder / f"{name}.{ext}", metadata=metadata, bbox_inches="tight")
    _update_manifest(folder, name)


def _update_manifest(folder: Path, name: str) -> None:
    from analysis.build import escape_cell, unescape_cell  # (the CSV cell rule of every table the project writes)

    manifest = folder / "MANIFEST.csv"
    rows: dict[str, dict[str, str]] = {}
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as handle:
            rows = {r["figure"]: {k: unescape_cell(v) for k, v in r.items()} for r in csv.DictReader(handle)}
    digest = lambda ext: hashlib.sha256((folder / f"{name}.{ext}").read_bytes()).hexdigest()  # noqa: E731
    rows[name] = {"figure": name, "png_sha256": digest("png"), "svg_sha256": digest("svg"), **_PROVENANCE}
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(MANIFEST_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: escape_cell(v) for k, v in rows[k].items()} for k in sorted(rows))


def plain(text: object) -> str:
    """`text` from the data (an outlet, a term, a title) made safe to draw as itself: a "$" is
    escaped so matplotlib never reads a pair of them as math."""
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
    e.g. "Moscow Federal News Agency In… · g07"; ids are unique, so labels never collide."""
    ids = frame["article_id"].astype(str)
    return pd.Series([f"{_short(o, width)} · {a}" for o, a in zip(frame["outlet"], ids)], index=frame.index)


def outlet_groups(frame: pd.DataFrame, top: int = TOP_OUTLETS) -> pd.Series:
    """Each row's outlet, or "other (k outlets)" for outlets beyond the `top` with most articles.

    Ties in article count are broken by outlet name (alphabetical), never by file order."""
    counts = frame.groupby("outlet")["article_id"].nunique().reset_index(name="n")
    ranked = counts.sort_values(["n", "outlet"], ascending=[False, True], kind="mergesort")["outlet"].tolist()
    if len(ranked) <= top + 1:
        return frame["outlet"].astype(str)
    kept = set(ranked[:top])
    other = f"other ({len(ranked) - top} outlets)"
    return frame["outlet"].astype(str).where(frame["outlet"].isin(kept), other)


def _bloc_handles(blocs: Iterable[str], counts: dict[str, int] | None = None, unit: str = "articles") -> list:
    return [mpl.patches.Patch(color=bloc_colour(b), label=plain(b) if counts is None else
                              f"{plain(b)} ({_n(counts.get(b, 0), unit[:-1])})")
            for b in sorted(set(map(str, blocs)))]


def _n(count: int, unit: str = "article") -> str:
    """"1 article", "5 articles"."""
    return f"{count} {unit}{'' if count == 1 else 's'}"


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
    """Mean and a normal 95% interval (mean ± 1.96 standard errors); no interval for one value."""
    values = np.asarray(values, float)
    values = values[~np.isnan(values)]
    if values.size == 0:
        return np.nan, np.nan, np.nan
    mean = float(values.mean())
    if values.size < 2:
        return mean, np.nan, np.nan
    half = 1.96 * float(values.std(ddof=1)) / np.sqrt(values.size)
    return mean, mean - half, mean + half


def _renderer(fig: Figure):  # noqa: ANN202
    canvas = fig.canvas
    return canvas.get_renderer() if hasattr(canvas, "get_renderer") else fig._get_renderer()


#: Offsets (points) tried in turn for a label, nearest first: right, left, above, below, further out.
_LABEL_OFFSETS = [(dx, dy) for d in (0, 7, 14, 21, 28, 36, 46, 58) for dy in ((0,) if d == 0 else (d, -d))
                  for dx in (4, -4)]


def _place_labels(ax, xs: Sequence[float], ys: Sequence[float], texts: Sequence[str],  # noqa: ANN001
                  colours: Sequence[str], fontsize: float = 8) -> int:
    """Label points without overlap, deterministically: each label, in the given order, takes the
    first offset of `_LABEL_OFFSETS` where it overlaps no placed label and stays inside the axes
    (a thin leader line when it moved away); a label with no room is left out. Returns how many."""
    renderer = _renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    placed = [ax.get_legend().get_window_extent(renderer)] if ax.get_legend() is not None else []
    left_out = 0
    for x, y, text, colour in zip(xs, ys, texts, colours):
        for dx, dy in _LABEL_OFFSETS:
            label = ax.annotate(plain(text), (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=fontsize,
                                color=colour, ha="left" if dx > 0 else "right", va="center")
            box = label.get_window_extent(renderer).expanded(1.05, 1.1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                if dy:  # a leader line back to the point
                    ax.annotate("", (x, y), xytext=(dx, dy), textcoords="offset points",
                                arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.5, "shrinkA": 0, "shrinkB": 2})
                break
            label.remove()
        else:
            left_out += 1
    return left_out


def article_lengths(articles: pd.DataFrame, compact_above: int = COMPACT_ABOVE) -> Figure:
    """Tokens of kept text per article, coloured by bloc: a labelled bar per article (ordered by
    bloc, then article id) up to `compact_above` articles, else one row of dots per bloc."""
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
    fig.suptitle(f"Length of each article: one dot per article ({len(data)} articles; box: middle half)")
    return fig


def removed_by_reason(counts: pd.DataFrame, compact_above: int = COMPACT_ABOVE) -> Figure:
    """Stacked bars: removed raw lines per article by reason (a table from `overview.removal_by_reason`).

    Above `compact_above` articles, the articles with most removed lines (ties by label) get a bar
    each and the rest one bar, "other k articles", so the figure keeps a readable size."""
    use_style()
    title = "What cleaning removed from each article, and why"
    if len(counts) > compact_above:
        order = counts.assign(_total=counts.sum(axis=1), _label=counts.index).sort_values(
            ["_total", "_label"], ascending=[False, True], kind="mergesort").index
        keep = compact_above - 1
        rest = counts.loc[order[keep:]]
        counts = pd.concat([counts.loc[order[:keep]],
                            rest.sum().to_frame(f"other {len(rest)} articles (sum)").T]).astype("int64")
        title = f"What cleaning removed, and why: the {keep} articles with most removed lines, the rest summed"
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
    fig.legend(title="reason", loc="outside right upper", fontsize=8)
    return fig


def _bloc_legend(ax, blocs, **kwargs) -> None:  # noqa: ANN001
    handles = [mpl.patches.Patch(color=bloc_colour(b), label=b) for b in sorted(set(blocs))]
    ax.legend(handles=handles, title="bloc", **kwargs)


def sentiment_distribution(frame: pd.DataFrame, column: str = "compound", seed: int = 0,
                           top: int = TOP_OUTLETS, max_dots: int = 2000) -> Figure:
    """Sentence scores by bloc (left) and by outlet (right): boxes with every sentence as a dot
    (vertical jitter drawn from `seed`, so the figure is the same run to run), and on the left each
    bloc's mean of article means with a 95% interval over articles (the unit of bloc comparisons).
    The right panel shows the `top` outlets with most articles (ties by name), the rest as "other".
    A row with more than `max_dots` sentences shows a random sample of that many as dots (its box,
    counts and interval use every sentence), and the axis label says so."""
    import seaborn as sns

    use_style()
    frame = frame.assign(_outlet=outlet_groups(frame, top))
    outlet_bloc = {o: (str(b.iloc[0]) if b.nunique() == 1 else "") for o, b in frame.groupby("_outlet")["bloc"]}
    other = [o for o in sorted(outlet_bloc) if o.startswith("other (") and o not in set(frame["outlet"])]
    named = frame[~frame["_outlet"].isin(other)].sort_values(["bloc", "_outlet"])["_outlet"].unique().tolist()
    order_outlets = named + other
    height = 0.5 * len(order_outlets) + 2.5
    fig, axes = plt.subplots(1, 2, figsize=(12, height), width_ratios=[1, 1.6], layout="constrained")
    for ax, by, order in ((axes[0], "bloc", sorted(frame["bloc"].unique())), (axes[1], "_outlet", order_outlets)):
        colours = {o: bloc_colour(o) if by == "bloc" else (bloc_colour(outlet_bloc[o]) if outlet_bloc[o] else MIXED)
                   for o in order}
        sns.boxplot(data=frame, x=column, y=by, order=order, palette=colours, hue=by, legend=False,
                    ax=ax, showfliers=False, boxprops={"alpha": 0.35}, width=0.6)
        rng = np.random.default_rng(seed)  # seaborn's stripplot jitters with the global RNG
        sampled = False
        for k, level in enumerate(order):
            values = frame.loc[frame[by] == level, column].to_numpy(float)
            if values.size > max_dots:  # tens of thousands of dots are one smear, and slow to draw
                values, sampled = values[np.sort(rng.choice(values.size, max_dots, replace=False))], True
            ax.scatter(values, k + rng.uniform(-0.22, 0.22, values.size), s=10, color=colours[level], alpha=0.7, zorder=3)
        if by == "bloc":
            article_means = frame.groupby(["bloc", "article_id"])[column].mean()
            for k, level in enumerate(order):
                mean, low, high = _mean_interval(article_means.loc[level].to_numpy())
                xerr = None if np.isnan(low) else [[mean - low], [high - mean]]
                ax.errorbar(mean, k, xerr=xerr, fmt="D", color="black", markersize=5, capsize=3, zorder=4)
        sentences = frame.groupby(by).size()
        articles = frame.groupby(by)["article_id"].nunique()
        ax.set_yticks(range(len(order)), [f"{plain(_wrap(o, 34))}\n({articles[o]} art., {sentences[o]} sent.)" for o in order],
                      fontsize=8 if by != "bloc" else 10)
        ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
        ax.set_xlabel("VADER compound per sentence (-1 to +1)"
                      + (f"\ndots: at most {max_dots:,} random sentences per row" if sampled else ""))
        ax.set_ylabel("")
    axes[0].set_title("By bloc (◆: mean of article means, 95% interval)", fontsize=10)
    n_outlets = frame["outlet"].nunique()
    axes[1].set_title("By outlet" if not other else f"By outlet: the {top} of {n_outlets} with most articles (ties by name)")
    if other:
        fig.legend(handles=[*_bloc_handles(frame["bloc"]), mpl.patches.Patch(color=MIXED, label="outlets of several blocs")],
                   title="bloc", loc="outside lower center", ncols=5, fontsize=9)
    return fig


def tone_along_article(paragraphs: pd.DataFrame, compact_above: int = COMPACT_ABOVE, bins: int = 10) -> Figure:
    """Mean paragraph tone in reading order: one panel per article (titled outlet · article id,
    ordered by bloc then id) up to `compact_above` articles; above, one panel per bloc with every
    article as a thin line and the bloc's mean of article means in `bins` position bins (95% band)."""
    use_style()
    order = paragraphs.drop_duplicates("article_id").sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = order.groupby("bloc").size().to_dict()
    if len(order) > compact_above:
        return _tone_by_bloc(paragraphs, counts, bins)
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
    fig.suptitle("Tone along each article, paragraph by paragraph (panel: outlet · article id)")
    return fig


def _tone_by_bloc(paragraphs: pd.DataFrame, counts: dict[str, int], bins: int) -> Figure:
    blocs = sorted(counts)
    ncols = min(2, len(blocs))
    nrows = -(-len(blocs) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(6 * ncols, 3.2 * nrows + 0.6), sharex=True, sharey=True,
                             squeeze=False, layout="constrained")
    edges = np.linspace(0, 1, bins + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    for ax, bloc in zip(axes.flat, blocs):
        part = paragraphs[paragraphs["bloc"] == bloc]
        colour = bloc_colour(bloc)
        ax.axhline(0, color="grey", linewidth=0.8, linestyle=":")
        for _, article in part.sort_values(["article_id", "position"]).groupby("article_id", sort=True):
            ax.plot(article["position"], article["mean"], color=colour, linewidth=0.6, alpha=0.35)
        cell = np.clip(np.digitize(part["position"], edges[1:-1]), 0, bins - 1)
        per_article = part.assign(_bin=cell).groupby(["_bin", "article_id"])["mean"].mean()
        stats = np.array([_mean_interval(per_article.loc[b].to_numpy()) if b in per_article.index.get_level_values(0)
                          else (np.nan,) * 3 for b in range(bins)])
        ax.fill_between(centres, stats[:, 1], stats[:, 2], color=colour, alpha=0.25, linewidth=0)
        ax.plot(centres, stats[:, 0], color="black", linewidth=1.8, marker="o", markersize=3.5)
        ax.set_title(f"{plain(bloc)} ({_n(counts[bloc])})", fontsize=10, color=colour)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-1.05, 1.05)
    _label_bottom_row(axes, len(blocs), "position in the article (0 = start, 1 = end)")
    for ax in axes[:, 0]:
        ax.set_ylabel("paragraph mean compound")
    line = mpl.lines.Line2D([], [], color="grey", linewidth=0.6, label="one article")
    mean = mpl.lines.Line2D([], [], color="black", marker="o", markersize=3.5, linewidth=1.8,
                            label=f"mean of article means in {bins} position bins (band: 95% interval over articles)")
    fig.legend(handles=[line, mean], loc="outside lower center", ncols=2, fontsize=9)
    fig.suptitle(f"Tone along the article, by bloc ({sum(counts.values())} articles)")
    return fig


def actor_heatmap(table: pd.DataFrame, min_n: int = 5) -> Figure:
    """Actor-by-bloc mean tone; each cell shows its mean and sentence count, thin cells hatched."""
    use_style()
    means = table.pivot(index="actor", columns="bloc", values="mean").sort_index()
    counts = table.pivot(index="actor", columns="bloc", values="n_sentences").reindex_like(means).fillna(0).astype(int)
    fig, ax = plt.subplots(figsize=(2.2 * len(means.columns) + 2.5, 0.7 * len(means) + 1.6))
    image = ax.imshow(means.to_numpy(float), cmap="PuOr", vmin=-0.6, vmax=0.6, aspect="auto")
    for i in range(means.shape[0]):
        for j in range(means.shape[1]):
            value, n = means.iat[i, j], counts.iat[i, j]
            text = "no sentences" if n == 0 else f"{value:+.2f}\nn={n}"
            ax.text(j, i, text, ha="center", va="center", fontsize=9, color="black")
            if 0 < n < min_n:
                ax.add_patch(mpl.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///", edgecolor="grey", linewidth=0))
    ax.set_xticks(range(len(means.columns)), means.columns)
    ax.set_yticks(range(len(means)), _plain_all(means.index))
    ax.set_xlabel("bloc of the outlet")
    ax.set_title(f"Tone of sentences that mention each actor (hatched: fewer than {min_n} sentences)")
    fig.colorbar(image, ax=ax, label="mean VADER compound")
    fig.tight_layout()
    return fig


def interval_plot(table: pd.DataFrame, group: str, title: str, xlabel: str = "mean VADER compound",
                  count: str = "n_sentences", interval: str = "95% bootstrap interval over sentences") -> Figure:
    """Means with bootstrap intervals, one row per (bloc, group), coloured by bloc, counts labelled."""
    use_style()
    table = table.sort_values(["bloc", group]).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(table) + 1.5))
    for y, row in table.iterrows():
        colour = bloc_colour(row["bloc"])
        ax.errorbar(row["mean"], y, xerr=[[row["mean"] - row["ci_low"]], [row["ci_high"] - row["mean"]]],
                    fmt="o", color=colour, capsize=3)
        values = table[["mean", "ci_low", "ci_high"]].to_numpy(float)
        span = max(float(np.nanmax(values) - np.nanmin(values)), 1e-9)
        right = row["ci_high"] if np.isfinite(row["ci_high"]) else row["mean"]  # no interval below the article rule
        ax.text(right + 0.02 * span, y, f"n={row[count]}", va="center", fontsize=9)
    ax.set_yticks(range(len(table)), [plain(f"{b} · {g}") for b, g in zip(table["bloc"], table[group])])
    ax.invert_yaxis()
    ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlabel(f"{xlabel} ({interval})")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def word_contributions(table: pd.DataFrame, top: int = 12, ncols: int = 2) -> Figure:
    """The lexicon words that move each bloc's score most (summed valence per 1,000 sentences):
    a panel per bloc, wrapped in `ncols` columns above three blocs, on one shared x scale."""
    use_style()
    blocs = sorted(table["bloc"].unique())
    ncols = len(blocs) if len(blocs) <= 3 else ncols
    nrows = -(-len(blocs) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(5.2 * ncols, (0.32 * top + 1.3) * nrows + 0.5), squeeze=False,
                             sharex=True, layout="constrained")
    for ax, bloc in zip(axes.flat, blocs):
        part = table[table["bloc"] == bloc].head(top).iloc[::-1]
        ax.barh(range(len(part)), part["per_1000_sentences"], color=bloc_colour(bloc))
        ax.set_yticks(range(len(part)), _plain_all(part["word"]))
        for y, (value, n) in enumerate(zip(part["per_1000_sentences"], part["n"])):
            ax.text(value, y, f" n={n} ", va="center", ha="left" if value >= 0 else "right", fontsize=8)
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.set_title(plain(bloc), color=bloc_colour(bloc))
    lo = min(ax.get_xlim()[0] for ax in axes.flat[: len(blocs)])
    hi = max(ax.get_xlim()[1] for ax in axes.flat[: len(blocs)])
    axes.flat[0].set_xlim(lo - 0.18 * (hi - lo), hi + 0.18 * (hi - lo))
    _label_bottom_row(axes, len(blocs), "summed VADER valence per 1,000 sentences")
    fig.suptitle(f"The {top} lexicon words that move each bloc's tone most (by |summed valence|; n: occurrences)")
    return fig


def raw_vs_neutral(raw: pd.DataFrame, neutral: pd.DataFrame) -> Figure:
    """Bloc means with intervals under the full lexicon and with topic terms set to zero."""
    use_style()
    fig, ax = plt.subplots(figsize=(7.5, 0.9 * len(raw) + 1.6))
    for offset, (table, label, marker) in enumerate(((raw, "full lexicon", "o"), (neutral, "topic terms set to 0", "s"))):
        for y, row in table.sort_values("bloc").reset_index(drop=True).iterrows():
            ax.errorbar(row["mean"], y + 0.18 * (offset * 2 - 1), xerr=[[row["mean"] - row["ci_low"]], [row["ci_high"] - row["mean"]]],
                        fmt=marker, color=bloc_colour(row["bloc"]), mfc="white" if offset else bloc_colour(row["bloc"]),
                        capsize=3, label=label if y == 0 else None)
    blocs = sorted(raw["bloc"])
    ax.set_yticks(range(len(blocs)), _plain_all(blocs))
    ax.invert_yaxis()
    ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlabel("bloc tone: mean of article means of VADER compound (95% two-level bootstrap)")
    ax.legend(loc="best")
    ax.set_title("How much of the tone is the topic's own vocabulary?")
    fig.tight_layout()
    return fig


def fightin_words(table: pd.DataFrame, a: str, b: str, threshold: float | None = None, top: int = 12) -> Figure:
    """The Fightin' Words plot: z of the log-odds against term frequency; the `top` terms of each
    bloc labelled in its colour, and dashed lines at the largest |z| that shuffled labels reach."""
    use_style()
    total = table[f"count_{a}"] + table[f"count_{b}"]
    fig, ax = plt.subplots(figsize=(9, 6.5))
    beyond = table["z"].abs() > (threshold if threshold is not None else 1.96)
    ax.scatter(total[~beyond], table.loc[~beyond, "z"], s=8, color="#BBBBBB", alpha=0.6, label="within noise")
    labelled = []
    for bloc, sign in ((a, 1), (b, -1)):
        mask = beyond & (np.sign(table["z"]) == sign)
        ax.scatter(total[mask], table.loc[mask, "z"], s=16, color=bloc_colour(bloc), label=plain(f"more {bloc}"))
        side = table[np.sign(table["z"]) == sign].assign(total=total, _abs=table["z"].abs())
        ranked = side.sort_values(["_abs", "term"], ascending=[False, True], kind="mergesort").head(top)
        ax.scatter(ranked["total"], ranked["z"], s=16, color=bloc_colour(bloc), zorder=3)
        labelled.append(ranked.assign(_colour=bloc_colour(bloc)))
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
    order = pd.concat(labelled).assign(_rank=lambda t: t.groupby("_colour").cumcount())
    order = order.sort_values(["_rank", "_abs", "term"], ascending=[True, False, True], kind="mergesort")
    left_out = _place_labels(ax, order["total"], order["z"], order["term"], order["_colour"])
    note = f" ({left_out} left out for lack of room)" if left_out else ""
    ax.set_title(plain(f"Distinctive words: {a} vs {b} (Monroe et al. 2008)\nthe {top} most distinctive terms "
                       f"of each bloc labelled{note}"))
    return fig


def term_map(table: pd.DataFrame, a: str, b: str, top: int = 15) -> Figure:
    """A static scattertext-style map: each term's rate in one bloc against the other (log-log),
    coloured from one bloc's colour to the other's by z, the most distinctive terms labelled."""
    use_style()
    ra, rb = table[f"rate_{a}"], table[f"rate_{b}"]
    floor = min(ra[ra > 0].min(), rb[rb > 0].min()) / 2
    x, y = rb.clip(lower=floor), ra.clip(lower=floor)
    cmap = mpl.colors.LinearSegmentedColormap.from_list("blocs", [bloc_colour(b), "#DDDDDD", bloc_colour(a)])
    limit = max(table["z"].abs().max(), 1e-9)
    fig, ax = plt.subplots(figsize=(8, 7.5))
    rng = np.random.default_rng(0)  # jitter so tied rates do not stack
    jitter = np.exp(rng.uniform(-0.06, 0.06, size=(2, len(table))))
    points = ax.scatter(x * jitter[0], y * jitter[1], c=table["z"], cmap=cmap, vmin=-limit, vmax=limit, s=10)
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
    fig.colorbar(points, ax=ax, label=plain(f"z (log-odds, {a} positive)"))
    fig.tight_layout()
    px, py = (x * jitter[0])[ranked], (y * jitter[1])[ranked]
    left_out = _place_labels(ax, px, py, table.loc[ranked, "term"], ["black"] * len(ranked))
    note = f" ({left_out} left out for lack of room)" if left_out else ""
    ax.set_title(plain(f"Term map: above the diagonal, more used by {a}\nthe {len(ranked)} most distinctive terms "
                       f"labelled{note}"))
    return fig


def marker_dots(rates: pd.DataFrame) -> Figure:
    """Dot plot of naming markers: rate per 1,000 tokens per bloc, grouped by what they name.

    `rates` has group, term, usage, bloc, rate_per_1000 (from `framing.marker_rates_by_bloc`)."""
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
    """Stacked bars: who is quoted in each bloc, as a share of quotes (or of quoted words)."""
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
    interval over articles, so the figure keeps its size however many articles there are."""
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


def k_grid(grid: pd.DataFrame, chosen: int) -> Figure:
    """The grid over k: coherence of NMF (and LDA, when the grid has it) topics, NMF reconstruction
    error, silhouettes; the number of units the grid was scored on in the title."""
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
    """Per topic: mean top-term similarity to its match when refitted on resampled documents."""
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
    empty table: a figure that says no topic was compared)."""
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
    image = ax.imshow(means.to_numpy(float), cmap="Greys", vmin=0, vmax=max(0.5, float(np.nanmax(means.to_numpy()))), aspect="auto")
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
    `max_points` units, a fixed random sample of them (said in the title), so the points stay legible."""
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
    topic_handles = [mpl.lines.Line2D([], [], color=OKABE_ITO[t % len(OKABE_ITO)], marker="o", linestyle="", label=l)
                     for t, l in enumerate(labels)]
    bloc_handles = [mpl.lines.Line2D([], [], color="grey", marker=markers[b % len(markers)], linestyle="", label=bloc)
                    for b, bloc in enumerate(bloc_names)]
    fig.subplots_adjust(left=0.08, right=0.6, bottom=0.1, top=0.92)
    fig.legend(handles=topic_handles, title="dominant topic", loc="upper left", bbox_to_anchor=(0.62, 0.92), fontsize=8)
    fig.legend(handles=bloc_handles, title="bloc", loc="lower left", bbox_to_anchor=(0.62, 0.1), fontsize=8)
    ax.set_xlabel("LSA dimension 1")
    ax.set_ylabel("LSA dimension 2")
    ax.set_title("Paragraphs in two dimensions" + (f" (a random {max_points:,} of {shown:,})" if shown > max_points else ""))
    return fig
