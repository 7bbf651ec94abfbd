"""Turn a corpus into the processed tables every notebook reads, in bounded memory.

A build makes two passes over the corpus, one chunk of articles at a time:
1. count the lines each outlet prints in several of its articles (navigation, taglines,
   disclaimers), kept as 64-bit hashes so that the pass needs little memory;
2. run `process_article`, a pure function of one article, on every article (serially, in a
   process pool, or on a Dask cluster: the same function either way) and append each chunk's
   rows to the output files (one Parquet row group per chunk).
Corpus-level tables come from totals summed chunk by chunk: keyness from term counts per bloc,
topics from a bounded sample of paragraphs read back from the written table. A cache keyed by
each article's content, its outlet's repeated lines and the code lets an interrupted or repeated
build reuse the articles it has already processed; it stores data (compressed JSON, checked
when read), never code.

`build_corpus` writes into a temporary folder beside the output folder, under a lock on it, and
moves the finished tables into place at the end, then writes `manifest.json` (corpus
fingerprint, settings, row counts): an interrupted or failed build leaves the previous output
as it was, and a reader can tell a complete output from a partial one.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer
from tqdm import tqdm

from analysis import clean, framing, segment, sentiment, topics
from analysis.clean import LineCounter as _LineCounter  # (moved to clean.shared_lines; aliased, code below unchanged)
from analysis.clean import SharedLines, line_hashes, outlet_shared_lines
from analysis.clean import stable_hash as _hash
from analysis.corpus import METADATA_COLUMNS

__all__ = [
    "MANIFEST", "TABLE_COLUMNS", "BuildStats", "OutputError", "SharedLines", "build_corpus", "build_tables",
    "check_out", "csv_escape", "csv_unescape", "outlet_shared_lines", "process_article", "round_significant",
    "table_columns", "write_tables",
]

#: The columns of every table, in order (documented in data/processed/README.md).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id", "outlet", "bloc", "published", "title", "author",
        "n_paragraphs", "n_sentences", "n_tokens", "n_quotes", "n_lines", "n_removed_lines",
        "file", "url", "country", "language", "notes",
        "text_title", "text_date", "text_author", "text_sha256",
    ),
    "paragraphs": ("article_id", "paragraph_id", "kind", "text", "line_start", "line_end", "doubt"),
    "sentences": ("article_id", "paragraph_id", "sentence_id", "text", "in_quote", "speaker", "voice"),
    "quotes": ("article_id", "paragraph_id", "quote_id", "text", "speaker", "kind", "start", "end"),
    "removed_lines": ("article_id", "line_no", "text", "reason", "doubt"),
    # The score columns of the default scorers; `--scorers` adds compound_nltk and polarity_textblob.
    "sentiment": ("article_id", "sentence_id", "neg", "neu", "pos", "compound", "compound_neutral"),
    # Framing tables; keyness and article_framing add columns named after the blocs, groups and frames.
    "keyness": ("term", "ngram"),
    "markers": ("article_id", "group", "term", "usage", "count", "rate_per_1000", "layer"),
    "frames": ("article_id", "paragraph_id", "frame", "hits", "score"),
    "voices": ("article_id", "quote_id", "speaker", "speaker_group", "verb", "n_words", "kind"),
    "article_framing": ("article_id", "outlet", "bloc", "naming_index", "naming_index_quoted"),
    **topics.COLUMNS,  # topics, topic_summary, topic_grid, topic_evidence, topic_map
    "problems": ("article_id", "file", "problem", "detail"),
}
#: Tables with rows for each article, written chunk by chunk.
PER_ARTICLE = ("articles", "paragraphs", "sentences", "quotes", "removed_lines", "sentiment",
               "markers", "frames", "voices", "article_framing")
_INT_COLUMNS = {
    "n_paragraphs", "n_sentences", "n_tokens", "n_quotes", "n_lines", "n_removed_lines",
    "paragraph_id", "sentence_id", "quote_id", "line_start", "line_end", "line_no",
    "ngram", "count", "hits", "n_words", "start", "end", "topic", "k", "rank", "n_units", "fit_units",
}
STAGES = ("clean", "segment", "sentiment", "framing")


# --------------------------------------------------------------------------- one article


def process_article(
    article: Mapping[str, object],
    shared_lines: SharedLines | frozenset[str] = frozenset(),
    cues: Sequence[clean.Cue] | None = None,
    tokenizer: PunktSentenceTokenizer | None = None,
    timings: dict[str, float] | None = None,
    scorers: Sequence[str] = sentiment.DEFAULT_SCORERS,
) -> dict[str, list[dict]]:
    """Clean, segment, score and frame one article; returns its rows of each per-article table
    (`articles` holds the counts found in the text) and, under `terms`, its keyness term counts.

    A pure function of its arguments; `timings`, when given, accumulates seconds per stage;
    `scorers` are the sentence scorers to run (`sentiment.SCORERS`; VADER always).
    """
    clock = time.perf_counter
    started = clock()
    article_id = str(article["article_id"])
    text = str(article["text"])
    cleaned = clean.clean_article(text, title=_value(article.get("title")), author=_value(article.get("author")),
                                  shared_lines=shared_lines, cues=cues)
    cleaned_at = clock()
    sentences, quotes = segment.segment_paragraphs([p["text"] for p in cleaned.paragraphs], tokenizer)
    ids = [p["paragraph_id"] for p in cleaned.paragraphs]
    paragraph_rows = [{"article_id": article_id, **p} for p in cleaned.paragraphs]
    sentence_rows = [
        {"article_id": article_id, "paragraph_id": ids[s["paragraph_index"]], "sentence_id": n,
         "text": s["text"], "in_quote": bool(s["in_quote"]), "speaker": s["speaker"], "voice": s["voice"]}
        for n, s in enumerate(sentences, 1)
    ]
    quote_rows = [
        {"article_id": article_id, "paragraph_id": ids[q["paragraph_index"]], "quote_id": n,
         "text": q["text"], "speaker": q["speaker"], "kind": q["kind"], "start": q["start"], "end": q["end"]}
        for n, q in enumerate(quotes, 1)
    ]
    removed_rows = [{"article_id": article_id, **r} for r in cleaned.removed]
    tokens = [segment.tokenize(p["text"]) for p in cleaned.paragraphs]
    n_tokens = sum(map(len, tokens))
    summary = {
        "article_id": article_id,
        "n_paragraphs": len(paragraph_rows),
        "n_sentences": len(sentence_rows),
        "n_tokens": n_tokens,
        "n_quotes": len(quote_rows),
        "n_lines": sum(1 for line in clean.split_lines(text) if line.strip()),
        "n_removed_lines": len(removed_rows),
        "text_title": cleaned.title,
        "text_date": cleaned.date,
        "text_author": cleaned.author,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    segmented_at = clock()
    scores = sentiment.score_texts((row["text"] for row in sentence_rows), scorers=scorers)
    sentiment_rows = [{"article_id": article_id, "sentence_id": row["sentence_id"], **score}
                      for row, score in zip(sentence_rows, scores)]
    scored_at = clock()
    framed = framing.article_rows(article_id, paragraph_rows, quote_rows, n_tokens, tokens)
    # Keyness counts the outlet's own words (narration and reported speech): quoted words,
    # interviewers' questions, scare quotes and speaker labels are blanked.
    spans = segment.layer_spans(quotes)
    own = [segment.tokenize(segment.own_text(p["text"], spans[i])) if i in spans else part
           for i, (p, part) in enumerate(zip(cleaned.paragraphs, tokens))]
    terms = Counter(framing.grams_of_tokens([t for part in own for t in part]))
    if timings is not None:
        for stage, seconds in zip(STAGES, (cleaned_at - started, segmented_at - cleaned_at,
                                           scored_at - segmented_at, clock() - scored_at)):
            timings[stage] = timings.get(stage, 0.0) + seconds
    return {"articles": [summary], "paragraphs": paragraph_rows, "sentences": sentence_rows,
            "quotes": quote_rows, "removed_lines": removed_rows, "sentiment": sentiment_rows, **framed,
            "terms": dict(terms)}


def _value(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


# --------------------------------------------------------------------------- batches of articles


@dataclass(frozen=True)
class Context:
    """What every article's processing needs besides the article: the same on every worker."""

    cues: tuple[clean.Cue, ...]
    abbreviations: frozenset[str] | None = None
    shared: Mapping[str, SharedLines] = field(default_factory=dict)
    scorers: tuple[str, ...] = sentiment.DEFAULT_SCORERS


