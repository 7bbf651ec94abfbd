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
