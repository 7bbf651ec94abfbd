"""Read a corpus of news articles into tables, checking it on the way in.

This is the reading edge of the project: every later step trusts what comes out
of `load_corpus`, so problems in user corpora (missing files, bad bytes, odd
dates, duplicate ids) are caught here and named in plain words, with the file
and line, instead of surfacing later as a confusing result.

`iter_corpus` streams a corpus in chunks of a fixed number of articles, in file
order: tables are read record by record, never whole, so memory does not grow
with the corpus size beyond the set of ids seen (to find duplicates).
`load_corpus` joins those chunks into one table sorted by `article_id`.

A corpus is either
  (a) a folder with `metadata.csv` (columns `article_id,file,outlet,bloc`, plus
      optional ones) and the UTF-8 text files it names, or
  (b) one table with a `text` column and the metadata columns: `.csv`,
      `.jsonl` (JSON Lines, one object per line) or `.parquet`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import operator
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from dateutil import parser as date_parser

__all__ = [
    "METADATA_COLUMNS",
    "PROBLEM_COLUMNS",
    "PROBLEM_KINDS",
    "REQUIRED_COLUMNS",
    "TABLE_REQUIRED_COLUMNS",
    "TABLE_SUFFIXES",
    "MAX_ARTICLE_CHARS",
    "MAX_LINE_CHARS",
    "CorpusError",
    "corpus_fingerprint",
    "iter_corpus",
    "load_corpus",
    "normalise_date",
    "sha256_file",
]

REQUIRED_COLUMNS: tuple[str, ...] = ("article_id", "file", "outlet", "bloc")
"""Columns `metadata.csv` must have in a folder corpus."""

TABLE_REQUIRED_COLUMNS: tuple[str, ...] = ("article_id", "outlet", "bloc", "text")
"""Columns a table corpus (.csv/.jsonl/.parquet) must have; `file` is optional there."""

METADATA_COLUMNS: tuple[str, ...] = (
    "article_id",
    "file",
    "outlet",
    "bloc",
    "published",
    "title",
    "author",
    "url",
    "country",
    "language",
    "notes",
)
"""Standard metadata columns, in output order; missing optional ones are added empty."""

PROBLEM_COLUMNS: tuple[str, ...] = ("article_id", "file", "problem", "detail")
PROBLEM_KINDS: frozenset[str] = frozenset(
    {"missing_file", "empty_text", "encoding", "duplicate_id", "bad_date", "missing_value", "bad_path",
     "too_large", "not_text"}
)
MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text processed (about 10 s of work); a longer one is a `too_large` problem."""
MAX_LINE_CHARS = 100_000
"""Longest line (a paragraph) processed: the tokenisers' time limits hold well below it."""
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".jsonl", ".parquet")
METADATA_NAME = "metadata.csv"

_STRING = pd.StringDtype()
_KEPT_KINDS = frozenset({"encoding", "bad_date"})  # lenient mode keeps the article for these
_LENIENT_HINT = "use --lenient to replace undecodable bytes"
_SKIP_HINT = "use --lenient to skip such articles"
_NUL_SHARE = 0.001  # NUL characters per character above which a file is binary, not text
_BAD_SHARE = 0.1  # undecodable bytes per character above which a file is not UTF-8 text (at least 8)
_CSV_FIELD_LIMIT = 2**31 - 1  # the csv module's default 128 KiB is too small for long article texts


class CorpusError(ValueError):
    """A corpus cannot be read; the message names the file (and line) and the problem.

    `problems` holds the per-article problems collected so far in lenient mode
    (e.g. when every article was skipped), else an empty table.
    """

    def __init__(self, message: str, problems: pd.DataFrame | None = None) -> None:
        super().__init__(message)
        self.problems = problems if problems is not None else _problems_frame([])


