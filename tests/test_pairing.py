"""Notebook pairs: an edit to either the reviewed .py or the .ipynb survives `reproduce`, whatever
the files' modification times say (a checkout resets them)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jupytext
import nbformat
import pytest

from analysis.pairing import PairingConflict, pair_scripts, sync_pairs

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NOTE = "\n# %% [markdown]\n# A note added in the .py file.\n"


def _paired(tmp_path: Path, stem: str = "04_results") -> tuple[Path, Path]:
    """A copy of a committed pair, paired as `reproduce` leaves it."""
    shutil.copy2(NOTEBOOKS / f"{stem}.ipynb", tmp_path / f"{stem}.ipynb")
    pair_scripts([tmp_path / f"{stem}.ipynb"])
    return tmp_path / f"{stem}.py", tmp_path / f"{stem}.ipynb"


def _make_older(path: Path) -> None:
    stamp = path.stat().st_mtime - 3600
    os.utime(path, (stamp, stamp))


def test_an_edit_to_the_script_reaches_the_notebook_even_when_the_notebook_looks_newer(tmp_path: Path) -> None:
    script, notebook_path = _paired(tmp_path)
    before = nbformat.read(notebook_path, as_version=4)
    script.write_text(script.read_text(encoding="utf-8") + NOTE, encoding="utf-8")
    _make_older(script)  # as after `git checkout -- notebook.ipynb`
    assert sync_pairs(tmp_path) == ["04_results.ipynb updated from 04_results.py"]
    after = nbformat.read(notebook_path, as_version=4)
    assert after.cells[-1].source == "A note added in the .py file." and len(after.cells) == len(before.cells) + 1
    assert [c.get("outputs") for c in after.cells if c.cell_type == "code"] == \
        [c.get("outputs") for c in before.cells if c.cell_type == "code"]
    assert after.metadata["jupytext"]["formats"] == "ipynb,py:percent"
    assert sync_pairs(tmp_path) == []  # now in step


def test_an_edit_to_the_notebook_reaches_the_script_even_when_the_script_looks_newer(tmp_path: Path) -> None:
    script, notebook_path = _paired(tmp_path)
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("Written in JupyterLab."))
    nbformat.write(notebook, notebook_path)
    _make_older(notebook_path)
    assert sync_pairs(tmp_path) == ["04_results.py updated from 04_results.ipynb (the notebook was edited)"]
    assert "# Written in JupyterLab." in script.read_text(encoding="utf-8")


def test_both_edited_differently_stops_and_names_the_files(tmp_path: Path) -> None:
    script, notebook_path = _paired(tmp_path)
    script.write_text(script.read_text(encoding="utf-8") + NOTE, encoding="utf-8")
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("Another edit."))
    nbformat.write(notebook, notebook_path)
    with pytest.raises(PairingConflict, match="both edited"):
        sync_pairs(tmp_path)
    assert "A note added" in script.read_text(encoding="utf-8")  # nothing was overwritten
    assert nbformat.read(notebook_path, as_version=4).cells[-1].source == "Another edit."


def test_a_pair_in_step_is_left_alone_and_a_new_script_gets_a_notebook(tmp_path: Path) -> None:
    script, notebook_path = _paired(tmp_path)
    first = notebook_path.read_bytes(), script.read_bytes()
    assert sync_pairs(tmp_path) == []
    assert (notebook_path.read_bytes(), script.read_bytes()) == first
    (tmp_path / "05_new.py").write_text("# %% [markdown]\n# # 05 · New\n\n# %%\nx = 1\n", encoding="utf-8")
    assert sync_pairs(tmp_path) == ["05_new.ipynb created from 05_new.py"]
    assert [c.source for c in jupytext.read(tmp_path / "05_new.ipynb").cells] == ["# 05 · New", "x = 1"]
    assert sync_pairs(tmp_path) == []
