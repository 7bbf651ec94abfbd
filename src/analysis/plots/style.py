"""The one figure style of the suite: colour-blind-safe colours, one fixed colour per bloc.

Every figure is saved by `save(fig, name)` under a stable name, as PNG and SVG with the
date and software metadata removed so the files are byte-identical run to run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.collections import Collection
from matplotlib.figure import Figure

from analysis import __version__, paths
from analysis.locks import locked

#: Okabe & Ito (2008) palette, safe for the common colour-vision deficiencies.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")

#: One colour per bloc, the same in every figure of the suite.
BLOC_COLOURS = {"russian": "#D55E00", "western": "#0072B2", "ukrainian": "#009E73", "other": "#CC79A7"}
#: Colours for any other bloc label a user's corpus brings: Okabe-Ito's orange and sky blue, then
#: Paul Tol's wine and olive (colour-blind safe too), in place of Okabe-Ito's black (the colour of
#: means, text and edges) and yellow (unreadable as text or thin marks on white). `bloc_colour` gives
#: them, in order, to the corpus's other labels sorted by name (`set_provenance` records them), so
#: two blocs of one corpus never share one while there are enough; a label it was not told of gets
#: one by a hash of its name.
SPARE_COLOURS = ("#E69F00", "#56B4E9", "#882255", "#999933")
_CORPUS_BLOCS: list[str] = []  # the corpus's bloc labels outside BLOC_COLOURS, sorted (set_provenance)
#: Figures with a row, panel or tick per article switch to a compact form above this many articles.
COMPACT_ABOVE = 30
#: Figures with a row per outlet show this many outlets (most articles first) and group the rest.
TOP_OUTLETS = 12
#: Most dots in one row of a dot-per-article figure: above it, a seeded random sample of this many
#: (and the row says so); 50,000 dots are one smear, and an SVG of them weighs megabytes.
MAX_ROW_DOTS = 2000
#: Horizontal boxes: `orientation` from matplotlib 3.10 on (`vert` is deprecated there), `vert` before.
_HORIZONTAL = ({"orientation": "horizontal"} if tuple(int(p) for p in mpl.__version__.split(".")[:2]) >= (3, 10)
               else {"vert": False})
#: The colour of groups that mix blocs (e.g. "other (k outlets)").
MIXED = "#888888"
#: Colours for every meaning that is not a bloc (stable and unstable topics, speaker groups, model
#: scores, topics on the map): greys, dark to light, none of them a bloc colour, a spare colour
#: or `MIXED`. Series beyond four greys add a hatch (`OTHER_HATCHES`) or a line style, never a hue.
OTHER_COLOURS = ("#222222", "#666666", "#A0A0A0", "#D4D4D4")
#: Hatches that tell apart more non-bloc series than `OTHER_COLOURS` can (`other_style`).
OTHER_HATCHES = ("", "////", "....", "xxxx")

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
    """Apply the suite's matplotlib settings (called by every plotting function).

    Parameters
    ----------
    None

    Returns
    -------
    None
        `matplotlib.rcParams` is updated in place.
    """
    mpl.rcParams.update(_STYLE)


def bloc_colour(bloc: str) -> str:
    """The fixed colour of a bloc: `BLOC_COLOURS` for the suite's blocs; any other label gets one of
    `SPARE_COLOURS`: by its rank among the corpus's other labels (`register_blocs`, which
    `set_provenance` calls), so that the blocs of one corpus get distinct colours, the same in every
    figure; a label not registered, or beyond the spare colours, by the SHA-256 of the lower-cased label.

    Parameters
    ----------
    bloc : the bloc label, in any case.

    Returns
    -------
    str
        A hex colour, e.g. ``"#D55E00"`` for "russian".
    """
    bloc = str(bloc).lower()
    if bloc in BLOC_COLOURS:
        return BLOC_COLOURS[bloc]
    if bloc in _CORPUS_BLOCS and _CORPUS_BLOCS.index(bloc) < len(SPARE_COLOURS):
        return SPARE_COLOURS[_CORPUS_BLOCS.index(bloc)]
    return SPARE_COLOURS[int(hashlib.sha256(bloc.encode()).hexdigest(), 16) % len(SPARE_COLOURS)]


def register_blocs(blocs: Iterable[str]) -> None:
    """Tell `bloc_colour` the bloc labels of the corpus at hand: those outside `BLOC_COLOURS` take the
    spare colours in the order of their sorted (lower-cased) names. Replaces what was registered before.

    Parameters
    ----------
    blocs : the corpus's bloc labels (repeats and missing values are fine).
    """
    _CORPUS_BLOCS[:] = sorted({str(b).lower() for b in blocs if b is not None and b == b} - set(BLOC_COLOURS))


def bloc_palette(blocs: Iterable[str]) -> dict[str, str]:
    """A {bloc: colour} mapping for seaborn's `palette=` argument.

    Parameters
    ----------
    blocs : bloc labels (repeats are fine).

    Returns
    -------
    dict of str to str
        Each distinct bloc, in sorted order, with its `bloc_colour`.
    """
    return {b: bloc_colour(b) for b in sorted(set(blocs))}


def other_style(k: int) -> dict[str, str]:
    """The look of the k-th series that is not a bloc: a grey of `OTHER_COLOURS`, then, after every
    four series, the next hatch of `OTHER_HATCHES`, so eight to sixteen series stay apart without hue.

    Parameters
    ----------
    k : the series' position, from 0.

    Returns
    -------
    dict of str to str
        color (a grey), hatch ("" for the first four series) and text (black or white, readable on
        the grey).
    """
    colour = OTHER_COLOURS[k % len(OTHER_COLOURS)]
    return {"color": colour, "hatch": OTHER_HATCHES[(k // len(OTHER_COLOURS)) % len(OTHER_HATCHES)],
            "text": "white" if colour in OTHER_COLOURS[:2] else "black"}


def message_figure(message: str, title: str | None = None) -> Figure:
    """A figure that says, in words, why there is nothing to draw (an empty table on this corpus),
    so that a notebook goes on and its reader sees the reason where the figure would be.

    Parameters
    ----------
    message : what is missing and why, shown wrapped in the middle.
    title : the figure's title, if any.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import textwrap

    import matplotlib.pyplot as plt

    use_style()
    fig, ax = plt.subplots(figsize=(7, 1.6))
    ax.axis("off")
    ax.text(0.5, 0.5, textwrap.fill(message, 80), ha="center", va="center", fontsize=9)
    if title:
        fig.suptitle(title, fontsize=10)
    return fig


