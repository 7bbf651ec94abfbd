"""Validation against hand codes: the packaged gold sample, accuracy, macro-F1 and Spearman's rho
of each method, and how well the methods agree with one another.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.sentiment.scorers import CROSS_CHECK_LIMIT, SCORE_COLUMNS, label, with_cross_checks


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-coded validation sample (article_id, sentence_id, label, text).

    Parameters
    ----------
    path : a CSV of hand codes; default the packaged resources/validation/sentiment_gold.csv.

    Returns
    -------
    pd.DataFrame
        The codes; a label other than negative, neutral or positive is a ValueError.
    """
    source = path or "validation/sentiment_gold.csv"
    gold = pd.read_csv(io.StringIO(paths.resource_text("validation/sentiment_gold.csv", path)),
                       dtype={"article_id": "string", "label": "string", "text": "string"})
    bad = sorted(set(gold["label"]) - {"negative", "neutral", "positive"})
    if bad:
        raise ValueError(f"{source}: unknown labels {bad}")
    return gold


METHODS = {
    "VADER": "compound",
    "VADER topic-neutral": "compound_neutral",
    "NLTK port of VADER": "compound_nltk",
    "TextBlob": "polarity_textblob",
}


def validate(frame: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """`validation_metrics` of a sentence frame against the packaged hand codes (or `gold`); the
    cross-check scorers are computed for the coded sentences when the frame lacks them.

    Parameters
    ----------
    frame : a `sentence_frame` (article_id, sentence_id, text and the scores it has).
    gold : hand codes (default `load_gold()`).

    Returns
    -------
    pd.DataFrame
        As `validation_metrics`.
    """
    gold = load_gold() if gold is None else gold
    coded = frame.set_index(["article_id", "sentence_id"]).index.isin(gold.set_index(["article_id", "sentence_id"]).index)
    frame = with_cross_checks(frame[coded], limit=None)
    scores = frame[["article_id", "sentence_id", "text", *SCORE_COLUMNS]].rename(columns={"text": "text_scored"})
    return validation_metrics(scores, gold)


def validation_metrics(scores: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each method against the hand codes: n, accuracy, macro-F1 and Spearman's rho.

    If `scores` carries the sentence text as `text_scored`, codes whose text no longer matches
    (segmentation changed since coding) are left out rather than compared with another sentence.

    Parameters
    ----------
    scores : one row per sentence, with article_id, sentence_id and every column of `METHODS`.
    gold : hand codes, with article_id, sentence_id, label (and text).

    Returns
    -------
    pd.DataFrame
        method, n, accuracy, macro_f1, spearman: one row per method and one for the majority
        label baseline (a row per method with n 0 when no code matches).
    """
    from scipy.stats import spearmanr
    from sklearn.metrics import accuracy_score, f1_score

    merged = gold.merge(scores, on=["article_id", "sentence_id"], how="inner", validate="one_to_one")
    if "text_scored" in merged:  # codes only count for the sentence they were given to
        merged = merged[merged["text"] == merged["text_scored"]]
    if merged.empty:  # a corpus the codes were not made for
        return pd.DataFrame({"method": list(METHODS), "n": 0, "accuracy": np.nan, "macro_f1": np.nan, "spearman": np.nan})
    ordinal = merged["label"].map({"negative": -1, "neutral": 0, "positive": 1}).astype(float)
    rows = []
    for name, column in METHODS.items():
        predicted = label(merged[column])
        rows.append({
            "method": name, "n": len(merged),
            "accuracy": accuracy_score(merged["label"], predicted),
            "macro_f1": f1_score(merged["label"], predicted, average="macro", labels=["negative", "neutral", "positive"]),
            "spearman": float(spearmanr(merged[column], ordinal).statistic),
        })
    majority = merged["label"].value_counts().sort_index().idxmax()
    rows.append({"method": f"baseline: always '{majority}'", "n": len(merged),
                 "accuracy": float((merged["label"] == majority).mean()),
                 "macro_f1": f1_score(merged["label"], [majority] * len(merged), average="macro",
                                      labels=["negative", "neutral", "positive"]),
                 "spearman": float("nan")})
    return pd.DataFrame(rows)


def agreement_between_methods(scores: pd.DataFrame, *, limit: int | None = CROSS_CHECK_LIMIT, seed: int = 0) -> pd.DataFrame:
    """Sentence-level Spearman rank correlation between every pair of methods (on a fixed sample
    of `limit` sentences when the cross-check scores must be computed for more; see
    `with_cross_checks`).

    Parameters
    ----------
    scores : one row per sentence, with text and the scores it has.
    limit, seed : as in `with_cross_checks`.

    Returns
    -------
    pd.DataFrame
        A square table of rho, rows and columns named by method.
    """
    scores = with_cross_checks(scores, limit=limit, seed=seed)
    columns = list(METHODS.values())
    table = scores[columns].corr(method="spearman")
    names = {v: k for k, v in METHODS.items()}
    return table.rename(index=names, columns=names)
