"""Topics: coherence, stability and prevalence on constructed corpora with planted topics."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from analysis import stats, topics

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
    found = [{vocab[i] for i in idx} for idx in topics.top_indices(models["nmf"]["components"], 6)]
    unigrams = [{t for t in f if " " not in t} for f in found]
    matched = sorted(next(name for name, words in PLANTED.items() if u <= set(words)) for u in unigrams)
    assert matched == ["arms", "land", "money"]
    from sklearn.metrics import adjusted_rand_score

    truth = np.repeat([0, 1, 2], 30)
    assert adjusted_rand_score(truth, models["kmeans"]["labels"]) > 0.9
    assert adjusted_rand_score(truth, models["lda"]["weights"].argmax(axis=1)) > 0.9


def test_coherence_and_grid_prefer_the_planted_k() -> None:
    tfidf, counts, _ = topics.vectorize(_planted())
    grid = topics.k_grid_scores(tfidf, counts, [2, 3, 4, 5], seed=0)
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
    stable = [topics.fit(m, m, 3, seed=0)["kmeans"] for m in (real, noise)]
    real_clusters, noise_clusters = (topics.cluster_stability(m["space"], m["labels"], seeds)["stability"] for m in stable)
    assert real_clusters.min() > 0.9
    assert noise_clusters.mean() < real_clusters.mean() - 0.3


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


def _seed_tables() -> dict[str, pd.DataFrame]:
    from analysis import paths

    return {name: pd.read_parquet(paths.ROOT / "data" / "processed" / f"{name}.parquet") for name in ("articles", "paragraphs")}


def test_fitting_is_deterministic_and_writes_every_topic_table() -> None:
    tables = _seed_tables()
    first, second = topics.build_topics(tables, seed=3), topics.build_topics(tables, seed=3)
    assert list(first) == list(topics.COLUMNS)
    for name, table in first.items():
        assert list(table.columns) == list(topics.COLUMNS[name])
        pd.testing.assert_frame_equal(table, second[name])
    assigned = first["topics"]
    assert set(assigned["model"]) == set(topics.MODELS)
    assert assigned.groupby("model").size().nunique() == 1  # every unit in every model
    summary = first["topic_summary"]
    k = int(first["topic_grid"].loc[first["topic_grid"]["chosen"], "k"].iloc[0])
    assert summary.groupby("model").size().to_dict() == {m: k for m in topics.MODELS}
    # the labels in the topics table are the summary's, "(unstable)" included
    nmf = summary[summary["model"] == "nmf"].set_index("topic")["label"]
    rows = assigned[assigned["model"] == "nmf"]
    assert (rows["label"].to_numpy() == nmf.reindex(rows["topic"]).to_numpy()).all()
    assert (summary["status"] == "unstable").eq(summary["label"].str.endswith("(unstable)")).all()
    assert set(summary.loc[summary["model"].isin(["lda", "agglomerative"]), "status"]) == {"not measured"}


def test_the_build_table_columns_are_the_topic_tables() -> None:
    from analysis import schema

    for name, columns in topics.COLUMNS.items():
        assert schema.TABLE_COLUMNS[name] == columns


class _Spy:
    """Records the number of rows every costly estimator is fitted on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import sklearn.cluster
        import sklearn.decomposition
        import sklearn.metrics

        self.rows: dict[str, list[int]] = {}
        for module, cls, method in ((sklearn.decomposition, "NMF", "fit_transform"),
                                    (sklearn.decomposition, "LatentDirichletAllocation", "fit"),
                                    (sklearn.decomposition, "TruncatedSVD", "fit"),
                                    (sklearn.cluster, "KMeans", "fit"),
                                    (sklearn.cluster, "AgglomerativeClustering", "fit")):
            klass = getattr(module, cls)
            original = getattr(klass, method)

            def spy(estimator, X, *args, _name=cls, _original=original, **kwargs):  # noqa: ANN001, ANN202
                self.rows.setdefault(_name, []).append(X.shape[0])
                return _original(estimator, X, *args, **kwargs)

            monkeypatch.setattr(klass, method, spy)
        original_silhouette = sklearn.metrics.silhouette_score

        def silhouette(X, labels, **kwargs):  # noqa: ANN001, ANN202
            self.rows.setdefault("silhouette", []).append(X.shape[0])
            return original_silhouette(X, labels, **kwargs)

        monkeypatch.setattr(sklearn.metrics, "silhouette_score", silhouette)


