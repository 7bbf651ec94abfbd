"""Themes in the coverage: topic models and clusterings of paragraphs, honest about small data.

TF-IDF over the project's tokens (stop words out, unigrams and bigrams, a minimum document
frequency that grows with the corpus), then NMF and LDA topics and k-means / agglomerative
clusterings, all scikit-learn with explicit seeds. The number of topics is chosen on a grid by
NPMI coherence computed from the corpus itself; stability is measured by refitting with many
seeds, and unstable topics are flagged wherever they appear.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from analysis import segment

__all__ = [
    "adaptive_min_df", "build_topics", "choose_k", "model_agreement", "prevalence_by_outlet", "top_indices",
    "topics_table", "cluster_stability", "ctfidf_terms", "fit", "k_grid", "label_topics",
    "npmi_coherence", "prevalence", "representative_units", "topic_map", "topic_stability", "topic_table",
    "units", "vectorize",
]

MODELS = ("nmf", "lda", "kmeans", "agglomerative")


# --------------------------------------------------------------------------- units and features


def units(tables: dict[str, pd.DataFrame], unit: str = "paragraph") -> pd.DataFrame:
    """Texts to model: body paragraphs with the standfirst and subheadings joined to the paragraph
    they head (headlines left out), or sentences. Columns: article_id, paragraph_id, text, bloc, outlet."""
    meta = tables["articles"][["article_id", "bloc", "outlet"]]
    if unit == "sentence":
        return tables["sentences"][["article_id", "paragraph_id", "text"]].merge(meta, on="article_id")
    if unit != "paragraph":
        raise ValueError(f"unit must be 'paragraph' or 'sentence', not {unit!r}")
    rows, pending = [], []
    for record in tables["paragraphs"].sort_values(["article_id", "paragraph_id"]).to_dict("records"):
        if pending and pending[0]["article_id"] != record["article_id"]:
            pending = []  # a subheading at the very end of an article heads nothing
        if record["kind"] == "title":
            continue
        if record["kind"] in ("standfirst", "subhead"):
            pending.append(record)
            continue
        text = " ".join([p["text"] for p in pending] + [record["text"]])
        rows.append({"article_id": record["article_id"], "paragraph_id": record["paragraph_id"], "text": text})
        pending = []
    table = pd.DataFrame(rows, columns=["article_id", "paragraph_id", "text"])
    return table.merge(meta, on="article_id").reset_index(drop=True)


def adaptive_min_df(n_docs: int) -> int:
    """Minimum document frequency for a corpus of n_docs: 1 below 50 documents, then 2, rising
    by one per thousand documents up to 10 (an absolute 10 would empty a small corpus)."""
    if n_docs < 50:
        return 1
    return int(min(10, max(2, math.ceil(n_docs / 1000))))


def vectorize(texts: Sequence[str], *, min_df: int | None = None, max_df: float = 0.8):  # noqa: ANN201
    """TF-IDF and raw counts over unigrams and bigrams of the project's tokens, stop words removed.

    Returns (tfidf matrix, count matrix, vocabulary)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

    def analyse(text: str) -> list[str]:
        tokens = [t for t in segment.tokenize(text) if t not in ENGLISH_STOP_WORDS and not t.isdigit() and len(t) > 1]
        return tokens + [" ".join(pair) for pair in zip(tokens, tokens[1:])]

    n = len(texts)
    counter = CountVectorizer(analyzer=analyse, min_df=min_df if min_df is not None else adaptive_min_df(n),
                              max_df=max_df if n >= 20 else 1.0)
    counts = counter.fit_transform(texts).tocsr()
    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
    return tfidf, counts, counter.get_feature_names_out()


# --------------------------------------------------------------------------- coherence


def npmi_coherence(top_terms: Sequence[Sequence[int]], counts: sparse.spmatrix) -> np.ndarray:
    """Mean normalised PMI over pairs of each topic's top terms, from document co-occurrence in
    the corpus itself (Bouma 2009; Lau, Newman and Baldwin 2014). Pairs that never co-occur
    score -1. Returns one value per topic, in [-1, 1]."""
    present = (sparse.csc_matrix(counts) > 0).astype(np.int64)
    n_docs = present.shape[0]
    doc_freq = np.asarray(present.sum(axis=0)).ravel()
    scores = []
    for terms in top_terms:
        values = []
        for i, j in itertools.combinations(terms, 2):
            joint = present[:, i].multiply(present[:, j]).sum() / n_docs
            if joint == 0:
                values.append(-1.0)
                continue
            p_i, p_j = doc_freq[i] / n_docs, doc_freq[j] / n_docs
            values.append(1.0 if joint == 1 else math.log(joint / (p_i * p_j)) / -math.log(joint))
        scores.append(float(np.mean(values)) if values else float("nan"))
    return np.asarray(scores)


