"""Benchmark `build` on synthetic corpora of N articles made from the seed paragraphs.

    python benchmarks/bench_build.py                 # N = 1,000 and 10,000; writes benchmarks/RESULTS.md
    python benchmarks/bench_build.py --sizes 1000    # a quick run
    python benchmarks/bench_build.py --large         # adds N = 100,000 (long)

Each article: a headline, shuffled body paragraphs of the seed corpus, and injected web
leftovers of several kinds (menu, share bar, caption and credit, newsletter prompt, related
block, comment form); random outlet and bloc; all deterministic by seed. Each configuration
runs `python -m analysis build --skip-topics` in a fresh process; peak memory is the largest
resident set of that process or its workers. The naive baseline reads each text, splits
sentences with the same Punkt splitter and scores each with VADER, with no cleaning.
"""

from __future__ import annotations

import argparse
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


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


def run_one(config: str, corpus: Path) -> dict:
    """Run one configuration in this (fresh) process; returns seconds and peak memory."""
    started = time.perf_counter()
    if config == "naive":
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        from analysis.segment import split_sentences

        scorer = SentimentIntensityAnalyzer()
        with corpus.open(encoding="utf-8") as handle:
            for line in handle:
                for sentence in split_sentences(json.loads(line)["text"]):
                    scorer.polarity_scores(sentence)
    else:
        from analysis.cli import main

        jobs = config.removeprefix("jobs")
        with tempfile.TemporaryDirectory() as out:
            status = main(["build", "--corpus", str(corpus), "--out", out, "--quiet", "--skip-topics", "--jobs", jobs])
            if status:
                raise SystemExit(status)
    return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def stages(corpus: Path, limit: int = 1000) -> dict[str, float]:
    """Articles per second of each per-article stage, one process, on the first `limit` articles."""
    from analysis import clean, segment, sentiment

    texts = [json.loads(line)["text"] for line, _ in zip(corpus.open(encoding="utf-8"), range(limit))]
    rates = {}
    started = time.perf_counter()
    cleaned = [clean.clean_article(t) for t in texts]
    rates["clean"] = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    segmented = [segment.segment_paragraphs([p["text"] for p in c.paragraphs])[0] for c in cleaned]
    rates["segment"] = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    for sentences in segmented:
        sentiment.score_texts(s["text"] for s in sentences)
    rates["sentiment"] = len(texts) / (time.perf_counter() - started)
    return rates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--large", action="store_true", help="add N = 100,000")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--one", nargs=2, metavar=("CONFIG", "CORPUS"), help=argparse.SUPPRESS)
    parser.add_argument("--results", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], Path(args.one[1]))))
        return 0
    sizes = args.sizes + ([100000] if args.large else [])
    rows, stage_rates = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            corpus = generate(n, args.seed, Path(tmp) / f"corpus_{n}.jsonl")
            if not stage_rates:
                stage_rates = stages(corpus)
            for config in ("naive", "jobs1", "jobs2"):
                done = subprocess.run([sys.executable, __file__, "--one", config, str(corpus)],
                                      capture_output=True, text=True, check=True)
                result = json.loads(done.stdout.strip().splitlines()[-1])
                rows.append({"N": n, "config": config, **result, "articles_per_s": n / result["seconds"]})
                print(f"N={n:>7} {config:>6}: {result['seconds']:8.1f} s  {n / result['seconds']:7.1f} articles/s  "
                      f"peak {result['peak_mb']:7.0f} MB", flush=True)
    write_results(Path(args.results), rows, stage_rates, " ".join(sys.argv[1:]))
    return 0


def write_results(path: Path, rows: list[dict], stage_rates: dict[str, float], argv: str) -> None:
    table = pd.DataFrame(rows)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    lines = [
        "# Benchmark results", "",
        f"Command: `{' '.join(['python benchmarks/bench_build.py', argv]).strip()}`", "",
        f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}.", "",
        "`build` runs with `--skip-topics`; naive = read, split sentences, VADER per sentence, no cleaning.", "",
        "| N | configuration | wall s | articles/s | ratio to naive | peak MB |", "|---|---|---|---|---|---|",
    ]
    for n, group in table.groupby("N"):
        naive = group.loc[group["config"] == "naive", "articles_per_s"].iloc[0]
        for row in group.itertuples():
            lines.append(f"| {n:,} | {row.config} | {row.seconds:.1f} | {row.articles_per_s:.1f} | "
                         f"{row.articles_per_s / naive:.2f} | {row.peak_mb:.0f} |")
    lines += ["", "Per-article stages, one process, first 1,000 articles (articles/s): "
              + ", ".join(f"{k} {v:.0f}" for k, v in stage_rates.items()) + ".", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