@lru_cache(maxsize=4)
def _tokenizer(abbreviations: frozenset[str] | None) -> PunktSentenceTokenizer | None:
    return None if abbreviations is None else segment.sentence_tokenizer(abbreviations)


def _articles_frame(records: Sequence[Mapping], summaries: Sequence[Mapping]) -> pd.DataFrame:
    """Metadata plus counts; text-found title, date and author fill gaps in the metadata."""
    columns = [c for c in records[0] if c != "text"] if records else list(METADATA_COLUMNS)
    meta = pd.DataFrame([{c: r.get(c) for c in columns} for r in records], columns=columns)
    counted = [c for c in TABLE_COLUMNS["articles"] if c not in METADATA_COLUMNS or c == "article_id"]
    summary = pd.DataFrame(list(summaries), columns=counted)
    merged = meta.merge(summary, on="article_id", how="left", validate="one_to_one")
    for column, found in (("title", "text_title"), ("published", "text_date"), ("author", "text_author")):
        merged[column] = merged[column].where(merged[column].notna() & (merged[column] != ""), merged[found])
    extras = [c for c in merged.columns if c not in TABLE_COLUMNS["articles"]]
    return merged[list(TABLE_COLUMNS["articles"]) + extras]


def table_columns(name: str, scorers: Sequence[str] = sentiment.DEFAULT_SCORERS) -> list[str]:
    """The columns of a per-article table; the sentiment table's depend on the scorers run."""
    if name == "sentiment":
        return ["article_id", "sentence_id", *sentiment.score_columns(scorers)]
    return list(TABLE_COLUMNS[name])


def frames_of(records: Sequence[Mapping], results: Sequence[Mapping[str, list]],
              scorers: Sequence[str] = sentiment.DEFAULT_SCORERS) -> dict[str, pd.DataFrame]:
    """The per-article tables of a batch of articles (their `process_article` results), typed."""
    tables = {name: pd.DataFrame([row for result in results for row in result[name]], columns=table_columns(name, scorers))
              for name in PER_ARTICLE if name not in ("articles", "article_framing")}
    tables["articles"] = _articles_frame(records, [result["articles"][0] for result in results])
    tables = {name: _tidy(name, table) for name, table in tables.items()}
    tables["article_framing"] = _tidy("article_framing", framing.article_framing_from_counts(
        tables["articles"], tables["markers"], tables["frames"], tables["voices"]))
    return tables


def _process_batch(records: Sequence[Mapping], context: Context, want_blobs: bool) -> dict:
    """Work for one worker: `process_article` on each record; typed tables, per-bloc term counts,
    stage seconds, and (for the cache) each article's result, compressed."""
    tokenizer = _tokenizer(context.abbreviations)
    timings: dict[str, float] = {}
    results = [_process_named(r, context, tokenizer, timings) for r in records]
    terms: dict[str, Counter] = {}
    for record, result in zip(records, results):
        terms.setdefault(str(record["bloc"]), Counter()).update(result["terms"])
    blobs = [_encode_result(result) for result in results] if want_blobs else []
    return {"tables": frames_of(records, results, context.scorers), "terms": terms, "timings": timings, "blobs": blobs}


def _process_named(record: Mapping, context: Context, tokenizer: PunktSentenceTokenizer | None,
                   timings: dict[str, float]) -> dict[str, list[dict]]:
    """`process_article`, with the article named if it fails (the message is all a pool sends back)."""
    try:
        return process_article(record, context.shared.get(str(record["outlet"]), frozenset()), context.cues,
                               tokenizer, timings, context.scorers)
    except Exception as exc:  # noqa: BLE001 - re-raised with the article's id and file
        raise ValueError(f"article {record.get('article_id')!r} ({record.get('file')}): could not be processed "
                         f"({type(exc).__name__}: {exc})") from None


def _hash_batch(texts: Sequence[str], _context: object = None, _want: bool = False) -> list[np.ndarray]:
    return [line_hashes(t) for t in texts]


# --------------------------------------------------------------------------- engines


class _Serial:
    """Runs batches in this process, lazily."""

    name = "serial"

    def __init__(self, context: Context | None = None) -> None:
        self.context = context

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        return (fn, batches, want)

    def result(self, handle: object) -> list:
        fn, batches, want = handle
        return [fn(b, self.context, want) for b in batches]

    def close(self) -> None:
        pass


