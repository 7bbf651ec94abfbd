"""NLTK's Punkt classes as `sentences` uses them: quotes and guillemets treated like straight quotes,
and the standard library's regular expressions. A module of its own, imported at the first split, so
that importing the package (as a notebook that only reads tables does) does not load NLTK."""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktLanguageVars, PunktToken


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
