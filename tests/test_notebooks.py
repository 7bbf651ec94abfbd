"""Every published notebook executes top to bottom on the seed corpus, with the blocs swapped, and
shows its figures (the README's own-corpus commands, with every default, run on a realistic corpus in
tests/test_readme_corpus.py)."""

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


#: What the seed-corpus execution of each notebook sets (beside its defaults): the blocs swapped, so
#: that every bloc table is recomputed for that order and none is relabelled from the pair `build` wrote
#: (notebook 02's keyness table comes from the per-article counts); in 03 a pair with a bloc the seeds
#: lack, which compares the two largest blocs, western and russian, the swapped pair too; fewer bootstrap
#: resamples where a notebook takes them. The defaults run in the README's realistic-corpus test
#: (tests/test_readme_corpus.py) and in `make reproduce`.
SEED_RUN = {"BLOCS": ("western", "russian"), "N_BOOT": 200}
SEED_RUN_03 = {"BLOCS": ("russian", "chinese"), "N_BOOT": 200}


def _parameter_names(source: Path) -> set[str]:
    """The names a notebook's `parameters` cell assigns."""
    import re

    nb = nbformat.read(source, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    return set(re.findall(r"^([A-Z_]+)\s*=", cell.source, re.M))


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_shows_figures(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notebook on the seeds, with the blocs swapped (`SEED_RUN`): no error, every figure it
    saves also shown, and every bloc table in the order asked for."""
    from analysis import overview, stats

    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("MPLBACKEND", "Agg")  # execute_notebook must drop it, or figures vanish
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    run = SEED_RUN_03 if source.stem == "03_topics" else SEED_RUN
    # (TABLES: notebook 04 writes the tables for a paper; left at its default, this run with the blocs swapped
    # overwrote the project's reports/tables)
    run = {**run, "TABLES": str(tmp_path / "tables")}
    parameters = {k: v for k, v in run.items() if k in _parameter_names(source)}
    assert "BLOCS" in parameters
    committed = {f.name: f.read_bytes() for f in (paths.ROOT / "reports" / "tables").glob("*")}
    reproduce.execute_notebook(copy, parameters=parameters)
    assert {f.name: f.read_bytes() for f in (paths.ROOT / "reports" / "tables").glob("*")} == committed
    if "TABLES" in parameters:
        assert "western - russian" in (tmp_path / "tables" / "summary.csv").read_text(encoding="utf-8")
    nb = nbformat.read(copy, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    saved = sorted((tmp_path / "figures").glob("*.png"))
    assert saved and len(images) >= len(saved)
    assert any("parameters" in c.metadata.get("tags", []) for c in code)
    shown = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/markdown", ""))
                      + str(o.get("data", {}).get("text/plain", "")) for c in code for o in c.outputs)
    if source.stem == "02_framing":
        assert "count_western" in shown and shown.index("count_western") < shown.index("count_russian")
    if source.stem == "03_topics":  # a bloc of BLOCS missing: the two largest, said so, no bloc left out
        articles = overview.read_tables(paths.ROOT / "data" / "processed")["articles"]
        assert stats.compared_blocs(articles["bloc"], ("russian", "chinese")) == ("western", "russian")
        assert "Compared: **western** (3 articles) against **russian** (2 articles)." in shown
        assert "Compared: western, russian. Left out: no bloc" in shown  # the topic prevalence of the same pair


def test_every_notebook_compares_the_pair_of_the_shared_rule() -> None:
    """No notebook picks its blocs by position in `BLOCS`: each that compares two takes
    `stats.compared_blocs` (through `framing.compared_blocs` in 02) over the blocs with kept text."""
    import re

    for source in NOTEBOOKS:
        code = source.with_suffix(".py").read_text(encoding="utf-8")
        assert not re.search(r"BLOCS\s*\[", code), source.name
        if "bloc_difference(" in code or "bloc_contrasts(" in code:
            rule = r"(stats|framing)\.compared_blocs\(stats\.blocs_with_text\(tables\[\"articles\"\]\), BLOCS\)"
            assert re.search(rule, code), source.name


def test_a_failing_cell_is_named(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('boom')")]
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(RuntimeError, match=r"99_broken.ipynb: cell 2 failed"):
        reproduce.execute_notebook(path)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="the kernel's peak memory is read from /proc (Linux)")
def test_execute_notebook_returns_the_kernels_peak_memory(tmp_path: Path) -> None:
    """`execute_notebook` gives the kernel's high-water mark (what `reproduce` prints for each notebook):
    a cell that holds 400 MB raises it by about that much over an empty notebook's, even when the
    memory is freed before the last cell, and when that cell is the last (read as each cell has run,
    not as it is sent to the kernel)."""
    def peak(*sources: str) -> int | None:
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
        path = tmp_path / f"n{len(list(tmp_path.iterdir()))}.ipynb"
        nbformat.write(nb, path)
        return reproduce.execute_notebook(path)

    held = "x = bytearray(400 * 2**20)\nx[::4096] = b'y' * len(x[::4096])\ndel x"
    small, large, last = peak("x = 1", "1 + 1"), peak(held, "1 + 1"), peak("1 + 1", held)
    assert small is not None and large is not None and last is not None
    assert 350 <= large - small <= 600 and 350 <= last - small <= 600, (small, large, last)


@pytest.mark.slow
def test_notebook_kernels_use_the_systems_allocator_for_arrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`execute_notebook` starts kernels with Arrow on the system's allocator (its own kept the memory the
    tables read released: a higher peak), unless the user chose another."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pyarrow as pa\nprint(pa.default_memory_pool().backend_name)")]
    path = tmp_path / "pool.ipynb"
    for chosen, expected in ((None, "system"), ("mimalloc", "mimalloc")):
        if chosen is None:
            monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
        else:
            monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", chosen)
        nbformat.write(nb, path)
        reproduce.execute_notebook(path)
        assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"].strip() == expected
