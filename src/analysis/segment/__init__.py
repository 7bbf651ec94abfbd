"""Split news paragraphs into sentences and word tokens, and find direct quotes with their speakers.

Sentences come from NLTK's Punkt algorithm with hand-set parameters (abbreviations read from
``resources/abbreviations.txt``) instead of the downloadable ``punkt_tab`` model, so the split is
the same on every machine whether or not NLTK data is installed. Quotes are found with rules for
the quoting styles of English-language news and of translated Russian/Ukrainian/Polish press:
curly and straight quotation marks, quotes running over several paragraphs, dash-led quotes and
interview labels. Speakers come from attribution phrases built on ``resources/speech_verbs.txt``.

Submodules: `lists` (word lists), `sentences` (Punkt splitting; `punkt`, its NLTK classes, loaded at the
first split), `tokens`, `patterns` (the
regular expressions), `candidates` (quote candidates in a paragraph), `names` (a speaker phrase's name),
`fullnames` (the full name of a surname, first name or nickname), `attribution` (speakers), `interviews`
(interview turns; `introductions`, whom an interview's introduction names; `asked`, interviews whose answers
have no label), `quotes` (`find_quotes`, reported speech) and `layers`
(`segment_paragraphs`, text layers). This package re-exports their public names.
"""

from __future__ import annotations

from analysis.segment.interviews import interview_turns
from analysis.segment.layers import (
    LAYER_OF_KIND,
    OWN_LAYERS,
    layer_at,
    layer_spans,
    layer_tokens,
    own_text,
    segment_paragraphs,
    sentence_quote_overlap,
)
from analysis.segment.lists import default_abbreviations, not_persons, role_nouns, speech_verbs
from analysis.segment.quotes import QUOTED_KINDS, VOICE_KINDS, Quote, find_quotes
from analysis.segment.sentences import learn_abbreviations, sentence_spans, sentence_tokenizer, split_sentences
from analysis.segment.tokens import count_tokens, token_spans, tokenize

__all__ = [
    "LAYER_OF_KIND",
    "OWN_LAYERS",
    "QUOTED_KINDS",
    "VOICE_KINDS",
    "Quote",
    "count_tokens",
    "default_abbreviations",
    "find_quotes",
    "interview_turns",
    "layer_at",
    "layer_spans",
    "learn_abbreviations",
    "not_persons",
    "layer_tokens",
    "own_text",
    "role_nouns",
    "segment_paragraphs",
    "sentence_quote_overlap",
    "sentence_spans",
    "sentence_tokenizer",
    "speech_verbs",
    "split_sentences",
    "token_spans",
    "tokenize",
]