_PROVENANCE: dict[str, str] = {"corpus_sha256": "", "parameters": "", "analysis_version": __version__}
#: Where `save` writes when not told: set by `set_provenance` from the notebook's `OUT` (None: `paths.FIGURES`).
_FOLDER: Path | None = None
MANIFEST_COLUMNS = ("figure", "png_sha256", "svg_sha256", "corpus_sha256", "parameters", "analysis_version")


def set_provenance(tables: dict[str, pd.DataFrame] | None = None, **parameters: object) -> dict[str, str]:
    """Record what every figure saved from now on comes from: the corpus fingerprint (SHA-256 over
    each article's id and the SHA-256 of its raw text), the notebook's parameters, the version.

    Parameters
    ----------
    tables : the built tables (`overview.read_tables`); only article_id, text_sha256 and bloc of
        ``tables["articles"]`` are read (the blocs for `register_blocs`). None keeps the corpus
        fingerprint and blocs recorded before.
    **parameters : the notebook's parameters, recorded as ``name=repr(value)`` in name order. With
        ``OUT`` (the build the notebook reads), figures saved from now on go to that build's figures
        folder (`paths.figures_for`: ``figures/`` for the project's own build, else ``OUT/figures``).

    Returns
    -------
    dict of str to str
        A copy of the provenance now in force: corpus_sha256, parameters, analysis_version.
    """
    global _FOLDER
    _FOLDER = paths.figures_for(parameters["OUT"]) if parameters.get("OUT") is not None else None
    if tables is not None:
        articles = tables["articles"].sort_values("article_id")
        digest = hashlib.sha256()
        for article_id, text_sha in zip(articles["article_id"], articles["text_sha256"]):
            digest.update(f"{article_id}\t{text_sha}\n".encode())
        _PROVENANCE["corpus_sha256"] = digest.hexdigest()
        if "bloc" in articles:
            register_blocs(articles["bloc"])
    _PROVENANCE["parameters"] = "; ".join(f"{k}={v!r}" for k, v in sorted(parameters.items()))
    return dict(_PROVENANCE)