_WORKER_CONTEXT: Context | None = None


def _init_worker(context: Context | None) -> None:
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def _in_worker(fn: Callable, batch: list, want: bool) -> object:
    return fn(batch, _WORKER_CONTEXT, want)


class _Pool:
    """A process pool; the context is sent once to each worker."""

    name = "processes"

    def __init__(self, jobs: int, context: Context | None = None) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(context,))

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        return [self.pool.submit(_in_worker, fn, b, want) for b in batches]

    def result(self, handle: object) -> list:
        return [future.result() for future in handle]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    """Dask: a bag of batches per chunk, on a LocalCluster or the scheduler at `address`.

    The context and each chunk's batches are scattered to the workers rather than written into
    the task graph: a graph that carries the articles leaves their text in the scheduler's memory
    (measured: the scheduler grew by the size of every chunk sent, 1.4 GB over 100,000 articles),
    while scattered data is released with the chunk's futures.
    """

    name = "dask"

    def __init__(self, jobs: int, context: Context | None = None, client: object | None = None) -> None:
        self.client = client
        self.context = None if context is None else client.scatter(context, broadcast=True, hash=False)

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        import dask.bag as db

        data = self.client.scatter(batches, hash=False)
        bag = db.from_sequence(data, npartitions=len(batches)).map(fn, self.context, want)
        return self.client.compute(bag), data

    def result(self, handle: object) -> list:
        future, _data = handle
        return list(future.result())

    def close(self) -> None:
        self.context = None  # the client belongs to the build (or to the caller)


def _engine(engine: str, jobs: int, context: Context | None, client: object | None):
    if engine == "dask":
        return _Dask(jobs, context, client=client)
    return _Pool(jobs, context) if jobs > 1 and engine == "processes" else _Serial(context)


def _dask_client(jobs: int, scheduler: str | None) -> tuple[object, object | None]:
    """A Dask client: to the scheduler at `scheduler`, or to a new LocalCluster of `jobs` workers."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ValueError("--engine dask and --scheduler need Dask, an optional dependency: "
                         "pip install -e '.[dask]' (or pip install dask distributed)") from exc

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=40)
    return Client(cluster), cluster


def _pipelined(engine, fn: Callable, work: Iterable[tuple[object, list]], want: bool = False,
               window: int = 2) -> Iterator[tuple[object, list]]:
    """(tag, results) for each (tag, batches) of `work`, in order, with up to `window` chunks in flight."""
    pending: list[tuple[object, object]] = []
    for tag, batches in work:
        pending.append((tag, engine.submit(fn, batches, want) if batches else None))
        if len(pending) > window:
            tag0, handle = pending.pop(0)
            yield tag0, engine.result(handle) if handle is not None else []
    for tag0, handle in pending:
        yield tag0, engine.result(handle) if handle is not None else []


def _batches(items: list, jobs: int, size: int = 0) -> list[list]:
    """Split a chunk's items into about 4 batches per worker (at least 8 items each)."""
    if not items:
        return []
    size = size or max(8, math.ceil(len(items) / (4 * max(jobs, 1))))
    return [items[i:i + size] for i in range(0, len(items), size)]


# --------------------------------------------------------------------------- cache


def code_fingerprint() -> str:
    """The package version, the text of its modules and resources, and the versions of the
    libraries whose output lands in the tables: a cache entry is valid only for these."""
    digest = hashlib.sha256()
    root = resources.files("analysis")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv", ".csv", ".md") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(Path(str(root))).as_posix().encode())
            digest.update(path.read_bytes())
    for dist in ("analysis", "vaderSentiment", "nltk", "textblob", "scikit-learn", "pandas"):
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(dist.encode())
    return digest.hexdigest()[:16]


def _cue_data(cues: Sequence[clean.Cue]) -> list[list[object]]:
    return [[c.reason, c.match, c.max_words, c.pattern.pattern, c.pattern.flags, c.block] for c in cues]


def _settings_digest(cues: Sequence[clean.Cue], abbreviations: Iterable[str] | None,
                     scorers: Sequence[str] = sentiment.DEFAULT_SCORERS) -> str:
    """What besides the article decides its result: the code, the cues, the abbreviations and the scorers."""
    data = [code_fingerprint(), _cue_data(cues), sorted(abbreviations or []), list(scorers)]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


#: What a cached result may hold: the per-article tables `process_article` returns, and `terms`.
_RESULT_TABLES = tuple(n for n in PER_ARTICLE if n != "article_framing")
_MAX_CACHED_BYTES = 256 * 2**20  # a cached result larger than this once decompressed is refused


def _encode_result(result: Mapping[str, object]) -> bytes:
    """One article's result as compressed JSON: data only, so reading it cannot run code."""
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return zlib.compress(text.encode("utf-8"), 1)


def _plain(value: object) -> object:
    """NumPy scalars as the Python values JSON can hold."""
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode_result(blob: object, article_id: str) -> dict | None:
    """A cached result if `blob` is one, well formed, for `article_id`; else None (never executed)."""
    try:
        if not isinstance(blob, bytes):
            return None
        inflate = zlib.decompressobj()
        data = inflate.decompress(blob, _MAX_CACHED_BYTES)
        if inflate.unconsumed_tail or not inflate.eof:
            return None
        result = json.loads(data.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(result, dict) or set(result) != {*_RESULT_TABLES, "terms"}:
        return None
    for name in _RESULT_TABLES:
        rows, columns = result[name], set(table_columns(name, sentiment.SCORERS))
        if not isinstance(rows, list) or not all(
                isinstance(row, dict) and set(row) <= columns and row.get("article_id") == article_id
                and all(v is None or isinstance(v, (str, int, float)) for v in row.values()) for row in rows):
            return None
    terms = result["terms"]
    if len(result["articles"]) != 1 or not isinstance(terms, dict) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in terms.values()):
        return None
    return result


