"""Whether an article reads as English: the sentence splitter, the VADER lexicon, the naming markers,
the frames and the speech patterns of this suite are all English, and on text in another language
they find nothing, which reads as neutral tone and absent markers rather than as "not measured".

The test is deliberately simple and cheap (the build runs it on every article): the share of word
tokens that are among the commonest English function words. Running English prose has about a third
of its words in that list (the seeds: 0.31 to 0.35; no English fixture text, forum reposts and
RSS items included, below 0.23); Russian, Ukrainian or Polish text has none of
them, and German, French or Spanish text up to about 8% (words such as "in" or "a").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

#: Common English function words (a token is counted when it is one of these, in any case).
FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was were by it at from be has have had are this an not but "
    "its their his her they he she we which who said will would".split())
#: Below this share of function words an article is reported as not reading as English.
MIN_ENGLISH_SHARE = 0.12
#: Fewest word tokens for that test: a headline or a one-sentence article can lack every function word.
MIN_ENGLISH_TOKENS = 25
_WORD = re.compile(r"[^\W\d_]+")


def not_english_mask(articles: pd.DataFrame) -> pd.Series:
    """Which articles of the `articles` table do not read as English: `english_share` below
    `MIN_ENGLISH_SHARE` over at least `MIN_ENGLISH_TOKENS` kept word tokens.

    Parameters
    ----------
    articles : the `articles` table (n_tokens, english_share).

    Returns
    -------
    pandas.Series of bool
    """
    return (articles["n_tokens"] >= MIN_ENGLISH_TOKENS) & (articles["english_share"] < MIN_ENGLISH_SHARE)


def english_share(text: str) -> float:
    """The share of word tokens of `text` that are `FUNCTION_WORDS` (0 for a text without words).

    Parameters
    ----------
    text : the text.

    Returns
    -------
    float
    """
    words = _WORD.findall(text.lower())
    return sum(map(FUNCTION_WORDS.__contains__, words)) / len(words) if words else 0.0


def not_english_note(article_ids: Iterable[str], n_articles: int) -> str:
    """The build's warning about articles whose `english_share` is below `MIN_ENGLISH_SHARE`.

    Parameters
    ----------
    article_ids : the ids of those articles.
    n_articles : the corpus's articles.

    Returns
    -------
    str
        One paragraph naming how many (and the first five), and what their scores then mean.
    """
    ids = sorted(map(str, article_ids))
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return (f"{len(ids)} of {n_articles} articles do not read as English ({shown}: fewer than "
            f"{MIN_ENGLISH_SHARE:.0%} of their words are common English words such as 'the', 'of' or 'and'). The "
            "sentence splitter, the VADER lexicon, the naming markers, the frames and the speech patterns are "
            "English: in those articles a tone (0, or a score from words that look English, as German 'Die') and "
            "missing markers are not measurements, not 'neutral' or 'absent'. "
            "Translate them, or leave them out of the corpus")


def not_english_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles whose kept text does not read as English (`not_english_mask`), least English first.

    Parameters
    ----------
    articles : the `articles` table (article_id, outlet, bloc, n_tokens, english_share).

    Returns
    -------
    pandas.DataFrame
        article_id, outlet, bloc and english_share, sorted by share then id.
    """
    rows = articles[not_english_mask(articles)]
    rows = rows[["article_id", "outlet", "bloc", "english_share"]].sort_values(["english_share", "article_id"])
    return rows.reset_index(drop=True)


def language_text(table: pd.DataFrame, n_articles: int) -> str:
    """What `not_english_articles` found, in words: every article reads as English, or the build's
    warning (`not_english_note`).

    Parameters
    ----------
    table : `not_english_articles` output.
    n_articles : the corpus's articles.

    Returns
    -------
    str
    """
    if table.empty:
        return (f"All {n_articles} articles read as English (in each of {MIN_ENGLISH_TOKENS} words or more, at least "
                f"{MIN_ENGLISH_SHARE:.0%} of the words are common English words such as 'the', 'of' or 'and'), the "
                "language the lexicons and patterns are for.")
    return not_english_note(table["article_id"], n_articles) + "."
