"""Word tokens for counting: words with inner apostrophes and hyphens, numbers, initialisms."""

from __future__ import annotations

import re

_LETTER = r"[^\W\d_]"
_TOKEN_RE = re.compile(
    rf"(?<![\w.]){_LETTER}(?:\.{_LETTER})+(?!\w)"  # initialisms: U.S., e.g. (final period left out)
    r"|\d+(?:[.,]\d+)+"  # numbers with separators: 1,000 / 3.5
    r"|[^\W_]+(?:['’ʼ\-‐][^\W_]+)*"  # words, with inner apostrophes and hyphens
)


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Word tokens as ``(original form, start, end)``; punctuation is skipped.

    Parameters
    ----------
    text : the text.

    Returns
    -------
    list of (str, int, int)
    """
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def count_tokens(text: str) -> int:
    """The number of word tokens in `text` (as `token_spans` finds them), without building them.

    Parameters
    ----------
    text : the text.

    Returns
    -------
    int
    """
    return len(_TOKEN_RE.findall(text))


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens for counting.

    Apostrophes ’ and ʼ become ' ("Russia’s" -> "russia's"); initialisms keep their inner
    periods and drop the last one ("U.S." -> "u.s"), so they never merge with words ("us").

    Parameters
    ----------
    text : the text.

    Returns
    -------
    list of str
    """
    if text.isascii():  # (lower-casing ASCII moves no token boundary: one call for the whole text)
        return _TOKEN_RE.findall(text.lower())
    tokens = [t.lower() for t in _TOKEN_RE.findall(text)]
    if "’" in text or "ʼ" in text or "‐" in text:  # (lower-casing never makes one of them)
        tokens = [t.translate(_TOKEN_TABLE) for t in tokens]
    return tokens


_TOKEN_TABLE = str.maketrans({"’": "'", "ʼ": "'", "‐": "-"})