class Cache:
    """Per-article results in one SQLite file, keyed by a digest of the article (id, title, author,
    text), its outlet's repeated lines, the cleaning settings and `code_fingerprint()`.

    Values are compressed JSON checked on read (`_decode_result`): a corrupt, foreign or
    tampered entry is counted in `rejected` and the article is processed again. A file that is
    not a usable cache raises `CacheError` (the build then runs without a cache).
    """

    TABLE = "results_json"

    def __init__(self, folder: str | Path, settings: str) -> None:
        folder = Path(folder)
        self.rejected = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.path = folder / "articles.sqlite"
            self.db = sqlite3.connect(self.path, timeout=30)
            self.db.execute("PRAGMA trusted_schema = OFF")  # a shipped file's views and triggers run no functions
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        except (sqlite3.Error, OSError) as exc:
            raise CacheError(f"cache {folder}: not usable ({exc}); building without it") from None
        self.settings = settings

    def key(self, record: Mapping, shared: str) -> str:
        """The fields `process_article` reads (other metadata is joined afresh on every build)."""
        digest = hashlib.sha256(self.settings.encode())
        digest.update(shared.encode())
        for name in ("article_id", "title", "author", "text"):
            value = record.get(name)
            digest.update(b"\x00" + str(name).encode() + b"\x01" + ("\x02" if _value_missing(value) else str(value)).encode(
                "utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The stored blobs of `keys` (still to be checked with `load`)."""
        found: dict[str, bytes] = {}
        try:
            for i in range(0, len(keys), 500):
                part = keys[i:i + 500]
                query = f"SELECT key, value FROM {self.TABLE} WHERE key IN ({','.join('?' * len(part))})"
                found.update(self.db.execute(query, part).fetchall())
        except sqlite3.Error as exc:
            raise CacheError(f"cache {self.path}: cannot be read ({exc}); building without it") from None
        return found

    def load(self, hits: Mapping[str, object], records: Sequence[Mapping], keys: Sequence[str]) -> dict[str, dict]:
        """The valid cached results among `hits`, by key; invalid ones are counted and left out."""
        loaded = {}
        for record, key in zip(records, keys):
            if key in hits:
                result = _decode_result(hits[key], str(record["article_id"]))
                if result is None:
                    self.rejected += 1
                else:
                    loaded[key] = result
        return loaded

    def put(self, items: Iterable[tuple[str, bytes]]) -> None:
        try:
            with self.db:
                self.db.executemany(f"INSERT OR REPLACE INTO {self.TABLE} VALUES (?, ?)", items)
        except sqlite3.Error as exc:
            raise CacheError(f"cache {self.path}: cannot be written ({exc}); building without it") from None

    def close(self) -> None:
        self.db.close()


class CacheError(OSError):
    """The cache cannot be used; the build goes on without it."""


def _value_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# --------------------------------------------------------------------------- sinks

#: First characters that make a spreadsheet read a cell as a formula (and the escape mark itself).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def escape_cell(value: object) -> object:
    """One CSV cell as `csv_escape` writes it: text a spreadsheet would run as a formula (or that
    starts with an apostrophe) gets an apostrophe in front."""
    return "'" + value if _formula_like(value) else value


def unescape_cell(value: object) -> object:
    """Undo `escape_cell` on a cell read back from a CSV file the project wrote."""
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def csv_escape(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells (and column names) a spreadsheet would run as formulas, prefixed with an apostrophe.

    Cells already starting with an apostrophe get one too, so `csv_unescape` restores every
    value exactly. Numeric columns are left alone (a spreadsheet reads -0.5 as a number)."""
    escaped = None
    for column in table.columns:
        values = table[column]
        if not (pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values)):
            continue
        mask = values.map(_formula_like).astype(bool)
        if mask.any():
            escaped = table.copy() if escaped is None else escaped
            escaped[column] = values.where(~mask, "'" + values.astype("string"))
    names = {c: escape_cell(c) for c in table.columns if _formula_like(c)}
    result = table if escaped is None else escaped
    return result.rename(columns=names) if names else result


def csv_unescape(table: pd.DataFrame) -> pd.DataFrame:
    """Undo `csv_escape` on a table read back from a CSV file the project wrote."""
    table = table.rename(columns={c: c[1:] for c in table.columns if isinstance(c, str) and c.startswith("'")})
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values):
            mask = values.map(lambda v: isinstance(v, str) and v.startswith("'")).astype(bool)
            if mask.any():
                table[column] = values.where(~mask, values.astype("string").str.slice(1))
    return table



class _MemorySink:
    def __init__(self) -> None:
        self.parts: dict[str, list[pd.DataFrame]] = {}

    def write(self, name: str, table: pd.DataFrame) -> None:
        self.parts.setdefault(name, []).append(table)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: _tidy(name, pd.concat(parts, ignore_index=True)) if len(parts) > 1 else parts[0]
                for name, parts in self.parts.items()}

    def close(self) -> None:
        pass


class _FileSink:
    """One file per table, appended chunk by chunk (Parquet: a row group per chunk)."""

    def __init__(self, out: Path, fmt: str) -> None:
        if fmt not in ("parquet", "csv"):
            raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
        self.out, self.fmt = Path(out), fmt
        self.out.mkdir(parents=True, exist_ok=True)
        self.writers: dict[str, object] = {}
        self.columns: dict[str, list[str]] = {}
        self.rows: Counter[str] = Counter()

    def path(self, name: str) -> Path:
        return self.out / f"{name}.{self.fmt}"

    def write(self, name: str, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.rows[name] += len(table)
        if name in self.columns and list(table.columns) != self.columns[name]:
            table = table.reindex(columns=self.columns[name])
        self.columns.setdefault(name, list(table.columns))
        if self.fmt == "csv":
            first = name not in self.writers
            with self.path(name).open("w" if first else "a", encoding="utf-8", newline="") as handle:
                csv_escape(table).to_csv(handle, index=False, header=first, lineterminator="\n")
            self.writers[name] = True
            return
        writer = self.writers.get(name)
        if writer is None:
            arrow = pa.Table.from_pandas(table, preserve_index=False)
            writer = self.writers[name] = pq.ParquetWriter(self.path(name), arrow.schema, compression="zstd")
        else:
            arrow = pa.Table.from_pandas(table, schema=writer.schema, preserve_index=False)
        writer.write_table(arrow)

    def close(self) -> None:
        for writer in self.writers.values():
            if writer is not True:
                writer.close()
        self.writers = {name: True for name in self.writers}


# --------------------------------------------------------------------------- the output folder

#: The file, written last, that names a complete output: corpus fingerprint, settings, row counts.
MANIFEST = "manifest.json"
_LOCK = ".lock"


class OutputError(ValueError):
    """The output folder cannot be used (it holds an input, is a file, or another build holds it)."""


def check_out(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an output folder that is a file, or that is, holds or lies inside an input."""
    target = Path(out).resolve()
    if target.exists() and not target.is_dir():
        raise OutputError(f"--out {out}: is a file, not a folder; give a folder for the tables")
    for given in inputs:
        source = Path(given).resolve()
        if source == target or target in source.parents:
            raise OutputError(f"--out {out} holds the input {given}: writing the tables there could overwrite "
                              "or delete it; choose another output folder")
        if source.is_dir() and source in target.parents:
            raise OutputError(f"--out {out} is inside the corpus folder {given}; choose an output folder outside it")


class _Fingerprint:
    """The corpus fingerprint, taken while the first complete pass reads it: SHA-256 over the
    sorted (article_id, SHA-256 of the text) pairs (see data/processed/README.md)."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.complete = False

    def watch(self, chunks: Iterator[tuple[pd.DataFrame, pd.DataFrame]]) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        for articles, problems in chunks:
            if not self.complete:
                for article_id, text in zip(articles["article_id"], articles["text"]):
                    self.texts[str(article_id)] = hashlib.sha256(str(text).encode("utf-8", "surrogatepass")).hexdigest()
            yield articles, problems
        self.complete = True

    def digest(self) -> str:
        digest = hashlib.sha256()
        for article_id, text in sorted(self.texts.items()):
            encoded = article_id.encode("utf-8", "surrogatepass")
            digest.update(len(encoded).to_bytes(8, "big") + encoded + bytes.fromhex(text))
        return digest.hexdigest()


class _Output:
    """A locked output folder and a temporary folder beside it, where a build writes its tables.

    `publish` moves the finished tables into place, removes tables of known names this build did
    not write, and writes the manifest last; leaving the `with` block without publishing (an
    error, Ctrl-C) removes the temporary folder and leaves the output folder as it was.
    """

    def __init__(self, out: Path) -> None:
        self.out = out.resolve()  # so that the temporary folder is beside it even for "."
        self.created = False
        self.lock_fd: int | None = None
        self.tmp: Path | None = None

    def __enter__(self) -> _Output:
        self.created = not self.out.exists()
        self.out.mkdir(parents=True, exist_ok=True)
        self.lock_fd = _acquire_lock(self.out)
        for stale in self.out.parent.glob(f".{self.out.name}.building-*"):  # left by a killed build
            shutil.rmtree(stale, ignore_errors=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.building-", dir=self.out.parent))
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
        if self.lock_fd is not None:
            os.close(self.lock_fd)  # releases the lock
        if exc_type is not None and self.created:
            (self.out / _LOCK).unlink(missing_ok=True)
            try:
                self.out.rmdir()  # made by this build, which wrote nothing into it
            except OSError:
                pass

    def publish(self, sink: _FileSink, manifest: Mapping[str, object]) -> bool:
        """Move the tables into place and write the manifest; True if Ctrl-C came meanwhile (deferred)."""
        sink.close()
        interrupted: list[int] = []
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum)) if main else None
        try:
            (self.out / MANIFEST).unlink(missing_ok=True)  # from here until the end, the output is incomplete
            written = set()
            for name in sorted(sink.rows):
                os.replace(sink.path(name), self.out / sink.path(name).name)
                written.add(sink.path(name).name)
            for name in TABLE_COLUMNS:
                for fmt in ("parquet", "csv"):
                    if f"{name}.{fmt}" not in written:
                        (self.out / f"{name}.{fmt}").unlink(missing_ok=True)  # never left beside new tables
            staged = self.tmp / MANIFEST
            staged.write_text(json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
            os.replace(staged, self.out / MANIFEST)
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)
        return bool(interrupted)


def _acquire_lock(out: Path) -> int:
    """An exclusive lock on `out` (released when the descriptor closes, or the process ends)."""
    path = out / _LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise OutputError(f"{out}: another build is writing to this folder (it holds {path}); wait for it to "
                          "finish or choose another --out") from None
    return fd


# --------------------------------------------------------------------------- the build


@dataclass
class BuildStats:
    """What a build did: counts, cache hits, seconds per pass and per-article stage."""

    articles: int = 0
    problems: int = 0
    cached: int = 0
    computed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    engine: str = "serial"
    rows: dict[str, int] = field(default_factory=dict)
    cache_rejected: int = 0
    notes: list[str] = field(default_factory=list)  # things the user should know (printed as warnings)

    def stage_rates(self) -> dict[str, float]:
        """Articles per second of each per-article stage, per worker (computed articles only)."""
        return {s: self.computed / t for s, t in self.stage_seconds.items() if t > 0}


ChunkSource = Callable[[], Iterator[tuple[pd.DataFrame, pd.DataFrame]]]


def _frame_chunks(articles: pd.DataFrame, problems: pd.DataFrame | None, chunk_size: int) -> ChunkSource:
    def chunks() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        empty = pd.DataFrame(columns=list(TABLE_COLUMNS["problems"]))
        for start in range(0, max(len(articles), 1), chunk_size):
            yield articles.iloc[start:start + chunk_size], (problems if problems is not None and start == 0 else empty)
    return chunks


def _run(
    source: ChunkSource,
    sink: _MemorySink | _FileSink,
    *,
    cues: Sequence[clean.Cue] | None,
    progress: bool | None,
    learn_abbreviations: bool,
    compare: Sequence[str],
    skip_topics: bool,
    seed: int,
    jobs: int,
    engine: str,
    scheduler: str | None,
    client: object | None,
    cache_dir: str | Path | None,
    topic_units: int,
    total: int | None,
    min_articles_per_job: int = 50,
    chunk_size: int = 1000,
    scorers: Sequence[str] = sentiment.DEFAULT_SCORERS,
) -> BuildStats:
    stats = BuildStats()
    clock = time.perf_counter
    cues = tuple(clean.load_cues() if cues is None else cues)
    scorers = sentiment.check_scorers(scorers)
    bar_off = not progress if progress is not None else None
    if engine not in ("processes", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'processes' or 'dask'")
    if scheduler or client is not None:
        engine = "dask"
    if engine == "processes" and jobs > 1:
        small = total
        if small is None:  # streaming: the corpus is small if it fits in the first chunk
            first = len(next(source(), (pd.DataFrame(), None))[0])
            small = first if first < chunk_size else None
        if small is not None and small < jobs * min_articles_per_job:
            jobs = 1  # a small corpus: starting processes costs more than it saves
    cluster = None
    if engine == "dask" and client is None:
        client, cluster = _dask_client(jobs, scheduler)
    try:
        return _passes(source, sink, stats, cues=cues, bar_off=bar_off, learn_abbreviations=learn_abbreviations,
                       compare=compare, skip_topics=skip_topics, seed=seed, jobs=jobs, engine=engine, client=client,
                       cache_dir=cache_dir, topic_units=topic_units, total=total, scorers=scorers)
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
        elif engine == "dask" and scheduler:
            client.close()


def _passes(source: ChunkSource, sink: _MemorySink | _FileSink, stats: BuildStats, *, cues: tuple[clean.Cue, ...],
            bar_off: bool | None, learn_abbreviations: bool, compare: Sequence[str], skip_topics: bool, seed: int,
            jobs: int, engine: str, client: object | None, cache_dir: str | Path | None, topic_units: int,
            total: int | None, scorers: tuple[str, ...] = sentiment.DEFAULT_SCORERS) -> BuildStats:
    clock = time.perf_counter

    # Pass 1: lines each outlet repeats (and, if asked, abbreviations learned from the corpus).
    started = clock()
    counter = _LineCounter()
    runner = _engine(engine, jobs, None, client)
    stats.engine = runner.name
    try:
        def hash_work() -> Iterator[tuple[object, list]]:
            for articles, _ in source():
                yield [str(o) for o in articles["outlet"]], _batches([str(t) for t in articles["text"]], jobs)
        with tqdm(total=total, desc="pass 1: repeated lines", unit="article", disable=bar_off) as bar:
            for outlets, results in _pipelined(runner, _hash_batch, hash_work()):
                for outlet, hashes in zip(outlets, (h for batch in results for h in batch)):
                    counter.add(outlet, hashes)
                bar.update(len(outlets))
            total = bar.n  # the second pass's progress bar can show how far it has come
    finally:
        runner.close()
    abbreviations = None
    if learn_abbreviations:
        texts = (str(t) for articles, _ in source() for t in articles["text"])
        abbreviations = segment.default_abbreviations() | segment.learn_abbreviations(texts)
    context = Context(cues, abbreviations, counter.shared(), scorers)
    del counter
    stats.seconds["repeated lines"] = clock() - started

    # Pass 2: every article, chunk by chunk, through the cache and the engine.
    started = clock()
    cache = None
    if cache_dir is not None:
        try:
            cache = Cache(cache_dir, _settings_digest(cues, abbreviations, scorers))
        except CacheError as exc:
            stats.notes.append(str(exc))
    fingerprints = {outlet: lines.fingerprint() for outlet, lines in context.shared.items()}
    terms: dict[str, Counter] = {}
    blocs: Counter[str] = Counter()
    wrote_problems = False
    runner = _engine(engine, jobs, context, client)

    def drop_cache(exc: CacheError) -> None:
        nonlocal cache
        stats.notes.append(str(exc))
        stats.cache_rejected += cache.rejected
        cache.close()
        cache = None

    def work() -> Iterator[tuple[object, list]]:
        for articles, problems in source():
            records = articles.to_dict("records")
            keys: list[str] = []
            hits: dict[str, dict] = {}
            if cache is not None:
                keys = [cache.key(r, fingerprints.get(str(r["outlet"]), "")) for r in records]
                try:
                    hits = cache.load(cache.get(keys), records, keys)
                except CacheError as exc:
                    drop_cache(exc)
                    keys = []
            todo = [r for r, k in zip(records, keys) if k not in hits] if hits else records
            yield (records, keys, hits, problems), _batches(todo, jobs)

    try:
        with tqdm(total=total, desc="pass 2: articles", unit="article", disable=bar_off) as bar:
            for (records, keys, hits, problems), results in _pipelined(runner, _process_batch, work(), cache is not None):
                parts = [r["tables"] for r in results]
                for r in results:
                    for bloc, counts in r["terms"].items():
                        terms.setdefault(bloc, Counter()).update(counts)
                    for stage, seconds in r["timings"].items():
                        stats.stage_seconds[stage] = stats.stage_seconds.get(stage, 0.0) + seconds
                if cache is not None and results and keys:
                    try:
                        cache.put(zip((k for k in keys if k not in hits), (b for r in results for b in r["blobs"])))
                    except CacheError as exc:
                        drop_cache(exc)
                if hits:
                    cached = [(r, hits[k]) for r, k in zip(records, keys) if k in hits]
                    for record, result in cached:
                        terms.setdefault(str(record["bloc"]), Counter()).update(result["terms"])
                    parts.append(frames_of([r for r, _ in cached], [res for _, res in cached], scorers))
                mixed = bool(hits) and len(hits) < len(records)
                for name in PER_ARTICLE:
                    sink.write(name, _in_order([p[name] for p in parts], records, mixed) if parts else
                               _tidy(name, pd.DataFrame(columns=table_columns(name, scorers))))
                if len(problems) or not wrote_problems:
                    sink.write("problems", _tidy("problems", problems if problems is not None else
                                                 pd.DataFrame(columns=list(TABLE_COLUMNS["problems"]))))
                    wrote_problems = True
                blocs.update(str(r["bloc"]) for r in records)
                stats.articles += len(records)
                stats.problems += len(problems) if problems is not None else 0
                stats.cached += len(hits)
                stats.computed += len(records) - len(hits)
                bar.update(len(records))
    finally:
        runner.close()
        if cache is not None:
            stats.cache_rejected += cache.rejected
            cache.close()
    if stats.cache_rejected:
        stats.notes.append(f"cache {cache_dir}: {stats.cache_rejected} entries were not valid results (corrupt or "
                           "foreign) and were ignored; those articles were processed again")
    stats.seconds["articles"] = clock() - started
    sink.close()  # the per-article tables are complete (topics reads them back)

    # Corpus-level tables.
    started = clock()
    pair = framing.compared_blocs(list(blocs.elements()), compare) if blocs else None
    if pair is None:
        stats.notes.append(f"keyness compares two blocs, but the corpus has {len(blocs)} ({', '.join(sorted(blocs))}): "
                           "the keyness table is empty")
    keyness = framing.keyness_from_counts(terms, *pair) if pair else pd.DataFrame(columns=["term", "ngram"])
    sink.write("keyness", _tidy("keyness", keyness))
    stats.seconds["keyness"] = clock() - started
    if not skip_topics:
        started = clock()
        for name, table in topics.build_topics(_topic_input(sink, topic_units, seed), seed=seed).items():
            sink.write(name, _tidy(name, table))
        stats.seconds["topics"] = clock() - started
    sink.close()
    stats.rows = dict(sink.rows) if isinstance(sink, _FileSink) else {n: sum(map(len, p)) for n, p in sink.parts.items()}
    return stats


def _in_order(parts: list[pd.DataFrame], records: Sequence[Mapping], mixed: bool) -> pd.DataFrame:
    """One chunk's rows of a table in corpus order (`mixed`: cached and computed articles interleaved)."""
    parts = [p for p in parts if len(p)] or parts[:1]
    table = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    if mixed and len(parts) > 1:
        position = {str(r["article_id"]): i for i, r in enumerate(records)}
        order = np.argsort(table["article_id"].map(position).to_numpy(), kind="stable")
        table = table.iloc[order].reset_index(drop=True)
    return table


def _topic_input(sink: _MemorySink | _FileSink, limit: int, seed: int) -> dict[str, pd.DataFrame]:
    """The articles and paragraphs `topics.build_topics` needs; above `limit` paragraphs, those of a
    fixed random sample of articles (chosen by a hash of article_id and the seed), so that memory
    and time stay bounded."""
    if isinstance(sink, _MemorySink):
        tables = sink.tables()
        articles, paragraphs = tables["articles"], tables["paragraphs"]
    else:
        import pyarrow.parquet as pq

        if sink.fmt == "parquet":
            articles = pq.read_table(sink.path("articles"), columns=["article_id", "bloc", "outlet", "n_paragraphs"]).to_pandas()
        else:
            articles = csv_unescape(pd.read_csv(sink.path("articles"), usecols=["article_id", "bloc", "outlet", "n_paragraphs"],
                                                dtype={"article_id": "string", "bloc": "string", "outlet": "string"}))
        paragraphs = None
    total = int(articles["n_paragraphs"].sum())
    keep = None
    if total > limit:
        rank = articles["article_id"].map(lambda a: _hash(f"{seed}:{a}")).to_numpy()
        order = np.argsort(rank, kind="stable")
        cumulative = np.cumsum(articles["n_paragraphs"].to_numpy()[order])
        keep = set(articles["article_id"].to_numpy()[order[: int(np.searchsorted(cumulative, limit, side="right"))]])
        articles = articles[articles["article_id"].isin(keep)]
    if paragraphs is None:
        paragraphs = _read_paragraphs(sink, keep)
    elif keep is not None:
        paragraphs = paragraphs[paragraphs["article_id"].isin(keep)]
    return {"articles": articles, "paragraphs": paragraphs}


def _read_paragraphs(sink: _FileSink, keep: set[str] | None) -> pd.DataFrame:
    columns = ["article_id", "paragraph_id", "kind", "text"]
    if sink.fmt == "csv":
        parts = pd.read_csv(sink.path("paragraphs"), usecols=columns, chunksize=100_000, keep_default_na=False,
                            dtype={"article_id": "string", "kind": "string", "text": "string"})
    else:
        import pyarrow.parquet as pq

        parts = (batch.to_pandas() for batch in pq.ParquetFile(sink.path("paragraphs")).iter_batches(columns=columns))
    if sink.fmt == "csv":
        parts = (csv_unescape(p) for p in parts)
    frames = [p if keep is None else p[p["article_id"].isin(keep)] for p in parts]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def build_corpus(
    corpus: str | Path,
    out: str | Path,
    *,
    fmt: str = "parquet",
    lenient: bool = False,
    chunk_size: int = 1000,
    cache_dir: str | Path | None = None,
    cues: Sequence[clean.Cue] | None = None,
    progress: bool | None = None,
    learn_abbreviations: bool = False,
    compare: Sequence[str] = ("russian", "western"),
    skip_topics: bool = False,
    seed: int = 20240601,
    jobs: int = 1,
    engine: str = "processes",
    scheduler: str | None = None,
    client: object | None = None,
    topic_units: int = 20_000,
    min_articles_per_job: int = 50,
    scorers: Sequence[str] = sentiment.DEFAULT_SCORERS,
    follow_symlinks: bool = False,
    inputs: Sequence[str | Path] = (),
) -> BuildStats:
    """Build every processed table from the corpus at `corpus` into files in `out`, streaming.

    Memory stays bounded whatever the corpus size: the corpus is read `chunk_size` articles at a
    time and each chunk's rows are appended to the output files. `jobs` processes (or a Dask
    cluster with `engine="dask"`: a LocalCluster of `jobs` workers, or the one at `scheduler`)
    do the per-article work; the tables are the same whichever runs it. `cache_dir` keeps each
    article's result so that a rerun only processes what changed. Rows follow the corpus order.
    `scorers` are the sentence scorers (`sentiment.SCORERS`): VADER and its topic-neutral variant
    by default; NLTK's port and TextBlob only when asked, as notebook 01 computes them itself.

    The output is replaced as a whole or not at all (see `_Output`), under a lock: a second
    build into the same `out` raises OutputError at once, and so does an `out` that holds
    the corpus or one of `inputs` (other files the build reads).
    """
    from analysis import __version__
    from analysis import corpus as corpus_module

    if chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive number, not {chunk_size}")
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
    if not Path(corpus).exists():
        raise corpus_module.CorpusError(f"{corpus}: no such file or folder")
    out = Path(out)
    check_out(out, [corpus, *inputs])
    cues = tuple(clean.load_cues() if cues is None else cues)
    fingerprint = _Fingerprint()

    def source() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        return fingerprint.watch(corpus_module.iter_corpus(corpus, lenient=lenient, chunk_size=chunk_size,
                                                           follow_symlinks=follow_symlinks))

    with _Output(out) as output:
        sink = _FileSink(output.tmp, fmt)
        stats = _run(source, sink, cues=cues, progress=progress, learn_abbreviations=learn_abbreviations,
                     compare=compare, skip_topics=skip_topics, seed=seed, jobs=jobs, engine=engine,
                     scheduler=scheduler, client=client, cache_dir=cache_dir, topic_units=topic_units, total=None,
                     min_articles_per_job=min_articles_per_job, chunk_size=chunk_size, scorers=scorers)
        cue_digest = hashlib.sha256(json.dumps(_cue_data(cues), ensure_ascii=False).encode("utf-8")).hexdigest()
        manifest = {
            "built_by": f"analysis {__version__} (python -m analysis build)",
            "corpus": {"articles": len(fingerprint.texts), "fingerprint": fingerprint.digest()},
            "format": fmt,
            "settings": {"compare": list(compare), "cues_sha256": cue_digest, "follow_symlinks": follow_symlinks,
                         "learn_abbreviations": learn_abbreviations, "lenient": lenient, "scorers": list(sentiment.check_scorers(scorers)), "seed": seed,
                         "skip_topics": skip_topics, "topic_units": topic_units},
            "tables": {name: {"file": sink.path(name).name, "rows": int(stats.rows.get(name, 0))}
                       for name in sorted(stats.rows)},
        }
        if output.publish(sink, manifest):
            stats.notes.append("Ctrl-C came while the finished tables were moved into place: the output is complete")
    return stats


def build_tables(
    articles: pd.DataFrame,
    problems: pd.DataFrame | None = None,
    *,
    cues: Sequence[clean.Cue] | None = None,
    progress: bool | None = None,
    learn_abbreviations: bool = False,
    compare: Sequence[str] = ("russian", "western"),
    skip_topics: bool = False,
    seed: int = 20240601,
    jobs: int = 1,
    engine: str = "processes",
    chunk_size: int = 1000,
    client: object | None = None,
    topic_units: int = 20_000,
    min_articles_per_job: int = 50,
    scorers: Sequence[str] = sentiment.DEFAULT_SCORERS,
) -> dict[str, pd.DataFrame]:
    """Build every processed table from a corpus already in memory (see `corpus.load_corpus`);
    the same tables `build_corpus` writes for the same articles. With `jobs` > 1 the per-article
    work runs in a process pool only when there are at least `min_articles_per_job` articles
    per process (below that, starting the pool costs more than it saves)."""
    source = _frame_chunks(articles, problems, chunk_size)
    sink = _MemorySink()
    _run(source, sink, cues=cues, progress=progress, learn_abbreviations=learn_abbreviations, compare=compare,
         skip_topics=skip_topics, seed=seed, jobs=jobs, engine=engine, scheduler=None, client=client,
         cache_dir=None, topic_units=topic_units, total=len(articles), min_articles_per_job=min_articles_per_job,
         chunk_size=chunk_size, scorers=scorers)
    return dict(sorted(sink.tables().items()))


#: Significant decimal digits every floating-point column is rounded to before it is written.
SIGNIFICANT_DIGITS = 10
#: Magnitudes below this are written as 0 (see `round_significant`).
SMALLEST = 1e-12
_POWERS_OF_TEN = {d: float(f"1e{d}") for d in range(-323, 309)}  # correctly rounded by Python's parser


_UPPER = np.array([_POWERS_OF_TEN[d + 1] for d in range(-320, 301)])


def round_significant(values: np.ndarray, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Each value rounded to `digits` significant decimal digits (NaN and infinities kept).

    Numpy's vectorised `log`, `exp` and friends may differ in the last bit from one CPU to
    another; rounding far above that bit makes the written tables (and the figures drawn from
    them) the same bytes on any machine, except in the rare case (about 1 in 10^5 values) where
    such a difference straddles a rounding boundary. Values smaller than `SMALLEST` in magnitude
    are written as 0: in these tables (scores, rates, log-odds, keyness statistics, topic
    weights) they are the residue of a cancellation, whose digits are noise. Only exactly rounded operations are used
    here (frexp, comparisons, products with powers of ten, rint), so the rounding itself does
    not depend on the CPU.
    """
    x = np.asarray(values, dtype=np.float64)
    out = np.where(np.abs(x) < SMALLEST, 0.0, x)  # rounding noise around 0, and -0.0, become 0.0
    nonzero = np.isfinite(out) & (out != 0)
    if not nonzero.any():
        return out
    v = x[nonzero]
    magnitude = np.abs(v)
    _, exponent = np.frexp(magnitude)  # magnitude in [2**(e-1), 2**e)
    decade = np.floor((exponent - 1) * 0.30102999566398120).astype(np.int64)  # floor(log10), or one less
    decade = np.clip(decade, -320, 300)
    upper = _UPPER[decade + 320]
    decade += magnitude >= upper  # now exactly floor(log10(magnitude)), by exact comparison
    places = digits - 1 - decade
    rounded = v.copy()
    for p in np.unique(places):
        if not -300 <= p <= 300:
            continue  # subnormal or huge: far beyond any measure in these tables
        mask = places == p
        if p >= 0:
            scale = _POWERS_OF_TEN[int(p)]
            rounded[mask] = np.rint(v[mask] * scale) / scale
        else:
            scale = _POWERS_OF_TEN[int(-p)]
            rounded[mask] = np.rint(v[mask] / scale) * scale
    out[nonzero] = rounded
    return out


def _tidy(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """Fixed column types and floats rounded to `SIGNIFICANT_DIGITS`, so the files are
    byte-identical run to run and machine to machine."""
    table = table.copy()
    for column in table.columns:
        if column in _INT_COLUMNS or pd.api.types.is_integer_dtype(table[column]):
            table[column] = table[column].astype("int64")
        elif column == "in_quote" or pd.api.types.is_bool_dtype(table[column]):
            table[column] = table[column].astype(bool)
        elif pd.api.types.is_float_dtype(table[column]) or (column.startswith(("rate_", "frame_", "voice_"))
                                                           and name == "article_framing") or column == "naming_index":
            table[column] = round_significant(table[column].astype("float64").to_numpy())
        else:
            table[column] = table[column].astype("string")
    if name == "problems" and not table.empty:
        table = table.sort_values(list(table.columns), kind="mergesort")
    if name == "topics" and not table.empty:
        table = table.sort_values(["article_id", "paragraph_id", "model"], kind="mergesort")
    return table.reset_index(drop=True)


def write_tables(tables: Mapping[str, pd.DataFrame], out: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write one file per table (`<name>.parquet` or `<name>.csv`); returns the paths written."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(tables):
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            tables[name].to_parquet(path, index=False, engine="pyarrow", compression="zstd")
        else:
            csv_escape(tables[name]).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        written.append(path)
    return written
