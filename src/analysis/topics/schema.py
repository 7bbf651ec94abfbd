"""The names of the topic models and the columns of every table `build_topics` writes."""

from __future__ import annotations

from analysis.schema import TOPIC_COLUMNS

MODELS = ("nmf", "lda", "kmeans", "agglomerative")

#: The tables `build_topics` returns and their columns (defined with every table's in `schema`).
COLUMNS: dict[str, tuple[str, ...]] = TOPIC_COLUMNS
