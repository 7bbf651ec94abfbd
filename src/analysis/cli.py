"""Command line: `python -m analysis build | clean FILE | evaluate-cleaning FOLDER | reproduce`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis import paths, reproduce

__all__ = ["main"]


def _build(args: argparse.Namespace) -> int:
    from analysis.pipeline import command_settings, run_build

    settings = command_settings(
        args.out, jobs=args.jobs, cache=args.cache, no_cache=args.no_cache, quiet=args.quiet,
        chunk_size=args.chunk_size, learn_abbreviations=args.learn_abbreviations, compare=tuple(args.compare),
        skip_topics=args.skip_topics, engine=args.engine, scheduler=args.scheduler, topic_units=args.topic_units,
        scorers=args.scorers.split(","))
    return run_build(args.corpus, args.out, settings, fmt=args.format, lenient=args.lenient,
                     follow_symlinks=args.follow_symlinks, cues_file=args.cues, quiet=args.quiet)


def _clean(args: argparse.Namespace) -> int:
    """Print one article's cleaning: kept paragraphs with kinds, then removed lines with reasons."""
    import csv

    from analysis import clean

    path = Path(args.file)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        print(f"error: {path}: no such file", file=sys.stderr)
        return 2
    except IsADirectoryError:
        print(f"error: {path}: is a folder; give one article's text file", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {path}: cannot read ({exc.strerror or exc})", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"error: {path}: not valid UTF-8 at byte {exc.start}", file=sys.stderr)
        return 2
    title, author = args.title, args.author
    metadata = path.parent / "metadata.csv"
    if metadata.is_file() and title is None:
        with metadata.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("file") == path.name:
                    title, author = row.get("title") or None, author or row.get("author") or None
    cues = clean.load_cues(args.cues) if args.cues else None
    result = clean.clean_article(text, title=title, author=author, cues=cues)
    print(f"# {path.name}: {len(result.paragraphs)} paragraphs kept, {len(result.removed)} lines removed")
    print(f"# found in text: title={result.title!r} date={result.date!r} author={result.author!r}\n")
    print("## kept")
    for para in result.paragraphs:
        lines = f"{para['line_start']}" + (f"-{para['line_end']}" if para["line_end"] != para["line_start"] else "")
        print(f"[{lines:>7}] {para['kind']:<10} {para['text']}")
    print("\n## removed")
    for row in result.removed:
        print(f"[{row['line_no']:>7}] {row['reason']:<14} {row['text']}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    """Print cleaning accuracy on hand-labelled pages (K|/D| lines)."""
    from analysis.evaluate import cleaning_accuracy

    files = sorted(Path(args.folder).glob("*.txt"))
    if not files:
        print(f"error: {args.folder}: no labelled .txt pages", file=sys.stderr)
        return 2
    try:
        table = cleaning_accuracy(files)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(table.to_string(index=False))
    return 0


def _reproduce(args: argparse.Namespace) -> int:
    if args.notebook_jobs is not None and args.notebook_jobs < 1:
        print(f"error: --notebook-jobs must be at least 1, not {args.notebook_jobs}", file=sys.stderr)
        return 2
    return reproduce.main(corpus=args.corpus, out=args.out, notebook_jobs=args.notebook_jobs, lenient=args.lenient)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command of `python -m analysis` (the only command-line parser of the package).

    Parameters
    ----------
    argv : the arguments after `python -m analysis` (None: `sys.argv[1:]`).

    Returns
    -------
    The exit status: 0 on success, 2 for an error in the input, 130 when interrupted (1 when
    `reproduce` had a failing notebook).
    """
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p_build = sub.add_parser("build", help="clean and segment the corpus into data/processed/ tables")
    p_build.add_argument("--corpus", default=str(paths.RAW),
                         help="folder with metadata.csv, or a .csv/.jsonl/.parquet table (default: data/raw)")
    p_build.add_argument("--out", default=str(paths.PROCESSED), help="output folder (default: data/processed)")
    p_build.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    p_build.add_argument("--lenient", action="store_true",
                         help="report and skip bad articles (missing, too large, not text) instead of stopping; "
                              "replace bytes that are not UTF-8")
    p_build.add_argument("--follow-symlinks", action="store_true",
                         help="read text files that are symbolic links to places outside the corpus folder")
    p_build.add_argument("--cues", help="your own boilerplate cue file (format: src/analysis/resources/boilerplate_cues.tsv)")
    p_build.add_argument("--learn-abbreviations", action="store_true",
                         help="add initialisms Punkt learns from this corpus to the abbreviation list")
    p_build.add_argument("--compare", nargs=2, metavar=("BLOC_A", "BLOC_B"), default=["russian", "western"],
                         help="the two blocs the keyness table compares (default: russian western)")
    p_build.add_argument("--skip-topics", action="store_true", help="leave out the topics table (the slowest step)")
    p_build.add_argument("--jobs", type=int, default=None,
                         help="processes for the per-article work (default: all cores; small corpora run in one)")
    p_build.add_argument("--engine", choices=("processes", "dask"), default="processes",
                         help="run the per-article work in a process pool (default) or on Dask")
    p_build.add_argument("--scheduler", metavar="ADDRESS",
                         help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
                              "default: a LocalCluster of --jobs workers)")
    p_build.add_argument("--chunk-size", type=int, default=1000,
                         help="articles read and written at a time; memory grows with this, not with the corpus")
    p_build.add_argument("--cache", metavar="DIR", help="where per-article results are kept for reruns (default: OUT/.cache)")
    p_build.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p_build.add_argument("--topic-units", type=int, default=20_000,
                         help="largest number of paragraphs the topic models are fitted on (a fixed sample above it)")
    p_build.add_argument("--scorers", default="vader,neutral", metavar="LIST",
                         help="sentence scorers, comma-separated, from vader,neutral,nltk,textblob (default: vader,neutral; "
                              "notebook 01 computes NLTK's port and TextBlob itself where it compares methods)")
    p_build.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    p_build.set_defaults(func=_build)

    p_clean = sub.add_parser("clean", help="show how one article's text is cleaned")
    p_clean.add_argument("file", help="a raw article text file")
    p_clean.add_argument("--title", help="the known headline (read from a metadata.csv beside the file if absent)")
    p_clean.add_argument("--author", help="the known author")
    p_clean.add_argument("--cues", help="your own boilerplate cue file")
    p_clean.set_defaults(func=_clean)

    p_eval = sub.add_parser("evaluate-cleaning", help="measure cleaning on pages labelled line by line (K| keep, D| drop)")
    p_eval.add_argument("folder", help="a folder of labelled .txt pages (see tests/fixtures/unseen/README.md)")
    p_eval.set_defaults(func=_evaluate)

    p_repro = sub.add_parser("reproduce", help="build the tables and execute every notebook")
    p_repro.add_argument("--corpus", default=str(paths.RAW))
    p_repro.add_argument("--out", default=str(paths.PROCESSED))
    p_repro.add_argument("--notebook-jobs", type=int, default=None, metavar="N",
                         help="notebooks executed at a time, each in its own process "
                              f"(default {reproduce.default_notebook_jobs()} on this machine: 2 with two cores or "
                              "more, 1 where two kernels would not fit in memory on the corpus built); each kernel "
                              "holds its own copy of the tables it reads, so 1 needs least memory")
    p_repro.add_argument("--lenient", action="store_true",
                         help="build as `build --lenient` does: report and skip bad articles instead of stopping")
    p_repro.set_defaults(func=_reproduce)

    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print(f"interrupted ({args.command})", file=sys.stderr)
        return 130
