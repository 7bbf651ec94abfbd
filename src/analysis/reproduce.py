"""Reproduce every output: build the processed tables, then execute the notebooks (notebook 04 also
writes the tables for a paper), two at a time where there are two cores (each in its own process: they
only read the built tables, and the figure manifest they share is updated under a lock), then render HTML.

Notebooks run headless with nbclient on the kernel named `python3`, bound to the Python
running this command; timing metadata is not recorded and the hash seed is fixed, so two
runs give the same executed notebooks, whichever order they end in. A failing notebook does not stop the others: every
notebook is executed and rendered (a failed one with its error showing), every failure is
listed at the end with the notebook and the failing cell, and the exit status is 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from analysis import paths
from analysis.display import STATIC_ENV
from analysis.kernels import default_notebook_jobs, kernel_manager, kernel_memory, machine_memory
from analysis.pairing import pair_scripts, sync_pairs

__all__ = ["NotebookFailure", "TYPICAL_SECONDS", "execute_notebook", "longest_first", "main", "notebooks"]


class NotebookFailure(RuntimeError):
    """A notebook that did not execute to the end: which one, which cell, and the error."""

    def __init__(self, notebook: str, cell: int | None, error: str, detail: str = "") -> None:
        self.notebook, self.cell, self.error = notebook, cell, error
        where = f"cell {cell}" if cell is not None else "before any cell"
        super().__init__(f"{notebook}: {where} failed: {error}" + (f"\n{detail}" if detail else ""))


def notebooks(folder: Path | None = None) -> list[Path]:
    """The published notebooks in run order (`NN_name.ipynb`; `exploratory/` is never run).

    Parameters
    ----------
    folder : the folder to look in (default: notebooks/).

    Returns
    -------
    The notebooks' paths, sorted by name.
    """
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def execute_notebook(path: Path, *, parameters: dict[str, object] | None = None, output: Path | None = None,
                     timeout: int = 1200, keep_failed: bool = False,
                     on_cell: Callable[[int, str, int | None], object] | None = None) -> int | None:
    """Execute a notebook on the `python3` kernel and write it (in place unless `output` is given).

    `parameters` override the assignments of the cell tagged `parameters`, as papermill does:
    a cell tagged `injected-parameters` is added right after it. A failure raises `NotebookFailure`
    naming the cell (numbered from 1 as in the source notebook); with `keep_failed` the notebook is written
    first, up to and including the failing cell's error, so it can be read and rendered. Every code
    cell's outputs are cleared first, so the cells after a failing one show nothing, not an earlier run's.

    Parameters
    ----------
    path : the notebook to execute.
    parameters : values for the names the `parameters` cell assigns, or None.
    output : where to write the executed notebook (default: over `path`).
    timeout : seconds each cell may run.
    keep_failed : write the notebook also when a cell fails.
    on_cell : called as each code cell has run, with its index, its source and the kernel's peak so far
        (MB, or None): `benchmarks/cell_memory.py` finds the cell that sets a notebook's peak with it.

    Returns
    -------
    The kernel's peak resident memory in MB (None where the system does not say: `kernel_peak_mb`);
    the executed notebook is written, and a failure raises `NotebookFailure`.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    if parameters:
        at = next((n for n, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), -1)
        source = "# Parameters passed to this run\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
        cell["id"] = "injected-parameters"
        nb.cells.insert(at + 1, cell)
    for cell in nb.cells:  # (a cell a failure never reaches must not show the outputs of an earlier run: the
        if cell.get("cell_type") == "code":  # seeds' numbers under a user's corpus)
            cell["outputs"], cell["execution_count"] = [], None
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    os.environ["PYTHONHASHSEED"] = "0"  # inherited by the kernel process
    # (Arrow's own allocator keeps the memory a table read released, and later steps pile on top of it: with the
    # system's, notebooks 01 and 02 peaked 14% and 8% lower on 10,000 generated articles; a user's choice stands)
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    os.environ.pop("MPLBACKEND", None)  # an Agg backend would drop figures from the notebook
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    started: list[int] = []  # index of each cell as it starts: the last one is where a dead kernel died
    peaks: list[int] = []  # the kernel's peak memory so far, read as each cell has run
    kernel_dir = tempfile.mkdtemp(prefix="analysis-kernel-")
    manager = kernel_manager(Path(kernel_dir))
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False, km=manager,
        resources={"metadata": {"path": str((output or path).parent)}},
        on_cell_start=lambda cell, cell_index: started.append(cell_index),
        # (on_cell_executed: after the kernel's reply; on_cell_complete runs as the cell is sent, before it runs,
        # which left the last cell out)
        on_cell_executed=lambda cell, cell_index, execute_reply: ran(cell_index, cell.source),
    )

    def ran(index: int, source: str) -> None:
        peak = kernel_peak_mb(manager)
        peaks.append(peak or 0)
        if on_cell is not None:
            on_cell(index, source, peak)

    before = os.environ.get(STATIC_ENV)
    os.environ[STATIC_ENV] = "1"  # the kernel shows static tables, not widgets (display.STATIC_ENV)
    try:
        client.execute(cleanup_kc=True)  # (a kernel manager passed in is not shut down unless asked)
    except Exception as exc:  # noqa: BLE001 - a cell error, a dead kernel (e.g. out of memory), a timeout
        failure = _failure(nb, path.name, exc, started[-1] if started else None)
        if keep_failed:
            nb.metadata.pop("widgets", None)
            _stable_widget_ids(nb)
            nbformat.write(nb, output or path)
        raise failure from exc
    finally:
        shutil.rmtree(kernel_dir, ignore_errors=True)
        if before is None:
            os.environ.pop(STATIC_ENV, None)
        else:
            os.environ[STATIC_ENV] = before
    nb.metadata.pop("widgets", None)
    _stable_widget_ids(nb)
    nbformat.write(nb, output or path)
    return (max(peaks) or None) if peaks else None


