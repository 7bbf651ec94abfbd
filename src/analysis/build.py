"""Turn a loaded corpus into the processed tables every notebook reads.

`process_article` is a pure function of one article (plus the outlet's repeated lines),
so it can run serially, in a process pool or on Dask; `build_tables` gathers its rows
into sorted DataFrames and `write_tables` is the only place that touches the disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pandas as pd
from nltk.tokenize.punkt import PunktSentenceTokenizer
from tqdm import tqdm

from analysis import clean, framing, segment, sentiment, topics
from analysis.corpus import METADATA_COLUMNS

__all__ = ["TABLE_COLUMNS", "build_tables", "outlet_shared_lines", "process_article", "write_tables"]

#: The columns of every table, in order (documented in data/processed/README.md).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id", "outlet", "bloc", "published", "title", "author",
        "n_paragraphs", "n_sentences", "n_tokens", "n_quotes", "n_lines", "n_removed_lines",
        "file", "url", "country", "language", "notes",
        "text_title", "text_date", "text_author", "text_sha256",
    ),
    "paragraphs": ("article_id", "paragraph_id", "kind", "text", "line_start", "line_end"),
    "sentences": ("article_id", "paragraph_id", "sentence_id", "text", "in_quote", "speaker"),
    "quotes": ("article_id", "paragraph_id", "quote_id", "text", "speaker"),
    "removed_lines": ("article_id", "line_no", "text", "reason"),
    "sentiment": ("article_id", "sentence_id", "neg", "neu", "pos", "compound", "compound_neutral",
                  "compound_nltk", "polarity_textblob"),
    # Framing tables; keyness and article_framing add columns named after the blocs, groups and frames.
    "keyness": ("term", "ngram"),
    "markers": ("article_id", "group", "term", "usage", "count", "rate_per_1000"),
    "frames": ("article_id", "paragraph_id", "frame", "hits", "score"),
    "voices": ("article_id", "quote_id", "speaker", "speaker_group", "verb", "n_words"),
    "article_framing": ("article_id", "outlet", "bloc", "naming_index"),
    "topics": ("article_id", "paragraph_id", "model", "topic", "weight", "label"),
    "problems": ("article_id", "file", "problem", "detail"),
}
_INT_COLUMNS = {
    "n_paragraphs", "n_sentences", "n_tokens", "n_quotes", "n_lines", "n_removed_lines",
    "paragraph_id", "sentence_id", "quote_id", "line_start", "line_end", "line_no",
    "ngram", "count", "hits", "n_words",
}


def outlet_shared_lines(articles: pd.DataFrame, min_articles: int = 2) -> dict[str, frozenset[str]]:
    """Lines each outlet prints in several of its articles (navigation, taglines, disclaimers)."""
    shared: dict[str, frozenset[str]] = {}
    for outlet, group in articles.groupby("outlet", sort=True, dropna=False):
        if len(group) >= min_articles:
            shared[str(outlet)] = clean.repeated_lines(group["text"], min_articles=min_articles)
    return shared


def process_article(
    article: Mapping[str, object],
    shared_lines: frozenset[str] = frozenset(),
    cues: Sequence[clean.Cue] | None = None,
    tokenizer: PunktSentenceTokenizer | None = None,
) -> dict[str, list[dict]]:
    """Clean and segment one article; returns rows for each per-article table."""
    article_id = str(article["article_id"])
    text = str(article["text"])
    title = _value(article.get("title"))
    author = _value(article.get("author"))
    cleaned = clean.clean_article(text, title=title, author=author, shared_lines=shared_lines, cues=cues)

    sentences, quotes = segment.segment_paragraphs([p["text"] for p in cleaned.paragraphs], tokenizer)
    ids = [p["paragraph_id"] for p in cleaned.paragraphs]
    paragraph_rows = [{"article_id": article_id, **p} for p in cleaned.paragraphs]
    sentence_rows = [
        {"article_id": article_id, "paragraph_id": ids[s["paragraph_index"]], "sentence_id": n,
         "text": s["text"], "in_quote": bool(s["in_quote"]), "speaker": s["speaker"]}
        for n, s in enumerate(sentences, 1)
    ]
    quote_rows = [
        {"article_id": article_id, "paragraph_id": ids[q["paragraph_index"]], "quote_id": n,
         "text": q["text"], "speaker": q["speaker"]}
        for n, q in enumerate(quotes, 1)
    ]
    removed_rows = [{"article_id": article_id, **r} for r in cleaned.removed]
    n_lines = sum(1 for line in clean.split_lines(text) if line.strip())
    summary = {
        "article_id": article_id,
        "n_paragraphs": len(paragraph_rows),
        "n_sentences": len(sentence_rows),
        "n_tokens": sum(len(segment.tokenize(p["text"])) for p in cleaned.paragraphs),
        "n_quotes": len(quote_rows),
        "n_lines": n_lines,
        "n_removed_lines": len(removed_rows),
        "text_title": cleaned.title,
        "text_date": cleaned.date,
        "text_author": cleaned.author,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    scores = sentiment.score_texts(row["text"] for row in sentence_rows)
    sentiment_rows = [{"article_id": article_id, "sentence_id": row["sentence_id"], **score}
                      for row, score in zip(sentence_rows, scores)]
    return {"articles": [summary], "paragraphs": paragraph_rows, "sentences": sentence_rows,
            "quotes": quote_rows, "removed_lines": removed_rows, "sentiment": sentiment_rows}


def _process(task: tuple) -> dict[str, list[dict]]:
    return process_article(*task)


def _run(tasks: list[tuple], jobs: int) -> Iterator[dict[str, list[dict]]]:
    """Results of `process_article` for each task, in order; in a process pool when jobs > 1."""
    if jobs <= 1:
        yield from map(_process, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_process, tasks, chunksize=chunk)


def _value(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def build_tables(
    articles: pd.DataFrame,
    problems: pd.DataFrame | None = None,
    *,
    cues: Sequence[clean.Cue] | None = None,
    progress: bool | None = None,
    learn_abbreviations: bool = False,
    compare: Sequence[str] = ("russian", "western"),
    skip_topics: bool = False,
    seed: int = 20240601,
    jobs: int = 1,
    min_articles_per_job: int = 50,
) -> dict[str, pd.DataFrame]:
    """Build every processed table from a loaded corpus (see `corpus.load_corpus`).

    `learn_abbreviations` adds the initialisms Punkt learns from this corpus to the packaged
    abbreviation list before splitting sentences. With `jobs` > 1 the per-article work runs in
    a process pool (only when there are at least `min_articles_per_job` articles per process,
    below which starting the pool costs more than it saves); the tables are the same either way.
    """
    cues = clean.load_cues() if cues is None else cues
    tokenizer = None
    if learn_abbreviations:
        learned = segment.learn_abbreviations(articles["text"])
        tokenizer = segment.sentence_tokenizer(segment.default_abbreviations() | learned)
    shared = outlet_shared_lines(articles)
    per_article = ("articles", "paragraphs", "sentences", "quotes", "removed_lines", "sentiment")
    rows: dict[str, list[dict]] = {name: [] for name in per_article}
    records = articles.to_dict("records")
    tasks = [(record, shared.get(str(record["outlet"]), frozenset()), cues, tokenizer) for record in records]
    bar = tqdm(total=len(tasks), desc="build", unit="article", disable=not progress if progress is not None else None)
    for result in _run(tasks, jobs if len(tasks) >= jobs * min_articles_per_job else 1):
        for name, table_rows in result.items():
            rows[name].extend(table_rows)
        bar.update()
    bar.close()

    tables = {name: pd.DataFrame(table_rows, columns=list(TABLE_COLUMNS[name]) if name != "articles" else None)
              for name, table_rows in rows.items()}
    tables["articles"] = _articles_table(articles, tables["articles"])
    tables["problems"] = problems if problems is not None else pd.DataFrame(columns=list(TABLE_COLUMNS["problems"]))
    tables = {name: _tidy(name, table) for name, table in tables.items()}
    tables.update(framing.framing_tables(tables, compare))
    if not skip_topics:
        tables["topics"] = topics.build_topics(tables, seed=seed)
    return {name: _tidy(name, table) for name, table in sorted(tables.items())}


def _articles_table(articles: pd.DataFrame, summary: pd.DataFrame) -> pd.DataFrame:
    """Metadata plus counts; text-found title, date and author fill gaps in the metadata."""
    meta = articles.drop(columns=["text"])
    if summary.empty:
        summary = pd.DataFrame(columns=[c for c in TABLE_COLUMNS["articles"] if c not in METADATA_COLUMNS or c == "article_id"])
    merged = meta.merge(summary, on="article_id", how="left", validate="one_to_one")
    for column, found in (("title", "text_title"), ("published", "text_date"), ("author", "text_author")):
        merged[column] = merged[column].where(merged[column].notna() & (merged[column] != ""), merged[found])
    extras = [c for c in merged.columns if c not in TABLE_COLUMNS["articles"]]
    return merged[list(TABLE_COLUMNS["articles"]) + extras]


def _tidy(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """Fixed column types and row order, so the files are byte-identical run to run."""
    table = table.copy()
    for column in table.columns:
        if column in _INT_COLUMNS or pd.api.types.is_integer_dtype(table[column]):
            table[column] = table[column].astype("int64")
        elif column == "in_quote" or pd.api.types.is_bool_dtype(table[column]):
            table[column] = table[column].astype(bool)
        elif pd.api.types.is_float_dtype(table[column]):
            table[column] = table[column].astype("float64")
        else:
            table[column] = table[column].astype("string")
    keys = [c for c in ("article_id", "paragraph_id", "sentence_id", "quote_id", "line_no", "group", "term", "frame",
                        "model")
            if c in table.columns]
    if name == "problems":
        keys = list(table.columns)
    if name == "keyness":
        return table.reset_index(drop=True)  # already ordered by z, then term
    if keys and not table.empty:
        table = table.sort_values(keys, kind="mergesort")
    return table.reset_index(drop=True)


def write_tables(tables: Mapping[str, pd.DataFrame], out: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write one file per table (`<name>.parquet` or `<name>.csv`); returns the paths written."""
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"unknown format {fmt!r}: use 'parquet' or 'csv'")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(tables):
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            tables[name].to_parquet(path, index=False, engine="pyarrow", compression="zstd")
        else:
            tables[name].to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
        written.append(path)
    return written
