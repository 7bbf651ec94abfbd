"""Sentence tone with VADER, and the checks a reviewer asks for before trusting it.

Scores come from the reference implementation (`vaderSentiment`), sentence by sentence;
article and bloc tone are means of sentence scores (a whole article's compound saturates
near +-1). NLTK's port is kept as a cross-check, TextBlob's pattern lexicon (shipped in its
wheel) as an independent second method (both computed on demand, where a notebook compares
methods: `build` writes VADER and the topic-neutral variant), and a topic-neutral variant zeroes the words that
name the topic itself ("peace", "war", "talks"...), whose lexicon scores would otherwise
decide the tone of every article about peace talks. All randomness takes an explicit seed.
"""

from __future__ import annotations

import io
import os
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
from vaderSentiment import vaderSentiment as _vs

from analysis import paths, segment, stats
from analysis.stats import (  # the bloc statistics, re-exported here
    MIN_ARTICLES_FOR_INTERVAL,
    aggregate,
    bloc_difference,
    bloc_summary,
    bootstrap_mean_ci,
    leave_one_outlet_out,
)
from analysis.stats.blocs import _article_means
from analysis.terms import TermMatcher, read_table

__all__ = [
    "actor_mentions", "actor_tone", "agreement_between_methods", "aggregate", "analyzer",
    "bloc_difference", "bloc_summary", "difference_text", "leave_one_outlet_out_text", "spread_text", "tone_answer", "topic_share_text", "bootstrap_mean_ci", "disagreements", "extreme_sentences",
    "label", "leave_one_outlet_out", "load_actors", "load_gold", "load_neutral_terms",
    "nltk_analyzer", "quote_vs_narration", "score_sentences", "score_texts", "textblob_polarity",
    "check_scorers", "score_columns", "with_cross_checks", "SCORERS", "DEFAULT_SCORERS", "own_words",
    "tone_layer_change", "tone_layer_change_text", "contributions_note", "validate", "validation_metrics", "word_contributions", "word_valences", "sentence_frame", "paragraph_tone",
]

SCORE_COLUMNS = ("neg", "neu", "pos", "compound", "compound_neutral", "compound_nltk", "polarity_textblob")
#: Sentence scorers and the columns each writes: VADER always; the rest on demand.
SCORER_COLUMNS = {"vader": ("neg", "neu", "pos", "compound"), "neutral": ("compound_neutral",),
                  "nltk": ("compound_nltk",), "textblob": ("polarity_textblob",)}
SCORERS = tuple(SCORER_COLUMNS)
#: What `build` runs by default: the cross-checks run where a notebook compares methods.
DEFAULT_SCORERS = ("vader", "neutral")
#: Sentences above which the cross-checks in a notebook are computed on a sample.
CROSS_CHECK_LIMIT = 5000
#: VADER's own thresholds for calling a compound score positive or negative.
THRESHOLD = 0.05


def _resource(name: str) -> str:
    return paths.resource_text(name)


# --------------------------------------------------------------------------- scorers