# --------------------------------------------------------------------------- public API


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
    """
    try:
        size = operator.index(chunk_size)
    except TypeError:
        size = 0
    if isinstance(chunk_size, bool) or size < 1:
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return _chunks(Path(os.fspath(path)), lenient=lenient, chunk_size=size, follow_symlinks=follow_symlinks)


def normalise_date(value: str) -> str | None:
    """Return `value` as an ISO `YYYY-MM-DD` string, None if blank; raise ValueError if unusable.

    Accepts ISO dates and datetimes (2024-01-28, 2024-01-28T14:38Z), year-first
    numeric dates (2024/01/28, 2024.1.28) and forms with an English month name
    and a four-digit year ("January 28, 2024", "28 Jan 2024"). Day-first or
    month-first numeric dates (03/04/2024) are rejected because their order is
    ambiguous across outlets. A time zone is ignored: the date is kept as written.
    """
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        year, month, day = (int(year_first.group(i)) for i in (1, 3, 4))
        try:
            found = date(year, month, day)
        except ValueError:
            raise ValueError(f"no such date {text!r}") from None
        if text[year_first.end() :].strip(" T") and _parse_complete(text, yearfirst=True) != found:
            raise ValueError(f"unrecognised date {text!r}; write it as YYYY-MM-DD")
        return found.isoformat()
    if _NUMERIC_DATE.match(text):
        raise ValueError(
            f"ambiguous numeric date {text!r} (day/month order differs between sources); "
            "write it as YYYY-MM-DD"
        )
    if not any(_MONTHS.month(word) for word in re.findall(r"[^\W\d_]+", text)):
        raise ValueError(f"unrecognised date {text!r}; write it as YYYY-MM-DD")
    if not re.search(r"(?<!\d)\d{4}(?!\d)", text):
        raise ValueError(f"date {text!r} has no four-digit year; write it as YYYY-MM-DD")
    found = _parse_complete(text, yearfirst=False)
    if found is None:
        raise ValueError(
            f"unrecognised or incomplete date {text!r} (needs day, month and year); write it as YYYY-MM-DD"
        )
    return found.isoformat()


def corpus_fingerprint(articles: pd.DataFrame) -> str:
    """SHA-256 hex digest of the corpus content, for provenance records.

    Only `article_id` and `text` count (metadata edits do not change it), and row
    order does not matter. Scheme: for each (article_id, text) pair in sorted
    order, for each of the two strings, feed the 8-byte big-endian length of its
    UTF-8 encoding and then the encoding itself.
    """
    missing = [c for c in ("article_id", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles table lacks column(s): {', '.join(missing)}")
    ids = articles["article_id"].tolist()
    texts = articles["text"].tolist()
    if any(v is None or v is pd.NA or not isinstance(v, str) for v in ids + texts):
        raise ValueError("article_id and text must be non-missing strings to fingerprint a corpus")
    digest = hashlib.sha256()
    for pair in sorted(zip(ids, texts)):
        for part in pair:
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(len(encoded).to_bytes(8, "big"))
            digest.update(encoded)
    return digest.hexdigest()


def sha256_file(path: str | os.PathLike[str]) -> str:
    """SHA-256 hex digest of a file's bytes, read in chunks so large files are fine."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- dates

_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?=$|[\sT])")
_NUMERIC_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)")
_MONTHS = date_parser.parserinfo()
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 1, 2))  # differ in year and day


def _parse_complete(text: str, *, yearfirst: bool) -> date | None:
    """Parse with dateutil; None unless day, month and year all come from `text`.

    Parsing with two different defaults shows whether dateutil filled in a part
    ("Jan 2024" would otherwise silently become some day of January).
    """
    try:
        results = {
            date_parser.parse(text, default=d, dayfirst=False, yearfirst=yearfirst, ignoretz=True).date()
            for d in _DEFAULTS
        }
    except (ValueError, OverflowError):
        return None
    return results.pop() if len(results) == 1 else None


# --------------------------------------------------------------------------- reading sources


@dataclass
class _Row:
    """One metadata row or table record before checking."""

    values: dict[str, object]  # column -> str | None (bytes possible for parquet text)
    where: str  # "corpus.csv line 4": names the file and position in messages
    ref: str  # "line 4": the same position, for cross-references
    number: int  # 1-based data row (header excluded)
    bad_escape: str | None = None  # JSONL: a lone-surrogate escape was replaced