def _planted_tables(n_per_topic: int) -> dict[str, pd.DataFrame]:
    docs = _planted(n_per_topic)
    n_articles = len(docs) // 5
    articles = pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(n_articles)],
                             "bloc": ["russian", "western"] * (n_articles // 2), "outlet": [f"O{i % 7}" for i in range(n_articles)]})
    order = np.random.default_rng(0).permutation(len(docs))  # articles mix the planted topics
    paragraphs = pd.DataFrame({"article_id": [f"a{(i // 5):04d}" for i in range(len(docs))],
                               "paragraph_id": [i % 5 + 1 for i in range(len(docs))], "kind": "body",
                               "text": [docs[j] for j in order]})
    return {"articles": articles, "paragraphs": paragraphs}


def test_every_costly_step_sees_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = _planted_tables(200)  # 600 units
    limits = {"grid": 100, "fit": 200, "lda": 150, "agglomerative": 120, "stability": 90}
    spy = _Spy(monkeypatch)
    built = topics.build_topics(tables, seed=5, ks=[2, 3, 4], n_resamples=3, limits=limits)
    assert len(built["topics"]) == 4 * 600  # every unit is still assigned in every model
    assert max(spy.rows["NMF"]) <= limits["fit"] and min(spy.rows["NMF"]) <= limits["stability"]
    assert spy.rows["LatentDirichletAllocation"] == [limits["lda"]]
    assert max(spy.rows["TruncatedSVD"]) <= limits["fit"]
    assert max(spy.rows["KMeans"]) <= limits["fit"]
    assert max(spy.rows["AgglomerativeClustering"]) <= limits["agglomerative"]
    assert max(spy.rows["silhouette"]) <= limits["grid"]  # the only n x n matrix is the grid sample's
    assert set(built["topic_grid"]["n_units"]) == {limits["grid"]}
    fitted = built["topic_summary"].drop_duplicates("model").set_index("model")["fit_units"].to_dict()
    assert fitted == {"nmf": 200, "lda": 150, "kmeans": 200, "agglomerative": 120}


def test_ward_above_its_limit_assigns_the_rest_to_the_nearest_cluster() -> None:
    tfidf, counts, _ = topics.vectorize(_planted(100))
    models = topics.fit(tfidf, counts, 3, seed=1, limits={"agglomerative": 60})
    from sklearn.metrics import adjusted_rand_score

    assert models["agglomerative"]["fit_units"] == 60
    assert adjusted_rand_score(np.repeat([0, 1, 2], 100), models["agglomerative"]["labels"]) > 0.9


def test_bounded_sample_does_not_depend_on_file_order() -> None:
    ids = [f"a{i}" for i in range(50)]
    keys = topics.unit_hash(ids, [1] * 50, seed=9)
    chosen = {ids[i] for i in topics.bounded_sample(keys, 10)}
    reversed_keys = topics.unit_hash(ids[::-1], [1] * 50, seed=9)
    assert chosen == {ids[::-1][i] for i in topics.bounded_sample(reversed_keys, 10)}
    assert len(chosen) == 10 and list(topics.bounded_sample(keys, 80)) == list(range(50))


def test_evidence_ties_are_broken_by_the_stated_rule() -> None:
    data = pd.DataFrame({"article_id": ["a", "a", "a", "b", "c", "d"], "paragraph_id": [1, 2, 3, 1, 1, 1],
                         "outlet": list("AAABCD"), "bloc": ["russian"] * 6, "text": list("uvwxyz")})
    weights = np.array([[1.0], [1.0], [0.99999], [0.7], [0.7], [0.7]])
    picked = topics.representative_units(data, weights, ["t"], n=3, seed=4)
    # weight first (0.99999 rounds to 1.0, a tie), then one unit per article, then the hash
    assert picked["article_id"].tolist()[0] == "a" and picked["article_id"].nunique() == 3
    keys = topics.unit_hash(data["article_id"], data["paragraph_id"], 4)
    first_a = min(range(3), key=lambda i: keys[i])
    assert picked["paragraph_id"].iloc[0] == data["paragraph_id"].iloc[first_a]
    rest = sorted(range(3, 6), key=lambda i: keys[i])[:2]
    assert picked["article_id"].tolist()[1:] == data["article_id"].iloc[rest].tolist()
    shuffled = data.iloc[::-1].reset_index(drop=True)
    again = topics.representative_units(shuffled, weights[::-1], ["t"], n=3, seed=4)
    pd.testing.assert_frame_equal(picked, again)  # not file order
    only_one = topics.representative_units(data.iloc[:3], weights[:3], ["t"], n=3, seed=4)
    assert only_one["paragraph_id"].tolist()[:2] == sorted([1, 2], key=lambda p: keys[p - 1])  # then rank order


def test_evidence_shows_a_copied_paragraph_once() -> None:
    """Three articles print the same wire paragraph (case and spacing differ) and weigh most on the topic: the
    evidence shows it once, then the next texts, not one text three times."""
    wire = "Moscow said talks could resume next week in Istanbul."
    data = pd.DataFrame({"article_id": list("abcde"), "paragraph_id": [1] * 5, "outlet": list("ABCDE"),
                         "bloc": ["russian"] * 5,
                         "text": [wire, wire.upper(), wire.replace(" ", "  "), "Kyiv said no.", "Brussels waited."]})
    weights = np.array([[1.0], [1.0], [1.0], [0.5], [0.4]])
    picked = topics.representative_units(data, weights, ["t"], n=3, seed=4)
    assert picked["text"].str.casefold().str.split().str.join(" ").nunique() == 3
    assert picked["text"].tolist()[1:] == ["Kyiv said no.", "Brussels waited."]
    # a copy with a subhead joined in front is the same text
    joined = data.assign(text=[wire, "Source: Reuters. " + wire, wire, "Kyiv said no.", "Brussels waited."])
    assert topics.representative_units(joined, weights, ["t"], n=3, seed=4)["text"].tolist()[1:] == \
        ["Kyiv said no.", "Brussels waited."]
    # fewer distinct texts than n: the next units in rank order fill the rows
    again = topics.representative_units(data.iloc[:3], weights[:3], ["t"], n=3, seed=4)
    assert len(again) == 3 and again["article_id"].nunique() == 3


def test_notebook_03_reads_the_built_tables_and_does_not_refit() -> None:
    from analysis import paths

    source = (paths.ROOT / "notebooks" / "03_topics.py").read_text(encoding="utf-8")
    for refit in ("topics.fit(", "topics.k_grid_scores(", "topics.vectorize(", "topics.topic_stability(", "build_topics("):
        assert refit not in source
    for table in ("topics", "topic_summary", "topic_grid", "topic_evidence", "topic_map"):
        assert f'tables["{table}"]' in source or "topics.assignments(tables" in source and table == "topics"


def test_labels_skip_terms_inside_longer_ones() -> None:
    assert topics.label_topics([["balance", "balance interests", "interests", "russia", "talks"]]) == [
        "balance / interests / russia"]


def test_bloc_difference_uses_an_exact_article_level_permutation_when_few() -> None:
    # four articles, two per bloc, one stable topic; article shares: r1 1.0, r2 0.5, w1 0.0, w2 0.0
    tables = {
        "articles": pd.DataFrame({"article_id": ["r1", "r2", "w1", "w2", "u1"],
                                  "bloc": ["russian", "russian", "western", "western", "ukrainian"],
                                  "outlet": ["R1", "R2", "W1", "W2", "U1"]}),
        "topics": pd.DataFrame({"article_id": ["r1", "r1", "r2", "r2", "w1", "w2", "u1"],
                                "paragraph_id": [1, 2, 1, 2, 1, 1, 1], "model": "nmf",
                                "topic": [0, 0, 0, 1, 1, 1, 0], "weight": 1.0, "label": "x"}),
        "topic_summary": pd.DataFrame({"model": "nmf", "topic": [0, 1], "label": ["a", "b (unstable)"],
                                       "status": ["stable", "unstable"]}),
    }
    table = topics.bloc_difference(tables, "russian", "western", min_articles=2)
    assert table["topic"].tolist() == [0]  # the unstable topic is not compared
    row = table.iloc[0]
    assert row["difference"] == pytest.approx(0.75) and (row["n_articles_a"], row["n_articles_b"]) == (2, 2)
    # 6 relabellings; |difference| >= 0.75 for the observed split and its mirror: p = 2/6
    assert row["p_permutation"] == pytest.approx(round(2 / 6, 4)) and row["tested"].startswith("exact, over all 6")
    # with the library's minimum (5 articles per bloc) 2 against 2 gets no p-value, and says why
    default = topics.bloc_difference(tables, "russian", "western").iloc[0]
    assert np.isnan(default["p_permutation"]) and default["difference"] == pytest.approx(0.75)
    assert default["tested"] == stats.no_p_value_reason(2, 2)
    sampled = topics.bloc_difference(tables, "russian", "western", n_perm=4, seed=1, min_articles=2)  # fewer than exist
    assert 0 < sampled.iloc[0]["p_permutation"] <= 1


def test_a_topic_contrast_has_the_p_value_of_the_results_summary() -> None:
    # 12 against 12 articles (C(24, 12) relabellings, far above the limit: the test is sampled), ids
    # interleaved across the blocs so that id order and bloc order differ
    from analysis import summary

    ids = [f"a{i:02d}" for i in range(24)]
    blocs = ["russian", "western"] * 12
    rng = np.random.default_rng(7)  # a gap with p near 0.27, where a different draw shows
    topic = [int(t) for t in rng.random(48) < np.repeat(np.where(np.array(blocs) == "russian", 0.6, 0.4), 2)]
    tables = {
        "articles": pd.DataFrame({"article_id": ids, "bloc": blocs, "outlet": [f"O{i % 4}" for i in range(24)]}),
        "topics": pd.DataFrame({"article_id": np.repeat(ids, 2), "paragraph_id": [1, 2] * 24, "model": "nmf",
                                "topic": topic, "weight": 1.0, "label": "x"}),
        "topic_summary": pd.DataFrame({"model": "nmf", "topic": [0, 1], "label": ["a", "b"],
                                       "status": ["stable", "stable"]}),
    }
    table = topics.bloc_difference(tables, "russian", "western", seed=summary.SEED).set_index("topic")
    shares = topics.article_shares(tables).set_index("article_id")
    for t in (0, 1):
        same = summary.article_contrast(shares[t], shares["bloc"], "russian", "western", seed=summary.SEED)
        assert not same["exact"] and same["n_relabellings"] == stats.N_PERMUTATIONS
        assert table.loc[t, "p_permutation"] == round(same["p_value"], 4)
        # sampled: p = (1 + hits) / (1 + N_PERMUTATIONS)
        hits = same["p_value"] * (1 + stats.N_PERMUTATIONS) - 1
        assert hits == pytest.approx(round(hits))


def test_planted_topics_are_stable_through_the_sampled_build_path() -> None:
    # the full-corpus reference is fitted on one sample and the resamples drawn from another
    built = topics.build_topics(_planted_tables(200), seed=2, ks=[2, 3, 4, 5], n_resamples=5,
                                limits={"grid": 150, "fit": 300, "lda": 150, "agglomerative": 200, "stability": 200})
    summary = built["topic_summary"].set_index("model")
    assert int(built["topic_grid"].loc[built["topic_grid"]["chosen"], "k"].iloc[0]) == 3
    assert set(summary.loc["nmf", "status"]) == {"stable"} and summary.loc["nmf", "stability"].min() > 0.8
    assert set(summary.loc["kmeans", "status"]) == {"stable"}
    evidence = built["topic_evidence"]
    assert evidence.groupby(["model", "topic"])["article_id"].nunique().eq(3).all()  # three articles each


def test_nested_n_grams_are_left_out_of_coherence() -> None:
    # "media" and "free media" always co-occur (one contains the other); "media" and "talks" rarely
    vocab = ["free media", "media", "talks"]
    counts = sparse.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 1, 1], [0, 0, 1]]))
    with_nested = topics.npmi_coherence([[0, 1, 2]], counts)[0]
    without = topics.npmi_coherence([[0, 1, 2]], counts, vocab)[0]
    pairs = topics.npmi_coherence([[0, 2], [1, 2]], counts)
    assert without == pytest.approx(pairs.mean()) and without < with_nested
    assert np.isnan(topics.npmi_coherence([[0, 1]], counts, vocab)[0])  # nothing left to score
    assert topics.nested("free media", "media") and not topics.nested("free", "media")


