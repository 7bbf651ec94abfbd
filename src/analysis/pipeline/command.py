"""The build as a command runs it (`python -m analysis build`, and the first step of
`reproduce`): its default settings, errors as messages and an exit status, the problems and
notes as warnings, and a one-line summary."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import clean
from analysis.pipeline.settings import Settings
from analysis.pipeline.tables import build_corpus
from analysis.schema import csv_unescape


def command_settings(out: str | Path, *, jobs: int | None = None, cache: str | Path | None = None,
                     no_cache: bool = False, quiet: bool = False, **options: object) -> Settings:
    """The settings of `python -m analysis build`: every core, a cache in OUT/.cache, a progress bar.

    Parameters
    ----------
    out : the output folder (the cache goes in `out/.cache` unless `cache` or `no_cache`).
    jobs : processes for the per-article work (None: every core).
    cache : where per-article results are kept, instead of `out/.cache`.
    no_cache : build without a cache.
    quiet : no progress bar.
    **options : other `Settings` fields.

    Returns
    -------
    The settings.
    """
    cache_dir = None if no_cache else Path(cache) if cache else Path(out) / ".cache"
    return Settings(jobs=jobs if jobs is not None else os.cpu_count() or 1, cache_dir=cache_dir,
                    progress=None if not quiet else False, **options)


def run_build(corpus: str | Path, out: str | Path, settings: Settings, *, fmt: str = "parquet", lenient: bool = False,
              follow_symlinks: bool = False, cues_file: str | None = None, quiet: bool = False) -> int:
    """`build_corpus`, reporting as the command line does: an error is a message on stderr and exit
    status 2 (130 for Ctrl-C, the previous output kept), each problem and note a warning, and unless
    `quiet` a summary line on stdout.

    Parameters
    ----------
    corpus, out, fmt, lenient, follow_symlinks : as for `build_corpus`.
    settings : how to build (see `command_settings` for the command's defaults).
    cues_file : a boilerplate cue file to use instead of `settings.cues` (an input the output may not hold).
    quiet : print no summary.

    Returns
    -------
    The exit status: 0, 2 (an error) or 130 (interrupted).
    """
    started = time.perf_counter()
    out = Path(out)
    try:
        if cues_file:
            settings = dataclasses.replace(settings, cues=clean.load_cues(cues_file))
        stats = build_corpus(corpus, out, settings, fmt=fmt, lenient=lenient, follow_symlinks=follow_symlinks,
                             inputs=[cues_file] if cues_file else [])
    except (ValueError, OSError) as exc:  # a CorpusError, an OutputError, a bad setting or cue file
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted: nothing was written; {out} keeps its previous output", file=sys.stderr)
        return 130
    if stats.problems:
        problems = _read_table(out / f"problems.{fmt}")
        for row in problems.itertuples(index=False):
            print(f"warning: {row.file} ({row.article_id}): {row.problem}: {row.detail}", file=sys.stderr)
    for note in stats.notes:
        print(f"warning: {note}", file=sys.stderr)
    if not quiet:
        seconds = time.perf_counter() - started
        rows = stats.rows
        print(
            f"built {stats.articles} articles ({stats.cached} from the cache), {rows.get('paragraphs', 0)} paragraphs, "
            f"{rows.get('sentences', 0)} sentences, {rows.get('removed_lines', 0)} removed lines "
            f"in {seconds:.1f} s ({stats.articles / max(seconds, 1e-9):.0f} articles/s, engine: {stats.engine}) -> {out}/"
        )
        if stats.problems:
            print(f"{stats.problems} problem(s) listed in {out / ('problems.' + fmt)}")
    return 0


def _read_table(path: Path) -> pd.DataFrame:
    return pd.read_parquet(path) if path.suffix == ".parquet" else csv_unescape(pd.read_csv(path, dtype="string"))

