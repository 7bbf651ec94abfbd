"""Project locations, found from the package file so nothing depends on the working directory."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def project_root() -> Path:
    """The repository root: the first parent of this file holding `pyproject.toml`.

    Returns
    -------
    pathlib.Path
        That folder, or the working directory for an installed (non-editable) package.
    """
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "analysis").is_dir():
            return parent
    return Path.cwd()


ROOT = project_root()
RAW = ROOT / "data" / "raw"
PROCESSED = ROOT / "data" / "processed"
#: Where `plots.save` writes; the environment variable lets tests and other runs redirect it.
FIGURES = Path(os.environ.get("ANALYSIS_FIGURES", ROOT / "figures"))
NOTEBOOKS = ROOT / "notebooks"
#: Where notebook 04 writes the tables for a paper, for the project's own build.
PAPER_TABLES = ROOT / "reports" / "tables"


def _build_folder(out: str | Path | None, project: Path, name: str) -> Path:
    """`project` for the project's own build (`data/processed`, or `out` None), else the folder
    `name` inside `out` (a relative `out` is under the project root): the layout `reproduce --out` writes."""
    if out is None:
        return project
    path = Path(out) if Path(out).is_absolute() else ROOT / out
    return project if path.resolve() == PROCESSED.resolve() else path / name


def figures_for(out: str | Path | None) -> Path:
    """Where the figures of the build in `out` are saved: `$ANALYSIS_FIGURES` when set; the project's
    `figures/` for its own build (`data/processed`) or when `out` is None; else `out/figures`, as
    `reproduce --out` lays them out. A notebook pointed at another build (its `OUT`) thus leaves the
    committed seed figures, and the figures of any other build, as they were.

    Parameters
    ----------
    out : the build's folder (a relative path is under the project root), or None.

    Returns
    -------
    pathlib.Path
        The figures folder.
    """
    if os.environ.get("ANALYSIS_FIGURES"):
        return Path(os.environ["ANALYSIS_FIGURES"])
    return _build_folder(out, ROOT / "figures", "figures")


def paper_tables_for(out: str | Path | None) -> Path:
    """Where notebook 04 writes the tables for a paper when its `TABLES` is not set.

    Parameters
    ----------
    out : the build the tables come from, as in `figures_for`.

    Returns
    -------
    pathlib.Path
        ``reports/tables/`` for the project's own build, else ``out/tables``.
    """
    return _build_folder(out, PAPER_TABLES, "tables")


def resource_text(name: str, path: str | Path | None = None) -> str:
    """The text of a packaged resource file, or of the user's own file in its place.

    The one loader of `resources/` (word lists, cue tables, dictionaries, validation codes), so a
    wheel install and an editable one read the same bytes.

    Parameters
    ----------
    name : path of the file below `analysis/resources/`, e.g. ``"markers.csv"`` or
        ``"validation/sentiment_gold.csv"``.
    path : a file of the user's to read instead (same format), or None for the packaged one.

    Returns
    -------
    str
        The file's text, decoded as UTF-8.
    """
    if path is not None:
        return Path(path).read_text(encoding="utf-8")
    return (resources.files("analysis") / "resources" / name).read_text(encoding="utf-8")
