"""Reproducibility: provenance of figures, paired scripts, byte-identical reruns."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from pathlib import Path

import jupytext
import nbformat
import pandas as pd
import pytest
from PIL import Image

from analysis import kernels, paths, plots, reproduce


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


def test_an_executed_kernel_builds_no_widgets_and_the_caller_keeps_its_environment(tmp_path: Path) -> None:
    import os

    from analysis import display

    notebook = _notebook(tmp_path / "w.ipynb", "from analysis import display\nprint(display.widgets_wanted())")
    assert os.environ.get(display.STATIC_ENV) is None
    reproduce.execute_notebook(notebook)
    printed = [o["text"] for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    assert printed == ["False\n"]  # the kernel shows static tables
    assert os.environ.get(display.STATIC_ENV) is None and display.widgets_wanted()


@pytest.mark.skipif(os.name != "posix", reason="socket-file kernels are POSIX only (elsewhere TCP, as before)")
def test_a_notebook_kernel_talks_over_socket_files_and_is_shut_down(tmp_path: Path, capfd, monkeypatch) -> None:  # noqa: ANN001
    # (over TCP every kernel warned that its messages went unencrypted; a kernel manager passed to
    # nbclient is not shut down unless asked, and would outlive its notebook)
    import tempfile

    short = Path(tempfile.mkdtemp(prefix="k", dir="/tmp"))  # (pytest's own folders are too long for a socket path)
    monkeypatch.setattr(tempfile, "tempdir", str(short))
    notebook = _notebook(tmp_path / "k.ipynb", "import json, os, ipykernel.connect\n"
                                               "info = json.load(open(ipykernel.connect.get_connection_file()))\n"
                                               "print(info['transport'], os.getpid())")
    reproduce.execute_notebook(notebook)
    printed = [o["text"] for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    transport, pid = printed[0].split()
    assert transport == "ipc"
    assert "without encryption" not in capfd.readouterr().err
    with pytest.raises(ProcessLookupError):  # (the kernel process has ended)
        os.kill(int(pid), 0)
    assert list(short.iterdir()) == []  # (its socket files removed)
    monkeypatch.undo()
    short.rmdir()


def test_a_kernel_uses_tcp_where_a_socket_path_would_be_too_long(tmp_path: Path) -> None:
    long = tmp_path / ("x" * 60)
    assert kernels.kernel_manager(long).transport == "tcp"
    assert kernels.kernel_manager(Path("/tmp/k")).transport == ("ipc" if os.name == "posix" else "tcp")


def test_rendered_pages_are_committed_and_current(tmp_path: Path) -> None:
    from analysis import render

    # the repository's layout in miniature, so links relative to notebooks/ come out as in reports/html
    shutil.copytree(paths.ROOT / "docs", tmp_path / "docs")
    (tmp_path / "notebooks").mkdir()
    copies = [Path(shutil.copy(nb, tmp_path / "notebooks" / nb.name)) for nb in reproduce.notebooks()]
    written = render.render_all(copies, tmp_path / "reports" / "html")
    for page in written:
        assert page.read_bytes() == (paths.ROOT / "reports" / "html" / page.name).read_bytes(), page.name


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {path.stem}\n\n**Question.** Does {path.stem} run?")]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in sources]
    nb.cells[1].metadata["tags"] = ["parameters"]
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{n}"
    nbformat.write(nb, path)
    return path


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_notebook_does_not_stop_the_others(tmp_path: Path, monkeypatch, capsys, jobs: int) -> None:  # noqa: ANN001
    """Every notebook is executed and rendered, each failure is listed with its cell, exit status 1
    (notebooks one at a time, and two at a time in their own processes)."""
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 0)  # the build is not what this test is about
    monkeypatch.setattr(reproduce, "_check_tables", lambda out: None)  # nor the check of its manifest
    monkeypatch.setattr(reproduce, "_unmet_needs", lambda out: {})
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "00_first.ipynb", "CORPUS = 'x'\nOUT = 'y'", "print('first ran', 6 * 7)")
    broken = _notebook(folder / "01_broken.ipynb", "CORPUS = 'x'\nOUT = 'y'", "x = 1", "raise ValueError('boom')",
                       "print('never')")
    stale = nbformat.read(broken, as_version=4)  # outputs an earlier run left (the seeds' numbers, say)
    stale.cells[-1].outputs = [nbformat.v4.new_output("stream", name="stdout", text="seed result 0.187\n")]
    nbformat.write(stale, broken)
    _notebook(folder / "02_dies.ipynb", "CORPUS = 'x'\nOUT = 'y'", "import os\nos._exit(3)")
    _notebook(folder / "03_last.ipynb", "CORPUS = 'x'\nOUT = 'y'", "print('last ran')")
    out = tmp_path / "out"
    status = reproduce.main(corpus=str(tmp_path / "corpus.jsonl"), out=str(out), notebooks_dir=folder, timeout=120,
                            notebook_jobs=jobs)
    err = capsys.readouterr().err
    assert status == 1
    assert "01_broken.ipynb: cell 4 failed: ValueError: boom" in err
    assert "02_dies.ipynb: cell 3 failed: DeadKernelError" in err
    assert "00_first" not in err and "03_last" not in err
    # executed copies: markdown, parameters, injected parameters, then the notebook's other cells
    first = nbformat.read(out / "notebooks" / "00_first.ipynb", as_version=4)
    assert "first ran 42" in first.cells[3].outputs[0]["text"]
    last = nbformat.read(out / "notebooks" / "03_last.ipynb", as_version=4)
    assert "last ran" in last.cells[3].outputs[0]["text"]
    broken = nbformat.read(out / "notebooks" / "01_broken.ipynb", as_version=4)
    assert broken.cells[4].outputs[0]["ename"] == "ValueError" and not broken.cells[5].get("outputs")  # (no stale output)
    assert "seed result" not in (out / "html" / "01_broken.html").read_text(encoding="utf-8")
    html = {p.name: p.read_text(encoding="utf-8") for p in (out / "html").glob("*.html")}
    assert sorted(html) == ["00_first.html", "01_broken.html", "02_dies.html", "03_last.html", "index.html"]
    assert "boom" in html["01_broken.html"] and "DeadKernelError" in html["02_dies.html"]
    assert "FAILED: cell 4 failed: ValueError: boom" in html["index.html"]
    assert html["index.html"].count("FAILED") == 2
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in
                   nbformat.read(folder / "01_broken.ipynb", as_version=4).cells)  # sources left alone


def test_a_failing_build_stops_the_run(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 2)
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "00_first.ipynb", "CORPUS = 'x'", "print('ran')")
    status = reproduce.main(corpus=str(tmp_path / "c.jsonl"), out=str(tmp_path / "out"), notebooks_dir=folder)
    assert status == 2 and "step 1 (build)" in capsys.readouterr().err
    assert not (tmp_path / "out" / "notebooks").exists()


def test_the_build_step_reports_as_the_build_command(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """The build step calls the library with the command's defaults and reports as `python -m analysis build`."""
    missing = tmp_path / "missing.jsonl"
    status = reproduce.main(corpus=str(missing), out=str(tmp_path / "out"), notebooks_dir=tmp_path)
    err = capsys.readouterr().err
    assert status == 2 and f"error: {missing}: no such file or folder" in err and "step 1 (build)" in err


