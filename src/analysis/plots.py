"""The one figure style of the suite: colour-blind-safe colours, one fixed colour per bloc.

Every figure is saved by `save(fig, name)` under a stable name, as PNG and SVG with the
date and software metadata removed so the files are byte-identical run to run.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis import __version__, paths

__all__ = ["set_provenance", "BLOC_COLOURS", "OKABE_ITO", "article_lengths", "bloc_colour", "bloc_palette",
           "removed_by_reason", "save", "use_style"]

#: Okabe & Ito (2008) palette, safe for the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")

#: One colour per bloc, the same in every figure of the suite.
BLOC_COLOURS = {"russian": "#D55E00", "western": "#0072B2", "ukrainian": "#009E73"}

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
    """The fixed colour of a bloc; blocs the suite does not know get a stable spare colour."""
    bloc = str(bloc).lower()
    if bloc in BLOC_COLOURS:
        return BLOC_COLOURS[bloc]
    spare = [c for c in OKABE_ITO if c not in BLOC_COLOURS.values()]
    return spare[sum(map(ord, bloc)) % len(spare)]


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
    manifest = folder / "MANIFEST.csv"
    rows: dict[str, dict[str, str]] = {}
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as handle:
            rows = {r["figure"]: r for r in csv.DictReader(handle)}
    digest = lambda ext: hashlib.sha256((folder / f"{name}.{ext}").read_bytes()).hexdigest()  # noqa: E731
    rows[name] = {"figure": name, "png_sha256": digest("png"), "svg_sha256": digest("svg"), **_PROVENANCE}
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(MANIFEST_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows[k] for k in sorted(rows))


def article_lengths(articles: pd.DataFrame) -> Figure:
    """Horizontal bars: tokens of kept text per article, coloured by bloc, labelled with counts."""
    use_style()
    data = articles.sort_values(["bloc", "article_id"])
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(data) + 1.2))
    labels = [f"{o} ({d})" if pd.notna(d) else str(o) for o, d in zip(data["outlet"], data["published"])]
    bars = ax.barh(labels, data["n_tokens"], color=[bloc_colour(b) for b in data["bloc"]])
    ax.bar_label(bars, labels=[f"{n:,}" for n in data["n_tokens"]], padding=3, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel("article text kept after cleaning (word tokens)")
    handles = [mpl.patches.Patch(color=bloc_colour(b), label=b) for b in sorted(data["bloc"].unique())]
    ax.set_xlim(0, data["n_tokens"].max() * 1.15)
    ax.legend(handles=handles, title="bloc", bbox_to_anchor=(1.02, 1), loc="upper left")
    ax.set_title("Length of each article")
    fig.tight_layout()
    return fig


def removed_by_reason(counts: pd.DataFrame) -> Figure:
    """Stacked bars: removed raw lines per article by reason (a table from `overview.removal_by_reason`)."""
    use_style()
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(counts) + 1.6))
    left = pd.Series(0, index=counts.index, dtype="int64")
    colours = dict(zip(counts.columns, (OKABE_ITO * 3)[: len(counts.columns)]))
    hatches = ["", "//", "..", "xx"]
    for n, reason in enumerate(counts.columns):
        ax.barh(counts.index, counts[reason], left=left, color=colours[reason],
                hatch=hatches[n // len(OKABE_ITO)], label=reason, edgecolor="white", linewidth=0.5)
        left += counts[reason]
    for y, total in enumerate(left):
        ax.text(total + 0.3, y, str(int(total)), va="center", fontsize=9)
    ax.set_xlim(0, max(int(left.max()), 1) * 1.12)
    ax.invert_yaxis()
    ax.set_xlabel("raw lines removed (count)")
    ax.set_title("What cleaning removed from each article, and why")
    ax.legend(title="reason", bbox_to_anchor=(1.02, 1), loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


def _bloc_legend(ax, blocs, **kwargs) -> None:  # noqa: ANN001
    handles = [mpl.patches.Patch(color=bloc_colour(b), label=b) for b in sorted(set(blocs))]
    ax.legend(handles=handles, title="bloc", **kwargs)


def sentiment_distribution(frame: pd.DataFrame, column: str = "compound", seed: int = 0) -> Figure:
    """Sentence scores by bloc (left) and by outlet (right): boxes with every sentence as a dot
    (vertical jitter drawn from `seed`, so the figure is the same run to run)."""
    import seaborn as sns

    use_style()
    order_outlets = frame.sort_values(["bloc", "outlet"])["outlet"].unique().tolist()
    fig, axes = plt.subplots(1, 2, figsize=(11, 0.5 * len(order_outlets) + 2.5), width_ratios=[1, 1.6])
    for ax, by, order in ((axes[0], "bloc", sorted(frame["bloc"].unique())), (axes[1], "outlet", order_outlets)):
        colours = {o: bloc_colour(frame.loc[frame[by] == o, "bloc"].iloc[0]) for o in order}
        sns.boxplot(data=frame, x=column, y=by, order=order, palette=colours, hue=by, legend=False,
                    ax=ax, showfliers=False, boxprops={"alpha": 0.35}, width=0.6)
        rng = np.random.default_rng(seed)  # seaborn's stripplot jitters with the global RNG
        for k, level in enumerate(order):
            values = frame.loc[frame[by] == level, column].to_numpy(float)
            ax.scatter(values, k + rng.uniform(-0.22, 0.22, values.size), s=12, color=colours[level], alpha=0.8, zorder=3)
        counts = frame.groupby(by).size()
        ax.set_yticks(range(len(order)), [f"{o}\n(n={counts[o]} sentences)" for o in order], fontsize=9)
        ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
        ax.set_xlabel("VADER compound per sentence (-1 to +1)")
        ax.set_ylabel("")
    axes[0].set_title("By bloc")
    axes[1].set_title("By outlet")
    fig.tight_layout()
    return fig


def tone_along_article(paragraphs: pd.DataFrame) -> Figure:
    """One panel per article: mean paragraph tone in reading order, coloured by bloc."""
    use_style()
    articles = paragraphs.sort_values(["bloc", "article_id"])["article_id"].unique()
    ncols = min(3, len(articles))
    nrows = -(-len(articles) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4 * ncols, 2.6 * nrows), sharey=True, squeeze=False)
    for ax, article in zip(axes.flat, articles):
        part = paragraphs[paragraphs["article_id"] == article]
        colour = bloc_colour(part["bloc"].iloc[0])
        ax.axhline(0, color="grey", linewidth=0.8, linestyle=":")
        ax.plot(part["position"], part["mean"], color=colour, marker="o", markersize=3.5, linewidth=1.2)
        ax.set_title(f"{part['outlet'].iloc[0]}", fontsize=10, color=colour)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-1.05, 1.05)
    for ax in axes.flat[len(articles):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("mean compound\nof the paragraph")
    for ax in axes[-1, :]:
        ax.set_xlabel("position in the article (0 = start, 1 = end)")
    fig.suptitle("Tone along each article, paragraph by paragraph")
    fig.tight_layout()
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
    ax.set_yticks(range(len(means)), means.index)
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
        span = max(table["ci_high"].max() - table["ci_low"].min(), 1e-9)
        ax.text(row["ci_high"] + 0.02 * span, y, f"n={row[count]}", va="center", fontsize=9)
    ax.set_yticks(range(len(table)), [f"{b} · {g}" for b, g in zip(table["bloc"], table[group])])
    ax.invert_yaxis()
    ax.axvline(0, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xlabel(f"{xlabel} ({interval})")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def word_contributions(table: pd.DataFrame, top: int = 12) -> Figure:
    """The lexicon words that move each bloc's score most (summed valence per 1,000 sentences)."""
    use_style()
    blocs = sorted(table["bloc"].unique())
    fig, axes = plt.subplots(1, len(blocs), figsize=(5.2 * len(blocs), 0.32 * top + 1.8), squeeze=False)
    for ax, bloc in zip(axes[0], blocs):
        part = table[table["bloc"] == bloc].head(top).iloc[::-1]
        ax.barh(part["word"], part["per_1000_sentences"], color=bloc_colour(bloc))
        for y, (value, n) in enumerate(zip(part["per_1000_sentences"], part["n"])):
            ax.text(value, y, f" n={n} " if value >= 0 else f" n={n} ", va="center",
                    ha="left" if value >= 0 else "right", fontsize=8)
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.set_title(f"{bloc}: top {top} words by |summed valence|", color=bloc_colour(bloc))
        ax.set_xlabel("summed VADER valence per 1,000 sentences")
        lo, hi = ax.get_xlim()
        ax.set_xlim(lo - 0.15 * (hi - lo), hi + 0.15 * (hi - lo))
    fig.tight_layout()
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
    ax.set_yticks(range(len(blocs)), blocs)
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
    for bloc, sign in ((a, 1), (b, -1)):
        mask = beyond & (np.sign(table["z"]) == sign)
        ax.scatter(total[mask], table.loc[mask, "z"], s=16, color=bloc_colour(bloc), label=f"more {bloc}")
        side = table[np.sign(table["z"]) == sign].assign(total=total)
        ranked = side.loc[side["z"].abs().sort_values(ascending=False, kind="mergesort").index].head(top)
        ax.scatter(ranked["total"], ranked["z"], s=16, color=bloc_colour(bloc), zorder=3)
        for k, (_, row) in enumerate(ranked.sort_values(["total", "z"]).iterrows()):
            ax.annotate(row["term"], (row["total"], row["z"]), fontsize=8, color=bloc_colour(bloc),
                        xytext=(4, 7 * (k % 3 - 1)), textcoords="offset points", va="center")
    if threshold is not None:
        for y in (threshold, -threshold):
            ax.axhline(y, color="grey", linestyle="--", linewidth=0.8)
        ax.text(ax.get_xlim()[0], threshold, " largest |z| with shuffled blocs", fontsize=8, va="bottom", color="grey")
    ax.set_xscale("log")
    ax.set_xlabel("term frequency in both blocs (count, log scale)")
    ax.set_ylabel(f"z of the log-odds ratio ({a} positive, {b} negative)")
    ax.set_title(f"Distinctive words: {a} vs {b} (Monroe et al. 2008)")
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
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
    order = table["z"].abs().sort_values(ascending=False).index[: 2 * top]
    for i in order:
        ax.annotate(table.at[i, "term"], (x[i], y[i]), fontsize=8, xytext=(3, 2), textcoords="offset points")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xlabel(f"rate in {b} articles (per 1,000 terms, log)")
    ax.set_ylabel(f"rate in {a} articles (per 1,000 terms, log)")
    ax.set_title("Term map: above the diagonal, more used by " + a)
    fig.colorbar(points, ax=ax, label=f"z (log-odds, {a} positive)")
    fig.tight_layout()
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
    ax.set_yticks(range(len(terms)), [f"{g} · {t} {usage_mark.get(u, '')}" for g, t, u in
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
        ax.barh(pivot.index, pivot[group], left=left, color=colours[group], label=group, edgecolor="white")
        for y, (start, width) in enumerate(zip(left, pivot[group])):
            if width >= 0.06:
                ax.text(start + width / 2, y, f"{width:.0%}", ha="center", va="center", fontsize=8)
        left += pivot[group].to_numpy()
    ax.set_yticks(range(len(pivot)), [f"{b}\n({counts[b]} quotes)" for b in pivot.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel(value.replace("_", " "))
    ax.set_title("Who gets quoted")
    ax.legend(bbox_to_anchor=(1.02, 1), loc="upper left", fontsize=9, title="speaker group")
    fig.tight_layout()
    return fig


def framing_small_multiples(summary: pd.DataFrame, columns: list[str]) -> Figure:
    """One small panel per measure of the per-article framing summary, one dot per article."""
    use_style()
    ncols = 4
    nrows = -(-len(columns) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.2 * ncols, 2.2 * nrows), squeeze=False)
    order = summary.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    for ax, column in zip(axes.flat, columns):
        for y, row in order.iterrows():
            value = row[column]
            if pd.notna(value):
                ax.scatter(value, y, color=bloc_colour(row["bloc"]), s=24)
            else:
                ax.text(0.02, y, "n/a", transform=ax.get_yaxis_transform(), fontsize=7, va="center", color="grey")
        ax.set_title(column, fontsize=9)
        ax.set_yticks(range(len(order)), order["outlet"].str.slice(0, 18) if ax in axes[:, 0] else [""] * len(order), fontsize=7)
        ax.invert_yaxis()
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes.flat[len(columns):]:
        ax.set_visible(False)
    fig.suptitle("Per-article framing summary (one dot per article, coloured by bloc)")
    fig.tight_layout()
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
