"""Topics: coherence, stability and prevalence on constructed corpora with planted topics."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from analysis import topics

PLANTED = {
    "arms": "tanks missiles artillery shells drones howitzers ammunition rockets launchers armour".split(),
    "land": "crimea donbas border territory regions annexation occupation frontline oblast villages".split(),
    "money": "sanctions oil gas prices economy budget exports markets inflation banks".split(),
}
NOISE = "today officials said week report statement spokesman meeting".split()


def _planted(n_per_topic: int = 30, seed: int = 1, shuffled: bool = False) -> list[str]:
    rng = np.random.default_rng(seed)
    vocab = [w for words in PLANTED.values() for w in words]
    docs = []
    for words in PLANTED.values():
        for _ in range(n_per_topic):
            pool = vocab if shuffled else words
            docs.append(" ".join(list(rng.choice(pool, 12)) + list(rng.choice(NOISE, 3))))
    return docs


def test_adaptive_min_df() -> None:
    assert [topics.adaptive_min_df(n) for n in (10, 49, 50, 96, 1500, 5000, 100000)] == [1, 1, 2, 2, 2, 5, 10]


def test_npmi_on_a_worked_example() -> None:
    # documents: {a,b}, {a,b}, {a}, {c}; P(a)=3/4, P(b)=1/2, P(a,b)=1/2
    counts = sparse.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [1, 0, 0], [0, 0, 1]]))
    scores = topics.npmi_coherence([[0, 1], [0, 2]], counts)
    assert scores[0] == pytest.approx(math.log(0.5 / (0.75 * 0.5)) / -math.log(0.5))
    assert scores[1] == -1.0


def test_planted_topics_are_recovered() -> None:
    docs = _planted()
    tfidf, counts, vocab = topics.vectorize(docs)
    models = topics.fit(tfidf, counts, 3, seed=7)
    found = [set(vocab[i] for i in idx) for idx in topics.top_indices(models["nmf"]["components"], 6)]
    unigrams = [{t for t in f if " " not in t} for f in found]
    matched = sorted(next(name for name, words in PLANTED.items() if u <= set(words)) for u in unigrams)
    assert matched == ["arms", "land", "money"]
    from sklearn.metrics import adjusted_rand_score

    truth = np.repeat([0, 1, 2], 30)
    assert adjusted_rand_score(truth, models["kmeans"]["labels"]) > 0.9
    assert adjusted_rand_score(truth, models["lda"]["weights"].argmax(axis=1)) > 0.9


def test_coherence_and_grid_prefer_the_planted_k() -> None:
    tfidf, counts, _ = topics.vectorize(_planted())
    grid = topics.k_grid(tfidf, counts, [2, 3, 4, 5], seed=0)
    assert topics.choose_k(grid)[0] == 3
    assert grid.set_index("k").loc[3, "kmeans_silhouette"] == grid["kmeans_silhouette"].max()


def test_stability_drops_when_topics_are_not_real() -> None:
    real = topics.vectorize(_planted())[0]
    noise = topics.vectorize(_planted(shuffled=True))[0]
    seeds = range(8)
    real_topics = topics.topic_stability(real, 3, seeds)["stability"]
    noise_topics = topics.topic_stability(noise, 3, seeds)["stability"]
    assert real_topics.min() > 0.8
    assert noise_topics.mean() < real_topics.mean() - 0.3
    assert topics.cluster_stability(real, 3, seeds) > 0.9 > topics.cluster_stability(noise, 3, seeds) + 0.4


def test_prevalence_means_by_bloc() -> None:
    data = pd.DataFrame({"article_id": ["r1", "r1", "w1", "w2"], "bloc": ["russian", "russian", "western", "western"],
                         "outlet": ["R", "R", "W1", "W2"], "text": ["x"] * 4})
    weights = np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0], [0.2, 0.8]])
    table = topics.prevalence(data, weights, ["a", "b"], n_boot=200).set_index(["topic", "bloc"])
    assert table.loc[(0, "russian"), "mean"] == pytest.approx(0.75)
    assert table.loc[(0, "western"), "mean"] == pytest.approx(0.1)
    assert table.loc[(1, "western"), "n_articles"] == 2


def test_units_join_subheads_to_the_paragraph_they_head() -> None:
    tables = {
        "articles": pd.DataFrame({"article_id": ["a", "b"], "bloc": ["russian", "western"], "outlet": ["A", "B"]}),
        "paragraphs": pd.DataFrame({
            "article_id": ["a"] * 5 + ["b"],
            "paragraph_id": [1, 2, 3, 4, 5, 1],
            "kind": ["title", "standfirst", "body", "subhead", "body", "subhead"],
            "text": ["T", "Deck.", "First.", "Sub", "Second.", "Dangling"],
        }),
    }
    data = topics.units(tables)
    assert data[["article_id", "paragraph_id", "text"]].values.tolist() == [["a", 3, "Deck. First."], ["a", 5, "Sub Second."]]


def test_fitting_is_deterministic() -> None:
    from analysis import overview

    tables = overview.read_tables("data/processed")
    first, second = topics.build_topics(tables, seed=3), topics.build_topics(tables, seed=3)
    pd.testing.assert_frame_equal(first, second)
    assert set(first["model"]) == set(topics.MODELS)
    assert first.groupby("model").size().nunique() == 1  # every unit in every model


def test_labels_skip_terms_inside_longer_ones() -> None:
    assert topics.label_topics([["balance", "balance interests", "interests", "russia", "talks"]]) == [
        "balance / interests / russia"]
