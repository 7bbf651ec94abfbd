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


def execute_notebook(path: Path, *, timeout: int = 1200) -> None:
    """Execute a notebook in place, from its own folder, on the `python3` kernel."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    os.environ["PYTHONHASHSEED"] = "0"  # inherited by the kernel process
    os.environ.pop("MPLBACKEND", None)  # an Agg backend would drop figures from the notebook
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
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
    nbformat.write(nb, path)


def main(corpus: str | None = None, out: str | None = None) -> int:
    """Build `data/processed/` and execute every notebook; prints each step and the total time."""
    from analysis import cli

    started = time.perf_counter()
    steps = [("build", lambda: cli.main(["build", "--corpus", corpus or str(paths.RAW), "--out", out or str(paths.PROCESSED)]))]
    steps += [(f"execute {nb.name}", lambda nb=nb: execute_notebook(nb)) for nb in notebooks()]
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