def test_reproduce_parses_no_command_line_and_does_not_import_cli() -> None:
    """One parser (cli.py, which imports reproduce): reproduce neither imports cli nor argparse."""
    import ast

    tree = ast.parse((paths.ROOT / "src" / "analysis" / "reproduce.py").read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {f"{n.module}.{a.name}" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    assert not any(name == "argparse" or name.startswith("analysis.cli") for name in imported), imported


def _save_figures(folder: str, names: list[str]) -> None:
    """Save a small figure under each name into `folder` (run in another process)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis import plots

    for name in names:
        fig, ax = plt.subplots(figsize=(1, 1))
        ax.plot([0, 1], [0, len(name)])
        plots.save(fig, name, out=folder)
        plt.close(fig)


def test_figures_saved_by_processes_at_once_all_reach_the_manifest(tmp_path: Path) -> None:
    """Notebooks executed at the same time (`reproduce`) save into one folder: no manifest row is
    lost and every row's digests are those of its files."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    names = [[f"p{p}_figure_{n:02d}" for n in range(12)] for p in range(4)]
    with ProcessPoolExecutor(max_workers=4, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_save_figures, [str(tmp_path)] * 4, names))
    with (tmp_path / "MANIFEST.csv").open(encoding="utf-8") as handle:
        rows = {r["figure"]: r for r in csv.DictReader(handle)}
    assert sorted(rows) == sorted(n for part in names for n in part)
    for name, row in rows.items():
        assert row["png_sha256"] == hashlib.sha256((tmp_path / f"{name}.png").read_bytes()).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix not in (".png", ".svg")) == ["MANIFEST.csv"]


