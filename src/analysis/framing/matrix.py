"""The articles x terms count matrix that keyness and its checks are computed from
(`article_matrix`): from the build's `article_terms` table (a Parquet file read a batch at a time),
or counted again from the paragraphs and quotes as the build counts them."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from analysis import segment
from analysis.framing.keyterms import own_terms
from analysis.schema import columns_of

__all__ = ["MATRIX_BLOCK", "TERM_BATCH", "article_matrix"]


#: Paragraphs whose text `article_matrix` holds as Python strings at a time (whole articles).
MATRIX_BLOCK = 50_000


def article_matrix(tables: Mapping[str, pd.DataFrame], recount: bool = False) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Document-term counts of each article, counted as the build counts them
    (`keyterms.own_terms`: the outlet's own words, spelling variants merged), the vocabulary, and
    each row's bloc.

    The counts are the build's `article_terms` table where the tables hold it; otherwise (or with
    `recount`) they are counted again from the paragraphs and quotes, with the same result (on
    10,000 generated articles, 0.3 to 1 s from the table and 6.4 s counting again).

    Parameters
    ----------
    tables
        The built tables: articles and article_terms, or articles, paragraphs and quotes (without a
        quotes table, nothing is blanked).
    recount
        Count from paragraphs and quotes even where an `article_terms` table is there (for
        tables whose paragraphs or quotes were changed after the build).

    Returns
    -------
    tuple of (scipy.sparse.csr_matrix, numpy.ndarray, list of str)
        Articles x terms counts (rows in the order of `articles`), the terms (sorted), and each
        article's bloc.
    """
    articles = tables["articles"]
    unread = tables.unread_file("article_terms") if hasattr(tables, "unread_file") and not recount else None
    if unread is not None and unread[0].suffix == ".parquet":
        matrix, vocab = _matrix_of_file(articles["article_id"], *unread)
        return matrix, vocab, articles["bloc"].tolist()
    if "article_terms" in tables and not recount:
        counts = columns_of(tables, "article_terms", categories=("article_id", "term"))
        matrix, vocab = _matrix_of_counts(articles["article_id"], counts)
        return matrix, vocab, articles["bloc"].tolist()
    paragraphs = tables["paragraphs"]
    # (the paragraphs in article order by position, their text taken a block at a time: a sorted copy of
    # the table and every text as a Python string at once raised the peak by 0.15 GB on 100,000 articles)
    order = (paragraphs[["article_id", "paragraph_id"]].reset_index(drop=True)
             .sort_values(["article_id", "paragraph_id"], kind="mergesort").index.to_numpy())
    quotes = tables.get("quotes")
    quote_rows: dict[str, list[dict]] = {}
    if quotes is not None and len(quotes):
        for record in quotes[["article_id", "paragraph_id", "kind", "start", "end"]].to_dict("records"):
            quote_rows.setdefault(str(record["article_id"]), []).append(record)
    # Each article's counts go into two flat arrays as it is counted (its term numbers in order of
    # first sight, and its counts): a Counter kept per article, then lists of Python ints, took
    # 7 GB for 100,000 articles (35 million counts). Terms are renumbered in sorted order at the end.
    number: dict[str, int] = {}
    cols, data = array("q"), array("q")
    bounds: dict[str, tuple[int, int]] = {}
    # plain lists, cut at each article's first paragraph: a pandas group per article cost as much
    # as counting its terms (100,000 articles)
    ids = paragraphs["article_id"].astype(str).iloc[order].tolist()
    keys = paragraphs["paragraph_id"].iloc[order].tolist()
    starts = [n for n in range(len(ids)) if n == 0 or ids[n] != ids[n - 1]] + [len(ids)]
    block, texts = 0, []  # (the texts of paragraphs block, block + 1, ...)
    for first, end in zip(starts, starts[1:]):
        if end > block + len(texts):  # (the next block: whole articles, about MATRIX_BLOCK paragraphs)
            block = first
            at = bisect.bisect_left(starts, first + MATRIX_BLOCK)
            stop = starts[at] if at < len(starts) else len(ids)
            texts = paragraphs["text"].iloc[order[first:stop]].fillna("").astype(str).tolist()
        article_id = ids[first]
        spans = segment.layer_spans(quote_rows.get(article_id, []), key="paragraph_id")
        counts = own_terms(texts[first - block:end - block], spans, keys=keys[first:end])
        begun = len(cols)
        cols.extend([number.setdefault(term, len(number)) for term in counts])
        data.extend(counts.values())
        bounds[article_id] = (begun, len(cols))
    # the rows in the order of `articles` (an article without paragraphs: an empty row)
    stretches = np.array([bounds.get(str(article_id), (0, 0)) for article_id in articles["article_id"]],
                         dtype=np.int64).reshape(-1, 2)
    sizes = stretches[:, 1] - stretches[:, 0]
    indptr = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
    at = np.repeat(stretches[:, 0] - indptr[:-1], sizes) + np.arange(indptr[-1], dtype=np.int64)
    cols_of = np.frombuffer(cols, dtype=np.int64)[at] if len(cols) else np.empty(0, np.int64)
    counts_of = np.frombuffer(data, dtype=np.int64)[at] if len(data) else np.empty(0, np.int64)
    matrix, vocab = _sorted_matrix(counts_of, cols_of, indptr, np.asarray(list(number), dtype=object))
    return matrix, vocab, articles["bloc"].tolist()


