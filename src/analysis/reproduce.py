"""Reproduce every output: build the processed tables, then execute each notebook in order.

Notebooks run headless with nbclient on the kernel named `python3`, bound to the Python
running this command; timing metadata is not recorded and the hash seed is fixed, so two
runs give the same executed notebooks. A failing notebook stops the run with its name and
the failing cell.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from analysis import paths

__all__ = ["execute_notebook", "main", "notebooks"]


def notebooks(folder: Path | None = None) -> list[Path]:
    """The published notebooks in run order (`NN_name.ipynb`; `exploratory/` is never run)."""
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def execute_notebook(path: Path, *, parameters: dict[str, object] | None = None, output: Path | None = None,
                     timeout: int = 1200) -> None:
    """Execute a notebook on the `python3` kernel and write it (in place unless `output` is given).

    `parameters` override the assignments of the cell tagged `parameters`, as papermill does:
    a cell tagged `injected-parameters` is added right after it.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    if parameters:
        at = next((n for n, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), -1)
        source = "# Parameters passed to this run\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
        cell["id"] = "injected-parameters"
        nb.cells.insert(at + 1, cell)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    os.environ["PYTHONHASHSEED"] = "0"  # inherited by the kernel process
    os.environ.pop("MPLBACKEND", None)  # an Agg backend would drop figures from the notebook
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str((output or path).parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        failing = next(
            (n for n, cell in enumerate(nb.cells, 1)
             if any(o.get("output_type") == "error" for o in cell.get("outputs", []))),
            None,
        )
        raise RuntimeError(f"{path.name}: cell {failing} failed:\n{exc}") from exc
    nb.metadata.pop("widgets", None)
    _stable_widget_ids(nb)
    nbformat.write(nb, output or path)


def _stable_widget_ids(nb) -> None:  # noqa: ANN001
    """Widget views get random model ids; number them by cell so reruns are byte-identical.

    (The widget state is not saved, so a rendered copy shows the cell's text fallback.)"""
    for cell in nb.cells:
        views = [o["data"]["application/vnd.jupyter.widget-view+json"] for o in cell.get("outputs", [])
                 if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
        for n, view in enumerate(views):
            view["model_id"] = f"{cell.get('id', 'cell')}-{n}"


def pair_scripts(paths_: list[Path]) -> None:
    """Write each notebook's code and text as `NN_name.py` (jupytext py:percent, no outputs), the
    version whose diffs a reviewer reads; the .ipynb beside it keeps the outputs."""
    import jupytext

    for path in paths_:
        notebook = jupytext.read(path)
        notebook.metadata.pop("jupytext", None)
        jupytext.write(notebook, path.with_suffix(".py"), fmt="py:percent")


def render_html(executed: list[Path], out_dir: Path) -> None:
    """Render the executed notebooks and an index to `out_dir`; fail if a page needs the network."""
    from analysis import render

    written = render.render_all(executed, out_dir)
    for page in written:
        remote = render.check_offline(page.read_text(encoding="utf-8"))
        if remote:
            raise RuntimeError(f"{page}: loads from the network: {', '.join(remote[:5])}")
    print(f"      {len(written)} pages in {out_dir} (open index.html)")


def _check_tables(out: Path) -> None:
    """Stop before the notebooks unless `out` holds one complete build (its manifest agrees)."""
    from analysis import overview

    manifest = overview.check_output(out)
    print(f"      {len(manifest['tables'])} tables, {manifest['corpus']['articles']} articles, "
          f"corpus {manifest['corpus']['fingerprint'][:12]}")


def main(corpus: str | None = None, out: str | None = None) -> int:
    """Build the tables and execute every notebook; prints each step and the total time.

    With the defaults, the committed outputs are rewritten in place (`data/processed/`,
    `notebooks/`, `figures/`). With another corpus or output folder, everything goes under
    `out`: the tables, `out/notebooks/` (executed copies) and `out/figures/`.
    """
    from analysis import cli

    started = time.perf_counter()
    corpus_path = str(Path(corpus).resolve()) if corpus else str(paths.RAW)
    out_path = Path(out).resolve() if out else paths.PROCESSED
    own_run = corpus_path != str(paths.RAW) or out_path != paths.PROCESSED
    steps = [("build", lambda: cli.main(["build", "--corpus", corpus_path, "--out", str(out_path)])),
             ("check the tables against the manifest", lambda: _check_tables(out_path))]
    if own_run:
        os.environ["ANALYSIS_FIGURES"] = str(out_path / "figures")
        parameters = {"CORPUS": corpus_path, "OUT": str(out_path)}
        steps += [(f"execute {nb.name}", lambda nb=nb: execute_notebook(nb, parameters=parameters,
                                                                        output=out_path / "notebooks" / nb.name))
                  for nb in notebooks()]
        executed, html_dir = [out_path / "notebooks" / nb.name for nb in notebooks()], out_path / "html"
    else:
        os.environ.pop("ANALYSIS_FIGURES", None)
        steps += [(f"execute {nb.name}", lambda nb=nb: execute_notebook(nb)) for nb in notebooks()]
        steps += [("pair notebooks as py:percent scripts", lambda: pair_scripts(notebooks()))]
        executed, html_dir = notebooks(), paths.ROOT / "reports" / "html"
    steps += [("render HTML", lambda: render_html(executed, html_dir))]
    for n, (name, step) in enumerate(steps, 1):
        print(f"[{n}/{len(steps)}] {name} ...", flush=True)
        t0 = time.perf_counter()
        try:
            status = step()
        except Exception as exc:  # noqa: BLE001 - report any failure with the step's name
            print(f"FAILED at step {n} ({name}): {exc}", file=sys.stderr)
            return 1
        if status:
            print(f"FAILED at step {n} ({name}): exit status {status}", file=sys.stderr)
            return int(status)
        print(f"      done in {time.perf_counter() - t0:.1f} s", flush=True)
    print(f"reproduced everything in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":  # python -m analysis.reproduce [--corpus PATH] [--out DIR]
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis.reproduce", description=__doc__)
    parser.add_argument("--corpus", help="your corpus (default: data/raw)")
    parser.add_argument("--out", help="output folder (default: data/processed, notebooks/, figures/, reports/html/)")
    arguments = parser.parse_args()
    raise SystemExit(main(corpus=arguments.corpus, out=arguments.out))
