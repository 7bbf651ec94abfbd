"""Validation against reference codes: the packaged machine-generated reference codes (one AI
coder, not human coding) and any codes a researcher makes (`analysis.coding`); each method's
accuracy beside the majority-class baseline, macro-F1 and Spearman's rho; VADER's confusion
matrix; Krippendorff's alpha between coders and between each method and each coder; the bloc
difference under each method and under each coder's codes; how the methods agree with one another.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths
from analysis.coding import LABELS
from analysis.sentiment.scorers import CROSS_CHECK_LIMIT, THRESHOLD, label, with_cross_checks
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL
from analysis.stats.permutation import N_PERMUTATIONS, permutation_test
from analysis.stats.reliability import krippendorff_alpha

#: What the packaged codes are, wherever they are named.
REFERENCE = "machine reference codes"
#: Codes as numbers, for Spearman's rho and for tone under the codes (negative < neutral < positive).
CODE_VALUES = {"negative": -1.0, "neutral": 0.0, "positive": 1.0}
_KEYS = ["article_id", "sentence_id"]


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The machine-generated reference codes (one AI coder, not human coding): article_id,
    sentence_id, label, text of 176 sentences of the 5 seed articles.

    Parameters
    ----------
    path : a CSV of codes with the same columns; default the packaged
        resources/validation/sentiment_gold.csv.

    Returns
    -------
    pd.DataFrame
        The codes; a label other than negative, neutral or positive is a ValueError.
    """
    source = path or "validation/sentiment_gold.csv"
    gold = pd.read_csv(io.StringIO(paths.resource_text("validation/sentiment_gold.csv", path)),
                       dtype={"article_id": "string", "label": "string", "text": "string"})
    bad = sorted(set(gold["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"{source}: unknown labels {bad}")
    return gold


METHODS = {
    "VADER": "compound",
    "VADER topic-neutral": "compound_neutral",
    "NLTK port of VADER": "compound_nltk",
    "TextBlob": "polarity_textblob",
}


def _match(scores: pd.DataFrame, codes: pd.DataFrame, column: str = "label") -> pd.DataFrame:
    """`scores` rows with a code (as `column`); a code counts only for the text it was given to
    when both sides carry text (`text_scored` or `text` on the scores, `text` on the codes)."""
    codes = codes[[*_KEYS, "label", *(["text"] if "text" in codes else [])]].dropna(subset=["label"])
    codes = codes.astype({"article_id": "string", "sentence_id": "int64"}).rename(
        columns={"label": column, "text": "text_coded"})
    scores = scores.rename(columns={"text_scored": "text"}).astype({"article_id": "string", "sentence_id": "int64"})
    merged = scores.merge(codes, on=_KEYS, how="inner", validate="one_to_one")
    if "text" in merged and "text_coded" in merged:  # codes only count for the sentence they were given to
        merged = merged[merged["text"].astype("string") == merged["text_coded"]]
    return merged.drop(columns=["text_coded"], errors="ignore").reset_index(drop=True)


def coded_sentences(frame: pd.DataFrame, coders: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The sentences of `frame` that any coder coded, with every method's score and one column
    of codes per coder (NA where that coder did not code the sentence).

    A code counts only where its text is the sentence's current text (segmentation may have
    changed since coding, or the corpus is another one).

    Parameters
    ----------
    frame : a `sentence_frame` (article_id, sentence_id, text, bloc and the scores it has).
    coders : coder name -> codes (article_id, sentence_id, label, text); default the machine
        reference codes under the name `REFERENCE`.

    Returns
    -------
    pd.DataFrame
        The coded rows of `frame` with the cross-check scores added and a column per coder.
    """
    coders = {REFERENCE: load_gold()} if coders is None else dict(coders)
    merged = frame.iloc[0:0].assign(**{name: pd.Series(dtype="string") for name in coders})
    found = [_match(frame, codes, name)[[*_KEYS, name]] for name, codes in coders.items()]
    if any(len(f) for f in found):
        keys = pd.concat([f[_KEYS] for f in found]).drop_duplicates()
        merged = frame.astype({"article_id": "string", "sentence_id": "int64"}).merge(keys, on=_KEYS)
        for codes in found:
            merged = merged.merge(codes, on=_KEYS, how="left")
    return with_cross_checks(merged, limit=None).reset_index(drop=True)


def majority_baseline(codes: pd.Series) -> tuple[str, float]:
    """The accuracy of always answering the most frequent code (ties: the first in negative,
    neutral, positive order).

    Parameters
    ----------
    codes : the codes (missing ones are left out).

    Returns
    -------
    tuple of (str, float)
        The majority code and the share of codes equal to it (NaN without any code).
    """
    codes = codes.dropna()
    if codes.empty:
        return "", float("nan")
    counts = codes.value_counts().reindex(list(LABELS), fill_value=0)
    majority = str(counts.idxmax())
    return majority, float(counts[majority] / len(codes))


def _metrics(merged: pd.DataFrame, coder: str = "label", threshold: float = THRESHOLD) -> pd.DataFrame:
    """Each method against the codes in column `coder` of coded rows with every score."""
    from scipy.stats import spearmanr
    from sklearn.metrics import f1_score

    merged = merged.dropna(subset=[coder])
    columns = ["method", "n", "threshold", "accuracy", "baseline_accuracy", "above_baseline", "macro_f1", "spearman"]
    if merged.empty:  # a corpus the codes were not made for
        return pd.DataFrame({"method": list(METHODS), "n": 0, "threshold": threshold}, columns=columns)
    truth = merged[coder].astype(str)
    majority, baseline = majority_baseline(truth)
    rows = []
    for name, column in METHODS.items():
        predicted = label(merged[column], threshold)
        accuracy = float((truth.to_numpy() == predicted).mean())
        rows.append({"method": name, "n": len(merged), "threshold": threshold, "accuracy": accuracy,
                     "baseline_accuracy": baseline, "above_baseline": accuracy - baseline,
                     "macro_f1": f1_score(truth, predicted, average="macro", labels=list(LABELS), zero_division=0),
                     "spearman": float(spearmanr(merged[column], truth.map(CODE_VALUES)).statistic)})
    always = [majority] * len(truth)
    rows.append({"method": f"baseline: always '{majority}'", "n": len(merged), "threshold": np.nan,
                 "accuracy": baseline, "baseline_accuracy": baseline, "above_baseline": 0.0,
                 "macro_f1": f1_score(truth, always, average="macro", labels=list(LABELS), zero_division=0),
                 "spearman": np.nan})
    return pd.DataFrame(rows, columns=columns)


def validate(frame: pd.DataFrame, gold: pd.DataFrame | None = None, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """`validation_metrics` of a sentence frame against the machine reference codes (or `gold`);
    the cross-check scorers are computed for the coded sentences when the frame lacks them.

    Parameters
    ----------
    frame : a `sentence_frame` (article_id, sentence_id, text and the scores it has).
    gold : codes (default `load_gold()`, the machine reference codes).
    threshold : the smallest |score| a method's label calls positive or negative.

    Returns
    -------
    pd.DataFrame
        As `validation_metrics`.
    """
    gold = load_gold() if gold is None else gold
    return _metrics(coded_sentences(frame, {"label": gold}), "label", threshold)


def validation_metrics(scores: pd.DataFrame, gold: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Each method against the codes: n, the ±threshold used, accuracy beside the majority-class
    baseline's accuracy on the same sentences, macro-F1 and Spearman's rho.

    If `scores` carries the sentence text (as `text_scored` or `text`) and the codes do too,
    codes whose text no longer matches (segmentation changed since coding) are left out rather
    than compared with another sentence.

    Parameters
    ----------
    scores : one row per sentence, with article_id, sentence_id and every column of `METHODS`.
    gold : codes, with article_id, sentence_id, label (and text).
    threshold : the smallest |score| a method's label calls positive or negative.

    Returns
    -------
    pd.DataFrame
        method, n, threshold, accuracy, baseline_accuracy, above_baseline (accuracy minus the
        baseline's), macro_f1, spearman: one row per method and a last one for the majority-class
        baseline itself (a row per method with n 0 when no code matches).
    """
    return _metrics(_match(scores, gold), "label", threshold)


def confusion(coded: pd.DataFrame, coder: str = REFERENCE, column: str = "compound",
              threshold: float = THRESHOLD) -> pd.DataFrame:
    """How a method's labels (±threshold) cross with one coder's codes.

    Parameters
    ----------
    coded : `coded_sentences` output.
    coder : the codes' column.
    column : the method's score column.
    threshold : the smallest |score| called positive or negative.

    Returns
    -------
    pd.DataFrame
        Counts: rows are the coder's codes, columns the method's labels, negative, neutral,
        positive on both axes, with totals.
    """
    rows = coded.dropna(subset=[coder])
    table = pd.crosstab(pd.Categorical(rows[coder].astype(str), LABELS),
                        pd.Categorical(label(rows[column], threshold), LABELS), dropna=False)
    table = table.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0)
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    table.index.name, table.columns.name = f"{coder} (rows)", f"{column} label (columns)"
    return table


def _labels_of(coded: pd.DataFrame, coders: list[str], threshold: float) -> dict[str, pd.Series]:
    """Each coder's codes and each method's labels, as series aligned on `coded`'s rows."""
    out = {name: coded[name].astype("object").where(coded[name].notna(), None) for name in coders}
    out.update({name: pd.Series(label(coded[column], threshold), index=coded.index, dtype="object")
                for name, column in METHODS.items()})
    return out


def coder_agreement(coded: pd.DataFrame, coders: list[str] | None = None, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Krippendorff's alpha (nominal, and ordinal for negative < neutral < positive) between every
    pair of coders and between each method's labels (±threshold) and each coder, on the
    sentences both coded.

    Parameters
    ----------
    coded : `coded_sentences` output.
    coders : the coders' columns in `coded` (default [`REFERENCE`]).
    threshold : the smallest |score| a method's label calls positive or negative.

    Returns
    -------
    pd.DataFrame
        first, second, n (sentences both coded), alpha_nominal, alpha_ordinal; the pairs of
        coders first, then each method against each coder.
    """
    coders = [REFERENCE] if coders is None else list(coders)
    labels = _labels_of(coded, coders, threshold)
    pairs = [(x, y) for i, x in enumerate(coders) for y in coders[i + 1:]]
    pairs += [(method, coder) for coder in coders for method in METHODS]
    rows = []
    for first, second in pairs:
        data = pd.DataFrame({first: labels[first], second: labels[second]}).dropna()
        rows.append({"first": first, "second": second, "n": len(data),
                     "alpha_nominal": krippendorff_alpha(data, "nominal", LABELS),
                     "alpha_ordinal": krippendorff_alpha(data, "ordinal", LABELS)})
    return pd.DataFrame(rows, columns=["first", "second", "n", "alpha_nominal", "alpha_ordinal"])


def bloc_difference_under(coded: pd.DataFrame, a: str, b: str, coders: list[str] | None = None, *,
                          n_perm: int = N_PERMUTATIONS, seed: int = 0, threshold: float = THRESHOLD,
                          min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """The bloc difference a - b on the coded sentences, under each coder's codes (as -1, 0, +1)
    and under each method, both as its score and as its label (-1, 0, +1 by ±threshold, the
    codes' scale): the mean of article means of each bloc, with the article-level permutation
    p-value of `stats.permutation_test` (exact over at most `n_perm` relabellings), only where
    both blocs have `min_articles` coded articles (NaN below: too few articles to test).

    Parameters
    ----------
    coded : `coded_sentences` output (with bloc), e.g. restricted to the outlet's own words.
    a, b : the blocs compared (others are left out).
    coders : the coders' columns (default [`REFERENCE`]).
    n_perm, seed : as in `stats.permutation_test` (`limit`, `seed`).
    threshold : the smallest |score| a method's label calls positive or negative.
    min_articles : coded articles each bloc needs for a p-value (`stats.MIN_ARTICLES_FOR_INTERVAL`).

    Returns
    -------
    pd.DataFrame
        measure, scale, n_sentences, n_articles_a, n_articles_b, difference, p_value, exact,
        n_relabellings, min_p (p_value, exact, n_relabellings and min_p missing below `min_articles`),
        same_sign_as_codes (the
        sign of the first coder's difference); empty
        when no coded sentence is in either bloc.
    """
    coders = [REFERENCE] if coders is None else list(coders)
    rows = coded[coded["bloc"].isin([a, b])]
    measures = [(name, "code -1/0/+1", rows[name].map(CODE_VALUES)) for name in coders]
    for name, column in METHODS.items():
        measures.append((name, "score", rows[column]))
        measures.append((name, f"label -1/0/+1 (±{threshold:g})",
                         pd.Series(label(rows[column], threshold), index=rows.index).map(CODE_VALUES)))
    out = []
    for name, scale, values in measures:
        values = pd.to_numeric(values, errors="coerce").astype(float).rename("value")
        means = values.groupby([rows["bloc"], rows["article_id"]]).mean().dropna().reset_index()
        test = permutation_test(means["value"], means["bloc"], a, b, limit=n_perm, seed=seed,
                                min_articles=min_articles)  # NaN p below min_articles: too few articles
        out.append({"measure": name, "scale": scale, "n_sentences": int(values.notna().sum()),
                    "n_articles_a": test["n_articles_a"], "n_articles_b": test["n_articles_b"],
                    "difference": test["difference"], "p_value": test["p_value"], "exact": test["exact"],
                    "n_relabellings": test["n_relabellings"], "min_p": test["min_p"]})
    table = pd.DataFrame(out)
    if not table.empty:  # (an untested row has no relabellings to be exact over: missing, not True and 0)
        untested = table["p_value"].isna()
        table["exact"] = table["exact"].astype("boolean").mask(untested)
        table["n_relabellings"] = table["n_relabellings"].astype("Int64").mask(untested)
    if table.empty or table["n_sentences"].iloc[0] == 0:
        table["same_sign_as_codes"] = pd.Series(dtype="boolean")
    else:
        table["same_sign_as_codes"] = np.sign(table["difference"]) == np.sign(table["difference"].iloc[0])
    return table


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




def coverage_text(coded: pd.DataFrame, coders: list[str] | None = None) -> str:
    """Which sentences of this corpus each coder's codes cover, for the notebook (Markdown).

    Parameters
    ----------
    coded : `coded_sentences` output.
    coders : the coders' columns (default [`REFERENCE`]).

    Returns
    -------
    str
    """
    parts = []
    for name in [REFERENCE] if coders is None else coders:
        rows = coded.dropna(subset=[name]) if name in coded else coded.iloc[0:0]
        if rows.empty:
            parts.append(f"The {name} match no sentence of this corpus (a code counts only for the exact "
                         "sentence it was given to), so every table below that needs them is empty: "
                         "code a sample of this corpus's sentences with the coding tool below.")
        else:
            parts.append(f"The {name} cover {len(rows)} sentences of {rows['article_id'].nunique()} articles of "
                         "this corpus.")
    return " ".join(parts)


def accuracy_text(metrics: pd.DataFrame) -> str:
    """Each method's accuracy against the majority-class baseline, for the notebook (Markdown).

    Parameters
    ----------
    metrics : `validate` or `validation_metrics` output.

    Returns
    -------
    str
    """
    rows = metrics[metrics["method"].isin(list(METHODS)) & (metrics["n"] > 0)]
    if rows.empty:
        return "No method can be compared with codes here: no coded sentence is in this corpus."
    baseline = metrics["method"].iloc[-1].removeprefix("baseline: always ")
    lines = [f"- {r.method}: accuracy {r.accuracy:.3f}, {r.above_baseline:+.3f} against the "
             f"{r.baseline_accuracy:.3f} of the majority-class baseline (answering {baseline} for every sentence)"
             for r in rows.itertuples()]
    return f"On {rows['n'].iloc[0]} coded sentences:\n\n" + "\n".join(lines)





def validity_text(metrics: pd.DataFrame, agreement: pd.DataFrame, coded: pd.DataFrame | None = None,
                  method: str = "VADER") -> str:
    """How far the tone measure can be trusted, for the notebook's answer: `method`'s accuracy against
    the majority-class baseline and its Krippendorff's alpha with the reference codes, with Krippendorff's
    0.667 for tentative conclusions, and that the codes are machine-made, not an independent human coder's.

    Parameters
    ----------
    metrics : `validate` output.
    agreement : `coder_agreement` output (first, second, n, alpha_nominal).
    coded : `coded_sentences` output (article_id), to say how many articles the codes cover.
    method : the method the answer's numbers come from.

    Returns
    -------
    str
        Markdown, one or two sentences.
    """
    row = metrics[(metrics["method"] == method) & (metrics["n"] > 0)]
    if row.empty:
        return (f"How far {method} can be trusted is not measured on this corpus: none of its sentences has a "
                "reference code (the validation section says how to code some).")
    r = row.iloc[0]
    pair = agreement[(agreement["first"] == method) & (agreement["second"] == REFERENCE)]
    alpha = float(pair["alpha_nominal"].iloc[0]) if len(pair) else float("nan")
    baseline = metrics["method"].iloc[-1].removeprefix("baseline: always ")
    where = "" if coded is None else (f", all sentences, own and quoted, of the {coded['article_id'].nunique():,} "
                                      "articles the codes cover")
    text = (f"How far {method} can be trusted here: on {int(r['n']):,} sentences with {REFERENCE} (made by a machine, "
            f"not by an independent human coder{where}) its labels are right for {r['accuracy']:.1%} of them, against "
            f"{r['baseline_accuracy']:.1%} for answering {baseline} every time")
    if np.isnan(alpha):
        return text + "."
    verdict = ("below the 0.667 Krippendorff asks before even tentative conclusions: read a tone difference as a "
               "difference in the lexicon's words, not in stance" if alpha < 0.667 else
               "enough for tentative conclusions (Krippendorff's 0.667), not for firm ones (0.8)" if alpha < 0.8 else
               "above Krippendorff's 0.8 for firm conclusions")
    return text + f", and Krippendorff's alpha with the codes is {alpha:.2f}, {verdict}."


def bloc_under_text(table: pd.DataFrame) -> str:
    """Whether the bloc difference keeps its sign from the codes to each method, for the notebook.

    Parameters
    ----------
    table : `bloc_difference_under` output (its first row is the codes compared with).

    Returns
    -------
    str
    """
    if table.empty or table["n_sentences"].iloc[0] == 0:
        return "No bloc difference under the codes: no coded sentence of the compared blocs is in this corpus."
    first, methods = table.iloc[0], table.iloc[1:]
    kept = methods[methods["same_sign_as_codes"].astype(bool)]
    n = f"{first['n_articles_a']} against {first['n_articles_b']} articles"
    tested = (f"p = {first['p_value']:.2g}, {n}" if not np.isnan(first["p_value"]) else
              f"{n}: too few articles for a p-value, which needs at least {MIN_ARTICLES_FOR_INTERVAL} per bloc")
    return (f"Under the {first['measure']} the difference is {first['difference']:+.3f} ({tested}); "
            f"{len(kept)} of the {len(methods)} "
            "method measures give the same sign"
            + (f", not {', '.join(f'{r.measure} ({r.scale})' for r in methods.drop(kept.index).itertuples())}."
               if len(kept) < len(methods) else "."))


__all__ = ["CODE_VALUES", "METHODS", "REFERENCE", "accuracy_text", "agreement_between_methods",
           "bloc_difference_under", "bloc_under_text", "coded_sentences", "coder_agreement", "confusion",
           "coverage_text", "load_gold", "majority_baseline", "validate", "validation_metrics"]
