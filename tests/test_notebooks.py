"""Every published notebook executes top to bottom on the seed corpus and shows its figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from analysis import reproduce

NOTEBOOKS = reproduce.notebooks()


def test_notebooks_are_found_in_order() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert names == sorted(names) and names[0] == "00_corpus.ipynb"
    assert not any("exploratory" in str(p) for p in NOTEBOOKS)


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_shows_figures(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("MPLBACKEND", "Agg")  # execute_notebook must drop it, or figures vanish
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    reproduce.execute_notebook(copy)
    nb = nbformat.read(copy, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    saved = sorted((tmp_path / "figures").glob("*.png"))
    assert saved and len(images) >= len(saved)
    assert any("parameters" in c.metadata.get("tags", []) for c in code)


def test_a_failing_cell_is_named(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('boom')")]
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(RuntimeError, match=r"99_broken.ipynb: cell 2 failed"):
        reproduce.execute_notebook(path)
