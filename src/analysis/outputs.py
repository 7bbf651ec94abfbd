"""What `build` wrote, read back: its manifest, the check that a folder is one complete build,
the build settings a notebook asks for, and the tables by name, each read on first use."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.schema import MANIFEST, TABLE_COLUMNS, csv_unescape

__all__ = ["IncompleteOutputError", "RebuildNeeded", "Tables", "check_output", "read_manifest", "read_tables",
           "rebuild_command", "require_built_with", "resolve"]


class IncompleteOutputError(ValueError):
    """The tables in a folder are not the complete output of one build (see its manifest.json)."""


class RebuildNeeded(ValueError):
    """A notebook asks for a build setting the tables in its `OUT` folder were not built with."""


#: Build settings a notebook may ask for, as `build` records them in its manifest, with their option.
_BUILD_OPTIONS = {"compare": "--compare", "scorers": "--scorers", "topic_units": "--topic-units",
                  "skip_topics": "--skip-topics", "learn_abbreviations": "--learn-abbreviations"}


def _option(name: str, value: object) -> str:
    flag = _BUILD_OPTIONS[name]
    if isinstance(value, bool):
        return flag if value else ""
    if name == "scorers":
        return f"{flag} {','.join(value)}"
    if isinstance(value, (list, tuple)):
        return f"{flag} {' '.join(str(v) for v in value)}"
    return f"{flag} {value}"


def rebuild_command(folder: str | Path = "data/processed", corpus: str | Path | None = None, **settings: object) -> str:
    """The `build` command that writes `folder` again with `settings`.

    Parameters
    ----------
    folder : the output folder, as the notebook's `OUT` names it.
    corpus : the corpus, as the notebook's `CORPUS` names it (None: the default, data/raw).
    **settings : build settings by their manifest name (`compare`, `scorers`, `topic_units`,
        `skip_topics`, `learn_abbreviations`).

    Returns
    -------
    The command line, e.g. "python -m analysis build --out data/processed --topic-units 500".
    """
    unknown = sorted(set(settings) - set(_BUILD_OPTIONS))
    if unknown:
        raise TypeError(f"not a build setting a notebook can ask for: {', '.join(unknown)} "
                        f"(known: {', '.join(sorted(_BUILD_OPTIONS))})")
    parts = ["python -m analysis build"] + ([f"--corpus {corpus}"] if corpus is not None else []) + [f"--out {folder}"]
    parts += [_option(name, value) for name, value in settings.items()]
    return " ".join(p for p in parts if p)


def require_built_with(folder: str | Path, corpus: str | Path | None = None, **settings: object) -> dict:
    """Check that the tables in `folder` were built with `settings` (a setting given as None is not
    checked); raise `RebuildNeeded`, naming the exact `build` command, when one differs. For
    notebook parameters that only a new build can change.

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).
    corpus : the corpus the rebuild should read (named in the command; None: the default).
    **settings : build settings by their manifest name, as in `rebuild_command`.

    Returns
    -------
    The manifest's settings (the tables were built with what was asked).
    """
    wanted = {name: value for name, value in settings.items() if value is not None}
    rebuild_command(folder, corpus, **wanted)  # rejects unknown names before the manifest is read
    manifest = read_manifest(folder)
    if not wanted:
        return {} if manifest is None else manifest.get("settings", {})
    if manifest is None:
        raise RebuildNeeded(f"{resolve(folder)}: no manifest, so the build settings are unknown; run "
                            f"`{rebuild_command(folder, corpus, **wanted)}`")
    built = manifest.get("settings", {})
    differ = {}
    for name, value in wanted.items():
        have = built.get(name)
        same = (list(have) == list(value) if isinstance(value, (list, tuple)) and isinstance(have, list)
                else have == value)
        if not same:
            differ[name] = (have, value)
    if differ:
        said = "; ".join(f"{name} = {have!r} in the build, {value!r} asked" for name, (have, value) in differ.items())
        raise RebuildNeeded(f"{resolve(folder)} was built with other settings ({said}). This setting takes effect "
                            f"only in a new build: run `{rebuild_command(folder, corpus, **wanted)}` "
                            "(or set it back), then rerun the notebook.")
    return built


def resolve(path: str | Path) -> Path:
    """A path as given if absolute, else relative to the project root (not the working directory).

    Parameters
    ----------
    path : a file or folder path.

    Returns
    -------
    The path itself if absolute, else under `paths.ROOT`.
    """
    path = Path(path)
    return path if path.is_absolute() else paths.ROOT / path


def read_manifest(folder: str | Path) -> dict | None:
    """The manifest `build` wrote last into `folder` (None, with a warning, if there is none).

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).

    Returns
    -------
    The manifest's contents, or None if the folder has none.
    """
    path = resolve(folder) / MANIFEST
    if not path.is_file():
        warnings.warn(f"{path.parent}: no {MANIFEST}, so nothing shows these tables are one complete build; "
                      "run `python -m analysis build`", stacklevel=3)
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        tables = manifest["tables"]
        if not all(isinstance(t["file"], str) and isinstance(t["rows"], int) for t in tables.values()):
            raise TypeError("bad table entry")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IncompleteOutputError(f"{path}: not a manifest written by `build` ({exc}); rebuild") from None
    return manifest


def _read(path: Path, columns: Sequence[str] | None = None, categories: Sequence[str] = ()) -> pd.DataFrame:
    """A table file (`categories`: text columns read as pandas categoricals, each distinct value held once)."""
    if path.suffix == ".parquet":
        if categories:
            import pyarrow.parquet as pq

            return pq.read_table(path, columns=None if columns is None else list(columns),
                                 read_dictionary=list(categories)).to_pandas()
        return pd.read_parquet(path, columns=None if columns is None else list(columns))
    table = csv_unescape(pd.read_csv(path, dtype={"article_id": "string"}, keep_default_na=False, na_values=[""],
                                     usecols=None if columns is None else list(columns)))
    for column in categories:
        table[column] = table[column].astype("category")
    return table


def _column_names(path: Path) -> list[str]:
    """A table file's column names, read from its header (Parquet schema, CSV first line)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return [c for c in pq.read_schema(path).names if not c.startswith("__index_level_")]
    return list(pd.read_csv(path, nrows=0).columns)


