"""VADER's scores computed exactly, faster: the reference implementation's rules step by step.

VADER's own code spends most of its time on work that cannot change a score: it rebuilds the
lower-cased word list three times for every lexicon word and copies the text character by
character to replace emoji. The functions below follow its rules step by step, in the same
order of floating-point operations, without that work; a text with emoji goes through the
library itself. They are used only with the version they were checked against (`_CHECKED`); with
any other version the scores come from the library's own `polarity_scores`. (NLTK's port and
TextBlob had such copies too while every sentence was scored by them; now that they run only
on demand, the libraries' own scorers are used.)
"""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import metadata

from vaderSentiment import vaderSentiment as _vs

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
    if start_i == 0:  # noqa: SIM102 - the same branches as vaderSentiment's negation_check
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
