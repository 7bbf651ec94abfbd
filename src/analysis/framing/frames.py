"""Generic news frames: dictionary hits per paragraph and frame, and each frame's salience per bloc."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pandas as pd

from analysis import segment, stats
from analysis.framing.dictionaries import _dictionaries, _frame_matchers
from analysis.schema import rows_where
from analysis.terms import TermMatcher

#: The columns of the `frames` table, as `article_rows` makes its rows.
FRAME_COLUMNS = ("article_id", "paragraph_id", "frame", "hits", "score")


def score_frames(paragraphs: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per paragraph and frame: hits and score (hits per 100 tokens); one row per pair, zeros kept.

    Each article's rows as `article_rows` makes them for the build's `frames` table.

    Parameters
    ----------
    paragraphs
        The paragraphs table (article_id, paragraph_id, text).
    frames
        A frame dictionary (frame, term) in place of the packaged one (`load_frames`).

    Returns
    -------
    pandas.DataFrame
        `FRAME_COLUMNS`: article_id, paragraph_id, frame, hits, score.
    """
    matchers = _dictionaries()["frames"] if frames is None else _frame_matchers(frames)
    rows = []
    for article_id, part in paragraphs.groupby("article_id", sort=False):
        rows += _frame_rows(article_id, part[["paragraph_id", "text"]].to_dict("records"), None, matchers)
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))


def _frame_rows(article_id: str, paragraphs: Sequence[Mapping], paragraph_tokens: Sequence[Sequence[str]] | None,
                matchers: Mapping[str, TermMatcher]) -> list[dict]:
    """One article's rows of the `frames` table: per paragraph and frame, hits and hits per 100 tokens."""
    if paragraph_tokens is None:
        paragraph_tokens = [segment.tokenize(p["text"]) for p in paragraphs]
    rows = []
    for p, tokens in zip(paragraphs, paragraph_tokens):
        size = max(len(tokens), 1)
        for frame, matcher in matchers.items():
            hits = sum(1 for _ in matcher.finditer(p["text"]))
            rows.append({"article_id": article_id, "paragraph_id": int(p["paragraph_id"]), "frame": frame,
                         "hits": hits, "score": round(100 * hits / size, 4)})
    return rows


def _frame_parts(scores: pd.DataFrame, articles: pd.DataFrame,
                 columns: list[str]) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each frame (sorted) and its rows' `columns`, with each row's bloc; rows of an article the articles
    table lacks are left out, as an inner merge would. One frame at a time: the whole table merged with
    the articles raised notebook 02's peak by 0.8 GB on the 10 million paragraph-frame rows of 100,000
    articles."""
    bloc_of = articles.drop_duplicates("article_id").set_index("article_id")["bloc"]
    known = scores["article_id"].isin(bloc_of.index)
    if not known.all():
        scores = scores[known]
    for frame in sorted(scores["frame"].unique()):
        part = rows_where(scores, (scores["frame"] == frame).to_numpy(dtype=bool, na_value=False), columns)
        yield frame, part.assign(bloc=part["article_id"].map(bloc_of))


def frame_salience(scores: pd.DataFrame, articles: pd.DataFrame, *, n_boot: int = 2000, seed: int = 0,
                   min_articles: int = stats.MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """Per frame and bloc: share of paragraphs with the frame, and the mean of article means with a
    bootstrap interval over the bloc's articles (each with the mean of its paragraphs), left empty
    for a bloc with fewer than `min_articles` articles.

    Parameters
    ----------
    scores
        The `frames` table (article_id, paragraph_id, frame, hits, score).
    articles
        The articles table (article_id, bloc, outlet).
    n_boot, seed
        Bootstrap resamples, and the seed of the first frame (each next frame adds one).
    min_articles
        Fewest articles a bloc needs for an interval.

    Returns
    -------
    pandas.DataFrame
        frame, bloc, n_articles, n_paragraphs, share_of_paragraphs, mean, ci_low, ci_high.
    """
    from analysis.stats import bloc_summary

    rows = []
    for n, (frame, part) in enumerate(_frame_parts(scores, articles, ["article_id", "hits", "score"])):
        summary = bloc_summary(part, "score", n_boot=n_boot, seed=seed + n, min_articles=min_articles,
                               bounds=(0, None))  # (hits per 100 tokens: never below 0)
        present = part.assign(present=part["hits"] > 0).groupby("bloc")["present"].mean()
        rows.append(summary.assign(frame=frame, share_of_paragraphs=summary["bloc"].map(present)))
    table = pd.concat(rows, ignore_index=True).rename(columns={"n_sentences": "n_paragraphs"})
    return table[["frame", "bloc", "n_articles", "n_paragraphs", "share_of_paragraphs", "mean", "ci_low", "ci_high"]]


def article_frame_scores(scores: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each article's mean frame score over its paragraphs, per frame: the article values whose
    bloc means and intervals `frame_salience` gives (one dot per article in the figure).

    Parameters
    ----------
    scores
        The `frames` table (article_id, paragraph_id, frame, hits, score).
    articles
        The articles table (article_id, bloc).

    Returns
    -------
    pandas.DataFrame
        bloc, frame, article_id, mean, n_paragraphs, sorted by bloc, frame, article_id.
    """
    # (grouped by article alone, its bloc taken along: grouped by bloc, frame and article, the whole table merged
    # with the articles raised notebook 02's peak by 1.9 GB on 100,000 generated articles)
    parts = []
    for frame, part in _frame_parts(scores, articles, ["article_id", "score"]):
        means = part.groupby("article_id", sort=True).agg(mean=("score", "mean"), n_paragraphs=("score", "size"),
                                                          bloc=("bloc", "first"))
        parts.append(means.reset_index().assign(frame=frame))
    if not parts:  # (no rows: the merge's empty table, with its columns' types)
        data = scores.merge(articles[["article_id", "bloc"]], on="article_id")
        return data.groupby(["bloc", "frame", "article_id"])["score"].agg(mean="mean", n_paragraphs="size").reset_index()
    table = pd.concat(parts, ignore_index=True)
    table = table.astype({"bloc": articles["bloc"].dtype, "frame": scores["frame"].dtype})
    table = table[["bloc", "frame", "article_id", "mean", "n_paragraphs"]]
    return table.sort_values(["bloc", "frame", "article_id"], kind="mergesort").reset_index(drop=True)
