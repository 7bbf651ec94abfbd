"""Corpus at a glance and the cleaning audit: the tables notebook 00 shows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.build import TABLE_COLUMNS

__all__ = ["accounting", "corpus_summary", "read_tables", "removal_by_reason", "resolve"]


def resolve(path: str | Path) -> Path:
    """A path as given if absolute, else relative to the project root (not the working directory)."""
    path = Path(path)
    return path if path.is_absolute() else paths.ROOT / path


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the tables `build` wrote (Parquet, or CSV when no Parquet is there)."""
    folder = resolve(folder)
    tables = {}
    for name in TABLE_COLUMNS:
        parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
        if parquet.is_file():
            tables[name] = pd.read_parquet(parquet)
        elif csv.is_file():
            tables[name] = pd.read_csv(csv, dtype={"article_id": "string"}, keep_default_na=False, na_values=[""])
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
    """Removed raw lines per article (rows, labelled "outlet · article id", ordered by bloc then id)
    and reason (columns, most frequent first, ties by name)."""
    from analysis.plots import article_labels

    ordered = articles.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = pd.crosstab(removed["article_id"], removed["reason"]).reindex(ordered["article_id"], fill_value=0)
    totals = counts.sum()
    counts = counts[sorted(totals.index, key=lambda r: (-int(totals[r]), str(r)))]
    counts.index = article_labels(ordered).tolist()
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
