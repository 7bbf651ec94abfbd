"""The processed tables' schema and cell rules: which tables a build writes, their columns in
order, which columns are integers, the manifest's file name, and the CSV cell escape that keeps a
spreadsheet from running a text cell as a formula (documented in data/processed/README.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "DEFAULT_SCORERS", "FLOAT_COLUMNS", "INT_COLUMNS", "MANIFEST", "PER_ARTICLE", "SCORERS", "SCORER_COLUMNS",
    "ROW_BLOCK", "TABLE_COLUMNS", "TOPIC_COLUMNS", "check_scorers", "csv_escape", "csv_unescape", "escape_cell",
    "is_float_column", "row_values", "score_columns", "table_columns", "unescape_cell",
]

# (This module imports no other module of the package: `overview` and `outputs` read tables through it,
# and a notebook that only reads tables should not wait for the sentence splitter, the scorers or the
# topic models to load.)

#: Sentence scorers and the columns each writes: VADER always; the rest on demand (`SCORERS`, also `sentiment.SCORERS`).
SCORER_COLUMNS: dict[str, tuple[str, ...]] = {"vader": ("neg", "neu", "pos", "compound"), "neutral": ("compound_neutral",),
                                              "nltk": ("compound_nltk",), "textblob": ("polarity_textblob",)}
SCORERS = tuple(SCORER_COLUMNS)
#: What `build` runs by default: the cross-checks run where a notebook compares methods.
DEFAULT_SCORERS = ("vader", "neutral")


def check_scorers(scorers: Iterable[str]) -> tuple[str, ...]:
    """The scorers in their fixed order, VADER first; an unknown name is an error that lists the known ones.

    Parameters
    ----------
    scorers : scorer names (case and surrounding blanks ignored).

    Returns
    -------
    tuple of str
        The names in `SCORERS` order, "vader" always included.
    """
    wanted = {str(s).strip().lower() for s in scorers if str(s).strip()}
    unknown = sorted(wanted - set(SCORERS))
    if unknown:
        raise ValueError(f"unknown sentence scorer(s) {', '.join(unknown)}: choose from {', '.join(SCORERS)}")
    return tuple(s for s in SCORERS if s in wanted or s == "vader")


def score_columns(scorers: Sequence[str] = DEFAULT_SCORERS) -> tuple[str, ...]:
    """The score columns the chosen scorers write, in table order.

    Parameters
    ----------
    scorers : scorer names (see `check_scorers`).

    Returns
    -------
    tuple of str
    """
    return tuple(c for s in check_scorers(scorers) for c in SCORER_COLUMNS[s])


#: The tables `topics.build_topics` returns and their columns.
TOPIC_COLUMNS: dict[str, tuple[str, ...]] = {
    "topics": ("article_id", "paragraph_id", "model", "topic", "weight", "label"),
    "topic_summary": ("model", "topic", "label", "top_terms", "ctfidf_terms", "npmi", "n_units", "stability",
                      "status", "fit_units"),
    "topic_grid": ("k", "nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette", "n_units",
                   "chosen"),
    "topic_evidence": ("model", "topic", "label", "rank", "weight", "article_id", "paragraph_id", "outlet", "bloc",
                       "text"),
    "topic_map": ("article_id", "paragraph_id", "x", "y"),
}

#: The columns of every table, in order (documented in data/processed/README.md).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id", "outlet", "bloc", "published", "title", "author",
        "n_paragraphs", "n_sentences", "n_tokens", "n_tokens_own", "n_tokens_quoted", "n_quotes", "n_lines",
        "n_removed_lines", "english_share", "file", "url", "country", "language", "notes",
        "text_title", "text_date", "text_author", "text_sha256",
    ),
    "paragraphs": ("article_id", "paragraph_id", "kind", "text", "line_start", "line_end", "doubt"),
    "sentences": ("article_id", "paragraph_id", "sentence_id", "text", "in_quote", "speaker", "voice"),
    "quotes": ("article_id", "paragraph_id", "quote_id", "text", "speaker", "kind", "start", "end"),
    "removed_lines": ("article_id", "line_no", "text", "reason", "doubt"),
    # The score columns of the default scorers; `--scorers` adds compound_nltk and polarity_textblob.
    "sentiment": ("article_id", "sentence_id", "neg", "neu", "pos", "compound", "compound_neutral"),
    # Framing tables; keyness and article_framing add columns named after the blocs, groups and frames.
    "keyness": ("term", "ngram"),  # then count_<A>, count_<B>, n_articles, n_articles_<A>, n_articles_<B>, ...
    # Each article's keyness term counts (the outlet's own words): the document-term counts keyness adds up.
    "article_terms": ("article_id", "term", "count"),
    "markers": ("article_id", "group", "term", "usage", "count", "rate_per_1000", "layer"),
    "frames": ("article_id", "paragraph_id", "frame", "hits", "score", "hits_own", "score_own"),
    "voices": ("article_id", "quote_id", "speaker", "speaker_group", "verb", "n_words", "kind"),
    "article_framing": ("article_id", "outlet", "bloc", "naming_index", "naming_index_quoted"),
    **TOPIC_COLUMNS,  # topics, topic_summary, topic_grid, topic_evidence, topic_map
    "problems": ("article_id", "file", "problem", "detail"),
}
#: Tables with rows for each article, written chunk by chunk.
PER_ARTICLE = ("articles", "paragraphs", "sentences", "quotes", "removed_lines", "sentiment",
               "markers", "frames", "voices", "article_framing", "article_terms")
#: Columns written as 64-bit integers, in whichever table they appear.
INT_COLUMNS = {
    "n_paragraphs", "n_sentences", "n_tokens", "n_tokens_own", "n_tokens_quoted", "n_quotes", "n_lines",
    "n_removed_lines", "paragraph_id", "sentence_id", "quote_id", "line_start", "line_end", "line_no",
    "ngram", "count", "n_articles", "hits", "hits_own", "n_words", "start", "end", "topic", "k", "rank", "n_units", "fit_units",
}
#: Columns written as 64-bit floats, in whichever table they appear (with keyness's and article_framing's
#: columns named after blocs, groups, frames and speaker groups: `is_float_column`), so that an empty
#: table keeps its column types (a corpus without a single marker hit still has a float rate_per_1000).
FLOAT_COLUMNS = {
    "english_share", "neg", "neu", "pos", "compound", "compound_neutral", "compound_nltk", "polarity_textblob", "rate_per_1000",
    "score", "score_own", "naming_index", "naming_index_quoted", "naming_index_scare", "log_odds", "z", "chi2", "g2", "weight",
    "npmi", "stability", "nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette", "x", "y",
}


def is_float_column(table: str, column: str) -> bool:
    """Whether `column` of `table` is written as a float (`FLOAT_COLUMNS`, keyness's rate_<bloc> and
    article_framing's rate_, frame_ and voice_ columns).

    Parameters
    ----------
    table : the table's name.
    column : the column's name.

    Returns
    -------
    bool
    """
    return column in FLOAT_COLUMNS or (table in ("keyness", "article_framing") and column.startswith("rate_")) or (
        table == "article_framing" and column.startswith(("frame_", "voice_")))


#: The file, written last, that names a complete output: corpus fingerprint, settings, row counts.
MANIFEST = "manifest.json"


def table_columns(name: str, scorers: Sequence[str] = DEFAULT_SCORERS) -> list[str]:
    """The columns of a per-article table; the sentiment table's depend on the scorers run.

    Parameters
    ----------
    name : a key of `TABLE_COLUMNS`.
    scorers : the sentence scorers of the build (`SCORERS`, also `sentiment.SCORERS`).

    Returns
    -------
    The column names in table order.
    """
    if name == "sentiment":
        return ["article_id", "sentence_id", *score_columns(scorers)]
    return list(TABLE_COLUMNS[name])


#: First characters that make a spreadsheet read a cell as a formula (and the escape mark itself).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(_FORMULA_START)


def escape_cell(value: object) -> object:
    """One CSV cell as `csv_escape` writes it: text a spreadsheet would run as a formula (or that
    starts with an apostrophe) gets an apostrophe in front.

    Parameters
    ----------
    value : a cell value of any type (only strings are changed).

    Returns
    -------
    The value, with an apostrophe in front if it is formula-like text.
    """
    return "'" + value if _formula_like(value) else value


def unescape_cell(value: object) -> object:
    """Undo `escape_cell` on a cell read back from a CSV file the project wrote.

    Parameters
    ----------
    value : a cell value as read from the file.

    Returns
    -------
    The value without its leading apostrophe, if it had one.
    """
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def csv_escape(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells (and column names) a spreadsheet would run as formulas, prefixed with an apostrophe.

    Cells already starting with an apostrophe get one too, so `csv_unescape` restores every
    value exactly. Numeric columns are left alone (a spreadsheet reads -0.5 as a number).

    Parameters
    ----------
    table : the table about to be written as CSV (left unchanged).

    Returns
    -------
    The escaped table (`table` itself when nothing needed escaping).
    """
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
    """Undo `csv_escape` on a table read back from a CSV file the project wrote.

    Parameters
    ----------
    table : the table as read from the CSV file.

    Returns
    -------
    The table with the leading apostrophes of its text cells and column names removed.
    """
    table = table.rename(columns={c: c[1:] for c in table.columns if isinstance(c, str) and c.startswith("'")})
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values):
            mask = values.map(lambda v: isinstance(v, str) and v.startswith("'")).astype(bool)
            if mask.any():
                table[column] = values.where(~mask, values.astype("string").str.slice(1))
    return table


