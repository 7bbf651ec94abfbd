"""The per-article cache: each article's result, as compressed JSON checked when read (data,
never code), in one SQLite file keyed by the article, its outlet's repeated lines, the settings
and `code_fingerprint()`, so that an interrupted or repeated build reuses what it has done."""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import zlib
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import clean, sentiment
from analysis.schema import PER_ARTICLE, table_columns

#: Modules and subpackages that only read the built tables, draw or report (paths below the
#: package folder): their code cannot change a cached per-article result, so editing a figure does
#: not send a 100,000-article build back to the start. A test checks that processing an article
#: imports none of them.
DOWNSTREAM = ("plots", "render.py", "reproduce.py", "summary.py", "overview.py", "outputs.py", "evaluate.py", "cli.py",
              "__main__.py")


def code_fingerprint() -> str:
    """The package version, the text of its modules and resources, and the versions of the
    libraries whose output lands in the tables: a cache entry is valid only for these.

    Returns
    -------
    16 hex digits of a SHA-256 over every .py, .txt, .tsv, .csv and .md file below the
    package folder (subpackages included, `DOWNSTREAM` left out) and those libraries' versions.
    """
    digest = hashlib.sha256()
    root = resources.files("analysis")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.relative_to(Path(str(root))).parts[0] in DOWNSTREAM:
            continue
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


#: What a cached result may hold: the per-article tables `process_article` returns, and `terms`
#: (article_framing is made from the others, article_terms from `terms`).
_RESULT_TABLES = tuple(n for n in PER_ARTICLE if n not in ("article_framing", "article_terms"))
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

