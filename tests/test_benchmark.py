"""The benchmark script: one command runs it, and its report checks the targets from the numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "bench_build.py"


def test_the_generated_corpus_is_deterministic_and_has_both_blocs(tmp_path: Path, bench: ModuleType) -> None:
    generate = bench.generate
    a, b, c = (generate(30, seed, tmp_path / f"{name}.jsonl") for name, seed in (("a", 1), ("b", 1), ("c", 2)))
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    records = [json.loads(line) for line in a.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 30 and {r["bloc"] for r in records} == {"russian", "western"}
    assert all("Share on Facebook" in r["text"] and "Leave a Reply" in r["text"] for r in records)  # injected leftovers


def test_a_small_run_writes_the_table_and_the_targets(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    subprocess.run([sys.executable, str(SCRIPT), "--sizes", "40", "--configs", "naive", "jobs1",
                    "--results", str(results)], check=True, capture_output=True, text=True, timeout=300)
    raw = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [(r["N"], r["config"]) for r in raw] == [(40, "naive"), (40, "jobs1")]
    assert all(r["seconds"] > 0 and r["peak_mb"] > 50 for r in raw)
    assert set(raw[1]["stages"]) == {"clean", "segment", "sentiment", "framing"}
    report = results.read_text(encoding="utf-8")
    assert "| 40 | jobs1 |" in report and "## Targets" in report
    assert "100,000 articles in under 10 minutes: not measured" in report


def test_targets_are_judged_from_the_measured_rows(bench: ModuleType) -> None:
    rows = []
    for n, jobs1, jobs2, peak in ((1000, 60.0, 110.0, 400.0), (100_000, 60.0, 99.0, 3000.0)):
        rows += [{"N": n, "config": "naive", "articles_per_s": 200.0, "seconds": n / 200, "peak_total_mb": 250.0},
                 {"N": n, "config": "jobs1", "articles_per_s": jobs1, "seconds": n / jobs1, "peak_total_mb": 400.0},
                 {"N": n, "config": "jobs2", "articles_per_s": jobs2, "seconds": n / jobs2, "peak_total_mb": peak}]
    lines = "\n".join(bench.target_lines(pd.DataFrame(rows)))
    assert "under 10 minutes: **not met** (fastest: jobs2, 16.8 min)" in lines
    assert "(jobs1, all processes): met" in lines and "(jobs2, all processes): **not met**" in lines
    assert "at least 1.7x `--jobs 1`: **not met** (1.83x at 1,000, 1.65x at 100,000)" in lines
    assert "naive baseline: **not met** (best ratio 0.55 at 1,000, 0.49 at 100,000)" in lines