@dataclass
class _Source:
    """The rows of a corpus (read lazily, once) plus what is needed to check them."""

    path: Path  # as given by the user, for messages
    columns: list[str]
    rows: Iterator[_Row]
    folder: Path | None  # set for folder corpora: texts are read from files
    table_name: str | None = None  # set for table corpora: `file` fallback
    required: tuple[str, ...] = field(default=REQUIRED_COLUMNS)
    follow_symlinks: bool = False  # folder corpora: may a text file link outside the folder?


def _open_source(root: Path, batch_size: int) -> _Source:
    """Check that `root` is a corpus and read its header; the rows follow lazily."""
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    if root.is_dir():
        return _read_folder(root)
    suffix = root.suffix.lower()
    if suffix == ".csv":
        columns, rows = _read_csv(root, TABLE_REQUIRED_COLUMNS)
    elif suffix == ".jsonl":
        columns, rows = _read_jsonl_table(root)
    elif suffix == ".parquet":
        columns, rows = _read_parquet_table(root, batch_size)
    else:
        raise CorpusError(
            f"{root}: unsupported file type {root.suffix or '(no extension)'!r}; "
            "give a folder with metadata.csv, or a .csv, .jsonl or .parquet table"
        )
    return _Source(root, columns, rows, None, root.name, TABLE_REQUIRED_COLUMNS)


def _read_folder(folder: Path) -> _Source:
    """Read the header of `metadata.csv` of a folder corpus (rows and texts are read later)."""
    meta = folder / METADATA_NAME
    if not meta.is_file():
        raise CorpusError(
            f"{folder}: no {METADATA_NAME} in this folder "
            f"(a folder corpus needs {METADATA_NAME} with columns {', '.join(REQUIRED_COLUMNS)})"
        )
    columns, rows = _read_csv(meta, REQUIRED_COLUMNS)
    if "text" in columns:
        raise CorpusError(
            f"{meta}: column 'text' is reserved for the article text read from the files; rename it"
        )
    return _Source(path=meta, columns=columns, rows=rows, folder=folder)


def _read_csv(path: Path, required: Sequence[str]) -> tuple[list[str], Iterator[_Row]]:
    """Read and check the header of a comma-separated file; its rows are streamed after."""
    records = _csv_records(path)
    first = next(records, None)
    if first is None:
        raise CorpusError(f"{path}: file is empty (no header row)")
    header = [cell.strip() for cell in first[1]]
    _check_unique(path, header)
    _check_columns(path, header, required)
    return header, _csv_rows(path, header, records)


def _csv_rows(path: Path, header: Sequence[str], records: Iterable[tuple[int, list[str]]]) -> Iterator[_Row]:
    """The data records after the header, as rows; a wrong field count is a corpus-level error."""
    for number, (line_no, record) in enumerate(records, start=1):
        if len(record) != len(header):
            raise CorpusError(
                f"{path} line {line_no}: expected {len(header)} fields as in the header, "
                f"found {len(record)} (check commas and quotes)"
            )
        yield _Row(dict(zip(header, record)), f"{path} line {line_no}", f"line {line_no}", number)


def _csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Stream the non-blank records of a CSV file with the csv module, with each one's first line number."""
    reader = csv.reader(_text_lines(path, newline=""), strict=True)
    last_line = 0
    while True:
        # Lift the field size limit only while parsing, so the global setting never leaks.
        old_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CorpusError(f"{path} line {reader.line_num}: cannot parse CSV ({exc})") from None
        finally:
            csv.field_size_limit(old_limit)
        line_no, last_line = last_line + 1, reader.line_num
        if any(cell.strip() for cell in record):  # skip blank lines and rows of empty cells
            yield line_no, record


def _read_jsonl_table(path: Path) -> tuple[list[str], Iterator[_Row]]:
    """Check JSON Lines in a first streaming pass (keys become the columns); rows follow in a second."""
    columns = dict.fromkeys(key.strip() for _, obj in _jsonl_objects(path) for key in obj)
    names = list(columns)
    _check_columns(path, names, TABLE_REQUIRED_COLUMNS)
    return names, _jsonl_rows(path)