def kernel_peak_mb(manager: object) -> int | None:
    """The peak resident memory of the kernel a jupyter_client kernel manager started, so far: its
    high-water mark, from /proc (Linux).

    Parameters
    ----------
    manager : the kernel's manager (jupyter_client), with the kernel running.

    Returns
    -------
    MB, or None elsewhere than Linux, or where the kernel's process is unknown or gone.
    """
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    pid = getattr(process, "pid", None)
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except (OSError, ValueError, IndexError):
        return None
    return None


def _peak_line(peak: int | None) -> None:
    """Says how much memory a notebook's kernel took at its peak (`reproduce` prints it before "done in")."""
    if peak:
        print(f"      kernel peak memory {peak:,} MB", flush=True)


def _failure(nb, name: str, exc: Exception, last_started: int | None) -> NotebookFailure:  # noqa: ANN001
    """The failing cell of a partly executed notebook: the one with an error output, else the last
    cell started (the kernel died or timed out in it), which is given an error output to show.

    Cells are numbered from 1 as in the source notebook: an injected parameters cell is not counted."""
    def number(index: int) -> int:
        return 1 + sum(1 for c in nb.cells[:index] if "injected-parameters" not in c.get("metadata", {}).get("tags", []))

    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return NotebookFailure(name, number(index),
                                       f"{output.get('ename', '')}: {output.get('evalue', '')}".strip(": "), str(exc))
    import nbformat

    text = str(exc).strip()
    error = f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}".rstrip(": ")
    if last_started is None:
        return NotebookFailure(name, None, error)
    nb.cells[last_started].setdefault("outputs", []).append(nbformat.v4.new_output(
        "error", ename=type(exc).__name__, evalue=text[:2000] or "the kernel stopped in this cell",
        traceback=[f"{type(exc).__name__}: {text[:2000] or 'the kernel stopped in this cell'}"]))
    return NotebookFailure(name, number(last_started), error)


