"""The figures of the notebooks, in the suite's one style (`analysis.plots.style`).

Functions here draw figures and are named for what they show: the figure of a data function's table
takes that function's name (`removal_by_reason` draws the table of `overview.removal_by_reason`,
`k_grid_scores` the grid of `topics.k_grid_scores`). Every figure is saved by `save(fig, name)` under
a stable file name, which these function names do not change.
Submodules: `style` (colours, matplotlib settings, saving with provenance), `parts` (labels, legends,
intervals shared by the figures), and one per notebook: `corpus`, `sentiment`, `framing` (with `keyness`), `topics`, `results`.
"""

from __future__ import annotations

from analysis.plots.corpus import article_lengths, removal_by_reason
from analysis.plots.framing import framing_small_multiples, marker_dots, voice_shares
from analysis.plots.keyness import fightin_words, keyness_prior_sensitivity, term_map
from analysis.plots.parts import article_labels, footnote, left_out_note, outlet_groups, plain
from analysis.plots.results import summary_p_values
from analysis.plots.sentiment import (
    interval_plot,
    raw_vs_neutral,
    sentiment_distribution,
    tone_along_article,
    word_contributions,
)
from analysis.plots.style import (
    BLOC_COLOURS,
    COMPACT_ABOVE,
    MANIFEST_COLUMNS,
    MAX_ROW_DOTS,
    MIXED,
    OKABE_ITO,
    OTHER_COLOURS,
    OTHER_HATCHES,
    SPARE_COLOURS,
    TOP_OUTLETS,
    bloc_colour,
    bloc_palette,
    message_figure,
    other_style,
    register_blocs,
    save,
    set_provenance,
    use_style,
)
from analysis.plots.topics import k_grid_scores, topic_map, topic_prevalence, topic_stability

__all__ = ["set_provenance", "summary_p_values",
           "BLOC_COLOURS", "COMPACT_ABOVE", "MANIFEST_COLUMNS", "MAX_ROW_DOTS", "MIXED", "OKABE_ITO", "OTHER_COLOURS",
           "OTHER_HATCHES", "SPARE_COLOURS", "TOP_OUTLETS", "article_labels", "article_lengths", "bloc_colour",
           "bloc_palette", "register_blocs",
           "fightin_words", "footnote", "framing_small_multiples", "interval_plot", "k_grid_scores",
           "keyness_prior_sensitivity", "left_out_note", "marker_dots", "message_figure", "other_style", "outlet_groups",
           "plain", "raw_vs_neutral", "removal_by_reason", "save", "sentiment_distribution", "term_map",
           "tone_along_article", "topic_map", "topic_prevalence", "topic_stability", "use_style", "voice_shares",
           "word_contributions"]
