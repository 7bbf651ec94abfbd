"""Check each corpus row and turn it into an article: required values, duplicate ids, paths, text bytes, sizes.

`_Log` collects the per-article problems; in strict mode the first one raises
`CorpusError`, in lenient mode the article is skipped or kept with a note.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis.corpus.dates import normalise_date
from analysis.corpus.schema import MAX_ARTICLE_CHARS, MAX_LINE_CHARS, METADATA_COLUMNS, CorpusError, _problems_frame
from analysis.corpus.sources import _Row, _Source

_KEPT_KINDS = frozenset({"encoding", "bad_date"})  # lenient mode keeps the article for these
_LENIENT_HINT = "use --lenient to replace undecodable bytes"
_SKIP_HINT = "use --lenient to skip such articles"
_NUL_SHARE = 0.001  # NUL characters per character above which a file is binary, not text
_BAD_SHARE = 0.1  # undecodable bytes per character above which a file is not UTF-8 text (at least 8)


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
    if len(text) <= MAX_LINE_CHARS:  # (no line is longer than the text: most articles need no split)
        return None
    # (one split in C: a Python loop over every line break took 7% of a build's main process)
    longest = max(map(len, _LINE_BREAK.split(text)))
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


def _decode_bytes(data: bytes) -> tuple[str, tuple[int, int] | None]:
    """Decode UTF-8 without a leading BOM; on bad bytes replace them and return (raw offset, byte)."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    body = data[skip:]
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return body.decode("utf-8", "replace"), (exc.start + skip, body[exc.start])

