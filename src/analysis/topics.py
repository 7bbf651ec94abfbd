"""Themes in the coverage: topic models and clusterings of paragraphs, bounded in cost at any corpus size.

TF-IDF over the project's tokens (stop words out, unigrams and bigrams, a minimum document
frequency that grows with the corpus), then NMF and online LDA topics and k-means / Ward
clusterings of an LSA projection, all scikit-learn with explicit seeds. Every costly step sees at
most a fixed number of units (`LIMITS`: a sample chosen by a hash of seed, article and paragraph)
and the other units are assigned with the fitted model, so the cost stops growing with the corpus.
The number of topics is chosen on a grid by NPMI coherence and silhouette; stability is measured
by refitting on resamples, and unstable topics are flagged wherever they appear. `build_topics`
writes every table notebook 03 shows (one source of truth: the notebook does not refit).
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment

from analysis import segment
from analysis.ngrams import grams

__all__ = [
    "COLUMNS", "LIMITS", "MODELS", "N_RESAMPLES", "UNSTABLE_BELOW", "adaptive_min_df", "assignments",
    "bloc_difference", "bloc_prevalence", "bounded_sample", "build_topics", "choose_k", "cluster_stability", "ctfidf_terms", "describe",
    "fit", "k_grid", "outlet_prevalence", "stable_topics",
    "label_topics", "model_agreement", "npmi_coherence", "prevalence", "prevalence_by_outlet",
    "representative_units", "summary_table", "top_indices", "topic_stability", "topics_table", "unit_hash",
    "units", "vectorize",
]

MODELS = ("nmf", "lda", "kmeans", "agglomerative")

#: The tables `build_topics` returns and their columns (the same as in `build.TABLE_COLUMNS`).
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

# --------------------------------------------------------------------------- bounds

#: The most units each costly step sees (a sample chosen by `unit_hash`); the other units are
#: assigned with the fitted model. Above these sizes the topic stage's cost no longer grows with the
#: corpus, except vectorising and assigning, which are linear and cheap.
LIMITS: dict[str, int] = {
    "grid": 1000,           # the k grid: NMF, k-means and Ward for every k, and the silhouettes (<= "agglomerative")
    "fit": 5000,            # the final NMF, the LSA basis and k-means
    "lda": 1500,            # online LDA, the slowest model
    "agglomerative": 2000,  # Ward linkage (quadratic memory); the other units join the nearest cluster mean
    "stability": 1000,      # the units resampled to measure stability
}
#: Resamples for stability in `build` (each refits NMF and k-means on 80% of the stability sample).
N_RESAMPLES = 10
#: Topics whose stability falls below this are flagged unstable.
UNSTABLE_BELOW = 0.5


def unit_hash(article_ids: Sequence[str], paragraph_ids: Sequence[int], seed: int) -> np.ndarray:
    """A 64-bit hash of (seed, article, paragraph) per unit: the order in which units are sampled and
    ties broken, so that neither depends on the order of the corpus file."""
    return np.array([int.from_bytes(hashlib.blake2b(f"{seed}:{a}:{p}".encode("utf-8", "surrogatepass"),
                                                    digest_size=8).digest(), "little")
                     for a, p in zip(article_ids, paragraph_ids)], dtype=np.uint64)


def bounded_sample(order: np.ndarray, limit: int) -> np.ndarray:
    """Sorted row indices of at most `limit` units, those with the smallest `order` key (all when fewer)."""
    if len(order) <= limit:
        return np.arange(len(order))
    return np.sort(np.argsort(order, kind="stable")[:limit])


def _order(n: int, seed: int, order: np.ndarray | None) -> np.ndarray:
    if order is None:
        return unit_hash([""] * n, range(n), seed)
    if len(order) != n:
        raise ValueError(f"order has {len(order)} keys for {n} units")
    return np.asarray(order)


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
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    def analyse(text: str) -> list[str]:
        return grams(text, (1, 2), min_length=2)

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


def _nmf(tfidf: sparse.spmatrix, k: int, seed: int, max_iter: int = 400):  # noqa: ANN202
    from sklearn.decomposition import NMF

    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=max_iter)
    return model, model.fit_transform(tfidf)


def _svd(tfidf: sparse.spmatrix, seed: int, n_components: int = 50):  # noqa: ANN202
    from sklearn.decomposition import TruncatedSVD

    dims = max(1, min(n_components, tfidf.shape[1] - 1, tfidf.shape[0] - 1))
    return TruncatedSVD(n_components=dims, algorithm="arpack", random_state=seed).fit(tfidf)


def _normalised(x: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)


def _row_shares(w: np.ndarray) -> np.ndarray:
    norm = w.sum(axis=1, keepdims=True)
    return np.divide(w, norm, out=np.zeros_like(w), where=norm > 0)


def _ward(space: np.ndarray, k: int, rows: np.ndarray) -> np.ndarray:
    """Ward clusters of the units in `rows`; every other unit joins the nearest cluster mean."""
    from sklearn.cluster import AgglomerativeClustering

    sample = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(space[rows])
    if len(rows) == len(space):
        return sample
    means = np.vstack([space[rows][sample == t].mean(axis=0) for t in range(k)])
    distance = (means ** 2).sum(axis=1)[None, :] - 2 * space @ means.T
    labels = distance.argmin(axis=1)
    labels[rows] = sample
    return labels


def fit(tfidf: sparse.spmatrix, counts: sparse.spmatrix, k: int, seed: int, *, order: np.ndarray | None = None,
        limits: dict[str, int] | None = None) -> dict[str, dict]:
    """Fit the four models with k topics or clusters on bounded samples (`LIMITS`) and assign every
    unit. Each entry has `weights` (units x k; rows sum to 1 for topic models, one-hot for
    clusterings), `fit_units`, and `components` for topic models; k-means also has the LSA `space`
    and `map` (the first two LSA coordinates)."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import LatentDirichletAllocation

    limits = {**LIMITS, **(limits or {})}
    tfidf, counts = sparse.csr_matrix(tfidf), sparse.csr_matrix(counts)
    order = _order(tfidf.shape[0], seed, order)
    rows = bounded_sample(order, limits["fit"])
    nmf, _ = _nmf(tfidf[rows], k, seed)
    w = nmf.transform(tfidf)
    lda_rows = bounded_sample(order, limits["lda"])
    lda = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method="online", max_iter=10,
                                    batch_size=256, n_jobs=1).fit(counts[lda_rows])
    theta = lda.transform(counts)
    projected = _svd(tfidf[rows], seed).transform(tfidf)
    space = _normalised(projected)
    km = KMeans(n_clusters=k, n_init=4, random_state=seed).fit(space[rows]).predict(space)
    agg_rows = bounded_sample(order, limits["agglomerative"])
    agg = _ward(space, k, agg_rows)
    onehot = lambda labels: np.eye(k)[labels]  # noqa: E731
    return {
        "nmf": {"weights": _row_shares(w), "components": nmf.components_, "error": float(nmf.reconstruction_err_),
                "fit_units": len(rows)},
        "lda": {"weights": theta, "components": lda.components_, "fit_units": len(lda_rows)},
        "kmeans": {"weights": onehot(km), "labels": km, "space": space, "map": projected[:, :2],
                   "fit_units": len(rows)},
        "agglomerative": {"weights": onehot(agg), "labels": agg, "fit_units": len(agg_rows)},
    }


