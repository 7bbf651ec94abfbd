"""What a corpus must look like: column names, size limits, problem kinds, and the error raised."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

REQUIRED_COLUMNS: tuple[str, ...] = ("article_id", "file", "outlet", "bloc")
"""Columns `metadata.csv` must have in a folder corpus."""

TABLE_REQUIRED_COLUMNS: tuple[str, ...] = ("article_id", "outlet", "bloc", "text")
"""Columns a table corpus (.csv/.jsonl/.parquet) must have; `file` is optional there."""

METADATA_COLUMNS: tuple[str, ...] = (
    "article_id",
    "file",
    "outlet",
    "bloc",
    "published",
    "title",
    "author",
    "url",
    "country",
    "language",
    "notes",
)
"""Standard metadata columns, in output order; missing optional ones are added empty."""

PROBLEM_COLUMNS: tuple[str, ...] = ("article_id", "file", "problem", "detail")
PROBLEM_KINDS: frozenset[str] = frozenset(
    {"missing_file", "empty_text", "encoding", "duplicate_id", "bad_date", "missing_value", "bad_path",
     "too_large", "not_text"}
)
MAX_ARTICLE_CHARS = 1_000_000
"""Longest article text processed (about 10 s of work); a longer one is a `too_large` problem."""
MAX_LINE_CHARS = 100_000
"""Longest line (a paragraph) processed: the tokenisers' time limits hold well below it."""
TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".jsonl", ".parquet")
METADATA_NAME = "metadata.csv"

_STRING = pd.StringDtype()


class CorpusError(ValueError):
    """A corpus cannot be read; the message names the file (and line) and the problem.

    `problems` holds the per-article problems collected so far in lenient mode
    (e.g. when every article was skipped), else an empty table.
    """

    def __init__(self, message: str, problems: pd.DataFrame | None = None) -> None:
        super().__init__(message)
        self.problems = problems if problems is not None else _problems_frame([])


def _problems_frame(entries: Sequence[Mapping[str, str | None]]) -> pd.DataFrame:
    """The `problems` table, with its columns even when empty."""
    return pd.DataFrame(list(entries), columns=list(PROBLEM_COLUMNS)).astype(_STRING)
