"""The one figure style of the suite: colour-blind-safe colours, one fixed colour per bloc.

Every figure is saved by `save(fig, name)` under a stable name, as PNG and SVG with the
date and software metadata removed so the files are byte-identical run to run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis import paths

__all__ = ["BLOC_COLOURS", "OKABE_ITO", "article_lengths", "bloc_colour", "bloc_palette",
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


def save(fig: Figure, name: str, out: str | Path | None = None) -> None:
    """Write `figures/<name>.png` and `.svg` without timestamps (returns nothing, so a
    notebook cell ending in `save(...)` shows the figure and no machine-specific path)."""
    folder = Path(out) if out is not None else paths.FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    with mpl.rc_context({"svg.hashsalt": _STYLE["svg.hashsalt"]}):
        for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            fig.savefig(folder / f"{name}.{ext}", metadata=metadata, bbox_inches="tight")


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