def k_grid(tfidf: sparse.spmatrix, counts: sparse.spmatrix, ks: Sequence[int], seed: int, n_top: int = 8, *,
           order: np.ndarray | None = None, limit: int | None = None) -> pd.DataFrame:
    """For each k, on one bounded sample of units (`LIMITS["grid"]`): the NPMI coherence of NMF
    topics and NMF's reconstruction error, and the cosine silhouette of k-means and Ward clusterings
    of the LSA space. LDA is left out of the grid (it cost more than everything else together)."""
    from sklearn.cluster import AgglomerativeClustering, KMeans
    from sklearn.metrics import silhouette_score

    tfidf, counts = sparse.csr_matrix(tfidf), sparse.csr_matrix(counts)
    rows = bounded_sample(_order(tfidf.shape[0], seed, order), LIMITS["grid"] if limit is None else limit)
    sub, sub_counts = tfidf[rows], counts[rows]
    space = _normalised(_svd(sub, seed).transform(sub))
    out = []
    for k in ks:
        if k >= len(rows):
            continue
        nmf, _ = _nmf(sub, k, seed, max_iter=200)
        row = {"k": k,
               "nmf_npmi": float(np.nanmean(npmi_coherence(top_indices(nmf.components_, n_top), sub_counts))),
               "nmf_error": float(nmf.reconstruction_err_)}
        labels = {"kmeans": KMeans(n_clusters=k, n_init=2, random_state=seed).fit_predict(space),
                  "agglomerative": AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(space)}
        for name, found in labels.items():
            row[f"{name}_silhouette"] = (float(silhouette_score(space, found, metric="cosine"))
                                         if 1 < len(set(found)) < len(rows) else float("nan"))
        row["n_units"] = len(rows)
        out.append(row)
    return pd.DataFrame(out, columns=["k", "nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette",
                                      "n_units"])


