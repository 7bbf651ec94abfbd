"""Which cell sets a notebook's peak memory: execute one notebook on a build, as `reproduce` does, and
print, as each code cell has run, the kernel's high-water mark so far, how much that cell raised it, and
the seconds since the cell before had run (the first cell's include the kernel's start).

    python benchmarks/cell_memory.py notebooks/02_framing.ipynb --out BUILD [--corpus CORPUS]

BUILD is a folder `python -m analysis build` wrote (e.g. of a corpus from `bench_build.generate`). The
executed notebook and its figures go to a temporary folder; nothing tracked is written. Linux only (the
kernel's memory is read from /proc).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from analysis import reproduce


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", type=Path)
    parser.add_argument("--out", required=True, help="the build folder the notebook reads (its OUT)")
    parser.add_argument("--corpus", default="", help="the corpus the build was made from (its CORPUS, for the record)")
    args = parser.parse_args(argv)
    last = [0]
    clock = [time.perf_counter()]

    def show(index: int, source: str, peak: int | None) -> None:
        now = time.perf_counter()
        seconds, clock[0] = now - clock[0], now
        lines = [line for line in source.strip().splitlines() if line.strip() and not line.startswith("#")]
        if peak is None:
            print(f"cell {index:3d}: no peak (not Linux?), {seconds:6.1f} s", flush=True)
            return
        print(f"cell {index:3d}: peak {peak:6,d} MB (+{peak - last[0]:5,d}) {seconds:6.1f} s  {(lines or [''])[0][:70]}",
              flush=True)
        last[0] = peak

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ANALYSIS_FIGURES"] = str(Path(tmp) / "figures")  # (inherited by the kernel: no figure lands elsewhere)
        build = Path(args.out).resolve()
        peak = reproduce.execute_notebook(args.notebook.resolve(), parameters={"OUT": str(build), "CORPUS": args.corpus},
                                          output=Path(tmp) / args.notebook.name, on_cell=show)
    print(f"kernel peak: {peak:,} MB" if peak else "kernel peak: not known")
    return 0


if __name__ == "__main__":
    sys.exit(main())
