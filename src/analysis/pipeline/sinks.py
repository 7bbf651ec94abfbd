"""Where a build writes its tables (in memory, or one file per table appended chunk by chunk),
and the output folder: its checks, its lock, the temporary folder beside it, the corpus
fingerprint and the manifest written last."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd

from analysis.locks import lock
from analysis.pipeline.tidy import _tidy
from analysis.schema import MANIFEST, TABLE_COLUMNS, csv_escape


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

_LOCK = ".lock"


class OutputError(ValueError):
    """The output folder cannot be used (it holds an input, is a file, or another build holds it)."""


def check_out(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an output folder that is a file, or that is, holds or lies inside an input.

    Parameters
    ----------
    out : the output folder asked for.
    inputs : the corpus and any other file the build reads.

    Returns
    -------
    Nothing; raises `OutputError` for an unusable `out`.
    """
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
            with contextlib.suppress(OSError):
                self.out.rmdir()  # made by this build, which wrote nothing into it

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
        lock(fd, wait=False)
    except OSError:
        os.close(fd)
        raise OutputError(f"{out}: another build is writing to this folder (it holds {path}); wait for it to "
                          "finish or choose another --out") from None
    return fd
