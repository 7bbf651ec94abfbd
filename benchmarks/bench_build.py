"""Benchmark `build` on synthetic corpora of N articles made from the seed paragraphs.

    make benchmark                                   # the same as the next line, in the project's .venv
    python benchmarks/bench_build.py                 # N = 1,000 and 10,000; writes benchmarks/RESULTS.md
    python benchmarks/bench_build.py --sizes 1000    # a quick run
    python benchmarks/bench_build.py --large         # adds N = 100,000 (long)
    python benchmarks/bench_build.py --sizes 100000 --configs naive jobs2 dask
    python benchmarks/bench_build.py --sizes 1000 2000 --configs naive naive_regex jobs1 jobs2 jobs1_topics --repeat 3
    python benchmarks/bench_build.py --report        # only rewrite RESULTS.md from results.json
    python benchmarks/bench_build.py --sizes 2000 --configs jobs1 jobs1_topics   # the topic stage's cost

Each article: a headline, shuffled body paragraphs of the seed corpus, and injected web
leftovers of several kinds (menu, share bar, caption and credit, newsletter prompt, related
block, comment form); random outlet and bloc; all deterministic by seed. Results of earlier
runs are kept in results.json (a new run replaces the rows of its N and configuration), and
RESULTS.md ends with each target of the scale issues judged from the measured rows. Each configuration
runs in a fresh process: `jobs1`, `jobs2`, `dask` run `analysis.pipeline.build_corpus(..., skip_topics=True)`;
`jobs1_topics`, `jobs2_topics` the default build, topics included; `reproduce` the whole job
(`python -m analysis reproduce --corpus ... --out ...`: the default build, every notebook, the HTML).
The naive baseline reads each text, splits sentences with the same Punkt splitter and scores each
with VADER, with no cleaning; `naive_regex` is the issue's own loop, which splits with a regular
expression instead (faster). The naive-loop target is judged against both.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
LEFTOVERS = [
    ["Skip to main content", "Home", "World", "Europe", "Politics", "Opinion", "Search"],
    ["Share on Facebook", "Share on Twitter", "Share via Email"],
    ["Soldiers at a checkpoint near the front line. Photo: AP Photo/Staff", "Image credit: Reuters"],
    ["Sign up for our daily newsletter on the war in Ukraine"],
    ["Related articles", "Kremlin hints at new round of talks", "Kyiv rejects Russian terms again"],
    ["2 Comments", "Leave a Reply", "Your email address will not be published. Required fields are marked *"],
    ["Advertisement"],
    ["© 2025 The Example Times. All rights reserved.", "Privacy Policy | Terms of Use | Cookie Settings"],
]


def generate(n: int, seed: int, path: Path) -> Path:
    """Write a JSON Lines corpus of n synthetic articles."""
    paragraphs = pd.read_parquet(ROOT / "data" / "processed" / "paragraphs.parquet")
    body = paragraphs[paragraphs["kind"] == "body"]["text"].tolist()
    titles = pd.read_parquet(ROOT / "data" / "processed" / "articles.parquet")["title"].dropna().tolist()
    rng = np.random.default_rng(seed)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            lines = [*LEFTOVERS[0], "", str(rng.choice(titles)), "By Jane Example", "May 3, 2025", *LEFTOVERS[1], ""]
            paras = list(rng.choice(body, size=int(rng.integers(8, 20)), replace=False))
            for k, para in enumerate(paras):
                lines += [para, ""]
                if k == 3:
                    lines += [*LEFTOVERS[2], ""]
                if k == 6:
                    lines += [*LEFTOVERS[int(rng.choice([3, 6]))], ""]
            for block in LEFTOVERS[4:]:
                lines += [*block, ""]
            record = {"article_id": f"a{i:07d}", "outlet": f"Outlet {int(rng.integers(0, 40))}",
                      "bloc": ("russian", "western")[int(rng.integers(0, 2))], "text": "\n".join(lines)}
            handle.write(json.dumps(record) + "\n")
    return path


class _Memory:
    """Peak resident memory: of the largest single process, and of this process and all its
    descendants together (sampled every 0.2 s with psutil, which Dask brings)."""

    def __init__(self) -> None:
        import threading

        self.total = 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.is_set():
            rss = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    rss += proc.memory_info().rss
            self.total = max(self.total, rss / 2**20)
            self.stop.wait(0.2)

    def finish(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return {"peak_mb": max(own, children) / 1024, "peak_total_mb": self.total}  # Linux reports KiB


def _cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and its finished children: less sensitive than
    wall time to other jobs sharing the cores."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


CONFIGS = ("naive", "naive_regex", "jobs1", "jobs2", "dask", "jobs1_topics", "jobs2_topics", "reproduce")
#: The issue's naive loop splits sentences with a regular expression: after ., ! or ?, at white space.
NAIVE_SPLIT = r"(?<=[.!?])\s+"
#: The build's timed passes, in the order of the table's columns.
PASSES = ("repeated lines", "articles", "keyness", "topics")


def reproduce_log(log: str) -> tuple[dict[str, float], dict[str, int]]:
    """From the log `analysis reproduce` prints: seconds of each step ("[n/N] name ..." then "done in
    X s"), and the peak memory in MB of each notebook's kernel ("kernel peak memory N MB" before it)."""
    steps, peaks, current = {}, {}, None
    for line in log.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith(" ..."):
            current = line.split("] ", 1)[1].removesuffix(" ...")
        elif line.startswith("kernel peak memory ") and current is not None:
            peaks[current] = int(line.removeprefix("kernel peak memory ").removesuffix(" MB").replace(",", ""))
        elif line.startswith("done in ") and current is not None:
            steps[current] = float(line.removeprefix("done in ").removesuffix(" s"))
            current = None
    return steps, peaks


def run_one(config: str, corpus: Path) -> dict:
    """Run one configuration in this (fresh) process; returns seconds, memory and stage rates."""
    memory = _Memory()
    started = time.perf_counter()
    stats = None
    if config in ("naive", "naive_regex"):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        if config == "naive":
            from analysis.segment import split_sentences as split
        else:
            import re

            split = re.compile(NAIVE_SPLIT).split
        scorer = SentimentIntensityAnalyzer()
        with corpus.open(encoding="utf-8") as handle:
            for line in handle:
                for sentence in split(json.loads(line)["text"]):
                    if sentence:  # (a regular-expression split can give an empty first piece)
                        scorer.polarity_scores(sentence)
    elif config == "reproduce":
        with tempfile.TemporaryDirectory() as out:
            done = subprocess.run([sys.executable, "-m", "analysis", "reproduce", "--corpus", str(corpus), "--out", out],
                                  capture_output=True, text=True, check=False, cwd=ROOT)
        if done.returncode:
            # (reproduce names each failed step on stdout; stderr mostly holds library warnings)
            raise RuntimeError(f"reproduce failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n"
                               f"stderr:\n{done.stderr[-2000:]}")
        steps, kernels = reproduce_log(done.stdout)
    else:
        from analysis.pipeline import build_corpus

        jobs = 2 if config == "dask" else int(config.removeprefix("jobs").removesuffix("_topics"))
        engine = "dask" if config == "dask" else "processes"
        with tempfile.TemporaryDirectory() as out:
            stats = build_corpus(corpus, out, jobs=jobs, engine=engine, skip_topics=not config.endswith("_topics"),
                                 progress=False)
    result = {"seconds": time.perf_counter() - started, **memory.finish(), "cpu_s": _cpu_seconds()}
    if stats is not None:
        result["stages"] = stats.stage_rates()
        result["passes"] = stats.seconds
    if config == "reproduce":
        result["steps"] = steps
        result["kernel_mb"] = kernels
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="add N = 100,000")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--one", nargs=2, metavar=("CONFIG", "CORPUS"), help=argparse.SUPPRESS)
    parser.add_argument("--results", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    parser.add_argument("--report", action="store_true", help="only rewrite RESULTS.md from results.json")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each configuration, in turns (a row keeps the run of median wall time and lists all)")
    parser.add_argument("--note", default="", help="a note kept with this run's rows, e.g. 'shared' (other jobs on the cores)")
    args = parser.parse_args()
    if args.report:
        write_results(Path(args.results), [])
        return 0
    if args.one:
        print(json.dumps(run_one(args.one[0], Path(args.one[1]))))
        return 0
    sizes = args.sizes + ([100000] if args.large else [])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = generate(n, args.seed, Path(tmp) / f"corpus_{n}.jsonl")
            runs: dict[str, list[dict]] = {config: [] for config in args.configs}
            for _ in range(args.repeat):  # in turns: a slow spell of the machine touches every configuration
                for config in args.configs:
                    done = subprocess.run([sys.executable, __file__, "--one", config, str(corpus)],
                                          capture_output=True, text=True, check=False)
                    if done.returncode:
                        raise SystemExit(f"{config} at N={n} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
                    result = json.loads(done.stdout.strip().splitlines()[-1])
                    runs[config].append(result)
                    passes = result.get("passes", result.get("steps", {}))
                    print(f"N={n:>7} {config:>12}: {result['seconds']:8.1f} s  {n / result['seconds']:7.1f} articles/s  "
                          f"peak {result['peak_mb']:6.0f} MB (all processes {result['peak_total_mb']:6.0f} MB)  "
                          f"stages {json.dumps({k: round(v) for k, v in result.get('stages', {}).items()})} "
                          f"passes {json.dumps({k: round(v, 1) for k, v in passes.items()})}", flush=True)
            for config, results in runs.items():
                result = median_run(results)
                rows.append({"N": n, "config": config, **result, "articles_per_s": n / result["seconds"]})
            corpus.unlink()
    command = " ".join(["python benchmarks/bench_build.py", *sys.argv[1:]])
    note = {"note": args.note} if args.note else {}
    write_results(Path(args.results), [{**row, "command": command, "date": time.strftime("%Y-%m-%d"),
                                        "code": code_version(), "machine": cpu_model(), **note} for row in rows])
    return 0


def median_run(results: list[dict]) -> dict:
    """Of several runs of one configuration, the run of median wall time (the lower middle one of an
    even number), with every run's wall seconds under `runs`: the machine's speed drifts by 10 to
    20% from minute to minute (measured on this 2-core machine), so one run can be a slow spell's."""
    ordered = sorted(results, key=lambda r: r["seconds"])
    middle = ordered[(len(ordered) - 1) // 2]
    return {**middle, "runs": [r["seconds"] for r in results]} if len(results) > 1 else dict(middle)


def code_version() -> str:
    """The code measured: the short hash of the committed `src/` tree (the same for commits that
    only add results), with "+changes" when `src/` differs from it: each row says which code it
    timed, and the targets are judged on the newest code only."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short=7", "HEAD:src")
    return (head + ("+changes" if git("status", "--porcelain", "--", "src") else "")) if head else "unknown"


def write_results(path: Path, rows: list[dict]) -> None:
    """Merge `rows` into the raw results beside `path` (results.json: a new run replaces the rows of
    the same N and configuration) and write the Markdown table from all of them."""
    raw = path.with_name("results.json")
    kept = json.loads(raw.read_text(encoding="utf-8")) if raw.exists() else []
    key = lambda r: (r["N"], r["config"], r.get("note", ""))  # noqa: E731
    new = {key(r) for r in rows}  # a run on a shared machine does not replace a quiet one's rows
    merged = sorted([r for r in kept if key(r) not in new] + rows,
                    key=lambda r: (r["N"], CONFIGS.index(r["config"]), r.get("note", "")))
    raw.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    table = pd.DataFrame(merged)
    table["code"] = table["code"].fillna("older") if "code" in table else "older"
    # the targets are judged on the rows of the code this run measured (or, for --report, the
    # newest code on record): rows of older code stay in the table, for history, but are not judged
    newest = max(merged, key=lambda r: r.get("date", ""), default={})
    current = rows[-1].get("code", "older") if rows else newest.get("code", "older")
    cpu = cpu_model()
    table["machine"] = table["machine"].fillna(EARLIER_MACHINE) if "machine" in table else EARLIER_MACHINE
    lines = [
        "# Benchmark results", "",
        "Commands, and the rows each produced (raw numbers, with dates: results.json):", "",
        *(f"- `{command}`: " + ", ".join(f"{c} at {n:,}" for n, c in zip(rows["N"], rows["config"]))
          for command, rows in table.groupby("command", sort=True)), "",
        f"Machine of the newest run: {os.cpu_count()} cores ({cpu}), {_memory_gib()} GiB memory, Python "
        f"{platform.python_version()}, {platform.system()}. Each row names the CPU it ran on (`machine`; the "
        f"report written before rows recorded it named an AMD EPYC): compare rows of one machine.", "",
        "`jobs1`, `jobs2`, `dask`: `build --skip-topics` (`jobs1`: one process; `jobs2`: a pool of two; `dask`: a",
        "LocalCluster of two workers, started inside the timing). `jobs1_topics`, `jobs2_topics`: the default build,",
        "topics included. `reproduce`: `python -m analysis reproduce --corpus ... --out ...` (the default build with",
        "`--jobs` = all cores, every notebook executed, the HTML rendered). naive = read, split sentences, VADER per",
        "sentence, no cleaning. It splits with the project's Punkt splitter, as when the issue's 0.42 was measured;",
        "the ratio column is against it. `naive_regex` is the issue's own loop, which splits with a regular",
        f"expression (`{NAIVE_SPLIT}`) and is faster; the naive-loop target is judged against both.",
        "Peak memory: the largest single process, and all the job's processes together (sampled).",
        "Stage rates are articles per second of one worker, from the time each stage took inside the workers;",
        "pass seconds are wall seconds of the build's passes (for `reproduce`, of its build step).",
        "Where a configuration ran several times (`--repeat`, in turns with the others), its row is the run of",
        "median wall time, with the range of all runs: this machine's speed drifts by 10 to 20% between minutes.",
        "A row's note says how it was measured (`shared`: other jobs were using the same cores, so its wall",
        "times are upper bounds, and ratios between rows of one run are fairer than absolute numbers).", "",
        "| N | configuration | date | code | machine | note | wall s | CPU s | articles/s | ratio to naive "
        "| peak MB (largest process) "
        "| peak MB (all processes) "
        "| clean/s | segment/s | sentiment/s | framing/s | repeated lines s | articles s | keyness s | topics s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, group in table.groupby("N"):
        naive = group[group["config"] == "naive"]
        for row in group.itertuples():
            stages = row.stages if isinstance(getattr(row, "stages", None), dict) else {}
            passes = row.passes if isinstance(getattr(row, "passes", None), dict) else {}
            # (against the naive loop measured on the same code: the machine's speed drifts from day to
            # day, so a ratio to a naive row of another day would say more about the day than the code)
            same = naive[(naive["code"] == row.code) & (naive["machine"] == row.machine)]
            ratio = f"{row.articles_per_s / same['articles_per_s'].iloc[0]:.2f}" if len(same) else ""
            note = row.note if isinstance(getattr(row, "note", None), str) else ""
            cpu = getattr(row, "cpu_s", float("nan"))
            lines.append(f"| {n:,} | {row.config} | {getattr(row, 'date', '')} | {row.code} | {row.machine} | {note} | "
                         f"{_wall(row)} | "
                         + (f"{cpu:.1f}" if cpu == cpu else "") + " | "
                         f"{row.articles_per_s:.1f} | {ratio} | {row.peak_mb:.0f} | {row.peak_total_mb:.0f} | "
                         + " | ".join(f"{stages[s]:.0f}" if s in stages else "" for s in
                                      ("clean", "segment", "sentiment", "framing")) + " | "
                         + " | ".join(f"{passes[p]:.1f}" if p in passes else "" for p in PASSES) + " |")
    steps = table[table["config"] == "reproduce"] if "steps" in table else table.iloc[:0]
    if len(steps):
        names = list(dict.fromkeys(name for row in steps["steps"] for name in row))  # every step, first seen first
        lines += ["", "Steps of `reproduce` (wall seconds; a blank: the step did not exist in that code). From code "
                  "1914b46 on, the notebooks and the results tables run two at a time after the build, so their "
                  "seconds overlap and add up to more than their share of the row's wall time:", "",
                  "| N | code | machine | note | " + " | ".join(names) + " |", "|---|---|---|---|" + "---|" * len(names)]
        for row in steps.itertuples():
            note = row.note if isinstance(getattr(row, "note", None), str) else ""
            lines.append(f"| {row.N:,} | {row.code} | {row.machine} | {note} | "
                         + " | ".join(f"{row.steps[n]:.1f}" if n in row.steps else "" for n in names) + " |")
    kernels = steps[[isinstance(k, dict) and bool(k) for k in steps["kernel_mb"]]] if "kernel_mb" in steps else steps.iloc[:0]
    if len(kernels):
        names = list(dict.fromkeys(name for row in kernels["kernel_mb"] for name in row))
        lines += ["", "Peak memory of each notebook's kernel in `reproduce` (MB, its high-water mark, which `reproduce` "
                  "prints; rows from code that printed it). The largest of these, or the build's, is the row's "
                  "largest process:", "",
                  "| N | code | machine | " + " | ".join(n.removeprefix("execute ") for n in names) + " |",
                  "|---|---|---|" + "---|" * len(names)]
        for row in kernels.itertuples():
            lines.append(f"| {row.N:,} | {row.code} | {row.machine} | "
                         + " | ".join(f"{row.kernel_mb[n]:,}" if n in row.kernel_mb else "" for n in names) + " |")
    judged = table[table["code"] == current]
    lines += ["", f"The targets below are judged on the rows measured on code `{current}` only"
              + (f" ({len(table) - len(judged)} rows of other code are listed above for history)." if len(judged) < len(table)
                 else ".") + " The whole job at 100,000 articles is judged on its newest row, whatever its code.",
              "", *target_lines(judged, whole_job=table), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _wall(row: object) -> str:
    """Wall seconds of a row: one run's, or the median run's with the range of all runs."""
    runs = getattr(row, "runs", None)
    if isinstance(runs, list) and len(runs) > 1:
        return f"{row.seconds:.1f} (median of {len(runs)}: {min(runs):.1f} to {max(runs):.1f})"
    return f"{row.seconds:.1f}"


#: The machine of rows measured before rows recorded their CPU (the last report written then named an AMD EPYC).
EARLIER_MACHINE = "not recorded"


def cpu_model() -> str:
    """This machine's CPU model, as /proc/cpuinfo names it."""
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")),
                platform.processor() or "unknown")


def _memory_gib() -> str:
    meminfo = Path("/proc/meminfo")
    if not meminfo.exists():
        return "?"
    kib = next(int(line.split()[1]) for line in meminfo.read_text().splitlines() if line.startswith("MemTotal"))
    return f"{kib / 2**20:.0f}"


def _short_of(value: float, target: float) -> str:
    """`value` with two decimals, or three where two would print the target for a value short of it
    (1.797 as "1.797", not "1.80" beside "not met")."""
    return f"{value:.3f}" if value < target and round(value, 2) >= target else f"{value:.2f}"


def target_lines(table: pd.DataFrame, whole_job: pd.DataFrame | None = None) -> list[str]:
    """The scale issue's targets, each checked against the measured rows (none is asserted by hand);
    where a configuration has several rows, the one measured without a note (a quiet machine).
    `whole_job`: rows to judge the 100,000-article end-to-end target on (its newest row), when
    that long run was measured on other code than `table`."""
    every = table
    if "note" in table:
        table = (table.assign(_shared=table["note"].fillna("").ne(""))
                 .sort_values(["N", "config", "_shared"], kind="mergesort").drop_duplicates(["N", "config"]))
    rate = {(r.N, r.config): r.articles_per_s for r in table.itertuples()}
    seconds = {(r.N, r.config): r.seconds for r in table.itertuples()}
    peak = {(r.N, r.config): r.peak_total_mb for r in table.itertuples()}
    builds = ("jobs1", "jobs2", "dask")
    sizes = sorted(table["N"].unique())
    out = ["## Targets (2 cores), checked against the rows above", ""]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    big = max(sizes)
    built = {c: seconds[(big, c)] for c in builds if (big, c) in seconds}
    if big >= 100_000 and built:
        best = min(built, key=built.get)
        out.append(f"- {big:,} articles in under 10 minutes: {verdict(built[best] < 600)} "
                   f"(fastest: {best}, {built[best] / 60:.1f} min).")
    else:
        out.append("- 100,000 articles in under 10 minutes: not measured (run with `--large`).")
    for config in builds:
        peaks = [(n, peak[(n, config)]) for n in sizes if (n, config) in peak]
        if len(peaks) < 2:
            continue
        (n0, p0), (n1, p1) = peaks[0], peaks[-1]
        flat = p1 < 2048 and p1 / p0 < 1.5  # flat: under 1.5x while N grows 10x or more
        out.append(f"- peak memory under 2 GB and flat in N ({config}, all processes): {verdict(flat)} "
                   f"({p0:.0f} MB at {n0:,}, {p1:.0f} MB at {n1:,}: {p1 / p0:.2f}x while N grew {n1 / n0:.0f}x).")
    pairs = [(n, rate[(n, "jobs2")] / rate[(n, "jobs1")]) for n in sizes if (n, "jobs1") in rate and (n, "jobs2") in rate]
    if pairs:
        # (beside it, the article pass alone: the rest of a build is start-up and the first pass, paid by both)
        passes = {(r.N, r.config): r.passes.get("articles") for r in table.itertuples()
                  if isinstance(getattr(r, "passes", None), dict)}
        alone = [(n, passes[(n, "jobs1")] / passes[(n, "jobs2")]) for n, _ in pairs
                 if passes.get((n, "jobs1")) and passes.get((n, "jobs2"))]
        out.append("- `--jobs 2` at least 1.8x `--jobs 1`: " + verdict(all(s >= 1.8 for _, s in pairs)) + " ("
                   + ", ".join(f"{_short_of(s, 1.8)}x at {n:,}" for n, s in pairs) + ")"
                   + ("; the article pass alone: " + ", ".join(f"{s:.2f}x at {n:,}" for n, s in alone)
                      + " (the rest of a build, paid by both, is start-up and the first pass)" if alone else "") + ".")
    best, regex = ({n: max(rate[(n, c)] for c in builds if (n, c) in rate) / rate[(n, loop)] for n in sizes
                    if (n, loop) in rate and any((n, c) in rate for c in builds)} for loop in ("naive", "naive_regex"))
    if best:
        listed = {loop: ", ".join(f"{_short_of(r, 0.5)} at {n:,}" for n, r in ratios.items())
                  for loop, ratios in (("punkt", best), ("regex", regex))}
        out.append("- at least 0.5x the speed of the naive loop: "
                   + verdict(all(r >= 0.5 for r in [*best.values(), *regex.values()]))
                   + f" (best ratio {listed['punkt']}"
                   + (f" against the loop that splits with Punkt; {listed['regex']} against the issue's own loop, "
                      "which splits with a regular expression (`naive_regex`)" if regex else "") + ").")
    return out + topic_target_lines(every, whole_job)


def _runs(table: pd.DataFrame) -> list[tuple[tuple[str, str], dict, dict]]:
    """Per configuration pair and note: seconds and CPU seconds keyed by (N, config)."""
    out = []
    for jobs in ("jobs1", "jobs2"):
        for note in sorted(table["note"].unique()):
            rows = table[(table["note"] == note) & table["config"].isin([jobs, f"{jobs}_topics"])]
            seconds = {(r.N, r.config): r.seconds for r in rows.itertuples()}
            cpu = ({(r.N, r.config): r.cpu_s for r in rows.itertuples() if r.cpu_s == r.cpu_s}
                   if "cpu_s" in rows else {})
            out.append(((jobs, note), seconds, cpu))
    return out


def topic_target_lines(table: pd.DataFrame, whole_job: pd.DataFrame | None = None) -> list[str]:
    """The targets of the topics-at-scale issue (default build, topics included), from the rows. A
    ratio compares rows of one run (the same note), so that a quiet and a shared machine are not mixed."""
    table = table.assign(note=table["note"].fillna("") if "note" in table else "")
    sizes = sorted(table["N"].unique())
    largest = {(r.N, r.config): r.peak_mb for r in table.itertuples()} if "peak_mb" in table else {}
    out = ["", "## Targets of the default build, topics included (2 cores), checked against the rows above", ""]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    for (jobs, note), seconds, cpu in _runs(table):
        ratios = [(n, seconds[(n, f"{jobs}_topics")] / seconds[(n, jobs)]) for n in sizes
                  if (n, jobs) in seconds and (n, f"{jobs}_topics") in seconds]
        if not ratios:
            continue
        judged = [r for n, r in ratios if n == 2000]
        text = ", ".join(f"{r:.2f}x at {n:,}" for n, r in ratios)
        cpu_ratios = [(n, cpu[(n, f"{jobs}_topics")] / cpu[(n, jobs)]) for n, _ in ratios
                      if cpu.get((n, jobs), 0) > 0 and cpu.get((n, f"{jobs}_topics"), 0) > 0]
        if cpu_ratios:
            text += "; in CPU seconds " + ", ".join(f"{r:.2f}x at {n:,}" for n, r in cpu_ratios)
        out.append(f"- default build at most 2.0x `--skip-topics` on 2,000 articles ({jobs}"
                   + (f", {note} machine" if note else "") + "): "
                   + (verdict(judged[0] <= 2.0) if judged else "not measured at 2,000") + f" ({text}).")
    if not any(line.startswith("- default build") for line in out):
        out.append("- default build at most 2.0x `--skip-topics` on 2,000 articles: not measured "
                   "(run `--sizes 2000 --configs jobs1 jobs1_topics`).")
    # the newest whole job at 100,000 articles (whatever its code); of runs on the same day, a quiet machine's
    runs = whole_job[(whole_job["N"] == 100_000) & (whole_job["config"] == "reproduce")] if whole_job is not None else []
    last = None
    if len(runs):
        quiet_run = runs["note"].fillna("").eq("") if "note" in runs else True
        last = runs.assign(quiet_run=quiet_run).sort_values(["date", "quiet_run"], kind="mergesort").iloc[-1]
    # (the default build alone, then the whole job, whose largest process is usually a notebook's kernel; without a
    # whole job on the judged code, its newest 100,000-article row, as for its time below)
    for configs, what in ((("jobs1_topics", "jobs2_topics"), "with topics (the default build)"),
                          (("reproduce",), "in the whole job (reproduce: the default build, then each notebook's kernel)")):
        topical = [(n, c, largest[(n, c)], "") for n in sizes for c in configs if (n, c) in largest]
        if not topical and configs == ("reproduce",) and last is not None:
            topical = [(100_000, "reproduce", last["peak_mb"], f" on code {last['code']}")]
        if topical:
            out.append(f"- largest process under 2 GB {what}: " + verdict(all(p < 2048 for _, _, p, _ in topical)) + " ("
                       + ", ".join(f"{c} {p:.0f} MB at {n:,}{code}" for n, c, p, code in topical) + ").")
    quiet = table.sort_values("note", kind="mergesort").drop_duplicates(["N", "config"])  # a quiet machine first
    seconds = {(r.N, r.config): r.seconds for r in quiet.itertuples()}
    whole = [(c, seconds[(100_000, c)]) for c in ("reproduce", "jobs2_topics", "jobs1_topics") if (100_000, c) in seconds]
    if last is not None and not any(c == "reproduce" for c, _ in whole):
        note = last["note"] if isinstance(last.get("note"), str) and last["note"] else ""
        out.append(f"- 100,000 articles in under 15 minutes end to end: {verdict(last['seconds'] < 900)} "
                   f"(reproduce, {last['seconds'] / 60:.1f} min on code {last['code']}"
                   + (f", {note} machine" if note else "") + ").")
    elif whole:
        config, took = whole[0]
        out.append(f"- 100,000 articles in under 15 minutes end to end: {verdict(took < 900)} "
                   f"({config}, {took / 60:.1f} min" + ("" if config == "reproduce" else "; the build only") + ").")
    else:
        out.append("- 100,000 articles in under 15 minutes end to end: not measured (run `--sizes 100000 --configs reproduce`).")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
