"""Distinctive vocabulary: Monroe, Colaresi and Quinn's log-odds with an informative Dirichlet prior,
chi-square and log-likelihood keyness beside it, and a permutation null of the largest |z|.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis import stats
from analysis.ngrams import grams
from analysis.ngrams import stop_words as _stop_words


def count_matrix(texts: Sequence[str], ngram_range: tuple[int, int] = (1, 2),
                 stop_words: Iterable[str] | None = None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Document-term counts (sparse, one pass) over the project's tokens, stop words removed
    before n-grams are formed; returns the matrix and the sorted vocabulary.

    Parameters
    ----------
    texts
        One text per document.
    ngram_range
        Shortest and longest n-gram, in tokens.
    stop_words
        Words left out before n-grams are formed (default: the project's list, `ngrams.stop_words`).

    Returns
    -------
    tuple of (scipy.sparse.csr_matrix, numpy.ndarray)
        Documents x terms counts, and the terms in column order.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    stops = _stop_words() if stop_words is None else frozenset(stop_words)
    vectorizer = CountVectorizer(analyzer=lambda text: grams(text, ngram_range, stops))
    matrix = vectorizer.fit_transform(texts).tocsr()
    return matrix, vectorizer.get_feature_names_out()


def keyness_from_counts(counts: Mapping[str, Mapping[str, int]], a: str, b: str) -> pd.DataFrame:
    """`keyness` from term counts summed per bloc (what a streaming build accumulates chunk by chunk);
    the same table as `keyness` on the document-term matrix of the same articles.

    Parameters
    ----------
    counts
        {bloc: {term: count}}.
    a, b
        The target bloc and the reference bloc.

    Returns
    -------
    pandas.DataFrame
        The `keyness` table of `a` against `b`.
    """
    vocab = sorted(set(counts.get(a, {})) | set(counts.get(b, {})))
    rows = [[counts.get(bloc, {}).get(term, 0) for term in vocab] for bloc in (a, b)]
    matrix = sparse.csr_matrix(np.asarray(rows, dtype=np.int64).reshape(2, len(vocab)))
    return keyness(matrix, vocab, [a, b], a, b)


def log_odds_dirichlet(y_i: np.ndarray, y_j: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior.

    delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w)),
    var ~ 1/(y_wi + a_w) + 1/(y_wj + a_w); returns (delta, z = delta / sqrt(var)).

    Parameters
    ----------
    y_i, y_j
        Each term's count in the target and in the reference corpus.
    prior
        Each term's prior count a_w.

    Returns
    -------
    tuple of (numpy.ndarray, numpy.ndarray)
        delta and z per term.
    """
    y_i, y_j, a = (np.asarray(x, dtype=float) for x in (y_i, y_j, prior))
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a.sum()
    delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
    variance = 1 / (y_i + a) + 1 / (y_j + a)
    return delta, delta / np.sqrt(variance)


