"""Read a corpus as `(articles, problems)` tables: whole (`load_corpus`) or in chunks (`iter_corpus`)."""

from __future__ import annotations

import operator
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from analysis.corpus.checks import _check_row, _Log
from analysis.corpus.schema import _STRING, METADATA_COLUMNS, CorpusError
from analysis.corpus.sources import _open_source

__all__ = ["iter_corpus", "load_corpus"]


def load_corpus(
    path: str | os.PathLike[str], *, lenient: bool = False, follow_symlinks: bool = False
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load a folder or table corpus as `(articles, problems)`.

    `articles` has METADATA_COLUMNS, then any extra user columns (original order),
    then `text`; metadata are stripped strings (empty -> <NA>), `bloc` lower case,
    `published` an ISO `YYYY-MM-DD` string; rows sorted by `article_id`.
    Table corpora without a `file` value get `<table name>:<row>` (1-based data row).

    Strict (default): the first problem raises CorpusError. Lenient: per-article
    problems go to `problems` (columns PROBLEM_COLUMNS) and the article is skipped,
    except undecodable bytes (replaced by U+FFFD) and bad dates (set to <NA>),
    which keep the article. Corpus-level problems always raise. A folder corpus's text
    file that is a symbolic link to a place outside the folder is a `bad_path` problem
    unless `follow_symlinks`. Texts above MAX_ARTICLE_CHARS or with a line above
    MAX_LINE_CHARS are `too_large`; binary or UTF-16 files are `not_text`.
    This is `iter_corpus` with its chunks joined, then stably sorted by `article_id`.

    Parameters
    ----------
    path
        A corpus folder (with metadata.csv) or a .csv, .jsonl or .parquet table.
    lenient
        Record per-article problems and go on, instead of raising at the first one.
    follow_symlinks
        Allow folder text files that link to places outside the folder.

    Returns
    -------
    tuple of DataFrame
        `articles` (string columns, sorted by `article_id`) and `problems` (PROBLEM_COLUMNS).
    """
    chunks = list(iter_corpus(path, lenient=lenient, follow_symlinks=follow_symlinks))
    articles = _concat([a for a, _ in chunks])
    problems = _concat([p for _, p in chunks])
    return articles.sort_values("article_id", kind="stable", ignore_index=True), problems


def iter_corpus(
    path: str | os.PathLike[str], *, lenient: bool = False, chunk_size: int = 1000, follow_symlinks: bool = False
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Yield `(articles, problems)` chunks of at most `chunk_size` articles, in corpus order.

    Columns, values, checks and messages are those of `load_corpus`, but rows keep
    file order and one chunk at a time is held in memory. A chunk's `problems` are
    those found since the previous chunk (in lenient mode the last chunk may hold
    problems only). Errors raise when reached, possibly after earlier chunks (a JSONL
    file is checked whole in a first pass); a corpus with no usable articles raises
    before yielding anything.

    Parameters
    ----------
    path
        A corpus folder (with metadata.csv) or a .csv, .jsonl or .parquet table.
    lenient
        As in `load_corpus`.
    chunk_size
        Most articles per chunk; a positive integer (else ValueError, raised at once).
    follow_symlinks
        As in `load_corpus`.

    Returns
    -------
    Iterator of tuple of DataFrame
        `(articles, problems)` per chunk, rows in corpus order.
    """
    try:
        size = operator.index(chunk_size)
    except TypeError:
        size = 0
    if isinstance(chunk_size, bool) or size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return _chunks(Path(os.fspath(path)), lenient=lenient, chunk_size=size, follow_symlinks=follow_symlinks)


def _chunks(
    root: Path, *, lenient: bool, chunk_size: int, follow_symlinks: bool = False
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    """Check rows as they are read and yield `(articles, problems)` every `chunk_size` articles."""
    source = _open_source(root, batch_size=chunk_size)
    source.follow_symlinks = follow_symlinks
    log = _Log(lenient)
    extras = [c for c in source.columns if c not in METADATA_COLUMNS and c != "text"]
    columns = [*METADATA_COLUMNS, *extras, "text"]
    seen: dict[str, tuple[str, str | None]] = {}  # article_id -> (ref, folder file) of its first row
    articles: list[dict[str, str | None]] = []
    n_rows = n_articles = 0
    for row in source.rows:
        n_rows += 1
        article = _check_row(row, source, extras, seen, log)
        if article is None:
            continue
        articles.append(article)
        n_articles += 1
        if len(articles) == chunk_size:
            yield _flush(articles, columns, log)
    if not n_articles:
        problems = log.take()
        if n_rows:
            counts = Counter(problems["problem"])
            summary = ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items()))
            raise CorpusError(
                f"{source.path}: no usable articles; all {n_rows} row(s) had problems ({summary})", problems
            )
        raise CorpusError(f"{source.path}: no articles (the table has a header but no rows)", problems)
    if articles or log.entries:
        yield _flush(articles, columns, log)


def _flush(
    articles: list[dict[str, str | None]], columns: Sequence[str], log: _Log
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One chunk from the buffered articles and problems; both buffers are emptied.

    Emptying here means the suspended generator holds no second copy of a chunk.
    """
    frame = pd.DataFrame(articles, columns=list(columns)).astype(_STRING)
    articles.clear()
    return frame, log.take()


def _concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Join chunk tables with a fresh index (empty chunks skipped; the columns are the same in all)."""
    full = [f for f in frames if len(f)]
    return pd.concat(full, ignore_index=True) if full else frames[0].reset_index(drop=True)