def choose_k(grid: pd.DataFrame) -> tuple[int, str]:
    """The k with the best mean rank over NMF coherence and k-means silhouette (the smaller k on
    ties), and the reason in words. Neither criterion is reliable alone: coherence does not
    penalise merging two topics, silhouette ignores the words."""
    criteria = ["nmf_npmi", "kmeans_silhouette"]
    ranks = grid[criteria].rank(ascending=False, method="min")
    scored = grid.assign(mean_rank=ranks.mean(axis=1))
    best = scored.sort_values(["mean_rank", "k"], kind="mergesort").iloc[0]
    k = int(best["k"])
    reason = (f"k = {k}: best mean rank ({best['mean_rank']:.2f}) over NMF coherence ({best['nmf_npmi']:.3f}) "
              f"and k-means silhouette ({best['kmeans_silhouette']:.3f}) on the grid k = "
              f"{int(grid['k'].min())}..{int(grid['k'].max())}, scored on {int(grid['n_units'].max()):,} units")
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


def topic_stability(tfidf: sparse.spmatrix, k: int, seeds: Sequence[int], n_top: int = 10, share: float = 0.8, *,
                    reference: np.ndarray | None = None, order: np.ndarray | None = None,
                    limit: int | None = None) -> pd.DataFrame:
    """How well each topic survives resampling (Greene, O'Callaghan and Cunningham 2014): refit NMF
    on a random `share` of a bounded sample of units (`LIMITS["stability"]`) for each seed, match
    the refitted topics to the reference topics (`reference` components, else NMF on the sample) by
    top-term overlap (Hungarian matching), and average each reference topic's Jaccard similarity
    to its match. Real topics come back; topics of noise do not."""
    tfidf = sparse.csr_matrix(tfidf)
    sample = bounded_sample(_order(tfidf.shape[0], 0, order), LIMITS["stability"] if limit is None else limit)
    if reference is None:
        reference = _nmf(tfidf[sample], k, 0)[0].components_
    ref_top = top_indices(reference, n_top)
    sims = np.zeros((len(seeds), k))
    for r, seed in enumerate(seeds):
        rows = sample[_subsample(len(sample), seed, share)]
        run = top_indices(_nmf(tfidf[rows], k, seed, max_iter=200)[0].components_, n_top)
        matrix = np.array([[_jaccard(a, b) for b in run] for a in ref_top])
        ref_idx, run_idx = linear_sum_assignment(-matrix)
        sims[r, ref_idx] = matrix[ref_idx, run_idx]
    return pd.DataFrame({"topic": range(k), "stability": sims.mean(axis=0)})


def cluster_stability(space: np.ndarray, labels: np.ndarray, seeds: Sequence[int], share: float = 0.8, *,
                      order: np.ndarray | None = None, limit: int | None = None) -> pd.DataFrame:
    """How well each k-means cluster survives resampling: refit k-means on a random `share` of a
    bounded sample of units for each seed, match its clusters to `labels` on those units by the
    Jaccard overlap of their members (Hungarian matching), and average each cluster's overlap."""
    from sklearn.cluster import KMeans

    labels = np.asarray(labels)
    k = int(labels.max()) + 1
    sample = bounded_sample(_order(len(space), 0, order), LIMITS["stability"] if limit is None else limit)
    sims = np.zeros((len(seeds), k))
    for r, seed in enumerate(seeds):
        rows = sample[_subsample(len(sample), seed, share)]
        found = KMeans(n_clusters=k, n_init=2, random_state=seed).fit_predict(space[rows])
        joint = np.zeros((k, k))
        np.add.at(joint, (labels[rows], found), 1)
        union = joint.sum(axis=1, keepdims=True) + joint.sum(axis=0, keepdims=True) - joint
        matrix = np.divide(joint, union, out=np.zeros_like(joint), where=union > 0)
        ref_idx, run_idx = linear_sum_assignment(-matrix)
        sims[r, ref_idx] = matrix[ref_idx, run_idx]
    return pd.DataFrame({"topic": range(k), "stability": sims.mean(axis=0)})


