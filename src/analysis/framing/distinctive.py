"""Distinctive vocabulary: Monroe, Colaresi and Quinn's log-odds with an informative Dirichlet prior
(one multinomial per n-gram order), token-level chi-square and log-likelihood keyness beside it,
computed from the per-article term counts (`matrix.article_matrix`). The permutation null and the
prior's sensitivity: `keyness_checks`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis import stats
from analysis.framing.matrix import article_matrix
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


#: Fewest articles (of the two blocs together) that must use a term for it to get a row.
MIN_ARTICLES = 2
#: Prior count of a term with none in the counts the prior is proportional to (a background corpus).
PRIOR_FLOOR = 0.01

Background = Mapping[str, float] | np.ndarray | None


def ngram_orders(vocabulary: Sequence[str]) -> np.ndarray:
    """Each term's n-gram order (words joined by one space, as `ngrams.grams_of_tokens` makes them).

    Parameters
    ----------
    vocabulary
        The terms.

    Returns
    -------
    numpy.ndarray
        1 for a unigram, 2 for a bigram, ... per term.
    """
    return np.fromiter((str(t).count(" ") + 1 for t in vocabulary), dtype=np.int64, count=len(vocabulary))


def keyness_from_counts(counts: Mapping[str, Mapping[str, int]], articles: Mapping[str, Mapping[str, int]],
                        a: str, b: str, *, prior_scale: float = 1.0, background: Background = None,
                        min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """`keyness` from term counts and article counts summed per bloc (what a streaming build
    accumulates chunk by chunk); the same table as `keyness` on the document-term matrix of
    the same articles.

    Parameters
    ----------
    counts
        {bloc: {term: occurrences}}.
    articles
        {bloc: {term: articles using it}} (document frequency).
    a, b
        The target bloc and the reference bloc.
    prior_scale, background, min_articles
        As in `keyness` (`background` as {term: count}).

    Returns
    -------
    pandas.DataFrame
        The `keyness` table of `a` against `b`.
    """
    vocab = sorted(set(counts.get(a, {})) | set(counts.get(b, {})))

    def column(table: Mapping[str, Mapping[str, int]], bloc: str) -> np.ndarray:
        part = table.get(bloc, {})
        return np.fromiter((part.get(term, 0) for term in vocab), dtype=np.int64, count=len(vocab))

    return _keyness_table(vocab, column(counts, a), column(counts, b), column(articles, a), column(articles, b),
                          a, b, prior_scale, _aligned(background, vocab), min_articles)


def log_odds_dirichlet(y_i: np.ndarray, y_j: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior.

    delta_w = log((y_wi + a_w) / (n_i + a0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a0 - y_wj - a_w)),
    var ~ 1/(y_wi + a_w) + 1/(y_wj + a_w); returns (delta, z = delta / sqrt(var)). The terms
    are one multinomial: n_i, n_j and a0 are sums over the last axis (a 2-D input is one
    multinomial per row, as `null_max_z` uses it).

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
    n_i, n_j, a0 = y_i.sum(axis=-1, keepdims=True), y_j.sum(axis=-1, keepdims=True), a.sum()
    delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
    variance = 1 / (y_i + a) + 1 / (y_j + a)
    return delta, delta / np.sqrt(variance)


def prior_counts(pooled: np.ndarray, orders: np.ndarray, *, prior_scale: float = 1.0,
                 background: np.ndarray | None = None) -> np.ndarray:
    """The Dirichlet prior a_w of each term, one prior per n-gram order.

    Within an order, a_w is proportional to the term's count in `background` (default: its
    pooled count in the two blocs) and the prior's total a0 is `prior_scale` times the order's
    pooled count. With the defaults a_w is the term's pooled count, so a term used by one bloc
    only gets the same log-odds (point estimate) whatever its count, and only z grows with it;
    `prior_scale` moves that common value (`keyness_checks.prior_sensitivity`). A term with no
    background count gets `PRIOR_FLOOR`.

    Parameters
    ----------
    pooled
        Each term's count in the two blocs together.
    orders
        Each term's n-gram order (`ngram_orders`).
    prior_scale
        a0 of each order as a multiple of that order's pooled count (> 0).
    background
        Counts over the same terms the prior is proportional to, or None.

    Returns
    -------
    numpy.ndarray
        a_w per term.
    """
    if not prior_scale > 0:
        raise ValueError(f"prior_scale must be positive, not {prior_scale}")
    pooled = np.asarray(pooled, dtype=float)
    base = pooled if background is None else np.asarray(background, dtype=float)
    prior = np.zeros(len(pooled))
    for order in np.unique(orders):
        cols = orders == order
        total = base[cols].sum()
        if total > 0:
            prior[cols] = prior_scale * pooled[cols].sum() * base[cols] / total
    return np.where(prior > 0, prior, PRIOR_FLOOR)


def _per_order(y_i: np.ndarray, y_j: np.ndarray, prior: np.ndarray, orders: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`log_odds_dirichlet` with one multinomial per n-gram order (columns of `orders`' value)."""
    delta, z = np.zeros(np.shape(y_i)), np.zeros(np.shape(y_i))
    for order in np.unique(orders):
        cols = orders == order
        delta[..., cols], z[..., cols] = log_odds_dirichlet(y_i[..., cols], y_j[..., cols], prior[cols])
    return delta, z


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


