"""Notebook pairs: an edit to either the reviewed .py or the .ipynb survives `reproduce`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jupytext
import nbformat

from analysis.reproduce import sync_pairs

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _copy(tmp_path: Path, stem: str = "01_sentiment") -> tuple[Path, Path]:
    for suffix in (".py", ".ipynb"):
        shutil.copy2(NOTEBOOKS / f"{stem}{suffix}", tmp_path / f"{stem}{suffix}")
    return tmp_path / f"{stem}.py", tmp_path / f"{stem}.ipynb"


def _age(path: Path, seconds: float) -> None:
    """Make `path` look modified `seconds` ago."""
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_an_edit_to_the_script_reaches_the_notebook_and_keeps_the_other_outputs(tmp_path: Path) -> None:
    script, notebook_path = _copy(tmp_path)
    before = nbformat.read(notebook_path, as_version=4)
    script.write_text(script.read_text(encoding="utf-8") + "\n# %% [markdown]\n# A note added in the .py file.\n",
                      encoding="utf-8")
    _age(notebook_path, 60)
    said = sync_pairs(tmp_path)
    after = nbformat.read(notebook_path, as_version=4)
    assert said == ["01_sentiment.ipynb updated from 01_sentiment.py"]
    assert after.cells[-1].source == "A note added in the .py file."
    assert len(after.cells) == len(before.cells) + 1
    code_outputs = [c.get("outputs") for c in before.cells if c.cell_type == "code"]
    assert [c.get("outputs") for c in after.cells if c.cell_type == "code"] == code_outputs
    assert after.metadata["jupytext"]["formats"] == "ipynb,py:percent"


def test_an_edit_to_the_notebook_reaches_the_script(tmp_path: Path) -> None:
    script, notebook_path = _copy(tmp_path)
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("Written in JupyterLab."))
    nbformat.write(notebook, notebook_path)
    _age(script, 60)
    assert sync_pairs(tmp_path) == ["01_sentiment.py updated from 01_sentiment.ipynb (the newer file)"]
    assert "# Written in JupyterLab." in script.read_text(encoding="utf-8")


def test_a_pair_in_step_is_left_alone_and_a_new_script_gets_a_notebook(tmp_path: Path) -> None:
    script, notebook_path = _copy(tmp_path)
    sync_pairs(tmp_path)  # adds the pairing metadata once
    first = notebook_path.read_bytes(), script.read_bytes()
    assert sync_pairs(tmp_path) == []
    assert (notebook_path.read_bytes(), script.read_bytes()) == first
    (tmp_path / "04_new.py").write_text("# %% [markdown]\n# # 04 · New\n\n# %%\nx = 1\n", encoding="utf-8")
    assert sync_pairs(tmp_path) == ["04_new.ipynb created from 04_new.py"]
    created = jupytext.read(tmp_path / "04_new.ipynb")
    assert [c.source for c in created.cells] == ["# 04 · New", "x = 1"]
