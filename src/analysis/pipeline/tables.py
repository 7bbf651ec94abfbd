"""The two ways to build the processed tables: `build_corpus` streams a corpus on disk into files
(replaced as a whole, under a lock, with a manifest written last); `build_tables` builds the
same tables from a corpus already in memory."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from analysis import clean, sentiment
from analysis.pipeline.cache import _cue_data
from analysis.pipeline.passes import BuildStats, _frame_chunks, _run
from analysis.pipeline.settings import Settings, settings_of
from analysis.pipeline.sinks import _FileSink, _Fingerprint, _MemorySink, _Output, check_out


def build_corpus(
    corpus: str | Path,
    out: str | Path,
    settings: Settings | None = None,
    *,
    fmt: str = "parquet",
    lenient: bool = False,
    follow_symlinks: bool = False,
    inputs: Sequence[str | Path] = (),
    **options: object,
) -> BuildStats:
    """Build every processed table from the corpus at `corpus` into files in `out`, streaming.

    Memory stays bounded whatever the corpus size: the corpus is read `chunk_size` articles at a
    time and each chunk's rows are appended to the output files. `jobs` processes (or a Dask
    cluster with `engine="dask"`: a LocalCluster of `jobs` workers, or the one at `scheduler`)
    do the per-article work; the tables are the same whichever runs it. `cache_dir` keeps each
    article's result so that a rerun only processes what changed. Rows follow the corpus order.
    `scorers` are the sentence scorers (`sentiment.SCORERS`): VADER and its topic-neutral variant
    by default; NLTK's port and TextBlob only when asked, as notebook 01 computes them itself.

    The output is replaced as a whole or not at all (see `sinks._Output`), under a lock: a second
    build into the same `out` raises OutputError at once, and so does an `out` that holds
    the corpus or one of `inputs` (other files the build reads).

    Parameters
    ----------
    corpus : a folder with metadata.csv, or a .csv/.jsonl/.parquet table (see `corpus.iter_corpus`).
    out : the output folder.
    settings : how to build (`Settings`; default: `Settings()`).
    fmt : "parquet" or "csv".
    lenient : report and skip bad articles instead of stopping at the first.
    follow_symlinks : read text files that are symbolic links to places outside the corpus folder.
    inputs : other files the build reads (never to be overwritten by the output).
    **options : `Settings` fields replacing those of `settings` (e.g. `jobs=2, skip_topics=True`).

    Returns
    -------
    What the build did: counts, cache hits, seconds, rows per table, notes for the user.
    """
    from analysis import __version__
    from analysis import corpus as corpus_module

    settings = settings_of(settings, options)
    chunk_size = settings.chunk_size
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive number, not {chunk_size}")
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
    if not Path(corpus).exists():
        raise corpus_module.CorpusError(f"{corpus}: no such file or folder")
    out = Path(out)
    check_out(out, [corpus, *inputs])
    cues = tuple(clean.load_cues() if settings.cues is None else settings.cues)
    settings = dataclasses.replace(settings, cues=cues)
    fingerprint = _Fingerprint()

    def source() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        return fingerprint.watch(corpus_module.iter_corpus(corpus, lenient=lenient, chunk_size=chunk_size,
                                                           follow_symlinks=follow_symlinks))

    with _Output(out) as output:
        sink = _FileSink(output.tmp, fmt)
        stats = _run(source, sink, settings, total=None)
        cue_digest = hashlib.sha256(json.dumps(_cue_data(cues), ensure_ascii=False).encode("utf-8")).hexdigest()
        manifest = {
            "built_by": f"analysis {__version__} (python -m analysis build)",
            "corpus": {"articles": len(fingerprint.texts), "fingerprint": fingerprint.digest()},
            "format": fmt,
            "settings": {"compare": list(settings.compare), "cues_sha256": cue_digest, "follow_symlinks": follow_symlinks,
                         "learn_abbreviations": settings.learn_abbreviations, "lenient": lenient,
                         "scorers": list(sentiment.check_scorers(settings.scorers)), "seed": settings.seed,
                         "skip_topics": settings.skip_topics, "topic_units": settings.topic_units},
            "tables": {name: {"file": sink.path(name).name, "rows": int(stats.rows.get(name, 0))}
                       for name in sorted(stats.rows)},
        }
        if output.publish(sink, manifest):
            stats.notes.append("Ctrl-C came while the finished tables were moved into place: the output is complete")
    return stats


def build_tables(
    articles: pd.DataFrame,
    problems: pd.DataFrame | None = None,
    settings: Settings | None = None,
    **options: object,
) -> dict[str, pd.DataFrame]:
    """Build every processed table from a corpus already in memory (see `corpus.load_corpus`);
    the same tables `build_corpus` writes for the same articles. With `jobs` > 1 the per-article
    work runs in a process pool only when there are at least `min_articles_per_job` articles
    per process (below that, starting the pool costs more than it saves).

    Parameters
    ----------
    articles : the corpus table (metadata columns and `text`).
    problems : the problems table that came with it, or None.
    settings : how to build (`Settings`; default: `Settings()`).
    **options : `Settings` fields replacing those of `settings` (e.g. `progress=False`).

    Returns
    -------
    Every table by name, in name order.
    """
    settings = settings_of(settings, options)
    source = _frame_chunks(articles, problems, settings.chunk_size)
    sink = _MemorySink()
    _run(source, sink, settings, total=len(articles))
    return dict(sorted(sink.tables().items()))
