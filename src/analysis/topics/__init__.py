"""Themes in the coverage: topic models and clusterings of paragraphs, bounded in cost at any corpus size.

TF-IDF over the project's tokens (stop words out, unigrams and bigrams, a minimum document
frequency that grows with the corpus), then NMF and online LDA topics and k-means / Ward
clusterings of an LSA projection, all scikit-learn with explicit seeds. Every costly step sees at
most a fixed number of units (`LIMITS`: a sample chosen by a hash of seed, article and paragraph)
and the other units are assigned with the fitted model, so the cost stops growing with the corpus.
The number of topics is chosen on a grid by NPMI coherence and silhouette; stability is measured
by refitting on resamples, and unstable topics are flagged wherever they appear. `build_topics`
writes every table notebook 03 shows (one source of truth: the notebook does not refit).

Submodules: `schema` (model names, table columns), `sampling` (bounded samples), `features` (units,
TF-IDF), `coherence` (NPMI), `models` (fitting), `grid` (choosing k), `stability`, `labels`, `tables`
(per-topic and per-unit tables, evidence), `pipeline` (`build_topics`), `reading` (the built tables)
and `comparison` (blocs, outlets, models).
"""

from __future__ import annotations

from analysis.topics.coherence import nested, npmi_coherence, top_indices
from analysis.topics.comparison import (
    article_shares,
    bloc_difference,
    bloc_prevalence,
    model_agreement,
    outlet_prevalence,
    prevalence,
    prevalence_by_outlet,
)
from analysis.topics.features import adaptive_min_df, units, vectorize
from analysis.topics.grid import choose_k, k_grid_scores
from analysis.topics.labels import ctfidf_terms, label_topics
from analysis.topics.models import fit
from analysis.topics.pipeline import N_RESAMPLES, build_topics
from analysis.topics.reading import (
    COPIED_ABOVE,
    article_dependence,
    articles_per_bloc_text,
    assignments,
    copied_units,
    copied_units_text,
    describe,
    stable_topics,
    with_stability_cutoff,
)
from analysis.topics.sampling import LIMITS, bounded_sample, unit_hash
from analysis.topics.schema import COLUMNS, MODELS
from analysis.topics.stability import UNSTABLE_BELOW, cluster_stability, topic_stability
from analysis.topics.tables import representative_units, summary_per_topic, topic_per_unit

__all__ = [
    "COLUMNS", "COPIED_ABOVE", "LIMITS", "MODELS", "N_RESAMPLES", "UNSTABLE_BELOW", "adaptive_min_df",
    "article_dependence", "article_shares", "articles_per_bloc_text", "assignments", "bloc_difference",
    "bloc_prevalence", "bounded_sample", "build_topics", "choose_k", "cluster_stability", "copied_units",
    "copied_units_text", "ctfidf_terms", "describe", "fit", "k_grid_scores", "label_topics", "model_agreement",
    "nested", "npmi_coherence", "outlet_prevalence", "prevalence", "prevalence_by_outlet", "representative_units",
    "stable_topics", "summary_per_topic", "top_indices", "topic_per_unit", "topic_stability", "unit_hash", "units",
    "vectorize", "with_stability_cutoff",
]
