"""Corpus at a glance and the cleaning audit: the tables notebook 00 shows."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.build import MANIFEST, TABLE_COLUMNS, csv_unescape

__all__ = ["IncompleteOutputError", "accounting", "check_output", "corpus_summary", "read_manifest", "read_tables",
           "removal_by_reason", "resolve"]


class IncompleteOutputError(ValueError):
    """The tables in a folder are not the complete output of one build (see its manifest.json)."""


def resolve(path: str | Path) -> Path:
    """A path as given if absolute, else relative to the project root (not the working directory)."""
    path = Path(path)
    return path if path.is_absolute() else paths.ROOT / path


def read_manifest(folder: str | Path) -> dict | None:
    """The manifest `build` wrote last into `folder` (None, with a warning, if there is none)."""
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


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return csv_unescape(pd.read_csv(path, dtype={"article_id": "string"}, keep_default_na=False, na_values=[""]))


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
    row count (Parquet counts read from the file footers). Returns the manifest."""
    import pyarrow.parquet as pq

    folder = resolve(folder)
    if not (folder / MANIFEST).is_file():
        raise IncompleteOutputError(f"{folder}: no {MANIFEST}: the build did not finish; rebuild")
    manifest = read_manifest(folder)
    for name, entry in sorted(manifest["tables"].items()):
        path = _listed(folder, manifest, name)
        try:
            rows = pq.ParquetFile(path).metadata.num_rows if path.suffix == ".parquet" else len(_read(path))
        except Exception as exc:  # noqa: BLE001 - pyarrow and pandas raise many types for a damaged file
            raise IncompleteOutputError(f"{path}: cannot be read ({exc}); rebuild") from None
        _check_rows(path, rows, entry["rows"])
    return manifest


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables `build` wrote (Parquet, or CSV when no Parquet is there), checked against
    the build's manifest: a table missing or with other row counts than it lists raises."""
    folder = resolve(folder)
    manifest = read_manifest(folder)
    tables = {}
    for name in TABLE_COLUMNS:
        if manifest is not None:
            path = _listed(folder, manifest, name)
            tables[name] = _read(path)
            _check_rows(path, len(tables[name]), manifest["tables"][name]["rows"])
            continue
        parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
        if parquet.is_file():
            tables[name] = _read(parquet)
        elif csv.is_file():
            tables[name] = _read(csv)
        else:
            raise FileNotFoundError(f"{folder}: no {name}.parquet or {name}.csv; run `python -m analysis build` first")
    return tables


def corpus_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, bloc, date, and how much text cleaning kept and removed."""
    table = articles[["article_id", "outlet", "bloc", "published", "n_paragraphs", "n_sentences",
                      "n_tokens", "n_quotes", "n_lines", "n_removed_lines"]].copy()
    table["share_lines_removed"] = (table["n_removed_lines"] / table["n_lines"]).round(3)
    return table.sort_values(["bloc", "article_id"]).reset_index(drop=True)


def removal_by_reason(removed: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Removed raw lines per article (rows, labelled by outlet) and reason (columns)."""
    labels = articles.set_index("article_id")["outlet"].astype(str)
    counts = pd.crosstab(removed["article_id"], removed["reason"]).reindex(labels.index, fill_value=0)
    counts = counts[counts.sum().sort_values(ascending=False, kind="mergesort").index]
    counts.index = [f"{labels[a]} [{a}]" for a in counts.index]
    counts.columns.name = "reason"
    return counts


def accounting(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per article: non-blank raw lines, lines kept in paragraphs, lines removed; `ok` if they add up."""
    paragraphs = tables["paragraphs"]
    kept = (paragraphs["line_end"] - paragraphs["line_start"] + 1).groupby(paragraphs["article_id"]).sum()
    removed = tables["removed_lines"].groupby("article_id").size()
    table = tables["articles"][["article_id", "n_lines"]].set_index("article_id")
    table["kept_lines"] = kept.reindex(table.index, fill_value=0).astype("int64")
    table["removed_lines"] = removed.reindex(table.index, fill_value=0).astype("int64")
    table["ok"] = table["n_lines"] == table["kept_lines"] + table["removed_lines"]
    return table.reset_index()