def load_neutral_terms(path: str | Path | None = None) -> frozenset[str]:
    """The topic and naming terms the topic-neutral variant scores as zero."""
    text = Path(path).read_text(encoding="utf-8") if path else _resource("neutral_terms.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=4)
def analyzer(neutral_terms: frozenset[str] = frozenset()):  # noqa: ANN201 - vaderSentiment has no types
    """The VADER reference analyser; with `neutral_terms`, those lexicon words score 0."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    scorer = SentimentIntensityAnalyzer()
    if neutral_terms:
        scorer.lexicon = {w: (0.0 if w in neutral_terms else v) for w, v in scorer.lexicon.items()}
    return scorer


@lru_cache(maxsize=1)
def nltk_analyzer():  # noqa: ANN201
    """NLTK's port of VADER on the lexicon file shipped in the vaderSentiment wheel (no download).

    NLTK 3.10 refuses absolute lexicon paths, so the wheel's folder goes on `nltk.data.path`
    for the moment of loading, then the path is restored.
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
    """TextBlob's pattern-lexicon polarity in [-1, 1] (an independent second lexicon)."""
    from textblob import TextBlob

    return float(TextBlob(text).sentiment.polarity)


def score_texts(texts: Iterable[str], neutral_terms: Iterable[str] | None = None,
                scorers: Sequence[str] = DEFAULT_SCORERS) -> list[dict[str, float]]:
    """The scores of each text by the chosen `scorers` (see `SCORERS`), as plain dicts: the
    per-article path of `build`, with no DataFrame overhead.

    VADER (`neg, neu, pos, compound`) always runs; `neutral` adds the topic-neutral compound,
    `nltk` NLTK's port, `textblob` TextBlob's polarity. The VADER scores are exactly those of
    `analyzer().polarity_scores` and `analyzer(neutral)`, computed by the faster path below
    (tests/test_speed_equivalence.py compares the two); the cross-checks call their libraries.
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


def check_scorers(scorers: Iterable[str]) -> tuple[str, ...]:
    """The scorers in their fixed order, VADER first; an unknown name is an error that lists the known ones."""
    wanted = {str(s).strip().lower() for s in scorers if str(s).strip()}
    unknown = sorted(wanted - set(SCORERS))
    if unknown:
        raise ValueError(f"unknown sentence scorer(s) {', '.join(unknown)}: choose from {', '.join(SCORERS)}")
    return tuple(s for s in SCORERS if s in wanted or s == "vader")


def score_columns(scorers: Sequence[str] = DEFAULT_SCORERS) -> tuple[str, ...]:
    """The score columns the chosen scorers write, in table order."""
    return tuple(c for s in check_scorers(scorers) for c in SCORER_COLUMNS[s])


def with_cross_checks(frame: pd.DataFrame, *, limit: int | None = CROSS_CHECK_LIMIT, seed: int = 0,
                      keep: pd.Series | None = None) -> pd.DataFrame:
    """`frame` (sentences with `text`) with every score column of `SCORE_COLUMNS` present.

    `build` writes VADER and its topic-neutral variant only; NLTK's port and TextBlob are
    computed here, where a notebook compares methods. All sentences are scored while there are
    at most `limit` of them (None: no limit); above that, a fixed random sample of `limit`
    sentences (chosen with `seed`) plus the rows where `keep` is true (e.g. the hand-coded
    sentences), so the cost stays bounded on a large corpus. Returns the rows scored.
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


# --------------------------------------------------------------------------- faster exact VADER
#
# VADER's own code spends most of its time on work that cannot change a score: it rebuilds the
# lower-cased word list three times for every lexicon word and copies the text character by
# character to replace emoji. The functions below follow its rules step by step, in the same
# order of floating-point operations, without that work; a text with emoji goes through the
# library itself. They are used only with the version they were checked against (below); with
# any other version the scores come from the library's own `polarity_scores`. (NLTK's port and
# TextBlob had such copies too while every sentence was scored by them; now that they run only
# on demand, the libraries' own scorers are used.)

_CHECKED = {"vaderSentiment": "3.3.2"}


@lru_cache(maxsize=None)
def _checked(package: str) -> bool:
    try:
        return metadata.version(package) == _CHECKED[package]
    except metadata.PackageNotFoundError:
        return False


def _vader_words(text: str, scorer) -> tuple[list[str], list[str], str] | None:  # noqa: ANN001
    """VADER's words of `text` (SentiText.words_and_emoticons), lower-cased copies and the
    stripped text; None when the text holds an emoji character or the version is unchecked."""
    if not _checked("vaderSentiment") or not _vader_emoji_chars(scorer).isdisjoint(text):
        return None
    punctuation = string.punctuation
    words = []
    for word in text.split():  # the same words as SentiText(text.strip()) splits
        stripped = word.strip(punctuation)
        words.append(word if len(stripped) <= 2 else stripped)
    return words, [w.lower() for w in words], text.strip()


@lru_cache(maxsize=8)
def _vader_emoji_chars(scorer) -> frozenset[str]:  # noqa: ANN001
    """The emoji polarity_scores can replace: it looks at one character at a time."""
    return frozenset(e for e in scorer.emojis if len(e) == 1)


def _vader_scores(scorer, text: str, words: tuple | None) -> dict[str, float]:  # noqa: ANN001
    """`scorer.polarity_scores(text)` for the words found by `_vader_words`."""
    if words is None:
        return scorer.polarity_scores(text)
    items, lower, stripped = words
    lexicon, boosters = scorer.lexicon, _vs.BOOSTER_DICT
    last = len(items) - 1
    sentiments: list[float] = []
    is_cap_diff = None
    for i, word in enumerate(lower):
        if word in boosters or word not in lexicon or (i < last and word == "kind" and lower[i + 1] == "of"):
            sentiments.append(0)
            continue
        if is_cap_diff is None:
            is_cap_diff = _vs.allcap_differential(items)
        sentiments.append(_vader_valence(lexicon, items, lower, i, is_cap_diff))
    if "but" in lower:
        sentiments = scorer._but_check(items, sentiments)
    return scorer.score_valence(sentiments, stripped)


_VADER_NEGATE = frozenset(_vs.NEGATE)


def _vader_valence(lexicon: dict[str, float], items: list[str], lower: list[str], i: int, is_cap_diff: bool) -> float:
    """SentimentIntensityAnalyzer.sentiment_valence of the lexicon word at `i`, with its
    negation, idiom and "least" checks, on a lower-cased word list made once."""
    item, word = items[i], lower[i]
    valence = lexicon[word]
    if word == "no" and i != len(items) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") \
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")):
        valence = lexicon[word] * _vs.N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += _vs.C_INCR
        else:
            valence -= _vs.C_INCR
    for start_i in range(0, min(i, 3)):  # the original tests i > start_i
        before = lower[i - (start_i + 1)]
        if before not in lexicon:
            s = _vs.scalar_inc_dec(items[i - (start_i + 1)], valence, is_cap_diff) if before in _vs.BOOSTER_DICT else 0.0
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _vader_negation_check(valence, lower, start_i, i)
            if start_i == 2:
                valence = _vader_idioms_check(valence, lower, i)
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * _vs.N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * _vs.N_SCALAR
    return valence


