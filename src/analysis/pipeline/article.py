"""One article through every per-article stage (`process_article`: clean, segment, score,
frame), and the work of one batch of articles on a worker: their typed per-article tables, term
counts and article counts per bloc, seconds per stage and, for the cache, each result compressed."""

from __future__ import annotations

import gc
import hashlib
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import clean, framing, segment, sentiment
from analysis.clean import SharedLines, line_hashes
from analysis.corpus import METADATA_COLUMNS
from analysis.corpus.language import english_share
from analysis.pipeline.cache import _encode_result
from analysis.pipeline.tidy import _tidy
from analysis.schema import PER_ARTICLE, TABLE_COLUMNS, table_columns

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

STAGES = ("clean", "segment", "sentiment", "framing")


def process_article(
    article: Mapping[str, object],
    shared_lines: SharedLines | frozenset[str] = frozenset(),
    cues: Sequence[clean.Cue] | None = None,
    tokenizer: PunktSentenceTokenizer | None = None,
    timings: dict[str, float] | None = None,
    scorers: Sequence[str] = sentiment.DEFAULT_SCORERS,
) -> dict[str, list[dict]]:
    """Clean, segment, score and frame one article; returns its rows of each per-article table
    (`articles` holds the counts found in the text) and, under `terms`, its keyness term counts.

    A pure function of its arguments; `timings`, when given, accumulates seconds per stage;
    `scorers` are the sentence scorers to run (`sentiment.SCORERS`; VADER always).

    Parameters
    ----------
    article : one corpus row: `article_id`, `text`, and optionally `title` and `author`.
    shared_lines : the lines its outlet repeats across articles (removed as boilerplate).
    cues : boilerplate cues (None: the packaged ones).
    tokenizer : a Punkt sentence splitter (None: the default one).
    timings : a dict to add seconds per stage (`STAGES`) to, or None.
    scorers : the sentence scorers to run.

    Returns
    -------
    Rows by table name (`articles`, `paragraphs`, `sentences`, `quotes`, `removed_lines`,
    `sentiment`, `markers`, `frames`, `voices`), plus `terms`: n-gram counts for keyness.
    """
    clock = time.perf_counter
    started = clock()
    article_id = str(article["article_id"])
    text = str(article["text"])
    cleaned = clean.clean_article(text, title=_value(article.get("title")), author=_value(article.get("author")),
                                  shared_lines=shared_lines, cues=cues)
    cleaned_at = clock()
    sentences, quotes = segment.segment_paragraphs([p["text"] for p in cleaned.paragraphs], tokenizer)
    ids = [p["paragraph_id"] for p in cleaned.paragraphs]
    paragraph_rows = [{"article_id": article_id, **p} for p in cleaned.paragraphs]
    sentence_rows = [
        {"article_id": article_id, "paragraph_id": ids[s["paragraph_index"]], "sentence_id": n,
         "text": s["text"], "in_quote": bool(s["in_quote"]), "speaker": s["speaker"], "voice": s["voice"]}
        for n, s in enumerate(sentences, 1)
    ]
    quote_rows = [
        {"article_id": article_id, "paragraph_id": ids[q["paragraph_index"]], "quote_id": n,
         "text": q["text"], "speaker": q["speaker"], "kind": q["kind"], "start": q["start"], "end": q["end"]}
        for n, q in enumerate(quotes, 1)
    ]
    removed_rows = [{"article_id": article_id, **r} for r in cleaned.removed]
    tokens = [segment.tokenize(p["text"]) for p in cleaned.paragraphs]
    n_tokens = sum(map(len, tokens))
    spans = segment.layer_spans(quotes)
    by_layer = segment.layer_tokens([p["text"] for p in cleaned.paragraphs], spans, tokens=tokens)
    summary = {
        "article_id": article_id,
        "n_paragraphs": len(paragraph_rows),
        "n_sentences": len(sentence_rows),
        "n_tokens": n_tokens,
        "n_tokens_own": sum(by_layer[layer] for layer in segment.OWN_LAYERS),
        "n_tokens_quoted": by_layer["quoted"],
        "n_quotes": len(quote_rows),
        "n_lines": sum(1 for line in clean.split_lines(text) if line.strip()),
        "n_removed_lines": len(removed_rows),
        "english_share": english_share("\n".join(p["text"] for p in cleaned.paragraphs)),
        "text_title": cleaned.title,
        "text_date": cleaned.date,
        "text_author": cleaned.author,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }
    segmented_at = clock()
    scores = sentiment.score_texts((row["text"] for row in sentence_rows), scorers=scorers)
    sentiment_rows = [{"article_id": article_id, "sentence_id": row["sentence_id"], **score}
                      for row, score in zip(sentence_rows, scores)]
    scored_at = clock()
    framed = framing.article_rows(article_id, paragraph_rows, quote_rows, by_layer, tokens)
    # Keyness counts the outlet's own words (narration and reported speech), spelling variants
    # merged: quoted words, interviewers' questions, scare quotes and speaker labels are blanked.
    terms = framing.own_terms([p["text"] for p in cleaned.paragraphs], spans, tokens=tokens)
    if timings is not None:
        for stage, seconds in zip(STAGES, (cleaned_at - started, segmented_at - cleaned_at,
                                           scored_at - segmented_at, clock() - scored_at)):
            timings[stage] = timings.get(stage, 0.0) + seconds
    return {"articles": [summary], "paragraphs": paragraph_rows, "sentences": sentence_rows,
            "quotes": quote_rows, "removed_lines": removed_rows, "sentiment": sentiment_rows, **framed,
            "terms": dict(terms)}


