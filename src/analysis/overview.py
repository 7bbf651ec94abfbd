"""Corpus at a glance and the cleaning audit: the tables notebook 00 shows."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import duplicates as corpus_duplicates
from analysis.corpus.consistency import organisation_groups

# (reading what `build` wrote lives in `outputs`; its names are kept here, where notebooks use them)
from analysis.outputs import (
    IncompleteOutputError,
    RebuildNeeded,
    Tables,
    check_output,
    read_manifest,
    read_tables,
    rebuild_command,
    require_built_with,
    resolve,
)
from analysis.schema import TABLE_COLUMNS

__all__ = ["IncompleteOutputError", "RebuildNeeded", "Tables", "accounting", "accounting_note", "check_output",
           "corpus_description", "corpus_summary", "length_note", "limits_note", "doubtful_lines", "read_manifest",
           "read_tables", "rebuild_command", "removal_by_reason", "require_built_with", "require_topics", "resolve",
           "copied_paragraphs", "shared_paragraph_keys", "shared_text_note"]


def corpus_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, bloc, date, and how much text cleaning kept and removed.

    Parameters
    ----------
    articles : the articles table.

    Returns
    -------
    One row per article, by bloc then id, with `share_lines_removed`.
    """
    table = articles[["article_id", "outlet", "bloc", "published", "n_paragraphs", "n_sentences",
                      "n_tokens", "n_quotes", "n_lines", "n_removed_lines"]].copy()
    table["share_lines_removed"] = (table["n_removed_lines"] / table["n_lines"]).round(3)
    return table.sort_values(["bloc", "article_id"]).reset_index(drop=True)


