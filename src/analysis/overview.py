"""Corpus at a glance and the cleaning audit: the tables notebook 00 shows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.build import TABLE_COLUMNS

__all__ = ["accounting", "accounting_note", "corpus_description", "corpus_summary", "length_note", "limits_note",
           "read_tables", "removal_by_reason", "resolve"]


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


def _counts(values: pd.Series, missing: str = "not recorded") -> str:
    """"a 20, b 5, c 1": counts of each value, most frequent first, ties by name."""
    counts = values.astype("string").fillna(missing).replace("", missing).value_counts()
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def corpus_description(articles: pd.DataFrame) -> str:
    """A Markdown paragraph on the corpus, computed from the articles table: how many articles,
    outlets, blocs and languages, and the publication dates, so the prose holds for any corpus."""
    n, outlets = len(articles), articles["outlet"].nunique()
    per_outlet = articles.groupby("outlet").size()
    repeated = int((per_outlet > 1).sum())
    dates = pd.to_datetime(articles["published"], errors="coerce")
    undated = int(dates.isna().sum())
    span = (f"published between {dates.min():%Y-%m-%d} and {dates.max():%Y-%m-%d}" if dates.notna().any()
            else "with no publication dates")
    spread = "one article per outlet" if repeated == 0 else f"{_plural(repeated, 'outlet')} with more than one article"
    parts = [
        f"**{_plural(n, 'article')}** from **{_plural(outlets, 'outlet')}** ({spread}), "
        f"in **{_plural(articles['bloc'].nunique(), 'bloc')}** ({_counts(articles['bloc'])}), {span}"
        + (f" ({undated} undated)" if undated and dates.notna().any() else "") + ".",
        f"Language (from the metadata): {_counts(articles['language'])}." if "language" in articles else "",
    ]
    return " ".join(p for p in parts if p)


def length_note(articles: pd.DataFrame) -> str:
    """One sentence on how much article lengths differ (kept word tokens), computed from the table."""
    tokens = articles["n_tokens"].astype(int)
    if tokens.empty:
        return "The corpus has no articles."
    low, high, median = int(tokens.min()), int(tokens.max()), float(tokens.median())
    ratio = f"{high / low:.1f} times" if low > 0 else "many times"
    return (f"Kept article text runs from {low:,} to {high:,} word tokens (median {median:,.0f}): the longest "
            f"article is {ratio} the shortest.")


def limits_note(articles: pd.DataFrame, small: int = 5) -> str:
    """The first Limits bullet: n per bloc and outlet, computed, with blocs under `small` articles named."""
    per_bloc = articles.groupby("bloc").size()
    thin = sorted(b for b, k in per_bloc.items() if k < small)
    outlets = articles["outlet"].nunique()
    text = (f"- **n = {_plural(len(articles), 'article')}** ({_counts(articles['bloc'])}) from "
            f"{_plural(outlets, 'outlet')}. Every bloc comparison in later notebooks describes these texts, "
            "not the whole coverage of a bloc or an outlet.")
    if thin:
        which = "A bloc" if len(thin) == 1 else "Blocs"
        text += (f" {which} with fewer than {small} articles ({', '.join(thin)}): a handful of texts, so any "
                 "comparison involving them describes those texts and nothing wider.")
    return text


def accounting_note(table: pd.DataFrame) -> str:
    """One sentence: whether every article's raw lines add up (a table from `accounting`)."""
    bad = table.loc[~table["ok"], "article_id"].astype(str).tolist()
    if not bad:
        return f"All {_plural(len(table), 'article')} add up: every non-blank raw line is kept or removed exactly once."
    return (f"{_plural(len(bad), 'article')} of {len(table)} do not add up ({', '.join(sorted(bad))}): "
            "a line is lost or counted twice there; check them with `python -m analysis clean FILE`.")
