"""Why a sentence scores what it does: each word's valence after VADER's rules, the words that
drive each bloc's tone, and where NLTK's port of VADER disagrees with the reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.schema import row_values
from analysis.sentiment.scorers import analyzer, with_cross_checks

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def word_valences(text: str, scorer: SentimentIntensityAnalyzer | None = None) -> list[tuple[str, float]]:
    """Each word's valence after VADER's rules (boosters, negation, "but"), as the reference
    implementation computes it; `scorer.score_valence` of these valences is the sentence score.

    Parameters
    ----------
    text : the sentence.
    scorer : the VADER analyser (default `analyzer()`).

    Returns
    -------
    list of (str, float)
        Each of VADER's words (emoji replaced by their description) with its valence, 0 for words
        outside the lexicon.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    scorer = scorer or analyzer()
    plain, prev_space = "", True  # emoji to text, exactly as polarity_scores does it
    for char in text:
        if char in scorer.emojis:
            plain += ("" if prev_space else " ") + scorer.emojis[char]
            prev_space = False
        else:
            plain += char
            prev_space = char == " "
    senti = SentiText(plain.strip())
    words = senti.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = scorer.sentiment_valence(0, senti, item, i, sentiments)
    sentiments = scorer._but_check(words, sentiments)
    return list(zip(words, (float(v) for v in sentiments)))


def word_contributions(sentences: pd.DataFrame, neutral_terms: Iterable[str] = (), *,
                       max_sentences: int = 20_000, seed: int = 0, within: pd.Series | None = None) -> pd.DataFrame:
    """Summed valence of each lexicon word per bloc: which words drive each bloc's score.

    A bloc with more than `max_sentences` sentences is read from a random sample of that many
    (seeded with `seed`): scoring word by word costs about 0.2 ms a sentence, and
    per_1000_sentences is then the sample's rate (n and total count the sample only).

    Parameters
    ----------
    sentences : one row per sentence, with text and bloc.
    neutral_terms : words scored 0 (the topic-neutral variant); none by default.
    max_sentences : most sentences read per bloc.
    seed : seed of the samples.
    within : a boolean mask of the rows to read (e.g. `own_mask(frame)`: the outlet's own words), the same
        result as on `sentences[within]` without its copy (on 100,000 generated articles the copy of the
        own-words sentences' text raised notebook 01's peak by 0.9 GB); None: every row.

    Returns
    -------
    pd.DataFrame
        bloc, word, n (occurrences with a valence), total (summed valence), per_1000_sentences,
        and the bloc's sentences read and in all (`sentences_read`, `sentences`), sorted by bloc
        and |total|.
    """
    scorer = analyzer(frozenset(neutral_terms))
    blocs_of = sentences["bloc"] if within is None else sentences["bloc"].where(within.to_numpy(bool))
    n_all = blocs_of.value_counts()
    read = sentences.iloc[_sampled_rows(sentences, max_sentences, seed, blocs_of)][["bloc", "text"]]
    blocs, words, valences = [], [], []
    for bloc, text in row_values(read, ("bloc", "text")):
        for word, valence in word_valences(text, scorer):
            if valence:
                blocs.append(bloc)
                words.append(word.lower())
                valences.append(valence)
    table = pd.DataFrame({"bloc": blocs, "word": words, "valence": valences}, columns=["bloc", "word", "valence"])
    n_sent = read.groupby("bloc").size()
    out = table.groupby(["bloc", "word"], sort=True)["valence"].agg(n="size", total="sum").reset_index()
    out["per_1000_sentences"] = 1000 * out["total"] / out["bloc"].map(n_sent)
    out["sentences_read"] = out["bloc"].map(n_sent).astype("int64")
    out["sentences"] = out["bloc"].map(n_all).astype("int64")
    out["abs_total"] = out["total"].abs()
    out = out.sort_values(["bloc", "abs_total", "word"], ascending=[True, False, True], kind="mergesort")
    return out.drop(columns="abs_total").reset_index(drop=True)