def _listed(folder: Path, manifest: dict, name: str) -> Path:
    entry = manifest["tables"].get(name)
    if entry is None:
        raise FileNotFoundError(f"{folder}: the last build wrote no {name} table (see {MANIFEST}); "
                                "rebuild without --skip-topics" if name == "topics" else f"{folder}: no {name} table")
    path = folder / Path(entry["file"]).name
    if not path.is_file():
        raise IncompleteOutputError(f"{path}: listed in {MANIFEST} but missing: the output is incomplete; rebuild")
    return path


def _check_rows(path: Path, rows: int, expected: int) -> None:
    if rows != expected:
        raise IncompleteOutputError(f"{path}: {rows} rows, but {MANIFEST} says the build wrote {expected}: "
                                    "the output is incomplete or mixed from several builds; rebuild")


def check_output(folder: str | Path) -> dict:
    """Check that `folder` holds one complete build: a manifest, and every table it lists with its
    row count (Parquet counts read from the file footers). Returns the manifest.

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).

    Returns
    -------
    The manifest; `IncompleteOutputError` is raised if anything is missing or differs.
    """
    folder = resolve(folder)
    if not (folder / MANIFEST).is_file():
        raise IncompleteOutputError(f"{folder}: no {MANIFEST}: the build did not finish; rebuild")
    manifest = read_manifest(folder)
    for name, entry in sorted(manifest["tables"].items()):
        path = _listed(folder, manifest, name)
        _check_rows(path, _rows_on_disk(path), entry["rows"])
    return manifest


