"""Article-level inference: which blocs are compared, what is left out, bootstrap intervals and permutation tests.

The article is the unit of every bloc comparison. Relabellings of articles are counted with
`math.comb` and enumerated only when there are at most `limit` of them; otherwise `limit`
distinct random relabellings are drawn with a seeded generator, so no step ever materialises
all combinations (C(42, 22) is about 5 x 10^11).

Submodules: `permutation` (relabellings, permutation tests), `design` (which blocs, what is
left out, when an interval is shown), `bootstrap` (bootstrap intervals of means) and `blocs`
(bloc means of article means, their difference and article-level standardised difference, leave
one outlet, author or other group out), `mixed` (a linear mixed model with random intercepts for
outlet and article, where the articles allow), `reliability` (Krippendorff's alpha between coders).
"""

from __future__ import annotations

from analysis.stats.blocs import article_d, bloc_difference, bloc_summary, leave_one_group_out, leave_one_outlet_out
from analysis.stats.bootstrap import aggregate, bootstrap_mean_ci
from analysis.stats.design import (
    MIN_ARTICLES_FOR_INTERVAL,
    blocs_tip,
    blocs_with_text,
    compared_blocs,
    comparison_note,
    corpus_counts,
    interval_rule,
    interval_supported,
    lost_verdict,
    no_interval,
    no_p_value_reason,
)
from analysis.stats.mixed import (
    BOUNDARY_SHARE,
    MIN_OUTLETS_FOR_MIXED,
    MIXED_METHOD,
    bloc_mixed_model,
    mixed_model_rule,
)
from analysis.stats.permutation import (
    N_PERMUTATIONS,
    count_text,
    how_tested,
    permutation_test,
    permutation_tests,
    relabellings,
    sampled_relabellings,
)
from analysis.stats.reliability import krippendorff_alpha

__all__ = [
    "count_text", "how_tested", "N_PERMUTATIONS",
    "MIN_ARTICLES_FOR_INTERVAL", "blocs_tip", "blocs_with_text", "compared_blocs", "comparison_note", "corpus_counts",
    "interval_supported",
    "interval_rule", "lost_verdict", "no_interval", "no_p_value_reason", "permutation_test", "permutation_tests", "relabellings",
    "sampled_relabellings",
    "aggregate", "bloc_difference", "bloc_summary", "bootstrap_mean_ci", "leave_one_outlet_out",
    "krippendorff_alpha", "article_d", "leave_one_group_out",
    "BOUNDARY_SHARE", "MIN_OUTLETS_FOR_MIXED", "MIXED_METHOD", "bloc_mixed_model", "mixed_model_rule",
]
