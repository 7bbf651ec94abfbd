"""Sentence splitting with NLTK's Punkt algorithm and hand-set parameters.

Abbreviations come from ``resources/abbreviations.txt`` instead of the downloadable ``punkt_tab``
model, so the split is the same on every machine whether or not NLTK data is installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.segment.lists import default_abbreviations

if TYPE_CHECKING:  # (NLTK is imported at the first split: see `punkt`)
    from nltk.tokenize.punkt import PunktSentenceTokenizer


# Capitalised words that almost always begin a sentence: after a known abbreviation they still
# trigger a break ("talks with the U.S. The Kremlin declined"), via Punkt's sentence-starter rule.
_SENT_STARTERS = frozenset(
    "the he she it they we but however this that these those there in on at after before while"
    " when meanwhile moreover still yet his her their our its if as since although though so"
    " then what why how who".split()
)

# Abbreviations that are also ordinary sentence-final words ("the answer was no."): they only
# count before a number ("No. 10"), through Punkt's collocation rule.
_BEFORE_NUMBER = frozenset({"no", "nos"})


def sentence_tokenizer(abbreviations: Iterable[str] | None = None) -> PunktSentenceTokenizer:
    """A Punkt sentence splitter built from parameters only: no training, no NLTK data files.

    Parameters
    ----------
    abbreviations : abbreviation types (any case, final period optional); None for the packaged
        list (that tokenizer is built once and cached). "no" and "nos" only hold before a number.

    Returns
    -------
    PunktSentenceTokenizer
    """
    if abbreviations is None:
        return _default_tokenizer()
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from analysis.segment.punkt import _NewsLanguageVars, _NewsToken

    entries = {a.strip().lower().rstrip(".") for a in abbreviations if a.strip()}
    params = PunktParameters()
    params.abbrev_types = entries - _BEFORE_NUMBER
    params.collocations = {(a, "##number##") for a in entries & _BEFORE_NUMBER}
    params.sent_starters = set(_SENT_STARTERS)
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)


@lru_cache(maxsize=1)
def _default_tokenizer() -> PunktSentenceTokenizer:
    return sentence_tokenizer(default_abbreviations())


def _splitter_key(tokenizer: PunktSentenceTokenizer) -> tuple:
    params = tokenizer._params
    return (frozenset(params.abbrev_types), frozenset(params.collocations), frozenset(params.sent_starters),
            frozenset(params.ortho_context.items()), type(tokenizer._lang_vars), tokenizer._Token)


def _is_default(tokenizer: PunktSentenceTokenizer | None) -> bool:
    """Whether `tokenizer` splits as the default one does (built from the same parameters), so
    that sentences need not be split twice."""
    if tokenizer is None or tokenizer is _default_tokenizer():
        return True
    return _splitter_key(tokenizer) == _splitter_key(_default_tokenizer())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` so it neither starts nor ends with whitespace (empty: start == end)."""
    part = text[start:end]
    start += len(part) - len(part.lstrip())
    return start, max(start, end - (len(part) - len(part.rstrip())))


def learn_abbreviations(texts: Iterable[str]) -> frozenset[str]:
    """Abbreviations Punkt's unsupervised trainer finds in a corpus, to add to the packaged list.

    Only abbreviation types are learned: collocations learned with INCLUDE_ALL_COLLOCS on a
    small corpus suppress real sentence boundaries, so they are left out. Of the learned types
    only initialisms (with an inner period, such as "n.m") are kept: on a small corpus Punkt also
    takes ordinary words such as "ago" or "too" for abbreviations and would merge sentences.

    Parameters
    ----------
    texts : the corpus, one text at a time.

    Returns
    -------
    frozenset of str
        Learned initialisms, lower case, without the final period.
    """
    from nltk.tokenize.punkt import PunktTrainer

    from analysis.segment.punkt import _NewsLanguageVars, _NewsToken

    trainer = PunktTrainer(lang_vars=_NewsLanguageVars(), token_cls=_NewsToken)
    trainer.INCLUDE_ALL_COLLOCS = False
    trainer.INCLUDE_ABBREV_COLLOCS = False
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    return frozenset(t for t in trainer.get_params().abbrev_types if "." in t.strip("."))


def sentence_spans(text: str, tokenizer: PunktSentenceTokenizer | None = None) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of the sentences of ``text``, without outer whitespace.

    Parameters
    ----------
    text : the text to split (a paragraph).
    tokenizer : a splitter from `sentence_tokenizer`; None for the default one.

    Returns
    -------
    list of (int, int)
    """
    spans: list[tuple[int, int]] = []
    tokenizer = tokenizer or _default_tokenizer()
    for s, e in (_strip(text, s, e) for s, e in tokenizer.span_tokenize(text)):
        if s < e and spans and text[s] in ",;:":  # Punkt splits "Expect?: Kremlin ..." after "?"
            spans[-1] = (spans[-1][0], e)
        elif s < e:
            spans.append((s, e))
    return spans


def split_sentences(text: str, tokenizer: PunktSentenceTokenizer | None = None) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`).

    Parameters
    ----------
    text, tokenizer : as in `sentence_spans`.

    Returns
    -------
    list of str
    """
    return [text[s:e] for s, e in sentence_spans(text, tokenizer)]
