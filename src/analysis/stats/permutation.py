"""Article-level permutation tests: relabellings of articles counted with `math.comb`, enumerated
only when there are at most `limit` of them, otherwise drawn at random with a seeded generator,
so no step ever materialises all combinations (C(42, 22) is about 5 x 10^11).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np

from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL, no_p_value_reason

#: Most relabellings of articles per permutation test: every relabelling is used when there are
#: at most this many (exact), otherwise this many are drawn. The one default of every bloc
#: contrast (tone, naming, frames, topics, the results summary), so that one contrast gets one
#: p-value in every notebook.
N_PERMUTATIONS = 10_000


def count_text(n: int) -> str:
    """A count of relabellings in words: exact with thousands separators up to 10^15, else
    "about 1.6 × 10^30101" (`math.comb` of a large corpus has more digits than Python turns
    into a string by default, and more than a reader wants).

    Parameters
    ----------
    n : a non-negative count (any size).

    Returns
    -------
    str
        The count, e.g. "184,756" (exact below 10^15) or "about 1.59 × 10^30101".
    """
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if n < 10**15:
        return f"{n:,}"
    exponent = int(math.log10(n))
    while 10**exponent > n:  # log10 of a huge int can round up across a power of ten
        exponent -= 1
    while 10 ** (exponent + 1) <= n:
        exponent += 1
    mantissa = n // 10 ** (exponent - 2) / 100  # the first three digits, exactly
    return f"about {mantissa:.2f}".rstrip("0").rstrip(".") + f" × 10^{exponent}"


def relabellings(n: int, k: int, *, limit: int = N_PERMUTATIONS, seed: int = 0) -> tuple[np.ndarray, bool]:
    """Index sets of the `k` articles (of `n`) given the first label: every one of them when
    `math.comb(n, k) <= limit` (exact; the observed labelling is among them), else `limit`
    distinct random ones from a generator seeded with `seed`.

    Parameters
    ----------
    n, k : articles in all, and articles given the first label (0 <= k <= n).
    limit : most relabellings enumerated (at least 1); above it, this many are drawn.
    seed : seed of the generator for drawn relabellings.

    Returns
    -------
    tuple of (np.ndarray, bool)
        Int64 array of shape (m, k), each row's article indices sorted; whether it holds every
        relabelling (exact).
    """
    if not 0 <= k <= n:
        raise ValueError(f"cannot choose {k} of {n} articles")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    total = math.comb(n, k)
    if total <= limit:
        return np.asarray(list(itertools.combinations(range(n), k)), dtype=np.int64).reshape(total, k), True
    return np.concatenate(list(sampled_relabellings(n, k, limit=limit, seed=seed))), False


def sampled_relabellings(n: int, k: int, *, limit: int = N_PERMUTATIONS, seed: int = 0,
                         batch_values: int = 4_000_000, sort: bool = True) -> Iterator[np.ndarray]:
    """`limit` distinct random k-subsets of n articles (index rows, sorted unless `sort` is False), in batches of about
    `batch_values` indices, so that memory stays bounded however many articles there are.

    Draws `rng.choice(n, k, replace=False)` from a generator seeded with `seed` and skips a
    subset drawn before (recognised by a 64-bit fingerprint, the wrapped sum of fixed random
    weights of its members, instead of a tuple of up to n indices).

    Parameters
    ----------
    n, k : articles in all, and articles in each subset.
    limit : distinct subsets drawn in all.
    seed : seed of the generator.
    batch_values : about how many indices one batch holds.
    sort : whether each row's indices are sorted.

    Returns
    -------
    iterator of np.ndarray
        Int64 arrays of shape (rows, k), `limit` rows over all batches.
    """
    rng = np.random.default_rng(seed)
    weights = np.random.default_rng([seed, n, k]).integers(0, 2**63, size=n, dtype=np.uint64)
    seen: set[int] = set()
    left = limit
    rows = max(1, batch_values // max(k, 1))
    while left > 0:
        batch = []
        while left > 0 and len(batch) < rows:
            split = rng.choice(n, k, replace=False)
            key = int(weights[split].sum(dtype=np.uint64))
            if key not in seen:
                seen.add(key)
                batch.append(np.sort(split) if sort else split)
                left -= 1
        yield np.asarray(batch, dtype=np.int64).reshape(len(batch), k)


def permutation_test(values: Sequence[float], labels: Sequence[str], a: str, b: str, *, limit: int = N_PERMUTATIONS,
                     seed: int = 0, statistic: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
                     min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> dict:
    """Two-sided article-level permutation test of mean(a) - mean(b) over one value per article.

    Articles of other blocs are left out. Exact when the relabellings are at most `limit`
    (p = share of relabellings with |difference| >= the observed one; `min_p` is the smallest p
    any labelling of these articles could get); otherwise sampled, p = (1 + hits) / (1 + limit).
    No test when a bloc has fewer than `min_articles` articles (the project's rule,
    `stats.MIN_ARTICLES_FOR_INTERVAL`): p_value and min_p are NaN and `reason` says why.

    Parameters
    ----------
    values : one value per article (NaN values are left out).
    labels : the bloc of each article.
    a, b : the two blocs compared.
    limit : most relabellings enumerated for an exact test; above it, this many are sampled.
    seed : seed of the sampled relabellings.
    statistic : not used; the statistic is always the difference of means.
    min_articles : articles each bloc needs for a p-value (1: test whatever the counts).

    Returns
    -------
    dict
        a, b, n_articles_a, n_articles_b, difference (observed), p_value, n_relabellings, exact,
        min_p (difference and p NaN when either bloc has no article), reason ("" when tested, else
        why there is no p-value; n_relabellings is then 0).
    """
    values, labels = np.asarray(values, dtype=float), np.asarray(labels)
    keep = np.isin(labels, [a, b]) & ~np.isnan(values)
    x, lab = values[keep], labels[keep]
    n, k = len(x), int((lab == a).sum())
    if k == 0 or k == n:
        return {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": float("nan"),
                "p_value": float("nan"), "n_relabellings": 0, "exact": True, "min_p": float("nan"),
                "reason": "no p-value: a compared bloc has no article with a value"}
    observed_stat = float(x[lab == a].mean() - x[lab == b].mean())
    if reason := no_p_value_reason(k, n - k, min_articles):
        return {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": observed_stat,
                "p_value": float("nan"), "n_relabellings": 0, "exact": True, "min_p": float("nan"), "reason": reason}
    exact = math.comb(n, k) <= limit
    batches = [relabellings(n, k, limit=limit, seed=seed)[0]] if exact else \
        sampled_relabellings(n, k, limit=limit, seed=seed, sort=False)
    total = x.sum()
    sum_a = np.concatenate([x[part].sum(axis=1) for part in batches])  # one value per relabelling
    stats = np.abs(sum_a / k - (total - sum_a) / (n - k))
    tolerance = 1e-9 * max(1.0, abs(observed_stat))
    hits = int((stats >= abs(observed_stat) - tolerance).sum())
    if exact:
        p = hits / len(sum_a)
        min_p = int((stats >= stats.max() - tolerance).sum()) / len(sum_a)
    else:
        p = (1 + hits) / (1 + len(sum_a))
        min_p = 1 / (1 + len(sum_a))
    return {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": observed_stat,
            "p_value": float(p), "n_relabellings": int(math.comb(n, k)) if exact else len(sum_a),
            "exact": exact, "min_p": float(min_p), "reason": ""}


def how_tested(test: Mapping, unit: str = "relabellings") -> str:
    """How a permutation p-value was computed, for a sentence: exact over every relabelling (with
    the smallest p the design allows) or from a random sample of them (with the smallest p that
    many can give).

    Parameters
    ----------
    test : a `permutation_test` result (its exact, n_relabellings, min_p and reason).
    unit : what the sentence calls a relabelling.

    Returns
    -------
    str
        The clause, lower-case and without a full stop; the test's `reason` when it has no p-value.
    """
    if test.get("reason"):
        return test["reason"]
    if test["exact"]:
        return (f"exact, over all {count_text(test['n_relabellings'])} {unit}; the smallest p this design allows is "
                f"{test['min_p']:.3g}")
    return (f"from {count_text(test['n_relabellings'])} random {unit}; the smallest p that many can give is "
            f"{test['min_p']:.2g}")