def test_a_tie_on_mean_rank_is_disclosed() -> None:
    grid = pd.DataFrame({"k": [3, 5, 8], "nmf_npmi": [0.1, 0.3, 0.2], "kmeans_silhouette": [0.01, 0.05, 0.06],
                         "n_units": 100})
    k, reason = topics.choose_k(grid)  # ranks (coherence, silhouette): k=3 (3, 3), k=5 (1, 2), k=8 (2, 1)
    assert k == 5 and "k = 8 ties with it on mean rank, and the smaller k is taken" in reason
    assert "tie" not in topics.choose_k(grid.iloc[[0, 1]])[1]


def test_article_dependence_is_one_when_each_topic_is_one_article() -> None:
    ids = [f"a{i}" for i in range(4) for _ in range(5)]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(4)], "bloc": ["x", "x", "y", "y"], "outlet": "o"})
    own = pd.DataFrame({"article_id": ids, "paragraph_id": list(range(5)) * 4, "model": "nmf", "weight": 1.0,
                        "label": "t", "topic": [int(a[1]) for a in ids]})
    mixed = own.assign(topic=[p % 4 for p in own["paragraph_id"]])  # every article spreads over the topics
    summary = pd.DataFrame({"model": "nmf", "topic": range(4), "label": "t", "status": "stable"})
    follows = topics.article_dependence({"articles": articles, "topics": own, "topic_summary": summary})
    spread = topics.article_dependence({"articles": articles, "topics": mixed, "topic_summary": summary})
    assert follows.set_index("model").loc["nmf", "ari_with_article"] == 1.0
    assert follows.set_index("model").loc["nmf", "top_article_share"] == 1.0
    assert spread.set_index("model").loc["nmf", "ari_with_article"] < 0.05