def top_indices(components: np.ndarray, n: int) -> list[list[int]]:
    """Indices of the n heaviest terms of each topic (ties broken by term order)."""
    return [list(np.argsort(-row, kind="mergesort")[:n]) for row in components]


# --------------------------------------------------------------------------- models


def _nmf(tfidf: sparse.spmatrix, k: int, seed: int):  # noqa: ANN202
    from sklearn.decomposition import NMF

    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=600)
    return model, model.fit_transform(tfidf)


def _lsa(tfidf: sparse.spmatrix, seed: int, n_components: int = 50) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import Normalizer

    dims = max(2, min(n_components, tfidf.shape[1] - 1, tfidf.shape[0] - 1))
    reduced = TruncatedSVD(n_components=dims, random_state=seed).fit_transform(tfidf)
    return Normalizer(copy=False).fit_transform(reduced)


def fit(tfidf: sparse.spmatrix, counts: sparse.spmatrix, k: int, seed: int) -> dict[str, dict]:
    """Fit the four models with k topics or clusters; each entry has `weights` (documents x k,
    rows summing to 1 for topic models; one-hot for clusterings) and, for topic models, `components`."""
    from sklearn.cluster import AgglomerativeClustering, KMeans
    from sklearn.decomposition import LatentDirichletAllocation

    nmf, w = _nmf(tfidf, k, seed)
    lda = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method="batch", max_iter=50)
    theta = lda.fit_transform(counts)
    space = _lsa(tfidf, seed)
    km = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(space)
    agg = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(space)
    onehot = lambda labels: np.eye(k)[labels]  # noqa: E731
    norm = w.sum(axis=1, keepdims=True)
    return {
        "nmf": {"weights": np.divide(w, norm, out=np.zeros_like(w), where=norm > 0), "components": nmf.components_,
                "error": float(nmf.reconstruction_err_)},
        "lda": {"weights": theta, "components": lda.components_},
        "kmeans": {"weights": onehot(km), "labels": km, "space": space},
        "agglomerative": {"weights": onehot(agg), "labels": agg, "space": space},
    }


def k_grid(tfidf: sparse.spmatrix, counts: sparse.spmatrix, ks: Sequence[int], seed: int, n_top: int = 8) -> pd.DataFrame:
    """For each k: NPMI coherence of NMF and LDA topics, NMF reconstruction error, and the
    silhouette of the k-means and agglomerative clusterings (cosine on the LSA space)."""
    from sklearn.metrics import silhouette_score

    rows = []
    for k in ks:
        if k >= tfidf.shape[0]:
            continue
        models = fit(tfidf, counts, k, seed)
        row = {"k": k,
               "nmf_npmi": float(np.nanmean(npmi_coherence(top_indices(models["nmf"]["components"], n_top), counts))),
               "lda_npmi": float(np.nanmean(npmi_coherence(top_indices(models["lda"]["components"], n_top), counts))),
               "nmf_error": models["nmf"]["error"]}
        for name in ("kmeans", "agglomerative"):
            labels = models[name]["labels"]
            row[f"{name}_silhouette"] = (float(silhouette_score(models[name]["space"], labels, metric="cosine"))
                                         if len(set(labels)) > 1 else float("nan"))
        rows.append(row)
    return pd.DataFrame(rows)


def choose_k(grid: pd.DataFrame) -> tuple[int, str]:
    """The k with the best mean rank over NMF coherence, LDA coherence and k-means silhouette
    (the smaller k on ties), and the reason in words. No single criterion is reliable on a small
    corpus: coherence does not penalise merging two topics, silhouette ignores the words."""
    criteria = ["nmf_npmi", "lda_npmi", "kmeans_silhouette"]
    ranks = grid[criteria].rank(ascending=False, method="min")
    scored = grid.assign(mean_rank=ranks.mean(axis=1))
    best = scored.sort_values(["mean_rank", "k"], kind="mergesort").iloc[0]
    k = int(best["k"])
    reason = (f"k = {k}: best mean rank ({best['mean_rank']:.2f}) over NMF coherence ({best['nmf_npmi']:.3f}), "
              f"LDA coherence ({best['lda_npmi']:.3f}) and k-means silhouette ({best['kmeans_silhouette']:.3f}) "
              f"on the grid k = {int(grid['k'].min())}..{int(grid['k'].max())}")
    if k == grid["k"].max():
        reason += "; it is the largest k tried, so a larger k might do better"
    return k, reason


