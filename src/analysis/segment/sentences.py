"""Sentence splitting with NLTK's Punkt algorithm and hand-set parameters.

Abbreviations come from ``resources/abbreviations.txt`` instead of the downloadable ``punkt_tab``
model, so the split is the same on every machine whether or not NLTK data is installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken, PunktTrainer

from analysis.segment.lists import default_abbreviations


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt's English settings with curly quotes and guillemets treated like straight quotes: '.”'
    ends a sentence that keeps its '”', and '“U.S.' is still seen as the abbreviation 'U.S.'
    (NLTK >= 3.10 does most of this; set explicitly so older releases behave the same)."""

    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201c\u201d\u2018\u201e\xab\xbb]"
    _re_non_word_chars = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\u201e\xab\xbb?!])"
    re_boundary_realignment = re.compile(
        r"[\"')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)", re.MULTILINE
    )

    # NLTK >= 3.10 compiles these two with the `regex` module behind a time-out guard, which
    # costs about half of all sentence splitting; its patterns (free of catastrophic
    # backtracking since NLTK 3.8.2) are compiled here with the standard library, as NLTK did
    # before, with the same matches.
    def _word_tokenizer_re(self) -> re.Pattern[str]:
        if self._re_word_tokenizer_std is None:
            self._re_word_tokenizer_std = re.compile(
                self._word_tokenize_fmt % {"NonWord": self._re_non_word_chars,
                                           "MultiChar": self._re_multi_char_punct,
                                           "WordStart": self._re_word_start},
                re.UNICODE | re.VERBOSE)
        return self._re_word_tokenizer_std

    def period_context_re(self) -> re.Pattern[str]:
        if self._re_period_context_std is None:
            self._re_period_context_std = re.compile(
                self._period_context_fmt % {"NonWord": self._re_non_word_chars,
                                            "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE)
        return self._re_period_context_std

    def __init__(self) -> None:
        super().__init__()
        self._re_word_tokenizer_std: re.Pattern[str] | None = None
        self._re_period_context_std: re.Pattern[str] | None = None


class _NewsToken(PunktToken):
    """Punkt's token with its four patterns (ellipsis, number, initial, alphabetic) compiled by
    the standard library, as NLTK did before 3.10: behind NLTK's time-out guard they cost a fifth
    of sentence splitting (the patterns cannot backtrack catastrophically)."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$", re.UNICODE)
    _RE_ALPHA = re.compile(r"[^\W\d]+$", re.UNICODE)


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