def _value(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


# --------------------------------------------------------------------------- batches of articles


@dataclass(frozen=True)
class Context:
    """What every article's processing needs besides the article: the same on every worker."""

    cues: tuple[clean.Cue, ...]
    abbreviations: frozenset[str] | None = None
    shared: Mapping[str, SharedLines] = field(default_factory=dict)
    scorers: tuple[str, ...] = sentiment.DEFAULT_SCORERS


@lru_cache(maxsize=4)
def _tokenizer(abbreviations: frozenset[str] | None) -> PunktSentenceTokenizer | None:
    return None if abbreviations is None else segment.sentence_tokenizer(abbreviations)


def _articles_frame(records: Sequence[Mapping], summaries: Sequence[Mapping]) -> pd.DataFrame:
    """Metadata plus counts; text-found title, date and author fill gaps in the metadata."""
    columns = [c for c in records[0] if c != "text"] if records else list(METADATA_COLUMNS)
    meta = pd.DataFrame([{c: r.get(c) for c in columns} for r in records], columns=columns)
    counted = [c for c in TABLE_COLUMNS["articles"] if c not in METADATA_COLUMNS or c == "article_id"]
    summary = pd.DataFrame(list(summaries), columns=counted)
    merged = meta.merge(summary, on="article_id", how="left", validate="one_to_one")
    for column, found in (("title", "text_title"), ("published", "text_date"), ("author", "text_author")):
        merged[column] = merged[column].where(merged[column].notna() & (merged[column] != ""), merged[found])
    extras = [c for c in merged.columns if c not in TABLE_COLUMNS["articles"]]
    return merged[list(TABLE_COLUMNS["articles"]) + extras]


def frames_of(records: Sequence[Mapping], results: Sequence[Mapping[str, list]],
              scorers: Sequence[str] = sentiment.DEFAULT_SCORERS) -> dict[str, pd.DataFrame]:
    """The per-article tables of a batch of articles (their `process_article` results), typed.

    Parameters
    ----------
    records : the articles' corpus rows (metadata and text), in order.
    results : `process_article` of each record, in the same order.
    scorers : the sentence scorers that made the results.

    Returns
    -------
    Each table of `schema.PER_ARTICLE` with fixed column types, `article_framing` included.
    """
    tables = {name: pd.DataFrame([row for result in results for row in result[name]], columns=table_columns(name, scorers))
              for name in PER_ARTICLE if name not in ("articles", "article_framing", "article_terms")}
    tables["article_terms"] = term_frame([result["articles"][0]["article_id"] for result in results],
                                         [result["terms"] for result in results])
    tables["articles"] = _articles_frame(records, [result["articles"][0] for result in results])
    tables = {name: _tidy(name, table) for name, table in tables.items()}
    tables["article_framing"] = _tidy("article_framing", framing.article_framing_from_counts(
        tables["articles"], tables["markers"], tables["frames"], tables["voices"]))
    return tables


def term_frame(article_ids: Sequence[str], counts: Sequence[Mapping[str, int]]) -> pd.DataFrame:
    """The `article_terms` rows of some articles: each article's keyness term counts (`terms` of
    `process_article`), its terms in sorted order, articles in the order given.

    Parameters
    ----------
    article_ids : the articles' ids.
    counts : each article's {term: occurrences}, in the same order.

    Returns
    -------
    pd.DataFrame
        article_id, term, count (columns as lists: a dict per row cost as much as counting the terms).
    """
    ids: list[str] = []
    terms: list[str] = []
    numbers: list[int] = []
    for article_id, found in zip(article_ids, counts):
        ordered = sorted(found)
        ids += [str(article_id)] * len(ordered)
        terms += ordered
        numbers += [found[term] for term in ordered]
    # (typed, so that a batch without a single term writes text columns like the others)
    return pd.DataFrame({"article_id": pd.Series(ids, dtype=object), "term": pd.Series(terms, dtype=object),
                         "count": pd.Series(numbers, dtype="int64")}, columns=list(TABLE_COLUMNS["article_terms"]))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for a block (restored after it, as it was).

    Processing an article makes no reference cycles (measured: 0 to 3 unreachable objects per
    100 articles), so the collector's passes over the batch's growing results only cost time:
    about 5% of the per-article time. Memory is unchanged; the collector runs again after the block.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _process_batch(records: Sequence[Mapping], context: Context, want_blobs: bool) -> dict:
    """Work for one worker: `process_article` on each record; typed tables, per-bloc term counts,
    stage seconds, and (for the cache) each article's result, compressed."""
    tokenizer = _tokenizer(context.abbreviations)
    timings: dict[str, float] = {}
    with _collector_paused():
        results = [_process_named(r, context, tokenizer, timings) for r in records]
        terms: dict[str, Counter] = {}
        documents: dict[str, Counter] = {}
        add_terms(terms, documents, records, results)
    blobs = [_encode_result(result) for result in results] if want_blobs else []
    return {"tables": frames_of(records, results, context.scorers), "terms": terms, "documents": documents,
            "timings": timings, "blobs": blobs}


def add_terms(terms: dict[str, Counter], documents: dict[str, Counter], records: Sequence[Mapping],
              results: Sequence[Mapping[str, object]]) -> None:
    """Adds the articles' keyness term counts to their bloc's totals: occurrences to `terms`, one
    per article using the term to `documents` (document frequency).

    Parameters
    ----------
    terms, documents : {bloc: Counter of terms}, updated in place.
    records : the articles' corpus rows (bloc).
    results : `process_article` of each record (its `terms`), in the same order.
    """
    for record, result in zip(records, results):
        bloc = str(record["bloc"])
        terms.setdefault(bloc, Counter()).update(result["terms"])
        documents.setdefault(bloc, Counter()).update(result["terms"].keys())


def _process_named(record: Mapping, context: Context, tokenizer: PunktSentenceTokenizer | None,
                   timings: dict[str, float]) -> dict[str, list[dict]]:
    """`process_article`, with the article named if it fails (the message is all a pool sends back)."""
    try:
        return process_article(record, context.shared.get(str(record["outlet"]), frozenset()), context.cues,
                               tokenizer, timings, context.scorers)
    except Exception as exc:  # noqa: BLE001 - re-raised with the article's id and file
        raise ValueError(f"article {record.get('article_id')!r} ({record.get('file')}): could not be processed "
                         f"({type(exc).__name__}: {exc})") from None


def _hash_batch(texts: Sequence[str], _context: object = None, _want: bool = False) -> list[np.ndarray]:
    return [line_hashes(t) for t in texts]

