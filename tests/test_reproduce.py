"""Reproducibility: provenance of figures, paired scripts, byte-identical reruns."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import jupytext
import nbformat
import pandas as pd
from PIL import Image

from analysis import paths, plots, reproduce


def _fingerprint() -> str:
    articles = pd.read_parquet(paths.PROCESSED / "articles.parquet")
    return plots.set_provenance({"articles": articles})["corpus_sha256"]


def test_every_figure_is_in_the_manifest_with_its_provenance() -> None:
    with (paths.FIGURES / "MANIFEST.csv").open(encoding="utf-8") as handle:
        rows = {r["figure"]: r for r in csv.DictReader(handle)}
    pngs = sorted(p.stem for p in paths.FIGURES.glob("*.png"))
    assert sorted(rows) == pngs and len(pngs) >= 15
    fingerprint = _fingerprint()
    for name, row in rows.items():
        png = paths.FIGURES / f"{name}.png"
        assert row["png_sha256"] == hashlib.sha256(png.read_bytes()).hexdigest(), f"{name}: rerun make reproduce"
        assert row["corpus_sha256"] == fingerprint and "SEED=20240601" in row["parameters"]
        meta = json.loads(Image.open(png).info["Description"])
        assert meta["corpus_sha256"] == fingerprint and meta["analysis_version"] == row["analysis_version"]
        assert "corpus_sha256" in (paths.FIGURES / f"{name}.svg").read_text(encoding="utf-8")


def test_paired_scripts_match_the_notebooks() -> None:
    for notebook in reproduce.notebooks():
        script = jupytext.read(notebook.with_suffix(".py"))
        executed = nbformat.read(notebook, as_version=4)
        assert [c.source for c in script.cells] == [c.source for c in executed.cells], notebook.name


def test_executing_a_notebook_twice_gives_the_same_bytes(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A cheap version of `make check-reproducible`: notebook 00 executed twice, byte for byte,
    and equal to the committed copy."""
    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "figures"))
    source = reproduce.notebooks()[0]
    copies = []
    for n in range(2):
        copy = tmp_path / f"run{n}" / source.name
        copy.parent.mkdir()
        shutil.copy(source, copy)
        reproduce.execute_notebook(copy)
        copies.append(copy.read_bytes())
    assert copies[0] == copies[1] == source.read_bytes()


def test_rendered_pages_are_committed_and_current(tmp_path: Path) -> None:
    from analysis import render

    written = render.render_all(reproduce.notebooks(), tmp_path)
    for page in written:
        assert page.read_bytes() == (paths.ROOT / "reports" / "html" / page.name).read_bytes(), page.name
