"""Who is mentioned: the actor dictionary, the actor groups each sentence names, and the tone of
the sentences that mention each group.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis.schema import row_values
from analysis.screen import may_hit
from analysis.sentiment.blocs import article_tone, bloc_summary_by
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL
from analysis.terms import TermMatcher, read_table


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """The actor dictionary (group, term); see the header of resources/actors.csv.

    Parameters
    ----------
    path : a CSV with the header group,term; default the packaged resources/actors.csv.

    Returns
    -------
    pd.DataFrame
        group, term.
    """
    return pd.DataFrame(read_table("actors.csv", path, ("group", "term")), columns=["group", "term"])


def actor_mentions(sentences: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (sentence, actor group) it mentions: article_id, sentence_id, actor, n_mentions.

    Parameters
    ----------
    sentences : one row per sentence, with article_id, sentence_id and text.
    actors : the actor dictionary (default `load_actors()`).

    Returns
    -------
    pd.DataFrame
        article_id, sentence_id, actor, n_mentions.
    """
    actors = load_actors() if actors is None else actors
    matchers = {group: TermMatcher(terms) for group, terms in actors.groupby("group", sort=True)["term"]}
    # columns as plain lists, hits counted without a dict per sentence: a dict per row took 1.7 GB and
    # 50 s on the 2.5 million sentences of 100,000 articles
    columns: dict[str, list] = {"article_id": [], "sentence_id": [], "actor": [], "n_mentions": []}
    ids, numbers, groups, counts = columns.values()
    pairs = list(matchers.items())
    # (each group's matcher tried only on the sentences that can hold one of its terms, screened for all of them at
    # once: 2.7 million sentences of 100,000 generated articles, 64 s before)
    may = np.array([may_hit(matcher, sentences["text"]) for _, matcher in pairs], dtype=bool).reshape(len(pairs), -1)
    anywhere = may.any(axis=0)
    rows = row_values(sentences, ("article_id", "sentence_id", "text"), mask=anywhere)
    for (article_id, sentence_id, text), flags in zip(rows, may[:, anywhere].T.tolist()):
        for (group, matcher), flag in zip(pairs, flags):
            if not flag:
                continue
            hits = sum(1 for _ in matcher.finditer(text))
            if hits:
                ids.append(article_id)
                numbers.append(sentence_id)
                groups.append(group)
                counts.append(hits)
    if not ids:
        return pd.DataFrame(columns=list(columns))
    table = pd.DataFrame(columns)
    if isinstance(sentences["article_id"].dtype, pd.StringDtype):  # (the sentences' own string type: a merge
        # with them on mismatched types made the 3.4 million ids of 100,000 articles Python objects, 0.25 GB)
        table["article_id"] = table["article_id"].astype(sentences["article_id"].dtype)
    return table


def actor_tone(frame: pd.DataFrame, mentions: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """Mean tone of sentences mentioning each actor, per bloc, with sentence counts (long form).

    Parameters
    ----------
    frame : a `sentence_frame`.
    mentions : an `actor_mentions` table.
    column : the score averaged.

    Returns
    -------
    pd.DataFrame
        actor, bloc, mean, n_sentences.
    """
    merged = _scored(mentions, frame, column)
    table = merged.groupby(["actor", "bloc"], sort=True)[column].agg(mean="mean", n_sentences="size").reset_index()
    return table


def actor_bloc_summary(frame: pd.DataFrame, mentions: pd.DataFrame, column: str = "compound", *, n_boot: int = 2000,
                       seed: int = 0, min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """Tone of the sentences that mention each actor, per bloc, with the article as the unit: the
    mean of article means and its bootstrap interval over articles (`bloc_summary_by`), the interval
    empty for a bloc with fewer than `min_articles` articles mentioning the actor.

    Parameters
    ----------
    frame : a `sentence_frame` (or `own_words`).
    mentions : an `actor_mentions` table.
    column : the score averaged.
    n_boot : bootstrap draws per actor and bloc.
    seed : seed of the first actor (sorted); the n-th uses `seed + n`.
    min_articles : articles a bloc needs for its interval.

    Returns
    -------
    pd.DataFrame
        bloc, actor, n_articles, n_sentences, mean, ci_low, ci_high.
    """
    merged = _scored(mentions, frame, column)
    return bloc_summary_by(merged, "actor", column, n_boot=n_boot, seed=seed, min_articles=min_articles)


def actor_article_tone(frame: pd.DataFrame, mentions: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """Each article's mean tone of its sentences that mention each actor (`article_tone` by actor):
    the article values behind `actor_bloc_summary`.

    Parameters
    ----------
    frame : a `sentence_frame` (or `own_words`).
    mentions : an `actor_mentions` table.
    column : the score averaged.

    Returns
    -------
    pd.DataFrame
        bloc, actor, article_id, mean, n_sentences.
    """
    return article_tone(_scored(mentions, frame, column), "actor", column)


def _scored(mentions: pd.DataFrame, frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Each mention with its sentence's bloc, outlet and score; not the sentence's text and other
    columns (merged whole, the 3.4 million mentions of 100,000 articles raised notebook 01's peak by 1.7 GB)."""
    keep = [c for c in ("article_id", "sentence_id", "bloc", "outlet", column) if c in frame.columns]
    return mentions.merge(frame[keep], on=["article_id", "sentence_id"])
