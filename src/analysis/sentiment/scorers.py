"""The sentence scorers: VADER (reference implementation, with a faster exact path), its
topic-neutral variant, NLTK's port and TextBlob, which columns each writes, and the labels.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis import paths
from analysis.schema import DEFAULT_SCORERS, SCORER_COLUMNS, SCORERS, check_scorers, score_columns  # noqa: F401
from analysis.sentiment.fast_vader import _vader_scores, _vader_words

if TYPE_CHECKING:
    from nltk.sentiment.vader import SentimentIntensityAnalyzer as NLTKAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

SCORE_COLUMNS = ("neg", "neu", "pos", "compound", "compound_neutral", "compound_nltk", "polarity_textblob")
#: Sentences above which the cross-checks in a notebook are computed on a sample.
CROSS_CHECK_LIMIT = 5000
#: VADER's own thresholds for calling a compound score positive or negative.
THRESHOLD = 0.05


@lru_cache(maxsize=8)
def _resource(name: str) -> str:
    """A packaged word list, read once per process (`score_texts` asks for it for every article)."""
    return paths.resource_text(name)


def load_neutral_terms(path: str | Path | None = None) -> frozenset[str]:
    """The topic and naming terms the topic-neutral variant scores as zero.

    Parameters
    ----------
    path : a word list, one term a line ('#' starts a comment line); default the packaged
        resources/neutral_terms.txt.

    Returns
    -------
    frozenset of str
        The terms, lower-cased.
    """
    text = Path(path).read_text(encoding="utf-8") if path else _resource("neutral_terms.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=4)
def analyzer(neutral_terms: frozenset[str] = frozenset()) -> SentimentIntensityAnalyzer:
    """The VADER reference analyser; with `neutral_terms`, those lexicon words score 0.

    Parameters
    ----------
    neutral_terms : lower-case lexicon words to score 0 (the analyser is cached per set).

    Returns
    -------
    vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    scorer = SentimentIntensityAnalyzer()
    if neutral_terms:
        scorer.lexicon = {w: (0.0 if w in neutral_terms else v) for w, v in scorer.lexicon.items()}
    return scorer


@lru_cache(maxsize=1)
def nltk_analyzer() -> NLTKAnalyzer:
    """NLTK's port of VADER on the lexicon file shipped in the vaderSentiment wheel (no download).

    NLTK 3.10 refuses absolute lexicon paths, so the wheel's folder goes on `nltk.data.path`
    for the moment of loading, then the path is restored.

    Returns
    -------
    nltk.sentiment.vader.SentimentIntensityAnalyzer
        One cached analyser.
    """
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    saved = list(nltk.data.path)
    nltk.data.path[:] = [os.path.dirname(vaderSentiment.__file__)]
    try:
        return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")
    finally:
        nltk.data.path[:] = saved


def textblob_polarity(text: str) -> float:
    """TextBlob's pattern-lexicon polarity in [-1, 1] (an independent second lexicon).

    Parameters
    ----------
    text : the text scored.

    Returns
    -------
    float
    """
    from textblob import TextBlob

    return float(TextBlob(text).sentiment.polarity)


def score_texts(texts: Iterable[str], neutral_terms: Iterable[str] | None = None,
                scorers: Sequence[str] = DEFAULT_SCORERS) -> list[dict[str, float]]:
    """The scores of each text by the chosen `scorers` (see `SCORERS`), as plain dicts: the
    per-article path of `build`, with no DataFrame overhead.

    VADER (`neg, neu, pos, compound`) always runs; `neutral` adds the topic-neutral compound,
    `nltk` NLTK's port, `textblob` TextBlob's polarity. The VADER scores are exactly those of
    `analyzer().polarity_scores` and `analyzer(neutral)`, computed by the faster path of
    `fast_vader` (tests/test_speed_equivalence.py compares the two); the cross-checks call their libraries.

    Parameters
    ----------
    texts : the texts (sentences) scored.
    neutral_terms : the words the topic-neutral variant scores 0 (default `load_neutral_terms()`).
    scorers : names from `SCORERS` (see `check_scorers`).

    Returns
    -------
    list of dict
        One dict per text: the columns of `score_columns(scorers)` and their scores.
    """
    chosen = check_scorers(scorers)
    neutral = frozenset(load_neutral_terms() if neutral_terms is None else neutral_terms)
    vader = analyzer()
    vader_neutral = analyzer(neutral) if "neutral" in chosen else None
    port = nltk_analyzer() if "nltk" in chosen else None
    rows = []
    for text in texts:
        words = _vader_words(text, vader)
        scores = _vader_scores(vader, text, words)
        row = {k: float(scores[k]) for k in ("neg", "neu", "pos", "compound")}
        if vader_neutral is not None:
            if words is None or not neutral.isdisjoint(words[1]):
                row["compound_neutral"] = float(_vader_scores(vader_neutral, text, words)["compound"])
            else:  # no word the neutral variant zeroes: its lexicon look-ups are the same
                row["compound_neutral"] = row["compound"]
        if port is not None:
            row["compound_nltk"] = float(port.polarity_scores(text)["compound"])
        if "textblob" in chosen:
            row["polarity_textblob"] = round(textblob_polarity(text), 4)
        rows.append(row)
    return rows