# --------------------------------------------------------------------------- labels and evidence


def _ctfidf_indices(counts: sparse.spmatrix, assignment: np.ndarray, k: int, n: int) -> list[list[int]]:
    counts = sparse.csr_matrix(counts)
    onehot = sparse.csr_matrix((np.ones(len(assignment)), (assignment, np.arange(len(assignment)))),
                               shape=(k, len(assignment)))
    per_class = np.asarray((onehot @ counts).todense(), dtype=float)
    tf = per_class / np.maximum(per_class.sum(axis=1, keepdims=True), 1)
    idf = np.log(1 + per_class.sum(axis=1).mean() / np.maximum(per_class.sum(axis=0), 1))
    return [list(np.argsort(-row, kind="mergesort")[:n]) for row in tf * idf]


def ctfidf_terms(counts: sparse.spmatrix, vocabulary: Sequence[str], assignment: np.ndarray, k: int, n: int = 8) -> list[list[str]]:
    """Class-based TF-IDF (as BERTopic): the units of a topic joined into one, term frequency
    normalised per class, weighted by log(1 + mean words per class / term frequency over all classes)."""
    vocab = np.asarray(vocabulary)
    return [list(vocab[idx]) for idx in _ctfidf_indices(counts, np.asarray(assignment), k, n)]


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


def summary_table(name: str, model: dict, vocabulary: Sequence[str], counts: sparse.spmatrix,
                  stability: pd.DataFrame | None, n_top: int = 10) -> pd.DataFrame:
    """One row per topic of one model: label, top terms (model weights; c-TF-IDF for clusterings),
    c-TF-IDF terms, NPMI of the top eight terms, units, stability and its status (`stable`,
    `unstable` below `UNSTABLE_BELOW`, or `not measured`). Unstable labels end in "(unstable)"."""
    vocab = np.asarray(vocabulary)
    k = model["weights"].shape[1]
    assignment = model["weights"].argmax(axis=1)
    ctf = _ctfidf_indices(counts, assignment, k, max(n_top, 8))
    top = top_indices(model["components"], max(n_top, 8)) if "components" in model else ctf
    npmi = npmi_coherence([t[:8] for t in top], counts)
    values = (stability.set_index("topic").reindex(range(k))["stability"].to_numpy() if stability is not None
              else np.full(k, np.nan))
    status = np.where(np.isnan(values), "not measured", np.where(values < UNSTABLE_BELOW, "unstable", "stable"))
    labels = label_topics([list(vocab[t]) for t in top])
    table = pd.DataFrame({
        "model": name, "topic": range(k),
        "label": [f"{label} (unstable)" if s == "unstable" else label for label, s in zip(labels, status)],
        "top_terms": [", ".join(vocab[t[:n_top]]) for t in top],
        "ctfidf_terms": [", ".join(vocab[t[:8]]) for t in ctf],
        "npmi": np.round(npmi, 4), "n_units": np.bincount(assignment, minlength=k),
        "stability": np.round(values, 4), "status": status, "fit_units": model["fit_units"],
    })
    return table[list(COLUMNS["topic_summary"])]


