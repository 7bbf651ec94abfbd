"""How the blocs frame the same statements: words, names, frames and voices.

Five methods, each a function on plain tables: distinctive vocabulary (Monroe, Colaresi and
Quinn's log-odds with an informative Dirichlet prior, with token-level chi-square and
log-likelihood keyness beside it and an article-level permutation null), naming and labelling markers with a
`naming_index`, dictionary news frames per paragraph, who gets quoted and with which verbs,
and keyword in context. The word lists are data files in `resources/`.

Submodules: `keyterms` (the terms keyness counts), `distinctive` (keyness), `keyness_checks`
(its permutation null and the prior's sensitivity), `dictionaries` (the word lists and their
matchers), `naming` (markers and the naming index), `frames`, `speakers` (voices), `context`
(keyword in context) and `articles` (one article's rows, as the build makes them, and the same
tables for a built corpus). This package re-exports their public names.
"""

from analysis.framing.articles import (
    article_framing_from_counts,
    article_rows,
    framing_tables,
)
from analysis.framing.context import (
    KwicExplorer,
    kwic,
    kwic_explorer,
    kwic_html,
    kwic_sample,
    paragraph_layers,
    paragraphs_with_bloc,
    quote_spans,
)
from analysis.framing.dictionaries import (
    USAGES,
    load_frames,
    load_markers,
    load_speaker_groups,
)
from analysis.framing.distinctive import (
    MIN_ARTICLES,
    compared_blocs,
    count_matrix,
    keyness,
    keyness_for,
    keyness_from_counts,
    log_odds_dirichlet,
    ngram_orders,
    prior_counts,
)
from analysis.framing.frames import FRAME_COLUMNS, FRAME_LAYERS, article_frame_scores, frame_layers, frame_salience, score_frames
from analysis.framing.keyness_checks import (
    NOISE_LEVEL,
    PRIOR_SCALES,
    TOKEN_LEVEL_NOTE,
    keyness_summary,
    noise_threshold,
    noise_threshold_range,
    noise_threshold_text,
    null_max_z,
    null_split_summary,
    prior_sensitivity,
)
from analysis.framing.keyterms import merge_variants, own_terms, spelling_variants
from analysis.framing.matrix import article_matrix
from analysis.framing.naming import (
    MARKER_COLUMNS,
    QUOTED_LAYERS,
    marker_hits,
    marker_hits_shown,
    marker_rates_by_article,
    marker_rates_by_bloc,
    naming_answer,
    naming_by_layer,
    naming_index_of_counts,
    naming_layer_change,
    naming_layer_change_text,
)
from analysis.framing.speakers import (
    BARE_ROLE_GROUP,
    VOICE_COLUMNS,
    attribution_verb,
    bare_role_note,
    speaker_group,
    verb_counts,
    voice_shares,
    voices_text,
)
from analysis.ngrams import grams, grams_of_tokens

__all__ = [
    "FRAME_COLUMNS", "FRAME_LAYERS", "MARKER_COLUMNS", "MIN_ARTICLES", "PRIOR_SCALES", "QUOTED_LAYERS", "TOKEN_LEVEL_NOTE",
    "USAGES", "VOICE_COLUMNS", "BARE_ROLE_GROUP", "bare_role_note", "KwicExplorer", "merge_variants", "ngram_orders",
    "null_split_summary", "own_terms",
    "prior_counts", "prior_sensitivity", "spelling_variants", "NOISE_LEVEL",
    "article_framing_from_counts", "article_matrix", "article_rows", "attribution_verb", "compared_blocs",
    "article_frame_scores", "count_matrix", "frame_layers", "frame_salience", "framing_tables", "grams",
    "grams_of_tokens", "keyness", "keyness_for",
    "keyness_from_counts", "keyness_summary", "kwic", "kwic_explorer", "kwic_html", "kwic_sample", "paragraph_layers",
    "load_frames", "load_markers",
    "load_speaker_groups", "log_odds_dirichlet", "marker_hits", "marker_hits_shown", "marker_rates_by_article",
    "marker_rates_by_bloc",
    "naming_answer",
    "naming_by_layer", "naming_index_of_counts", "naming_layer_change", "naming_layer_change_text", "noise_threshold",
    "noise_threshold_range", "noise_threshold_text", "null_max_z",
    "paragraphs_with_bloc", "quote_spans", "score_frames", "speaker_group", "verb_counts", "voice_shares", "voices_text",
]