def with_cross_checks(frame: pd.DataFrame, *, limit: int | None = CROSS_CHECK_LIMIT, seed: int = 0,
                      keep: pd.Series | None = None) -> pd.DataFrame:
    """`frame` (sentences with `text`) with every score column of `SCORE_COLUMNS` present.

    `build` writes VADER and its topic-neutral variant only; NLTK's port and TextBlob are
    computed here, where a notebook compares methods. All sentences are scored while there are
    at most `limit` of them (None: no limit); above that, a fixed random sample of `limit`
    sentences (chosen with `seed`) plus the rows where `keep` is true (e.g. the reference-coded
    sentences), so the cost stays bounded on a large corpus.

    Parameters
    ----------
    frame : one row per sentence, with text and any score columns already computed.
    limit : most sentences scored (None: all).
    seed : seed of the sample.
    keep : rows scored even when not sampled (aligned with `frame`).

    Returns
    -------
    pd.DataFrame
        `frame` itself when no column is missing, else a copy of the rows scored with the
        missing columns added.
    """
    missing = [s for s in SCORERS if any(c not in frame.columns for c in SCORER_COLUMNS[s])]
    if not missing:
        return frame
    rows = frame
    if limit is not None and len(frame) > limit:
        chosen = np.zeros(len(frame), dtype=bool)
        chosen[np.random.default_rng(seed).choice(len(frame), size=limit, replace=False)] = True
        if keep is not None:
            chosen |= np.asarray(keep, dtype=bool)
        rows = frame[chosen]
    scores = pd.DataFrame(score_texts(rows["text"].astype(str), scorers=SCORERS), index=rows.index,
                          columns=list(SCORE_COLUMNS))  # (the columns stand even when no sentence is scored)
    rows = rows.copy()
    for column in SCORE_COLUMNS:
        if column not in rows.columns:
            rows[column] = scores[column].astype("float64")
    return rows


def score_sentences(sentences: pd.DataFrame, neutral_terms: Iterable[str] | None = None,
                    scorers: Sequence[str] = SCORERS) -> pd.DataFrame:
    """One row per sentence, keyed by `article_id, sentence_id`: the columns of the chosen
    `scorers` (default: all four, VADER neg/neu/pos/compound, the topic-neutral compound, NLTK's
    port and TextBlob).

    Parameters
    ----------
    sentences : one row per sentence, with article_id, sentence_id and text.
    neutral_terms : the words the topic-neutral variant scores 0 (default `load_neutral_terms()`).
    scorers : names from `SCORERS`.

    Returns
    -------
    pd.DataFrame
        article_id (string), sentence_id (int64) and the score columns (float64).
    """
    columns = list(score_columns(scorers))
    table = pd.DataFrame(score_texts(sentences["text"], neutral_terms, scorers), columns=columns)
    table.insert(0, "sentence_id", sentences["sentence_id"].to_numpy())
    table.insert(0, "article_id", sentences["article_id"].to_numpy())
    return table.astype({"article_id": "string", "sentence_id": "int64"}).astype({c: "float64" for c in columns})


def label(scores: pd.Series | np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """negative / neutral / positive by VADER's convention (|score| < threshold is neutral).

    Parameters
    ----------
    scores : compound (or polarity) scores.
    threshold : the smallest |score| called positive or negative.

    Returns
    -------
    np.ndarray of str
    """
    values = np.asarray(scores, dtype=float)
    return np.where(values >= threshold, "positive", np.where(values <= -threshold, "negative", "neutral"))