def representative_units(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], n: int = 3, *,
                         seed: int = 0, order: np.ndarray | None = None) -> pd.DataFrame:
    """The n units that weigh most on each topic, from n different articles where there are that
    many. Ties are broken by a stated rule, never by file order: weight (rounded to 4 decimals,
    heaviest first), then a unit of an article not yet shown, then `unit_hash` (seed, article, paragraph)."""
    if order is None:
        order = unit_hash(data["article_id"].astype(str).tolist(), data["paragraph_id"].tolist(), seed)
    articles = data["article_id"].astype(str).to_numpy()
    rows = []
    for t, label in enumerate(labels):
        rounded = np.round(weights[:, t], 4)
        ranked = np.lexsort((order, -rounded))
        picked, seen = [], set()
        for i in ranked:
            if articles[i] not in seen:
                picked.append(i)
                seen.add(articles[i])
                if len(picked) == n:
                    break
        if len(picked) < n:  # fewer articles than n: the next units in rank order
            taken = set(picked)
            picked += [i for i in ranked[: n + len(taken)] if i not in taken][: n - len(picked)]
        for rank, i in enumerate(picked, 1):
            record = data.iloc[i]
            rows.append({"topic": t, "label": label, "rank": rank, "weight": float(rounded[i]),
                         "article_id": record["article_id"], "paragraph_id": int(record["paragraph_id"]),
                         "outlet": record["outlet"], "bloc": record["bloc"], "text": record["text"]})
    return pd.DataFrame(rows, columns=["topic", "label", "rank", "weight", "article_id", "paragraph_id", "outlet",
                                       "bloc", "text"])


def topics_table(data: pd.DataFrame, models: dict[str, dict], labels: dict[str, list[str]]) -> pd.DataFrame:
    """The `topics` table: each unit's dominant topic or cluster in every model, with its weight."""
    parts = []
    for name in MODELS:
        weights = models[name]["weights"]
        best = weights.argmax(axis=1)
        parts.append(pd.DataFrame({"article_id": data["article_id"].to_numpy(),
                                   "paragraph_id": data["paragraph_id"].astype("int64").to_numpy(), "model": name,
                                   "topic": best.astype("int64"),
                                   "weight": np.round(weights[np.arange(len(best)), best], 6),
                                   "label": np.asarray(labels[name], dtype=object)[best]}))
    return pd.concat(parts, ignore_index=True)[list(COLUMNS["topics"])]


def _empty() -> dict[str, pd.DataFrame]:
    return {name: pd.DataFrame(columns=list(columns)) for name, columns in COLUMNS.items()}


def build_topics(tables: dict[str, pd.DataFrame], seed: int = 20240601, ks: Sequence[int] = range(2, 9), *,
                 n_resamples: int = N_RESAMPLES, limits: dict[str, int] | None = None) -> dict[str, pd.DataFrame]:
    """Every topic table `build` writes (`COLUMNS`): units' topics in the four models, a summary per
    topic with stability, the k grid, evidence paragraphs and the LSA map. Costly steps see bounded
    samples (`LIMITS`), so the cost stops growing with the corpus."""
    from threadpoolctl import threadpool_limits

    # One BLAS/OpenMP thread: on a few shared cores, threads that spin waiting for each other cost
    # more than they gain (measured: 2.3x the CPU seconds on 2 cores), and results do not depend on
    # how many cores the machine has.
    with threadpool_limits(limits=1):
        return _build_topics(tables, seed, ks, n_resamples, {**LIMITS, **(limits or {})})