def removal_by_reason(removed: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Removed raw lines per article (rows, labelled "outlet · article id", ordered by bloc then id)
    and reason (columns, most frequent first, ties by name).

    Parameters
    ----------
    removed : the removed_lines table.
    articles : the articles table.

    Returns
    -------
    Counts of removed lines, articles by reasons.
    """
    from analysis.plots import article_labels

    ordered = articles.sort_values(["bloc", "article_id"]).reset_index(drop=True)
    counts = pd.crosstab(removed["article_id"], removed["reason"]).reindex(ordered["article_id"], fill_value=0)
    totals = counts.sum()
    counts = counts[sorted(totals.index, key=lambda r: (-int(totals[r]), str(r)))]
    counts.index = article_labels(ordered).tolist()
    counts.columns.name = "reason"
    return counts


def accounting(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per article: non-blank raw lines, lines kept in paragraphs, lines removed; `ok` if they add up.

    Parameters
    ----------
    tables : the tables of one build (`articles`, `paragraphs`, `removed_lines`).

    Returns
    -------
    One row per article: article_id, n_lines, kept_lines, removed_lines, ok.
    """
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
    outlets, blocs and languages, and the publication dates, so the prose holds for any corpus.

    Parameters
    ----------
    articles : the articles table.

    Returns
    -------
    The paragraph, in Markdown.
    """
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
    """One sentence on how much article lengths differ (kept word tokens), computed from the table.

    Parameters
    ----------
    articles : the articles table.

    Returns
    -------
    The sentence.
    """
    tokens = articles["n_tokens"].astype(int)
    if tokens.empty:
        return "The corpus has no articles."
    low, high, median = int(tokens.min()), int(tokens.max()), float(tokens.median())
    ratio = f"{high / low:.1f} times" if low > 0 else "many times"
    return (f"Kept article text runs from {low:,} to {high:,} word tokens (median {median:,.0f}): the longest "
            f"article is {ratio} the shortest.")


def limits_note(articles: pd.DataFrame, small: int = 5) -> str:
    """The first Limits bullet: n per bloc and outlet, computed, with blocs under `small` articles named.

    Parameters
    ----------
    articles : the articles table.
    small : blocs with fewer articles than this are named as too thin.

    Returns
    -------
    The bullet, in Markdown.
    """
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
    """One sentence: whether every article's raw lines add up (a table from `accounting`).

    Parameters
    ----------
    table : the result of `accounting`.

    Returns
    -------
    The sentence.
    """
    bad = table.loc[~table["ok"], "article_id"].astype(str).tolist()
    if not bad:
        return f"All {_plural(len(table), 'article')} add up: every non-blank raw line is kept or removed exactly once."
    return (f"{_plural(len(bad), 'article')} of {len(table)} do not add up ({', '.join(sorted(bad))}): "
            "a line is lost or counted twice there; check them with `python -m analysis clean FILE`.")


def doubtful_lines(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Lines the cleaning rules decided on weak evidence (`doubt` in `removed_lines` and
    `paragraphs`), removed first, then kept, in article and line order: check these first.

    Parameters
    ----------
    tables : the tables of one build (`removed_lines`, `paragraphs`).

    Returns
    -------
    One row per doubtful line: article_id, line_no, decision, reason, text.
    """
    removed = tables["removed_lines"]
    removed = removed[removed["doubt"].astype(bool)] if "doubt" in removed else removed.iloc[0:0]
    kept = tables["paragraphs"]
    kept = kept[kept["doubt"].astype(bool)] if "doubt" in kept else kept.iloc[0:0]
    rows = pd.concat([
        pd.DataFrame({"article_id": removed["article_id"], "line_no": removed["line_no"], "decision": "removed",
                      "reason": removed["reason"], "text": removed["text"]}),
        pd.DataFrame({"article_id": kept["article_id"], "line_no": kept["line_start"], "decision": "kept",
                      "reason": kept["kind"], "text": kept["text"]}),
    ], ignore_index=True)
    return rows.sort_values(["decision", "article_id", "line_no"], ascending=[False, True, True],
                            kind="mergesort").reset_index(drop=True)


def require_topics(tables: dict[str, pd.DataFrame]) -> None:
    """Raise a clear error when the tables were built with `--skip-topics` (notebook 03 needs them).

    Parameters
    ----------
    tables : the tables `read_tables` returned.

    Returns
    -------
    Nothing; raises FileNotFoundError when a topic table is missing.
    """
    missing = sorted(name for name in TABLE_COLUMNS if name.startswith("topic") and name not in tables)
    if missing:
        raise FileNotFoundError(f"no {', '.join(missing)} table: the build skipped topics; "
                                "rebuild without --skip-topics to run this notebook")


def shared_paragraphs(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Kept paragraphs (the text every comparison reads) that two or more articles share, with
    `corpus.shared_paragraphs` (normalised paragraphs of 12+ words, grouped by hash, linear time).

    Parameters
    ----------
    tables : the processed tables (`paragraphs`, `articles`).

    Returns
    -------
    pd.DataFrame
        As `corpus.shared_paragraphs`: paragraph, n_articles, article_ids, outlets, n_outlets,
        outlets_differ.
    """
    outlets = tables["articles"][["article_id", "outlet"]]
    units = tables["paragraphs"][["article_id", "text"]].merge(outlets, on="article_id", how="left")
    return corpus_duplicates.shared_paragraphs(units)


#: Paragraph rows read at a time by `shared_text_note` (a file read whole would hold every paragraph's text).
PARAGRAPH_BATCH = 20_000


def _paragraph_batches(tables: Mapping[str, pd.DataFrame]) -> Iterator[tuple[list, list, list]]:
    """The kept paragraphs' article ids, paragraph ids and texts, `PARAGRAPH_BATCH` rows at a time: from the
    build's file when the table was not read (it is then not kept), else from the frame."""
    unread = tables.unread_file("paragraphs") if hasattr(tables, "unread_file") else None
    if unread is not None:
        import pyarrow.parquet as pq

        columns = ["article_id", "paragraph_id", "text"]
        for batch in pq.ParquetFile(unread[0]).iter_batches(batch_size=PARAGRAPH_BATCH, columns=columns):
            ids, numbers, texts = (column.to_pylist() for column in batch.columns)
            yield ids, numbers, ["" if t is None else t for t in texts]
        return
    paragraphs = tables["paragraphs"]
    for start in range(0, len(paragraphs), PARAGRAPH_BATCH):
        part = paragraphs.iloc[start:start + PARAGRAPH_BATCH]
        yield part["article_id"].tolist(), part["paragraph_id"].tolist(), part["text"].fillna("").tolist()


def _shared_rows(tables: Mapping[str, pd.DataFrame]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The one pass over the kept paragraphs behind `copied_paragraphs` and `shared_text_note`: each
    checked paragraph's (12+ words) article id, paragraph id, whether another article prints its text,
    and its text's hash (the normalisation of `corpus.shared_paragraphs`).

    Kept in the build's folder (`.cache/`) when the paragraphs come unread from the build's file, and
    read from there by the next notebook that asks: every notebook but 00 asks once, and on 100,000
    articles the pass took 7 s each time. The file is named for the paragraphs file (its path, size,
    modification time and rows) and this code, so a new build or a change of the rule is a new file;
    it holds numbers and text only (no pickles), and one that cannot be read is computed again."""
    cache = _shared_rows_file(tables)
    if cache is not None and cache.is_file():
        try:
            with np.load(cache, allow_pickle=False) as kept:
                names, codes = kept["names"].astype(object), kept["codes"]
                return names[codes], kept["numbers"], kept["shared"], kept["hashes"]
        except (OSError, ValueError, KeyError, IndexError):
            pass  # (a damaged or partly written file: computed again below)
    found = _shared_rows_computed(tables)
    if cache is not None:
        _keep_shared_rows(cache, *found)
    return found


def _shared_rows_file(tables: Mapping[str, pd.DataFrame]) -> Path | None:
    """Where `_shared_rows` keeps its result for these tables, or None (the paragraphs were read or set
    in the notebook, so they may differ from the file's)."""
    unread = tables.unread_file("paragraphs") if hasattr(tables, "unread_file") else None
    if unread is None:
        return None
    path, rows = unread
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    code = b"".join(Path(module.__file__).read_bytes() for module in (corpus_duplicates, sys.modules[__name__]))
    key = json.dumps([str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns, rows, hashlib.sha256(code).hexdigest()])
    return Path(path).parent / ".cache" / f"shared_rows-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}.npz"


def _keep_shared_rows(cache: Path, ids: np.ndarray, numbers: np.ndarray, shared: np.ndarray, hashes: np.ndarray) -> None:
    """Write `_shared_rows`'s arrays to `cache` in one step (a temporary file renamed: a notebook reading it
    at the same time sees the whole file or none); a folder that cannot be written is left as it is."""
    names, codes = (np.unique(np.asarray(ids, dtype=str), return_inverse=True) if len(ids)
                    else (np.empty(0, str), np.empty(0, np.int64)))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, suffix=".npz", delete=False) as handle:
            np.savez(handle, names=names, codes=np.asarray(codes, np.int64), numbers=np.asarray(numbers, np.int64),
                     shared=np.asarray(shared, bool), hashes=np.asarray(hashes, np.int64))
        os.chmod(handle.name, 0o644)  # (readable as the build's tables are: a temporary file is the owner's only)
        os.replace(handle.name, cache)
        for old in cache.parent.glob("shared_rows-*.npz"):  # (an earlier build's or code's: not read again)
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        return


def _shared_rows_computed(tables: Mapping[str, pd.DataFrame]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """`_shared_rows`, computed."""
    words = corpus_duplicates.MIN_PARAGRAPH_WORDS
    hashes, codes, numbers = [], [], []
    code_of: dict[str, int] = {}
    for ids, paragraph_ids, texts in _paragraph_batches(tables):
        found, rows, _ = corpus_duplicates._line_keys(texts, words)
        rows = rows.tolist()
        hashes.append(found)
        codes.append(np.fromiter((code_of.setdefault(str(ids[r]), len(code_of)) for r in rows), np.int64, len(rows)))
        numbers.append(np.fromiter((int(paragraph_ids[r]) for r in rows), np.int64, len(rows)))
    if not code_of:
        return np.empty(0, dtype=object), np.empty(0, np.int64), np.empty(0, dtype=bool), np.empty(0, dtype=object)
    hashes_, codes_, numbers_ = np.concatenate(hashes), np.concatenate(codes), np.concatenate(numbers)
    pairs = np.unique(np.stack([hashes_, codes_], axis=1), axis=0)  # (each text once per article)
    texts_, articles = np.unique(pairs[:, 0], return_counts=True)
    names = np.empty(len(code_of), dtype=object)
    names[list(code_of.values())] = list(code_of)
    return names[codes_], numbers_, np.isin(hashes_, texts_[articles > 1]), hashes_


def copied_paragraphs(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every kept paragraph of 12+ words whose text (normalised as `corpus.shared_paragraphs` does)
    another article also prints, with `kept`: True for the copy a "one copy of each" reading keeps,
    the one in the first published article (the `published` date of the articles table; undated articles
    after dated ones, ties by article_id; without an articles table, the first by article_id), then the
    first paragraph there: the likely original, not a later article that recombines it. False for every
    other copy. Read a batch at a time; memory: about 24 bytes per paragraph.

    Parameters
    ----------
    tables : the processed tables (`paragraphs`).

    Returns
    -------
    pd.DataFrame
        article_id, paragraph_id, kept; sorted by article_id and paragraph_id.
    """
    ids, numbers, shared, hashes = _shared_rows(tables)
    if not len(ids):
        return pd.DataFrame({"article_id": pd.Series(dtype=object), "paragraph_id": pd.Series(dtype="int64"),
                             "kept": pd.Series(dtype=bool)})
    found = pd.DataFrame({"article_id": ids[shared], "paragraph_id": numbers[shared], "text": hashes[shared]})
    found = found.sort_values(["article_id", "paragraph_id"], kind="mergesort", ignore_index=True)
    articles = tables.get("articles")
    when = pd.Series("", index=found.index)  # (no dates: the first by article_id, the order `found` is in)
    if articles is not None and "published" in articles:  # (the first published copy, the likely original)
        published = articles.drop_duplicates("article_id").set_index("article_id")["published"].astype("string")
        when = found["article_id"].map(published).fillna("\uffff")  # (undated after every date, then by id)
    first = found["text"].loc[when.sort_values(kind="stable").index].duplicated()  # (stable: ties stay by id)
    found["kept"] = ~first.sort_index()
    return found.drop(columns="text")


def shared_paragraph_keys(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every kept paragraph of 12+ words whose text (normalised as `corpus.shared_paragraphs` does)
    another article also prints, as (article_id, paragraph_id) rows: for asking how much of a topic is
    copied text (`copied_paragraphs` without its `kept` column).

    Parameters
    ----------
    tables : the processed tables (`paragraphs`).

    Returns
    -------
    pd.DataFrame
        article_id, paragraph_id, sorted.
    """
    return copied_paragraphs(tables)[["article_id", "paragraph_id"]]


def shared_text_note(tables: Mapping[str, pd.DataFrame], a: str, b: str, shared: pd.DataFrame | None = None) -> str:
    """What copied text means for a comparison of blocs `a` and `b` (Markdown): how many of each
    bloc's articles share a kept paragraph of 12+ words with another article (`shared_paragraph_keys`, the
    normalisation of notebook 00's check), and that the article-level p-values and intervals count them as
    independent draws. The paragraphs' text is read a batch at a time when the table is still on disk.

    Parameters
    ----------
    tables : the processed tables (`read_tables`; `paragraphs` and `articles`).
    a, b : the compared blocs.
    shared : `shared_paragraph_keys(tables)` or `copied_paragraphs(tables)` when already computed (notebooks 01
        and 03 need both), else None.

    Returns
    -------
    str
    """
    if shared is None:
        ids, _, copied, _ = _shared_rows(tables)
        involved = set(ids[copied].tolist())
    else:
        involved = set(shared["article_id"].astype(str))
    articles = tables["articles"]
    counts = []
    for bloc in (a, b):
        ids = articles.loc[articles["bloc"] == bloc, "article_id"].astype(str)
        counts.append((bloc, int(ids.isin(involved).sum()), len(ids)))
    words = corpus_duplicates.MIN_PARAGRAPH_WORDS
    if not any(n for _, n, _ in counts):
        return (f"**Copied text.** No article of {a} or {b} shares a kept paragraph of {words}+ words with another "
                "article, so as far as this check can tell the compared articles are distinct texts, as the "
                "article-level tests assume.")
    listed = " and ".join(f"{n:,} of the {total:,} {bloc} articles" for bloc, n, total in counts)
    return (f"**Copied text.** {listed} share at least one kept paragraph of {words}+ words with another article "
            "(syndicated wire copy, reused or recombined text; notebook 00 lists them). The p-values and intervals "
            "count every article as an independent draw, which articles printing the same text are not: they come "
            "out narrower than the design supports. Check a difference that matters with one copy of each shared "
            "text kept (`copied_paragraphs` and `sentiment.without_copies`; notebook 01 does so for tone).")


def shared_paragraphs_text(table: pd.DataFrame, articles: pd.DataFrame) -> str:
    """What the shared paragraphs mean for the comparisons, with their counts (Markdown).

    Parameters
    ----------
    table : `shared_paragraphs` output.
    articles : the articles table (bloc, for the articles per bloc involved).

    Returns
    -------
    str
    """
    if table.empty:
        return (f"No kept paragraph of {corpus_duplicates.MIN_PARAGRAPH_WORDS}+ words appears in more than one "
                "article, so as far as this check can tell the articles are independent texts, as the "
                "article-level tests assume.")
    involved = {a for ids in table["article_ids"] for a in ids.split("; ")}
    blocs = articles.loc[articles["article_id"].isin(involved), "bloc"].value_counts()
    per_bloc = ", ".join(f"{b} {blocs[b]} of {int((articles['bloc'] == b).sum())}"
                         for b in sorted(blocs.index, key=lambda b: (-blocs[b], b)))
    note = corpus_duplicates.shared_paragraphs_note(table, len(articles),
                                                    groups=organisation_groups(articles["outlet"].astype(str)))
    return (f"{note[0].upper()}{note[1:]} (articles involved per bloc: {per_bloc}). Every bloc comparison "
            "in these notebooks treats each article as an independent draw; articles that print the same "
            "paragraphs (syndicated wire copy, reused or recombined text) are not, so their shared text "
            "counts once per article, and p-values and intervals come out narrower than the design supports. "
            "Read a bloc difference carried by these articles with care, and check it with one copy of each "
            "kept (the table below names them).")