def _signed_chi2_g2(y_i: np.ndarray, y_j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pearson chi-square and log-likelihood G2 of each term's 2x2 table (target vs reference),
    signed positive where the term is relatively more frequent in the target, as quanteda's
    `textstat_keyness` reports them (here without Yates' correction)."""
    a, b = np.asarray(y_i, float), np.asarray(y_j, float)
    c, d = a.sum() - a, b.sum() - b
    n = a + b + c + d
    observed = np.stack([a, b, c, d])
    expected = np.stack([(a + b) * (a + c), (a + b) * (b + d), (c + d) * (a + c), (c + d) * (b + d)]) / n
    with np.errstate(divide="ignore", invalid="ignore"):  # terms seen in neither bloc give 0/0
        chi2 = ((observed - expected) ** 2 / expected).sum(axis=0)
        g2 = 2 * np.where(observed > 0, observed * np.log(observed / expected), 0).sum(axis=0)
    sign = np.sign(a / max(a.sum(), 1) - b / max(b.sum(), 1))
    return sign * chi2, sign * g2


def keyness(matrix: sparse.csr_matrix, vocabulary: Sequence[str], groups: Sequence[str], a: str, b: str, *,
            prior_size: float | None = None, background: np.ndarray | None = None) -> pd.DataFrame:
    """Distinctive terms of bloc `a` against bloc `b` (one row per term seen in either).

    The prior a_w is proportional to each term's count in the two blocs together (or in
    `background`, counts over the same vocabulary), scaled to a total of `prior_size`
    (default: the pooled token count, i.e. a_w = the term's pooled count).

    Parameters
    ----------
    matrix, vocabulary
        Documents x terms counts and the terms in column order (`count_matrix`).
    groups
        The bloc of each document (row).
    a, b
        The target bloc and the reference bloc.
    prior_size, background
        Total of the prior, and the counts it is proportional to (default: the two blocs' pooled counts).

    Returns
    -------
    pandas.DataFrame
        term, ngram, count_<a>, count_<b>, rate_<a>, rate_<b> (per 1,000 terms), log_odds, z, chi2,
        g2; sorted by z descending (terms of `a` first).
    """
    groups = np.asarray(groups)
    y_i = np.asarray(matrix[groups == a].sum(axis=0)).ravel()
    y_j = np.asarray(matrix[groups == b].sum(axis=0)).ravel()
    seen = (y_i + y_j) > 0
    pooled = (y_i + y_j) if background is None else np.asarray(background, float)
    size = pooled.sum() if prior_size is None else prior_size
    prior = size * pooled / pooled.sum()
    prior = np.where(prior > 0, prior, 0.01)
    delta, z = log_odds_dirichlet(y_i, y_j, prior)
    chi2, g2 = _signed_chi2_g2(y_i, y_j)
    vocab = np.asarray(vocabulary)
    table = pd.DataFrame({
        "term": vocab, "ngram": [t.count(" ") + 1 for t in vocab],
        f"count_{a}": y_i.astype(int), f"count_{b}": y_j.astype(int),
        f"rate_{a}": 1000 * y_i / max(y_i.sum(), 1), f"rate_{b}": 1000 * y_j / max(y_j.sum(), 1),
        "log_odds": delta, "z": z, "chi2": chi2, "g2": g2,
    })[seen]
    return table.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def null_max_z(matrix: sparse.csr_matrix, groups: Sequence[str], a: str, b: str, *,
               n_perm: int = 200, seed: int = 0, prior_size: float | None = None) -> np.ndarray:
    """Largest |z| when bloc labels are shuffled across articles: what noise alone reaches.

    Every distinct relabelling is used when there are at most `n_perm` of them (five articles
    have ten; counted with `math.comb`, never listed beyond that); otherwise `n_perm` distinct
    random ones (`stats.relabellings`). Articles of other blocs are left out. Each value equals
    `keyness(...)["z"].abs().max()` under that relabelling, computed on arrays in batches.

    Parameters
    ----------
    matrix
        Articles x terms counts.
    groups
        The bloc of each article (row).
    a, b
        The two blocs whose labels are shuffled.
    n_perm, seed
        Most relabellings used, and the seed of the random ones.
    prior_size
        As in `keyness`.

    Returns
    -------
    numpy.ndarray
        The largest |z| under each relabelling; empty when `a` or `b` has no articles.
    """
    groups = np.asarray(groups)
    keep = np.isin(groups, [a, b])
    sub, labels = sparse.csr_matrix(matrix[keep]), groups[keep]
    n_a = int((labels == a).sum())
    if n_a == 0 or n_a == len(labels):
        return np.asarray([], dtype=float)
    splits, _ = stats.relabellings(len(labels), n_a, limit=n_perm, seed=seed)
    pooled = np.asarray(sub.sum(axis=0)).ravel().astype(float)
    seen = pooled > 0
    sub, pooled = sub[:, seen], pooled[seen]
    size = pooled.sum() if prior_size is None else prior_size
    prior = size * pooled / pooled.sum()
    prior = np.where(prior > 0, prior, 0.01)
    out = np.empty(len(splits))
    batch = max(1, int(2_000_000 // max(sub.shape[1], 1)))  # about 16 MB of floats per batch
    for start in range(0, len(splits), batch):
        part = splits[start:start + batch]
        rows = np.repeat(np.arange(len(part)), part.shape[1])
        pick = sparse.csr_matrix((np.ones(part.size), (rows, part.ravel())), shape=(len(part), sub.shape[0]))
        y_i = np.asarray((pick @ sub).todense(), dtype=float)
        y_j = pooled[None, :] - y_i
        n_i, n_j, a0 = y_i.sum(axis=1, keepdims=True), y_j.sum(axis=1, keepdims=True), prior.sum()
        delta = np.log((y_i + prior) / (n_i + a0 - y_i - prior)) - np.log((y_j + prior) / (n_j + a0 - y_j - prior))
        z = delta / np.sqrt(1 / (y_i + prior) + 1 / (y_j + prior))
        out[start:start + len(part)] = np.abs(z).max(axis=1)
    return out


def keyness_for(tables: Mapping[str, pd.DataFrame], a: str, b: str) -> pd.DataFrame:
    """`keyness` of bloc `a` against `b`: the built `keyness` table when it was built for this
    pair in this order, otherwise computed from the per-article term counts (`article_matrix`:
    all of each article's kept text, where the build counts only the outlet's own words).

    Parameters
    ----------
    tables
        The built tables (articles, paragraphs and, when built, keyness).
    a, b
        The target bloc and the reference bloc.

    Returns
    -------
    pandas.DataFrame
        The `keyness` table of `a` against `b`.

    Raises
    ------
    ValueError
        When `a` or `b` has no articles.
    """
    built = tables.get("keyness")
    if built is not None:
        counts = [c for c in built.columns if c.startswith("count_")]
        if counts == [f"count_{a}", f"count_{b}"]:
            return built
    blocs = set(tables["articles"]["bloc"])
    missing = [x for x in (a, b) if x not in blocs]
    if missing:
        raise ValueError(f"no articles of bloc(s) {missing}; the corpus has {sorted(blocs)}")
    matrix, vocab, groups = article_matrix(tables)
    return keyness(matrix, vocab, groups, a, b)


def keyness_summary(table: pd.DataFrame, null: np.ndarray, a: str, b: str, articles: pd.DataFrame) -> str:
    """A sentence on how many terms of each bloc exceed the largest |z| of shuffled labels, naming
    the strongest (ties in |z| broken by term, alphabetically), computed from `table` and `null`.

    Parameters
    ----------
    table
        A `keyness` table of `a` against `b` (term, z).
    null
        `null_max_z` of the same blocs.
    a, b
        The two blocs.
    articles
        The articles table (bloc), to count the relabellings.

    Returns
    -------
    str
        The sentences, in Markdown.
    """
    if len(null) == 0:
        return f"No shuffled-label reference: one of {a!r} and {b!r} has no articles."
    n_a, n_b = int((articles["bloc"] == a).sum()), int((articles["bloc"] == b).sum())
    exact = len(null) == math.comb(n_a + n_b, n_a)
    threshold = float(np.max(null))
    kind = "every one of the" if exact else f"a random sample of {len(null)} of the"
    head = (f"Largest |z| under {kind} {math.comb(n_a + n_b, n_a):,} relabellings of the {n_a + n_b} articles "
            f"(what noise alone reaches): {threshold:.2f}.")
    parts = []
    for bloc, sign in ((a, 1), (b, -1)):
        beyond = table[np.sign(table["z"]) == sign]
        beyond = beyond[beyond["z"].abs() > threshold]
        beyond = beyond.assign(_abs=beyond["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True],
                                                                     kind="mergesort")
        if beyond.empty:
            parts.append(f"no term of {bloc} exceeds it")
        else:
            named = ", ".join(f'"{t}" (z {abs(z):.2f})' for t, z in zip(beyond["term"].head(5), beyond["z"].head(5)))
            parts.append(f"{len(beyond)} term(s) of {bloc} exceed it: {named}" + (" ..." if len(beyond) > 5 else ""))
    parts[0] = parts[0][0].upper() + parts[0][1:]
    return head + " " + "; ".join(parts) + "."


def article_matrix(tables: dict[str, pd.DataFrame]) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Document-term counts of each article's kept text, the vocabulary, and each row's bloc.

    Parameters
    ----------
    tables
        The built tables (articles, paragraphs).

    Returns
    -------
    tuple of (scipy.sparse.csr_matrix, numpy.ndarray, list of str)
        Articles x terms counts (rows in the order of `articles`), the terms, and each article's bloc.
    """
    articles = tables["articles"]
    texts = tables["paragraphs"].groupby("article_id", sort=True)["text"].apply("\n".join)
    texts = texts.reindex(articles["article_id"]).fillna("")
    matrix, vocab = count_matrix(texts.tolist())
    return matrix, vocab, articles["bloc"].tolist()


def compared_blocs(blocs: Iterable[str], wanted: Sequence[str] = ("russian", "western")) -> tuple[str, str] | None:
    """The two blocs to compare (`stats.compared_blocs`): `wanted` if both are present, else the
    two largest (ties by name).

    Parameters
    ----------
    blocs
        The bloc of each article.
    wanted
        The pair to compare when both are present.

    Returns
    -------
    tuple of (str, str) or None
        The pair, or None with fewer than two blocs.
    """
    return stats.compared_blocs(blocs, wanted)
