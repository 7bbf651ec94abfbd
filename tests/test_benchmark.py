"""The benchmark script: one command runs it, and its report checks the targets from the numbers."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

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
    assert "## Targets of the default build, topics included" in report and "| 40 | jobs1 | " in report


def test_targets_are_judged_from_the_measured_rows(bench: ModuleType) -> None:
    rows = []
    for n, jobs1, jobs2, peak in ((1000, 60.0, 110.0, 400.0), (100_000, 60.0, 99.0, 3000.0)):
        rows += [{"N": n, "config": "naive", "articles_per_s": 200.0, "seconds": n / 200, "peak_total_mb": 250.0},
                 {"N": n, "config": "jobs1", "articles_per_s": jobs1, "seconds": n / jobs1, "peak_total_mb": 400.0},
                 {"N": n, "config": "jobs2", "articles_per_s": jobs2, "seconds": n / jobs2, "peak_total_mb": peak}]
    lines = "\n".join(bench.target_lines(pd.DataFrame(rows)))
    assert "under 10 minutes: **not met** (fastest: jobs2, 16.8 min)" in lines
    assert "(jobs1, all processes): met" in lines and "(jobs2, all processes): **not met**" in lines
    assert "at least 1.8x `--jobs 1`: **not met** (1.83x at 1,000, 1.65x at 100,000)" in lines
    assert "0.5x the speed of the naive loop: **not met** (best ratio 0.55 at 1,000, 0.49 at 100,000)" in lines
    assert "article pass alone" not in lines  # rows without pass seconds
    timed = [{**r, "passes": {"articles": r["seconds"] - 2.0}} if r["config"] != "naive" else r for r in rows]
    lines = "\n".join(bench.target_lines(pd.DataFrame(timed)))
    # 1,000 articles: 16.67 s and 9.09 s in all, 14.67 s and 7.09 s in the article pass
    assert "(1.83x at 1,000, 1.65x at 100,000); the article pass alone: 2.07x at 1,000, 1.65x at 100,000" in lines
    # (a ratio just short of its target is not printed as the target beside "not met")
    close = [{"N": 1000, "config": "naive", "articles_per_s": 216.9, "seconds": 1000 / 216.9, "peak_total_mb": 250.0},
             {"N": 1000, "config": "jobs1", "articles_per_s": 60.0, "seconds": 1000 / 60.0, "peak_total_mb": 400.0},
             {"N": 1000, "config": "jobs2", "articles_per_s": 107.82, "seconds": 1000 / 107.82, "peak_total_mb": 400.0}]
    lines = "\n".join(bench.target_lines(pd.DataFrame(close)))
    assert "at least 1.8x `--jobs 1`: **not met** (1.797x at 1,000)" in lines
    assert "naive loop: **not met** (best ratio 0.497 at 1,000)" in lines


def test_reproduce_steps_are_read_from_its_log(bench: ModuleType) -> None:
    log = ("[1/3] build ...\nwrote 14 tables\n      done in 12.5 s\n[2/3] execute 00_corpus.ipynb ...\n"
           "      done in 3.0 s\n[3/3] render HTML ...\n")  # the last step never finished
    assert bench.reproduce_log(log)[0] == {"build": 12.5, "execute 00_corpus.ipynb": 3.0}


def test_each_notebooks_kernel_peak_is_read_from_the_log_and_reported(bench: ModuleType, tmp_path: Path) -> None:
    """`reproduce` prints each kernel's peak memory before its "done in" (notebooks run two at a time
    print their lines when they end); the report gives a table of them, from rows that have them."""
    log = ("[1/4] build ...\n      done in 12.5 s\n      the next 2 steps run 2 at a time\n"
           "[3/4] execute 01_sentiment.ipynb ...\n      kernel peak memory 3,730 MB\n      done in 80.0 s\n"
           "[2/4] execute 00_corpus.ipynb ...\n      done in 3.0 s\n[4/4] render HTML ...\n      done in 1.0 s\n")
    steps, kernels = bench.reproduce_log(log)
    assert steps == {"build": 12.5, "execute 01_sentiment.ipynb": 80.0, "execute 00_corpus.ipynb": 3.0, "render HTML": 1.0}
    assert kernels == {"execute 01_sentiment.ipynb": 3730}  # (00 printed none: no row for it)
    (tmp_path / "results.json").write_text(json.dumps([
        {"N": 1000, "config": "reproduce", "seconds": 100.0, "articles_per_s": 10.0, "peak_mb": 3800.0, "peak_total_mb": 5000.0,
         "code": "abc", "machine": "cpu", "command": "c", "steps": steps, "kernel_mb": kernels},
        {"N": 10, "config": "reproduce", "seconds": 10.0, "articles_per_s": 1.0, "peak_mb": 300.0, "peak_total_mb": 500.0,
         "code": "old", "machine": "cpu", "command": "c", "steps": {"build": 1.0}}]), encoding="utf-8")
    bench.write_results(tmp_path / "RESULTS.md", [])
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "| N | code | machine | 01_sentiment.ipynb |\n|---|---|---|---|\n| 1,000 | abc | cpu | 3,730 |" in report
    assert "| 10 | old |" not in report.split("Peak memory of each notebook")[1]


def test_the_naive_target_is_judged_against_the_issues_regex_loop_too(bench: ModuleType) -> None:
    rows = [{"N": 1000, "config": "naive", "articles_per_s": 200.0, "seconds": 5.0, "peak_total_mb": 250.0},
            {"N": 1000, "config": "naive_regex", "articles_per_s": 250.0, "seconds": 4.0, "peak_total_mb": 250.0},
            {"N": 1000, "config": "jobs1", "articles_per_s": 60.0, "seconds": 1000 / 60.0, "peak_total_mb": 400.0},
            {"N": 1000, "config": "jobs2", "articles_per_s": 110.0, "seconds": 1000 / 110.0, "peak_total_mb": 400.0}]
    lines = "\n".join(bench.target_lines(pd.DataFrame(rows)))
    # 0.55 against the Punkt loop would pass alone; 0.44 against the issue's own loop does not
    assert ("naive loop: **not met** (best ratio 0.55 at 1,000 against the loop that splits with Punkt; 0.44 at 1,000 "
            "against the issue's own loop") in lines


def test_topic_targets_are_judged_from_the_measured_rows(bench: ModuleType) -> None:
    rows = [{"N": 2000, "config": "jobs1", "seconds": 40.0, "peak_mb": 400.0},
            {"N": 2000, "config": "jobs1_topics", "seconds": 70.0, "peak_mb": 900.0},
            {"N": 2000, "config": "jobs2", "seconds": 20.0, "peak_mb": 380.0},
            {"N": 2000, "config": "jobs2_topics", "seconds": 50.0, "peak_mb": 2500.0},
            {"N": 10_000, "config": "jobs1", "seconds": 160.0, "peak_mb": 450.0},
            {"N": 10_000, "config": "jobs1_topics", "seconds": 200.0, "peak_mb": 700.0}]
    lines = "\n".join(bench.topic_target_lines(pd.DataFrame(rows)))
    assert "`--skip-topics` on 2,000 articles (jobs1): met (1.75x at 2,000, 1.25x at 10,000)" in lines
    assert "(jobs2): **not met** (2.50x at 2,000)" in lines
    assert ("under 2 GB with topics (the default build): **not met** (jobs1_topics 900 MB at 2,000, jobs2_topics 2500 MB "
            "at 2,000") in lines
    assert "100,000 articles in under 15 minutes end to end: not measured" in lines and "whole job" not in lines
    rows.append({"N": 100_000, "config": "reproduce", "seconds": 840.0, "peak_mb": 7000.0})
    lines = "\n".join(bench.topic_target_lines(pd.DataFrame(rows)))
    assert "under 15 minutes end to end: met (reproduce, 14.0 min)" in lines
    # the whole job's largest process (a notebook's kernel) is judged on a line of its own
    assert "under 2 GB in the whole job (reproduce: the default build, then each notebook's kernel): **not met** " \
           "(reproduce 7000 MB at 100,000)" in lines
    build_line = next(line for line in lines.splitlines() if "(the default build)" in line)
    assert "reproduce" not in build_line and build_line.endswith("jobs1_topics 700 MB at 10,000).")


def test_a_shared_run_keeps_the_quiet_rows_and_ratios_stay_within_one_run(tmp_path: Path, bench: ModuleType) -> None:
    quiet = {"N": 2000, "config": "jobs1", "seconds": 30.0, "articles_per_s": 66.7, "peak_mb": 300.0,
             "peak_total_mb": 300.0, "command": "a", "date": "2026-01-01"}
    bench.write_results(tmp_path / "RESULTS.md", [quiet])
    shared = [{**quiet, "seconds": 60.0, "note": "shared", "command": "b"},
              {**quiet, "config": "jobs1_topics", "seconds": 80.0, "note": "shared", "command": "b"}]
    bench.write_results(tmp_path / "RESULTS.md", shared)
    raw = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [(r["config"], r.get("note", "")) for r in raw] == [("jobs1", ""), ("jobs1", "shared"), ("jobs1_topics", "shared")]
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    # 80 / 60 within the shared run, not 80 / 30 across runs
    assert "2,000 articles (jobs1, shared machine): met (1.33x at 2,000)" in report


def test_rows_of_older_code_are_listed_but_not_judged(tmp_path: Path, bench: ModuleType) -> None:
    old = {"N": 1000, "config": "naive", "seconds": 5.0, "articles_per_s": 200.0, "peak_mb": 250.0,
           "peak_total_mb": 250.0, "command": "a", "date": "2026-01-01", "code": "aaaaaaa"}
    bench.write_results(tmp_path / "RESULTS.md", [old, {**old, "config": "jobs2", "seconds": 8.0, "articles_per_s": 125.0}])
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "0.5x the speed of the naive loop: met" in report and "| aaaaaaa |" in report
    # newer code, slower: its rows are judged, the older code's jobs2 row stays in the table only
    bench.write_results(tmp_path / "RESULTS.md", [{**old, "code": "bbbbbbb", "date": "2026-02-01"},
                                                  {**old, "config": "jobs1", "seconds": 25.0, "articles_per_s": 40.0,
                                                   "code": "bbbbbbb", "date": "2026-02-01"}])
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "| 1,000 | jobs2 | 2026-01-01 | aaaaaaa |" in report
    # its ratio to the naive loop is left blank: the only naive run is of the newer code, on another day
    old_jobs2 = next(line for line in report.splitlines() if line.startswith("| 1,000 | jobs2 | 2026-01-01 |"))
    assert old_jobs2.split(" | ")[9] == "" and "| 1,000 | jobs1 | 2026-02-01 | bbbbbbb | not recorded |  | 25.0 |" in report
    assert next(line for line in report.splitlines() if line.startswith("| 1,000 | jobs1 |")).split(" | ")[9] == "0.20"
    assert "judged on the rows measured on code `bbbbbbb` only (1 rows of other code" in report
    assert "0.5x the speed of the naive loop: **not met** (best ratio 0.20 at 1,000)" in report
    assert bench.code_version()  # a short hash here, "unknown" outside a git checkout


def test_a_ratio_to_the_naive_loop_compares_rows_of_one_machine(tmp_path: Path, bench: ModuleType) -> None:
    naive = {"N": 1000, "config": "naive", "seconds": 5.0, "articles_per_s": 200.0, "peak_mb": 250.0,
             "peak_total_mb": 250.0, "command": "a", "date": "2026-01-01", "code": "aaaaaaa", "machine": "CPU one"}
    jobs2 = {**naive, "config": "jobs2", "seconds": 8.0, "articles_per_s": 125.0, "machine": "CPU two"}
    bench.write_results(tmp_path / "RESULTS.md", [naive, jobs2])
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    row = next(line for line in report.splitlines() if line.startswith("| 1,000 | jobs2 |"))
    assert row.split(" | ")[4] == "CPU two" and row.split(" | ")[9] == ""  # the same code, another machine: no ratio
    bench.write_results(tmp_path / "RESULTS.md", [naive, {**jobs2, "machine": "CPU one"}])
    report = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert next(line for line in report.splitlines() if line.startswith("| 1,000 | jobs2 |")).split(" | ")[9] == "0.62"
    assert bench.cpu_model()


def test_repeated_runs_keep_the_median_run_and_list_every_run(bench: ModuleType) -> None:
    runs = [{"seconds": 30.0, "peak_mb": 1}, {"seconds": 10.0, "peak_mb": 2}, {"seconds": 20.0, "peak_mb": 3}]
    middle = bench.median_run(runs)
    assert middle["seconds"] == 20.0 and middle["peak_mb"] == 3 and middle["runs"] == [30.0, 10.0, 20.0]
    assert bench.median_run(runs[:2])["seconds"] == 10.0  # an even number: the lower middle run
    assert "runs" not in bench.median_run(runs[:1])
    row = pd.DataFrame([{**middle, "N": 10}]).iloc[0]
    assert bench._wall(row) == "20.0 (median of 3: 10.0 to 30.0)"
    assert bench._wall(pd.DataFrame([{"seconds": 12.34}]).iloc[0]) == "12.3"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="the kernel's memory is read from /proc (Linux)")
def test_cell_memory_names_the_cell_that_raised_the_kernels_peak(tmp_path: Path) -> None:
    """`benchmarks/cell_memory.py` prints each code cell's rise of the kernel's high-water mark, read as the
    cell has run: the cell that holds 300 MB shows it, the others do not, and the notebook is not written."""
    import nbformat

    cells = ["x = 1", "y = bytearray(300 * 2**20)\ny[::4096] = b'y' * len(y[::4096])\ndel y", "z = 2"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    path = tmp_path / "n.ipynb"
    nbformat.write(nb, path)
    before = path.read_bytes()
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "cell_memory.py"), str(path), "--out", str(tmp_path)],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    found = (re.search(r"\(\+\s*([\d,]+)\)\s+([\d.]+) s\s+(.*)$", line) for line in run.stdout.splitlines()
             if line.startswith("cell"))
    rises = {m.group(3): (int(m.group(1).replace(",", "")), float(m.group(2))) for m in found if m}
    assert 250 <= rises["y = bytearray(300 * 2**20)"][0] <= 450 and rises["z = 2"][0] < 50, run.stdout
    assert rises["z = 2"][1] < 5  # (each cell's seconds: a one-line cell takes next to none)
    assert "kernel peak:" in run.stdout and path.read_bytes() == before