def columns_of(tables: Mapping[str, pd.DataFrame], name: str, columns: Sequence[str] | None = None, *,
               drop: Sequence[str] = (), categories: Sequence[str] = ()) -> pd.DataFrame:
    """Some columns of a table of ``tables``: through `outputs.Tables.columns_of` where the tables are read
    from a build's folder (a table not read yet is then not kept; `categories` are read as categoricals),
    else from a plain mapping of tables, as they are.

    Parameters
    ----------
    tables : `read_tables`' tables, or any mapping of table names to frames.
    name : the table.
    columns : the columns wanted (None: all).
    drop : columns left out.
    categories : text columns to read as categoricals from a file.

    Returns
    -------
    pd.DataFrame
    """
    if hasattr(tables, "columns_of"):
        return tables.columns_of(name, columns, drop=drop, categories=categories)
    table = tables[name]
    return table[[c for c in (table.columns if columns is None else columns) if c not in drop]]


#: Rows whose values `row_values` holds as Python objects at a time.
ROW_BLOCK = 100_000


def row_values(frame: pd.DataFrame, columns: Sequence[str], mask: np.ndarray | None = None) -> Iterator[tuple]:
    """Each row's values of `columns`, as `zip` of the columns' lists gives them, taken `ROW_BLOCK`
    rows at a time: plain lists are three times as fast to walk as rows of Arrow-backed strings, and a
    block at a time keeps only a block's values as Python objects (every sentence's text at once
    raised notebook 01's and 02's peaks by 0.5 to 0.7 GB on 100,000 articles).

    Parameters
    ----------
    frame : the table.
    columns : the columns, in the order of each tuple's values.
    mask : only the rows where it is True (one bool per row), the same values as of ``frame[mask]``:
        taken by Arrow's filter, block by block (on 1.4 million paragraphs a tenth of the time
        ``frame[mask]`` took, which takes each value of the many-chunked columns one by one).

    Returns
    -------
    An iterator of tuples, one per row in the frame's order.
    """
    for start in range(0, len(frame), ROW_BLOCK):
        block = frame.iloc[start:start + ROW_BLOCK]
        if mask is None:
            yield from zip(*(block[c].tolist() for c in columns))
            continue
        keep = np.asarray(mask[start:start + ROW_BLOCK], dtype=bool)
        if keep.any():
            yield from zip(*(_kept_list(block[c], keep) for c in columns))