def test_notebooks_two_at_a_time_write_the_same_bytes_as_one_at_a_time(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The order notebooks end in changes no output: executed copies, figures, manifest and pages."""
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 0)
    monkeypatch.setattr(reproduce, "_check_tables", lambda out: None)
    monkeypatch.setattr(reproduce, "_unmet_needs", lambda out: {})
    folder = tmp_path / "nbs"
    folder.mkdir()
    draw = ("import matplotlib.pyplot as plt\nfrom analysis import plots\nfor n in range(3):\n"
            "    fig, ax = plt.subplots(figsize=(2, 2)); ax.plot([0, n, 1])\n    plots.save(fig, f'{NAME}_{n}')\n"
            "    plt.close(fig)\nprint(NAME, 'saved')")
    for n in range(4):
        _notebook(folder / f"0{n}_draws.ipynb", "CORPUS = 'x'\nOUT = 'y'", f"NAME = 'nb{n}'\n" + draw)
    outputs = {}
    for jobs in (2, 1):
        out = tmp_path / "out"  # (the same folder both times: figures record OUT)
        shutil.rmtree(out, ignore_errors=True)
        assert reproduce.main(corpus=str(tmp_path / "c.jsonl"), out=str(out), notebooks_dir=folder, timeout=120,
                              notebook_jobs=jobs) == 0
        outputs[jobs] = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert outputs[1] == outputs[2] and len([k for k in outputs[1] if k.endswith(".png")]) == 12
    manifest = outputs[2]["figures/MANIFEST.csv"].decode()
    assert all(f"nb{n}_{k}," in manifest for n in range(4) for k in range(3))


def test_a_run_on_another_corpus_passes_tables_only_to_a_notebook_that_declares_it(tmp_path: Path,
                                                                                   monkeypatch) -> None:  # noqa: ANN001
    """OUT and CORPUS go to every notebook; TABLES (where notebook 04 writes the tables for a paper) is
    `OUT/tables`, and goes only to a notebook whose parameters cell assigns it: no other gets a stray name."""
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 0)
    monkeypatch.setattr(reproduce, "_check_tables", lambda out: None)
    monkeypatch.setattr(reproduce, "_unmet_needs", lambda out: {})
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "00_plain.ipynb", "CORPUS = 'x'\nOUT = 'y'", "print('TABLES' in dir(), OUT)")
    _notebook(folder / "01_tables.ipynb", "CORPUS = 'x'\nOUT = 'y'\nTABLES = 'reports/tables'", "print(TABLES)")
    out = tmp_path / "out"
    assert reproduce.main(corpus=str(tmp_path / "c.jsonl"), out=str(out), notebooks_dir=folder, timeout=120,
                          notebook_jobs=1) == 0
    printed = {nb: "".join(o.get("text", "") for c in nbformat.read(out / "notebooks" / nb, as_version=4).cells
                           if c.cell_type == "code" for o in c.get("outputs", []))
               for nb in ("00_plain.ipynb", "01_tables.ipynb")}
    assert printed["00_plain.ipynb"].strip() == f"False {out}"
    assert printed["01_tables.ipynb"].strip() == str(out / "tables")


def test_notebooks_run_one_at_a_time_where_two_kernels_would_not_fit(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(kernels.os, "cpu_count", lambda: 2)
    gb = 2**30
    assert kernels.kernel_memory(100_000) == pytest.approx(5.18 * gb, rel=0.02)  # (the measured 5.04 GB, and a margin)
    assert kernels.default_notebook_jobs() == 2  # (corpus or memory unknown: by cores)
    assert kernels.default_notebook_jobs(100_000, 16 * gb) == 2
    assert kernels.default_notebook_jobs(100_000, 12 * gb) == 1
    assert kernels.default_notebook_jobs(1_000, 4 * gb) == 2
    monkeypatch.setattr(kernels.os, "cpu_count", lambda: 1)
    assert kernels.default_notebook_jobs(1_000, 64 * gb) == 1
    assert kernels.machine_memory() is None or kernels.machine_memory() > 2**28


@pytest.mark.parametrize(("memory", "parallel"), [(2**40, True), (2**30, False)])
def test_reproduce_sizes_its_notebook_jobs_to_the_memory(tmp_path: Path, monkeypatch, capsys, memory: int,  # noqa: ANN001
                                                         parallel: bool) -> None:
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 0)
    monkeypatch.setattr(reproduce, "_check_tables", lambda out: None)
    monkeypatch.setattr(reproduce, "_unmet_needs", lambda out: {})
    monkeypatch.setattr(kernels.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(reproduce, "machine_memory", lambda: memory)
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"corpus": {"articles": 20_000}, "tables": {}}), encoding="utf-8")
    folder = tmp_path / "nbs"
    folder.mkdir()
    for name in ("00_a", "01_b"):
        _notebook(folder / f"{name}.ipynb", "CORPUS = 'x'\nOUT = 'y'", "print('ran')")
    assert reproduce.main(corpus=str(tmp_path / "c.jsonl"), out=str(out), notebooks_dir=folder, timeout=120) == 0
    printed = capsys.readouterr().out
    assert ("run 2 at a time" in printed) is parallel
    assert ("notebooks run one at a time: on 20,000 articles a notebook's kernel may need about 1.3 GB" in printed) \
        is not parallel


def test_reproduce_refuses_fewer_than_one_notebook_job(capsys) -> None:  # noqa: ANN001
    from analysis.cli import main

    assert main(["reproduce", "--notebook-jobs", "0"]) == 2
    assert "--notebook-jobs must be at least 1, not 0" in capsys.readouterr().err


def test_notebooks_that_compare_blocs_are_skipped_on_a_corpus_with_one_bloc(tmp_path: Path, monkeypatch, capsys) -> None:  # noqa: ANN001
    """With fewer than two blocs that kept text, a notebook that calls `compared_blocs` is skipped, says why, leaves
    no executed copy (an earlier run's is removed) and no page; the others run; the exit status is 0."""
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 0)
    monkeypatch.setattr(reproduce, "_check_tables", lambda out: None)
    monkeypatch.setattr(reproduce, "_unmet_needs", lambda out: {"compared_blocs": "it compares two blocs, and the "
                        "corpus has 1 bloc(s) with kept text (western); give the articles a second bloc"})
    folder = tmp_path / "nbs"
    folder.mkdir()
    _notebook(folder / "00_describe.ipynb", "CORPUS = 'x'\nOUT = 'y'", "print('described')")
    _notebook(folder / "01_compare.ipynb", "CORPUS = 'x'\nOUT = 'y'", "a, b = stats.compared_blocs(['x'], BLOCS)")
    out = tmp_path / "out"
    (out / "notebooks").mkdir(parents=True)
    (out / "notebooks" / "01_compare.ipynb").write_text("{}", encoding="utf-8")  # an earlier run's copy
    status = reproduce.main(corpus=str(tmp_path / "corpus.jsonl"), out=str(out), notebooks_dir=folder, timeout=120,
                            notebook_jobs=1)
    printed = capsys.readouterr().out
    assert status == 0
    assert ("execute 01_compare.ipynb: skipped: it compares two blocs, and the corpus has 1 bloc(s) with kept text "
            "(western)") in printed
    assert sorted(p.name for p in (out / "notebooks").iterdir()) == ["00_describe.ipynb"]
    assert sorted(p.name for p in (out / "html").glob("*.html")) == ["00_describe.html", "index.html"]
    assert reproduce._calls(paths.NOTEBOOKS / "01_sentiment.ipynb", "compared_blocs")  # (what marks such a notebook)
    assert not reproduce._calls(paths.NOTEBOOKS / "00_corpus.ipynb", "compared_blocs")


def test_reproduce_lenient_builds_leniently(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """`reproduce --lenient` builds as `build --lenient` does (the build's errors suggest --lenient to skip a bad
    article, so the command that builds must take it); without it the build is strict."""
    from analysis.cli import main

    seen = []
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: seen.append(lenient) or 2)
    for flags in (["--lenient"], []):
        assert main(["reproduce", "--corpus", str(tmp_path / "c.jsonl"), "--out", str(tmp_path / "out"), *flags]) == 2
    assert seen == [True, False]


def test_what_a_corpus_cannot_give_the_notebooks(monkeypatch) -> None:  # noqa: ANN001
    """Two blocs with kept text and a fitted topic model: nothing unmet. One bloc with text (the other's articles
    emptied by cleaning) and an empty topic grid: both needs unmet, each with its reason."""
    from analysis import overview

    articles = pd.DataFrame({"bloc": ["russian", "russian", "western"], "n_sentences": [4, 2, 0]})
    grid = pd.DataFrame({"k": [2], "nmf_npmi": [0.1]})
    monkeypatch.setattr(overview, "read_tables", lambda out: {"articles": articles, "topic_grid": grid})
    assert reproduce._unmet_needs(Path("out")) == {"compared_blocs": "it compares two blocs, and the corpus has 1 "
                                                   "bloc(s) with kept text (russian); give the articles a second bloc"}
    monkeypatch.setattr(overview, "read_tables", lambda out: {"articles": articles.assign(n_sentences=3),
                                                              "topic_grid": grid.iloc[:0]})
    assert list(reproduce._unmet_needs(Path("out"))) == ["require_topics"]
    monkeypatch.setattr(overview, "read_tables", lambda out: {"articles": articles.assign(n_sentences=3),
                                                              "topic_grid": grid})
    assert reproduce._unmet_needs(Path("out")) == {}


def test_notebooks_start_longest_first_and_every_published_one_has_a_typical_time(tmp_path: Path, monkeypatch,
                                                                                   capsys) -> None:  # noqa: ANN001
    """Two at a time, the notebooks are handed to the pool longest first (by the benchmark's times), so
    that a short notebook, not notebook 02, runs alone at the end; their numbers in the log stay in file
    order, and a notebook without a typical time starts last."""
    import concurrent.futures

    assert sorted(reproduce.TYPICAL_SECONDS) == [nb.name for nb in reproduce.notebooks()]
    started: list[str] = []

    class Pool:  # runs each step at once, in the order it is handed over
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            pass

        def __enter__(self):  # noqa: ANN204
            return self

        def __exit__(self, *exc) -> None:  # noqa: ANN002
            pass

        def submit(self, function, *args):  # noqa: ANN001, ANN002, ANN202
            started.append(args[1][0].name)
            future = concurrent.futures.Future()
            future.set_result((0, "exit status 0", None, 0.0, ""))
            return future

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(reproduce, "_build", lambda corpus, out, lenient: 0)
    monkeypatch.setattr(reproduce, "_check_tables", lambda out: None)
    monkeypatch.setattr(reproduce, "_unmet_needs", lambda out: {})
    monkeypatch.setattr(reproduce, "render_html", lambda executed, html_dir, failures: None)
    folder = tmp_path / "nbs"
    folder.mkdir()
    for name in ("00_corpus", "01_sentiment", "02_framing", "03_topics", "04_results", "05_mine"):
        _notebook(folder / f"{name}.ipynb", "CORPUS = 'x'\nOUT = 'y'")
    assert reproduce.main(corpus=str(tmp_path / "c.jsonl"), out=str(tmp_path / "out"), notebooks_dir=folder,
                          notebook_jobs=2) == 0
    assert started == ["02_framing.ipynb", "01_sentiment.ipynb", "00_corpus.ipynb", "04_results.ipynb",
                       "03_topics.ipynb", "05_mine.ipynb"]
    log = capsys.readouterr().out
    assert "[5/9] execute 02_framing.ipynb" in log and "[8/9] execute 05_mine.ipynb" in log