def _build_topics(tables: dict[str, pd.DataFrame], seed: int, ks: Sequence[int], n_resamples: int,
                  limits: dict[str, int]) -> dict[str, pd.DataFrame]:
    data = units(tables)
    if len(data) < 4:
        return _empty()
    order = unit_hash(data["article_id"].astype(str).tolist(), data["paragraph_id"].tolist(), seed)
    tfidf, counts, vocab = vectorize(data["text"].tolist())
    grid = k_grid(tfidf, counts, [k for k in ks if k < len(data)], seed, order=order, limit=limits["grid"])
    if grid.empty:
        return _empty()
    k, _ = choose_k(grid)
    grid["chosen"] = grid["k"] == k
    models = fit(tfidf, counts, k, seed, order=order, limits=limits)
    seeds = [seed + r for r in range(1, n_resamples + 1)]
    stability = {
        "nmf": topic_stability(tfidf, k, seeds, reference=models["nmf"]["components"], order=order,
                               limit=limits["stability"]),
        "kmeans": cluster_stability(models["kmeans"]["space"], models["kmeans"]["labels"], seeds, order=order,
                                    limit=limits["stability"]),
    }
    summary = pd.concat([summary_table(name, models[name], vocab, counts, stability.get(name)) for name in MODELS],
                        ignore_index=True)
    labels = {name: summary.loc[summary["model"] == name, "label"].tolist() for name in MODELS}
    evidence = pd.concat([representative_units(data, models[name]["weights"], labels[name], order=order)
                          .assign(model=name) for name in ("nmf", "lda")], ignore_index=True)
    coords = np.round(models["kmeans"]["map"], 4) + 0.0  # + 0.0: no negative zeros
    topic_map = pd.DataFrame({"article_id": data["article_id"].to_numpy(),
                              "paragraph_id": data["paragraph_id"].astype("int64").to_numpy(),
                              "x": coords[:, 0], "y": coords[:, 1] if coords.shape[1] > 1 else 0.0})
    for column in ("nmf_npmi", "nmf_error", "kmeans_silhouette", "agglomerative_silhouette"):
        grid[column] = grid[column].round(4)
    return {"topics": topics_table(data, models, labels), "topic_summary": summary,
            "topic_grid": grid[list(COLUMNS["topic_grid"])], "topic_evidence": evidence[list(COLUMNS["topic_evidence"])],
            "topic_map": topic_map.sort_values(["article_id", "paragraph_id"], kind="mergesort").reset_index(drop=True)}


# --------------------------------------------------------------------------- reading the built tables


def assignments(tables: dict[str, pd.DataFrame], model: str = "nmf") -> tuple[pd.DataFrame, np.ndarray]:
    """The units of one model from the built `topics` table, with bloc and outlet, and a one-hot
    matrix of their dominant topics (units x topics, topics numbered as in `topic_summary`)."""
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}, not {model!r}")
    rows = tables["topics"][tables["topics"]["model"] == model]
    if rows.empty:
        raise ValueError("the topics table is empty: build without --skip-topics, on at least 4 units")
    meta = tables["articles"][["article_id", "bloc", "outlet"]]
    data = rows.merge(meta, on="article_id", how="left", validate="many_to_one").reset_index(drop=True)
    if data["bloc"].isna().any():
        raise ValueError("the topics table names articles the articles table does not have: rebuild both")
    k = int(tables["topic_summary"].loc[tables["topic_summary"]["model"] == model, "topic"].max()) + 1
    return data, np.eye(k)[data["topic"].to_numpy()]


def stable_topics(summary: pd.DataFrame, model: str = "nmf") -> list[int]:
    """The topics of `model` whose stability was measured and reached `UNSTABLE_BELOW`."""
    rows = summary[(summary["model"] == model) & (summary["status"] == "stable")]
    return sorted(int(t) for t in rows["topic"])


def describe(tables: dict[str, pd.DataFrame], model: str = "nmf") -> str:
    """What the built topic tables say, in words computed from them: units and articles, the chosen
    k, which steps ran on samples, and how many topics are stable (true on any corpus)."""
    assigned = tables["topics"][tables["topics"]["model"] == model]
    summary, grid = tables["topic_summary"], tables["topic_grid"]
    if assigned.empty:
        return "No topics were built (the corpus has fewer than 4 units, or build ran with --skip-topics)."
    n_units = len(assigned)
    n_articles = assigned["article_id"].nunique()
    k = int(grid.loc[grid["chosen"], "k"].iloc[0])
    fitted = summary.drop_duplicates("model").set_index("model")["fit_units"].astype(int).to_dict()
    sampled = [f"{name} on {fitted[name]:,}" for name in MODELS if fitted.get(name, n_units) < n_units]
    grid_units = int(grid["n_units"].max())
    stable = stable_topics(summary, model)
    km = summary[summary["model"] == "kmeans"]
    in_corpus = tables["articles"]["article_id"].nunique() if "articles" in tables else n_articles
    sample_note = (f" (a sample: build's --topic-units caps the paragraphs modelled; the corpus has {in_corpus:,} articles)"
                   if n_articles < in_corpus else "")
    parts = [f"{n_units:,} units from {n_articles:,} articles{sample_note}; k = {k} chosen on a grid scored on {grid_units:,} units"
             + (" (a sample)" if grid_units < n_units else " (all of them)") + "."]
    parts.append("Fitted on samples, the other units assigned: " + ", ".join(sampled) + "." if sampled
                 else "Every model was fitted on all units (the corpus is below every limit).")
    parts.append(f"{len(stable)} of {k} {model.upper()} topics are stable under resampling (stability >= "
                 f"{UNSTABLE_BELOW}); {int((km['status'] == 'stable').sum())} of {k} k-means clusters are.")
    if not stable:
        parts.append("No topic is stable, so no bloc comparison of topics is a finding on this corpus.")
    return " ".join(parts)