def _stable_widget_ids(nb) -> None:  # noqa: ANN001
    """Widget views get random model ids; number them by cell so reruns are byte-identical.

    (The widget state is not saved, so a rendered copy shows the cell's text fallback.)"""
    for cell in nb.cells:
        views = [o["data"]["application/vnd.jupyter.widget-view+json"] for o in cell.get("outputs", [])
                 if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
        for n, view in enumerate(views):
            view["model_id"] = f"{cell.get('id', 'cell')}-{n}"


def _execute_fresh(path: Path, parameters: dict[str, object], output: Path, timeout: int) -> None:
    """`execute_notebook` with `parameters` to `output` (its failing cell kept), removing an old copy
    first so none is left from an earlier run."""
    output.unlink(missing_ok=True)
    _peak_line(execute_notebook(path, parameters=parameters, output=output, timeout=timeout, keep_failed=True))


def _parameter_names(path: Path) -> set[str]:
    """The names the notebook's cell tagged `parameters` assigns (none without such a cell)."""
    import ast

    cell = next((c for c in _cells(path) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if cell is None:
        return set()
    tree = ast.parse("".join(cell.get("source", [])))
    return {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}


def render_html(executed: list[Path], out_dir: Path, failed: dict[str, str] | None = None) -> None:
    """Render the executed notebooks that exist and an index to `out_dir` (a failed notebook is
    rendered with its error and marked in the index); fail if a page needs the network.

    Parameters
    ----------
    executed : the executed notebooks (those missing are skipped and named).
    out_dir : the folder for the pages and index.html.
    failed : failure messages by notebook file name, shown in the index.

    Returns
    -------
    Nothing; a page that loads from the network raises RuntimeError.
    """
    from analysis import render

    present = [p for p in executed if p.is_file()]
    written = render.render_all(present, out_dir, notes={Path(k).stem: f"FAILED: {v}" for k, v in (failed or {}).items()})
    for page in written:
        remote = render.check_offline(page.read_text(encoding="utf-8"))
        if remote:
            raise RuntimeError(f"{page}: loads from the network: {', '.join(remote[:5])}")
    missing = [p.name for p in executed if not p.is_file()]
    print(f"      {len(written)} pages in {out_dir} (open index.html)"
          + (f"; no executed copy to render for {', '.join(missing)}" if missing else ""))


def _build(corpus: str, out: Path, lenient: bool = False) -> int:
    """The build step: `python -m analysis build --corpus CORPUS --out OUT` with that command's defaults
    (and `--lenient`, when asked)."""
    from analysis.pipeline import command_settings, run_build

    return run_build(corpus, out, command_settings(out), lenient=lenient)


def _check_tables(out: Path) -> None:
    """Stop before the notebooks unless `out` holds one complete build (its manifest agrees)."""
    from analysis import overview

    manifest = overview.check_output(out)
    print(f"      {len(manifest['tables'])} tables, {manifest['corpus']['articles']} articles, "
          f"corpus {manifest['corpus']['fingerprint'][:12]}")


def _cells(path: Path) -> list[dict]:
    """A notebook's cells as its .ipynb file holds them."""
    import json

    return json.loads(path.read_text(encoding="utf-8")).get("cells", [])


def _calls(path: Path, name: str) -> bool:
    """Whether one of a notebook's code cells calls `name`."""
    return any(c.get("cell_type") == "code" and f"{name}(" in "".join(c.get("source", [])) for c in _cells(path))


def _unmet_needs(out: Path) -> dict[str, str]:
    """What the built corpus cannot give a notebook, by the call that marks a notebook needing it
    (`compared_blocs`: two blocs with kept text; `require_topics`: a fitted topic model), as the
    reason `reproduce` prints when it skips such a notebook."""
    from analysis import overview, stats

    tables = overview.read_tables(out)
    unmet = {}
    blocs = sorted(set(stats.blocs_with_text(tables["articles"])))
    if len(blocs) < 2:
        unmet["compared_blocs"] = (f"it compares two blocs, and the corpus has {len(blocs)} bloc(s) with kept text"
                                   + (f" ({', '.join(blocs)})" if blocs else "") + "; give the articles a second bloc")
    if "topic_grid" in tables and tables["topic_grid"].empty:
        unmet["require_topics"] = ("it reads the topic models, and the build fitted none (too few paragraphs of "
                                   "kept text for a topic model)")
    return unmet


#: Seconds each notebook took on 100,000 generated articles (benchmarks/RESULTS.md, reproduce at 100,000): the
#: notebooks start longest first, so that a short one, not a long one, runs alone at the end. Two at a time, by
#: the times of the benchmark row, the five take 112 s instead of 117 s in file order on 100,000 articles
#: (and 120 s in the order of the earlier times, 02, 01, 04, 00, 03). Notebooks not listed start after these.
TYPICAL_SECONDS = {"02_framing.ipynb": 96, "01_sentiment.ipynb": 83, "00_corpus.ipynb": 22, "04_results.ipynb": 15,
                   "03_topics.ipynb": 7}


def longest_first(names: list[str]) -> list[str]:
    """`names` (notebook file names) in the order `reproduce` starts them: by `TYPICAL_SECONDS`,
    longest first, then the notebooks it does not list, in the order given.

    Parameters
    ----------
    names : notebook file names, e.g. "01_sentiment.ipynb".

    Returns
    -------
    list of str
    """
    return sorted(names, key=lambda name: -TYPICAL_SECONDS.get(name, -1))


def _memory_bound_jobs(out: Path) -> int:
    """`default_notebook_jobs` for the build in `out` on this machine, saying so when memory makes it one."""
    from analysis.outputs import read_manifest

    manifest = read_manifest(out) or {}
    n_articles = int(manifest.get("corpus", {}).get("articles", 0)) or None
    memory = machine_memory()
    jobs = default_notebook_jobs(n_articles, memory)
    if jobs < default_notebook_jobs():
        print(f"      notebooks run one at a time: on {n_articles:,} articles a notebook's kernel may need about "
              f"{kernel_memory(n_articles) / 2**30:.1f} GB, and two would need more than 80% of the "
              f"{memory / 2**30:.1f} GB of memory here (--notebook-jobs 2 runs two anyway)", flush=True)
    return jobs


def _execute_in_place(path: Path, timeout: int) -> None:
    """`execute_notebook` over the notebook itself, its failing cell kept."""
    _peak_line(execute_notebook(path, timeout=timeout, keep_failed=True))


def _timed(function: Callable, args: tuple, capture: bool = False) -> tuple[int, str, tuple | None, float, str]:
    """Run one step: (status, message, (notebook, cell, error) of a failed notebook or None, seconds,
    what it printed when `capture`, else ""). Any exception is a status of 1 with its message."""
    import contextlib
    import io

    t0 = time.perf_counter()
    printed = io.StringIO()
    failed = None
    try:
        with contextlib.redirect_stdout(printed) if capture else contextlib.nullcontext():
            status = function(*args) or 0
        message = f"exit status {status}"
    except Exception as exc:  # noqa: BLE001 - report any failure with the step's name
        status, message = 1, str(exc)
        if isinstance(exc, NotebookFailure):
            failed = (exc.notebook, exc.cell, exc.error)
    return int(status), message, failed, time.perf_counter() - t0, printed.getvalue()


def _report(n: int, total: int, name: str, status: int, message: str, failed: tuple | None, seconds: float,
            printed: str, failures: dict[str, str], header: bool = True) -> int:
    """Print one step's lines (its name unless `header` is False, what it printed, then "done in" or
    FAILED) and note a failure in `failures`; returns the step's status."""
    lines = ([f"[{n}/{total}] {name} ..."] if header else []) + ([printed.rstrip("\n")] if printed.strip() else [])
    if lines:
        print("\n".join(lines), flush=True)
    if status:
        print(f"FAILED at step {n} ({name}): {message}", file=sys.stderr, flush=True)
        if failed is not None:
            failures[failed[0]] = f"cell {failed[1]} failed: {failed[2]}"
        else:
            failures[name] = message.split("\n", 1)[0]
        return status
    print(f"      done in {seconds:.1f} s", flush=True)
    return 0


def main(corpus: str | None = None, out: str | None = None, notebooks_dir: str | Path | None = None,
         timeout: int = 1200, notebook_jobs: int | None = None, lenient: bool = False) -> int:
    """Build the tables, check them, execute every notebook and render them; prints each step and the total time.

    Each notebook's .py and .ipynb are first brought into step (`sync_pairs`). With the defaults,
    the committed outputs are rewritten in place (`data/processed/`, `notebooks/`, `figures/`,
    `reports/`). With another corpus or output folder, everything goes under `out`: the tables,
    `out/tables/` (the results summary), `out/notebooks/` (executed copies), `out/figures/` and
    `out/html/`.
    `notebooks_dir` runs the notebooks of another folder (they are then never rewritten in place).
    A failing build stops the run; a failing notebook does not: the others still run, every
    notebook with an executed copy is rendered, and every failure is listed at the end (exit 1).

    Parameters
    ----------
    corpus : the corpus to build from (default: data/raw).
    out : the output folder (default: data/processed, and the committed outputs in place).
    notebooks_dir : a folder of `NN_name.ipynb` notebooks to run instead of notebooks/.
    timeout : seconds each notebook cell may run.
    notebook_jobs : how many notebooks run at a time, each in its own process (default
        `default_notebook_jobs()` for the corpus built and this machine's memory); 1 runs them in order.
    lenient : build as `build --lenient` does: bad articles are reported and skipped.

    Returns
    -------
    The exit status: 0, the build's status if it failed, or 1 if any later step failed.
    """
    started = time.perf_counter()
    corpus_path = str(Path(corpus).resolve()) if corpus else str(paths.RAW)
    out_path = Path(out).resolve() if out else paths.PROCESSED
    folder = Path(notebooks_dir).resolve() if notebooks_dir else paths.NOTEBOOKS
    own_run = corpus_path != str(paths.RAW) or out_path != paths.PROCESSED or folder != paths.NOTEBOOKS
    for line in sync_pairs(folder):
        print(f"      notebooks: {line}", flush=True)
    sources = notebooks(folder)
    failures: dict[str, str] = {}
    # (name, function, arguments, fatal); the notebooks only read the built tables (notebook 04 also
    # writes the tables for a paper, to TABLES), so they are independent and run `notebook_jobs` at a time
    steps: list[tuple[str, Callable, tuple, bool]] = [
        ("build", _build, (corpus_path, out_path, lenient), True),
        ("check the tables against the manifest", _check_tables, (out_path,), True)]
    if own_run:
        os.environ["ANALYSIS_FIGURES"] = str(out_path / "figures")
        parameters = {"CORPUS": corpus_path, "OUT": str(out_path)}
        tables = {"TABLES": str(out_path / "tables")}  # (only to a notebook that declares it: notebook 04)
        executed, html_dir = [out_path / "notebooks" / nb.name for nb in sources], out_path / "html"
        independent = [(f"execute {nb.name}", _execute_fresh,
                        (nb, {**parameters, **(tables if "TABLES" in _parameter_names(nb) else {})}, to, timeout),
                        False)
                       for nb, to in zip(sources, executed)]
        after = []
    else:
        os.environ.pop("ANALYSIS_FIGURES", None)
        independent = [(f"execute {nb.name}", _execute_in_place, (nb, timeout), False) for nb in sources]
        after = [("pair notebooks as py:percent scripts", pair_scripts, (sources,), False)]
        executed, html_dir = list(sources), paths.ROOT / "reports" / "html"
    after.append(("render HTML", render_html, (executed, html_dir, failures), False))
    total = len(steps) + len(independent) + len(after)
    numbered = list(enumerate([*steps, *independent, *after], 1))
    for n, (name, function, args, fatal) in numbered[:len(steps)]:
        print(f"[{n}/{total}] {name} ...", flush=True)  # (before the step: the build prints as it goes)
        status = _report(n, total, name, *_timed(function, args), failures, header=False)
        if status and fatal:
            return status
    jobs = max(1, min(notebook_jobs or _memory_bound_jobs(out_path), len(independent)))
    batch = numbered[len(steps):len(steps) + len(independent)]
    in_order = numbered[len(steps) + len(independent):]
    unmet = _unmet_needs(out_path)
    skipped: dict[str, str] = {}  # notebook -> why it was not run
    for n, (name, function, args, fatal) in list(batch):
        why = next((why for call, why in unmet.items() if _calls(args[0], call)), None)  # (every step here is a notebook)
        if why:  # what the notebook needs, the corpus cannot give: skipped, saying why
            print(f"[{n}/{total}] {name}: skipped: {why}", flush=True)
            skipped[args[0].name] = why
            batch.remove((n, (name, function, args, fatal)))
            if function is _execute_fresh:
                args[2].unlink(missing_ok=True)  # (no executed copy of an earlier run is left to render)
    executed[:] = [p for p in executed if p.name not in skipped]  # (the list the render step reads)
    if jobs > 1:
        print(f"      the next {len(batch)} steps run {jobs} at a time (each is reported when it ends; "
              "--notebook-jobs 1 runs one at a time, with less memory)", flush=True)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            by_name = {args[0].name: (n, (name, function, args)) for n, (name, function, args, _) in batch}
            futures = {pool.submit(_timed, function, args, True): (n, name)
                       for n, (name, function, args) in (by_name[nb] for nb in longest_first(list(by_name)))}
            for future in as_completed(futures):
                n, name = futures[future]
                _report(n, total, name, *future.result(), failures)
    else:
        in_order = batch + in_order
    for n, (name, function, args, _) in in_order:
        print(f"[{n}/{total}] {name} ...", flush=True)
        _report(n, total, name, *_timed(function, args), failures, header=False)
    if failures:
        print(f"{len(failures)} of {total} steps failed (after {time.perf_counter() - started:.1f} s):",
              file=sys.stderr)
        for name, message in failures.items():
            print(f"  - {name}: {message}", file=sys.stderr)
        return 1
    if skipped:
        print(f"{len(skipped)} notebook(s) skipped: " + "; ".join(f"{nb} ({why})" for nb, why in skipped.items()))
    print(f"reproduced everything in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit("use: python -m analysis reproduce [--corpus PATH --out DIR]")