def _jsonl_rows(path: Path) -> Iterator[_Row]:
    """The objects of a JSON Lines file as rows; non-string values become JSON text."""
    for number, (line_no, obj) in enumerate(_jsonl_objects(path), start=1):
        values: dict[str, object] = {}
        bad: list[str] = []
        for key, value in obj.items():
            name = key.strip()
            cell = _json_cell(value)
            if cell is not None and _SURROGATE.search(cell):
                cell = _SURROGATE.sub("\ufffd", cell)
                bad.append(name)
            values[name] = cell
        note = f"invalid \\u escape (lone surrogate) in column(s) {', '.join(bad)}" if bad else None
        yield _Row(values, f"{path} line {line_no}", f"line {line_no}", number, note)


def _jsonl_objects(path: Path) -> Iterator[tuple[int, dict[str, object]]]:
    """Stream `(line number, object)` from JSON Lines; blank lines are ignored, anything else must be an object."""
    # Split on "\n" only: U+2028 and friends may appear inside JSON strings.
    for line_no, line in enumerate(_text_lines(path, newline="\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line.removesuffix("\n"))
        except json.JSONDecodeError as exc:
            raise CorpusError(
                f"{path} line {line_no}: not valid JSON ({exc.msg} at column {exc.colno})"
            ) from None
        if not isinstance(obj, dict):
            raise CorpusError(f"{path} line {line_no}: expected a JSON object, found {type(obj).__name__}")
        yield line_no, obj


def _read_parquet_table(path: Path, batch_size: int) -> tuple[list[str], Iterator[_Row]]:
    """Read and check a Parquet schema; rows are streamed after, `batch_size` records at a time."""
    try:
        with pq.ParquetFile(path) as parquet:
            # Through pandas so a stored index stays out of the columns, as with pd.read_parquet.
            names = [str(c).strip() for c in parquet.schema_arrow.empty_table().to_pandas().columns]
    except Exception as exc:  # pyarrow raises several unrelated types for a bad file
        raise CorpusError(f"{path}: cannot read as Parquet ({exc})") from None
    _check_unique(path, names)
    _check_columns(path, names, TABLE_REQUIRED_COLUMNS)
    return names, _parquet_rows(path, names, batch_size)


def _parquet_rows(path: Path, names: Sequence[str], batch_size: int) -> Iterator[_Row]:
    """The records of a Parquet file as rows, read one batch at a time."""
    number = 0
    for frame in _parquet_batches(path, batch_size):
        for record in frame.itertuples(index=False, name=None):
            number += 1
            values = {name: _parquet_cell(v) for name, v in zip(names, record)}
            yield _Row(values, f"{path} row {number}", f"row {number}", number)


def _parquet_batches(path: Path, batch_size: int) -> Iterator[pd.DataFrame]:
    """Stream a Parquet file as DataFrames of at most `batch_size` rows.

    Without pre-buffering and with a read buffer, pyarrow reads pages as needed
    instead of a whole row group (which may be the whole file) at once.
    """
    try:
        with pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20) as parquet:
            for batch in parquet.iter_batches(batch_size=batch_size):
                yield batch.to_pandas(types_mapper=_nullable_integer)
    except Exception as exc:  # as above; nothing but pyarrow runs inside
        raise CorpusError(f"{path}: cannot read as Parquet ({exc})") from None


def _nullable_integer(arrow_type: pa.DataType) -> object:
    """Integers as pandas nullable integers, so a batch with a null does not turn 1 into "1.0"."""
    if not pa.types.is_integer(arrow_type):
        return None
    prefix = "UInt" if pa.types.is_unsigned_integer(arrow_type) else "Int"
    return pd.api.types.pandas_dtype(f"{prefix}{arrow_type.bit_width}")


def _text_lines(path: Path, *, newline: str) -> Iterator[str]:
    """Stream a UTF-8 file (a leading BOM dropped) line by line; bad bytes are a corpus-level error."""
    try:
        with open(path, encoding="utf-8-sig", newline=newline) as handle:
            yield from handle
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _not_utf8(path: Path) -> CorpusError:
    """The error for a table that is not UTF-8, naming the first bad byte's raw offset and line."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    fed = newlines = 0  # bytes given to the decoder so far, and the newlines among them
    with open(path, "rb") as handle:
        while True:
            block = handle.read(1 << 20)
            pending = len(decoder.getstate()[0])  # a partial character (never a newline) held back
            try:
                decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                data = exc.object  # the pending bytes followed by `block`
                line = newlines + data.count(b"\n", 0, exc.start) + 1
                return CorpusError(
                    f"{path}: not valid UTF-8 at byte {fed - pending + exc.start} (0x{data[exc.start]:02x}) "
                    f"on line {line}; save the file as UTF-8"
                )
            if not block:
                return CorpusError(f"{path}: not valid UTF-8; save the file as UTF-8")
            fed += len(block)
            newlines += block.count(b"\n")


def _decode_bytes(data: bytes) -> tuple[str, tuple[int, int] | None]:
    """Decode UTF-8 without a leading BOM; on bad bytes replace them and return (raw offset, byte)."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    body = data[skip:]
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return body.decode("utf-8", "replace"), (exc.start + skip, body[exc.start])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_cell(value: object) -> str | None:
    """A JSON value as a string cell: strings as is, null -> None, anything else as JSON text."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _parquet_cell(value: object) -> object:
    """A Parquet value as a string cell (bytes kept so text can be decoded and checked)."""
    if isinstance(value, (str, bytes)):
        return value
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _check_unique(path: Path, header: Sequence[str]) -> None:
    empty = [i for i, name in enumerate(header, start=1) if not name]
    if empty:
        raise CorpusError(f"{path}: header column {empty[0]} has no name")
    repeated = [name for name, n in Counter(header).items() if n > 1]
    if repeated:
        raise CorpusError(f"{path}: repeated column name(s): {', '.join(repeated)}")


def _check_columns(path: Path, columns: Sequence[str], required: Sequence[str]) -> None:
    missing = [c for c in required if c not in columns]
    if not missing:
        return
    message = f"{path}: missing required column(s): {', '.join(missing)}"
    if len(columns) == 1 and any(sep in columns[0] for sep in ";\t|"):
        message += " (the header has a single column: is the file separated by ';' or tabs? use commas)"
    elif missing == ["text"] and "file" in columns:
        message += f" (this looks like folder metadata: pass the folder {path.parent} instead)"
    raise CorpusError(message)


# --------------------------------------------------------------------------- checking rows


class _Log:
    """Collects per-article problems; in strict mode the first one raises."""

    def __init__(self, lenient: bool) -> None:
        self.lenient = lenient
        self.entries: list[dict[str, str | None]] = []

    def add(
        self, kind: str, article_id: str | None, file: str | None, message: str, kept_note: str = ""
    ) -> None:
        """Record a problem; `kept_note` is appended in lenient mode for kinds that keep the article."""
        if not self.lenient:
            raise CorpusError(message)
        detail = f"{message}; {kept_note}" if kept_note else f"{message}; article skipped"
        self.entries.append({"article_id": article_id, "file": file, "problem": kind, "detail": detail})

    def take(self) -> pd.DataFrame:
        """The problems recorded since the last call, as a table; the log starts afresh."""
        entries, self.entries = self.entries, []
        return _problems_frame(entries)


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


def _check_row(
    row: _Row,
    source: _Source,
    extras: Sequence[str],
    seen: dict[str, tuple[str, str | None]],
    log: _Log,
) -> dict[str, str | None] | None:
    """Return the article built from `row`, or None if it is skipped (problem logged)."""
    meta = {name: _clean(row.values.get(name)) for name in (*METADATA_COLUMNS, *extras)}
    article_id = meta["article_id"]
    if source.table_name is not None and meta["file"] is None:
        meta["file"] = f"{source.table_name}:{row.number}"
    file = meta["file"]
    label = f"{row.where} (article_id {article_id!r})" if article_id else row.where

    empty = [c for c in source.required if c != "text" and meta.get(c) is None]
    if article_id is not None:
        first = seen.get(article_id)
        if first is None:
            seen[article_id] = (row.ref, file if source.folder is not None else None)
        else:
            first_ref, first_file = first
            also = f" (file {first_file!r}; this row has file {file!r})" if source.folder is not None else ""
            message = f"{label}: duplicate article_id, first used on {first_ref}{also}"
            log.add("duplicate_id", article_id, file, message)
            return None
    if empty:
        message = f"{label}: empty required value in column(s): {', '.join(empty)}"
        log.add("missing_value", article_id, file, message)
        return None

    kept: list[tuple[str, str, str]] = []  # (kind, strict message, lenient note) for kept articles
    if source.folder is not None:
        text = _read_text(row, source.folder, article_id, file, label, log, kept, source.follow_symlinks)
    else:
        text = _table_text(row, article_id, file, label, log, kept)
    if text is None:
        return None
    too_large = _too_large(text)
    if too_large:
        kept.clear()
        hint = "" if log.lenient else f" ({_SKIP_HINT})"
        log.add("too_large", article_id, file, f"{label}: {too_large}{hint}")
        return None

    published = meta["published"]
    if published is not None:
        try:
            published = normalise_date(published)
        except ValueError as exc:
            kept.append(("bad_date", f"{label}: bad published date: {exc}", "published left empty"))
            published = None
    for kind, message, note in kept:
        log.add(kind, article_id, file, message, kept_note=note)

    meta["bloc"] = meta["bloc"].lower() if meta["bloc"] else None
    meta["published"] = published
    meta["text"] = text
    return meta


def _read_text(
    row: _Row,
    folder: Path,
    article_id: str | None,
    file: str | None,
    label: str,
    log: _Log,
    kept: list[tuple[str, str, str]],
    follow_symlinks: bool = False,
) -> str | None:
    """Read and decode a folder corpus text file; None if the article must be skipped."""
    assert file is not None  # required column, checked before
    parts = _inside_parts(file)
    if parts is None:
        log.add(
            "bad_path",
            article_id,
            file,
            f"{label}: file path {file!r} leaves the corpus folder (absolute paths and '..' are not allowed)",
        )
        return None
    target = folder.joinpath(*parts)
    where = f"{target} (article_id {article_id!r})"
    if not follow_symlinks and not _stays_inside(folder, target):
        log.add(
            "bad_path",
            article_id,
            file,
            f"{label}: file {file!r} is a symbolic link to a place outside the corpus folder "
            "(pass --follow-symlinks to allow it)",
        )
        return None
    if not target.is_file():
        what = "is a folder, not a text file" if target.is_dir() else "file not found"
        log.add("missing_file", article_id, file, f"{where}: {what} (listed in {row.where})")
        return None
    try:
        size = target.stat().st_size
        if size > 4 * MAX_ARTICLE_CHARS:  # too large whatever the encoding: not read into memory
            hint = "" if log.lenient else f" ({_SKIP_HINT})"
            log.add("too_large", article_id, file,
                    f"{where}: file too large to process ({size:,} bytes; the limit is "
                    f"{MAX_ARTICLE_CHARS:,} characters){hint}")
            return None
        data = target.read_bytes()
    except OSError as exc:
        log.add("missing_file", article_id, file, f"{where}: cannot read ({exc.strerror or exc})")
        return None
    return _checked_text(data, article_id, file, where, log, kept)


def _table_text(
    row: _Row,
    article_id: str | None,
    file: str | None,
    label: str,
    log: _Log,
    kept: list[tuple[str, str, str]],
) -> str | None:
    """Take the text cell of a table record; None if the article must be skipped."""
    if row.bad_escape is not None:
        kept.append(("encoding", f"{label}: {row.bad_escape}", "replaced with U+FFFD"))
    value = row.values.get("text")
    if isinstance(value, bytes):
        return _checked_text(value, article_id, file, label, log, kept)
    text = value if isinstance(value, str) else None
    if text is None or not text.strip():
        log.add("empty_text", article_id, file, f"{label}: empty text")
        return None
    binary = _binary(text, 0)
    if binary:
        kept.clear()
        log.add("not_text", article_id, file, f"{label}: {binary}")
        return None
    return text


def _checked_text(
    data: bytes,
    article_id: str | None,
    file: str | None,
    where: str,
    log: _Log,
    kept: list[tuple[str, str, str]],
) -> str | None:
    """Decode article bytes: bad UTF-8 is noted (kept in lenient mode), blank text is skipped,
    and a file that is not text (UTF-16, binary) is a `not_text` problem."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        log.add("not_text", article_id, file,
                f"{where}: not a UTF-8 text (starts with a UTF-16 byte-order mark); save the file as UTF-8")
        return None
    text, bad = _decode_bytes(data)
    n_bad = 0
    if bad is not None:
        n_bad = text.count("\ufffd") - data.count("\ufffd".encode())
    binary = _binary(text, n_bad)
    if binary:
        log.add("not_text", article_id, file, f"{where}: {binary}")
        return None
    if bad is not None:
        offset, byte = bad
        more = f"; {n_bad:,} undecodable byte sequences in all" if n_bad > 1 else ""
        message = f"{where}: not valid UTF-8 at byte {offset} (0x{byte:02x}){more}"
        if not log.lenient:
            log.add("encoding", article_id, file, f"{message}; {_LENIENT_HINT}")
        kept.append(("encoding", message, "undecodable bytes replaced with U+FFFD"))
    if not text.strip():
        kept.clear()
        log.add("empty_text", article_id, file, f"{where}: empty text (no characters other than whitespace)")
        return None
    return text