def bloc_prevalence(tables: dict[str, pd.DataFrame], blocs: Sequence[str], *, model: str = "nmf",
                    n_boot: int = 2000, seed: int = 0) -> tuple[pd.DataFrame, str]:
    """Per bloc in `blocs`, the mean share of an article's units whose dominant topic is each stable
    topic (two-level bootstrap interval), and a note of the blocs and topics left out. Unstable
    topics are never compared: a difference in a topic that does not come back is not a finding."""
    data, onehot = assignments(tables, model)
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    stable = stable_topics(tables["topic_summary"], model)
    present = sorted(data["bloc"].astype(str).unique())
    kept = [b for b in blocs if b in present]
    left_out = {b: int(data.loc[data["bloc"] == b, "article_id"].nunique()) for b in present if b not in kept}
    unstable = [t for t in summary.index if t not in stable]
    note = (f"Compared: {', '.join(kept) or 'no bloc'}. Left out: "
            + (", ".join(f"{b} ({n} article{'' if n == 1 else 's'})" for b, n in left_out.items()) or "no bloc") + "; "
            + (f"{len(unstable)} unstable topic(s) ({', '.join(str(t) for t in unstable)})" if unstable else "no topic")
            + " left out.")
    columns = ["topic", "label", "bloc", "n_articles", "n_units", "mean", "ci_low", "ci_high"]
    if not stable or not kept:
        return pd.DataFrame(columns=columns), note
    rows = data["bloc"].isin(kept).to_numpy()
    table = prevalence(data[rows].reset_index(drop=True), onehot[rows][:, stable],
                       summary.loc[stable, "label"].tolist(), n_boot=n_boot, seed=seed, topic_ids=stable)
    for column in ("mean", "ci_low", "ci_high"):
        table[column] = table[column].round(4)
    return table[columns], note


def _permutation_p(values: np.ndarray, is_a: np.ndarray, n_perm: int, seed: int) -> float:
    """Two-sided article-level permutation p-value of the difference in means: exact over every
    relabelling when there are at most `n_perm` of them, else `n_perm` random ones (add-one rule);
    the relabellings are never all listed."""
    n, n_a = len(values), int(is_a.sum())
    observed = abs(values[is_a].mean() - values[~is_a].mean())
    total = math.comb(n, n_a)
    if total <= n_perm:
        splits = (np.isin(np.arange(n), c) for c in itertools.combinations(range(n), n_a))
        diffs = [abs(values[m].mean() - values[~m].mean()) for m in splits]
        return float(np.mean(np.asarray(diffs) >= observed - 1e-12))
    rng = np.random.default_rng(seed)
    hits = sum(abs(values[m].mean() - values[~m].mean()) >= observed - 1e-12
               for m in (rng.permutation(is_a) for _ in range(n_perm)))
    return float((hits + 1) / (n_perm + 1))


def bloc_difference(tables: dict[str, pd.DataFrame], a: str, b: str, *, model: str = "nmf", n_perm: int = 5000,
                    seed: int = 0) -> pd.DataFrame:
    """For each stable topic: the difference a - b of bloc means of the article share of units in
    the topic, and an article-level permutation p-value (articles of other blocs left out)."""
    data, onehot = assignments(tables, model)
    stable = stable_topics(tables["topic_summary"], model)
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    rows = data["bloc"].isin([a, b]).to_numpy()
    columns = ["topic", "label", "a", "b", "n_articles_a", "n_articles_b", "difference", "p_permutation"]
    if not stable or rows.sum() == 0:
        return pd.DataFrame(columns=columns)
    shares = pd.DataFrame(onehot[rows][:, stable], columns=stable).assign(
        article_id=data.loc[rows, "article_id"].to_numpy(), bloc=data.loc[rows, "bloc"].to_numpy())
    per_article = shares.groupby(["article_id", "bloc"], sort=True).mean().reset_index()
    is_a = (per_article["bloc"] == a).to_numpy()
    out = []
    for t in stable:
        values = per_article[t].to_numpy(float)
        n_a, n_b = int(is_a.sum()), int((~is_a).sum())
        ok = n_a > 0 and n_b > 0
        out.append({"topic": t, "label": summary.loc[t, "label"], "a": a, "b": b, "n_articles_a": n_a,
                    "n_articles_b": n_b,
                    "difference": round(float(values[is_a].mean() - values[~is_a].mean()), 4) if ok else float("nan"),
                    "p_permutation": round(_permutation_p(values, is_a, n_perm, seed + t), 4) if ok else float("nan")})
    return pd.DataFrame(out, columns=columns)


