"""The terms keyness counts, defined once for the build (`pipeline.article`) and for tables read
back (`matrix.article_matrix`): the outlet's own words only (quoted words, interviewers'
questions, scare quotes and speaker labels blanked, as `segment.own_text` does), spelling
variants merged (`resources/spelling_variants.csv`), then unigrams and bigrams (`ngrams`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from analysis import segment
from analysis.ngrams import grams_of_tokens, stop_words
from analysis.terms import read_table

__all__ = ["merge_variants", "own_terms", "spelling_variants"]


def spelling_variants(path: str | Path | None = None) -> dict[str, str]:
    """The spelling variants keyness merges: {variant: canonical}, lower case.

    Parameters
    ----------
    path
        A CSV of the user's in the format of `resources/spelling_variants.csv` (``variant,canonical``
        and an optional note, ``#`` comment lines), or None for the packaged list.

    Returns
    -------
    dict of str to str

    Raises
    ------
    ValueError
        When a variant is listed twice with different canonical forms, is a stop word, or a
        canonical form is itself listed as a variant.
    """
    return dict(_variants(None if path is None else str(path)))


@lru_cache(maxsize=4)
def _variants(path: str | None) -> tuple[tuple[str, str], ...]:
    label = path or "spelling_variants.csv"
    merged: dict[str, str] = {}
    for row in read_table("spelling_variants.csv", path, ("variant", "canonical")):
        variant, canonical = row["variant"].lower(), row["canonical"].lower()
        if merged.get(variant, canonical) != canonical:
            raise ValueError(f"{label}: {variant!r} is listed as a variant of both {merged[variant]!r} and {canonical!r}")
        if variant in stop_words():
            raise ValueError(f"{label}: {variant!r} is a stop word, which keyness drops before variants would matter")
        merged[variant] = canonical
    chained = sorted(set(merged.values()) & set(merged))
    if chained:
        raise ValueError(f"{label}: {', '.join(map(repr, chained))} listed both as canonical form and as variant")
    return tuple(sorted(merged.items()))


def merge_variants(tokens: Iterable[str], variants: Mapping[str, str] | None = None) -> list[str]:
    """`tokens` (`segment.tokenize`) with each spelling variant replaced by its canonical form; a
    possessive follows its word ("zelenskyy's" -> "zelensky's").

    Parameters
    ----------
    tokens
        Lower-case word tokens.
    variants
        {variant: canonical} (default: `spelling_variants()`).

    Returns
    -------
    list of str
    """
    variants = spelling_variants() if variants is None else variants
    out = []
    for token in tokens:
        if token in variants:
            token = variants[token]
        elif token.endswith("'s") and token[:-2] in variants:
            token = variants[token[:-2]] + "'s"
        out.append(token)
    return out


def own_terms(texts: Sequence[str], spans: Mapping[object, Sequence[tuple[int, int, str]]],
              keys: Sequence[object] | None = None, tokens: Sequence[Sequence[str]] | None = None,
              variants: Mapping[str, str] | None = None) -> Counter[str]:
    """Keyness term counts of one article: unigrams and bigrams of its paragraphs' own words.

    Stretches not in the outlet's own words (`segment.OWN_LAYERS`) are blanked with
    `segment.own_text`, spelling variants merged (`merge_variants`), then stop words and numbers
    removed and n-grams formed over the whole article (`ngrams.grams_of_tokens`).

    Parameters
    ----------
    texts
        The article's paragraphs, in order.
    spans
        {paragraph key: its stretches} (`segment.layer_spans` of the article's quotes).
    keys
        Each paragraph's key in `spans` (default: its position, as `segment_paragraphs` numbers them).
    tokens
        Each paragraph's `segment.tokenize` tokens when already computed (used for paragraphs
        without stretches), or None.
    variants
        As in `merge_variants`.

    Returns
    -------
    collections.Counter
        Term -> occurrences in the article.
    """
    keys = range(len(texts)) if keys is None else keys
    words: list[str] = []
    for n, (key, text) in enumerate(zip(keys, texts)):
        if key in spans:
            words += segment.tokenize(segment.own_text(text, spans[key]))
        else:
            words += tokens[n] if tokens is not None else segment.tokenize(text)
    return Counter(grams_of_tokens(merge_variants(words, variants)))
