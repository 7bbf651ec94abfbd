"""Read a corpus of news articles into tables, checking it on the way in.

This is the reading edge of the project: every later step trusts what comes out
of `load_corpus`, so problems in user corpora (missing files, bad bytes, odd
dates, duplicate ids) are caught here and named in plain words, with the file
and line, instead of surfacing later as a confusing result.

`iter_corpus` streams a corpus in chunks of a fixed number of articles, in file
order: tables are read record by record, never whole, so memory does not grow
with the corpus size beyond the set of ids seen (to find duplicates).
`load_corpus` joins those chunks into one table sorted by `article_id`.

A corpus is either
  (a) a folder with `metadata.csv` (columns `article_id,file,outlet,bloc`, plus
      optional ones) and the UTF-8 text files it names, or
  (b) one table with a `text` column and the metadata columns: `.csv`,
      `.jsonl` (JSON Lines, one object per line) or `.parquet`.

Submodules: `schema` (columns, limits, problem kinds, CorpusError), `sources`
(streaming folder, CSV, JSONL and Parquet records), `checks` (per-row checks), `consistency`
(outlets coded two ways across rows), `reading` (load_corpus, iter_corpus), `dates`, `fingerprint`
`duplicates` (paragraphs several articles share: syndicated or reused copy, found in linear time) and
`language` (articles that do not read as English, which the English lexicons cannot measure).
"""

from __future__ import annotations

from analysis.corpus.consistency import coding_issues, coding_text, organisation_groups
from analysis.corpus.dates import normalise_date
from analysis.corpus.duplicates import (
    MIN_PARAGRAPH_WORDS,
    ParagraphIndex,
    paragraph_keys,
    shared_paragraphs,
    shared_paragraphs_note,
)
from analysis.corpus.fingerprint import corpus_fingerprint, sha256_file
from analysis.corpus.language import (
    MIN_ENGLISH_SHARE,
    MIN_ENGLISH_TOKENS,
    english_share,
    language_text,
    not_english_articles,
    not_english_mask,
    not_english_note,
)
from analysis.corpus.reading import iter_corpus, load_corpus
from analysis.corpus.schema import (
    MAX_ARTICLE_CHARS,
    MAX_LINE_CHARS,
    METADATA_COLUMNS,
    PROBLEM_COLUMNS,
    PROBLEM_KINDS,
    REQUIRED_COLUMNS,
    TABLE_REQUIRED_COLUMNS,
    TABLE_SUFFIXES,
    CorpusError,
)
from analysis.corpus.schema import (
    METADATA_NAME as METADATA_NAME,
)

__all__ = [
    "METADATA_COLUMNS",
    "PROBLEM_COLUMNS",
    "PROBLEM_KINDS",
    "REQUIRED_COLUMNS",
    "TABLE_REQUIRED_COLUMNS",
    "TABLE_SUFFIXES",
    "MAX_ARTICLE_CHARS",
    "MAX_LINE_CHARS",
    "CorpusError",
    "coding_issues",
    "organisation_groups",
    "coding_text",
    "corpus_fingerprint",
    "english_share",
    "language_text",
    "not_english_articles",
    "not_english_mask",
    "not_english_note",
    "MIN_ENGLISH_SHARE",
    "MIN_ENGLISH_TOKENS",
    "iter_corpus",
    "load_corpus",
    "normalise_date",
    "sha256_file",
    "MIN_PARAGRAPH_WORDS",
    "ParagraphIndex",
    "paragraph_keys",
    "shared_paragraphs",
    "shared_paragraphs_note",
]