#: Collections with more marks than this (a scatter's dots, a collection's lines or shapes) are
#: drawn as an embedded image in the SVG, at `savefig.dpi`; text, axes, ticks, lines (curves,
#: means) and intervals stay vector. On 100,000 articles the per-article dot figures held 88,000
#: dots each, SVGs of 9.7 MB that are slow to open and to place in a paper (435 KB now). The PNG
#: is the same either way. A few dozen articles' dots stay vector; the grey cloud of a keyness
#: figure's terms becomes an image from a few hundred terms on (48 generated articles).
SVG_RASTER_LIMIT = 200


def _marks(collection: Collection) -> int:
    """How many marks a collection draws: its offsets (a scatter's dots) or its paths."""
    return max(len(collection.get_offsets()), len(collection.get_paths()))


@contextmanager
def _dense_rasterized(fig: Figure) -> Iterator[None]:
    """The figure's collections of more than `SVG_RASTER_LIMIT` marks set to be rasterized in
    vector output for the block, then set back as they were."""
    dense = [c for ax in fig.axes for c in ax.collections if not c.get_rasterized() and _marks(c) > SVG_RASTER_LIMIT]
    for collection in dense:
        collection.set_rasterized(True)
    try:
        yield
    finally:
        for collection in dense:
            collection.set_rasterized(False)


def save(fig: Figure, name: str, out: str | Path | None = None) -> None:
    """Write `figures/<name>.png` and `.svg` without timestamps, with provenance in the files'
    metadata and a row in `figures/MANIFEST.csv` (returns nothing, so a notebook cell ending in
    `save(...)` shows the figure and no machine-specific path). In the SVG, collections of more
    than `SVG_RASTER_LIMIT` marks are an embedded image (the rest stays vector).

    Parameters
    ----------
    fig : the figure.
    name : the file name without extension, the same run to run (e.g. ``"sentiment_along_article"``).
    out : the folder; None for the figures folder of the build `set_provenance` was given (its
        ``OUT``), else `paths.FIGURES` (``figures/``, or ``$ANALYSIS_FIGURES`` when set).

    Returns
    -------
    None
    """
    folder = Path(out) if out is not None else _FOLDER if _FOLDER is not None else paths.FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    description = json.dumps(_PROVENANCE, sort_keys=True)
    png_meta = {"Software": None, "Description": description, "Source": f"analysis {__version__}"}
    svg_meta = {"Date": None, "Creator": None, "Description": description, "Source": f"analysis {__version__}"}
    with mpl.rc_context({"svg.hashsalt": _STYLE["svg.hashsalt"]}):
        fig.savefig(folder / f"{name}.png", metadata=png_meta, bbox_inches="tight")
        with _dense_rasterized(fig):
            fig.savefig(folder / f"{name}.svg", metadata=svg_meta, bbox_inches="tight")
    _update_manifest(folder, name)


def _update_manifest(folder: Path, name: str) -> None:
    """Set `name`'s row of the folder's MANIFEST.csv (rows sorted by figure). Notebooks executed at
    the same time (`reproduce`) update one manifest: the read and the write hold a lock (a file in
    the temporary folder, named for this folder), and the new file replaces the old in one step, so
    no row is lost and no reader sees half a file."""
    from analysis.schema import escape_cell, unescape_cell  # (the CSV cell rule of every table the project writes)

    manifest = folder / "MANIFEST.csv"
    digest = lambda ext: hashlib.sha256((folder / f"{name}.{ext}").read_bytes()).hexdigest()  # noqa: E731
    row = {"figure": name, "png_sha256": digest("png"), "svg_sha256": digest("svg"), **_PROVENANCE}
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    with locked(Path(tempfile.gettempdir()) / f"analysis-figures-{key}.lock"):
        rows: dict[str, dict[str, str]] = {}
        if manifest.is_file():
            with manifest.open(encoding="utf-8", newline="") as handle:
                rows = {r["figure"]: {k: unescape_cell(v) for k, v in r.items()} for r in csv.DictReader(handle)}
        rows[name] = row
        partial = manifest.with_name(f".MANIFEST.csv.{os.getpid()}")
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(MANIFEST_COLUMNS), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: escape_cell(v) for k, v in rows[k].items()} for k in sorted(rows))
        os.replace(partial, manifest)