def test_copied_units_counts_each_topics_paragraphs_that_another_article_prints() -> None:
    """A topic made of one wire paragraph printed by three articles is named as copied text; a topic of distinct
    paragraphs is not. The copied paragraphs come from the kept paragraphs' text (case and spacing ignored), read
    in batches as from the frame, and a paragraph one article prints twice is not a copy."""
    from analysis import overview

    wire = "Moscow said the talks could resume next week in Istanbul if the other side agreed to its terms."
    texts = {("a", 1): wire, ("b", 1): wire.upper(), ("c", 1): "  ".join(wire.split()),
             ("a", 2): "Kyiv answered that no talks were planned for now and the front was quiet overnight again.",
             ("b", 2): "Brussels waited for both capitals to say more before it would comment on any of the plans.",
             ("c", 2): "The same paragraph printed twice in one article is not a copy of another article's text.",
             ("c", 3): "The same paragraph printed twice in one article is not a copy of another article's text."}
    paragraphs = pd.DataFrame([{"article_id": a, "paragraph_id": p, "text": t} for (a, p), t in texts.items()])
    articles = pd.DataFrame({"article_id": list("abc"), "bloc": ["x", "x", "y"], "outlet": list("ABC")})
    shared = overview.shared_paragraph_keys({"paragraphs": paragraphs})
    assert list(shared.itertuples(index=False, name=None)) == [("a", 1), ("b", 1), ("c", 1)]
    units = pd.DataFrame({"article_id": [a for a, _ in texts], "paragraph_id": [p for _, p in texts], "model": "nmf",
                          "weight": 1.0, "label": "t", "topic": [0 if p == 1 else 1 for _, p in texts]})
    summary = pd.DataFrame({"model": "nmf", "topic": [0, 1], "label": ["wire", "own"], "status": "stable"})
    table = topics.copied_units({"articles": articles, "topics": units, "topic_summary": summary}, shared)
    assert table[["topic", "n_units", "n_copied", "share_copied"]].values.tolist() == [[0, 3, 3, 1.0], [1, 4, 0, 0.0]]
    text = topics.copied_units_text(table)
    assert text.startswith("1 of 2 topics draw more than 50% of their units") and "0 (wire): 100% of 3 units" in text
    assert topics.copied_units_text(table.iloc[[1]]).startswith("No topic draws more than 50%")


