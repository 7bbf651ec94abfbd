"""Sentence tone with VADER, and the checks a reviewer asks for before trusting it.

Scores come from the reference implementation (`vaderSentiment`), sentence by sentence;
article and bloc tone are means of sentence scores (a whole article's compound saturates
near +-1). NLTK's port is kept as a cross-check, TextBlob's pattern lexicon (shipped in its
wheel) as an independent second method (both computed on demand, where a notebook compares
methods: `build` writes VADER and the topic-neutral variant), and a topic-neutral variant zeroes the words that
name the topic itself ("peace", "war", "talks"...), whose lexicon scores would otherwise
decide the tone of every article about peace talks. All randomness takes an explicit seed.

Submodules: `scorers` (the scorers and their columns), `fast_vader` (VADER's rules, exactly and
faster), `words` (why a sentence scores what it does), `blocs` (tone tables per bloc, article
and paragraph), `reporting` (the notebook's sentences), `actors`, `validation` (against the machine-generated
reference codes, one AI coder and not human coding, and against a researcher's own codes). The bloc
statistics (`bloc_summary`, `bloc_difference`, `aggregate`, `bootstrap_mean_ci`,
`leave_one_outlet_out`, `leave_one_group_out`) live in `analysis.stats` and are re-exported here.
"""

from __future__ import annotations

from analysis.sentiment.actors import actor_article_tone, actor_bloc_summary, actor_mentions, actor_tone, load_actors
from analysis.sentiment.blocs import (
    OWN_VOICES,
    article_tone,
    bloc_summary_by,
    extreme_sentences,
    own_mask,
    own_words,
    paragraph_tone,
    quote_vs_narration,
    sentence_frame,
    tone_layer_change,
    without_copies,
)
from analysis.sentiment.reporting import (
    ARTICLE_TABLE_ROWS,
    article_table,
    copies_once_answer,
    copies_once_text,
    difference_text,
    leave_one_group_out_text,
    leave_one_outlet_out_text,
    leave_out_shown,
    mixed_model_text,
    spread_text,
    tone_answer,
    tone_layer_change_text,
    topic_share_text,
)
from analysis.sentiment.scorers import (
    CROSS_CHECK_LIMIT,
    DEFAULT_SCORERS,
    SCORE_COLUMNS,
    SCORER_COLUMNS,
    SCORERS,
    THRESHOLD,
    analyzer,
    check_scorers,
    label,
    load_neutral_terms,
    nltk_analyzer,
    score_columns,
    score_sentences,
    score_texts,
    textblob_polarity,
    with_cross_checks,
)
from analysis.sentiment.validation import (
    METHODS,
    REFERENCE,
    accuracy_text,
    agreement_between_methods,
    bloc_difference_under,
    bloc_under_text,
    coded_sentences,
    coder_agreement,
    confusion,
    coverage_text,
    load_gold,
    majority_baseline,
    validate,
    validation_metrics,
    validity_text,
)
from analysis.sentiment.words import (
    contributions_note,
    disagreements,
    speech_verb_note,
    word_contributions,
    word_valences,
)
from analysis.stats import (
    aggregate,
    bloc_difference,
    bloc_summary,
    bootstrap_mean_ci,
    leave_one_group_out,
    leave_one_outlet_out,
)

__all__ = [
    "ARTICLE_TABLE_ROWS", "CROSS_CHECK_LIMIT", "DEFAULT_SCORERS", "METHODS", "OWN_VOICES", "REFERENCE", "SCORERS",
    "SCORER_COLUMNS",
    "SCORE_COLUMNS", "THRESHOLD", "accuracy_text", "actor_article_tone", "actor_bloc_summary", "actor_mentions",
    "actor_tone", "aggregate", "article_table", "article_tone", "bloc_summary_by",
    "agreement_between_methods", "analyzer", "bloc_difference", "bloc_difference_under", "bloc_summary",
    "bloc_under_text", "bootstrap_mean_ci", "check_scorers", "coded_sentences", "coder_agreement", "confusion",
    "contributions_note", "speech_verb_note", "coverage_text", "difference_text", "disagreements", "extreme_sentences", "label",
    "leave_one_group_out", "leave_one_group_out_text", "leave_one_outlet_out", "leave_one_outlet_out_text", "leave_out_shown",
    "mixed_model_text", "load_actors", "load_gold", "load_neutral_terms",
    "majority_baseline", "nltk_analyzer", "own_mask", "own_words", "paragraph_tone", "quote_vs_narration", "score_columns",
    "score_sentences", "score_texts", "sentence_frame", "spread_text", "textblob_polarity", "tone_answer",
    "tone_layer_change", "tone_layer_change_text", "topic_share_text", "validate", "validity_text", "validation_metrics",
    "with_cross_checks", "without_copies", "word_contributions", "word_valences", "copies_once_text",
    "copies_once_answer",
]