def _aligned(background: Background, vocabulary: Sequence[str]) -> np.ndarray | None:
    """Background counts over `vocabulary`, from {term: count} or an array already in its order."""
    if background is None:
        return None
    if isinstance(background, Mapping):
        return np.fromiter((float(background.get(t, 0)) for t in vocabulary), dtype=float, count=len(vocabulary))
    values = np.asarray(background, dtype=float)
    if values.shape != (len(vocabulary),):
        raise ValueError(f"background has {values.size} counts for {len(vocabulary)} terms")
    return values


def keyness(matrix: sparse.csr_matrix, vocabulary: Sequence[str], groups: Sequence[str], a: str, b: str, *,
            prior_scale: float = 1.0, background: Background = None, min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """Distinctive terms of bloc `a` against bloc `b`: Monroe, Colaresi and Quinn's (2008)
    log-odds with an informative Dirichlet prior, and token-level chi-square and G2 beside it.

    Each n-gram order is its own multinomial (unigrams' totals and prior apart from bigrams',
    so a bigram's z does not move when unigram counts do), fitted on every term either bloc
    uses. Only the rows shown are filtered: a term used by fewer than `min_articles` articles
    of the two blocs together gets no row, but still counts in its order's totals and prior.
    The prior: `prior_counts`.

    Parameters
    ----------
    matrix, vocabulary
        Documents x terms counts and the terms in column order (`article_matrix`, `count_matrix`).
    groups
        The bloc of each document (row).
    a, b
        The target bloc and the reference bloc.
    prior_scale
        The prior's total per order as a multiple of that order's pooled count (1: a_w = the
        term's pooled count).
    background
        Counts the prior is proportional to ({term: count}, or an array over `vocabulary`), e.g.
        a background corpus; None: the two blocs' pooled counts.
    min_articles
        Fewest articles (both blocs) using a term for it to get a row.

    Returns
    -------
    pandas.DataFrame
        term, ngram, count_<a>, count_<b>, n_articles, n_articles_<a>, n_articles_<b>, rate_<a>,
        rate_<b> (per 1,000 terms of the same order), log_odds, z, chi2, g2 (token-level, per
        order); sorted by z descending (terms of `a` first), ties by term.
    """
    groups = np.asarray(groups)
    in_a, in_b = sparse.csr_matrix(matrix[groups == a]), sparse.csr_matrix(matrix[groups == b])

    def sums(part: sparse.csr_matrix) -> np.ndarray:
        return np.asarray(part.sum(axis=0)).ravel().astype(np.int64)

    return _keyness_table(vocabulary, sums(in_a), sums(in_b), sums(in_a > 0), sums(in_b > 0), a, b, prior_scale,
                          _aligned(background, vocabulary), min_articles)


def _keyness_table(vocabulary: Sequence[str], y_i: np.ndarray, y_j: np.ndarray, d_i: np.ndarray, d_j: np.ndarray,
                   a: str, b: str, prior_scale: float, background: np.ndarray | None, min_articles: int) -> pd.DataFrame:
    seen = (y_i + y_j) > 0
    vocab = np.asarray(vocabulary, dtype=object)[seen]
    y_i, y_j, d_i, d_j = y_i[seen], y_j[seen], d_i[seen], d_j[seen]
    orders = ngram_orders(vocab)
    prior = prior_counts(y_i + y_j, orders, prior_scale=prior_scale,
                         background=None if background is None else background[seen])
    delta, z = _per_order(y_i, y_j, prior, orders)
    chi2, g2 = np.zeros(len(vocab)), np.zeros(len(vocab))
    rate_i, rate_j = np.zeros(len(vocab)), np.zeros(len(vocab))
    for order in np.unique(orders):
        cols = orders == order
        chi2[cols], g2[cols] = _signed_chi2_g2(y_i[cols], y_j[cols])
        rate_i[cols] = 1000 * y_i[cols] / max(y_i[cols].sum(), 1)
        rate_j[cols] = 1000 * y_j[cols] / max(y_j[cols].sum(), 1)
    table = pd.DataFrame({
        "term": vocab.astype(str), "ngram": orders, f"count_{a}": y_i, f"count_{b}": y_j,
        "n_articles": d_i + d_j, f"n_articles_{a}": d_i, f"n_articles_{b}": d_j,
        f"rate_{a}": rate_i, f"rate_{b}": rate_j, "log_odds": delta, "z": z, "chi2": chi2, "g2": g2,
    })
    table = table[table["n_articles"] >= min_articles]
    return table.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def keyness_for(tables: Mapping[str, pd.DataFrame], a: str, b: str, *, prior_scale: float = 1.0,
                background: Background = None, min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """`keyness` of bloc `a` against `b`: the built `keyness` table when it was built for this
    pair in this order with these settings (the defaults), otherwise computed from the
    per-article term counts (`article_matrix`, which counts the same words as the build).

    Parameters
    ----------
    tables
        The built tables (articles, paragraphs, quotes and, when built, keyness).
    a, b
        The target bloc and the reference bloc.
    prior_scale, background, min_articles
        As in `keyness` (`background` as {term: count}, e.g. a background corpus's counts).

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
    defaults = prior_scale == 1.0 and background is None and min_articles == MIN_ARTICLES
    if built is not None and defaults and "n_articles" in built.columns:
        counts = [c for c in built.columns if c.startswith("count_")]
        if counts == [f"count_{a}", f"count_{b}"]:
            return built
    blocs = set(tables["articles"]["bloc"])
    missing = [x for x in (a, b) if x not in blocs]
    if missing:
        raise ValueError(f"no articles of bloc(s) {missing}; the corpus has {sorted(blocs)}")
    matrix, vocab, groups = article_matrix(tables)
    return keyness(matrix, vocab, groups, a, b, prior_scale=prior_scale, background=background,
                   min_articles=min_articles)


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