def _sampled_rows(sentences: pd.DataFrame, most: int, seed: int, blocs: pd.Series | None = None) -> np.ndarray:
    """Positions of the rows `word_contributions` reads, bloc by bloc (sorted): all of a bloc's rows, or
    `most` of them drawn as `DataFrame.sample(most, random_state=seed)` draws them, in index order.
    Drawn as positions, so that only the rows read are copied (a copy of every sentence's text, before
    the draw, raised notebook 01's peak by about 0.5 GB on 100,000 articles). `blocs`: each row's bloc,
    missing for rows not to read (default: the bloc column)."""
    if not len(sentences):
        return np.empty(0, dtype=np.int64)
    blocs = sentences["bloc"] if blocs is None else blocs
    parts = []
    for _, positions in sorted(blocs.groupby(blocs, sort=True).indices.items()):
        if len(positions) > most:
            positions = pd.Series(positions).sample(most, random_state=seed).to_numpy()
            positions = positions[np.argsort(sentences.index[positions], kind="stable")]
        parts.append(positions)
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def contributions_note(contributions: pd.DataFrame, layer: str = "the sentences counted") -> str:
    """Which blocs' word contributions come from a sample of their sentences, for a notebook.

    Parameters
    ----------
    contributions : a `word_contributions` table.
    layer : the sentences the table was counted over, e.g. "the outlet's own words".

    Returns
    -------
    str
    """
    per_bloc = contributions.drop_duplicates("bloc").set_index("bloc")
    sampled = per_bloc[per_bloc["sentences_read"] < per_bloc["sentences"]]
    if sampled.empty:
        return f"Every sentence of each bloc in {layer} is read."
    return "Read from a random sample of sentences: " + "; ".join(
        f"{bloc} {row.sentences_read:,} of {row.sentences:,}" for bloc, row in sampled.iterrows()) + "."


def speech_verb_note(contributions: pd.DataFrame, top: int = 4) -> str:
    """Which speech verbs (`segment.speech_verbs`: "stressed", "warned", "praised") carry lexicon valence
    in each bloc's word contributions, and their share of the bloc's summed valence (Markdown): a
    reporting convention ("Peskov stressed") that VADER reads as tone, which the topic-neutral variant
    does not remove.

    Parameters
    ----------
    contributions : a `word_contributions` table.
    top : the most verbs named per bloc (largest absolute contribution first).

    Returns
    -------
    str
        "" when no speech verb carries valence.
    """
    from analysis import segment

    verbs = {v for v in segment.speech_verbs() if " " not in v}
    found = contributions[contributions["word"].isin(verbs)]
    if found.empty:
        return ""
    parts = []
    for bloc, part in found.groupby("bloc", sort=True):
        whole = contributions.loc[contributions["bloc"] == bloc, "total"].abs().sum()
        part = part.assign(_abs=part["total"].abs()).sort_values(["_abs", "word"], ascending=[False, True])
        named = ", ".join(f'"{w}" {v:+.1f}' for w, v in zip(part["word"].head(top), part["per_1000_sentences"].head(top)))
        share = part["_abs"].sum() / whole if whole else 0.0
        parts.append(f"{bloc}: {named} ({share:.1%} of the bloc's summed absolute valence)")
    return ("**Speech verbs in the lexicon** (valence per 1,000 sentences): " + "; ".join(parts) + ". They are how "
            "the outlet reports speech (\"Peskov stressed\"), a house convention VADER reads as tone; the topic-neutral "
            "variant keeps them.")


def disagreements(frame: pd.DataFrame, tolerance: float = 0.05) -> pd.DataFrame:
    """Sentences (of a frame with text and scores) where NLTK's port and the reference differ.

    Two causes dominate: the port does not strip quotation marks and ellipses from the word
    next to them ('justice".' and 'conflict...' are not found in the lexicon), and it misses
    negations the reference applies ("no progress" is negative in the reference, positive in
    the port). NLTK's port is computed here when the frame lacks it (see `with_cross_checks`).

    Parameters
    ----------
    frame : one row per sentence, with article_id, sentence_id, text and compound.
    tolerance : the largest difference of compound scores not reported.

    Returns
    -------
    pd.DataFrame
        article_id, sentence_id, text, compound, compound_nltk and likely_rule (punctuation,
        negation or other).
    """
    frame = with_cross_checks(frame)
    merged = frame[(frame["compound"] - frame["compound_nltk"]).abs() > tolerance].copy()
    lexicon = analyzer().lexicon
    negation = re.compile(r"\b(?:no|nor|never|without|nothing|nobody|none|neither|cannot|not)\b|n[’']t\b", re.I)

    def rule(text: str) -> str:
        glued = re.findall(r"[\"“'‘]?([A-Za-z]+)(?:[\"”'’]+[.,!?]*|\.{2,}|…)", text)
        if any(w.lower() in lexicon for w in glued):
            return "punctuation glued to a lexicon word"
        return "negation" if negation.search(text) else "other"

    merged["likely_rule"] = merged["text"].map(rule)
    return merged[["article_id", "sentence_id", "text", "compound", "compound_nltk", "likely_rule"]].reset_index(drop=True)
