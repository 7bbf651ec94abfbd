"""Stream the records of a corpus source: a folder's metadata.csv, or a CSV, JSON Lines or Parquet table.

Headers are read and checked when a source is opened; rows follow lazily, so a
table is never held whole. Problems with the source as a whole (bad bytes, bad
CSV or JSON, missing columns) raise `CorpusError` naming the file and line.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.corpus.schema import METADATA_NAME, REQUIRED_COLUMNS, TABLE_REQUIRED_COLUMNS, CorpusError

_CSV_FIELD_LIMIT = 2**31 - 1  # the csv module's default 128 KiB is too small for long article texts


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