def _rows_on_disk(path: Path) -> int:
    """Rows of a table file: a Parquet file's from its footer, a CSV file's by reading it."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows if path.suffix == ".parquet" else len(_read(path))
    except Exception as exc:  # noqa: BLE001 - pyarrow and pandas raise many types for a damaged file
        raise IncompleteOutputError(f"{path}: cannot be read ({exc}); rebuild") from None


class Tables(MutableMapping):
    """The tables of one build by name, as `read_tables` opens them: each is read from its file
    the first time it is used and then kept, so a notebook holds in memory only the tables it
    uses (on 100,000 articles the sentence-level tables alone take gigabytes). Tables can be
    added or replaced (`tables[name] = frame`) as in a dict; iterating over values or items
    reads every table.

    Parameters
    ----------
    files : each table's file and the row count the build's manifest lists (None: unchecked).
    """

    def __init__(self, files: Mapping[str, tuple[Path, int | None]]) -> None:
        self._files = dict(files)
        self._read: dict[str, pd.DataFrame] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._read:
            path, expected = self._files[name]
            table = _read(path)
            if expected is not None:
                _check_rows(path, len(table), expected)
            self._read[name] = table
        return self._read[name]

    def columns_of(self, name: str, columns: Sequence[str] | None = None, *, drop: Sequence[str] = (),
                   categories: Sequence[str] = ()) -> pd.DataFrame:
        """Some columns of a table: from the copy kept if it was read, else read from its file and not
        kept, so that a function that needs a few columns of a large table (the paragraphs' kinds,
        not their text), or builds a larger frame from several tables, does not leave them in memory
        beside its result (on 100,000 articles the sentences and their scores took 0.8 GB).

        Parameters
        ----------
        name : the table.
        columns : the columns wanted (None: all).
        drop : columns left out.
        categories : text columns to read as categoricals when read from the file (a long table of
            few distinct values, such as `article_terms`, then takes a fraction of the memory).

        Returns
        -------
        pd.DataFrame
        """
        if name in self._read:
            table = self._read[name]
            return table[[c for c in (table.columns if columns is None else columns) if c not in drop]]
        path, expected = self._files[name]
        if columns is None:
            columns = _column_names(path)
        table = _read(path, [c for c in columns if c not in drop], categories=[c for c in categories if c in columns])
        if expected is not None:
            _check_rows(path, len(table), expected)
        return table

    def unread_file(self, name: str) -> tuple[Path, int | None] | None:
        """The file of a table not read yet and the row count the manifest lists (None: unchecked), for a
        function that reads a large table its own way, a part at a time; None once it has been read or set."""
        return None if name in self._read or name not in self._files else self._files[name]

    def __setitem__(self, name: str, table: pd.DataFrame) -> None:
        self._files.pop(name, None)
        self._read[name] = table

    def __delitem__(self, name: str) -> None:
        if name not in self._files and name not in self._read:
            raise KeyError(name)
        self._files.pop(name, None)
        self._read.pop(name, None)

    def __contains__(self, name: object) -> bool:  # (Mapping's would read the table)
        return name in self._files or name in self._read

    def __iter__(self) -> Iterator[str]:
        return iter([*self._files, *(name for name in self._read if name not in self._files)])

    def __len__(self) -> int:
        return len(self._files.keys() | self._read.keys())

    def copy(self) -> Tables:
        """A new mapping of the same tables, sharing those read so far; a table not read yet is read
        by each mapping that uses it.

        Returns
        -------
        Tables
        """
        other = Tables(self._files)
        other._read = dict(self._read)
        return other

    def rows(self) -> dict[str, int]:
        """Rows of each table: for a table not read yet, the count the manifest lists (so nothing is
        read); else its length (a folder without a manifest has its tables read for this).

        Returns
        -------
        dict of str to int
        """
        return {name: len(self[name]) if name in self._read or self._files[name][1] is None
                else self._files[name][1] for name in self}

    def __repr__(self) -> str:
        return f"Tables({', '.join(self)})"


def read_tables(folder: str | Path) -> Tables:
    """Open the tables `build` wrote (Parquet, or CSV when no Parquet is there), checked against
    the build's manifest: a table missing or with other row counts than it lists raises (Parquet
    row counts are read from the file footers here, and checked again when a table is read). The
    topic tables are left out when the build skipped them (`require_topics` then says so).

    Each table is read when first used (`Tables`), so that a notebook holds only the tables it uses.

    Parameters
    ----------
    folder : a folder `build` wrote (relative paths are under the project root).

    Returns
    -------
    Each table by name, in `schema.TABLE_COLUMNS` order (no topic tables after `--skip-topics`).
    """
    folder = resolve(folder)
    manifest = read_manifest(folder)
    files: dict[str, tuple[Path, int | None]] = {}
    for name in TABLE_COLUMNS:
        optional = name.startswith("topic")  # absent after `build --skip-topics`: notebook 03 says so
        if manifest is not None:
            if optional and name not in manifest["tables"]:
                continue
            path = _listed(folder, manifest, name)
            files[name] = (path, manifest["tables"][name]["rows"])
            if path.suffix == ".parquet":
                _check_rows(path, _rows_on_disk(path), files[name][1])
            continue
        parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
        if parquet.is_file():
            files[name] = (parquet, None)
        elif csv.is_file():
            files[name] = (csv, None)
        elif optional:
            continue
        else:
            raise FileNotFoundError(f"{folder}: no {name}.parquet or {name}.csv; run `python -m analysis build` first")
    tables = Tables(files)
    for name, (path, expected) in files.items():
        if expected is not None and path.suffix != ".parquet":
            tables[name]  # noqa: B018 - a CSV's rows are only known by reading it: read (and checked) now, and kept
    return tables
