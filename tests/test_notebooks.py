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


def test_whole_suite_runs_on_a_corpus_passed_as_a_parameter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's own corpus (a JSON Lines export with three blocs) through build and every notebook."""
    import json

    import pandas as pd

    from analysis import paths

    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "unused"))
    paragraphs = pd.read_parquet(paths.PROCESSED / "paragraphs.parquet")
    body = paragraphs[paragraphs["kind"] == "body"]["text"].tolist()
    rows = []
    for n in range(6):
        bloc = ("russian", "western", "ukrainian")[n % 3]
        text = "\n\n".join([f"Headline number {n} on the peace talks", "Share", *body[n * 7:(n + 1) * 7]])
        rows.append({"article_id": f"u{n}", "outlet": f"Outlet {n % 4}", "bloc": bloc, "text": text})
    corpus = tmp_path / "my_articles.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "my_results"
    assert reproduce.main(corpus=str(corpus), out=str(out)) == 0
    for source in NOTEBOOKS:
        nb = nbformat.read(out / "notebooks" / source.name, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and str(out) in injected[0].source
        assert not any(o.get("output_type") == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert (out / "figures" / "sentiment_by_bloc_and_outlet.png").is_file()
    assert (out / "articles.parquet").is_file()
    committed = nbformat.read(NOTEBOOKS[0], as_version=4)  # the committed notebooks are left alone
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in committed.cells)