def rows_where(frame: pd.DataFrame, keep: np.ndarray, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """``frame.loc[keep, columns]``, the same frame (values, types, index), with each Arrow-backed column
    taken by Arrow's filter: pandas takes each value of a many-chunked column one by one (one frame's
    rows of the 10 million paragraph-frame rows of 100,000 articles took a third of a second a column).

    Parameters
    ----------
    frame : the table.
    keep : one bool per row.
    columns : the columns (None: all).

    Returns
    -------
    pd.DataFrame
    """
    keep = np.asarray(keep, dtype=bool)
    columns = list(frame.columns if columns is None else columns)
    out = {}
    for name in columns:
        column = frame[name]
        if getattr(column.dtype, "storage", None) == "pyarrow" and isinstance(column.dtype, pd.StringDtype):
            import pyarrow as pa

            out[name] = pd.Series(pd.array(pa.array(column).filter(pa.array(keep)), dtype=column.dtype),
                                  index=frame.index[keep], name=name)
        else:
            out[name] = column[keep]
    return pd.DataFrame(out, columns=columns, index=frame.index[keep])


def _kept_list(column: pd.Series, keep: np.ndarray) -> list:
    """``column[keep].tolist()``; for an Arrow-backed column without missing values, by Arrow's filter."""
    if getattr(column.dtype, "storage", None) == "pyarrow" or isinstance(column.dtype, pd.ArrowDtype):
        import pyarrow as pa

        kept = pa.array(column).filter(pa.array(keep))
        if kept.null_count == 0:  # (a missing value: pandas' own marker for it, as tolist gives it)
            return kept.to_pylist()
    return column[keep].tolist()