def _vader_negated(word: str) -> bool:
    """vaderSentiment's `negated([word])` for a lower-case word."""
    return word in _VADER_NEGATE or "n't" in word


def _vader_negation_check(valence: float, lower: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _vader_negated(lower[i - 1]):
            valence = valence * _vs.N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _vader_negated(lower[i - 2]):
            valence = valence * _vs.N_SCALAR
    if start_i == 2:
        if lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this") or \
                (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _vader_negated(lower[i - 3]):
            valence = valence * _vs.N_SCALAR
    return valence


def _vader_idioms_check(valence: float, lower: list[str], i: int) -> float:
    special = _vs.SPECIAL_CASES
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _vs.BOOSTER_DICT:
            valence = valence + _vs.BOOSTER_DICT[n_gram]
    return valence


def score_sentences(sentences: pd.DataFrame, neutral_terms: Iterable[str] | None = None,
                    scorers: Sequence[str] = SCORERS) -> pd.DataFrame:
    """One row per sentence, keyed by `article_id, sentence_id`: the columns of the chosen
    `scorers` (default: all four, VADER neg/neu/pos/compound, the topic-neutral compound, NLTK's
    port and TextBlob)."""
    columns = list(score_columns(scorers))
    table = pd.DataFrame(score_texts(sentences["text"], neutral_terms, scorers), columns=columns)
    table.insert(0, "sentence_id", sentences["sentence_id"].to_numpy())
    table.insert(0, "article_id", sentences["article_id"].to_numpy())
    return table.astype({"article_id": "string", "sentence_id": "int64"}).astype({c: "float64" for c in columns})


def label(scores: pd.Series | np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """negative / neutral / positive by VADER's convention (|score| < threshold is neutral)."""
    values = np.asarray(scores, dtype=float)
    return np.where(values >= threshold, "positive", np.where(values <= -threshold, "negative", "neutral"))


# --------------------------------------------------------------------------- why a score


def word_valences(text: str, scorer=None) -> list[tuple[str, float]]:  # noqa: ANN001
    """Each word's valence after VADER's rules (boosters, negation, "but"), as the reference
    implementation computes it; `scorer.score_valence` of these valences is the sentence score."""
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
                       max_sentences: int = 20_000, seed: int = 0) -> pd.DataFrame:
    """Summed valence of each lexicon word per bloc: which words drive each bloc's score.

    `sentences` needs `text` and `bloc`; returns bloc, word, n (occurrences with a valence),
    total (summed valence), per_1000_sentences, and the bloc's sentences read and in all
    (`sentences_read`, `sentences`), sorted by bloc and |total|. A bloc with more than
    `max_sentences` sentences is read from a random sample of that many (seeded with `seed`):
    scoring word by word costs about 0.2 ms a sentence, and per_1000_sentences is then the
    sample's rate (n and total count the sample only).
    """
    scorer = analyzer(frozenset(neutral_terms))
    n_all = sentences.groupby("bloc").size()
    read = pd.concat([group if len(group) <= max_sentences else group.sample(max_sentences, random_state=seed).sort_index()
                      for _, group in sentences[["bloc", "text"]].groupby("bloc", sort=True)]) if len(sentences) else sentences
    rows = []
    for bloc, text in read[["bloc", "text"]].itertuples(index=False):
        rows.extend({"bloc": bloc, "word": w.lower(), "valence": v} for w, v in word_valences(text, scorer) if v)
    table = pd.DataFrame(rows, columns=["bloc", "word", "valence"])
    n_sent = read.groupby("bloc").size()
    out = table.groupby(["bloc", "word"], sort=True)["valence"].agg(n="size", total="sum").reset_index()
    out["per_1000_sentences"] = 1000 * out["total"] / out["bloc"].map(n_sent)
    out["sentences_read"] = out["bloc"].map(n_sent).astype("int64")
    out["sentences"] = out["bloc"].map(n_all).astype("int64")
    out["abs_total"] = out["total"].abs()
    out = out.sort_values(["bloc", "abs_total", "word"], ascending=[True, False, True], kind="mergesort")
    return out.drop(columns="abs_total").reset_index(drop=True)


def contributions_note(contributions: pd.DataFrame) -> str:
    """Which blocs' word contributions come from a sample of their sentences, for a notebook."""
    per_bloc = contributions.drop_duplicates("bloc").set_index("bloc")
    sampled = per_bloc[per_bloc["sentences_read"] < per_bloc["sentences"]]
    if sampled.empty:
        return "Every sentence of each bloc is read."
    return "Read from a random sample of sentences: " + "; ".join(
        f"{bloc} {row.sentences_read:,} of {row.sentences:,}" for bloc, row in sampled.iterrows()) + "."


def disagreements(frame: pd.DataFrame, tolerance: float = 0.05) -> pd.DataFrame:
    """Sentences (of a frame with text and scores) where NLTK's port and the reference differ.

    Two causes dominate: the port does not strip quotation marks and ellipses from the word
    next to them ('justice".' and 'conflict...' are not found in the lexicon), and it misses
    negations the reference applies ("no progress" is negative in the reference, positive in
    the port). NLTK's port is computed here when the frame lacks it (see `with_cross_checks`).
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


# --------------------------------------------------------------------------- tone per bloc (statistics: analysis.stats)


def difference_text(difference: Mapping, column_label: str = "tone") -> str:
    """A sentence stating a `bloc_difference` result as the design allows: the gap, the permutation
    p-value with how many relabellings (and the smallest p they allow), and the interval only when
    both blocs have enough articles (else why not)."""
    a, b, d = difference["a"], difference["b"], difference["difference"]
    n_a, n_b = difference["n_articles_a"], difference["n_articles_b"]
    direction = "higher" if d > 0 else "lower" if d < 0 else "the same as"
    text = (f"Mean {column_label} of **{a}** articles ({n_a}) is {abs(d):.3f} {direction}"
            f"{' than' if d != 0 else ''} that of **{b}** articles ({n_b}).")
    text += (f" Article-level permutation p = {difference['p_value']:.3g} "
             f"({stats.how_tested(difference, 'relabellings of the articles')}).")
    if np.isnan(difference["ci_low"]):
        text += (f" No interval is shown: it needs at least {MIN_ARTICLES_FOR_INTERVAL} articles in each bloc "
                 f"(here {n_a} and {n_b}).")
    else:
        text += f" 95% two-level bootstrap interval: [{difference['ci_low']:.3f}, {difference['ci_high']:.3f}]."
    return text


def leave_one_outlet_out_text(table: pd.DataFrame) -> str:
    """How many outlets' removal flips the sign of the difference, named (sorted by outlet), and
    which outlets are a whole bloc (their removal leaves nothing to compare)."""
    rest = table[table["left_out"] != "(none)"]
    empties = rest.loc[rest["difference"].isna(), "left_out"].tolist()
    flips = rest.loc[rest["difference"].notna() & ~rest["same_sign"], "left_out"].tolist()
    if not flips:
        text = f"Leaving out any one of the {len(rest) - len(empties)} outlets keeps the sign of the difference."
    else:
        text = (f"Leaving out {len(flips)} of the {len(rest)} outlets flips the sign of the difference: "
                f"{', '.join(flips)}. The sign of the bloc difference rests on {'it' if len(flips) == 1 else 'them'}.")
    if empties:
        text += f" {', '.join(empties)} {'is' if len(empties) == 1 else 'are'} a whole bloc here: without it there is nothing to compare."
    return text


def quote_vs_narration(frame: pd.DataFrame, column: str = "compound", *, n_boot: int = 2000, seed: int = 0,
                       min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """Tone of quoted speech and of the journalist's own words, per bloc: `bloc_summary` (mean of
    article means, articles as the unit) of each voice's sentences (the sentences' `voice`:
    narration, reported, quote, question; `in_quote` alone where the table predates voices)."""
    voiced = frame if "voice" in frame else frame.assign(voice=np.where(frame["in_quote"], "quote", "narration"))
    parts = [bloc_summary(part, column, n_boot=n_boot, seed=seed + n, min_articles=min_articles).assign(voice=voice)
             for n, (voice, part) in enumerate(voiced.groupby("voice", sort=True))]
    columns = ["bloc", "voice", "n_articles", "n_sentences", "mean", "ci_low", "ci_high"]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)[columns]
    return table.sort_values(["bloc", "voice"], kind="mergesort").reset_index(drop=True)


#: Sentence voices written in the outlet's own words: the layers `segment.OWN_LAYERS` names.
OWN_VOICES = segment.OWN_LAYERS


def own_words(frame: pd.DataFrame) -> pd.DataFrame:
    """The sentences in the outlet's own words: narration and its paraphrase of what others said
    (voices `narration`, `reported`); quoted speech and interviewers' questions are left out."""
    if "voice" in frame:
        return frame[frame["voice"].isin(OWN_VOICES)]
    return frame[~frame["in_quote"].astype(bool)]