def _binary(text: str, n_bad: int) -> str | None:
    """Why `text` is not a text (NUL characters or undecodable bytes too dense), or None."""
    n = max(len(text), 1)
    nul = text.count("\x00")
    if nul and nul / n > _NUL_SHARE:
        return f"not a text file ({nul:,} NUL characters in {len(text):,}: binary or UTF-16 data)"
    if n_bad >= 8 and n_bad / n > _BAD_SHARE:
        return (f"not a UTF-8 text file ({n_bad:,} undecodable byte sequences in {len(text):,} characters: "
                "binary data or another encoding)")
    return None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _too_large(text: str) -> str | None:
    """Why `text` is above the size limits of one article, or None."""
    if len(text) > MAX_ARTICLE_CHARS:
        return f"text too large to process ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})"
    start = longest = 0
    for match in _LINE_BREAK.finditer(text):
        longest, start = max(longest, match.start() - start), match.end()
    longest = max(longest, len(text) - start)
    if longest > MAX_LINE_CHARS:
        return f"a line too long to process ({longest:,} characters; the limit is {MAX_LINE_CHARS:,})"
    return None


def _stays_inside(folder: Path, target: Path) -> bool:
    """Whether reading `target` stays inside `folder` once symbolic links are followed."""
    base = folder.resolve()
    real = target.resolve()
    return real == base or base in real.parents


def _inside_parts(name: str) -> tuple[str, ...] | None:
    """Split a `file` value into path parts, or None if it could leave the folder.

    The check is lexical: absolute paths, drive letters and any '..' are refused;
    both '/' and '\\' count as separators so Windows-made metadata works.
    Symbolic links are checked when the file is read (`_stays_inside`).
    """
    posix = name.replace("\\", "/")
    if posix.startswith("/") or re.match(r"[A-Za-z]:", posix):
        return None
    parts = tuple(p for p in PurePosixPath(posix).parts if p != ".")
    if not parts or ".." in parts:
        return None
    return parts


def _clean(value: object) -> str | None:
    """A metadata cell as a stripped string; blank or missing -> None."""
    if value is None:
        return None
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    text = text.strip()
    return text or None


def _problems_frame(entries: Sequence[Mapping[str, str | None]]) -> pd.DataFrame:
    """The `problems` table, with its columns even when empty."""
    return pd.DataFrame(list(entries), columns=list(PROBLEM_COLUMNS)).astype(_STRING)
