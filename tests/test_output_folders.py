"""Where a notebook pointed at another build (its `OUT`) writes figures and the tables for a paper:
next to that build, as `reproduce --out` lays them out, never over the project's committed outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis import overview, paths, plots, reproduce, summary  # noqa: E402

ROOT = paths.ROOT


def _committed(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.glob("*")) if f.is_file()}


def test_the_project_build_keeps_the_project_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANALYSIS_FIGURES", raising=False)
    for out in ("data/processed", paths.PROCESSED, str(paths.PROCESSED) + "/", None):
        assert paths.figures_for(out) == ROOT / "figures"
        assert paths.paper_tables_for(out) == ROOT / "reports" / "tables"


def test_another_build_gets_folders_of_its_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANALYSIS_FIGURES", raising=False)
    assert paths.figures_for(tmp_path / "mine") == tmp_path / "mine" / "figures"
    assert paths.paper_tables_for(tmp_path / "mine") == tmp_path / "mine" / "tables"
    assert paths.figures_for("my_results") == ROOT / "my_results" / "figures"  # (relative: under the project root, as OUT)
    assert paths.paper_tables_for("data/processed_2") == ROOT / "data" / "processed_2" / "tables"


def test_the_environment_variable_still_decides_the_figures(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "elsewhere"))
    assert paths.figures_for(tmp_path / "mine") == tmp_path / "elsewhere"
    assert paths.figures_for("data/processed") == tmp_path / "elsewhere"


def test_figures_follow_the_out_given_to_set_provenance(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANALYSIS_FIGURES", raising=False)
    before = _committed(ROOT / "figures")
    try:
        plots.set_provenance(None, OUT=str(tmp_path / "build"), SEED=1)
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1])
        plots.save(fig, "probe_figure")
        plt.close(fig)
        assert (tmp_path / "build" / "figures" / "probe_figure.png").is_file()
        assert "probe_figure" in (tmp_path / "build" / "figures" / "MANIFEST.csv").read_text(encoding="utf-8")
        assert _committed(ROOT / "figures") == before
        plots.set_provenance(None, SEED=1)  # no OUT: the default folder again
        assert plots.style._FOLDER is None
    finally:
        plots.set_provenance(None)


def test_paper_tables_follow_out_when_no_folder_is_given(tmp_path: Path) -> None:
    tables = overview.read_tables(ROOT / "data" / "processed")
    contrasts = summary.bloc_contrasts(tables, "russian", "western", n_boot=50)
    before = _committed(ROOT / "reports" / "tables")
    written = summary.write_paper_tables(tables, "russian", "western", None, contrasts=contrasts, out=tmp_path / "b")
    assert written and all(p.parent == tmp_path / "b" / "tables" for p in written)
    assert _committed(ROOT / "reports" / "tables") == before


@pytest.mark.slow
def test_a_notebook_pointed_at_another_build_leaves_the_committed_outputs(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Path) -> None:
    """Notebook 04 with only OUT changed (as a user would in JupyterLab or with papermill): its
    figures and tables go to OUT/figures and OUT/tables; figures/ and reports/tables/ keep their bytes."""
    monkeypatch.delenv("ANALYSIS_FIGURES", raising=False)
    build = tmp_path / "build"
    shutil.copytree(ROOT / "data" / "processed", build, ignore=shutil.ignore_patterns(".cache"))
    copy = tmp_path / "04_results.ipynb"
    shutil.copy(ROOT / "notebooks" / "04_results.ipynb", copy)
    figures, tables = _committed(ROOT / "figures"), _committed(ROOT / "reports" / "tables")
    reproduce.execute_notebook(copy, parameters={"OUT": str(build), "N_BOOT": 50})
    assert sorted(p.name for p in (build / "tables").glob("*.csv")) == ["corpus.csv", "keyness_top.csv", "summary.csv"]
    assert sorted((build / "figures").glob("*.png")) and (build / "figures" / "MANIFEST.csv").is_file()
    assert _committed(ROOT / "figures") == figures
    assert _committed(ROOT / "reports" / "tables") == tables