# --------------------------------------------------------------------------- stability


def _jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


def _subsample(n: int, seed: int, share: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=max(2, int(round(share * n))), replace=False))


def topic_stability(tfidf: sparse.spmatrix, k: int, seeds: Sequence[int], n_top: int = 10,
                    share: float = 0.8) -> pd.DataFrame:
    """How well each topic survives resampling (Greene, O'Callaghan and Cunningham 2014): refit
    NMF on a random `share` of the documents for each seed, match the refitted topics to the
    full-corpus topics by top-term overlap (Hungarian matching), and average each full-corpus
    topic's Jaccard similarity to its match. Real topics come back; topics of noise do not."""
    tfidf = sparse.csr_matrix(tfidf)
    reference = top_indices(_nmf(tfidf, k, 0)[0].components_, n_top)
    sims = np.zeros((len(seeds), k))
    for r, seed in enumerate(seeds):
        rows = _subsample(tfidf.shape[0], seed, share)
        run = top_indices(_nmf(tfidf[rows], k, seed)[0].components_, n_top)
        matrix = np.array([[_jaccard(a, b) for b in run] for a in reference])
        ref_idx, run_idx = linear_sum_assignment(-matrix)
        sims[r, ref_idx] = matrix[ref_idx, run_idx]
    return pd.DataFrame({"topic": range(k), "stability": sims.mean(axis=0)})


def cluster_stability(tfidf: sparse.spmatrix, k: int, seeds: Sequence[int], share: float = 0.8) -> float:
    """Mean adjusted Rand index between the full-corpus k-means clustering and k-means refitted on
    a random `share` of the documents (compared on those documents): 1 = the same partition
    every time, about 0 = chance."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score

    space = _lsa(sparse.csr_matrix(tfidf), 0)
    reference = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(space)
    scores = []
    for seed in seeds:
        rows = _subsample(space.shape[0], seed, share)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(space[rows])
        scores.append(adjusted_rand_score(reference[rows], labels))
    return float(np.mean(scores))


# --------------------------------------------------------------------------- labels and evidence


def ctfidf_terms(counts: sparse.spmatrix, vocabulary: Sequence[str], assignment: np.ndarray, k: int, n: int = 8) -> list[list[str]]:
    """Class-based TF-IDF (as BERTopic): the documents of a topic joined into one, term frequency
    normalised per class, weighted by log(1 + mean words per class / term frequency over all classes)."""
    counts = sparse.csr_matrix(counts)
    per_class = np.vstack([np.asarray(counts[assignment == t].sum(axis=0)).ravel() for t in range(k)])
    tf = per_class / np.maximum(per_class.sum(axis=1, keepdims=True), 1)
    idf = np.log(1 + per_class.sum(axis=1).mean() / np.maximum(per_class.sum(axis=0), 1))
    scores = tf * idf
    vocab = np.asarray(vocabulary)
    return [list(vocab[np.argsort(-row, kind="mergesort")[:n]]) for row in scores]


def label_topics(top_terms: Sequence[Sequence[str]], n: int = 3) -> list[str]:
    """A short label from each topic's top terms, skipping terms already inside a longer one shown."""
    labels = []
    for terms in top_terms:
        chosen: list[str] = []
        for term in terms:
            if any(term in c.split() or c in term.split() for c in chosen):
                continue
            chosen.append(term)
            if len(chosen) == n:
                break
        labels.append(" / ".join(chosen))
    return labels


def topic_table(model: dict, vocabulary: Sequence[str], counts: sparse.spmatrix, coherence: np.ndarray,
                stability: pd.DataFrame, n_top: int = 10, unstable_below: float = 0.5) -> pd.DataFrame:
    """One row per topic: label, top terms (model weights), c-TF-IDF terms, NPMI, stability, flag."""
    vocab = np.asarray(vocabulary)
    k = model["weights"].shape[1]
    top = [list(vocab[idx]) for idx in top_indices(model["components"], n_top)]
    assignment = model["weights"].argmax(axis=1)
    ctf = ctfidf_terms(counts, vocabulary, assignment, k)
    table = pd.DataFrame({
        "topic": range(k), "label": label_topics(top), "top_terms": [", ".join(t) for t in top],
        "ctfidf_terms": [", ".join(t) for t in ctf], "npmi": np.round(coherence, 4),
        "n_units": np.bincount(assignment, minlength=k),
        "stability": np.round(stability.set_index("topic").reindex(range(k))["stability"].to_numpy(), 4),
    })
    table["unstable"] = table["stability"] < unstable_below
    table["label"] = np.where(table["unstable"], table["label"] + " (unstable)", table["label"])
    return table


