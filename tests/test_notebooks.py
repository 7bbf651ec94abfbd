"""Every published notebook executes top to bottom on the seed corpus and shows its figures, and
the README's own-corpus commands run end to end on a realistic generated corpus (48 articles,
4 blocs, 41 outlets, plus an article full of HTML)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from analysis import paths, reproduce

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


def test_every_notebook_compares_the_pair_of_the_shared_rule() -> None:
    """No notebook picks its blocs by position in `BLOCS`: each that compares two takes
    `stats.compared_blocs` (through `framing.compared_blocs` in 02)."""
    import re

    for source in NOTEBOOKS:
        code = source.with_suffix(".py").read_text(encoding="utf-8")
        assert not re.search(r"BLOCS\s*\[", code), source.name
        if "bloc_difference(" in code or "bloc_contrasts(" in code:
            rule = r"(stats|framing)\.compared_blocs\(tables\[\"articles\"\]\[\"bloc\"\], BLOCS\)"
            assert re.search(rule, code), source.name


def test_topics_notebook_compares_the_two_largest_blocs_when_one_of_blocs_is_absent(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With a bloc of `BLOCS` missing from the seeds, notebook 03 compares western and russian (the
    two largest, as 01, 02 and 04 do), says so, and leaves no bloc out of the topic difference."""
    from analysis import overview, stats

    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "figures"))
    source = next(p for p in NOTEBOOKS if p.stem == "03_topics")
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    reproduce.execute_notebook(copy, parameters={"OUT": str(paths.ROOT / "data" / "processed"),
                                                 "BLOCS": ("russian", "chinese")})
    articles = overview.read_tables(paths.ROOT / "data" / "processed")["articles"]
    assert stats.compared_blocs(articles["bloc"], ("russian", "chinese")) == ("western", "russian")
    nb = nbformat.read(copy, as_version=4)
    shown = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/markdown", ""))
                      + str(o.get("data", {}).get("text/plain", ""))
                      for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Compared: **western** (3 articles) against **russian** (2 articles)." in shown
    assert "Compared: western, russian. Left out: no bloc" in shown  # the topic prevalence of the same pair


def test_a_failing_cell_is_named(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('boom')")]
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(RuntimeError, match=r"99_broken.ipynb: cell 2 failed"):
        reproduce.execute_notebook(path)
