"""The names of the topic models and the columns of every table `build_topics` writes."""

from __future__ import annotations

MODELS = ("nmf", "lda", "kmeans", "agglomerative")

#: The tables `build_topics` returns and their columns (the same as in `schema.TABLE_COLUMNS`).
COLUMNS: dict[str, tuple[str, ...]] = {
    "topics": ("article_id", "paragraph_id", "model", "topic", "weight", "label"),
    "topic_summary": ("model", "topic", "label", "top_terms", "ctfidf_terms", "npmi", "n_units", "stability",
                      "status", "fit_units"),
    "topic_grid": ("k", "nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette", "n_units",
                   "chosen"),
    "topic_evidence": ("model", "topic", "label", "rank", "weight", "article_id", "paragraph_id", "outlet", "bloc",
                       "text"),
    "topic_map": ("article_id", "paragraph_id", "x", "y"),
}