def representative_units(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], n: int = 3) -> pd.DataFrame:
    """The n units that weigh most on each topic, with their outlet and bloc."""
    rows = []
    for t, label in enumerate(labels):
        order = np.argsort(-weights[:, t], kind="mergesort")[:n]
        for rank, i in enumerate(order, 1):
            rows.append({"topic": t, "label": label, "rank": rank, "weight": round(float(weights[i, t]), 4),
                         "outlet": data.iloc[i]["outlet"], "bloc": data.iloc[i]["bloc"],
                         "article_id": data.iloc[i]["article_id"], "text": data.iloc[i]["text"]})
    return pd.DataFrame(rows)


def prevalence(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], *, n_boot: int = 2000,
               seed: int = 0) -> pd.DataFrame:
    """Mean topic weight per bloc (two-level bootstrap interval) and per outlet."""
    from analysis.sentiment import bloc_summary

    rows = []
    for t, label in enumerate(labels):
        frame = data.assign(weight=weights[:, t])
        summary = bloc_summary(frame, "weight", n_boot=n_boot, seed=seed + t)
        rows.append(summary.assign(topic=t, label=label).rename(columns={"n_sentences": "n_units"}))
    return pd.concat(rows, ignore_index=True)[["topic", "label", "bloc", "n_articles", "n_units", "mean", "ci_low", "ci_high"]]


def topic_map(tfidf: sparse.spmatrix, seed: int) -> np.ndarray:
    """A 2-D map of the units: the first two LSA dimensions (deterministic for a seed)."""
    from sklearn.decomposition import TruncatedSVD

    return TruncatedSVD(n_components=2, random_state=seed).fit_transform(tfidf)


def topics_table(data: pd.DataFrame, models: dict[str, dict], labels: dict[str, list[str]]) -> pd.DataFrame:
    """The `topics` table: each unit's dominant topic or cluster in every model, with its weight."""
    rows = []
    for name in MODELS:
        weights = models[name]["weights"]
        best = weights.argmax(axis=1)
        for i, t in enumerate(best):
            rows.append({"article_id": data.iloc[i]["article_id"], "paragraph_id": int(data.iloc[i]["paragraph_id"]),
                         "model": name, "topic": int(t), "weight": round(float(weights[i, t]), 6),
                         "label": labels[name][t]})
    return pd.DataFrame(rows, columns=["article_id", "paragraph_id", "model", "topic", "weight", "label"])


def build_topics(tables: dict[str, pd.DataFrame], seed: int = 20240601, ks: Sequence[int] = range(2, 9)) -> pd.DataFrame:
    """What `build` writes: the topics table for the k chosen by coherence."""
    data = units(tables)
    if len(data) < 4:
        return pd.DataFrame(columns=["article_id", "paragraph_id", "model", "topic", "weight", "label"])
    tfidf, counts, vocab = vectorize(data["text"].tolist())
    grid = k_grid(tfidf, counts, [k for k in ks if k < len(data)], seed)
    k, _ = choose_k(grid)
    models = fit(tfidf, counts, k, seed)
    labels = {}
    for name in ("nmf", "lda"):
        labels[name] = label_topics([[vocab[i] for i in idx] for idx in top_indices(models[name]["components"], 10)])
    for name in ("kmeans", "agglomerative"):
        labels[name] = label_topics(ctfidf_terms(counts, vocab, models[name]["labels"], k))
    return topics_table(data, models, labels)


def prevalence_by_outlet(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], *, n_boot: int = 2000,
                         seed: int = 0) -> pd.DataFrame:
    """Mean topic weight per outlet, with a bootstrap interval over the outlet's units."""
    from analysis.sentiment import aggregate

    rows = []
    for t, label in enumerate(labels):
        table = aggregate(data.assign(weight=weights[:, t]), ["bloc", "outlet"], "weight", n_boot=n_boot, seed=seed + t)
        rows.append(table.assign(topic=t, label=label).rename(columns={"n_sentences": "n_units"}))
    return pd.concat(rows, ignore_index=True)[["topic", "label", "bloc", "outlet", "n_units", "mean", "ci_low", "ci_high"]]


def model_agreement(models: dict[str, dict]) -> pd.DataFrame:
    """Adjusted Rand index between the hard assignments of every pair of models."""
    from sklearn.metrics import adjusted_rand_score

    labels = {name: models[name]["weights"].argmax(axis=1) for name in MODELS}
    return pd.DataFrame([[adjusted_rand_score(labels[a], labels[b]) for b in MODELS] for a in MODELS],
                        index=list(MODELS), columns=list(MODELS))