def _sorted_matrix(values: np.ndarray, cols_of: np.ndarray, indptr: np.ndarray,
                   terms: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """A CSR matrix of `values` at term numbers `cols_of` (into `terms`) with row bounds `indptr`,
    its columns renumbered to the sorted terms these rows use (and only those), and those terms."""
    used = np.unique(cols_of)
    order = sorted(range(len(used)), key=terms[used].__getitem__)
    vocab = terms[used][order] if len(used) else np.asarray([], dtype=object)
    renumber = np.zeros(len(terms), dtype=np.int32)  # (32-bit column numbers, as the matrix keeps them)
    renumber[used[order]] = np.arange(len(used), dtype=np.int32)
    matrix = sparse.csr_matrix((values, renumber[cols_of], indptr), shape=(len(indptr) - 1, len(vocab)))
    matrix.sum_duplicates()  # (also sorts each row's terms)
    return matrix, vocab.astype(str)


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each value's number among the distinct values, and those values (a categorical's own codes)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy(np.int64), np.asarray(values.cat.categories.astype(str), dtype=object)
    codes, uniques = pd.factorize(values.astype(str))
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _matrix_of_counts(article_ids: pd.Series, counts: pd.DataFrame) -> tuple[sparse.csr_matrix, np.ndarray]:
    """`article_matrix` from an `article_terms` table (article_id, term, count): rows in the order
    of `article_ids` (an article without terms, or not in the table: an empty row), terms sorted,
    only those of these rows."""
    rows_of, ids = _codes(counts["article_id"])
    cols_of, terms = _codes(counts["term"])
    values = counts["count"].to_numpy(np.int64)
    position = pd.Series(np.arange(len(article_ids), dtype=np.int64), index=article_ids.astype(str).to_numpy())
    position = position[~position.index.duplicated()]
    row_of_id = position.reindex(ids).fillna(-1).to_numpy(np.int64)  # (-1: an article the articles table lacks)
    row = row_of_id[rows_of] if len(rows_of) else np.empty(0, np.int64)
    keep = (row >= 0) & (rows_of >= 0) & (cols_of >= 0)
    if not keep.all():
        row, cols_of, values = row[keep], cols_of[keep], values[keep]
    cols_of, values, indptr = _in_row_order(row, cols_of, values, len(article_ids))
    return _sorted_matrix(values, cols_of, indptr, terms)


def _in_row_order(rows: np.ndarray, cols: np.ndarray, values: np.ndarray,
                  n_rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts at (`rows`, `cols`) put in row order (stable; the build writes them in the articles' order,
    so they are mostly sorted already): their term numbers, their values and the rows' bounds (indptr)."""
    if len(rows) > 1 and (rows[1:] < rows[:-1]).any():
        order = np.argsort(rows, kind="stable")
        rows, cols, values = rows[order], cols[order], values[order]
    return cols, values, np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n_rows)))).astype(np.int64)


#: Rows of an `article_terms` file `_matrix_of_file` reads at a time.
TERM_BATCH = 1 << 18


def _matrix_of_file(article_ids: pd.Series, path: Path, expected: int | None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """`_matrix_of_counts` of a Parquet `article_terms` file, read a batch at a time into 32-bit arrays
    (the same matrix and terms). The whole table as a frame, then 64-bit codes of it, raised the
    process's peak by 222 MB on 10,000 generated articles (3.9 million counts), against 112 MB this
    way, and kept 119 MB against 65 MB."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from analysis.outputs import IncompleteOutputError

    file = pq.ParquetFile(path, read_dictionary=["article_id", "term"])
    total = file.metadata.num_rows
    if expected is not None and total != expected:
        raise IncompleteOutputError(f"{path}: {total} rows, but the manifest says the build wrote {expected}: "
                                    "the output is incomplete or mixed from several builds; rebuild")
    position: dict[str, int] = {}
    for n, article in enumerate(article_ids.astype(str)):
        position.setdefault(article, n)  # (an id listed twice: its first row, as `_matrix_of_counts`)
    number: dict[str, int] = {}  # (each term's number, in order of first sight)
    rows, cols, data = (np.empty(total, np.int32) for _ in range(3))
    filled = 0
    for batch in file.iter_batches(batch_size=TERM_BATCH, columns=["article_id", "term", "count"]):
        ids, terms, counts = batch.columns
        # (a lookup per batch dictionary, its last entry -1 for a null: a row without article, term or count is left out)
        row_of = np.asarray([position.get(a, -1) for a in ids.dictionary.to_pylist()] + [-1], dtype=np.int32)
        term_of = np.asarray([-1 if t is None else number.setdefault(t, len(number))
                              for t in terms.dictionary.to_pylist()] + [-1], dtype=np.int32)
        row = row_of[pc.fill_null(ids.indices, -1).to_numpy()]
        col = term_of[pc.fill_null(terms.indices, -1).to_numpy()]
        keep = (row >= 0) & (col >= 0)
        if counts.null_count:
            keep &= counts.is_valid().to_numpy(zero_copy_only=False)
        value = pc.fill_null(counts, 0).to_numpy()
        n = int(keep.sum())
        rows[filled:filled + n], cols[filled:filled + n], data[filled:filled + n] = row[keep], col[keep], value[keep]
        filled += n
    cols, data, indptr = _in_row_order(rows[:filled], cols[:filled], data[:filled], len(article_ids))
    del rows
    terms = np.empty(len(number), dtype=object)
    terms[:] = list(number)
    return _sorted_matrix(data, cols, indptr, terms)