def test_distinct_rows_counts_equal_vectors_once() -> None:
    rows = np.array([[1.0, 0, 2], [1.0, 0, 2], [0, 0, 0], [0, 3.0, 0], [0, 0, 0]])
    assert topics.grid.distinct_rows(sparse.csr_matrix(rows)) == 3
    # an explicitly stored zero or an unsorted row is the same vector
    odd = sparse.csr_matrix((np.array([2.0, 1.0, 0.0]), np.array([2, 0, 1]), np.array([0, 3])), shape=(1, 3))
    assert topics.grid.distinct_rows(sparse.vstack([odd, sparse.csr_matrix(rows[:1])])) == 1


def test_a_corpus_of_few_distinct_paragraphs_fits_without_warnings_or_nan() -> None:
    """Syndicated or headline-only corpora repeat the same few paragraphs: no k above the number of
    distinct units is tried (k-means cannot form more clusters than distinct points), and an exact
    NMF fit reports an error of 0, not NaN (its residual rounds below zero)."""
    import warnings

    texts = ["Peskov says the talks with Kyiv have stalled over the ceasefire terms.",
             "Lavrov blames the West for prolonging the war and the sanctions.",
             "Zelensky rejects the Kremlin's terms for a ceasefire in Donbas."]
    ids = [f"a{i:02d}" for i in range(18)]
    articles = pd.DataFrame({"article_id": ids, "outlet": [f"O{i % 6}" for i in range(18)],
                             "bloc": ["russian", "western", "ukrainian"] * 6})
    paragraphs = pd.DataFrame({"article_id": ids, "paragraph_id": 1, "kind": "body",
                               "text": [texts[i % 3] for i in range(18)]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        built = topics.build_topics({"articles": articles, "paragraphs": paragraphs}, seed=3)
    grid = built["topic_grid"]
    assert grid["k"].tolist() == [2, 3]  # not 4..8: three distinct paragraphs
    assert not grid.isna().any().any()
    assert (grid["nmf_error"] >= 0).all()


def test_non_converged_fits_are_summed_up_in_one_note_and_other_warnings_pass_through() -> None:
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    from analysis.pipeline.passes import _convergence_note

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            warnings.warn("Maximum number of iterations 200 reached. Increase it to improve convergence.",
                          ConvergenceWarning, stacklevel=1)
        warnings.warn("something else", UserWarning, stacklevel=1)
    with pytest.warns(UserWarning, match="something else"):
        note = _convergence_note(caught)
    assert "3 model fit(s) did not converge: Maximum number of iterations 200 reached (3 fits)" in note
    assert "at most 200 iterations" in note
    assert _convergence_note([]) == ""


def test_describe_says_why_articles_have_no_topic_unit() -> None:
    """Articles that kept no text, or have only a title, have no unit: the description counts them
    instead of calling every shortfall a sample (it did, on a corpus far below the --topic-units cap)."""
    tables = {name: table.copy() for name, table in topics.build_topics(_seed_tables(), seed=3).items()}
    seeds = _seed_tables()["articles"]
    assert topics.describe({**tables, "articles": seeds}).startswith(f"{len(tables['topics']) // 4:,} units from 5 articles;")
    extra = pd.DataFrame({"article_id": ["x1", "x2", "x3"], "n_paragraphs": [0, 0, 1]})
    text = topics.describe({**tables, "articles": pd.concat([seeds, extra], ignore_index=True)})
    assert ("from 5 of the corpus's 8 articles (of the others, 2 kept no text and 1 has no body paragraph to model or "
            "is outside the sample") in text


def test_articles_per_bloc_text_counts_articles_not_units() -> None:
    data = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "bloc": ["western", "western", "russian", "western"]})
    assert topics.articles_per_bloc_text(data) == "Articles with topic units, per bloc: russian 1, western 2."
    assert topics.articles_per_bloc_text(data.iloc[:0]) == "No article has a topic unit."


def test_bloc_prevalence_says_how_much_of_each_bloc_the_topic_model_read() -> None:
    """On a large corpus build models a sample of paragraphs: the note says how many of each compared bloc's
    articles the table covers (a reader saw 'russian (4961 articles)' above n_articles 663)."""
    from analysis import overview, paths

    tables = overview.read_tables(paths.PROCESSED)
    _, note = topics.bloc_prevalence(tables, ("russian", "western"), n_boot=50)
    assert "The topic model read" not in note  # (every seed article is modelled)
    first = str(tables["topics"]["article_id"].iloc[0])
    sampled = {**tables, "topics": tables["topics"][tables["topics"]["article_id"].astype(str) != first]}
    _, note = topics.bloc_prevalence(sampled, ("russian", "western"), n_boot=50)
    bloc = tables["articles"].set_index("article_id").loc[first, "bloc"]
    n = int((tables["articles"]["bloc"] == bloc).sum())
    assert f"{n - 1:,} of the {n:,} {bloc} articles" in note and "`n_articles` counts those" in note
