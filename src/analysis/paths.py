"""Project locations, found from the package file so nothing depends on the working directory."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The repository root: the first parent of this file holding `pyproject.toml`."""
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