def tone_layer_change(frame: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """What keeping quoted words apart changed in tone, per bloc: the mean of article means over
    every sentence (`all_sentences`, as tone was measured before quotes were set apart) and over
    the outlet's own words (`own_words`, what notebook 01 compares), the change, and the articles
    behind each (an article whose sentences are all quoted has no own-words mean)."""
    rows = []
    own = own_words(frame)
    for bloc in sorted(frame["bloc"].unique()):
        every = _article_means(frame[frame["bloc"] == bloc], column)[column]
        mine = _article_means(own[own["bloc"] == bloc], column)[column]
        rows.append({"bloc": bloc, "articles": len(every), "all_sentences": float(every.mean()),
                     "own_words_articles": len(mine),
                     "own_words": float(mine.mean()) if len(mine) else float("nan")})
    table = pd.DataFrame(rows, columns=["bloc", "articles", "all_sentences", "own_words_articles", "own_words"])
    table["change"] = table["own_words"] - table["all_sentences"]
    return table


def tone_layer_change_text(change: pd.DataFrame, a: str, b: str) -> str:
    """`tone_layer_change` as a sentence for the compared pair: each bloc's tone over all
    sentences and over its own words, and the gap a - b both ways."""
    rows = change.set_index("bloc")
    if a not in rows.index or b not in rows.index:
        return "The compared blocs are not both in the corpus."
    parts = [f"{bloc} {rows.at[bloc, 'all_sentences']:+.3f} → {rows.at[bloc, 'own_words']:+.3f}" for bloc in (a, b)]
    before = rows.at[a, "all_sentences"] - rows.at[b, "all_sentences"]
    after = rows.at[a, "own_words"] - rows.at[b, "own_words"]
    return ("Mean of article means, all sentences → the outlet's own words: " + "; ".join(parts)
            + f". The gap {a} − {b} is {before:+.3f} over all sentences and {after:+.3f} over own words.")


def topic_share_text(difference: Mapping, neutral_difference: Mapping) -> str:
    """How the gap changes when the topic's own terms score 0: the share they explain when the gap
    shrinks without changing sign, otherwise what happens instead (a share would mislead)."""
    raw, neutral = difference["difference"], neutral_difference["difference"]
    text = f"With the topic's own terms scored 0 the gap is {neutral:+.3f} (full lexicon {raw:+.3f})"
    if raw == 0 or np.isnan(raw) or np.isnan(neutral):
        return text + "."
    if np.sign(neutral) not in (0, np.sign(raw)):
        return text + ": it changes sign, so the topic's vocabulary, not the bloc, sets its direction."
    if abs(neutral) > abs(raw):
        return text + ": it grows, so the topic's vocabulary does not explain it."
    return text + f", so {1 - neutral / raw:.0%} of it is the topic's vocabulary."


def tone_answer(summary: pd.DataFrame, difference: Mapping, neutral_difference: Mapping | None = None) -> str:
    """The notebook's one-line answer computed from `bloc_summary`, `bloc_difference` (and the
    topic-neutral difference): which bloc reads more positive, by how much, what the test allows."""
    text = difference_text(difference)
    if neutral_difference is not None:
        text += " " + topic_share_text(difference, neutral_difference)
    n = int(summary["n_articles"].sum())
    used = int(difference["n_articles_a"] + difference["n_articles_b"])
    text += (f" The comparison uses {used} of the corpus's {n} articles ({len(summary)} blocs); it describes "
             f"these texts, not whole media systems.")
    return text


def spread_text(frame: pd.DataFrame, difference: Mapping, column: str = "compound") -> str:
    """Share of sentences VADER calls neutral, and the median within-outlet standard deviation
    of sentence scores beside the bloc difference: how large the gap is against the spread."""
    neutral = float((frame[column].abs() <= THRESHOLD).mean())
    spread = frame.groupby("outlet")[column].std().median()
    gap = abs(difference["difference"])
    relation = "wider than" if spread > gap else "narrower than"
    return (f"{neutral:.0%} of sentences score within ±{THRESHOLD} (neutral to VADER). The median "
            f"standard deviation of sentence scores within an outlet is {spread:.3f}, {relation} the "
            f"{gap:.3f} gap between {difference['a']} and {difference['b']}.")


def extreme_sentences(frame: pd.DataFrame, n: int = 3, column: str = "compound") -> pd.DataFrame:
    """The n most negative and n most positive sentences of each bloc, with article and outlet."""
    rows = []
    for _, group in frame.groupby("bloc", sort=True):
        ordered = group.sort_values([column, "article_id", "sentence_id"], kind="mergesort")
        for end, part in (("most negative", ordered.head(n)), ("most positive", ordered.tail(n).iloc[::-1])):
            rows.append(part.assign(end=end))
    cols = ["bloc", "end", column, "outlet", "article_id", "sentence_id", "text"]
    return pd.concat(rows)[cols].reset_index(drop=True)


# --------------------------------------------------------------------------- actors


def load_actors(path: str | Path | None = None) -> pd.DataFrame:
    """The actor dictionary (group, term); see the header of resources/actors.csv."""
    return pd.DataFrame(read_table("actors.csv", path, ("group", "term")), columns=["group", "term"])


def actor_mentions(sentences: pd.DataFrame, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (sentence, actor group) it mentions: article_id, sentence_id, actor, n_mentions."""
    actors = load_actors() if actors is None else actors
    matchers = {group: TermMatcher(terms) for group, terms in actors.groupby("group", sort=True)["term"]}
    rows = []
    for article_id, sentence_id, text in sentences[["article_id", "sentence_id", "text"]].itertuples(index=False):
        for group, matcher in matchers.items():
            hits = sum(matcher.count(text).values())
            if hits:
                rows.append({"article_id": article_id, "sentence_id": sentence_id, "actor": group, "n_mentions": hits})
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "actor", "n_mentions"])


def actor_tone(frame: pd.DataFrame, mentions: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """Mean tone of sentences mentioning each actor, per bloc, with sentence counts (long form)."""
    merged = mentions.merge(frame, on=["article_id", "sentence_id"])
    table = merged.groupby(["actor", "bloc"], sort=True)[column].agg(mean="mean", n_sentences="size").reset_index()
    return table


# --------------------------------------------------------------------------- validation


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-coded validation sample (article_id, sentence_id, label, text)."""
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
    cross-check scorers are computed for the coded sentences when the frame lacks them."""
    gold = load_gold() if gold is None else gold
    coded = frame.set_index(["article_id", "sentence_id"]).index.isin(gold.set_index(["article_id", "sentence_id"]).index)
    frame = with_cross_checks(frame[coded], limit=None)
    scores = frame[["article_id", "sentence_id", "text", *SCORE_COLUMNS]].rename(columns={"text": "text_scored"})
    return validation_metrics(scores, gold)


def validation_metrics(scores: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each method against the hand codes: n, accuracy, macro-F1 and Spearman's rho.

    If `scores` carries the sentence text as `text_scored`, codes whose text no longer matches
    (segmentation changed since coding) are left out rather than compared with another sentence.
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
    `with_cross_checks`)."""
    scores = with_cross_checks(scores, limit=limit, seed=seed)
    columns = list(METHODS.values())
    table = scores[columns].corr(method="spearman")
    names = {v: k for k, v in METHODS.items()}
    return table.rename(index=names, columns=names)


def sentence_frame(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Sentences with their scores, paragraph kind and article metadata: the frame every
    function above takes (one row per sentence)."""
    frame = tables["sentences"].merge(tables["sentiment"], on=["article_id", "sentence_id"], validate="one_to_one")
    frame = frame.merge(tables["paragraphs"][["article_id", "paragraph_id", "kind"]], on=["article_id", "paragraph_id"])
    meta = tables["articles"][["article_id", "outlet", "bloc", "published"]]
    frame = frame.merge(meta, on="article_id", validate="many_to_one")
    return frame.sort_values(["article_id", "sentence_id"]).reset_index(drop=True)


def paragraph_tone(frame: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """Mean tone per paragraph, with its position in the article (0 = first, 1 = last paragraph)."""
    table = frame.groupby(["bloc", "outlet", "article_id", "paragraph_id"], sort=True)[column].agg(
        mean="mean", n_sentences="size").reset_index()
    order = table.groupby("article_id")["paragraph_id"].rank(method="first") - 1
    size = table.groupby("article_id")["paragraph_id"].transform("size")
    table["position"] = (order / (size - 1).where(size > 1, 1)).round(4)
    return table