def outlet_prevalence(tables: dict[str, pd.DataFrame], *, model: str = "nmf", n_boot: int = 2000,
                      seed: int = 0) -> pd.DataFrame:
    """Per outlet (rows: bloc, outlet) and stable topic (columns: label), the mean share of the outlet's
    units in the topic; an empty table when no topic is stable."""
    data, onehot = assignments(tables, model)
    stable = stable_topics(tables["topic_summary"], model)
    if not stable:
        return pd.DataFrame(index=pd.MultiIndex.from_arrays([[], []], names=["bloc", "outlet"]))
    summary = tables["topic_summary"][tables["topic_summary"]["model"] == model].set_index("topic")
    table = prevalence_by_outlet(data, onehot[:, stable], summary.loc[stable, "label"].tolist(), n_boot=n_boot,
                                 seed=seed, topic_ids=stable)
    return table.pivot_table(index=["bloc", "outlet"], columns="label", values="mean").round(2)


# --------------------------------------------------------------------------- prevalence


def prevalence(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], *, n_boot: int = 2000,
               seed: int = 0, topic_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """Mean topic weight per bloc (mean of article means, two-level bootstrap interval); with one-hot
    weights, the mean share of an article's units whose dominant topic it is. `topic_ids` numbers
    the columns of `weights` (default 0, 1, ...)."""
    from analysis.sentiment import bloc_summary

    ids = list(range(len(labels))) if topic_ids is None else list(topic_ids)
    rows = []
    for column, (t, label) in enumerate(zip(ids, labels)):
        frame = data.assign(weight=weights[:, column])
        summary = bloc_summary(frame, "weight", n_boot=n_boot, seed=seed + t)
        rows.append(summary.assign(topic=t, label=label).rename(columns={"n_sentences": "n_units"}))
    return pd.concat(rows, ignore_index=True)[["topic", "label", "bloc", "n_articles", "n_units", "mean", "ci_low", "ci_high"]]


def prevalence_by_outlet(data: pd.DataFrame, weights: np.ndarray, labels: Sequence[str], *, n_boot: int = 2000,
                         seed: int = 0, topic_ids: Sequence[int] | None = None) -> pd.DataFrame:
    """Mean topic weight per outlet, with a bootstrap interval over the outlet's units."""
    from analysis.sentiment import aggregate

    ids = list(range(len(labels))) if topic_ids is None else list(topic_ids)
    rows = []
    for column, (t, label) in enumerate(zip(ids, labels)):
        table = aggregate(data.assign(weight=weights[:, column]), ["bloc", "outlet"], "weight", n_boot=n_boot,
                          seed=seed + t)
        rows.append(table.assign(topic=t, label=label).rename(columns={"n_sentences": "n_units"}))
    return pd.concat(rows, ignore_index=True)[["topic", "label", "bloc", "outlet", "n_units", "mean", "ci_low", "ci_high"]]


def model_agreement(topics_table: pd.DataFrame) -> pd.DataFrame:
    """Adjusted Rand index between the hard assignments of every pair of models (from the `topics` table)."""
    from sklearn.metrics import adjusted_rand_score

    wide = topics_table.pivot(index=["article_id", "paragraph_id"], columns="model", values="topic")
    names = [m for m in MODELS if m in wide.columns]
    return pd.DataFrame([[adjusted_rand_score(wide[a], wide[b]) for b in names] for a in names],
                        index=names, columns=names)
