"""The one n-gram analyser: the project's tokens, stop words and numbers out, then n-grams.

Keyness (`framing`) and topic models (`topics`) count the same terms, so a term means the same
thing in every table and figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analysis import paths, segment


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The English stop words of ``resources/stop_words.txt``: scikit-learn's list, packaged as a
    word list a researcher can edit and read without importing scikit-learn (which costs every
    process of a build half a second).

    Returns
    -------
    frozenset of str
    """
    text = paths.resource_text("stop_words.txt")
    return frozenset(w for w in (line.strip().lower() for line in text.splitlines()) if w and not w.startswith("#"))


def grams_of_tokens(tokens: Sequence[str], ngram_range: tuple[int, int] = (1, 2),
                    stops: frozenset[str] | None = None, min_length: int = 1) -> list[str]:
    """The n-grams of an already tokenised text (`segment.tokenize`).

    Stop words, numbers and tokens shorter than `min_length` are removed before n-grams are
    formed, so a bigram never spans a stop word's gap differently in two analyses.

    Parameters
    ----------
    tokens : the text's tokens, in order.
    ngram_range : smallest and largest n.
    stops : words to drop (default `stop_words()`).
    min_length : shortest token kept, in characters.

    Returns
    -------
    list of str
        All unigrams first, then bigrams, ... each n-gram's words joined by one space.
    """
    stops = stop_words() if stops is None else stops
    tokens = [t for t in tokens if t not in stops and not t.isdigit() and len(t) >= min_length]
    out: list[str] = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        if n == 1:
            out += tokens
        elif n == 2:  # (pairs by zip: the same strings as joined slices, in half the time)
            out += [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
        else:
            out += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return out


def grams(text: str, ngram_range: tuple[int, int] = (1, 2), stops: frozenset[str] | None = None,
          min_length: int = 1) -> list[str]:
    """`grams_of_tokens` of a raw text, tokenised with `segment.tokenize`.

    Parameters
    ----------
    text : the text.
    ngram_range, stops, min_length : as in `grams_of_tokens`.

    Returns
    -------
    list of str
    """
    return grams_of_tokens(segment.tokenize(text), ngram_range, stops, min_length)
