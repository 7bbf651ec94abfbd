"""How far to trust a keyness table: what shuffled bloc labels reach (`null_max_z`), which
shuffle reaches most (`null_split_summary`), how the prior's weight moves the result
(`prior_sensitivity`), and the sentence that states it (`keyness_summary`)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

from analysis import stats
from analysis.framing.distinctive import (
    MIN_ARTICLES,
    Background,
    _aligned,
    _per_order,
    keyness,
    ngram_orders,
    prior_counts,
)

__all__ = ["NOISE_LEVEL", "TOKEN_LEVEL_NOTE", "keyness_summary", "noise_threshold", "noise_threshold_range",
           "noise_threshold_text", "null_max_z",
           "null_split_summary", "prior_sensitivity"]

#: The prior totals `prior_sensitivity` tries, as multiples of each n-gram order's pooled count.
PRIOR_SCALES = (0.1, 1.0, 10.0)
#: The share of relabellings whose largest |z| the noise threshold is at or above.
NOISE_LEVEL = 0.95


def noise_threshold(null: np.ndarray, level: float = NOISE_LEVEL) -> float:
    """The |z| a term must pass to stand out from shuffled bloc labels: the `level` quantile
    (the value at or above that share of them) of the largest |z| under each relabelling
    (`null_max_z`), a family-wise threshold over all terms (Westfall and Young's max-T).

    The quantile estimates a fixed point of the null however many relabellings are drawn; the
    largest of them would rise with their number. With fewer relabellings than a quantile needs
    (under 20 for 0.95; five articles have ten), it is the largest any relabelling reaches, and
    no term can stand out at that level: `noise_threshold_text` says so.

    Parameters
    ----------
    null : `null_max_z` values (NaN where no term has a row).
    level : the quantile, below 1.

    Returns
    -------
    float
        The threshold, or NaN when `null` holds no value.
    """
    values = np.asarray(null, dtype=float)
    values = values[~np.isnan(values)]
    if not len(values):
        return float("nan")
    if len(values) < _needed(level):
        return float(values.max())
    return float(np.quantile(values, level, method="higher"))


def noise_threshold_range(null: np.ndarray, level: float = NOISE_LEVEL, confidence: float = 0.95) -> tuple[float, float]:
    """How precisely sampled relabellings place the noise threshold: a distribution-free `confidence`
    interval for the `level` quantile of the largest |z|, from the order statistics of the draws (the
    number of draws at or below the true quantile is binomial). With every relabelling enumerated, or
    too few for the quantile, the threshold itself at both ends. A term between the threshold and the
    upper end exceeds it on these draws, but more relabellings (`N_PERM`) could put it below.

    Parameters
    ----------
    null : `null_max_z` values (NaN where no term has a row).
    level : the quantile, as in `noise_threshold`.
    confidence : the coverage of the interval.

    Returns
    -------
    (float, float)
        The lower and upper end (the upper is the largest draw when the draws cannot bound it); NaN, NaN
        when `null` holds no value.
    """
    from scipy.stats import binom

    values = np.sort(np.asarray(null, dtype=float))
    values = values[~np.isnan(values)]
    n = len(values)
    if not n:
        return float("nan"), float("nan")
    if n < _needed(level):
        return float(values[-1]), float(values[-1])
    tail = (1 - confidence) / 2
    low = max(int(binom.ppf(tail, n, level)), 1)  # (1-based order statistics)
    high = min(int(binom.ppf(1 - tail, n, level)) + 1, n)
    return float(values[low - 1]), float(values[high - 1])


def _needed(level: float) -> int:
    """Relabellings a `level` quantile needs: at least one lies above it (20 for 0.95)."""
    return math.ceil(round(1 / (1 - level), 6))


def noise_threshold_text(null: np.ndarray, level: float = NOISE_LEVEL) -> str:
    """What `noise_threshold` is for these relabellings, in words (for notebooks and figure notes).

    Parameters
    ----------
    null : `null_max_z` values (NaN where no term has a row).
    level : the quantile, as in `noise_threshold`.

    Returns
    -------
    str
        A clause naming the quantile and the number of relabellings, or saying they are too few.
    """
    n = int(np.count_nonzero(~np.isnan(np.asarray(null, dtype=float))))
    if n < _needed(level):
        return (f"the largest |z| any of the {n} relabellings reaches (fewer than {_needed(level)}: too few for a "
                f"{level:.0%} threshold, so no term can stand out at that level)")
    return (f"the {level:.0%} quantile of the largest |z| over {n} relabellings (a term beyond it stands out from "
            f"the shuffles at the {1 - level:.0%} family-wise level)")


def null_max_z(matrix: sparse.csr_matrix, vocabulary: Sequence[str], groups: Sequence[str], a: str, b: str, *,
               n_perm: int = 200, seed: int = 0, prior_scale: float = 1.0, background: Background = None,
               min_articles: int = MIN_ARTICLES, return_split: bool = False) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Largest |z| when bloc labels are shuffled across articles: what noise alone reaches.

    Every distinct relabelling is used when there are at most `n_perm` of them (five articles
    have ten; counted with `math.comb`, never listed beyond that); otherwise `n_perm` distinct
    random ones (`stats.relabellings`). Articles of other blocs are left out. Each value equals
    `keyness(...)["z"].abs().max()` under that relabelling (same prior, same per-order
    multinomials, the same rows: a term's article count over both blocs does not change when
    labels are shuffled), computed on arrays in batches.

    Parameters
    ----------
    matrix, vocabulary
        Articles x terms counts and the terms in column order (`article_matrix`).
    groups
        The bloc of each article (row).
    a, b
        The two blocs whose labels are shuffled.
    n_perm, seed
        Most relabellings used, and the seed of the random ones.
    prior_scale, background, min_articles
        As in `keyness`.
    return_split
        Also return the relabelling with the largest value.

    Returns
    -------
    numpy.ndarray, or tuple of (numpy.ndarray, numpy.ndarray)
        The largest |z| under each relabelling (NaN where no term has a row); empty when `a` or
        `b` has no articles. With `return_split`, also a boolean mask over the rows of `matrix`:
        the articles that relabelling calls `a` (the other articles of `a` and `b` it calls `b`;
        all False when the first array is empty).
    """
    nulls, keep, largest = _null_maxima(matrix, vocabulary, groups, a, b, n_perm=n_perm, seed=seed, scales=[prior_scale],
                                        background=background, min_articles=min_articles)
    out = nulls[prior_scale]
    if not return_split:
        return out
    split = np.zeros(len(groups), dtype=bool)
    if largest is not None:
        split[keep[largest]] = True
    return out, split


def _null_maxima(matrix: sparse.csr_matrix, vocabulary: Sequence[str], groups: Sequence[str], a: str, b: str, *,
                 n_perm: int, seed: int, scales: Sequence[float], background: Background,
                 min_articles: int) -> tuple[dict[float, np.ndarray], np.ndarray, np.ndarray | None]:
    """`null_max_z` under each prior weight of `scales`, with the relabellings' counts summed once
    for all of them (the sums are most of the cost: 100,000 articles, 10 s of 12 per weight).
    Also the rows of `a` and `b` (`keep`) and the relabelling of the first weight's largest value
    (its first, as `np.nanargmax`; None when one bloc is empty or no value is a number).

    Drawn relabellings come a batch at a time (`stats.sampled_relabellings`, the same ones in the
    same order as `stats.relabellings`): all of them at once, 10,000 relabellings of 100,000
    articles, were 4 GB of indices and the notebook's peak of 10 GB."""
    groups = np.asarray(groups)
    keep = np.flatnonzero(np.isin(groups, [a, b]))
    # (copies of the matrix only where rows or columns are left out: each is the size of the matrix)
    sub = sparse.csr_matrix(matrix) if len(keep) == matrix.shape[0] else sparse.csr_matrix(matrix[keep])
    if not sub.has_canonical_format:  # (a term listed twice in a row: summed, on a copy)
        sub = sub.copy()
        sub.sum_duplicates()
    labels = groups[keep]
    n_a = int((labels == a).sum())
    if n_a == 0 or n_a == len(labels):
        return {scale: np.asarray([], dtype=float) for scale in scales}, keep, None
    total = stats.permutation.comb_at_most(len(labels), n_a, n_perm)
    drawn = ([stats.relabellings(len(labels), n_a, limit=n_perm, seed=seed)[0]] if total is not None
             else stats.sampled_relabellings(len(labels), n_a, limit=n_perm, seed=seed))
    pooled = np.asarray(sub.sum(axis=0)).ravel().astype(float)
    seen = pooled > 0
    background = _aligned(background, vocabulary)
    sub, pooled, orders = sub if seen.all() else sub[:, seen], pooled[seen], ngram_orders(vocabulary)[seen]
    shown = np.bincount(sub.indices[sub.data > 0], minlength=sub.shape[1]) >= min_articles  # (articles using each term)
    priors = {scale: prior_counts(pooled, orders, prior_scale=scale,
                                  background=None if background is None else background[seen]) for scale in scales}
    outs = {scale: np.full(n_perm if total is None else total, np.nan) for scale in scales}
    # (about 8 MB of floats per array of a batch, and 32 MB for the batch's 0/1 columns)
    batch = max(1, min(int(1_000_000 // max(sub.shape[1], 1)), int(4_000_000 // max(sub.shape[0], 1))))
    by_term = sub.T  # (terms x articles, a view: the counts summed over each relabelling's articles at once)
    first, done, largest, best = scales[0], 0, None, -np.inf
    for splits in drawn:
        for start in range(0, len(splits), batch):
            part = splits[start:start + batch]
            # each relabelling's articles as a 0/1 column (a relabelling lists distinct articles): the sums of
            # the sparse counts times these dense columns are the same integers as the sparse product of the two
            # (summed in float64, exactly), at a fifth of its time (100,000 articles: 3 s instead of 15 s)
            pick = np.zeros((sub.shape[0], len(part)))
            pick[part.T, np.arange(len(part))[None, :]] = 1.0
            y_i = np.ascontiguousarray((by_term @ pick).T)
            for scale, prior in priors.items():
                _, z = _per_order(y_i, pooled[None, :] - y_i, prior, orders)
                if shown.any():
                    outs[scale][done:done + len(part)] = np.abs(z[:, shown]).max(axis=1)
            values = outs[first][done:done + len(part)]
            if not np.isnan(values).all() and np.nanmax(values) > best:  # (a later tie keeps the first)
                best, largest = float(np.nanmax(values)), part[int(np.nanargmax(values))]
            done += len(part)
    return outs, keep, largest


def _ranked(table: pd.DataFrame, sign: int) -> pd.DataFrame:
    """The terms of one side (z of `sign`), largest |z| first, ties by term."""
    side = table[np.sign(table["z"]) == sign]
    return side.assign(_abs=side["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True], kind="mergesort")


#: What the keyness table's chi2 and g2 are, for every text that shows them beside the null.
TOKEN_LEVEL_NOTE = ("The table's chi2 and g2 are token-level tests: they treat every word as an independent "
                    "draw, so one article repeating a word counts as that much more evidence; they are shown "
                    "for comparison with the keyness literature and are not held against the article-level "
                    "null.")


def keyness_summary(table: pd.DataFrame, null: np.ndarray, a: str, b: str, articles: pd.DataFrame, *,
                    min_articles: int = MIN_ARTICLES) -> str:
    """A sentence on how many terms of each bloc exceed the noise threshold of shuffled labels
    (`noise_threshold`), naming
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
    min_articles
        The table's minimum of articles per term (named in the text).

    Returns
    -------
    str
        The sentences, in Markdown.
    """
    if len(null) == 0:
        return f"No shuffled-label reference: one of {a!r} and {b!r} has no articles."
    n_a, n_b = int((articles["bloc"] == a).sum()), int((articles["bloc"] == b).sum())
    exact = len(null) == math.comb(n_a + n_b, n_a)
    threshold = noise_threshold(null)
    low, high = (threshold, threshold) if exact else noise_threshold_range(null)
    kind = "every one of the" if exact else f"a random sample of {len(null)} of the"
    head = (f"Noise threshold from {kind} {stats.count_text(math.comb(n_a + n_b, n_a))} relabellings of the {n_a + n_b} articles "
            f"(what noise alone reaches, with articles as the unit): {threshold:.2f}, {noise_threshold_text(null)}.")
    if high > low:
        head += (f" Sampled, the threshold itself is uncertain: 95% range [{low:.2f}, {high:.2f}] from these "
                 f"{len(null)} draws; a term below {high:.2f} is marked \"(near the threshold)\", as more relabellings "
                 "(`N_PERM`) could put it under.")
    parts = []
    for bloc, sign in ((a, 1), (b, -1)):
        beyond = _ranked(table, sign)
        beyond = beyond[beyond["_abs"] > threshold]
        if beyond.empty:
            parts.append(f"no term of {bloc} exceeds it")
        else:
            named = ", ".join(f'"{t}" (z {abs(z):.2f}' + (", near the threshold)" if abs(z) <= high else ")")
                              for t, z in zip(beyond["term"].head(5), beyond["z"].head(5)))
            parts.append(f"{len(beyond)} term(s) of {bloc} exceed it: {named}" + (" ..." if len(beyond) > 5 else ""))
    parts[0] = parts[0][0].upper() + parts[0][1:]
    compared = f"The table has the {len(table):,} terms used by at least {min_articles} of these articles."
    return " ".join([head, "; ".join(parts) + ".", compared, TOKEN_LEVEL_NOTE])


def _side(articles: pd.DataFrame, listed: int) -> str:
    """The articles of one side of a split: each named when few, else how many from how many outlets."""
    if len(articles) <= listed:
        return ", ".join(f"{o} · {i} ({b})" for o, i, b in
                         sorted(zip(articles["outlet"], articles["article_id"], articles["bloc"])))
    return f"{len(articles)} articles from {articles['outlet'].nunique()} outlets"


def null_split_summary(articles: pd.DataFrame, split: np.ndarray, matrix: sparse.csr_matrix,
                       vocabulary: Sequence[str], a: str, b: str, *, prior_scale: float = 1.0,
                       background: Background = None, min_articles: int = MIN_ARTICLES, listed: int = 8) -> str:
    """Names the shuffle of bloc labels that reaches the largest |z| (`null_max_z(...,
    return_split=True)`): which articles it puts on each side, which term reaches that |z|, and
    how many of its `a` side are `a` articles.

    Parameters
    ----------
    articles
        The articles table (article_id, outlet, bloc), rows in the order of `matrix`.
    split
        The mask `null_max_z` returned: the articles the shuffle calls `a`.
    matrix, vocabulary
        Articles x terms counts and the terms (`article_matrix`).
    a, b
        The two blocs.
    prior_scale, background, min_articles
        As in `keyness` (those the null was computed with).
    listed
        Most articles named per side (above, they are counted per outlet, and at most this many
        outlets named).

    Returns
    -------
    str
        The sentences, in Markdown.
    """
    split = np.asarray(split, dtype=bool)
    blocs = articles["bloc"].to_numpy()
    pair = np.isin(blocs, [a, b])
    if not split.any():
        return f"No shuffled split to name: one of {a!r} and {b!r} has no articles, or no term has a row."
    fake = np.where(split, a, np.where(pair, b, ""))
    table = keyness(matrix, vocabulary, fake, a, b, prior_scale=prior_scale, background=background,
                    min_articles=min_articles)
    top = table.assign(_abs=table["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True],
                                                          kind="mergesort").iloc[0]
    side_a, side_b = articles[split], articles[pair & ~split]
    same = int((side_a["bloc"] == a).sum())
    n_a, n_pair = int((blocs == a).sum()), int(pair.sum())
    actual = "it is the actual split" if same == n_a == len(side_a) else (
        f"{same} of the {len(side_a)} articles it calls {a} {'is' if same == 1 else 'are'} from bloc {a} "
        f"(a random split gives {n_a * n_a / n_pair:.1f} on average)")
    favoured = a if top["z"] > 0 else b
    column = list(vocabulary).index(top["term"])
    users = articles[pair & (np.asarray(matrix[:, column].todense()).ravel() > 0)]
    sides = np.where(split[users.index.map(articles.index.get_loc)], a, b)
    named = ", ".join(f"{o} · {i} ({bl}, put on the {side} side)" for o, i, bl, side in
                      sorted(zip(users["outlet"], users["article_id"], users["bloc"], sides))[:listed])
    more = f" and {len(users) - listed} more" if len(users) > listed else ""
    return (f"The shuffle reaching the largest |z| ({abs(top['z']):.2f}, \"{top['term']}\", more {favoured} "
            f"under it) calls {len(side_a)} articles {a}: {_side(side_a, listed)}; and {len(side_b)} articles {b}: "
            f"{_side(side_b, listed)}. As for how close it is to the real blocs, {actual}. The {len(users)} "
            f"articles using \"{top['term']}\": {named}{more}.")


def prior_sensitivity(matrix: sparse.csr_matrix, vocabulary: Sequence[str], groups: Sequence[str], a: str, b: str, *,
                      scales: Sequence[float] = PRIOR_SCALES, top: int = 5, n_perm: int = 200, seed: int = 0,
                      background: Background = None,
                      min_articles: int = MIN_ARTICLES) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keyness under a grid of prior weights: how the strongest terms' z move, and how many terms
    pass the noise threshold (`null_max_z` at the same weight).

    With a_w proportional to pooled counts, every term one bloc alone uses gets the same
    log-odds, and the prior's weight (a0 = `scale` x each order's pooled count) sets that common
    value and how much z grows with a term's count; nothing else chooses it.

    Parameters
    ----------
    matrix, vocabulary, groups
        Articles x terms counts, the terms and each article's bloc (`article_matrix`).
    a, b
        The two blocs.
    scales
        The prior weights tried, as multiples of the pooled count (1 is the default prior).
    top
        Terms followed per bloc: the strongest at the weight of `scales` closest to 1.
    n_perm, seed
        As in `null_max_z`.
    background, min_articles
        As in `keyness`.

    Returns
    -------
    tuple of (pandas.DataFrame, pandas.DataFrame)
        Per weight: scale, prior_unigrams (a0 of the unigrams), threshold (`noise_threshold` of
        the shuffles), n_beyond_<a>, n_beyond_<b> (terms past it), top_<a>, top_<b> (the strongest
        term of each bloc). And per weight and followed term: scale, term, bloc (the one it is
        strongest for at the reference weight), z, beyond.
    """
    scales = sorted(float(s) for s in scales)
    reference = min(scales, key=lambda s: (abs(math.log(s)), s))
    orders = ngram_orders(vocabulary)
    pooled = np.asarray(matrix[np.isin(np.asarray(groups), [a, b])].sum(axis=0)).ravel()
    tables, rows = {}, []
    nulls = _null_maxima(matrix, vocabulary, groups, a, b, n_perm=n_perm, seed=seed, scales=scales,
                         background=background, min_articles=min_articles)[0]
    for scale in scales:
        table = keyness(matrix, vocabulary, groups, a, b, prior_scale=scale, background=background,
                        min_articles=min_articles)
        threshold = noise_threshold(nulls[scale])
        row = {"scale": scale, "prior_unigrams": scale * float(pooled[orders == 1].sum()), "threshold": threshold}
        for bloc, sign in ((a, 1), (b, -1)):
            ranked = _ranked(table, sign)
            row[f"n_beyond_{bloc}"] = int((ranked["_abs"] > threshold).sum())
            row[f"top_{bloc}"] = ranked["term"].iloc[0] if len(ranked) else ""
        rows.append(row)
        tables[scale] = table.assign(scale=scale, beyond=table["z"].abs() > threshold)
    followed = pd.concat([_ranked(tables[reference], sign).head(top).assign(bloc=bloc)[["term", "bloc"]]
                          for bloc, sign in ((a, 1), (b, -1))], ignore_index=True)
    terms = pd.concat([followed.merge(tables[s][["term", "scale", "z", "beyond"]], on="term", how="left")
                       .assign(scale=s) for s in scales], ignore_index=True)
    return pd.DataFrame(rows), terms[["scale", "term", "bloc", "z", "beyond"]]
