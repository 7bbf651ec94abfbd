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
#: Relabelled values (relabellings x articles) up to which a sampled test draws every relabelling;
#: above it (5,000 articles at `N_PERMUTATIONS`), each measure's relabelled sum is drawn from its
#: large-sample normal form (the permutation distribution's own mean and variance: Hajek 1960's
#: central limit theorem for sampling without replacement), as the bootstraps do above
#: `bootstrap.EXACT_BOOTSTRAP_BUDGET`: drawing 10,000 relabellings of 100,000 articles took 10 s a
#: measure, and a results table tests dozens.
EXACT_PERMUTATION_BUDGET = 50_000_000


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


def comb_at_most(n: int, k: int, limit: int) -> int | None:
    """`math.comb(n, k)` if it is at most `limit`, else None, without computing a number of
    thousands of digits (C(100,000, 50,000) takes a quarter of a second): the product stops as
    soon as it passes the limit.

    Parameters
    ----------
    n, k : articles in all, and articles given the first label.
    limit : the largest count wanted exactly.

    Returns
    -------
    int or None
        The count of relabellings (0 when k > n), or None when it exceeds `limit`.
    """
    k = min(k, n - k)
    if k < 0:
        return 0
    count = 1
    for i in range(1, k + 1):
        count = count * (n - k + i) // i  # C(n - k + i, i), an integer at every step
        if count > limit:
            return None
    return count


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
    total = comb_at_most(n, k, limit)
    if total is not None:
        return np.asarray(list(itertools.combinations(range(n), k)), dtype=np.int64).reshape(total, k), True
    return np.concatenate(list(sampled_relabellings(n, k, limit=limit, seed=seed))), False


def sampled_relabellings(n: int, k: int, *, limit: int = N_PERMUTATIONS, seed: int = 0,
                         batch_values: int = 4_000_000, sort: bool = True) -> Iterator[np.ndarray]:
    """`limit` distinct random k-subsets of n articles (index rows, sorted unless `sort` is False), in batches of about
    `batch_values` indices, so that memory stays bounded however many articles there are.

    Draws `rng.choice(n, k, replace=False, shuffle=False)` (a uniform subset, in no particular
    order: 40% faster than shuffled) from a generator seeded with `seed` and skips a
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
            split = rng.choice(n, k, replace=False, shuffle=False)  # the set is uniform; its order is not needed
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
    any labelling of these articles could get); otherwise sampled, p = (1 + hits) / (1 + limit),
    the relabelled differences drawn from their large-sample normal form above
    `EXACT_PERMUTATION_BUDGET` relabelled values (`normal_form` is then True).
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
        why there is no p-value; n_relabellings is then 0), and normal_form (True) when the
        relabellings were drawn from their normal form.
    """
    return permutation_tests({"value": values}, labels, a, b, limit=limit, seed=seed,
                             min_articles=min_articles)["value"]


def permutation_tests(columns: Mapping[str, Sequence[float]], labels: Sequence[str], a: str, b: str, *,
                      limit: int = N_PERMUTATIONS, seed: int = 0,
                      min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> dict[str, dict]:
    """`permutation_test` of each column (one value per article, aligned with `labels`), with the
    same results, but the relabellings drawn once for all columns that leave out the same
    articles (the same missing values): drawing them is most of a test's cost (about 1 ms per
    relabelling at 100,000 articles), and a results table compares dozens of measures over the
    same articles.

    Parameters
    ----------
    columns : one sequence of values per measure, by name, each aligned with `labels`.
    labels : the bloc of each article.
    a, b : the two blocs compared.
    limit : most relabellings enumerated for an exact test; above it, this many are sampled.
    seed : seed of the sampled relabellings.
    min_articles : articles each bloc needs for a p-value (1: test whatever the counts).

    Returns
    -------
    dict
        The `permutation_test` result of each column, by name, in the order given.
    """
    labels = np.asarray(labels)
    in_pair = np.isin(labels, [a, b])
    results: dict[str, dict] = {}
    # columns by the number of articles they keep and of those in `a`: the relabellings depend on
    # nothing else (not on which articles), so columns that keep different articles share them too
    groups: dict[tuple[int, int], list[tuple[str, np.ndarray, float]]] = {}
    for name, values in columns.items():
        values = np.asarray(values, dtype=float)
        if values.shape != labels.shape:
            raise ValueError(f"column {name!r} has {values.size} values for {labels.size} labels")
        keep = in_pair & ~np.isnan(values)
        lab = labels[keep]
        x = values[keep]
        n, k = len(x), int((lab == a).sum())
        results[name] = {}  # keeps the order of `columns`
        if k == 0 or k == n:
            results[name] = {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": float("nan"),
                             "p_value": float("nan"), "n_relabellings": 0, "exact": True, "min_p": float("nan"),
                             "reason": "no p-value: a compared bloc has no article with a value"}
            continue
        observed = float(x[lab == a].mean() - x[lab == b].mean())
        if reason := no_p_value_reason(k, n - k, min_articles):
            results[name] = {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": observed,
                             "p_value": float("nan"), "n_relabellings": 0, "exact": True, "min_p": float("nan"),
                             "reason": reason}
            continue
        groups.setdefault((n, k), []).append((name, x, observed))
    for (n, k), members in groups.items():
        count = comb_at_most(n, k, limit)
        exact = count is not None
        if not exact and n * limit > EXACT_PERMUTATION_BUDGET:
            normal = np.random.default_rng(seed).standard_normal(limit)  # (shared by the group, as relabellings are)
            for name, values, observed in members:
                results[name] = {**_p_value(_normal_sums(values, k, normal), values.sum(), n, k, observed, False, None,
                                            a, b), "normal_form": True}
            continue
        batches = [relabellings(n, k, limit=limit, seed=seed)[0]] if exact else \
            sampled_relabellings(n, k, limit=limit, seed=seed, sort=False)
        sums: list[list[np.ndarray]] = [[] for _ in members]
        for part in batches:  # one draw of relabellings serves every column of the group
            for j, (_, values, _) in enumerate(members):
                sums[j].append(values[part].sum(axis=1))  # one value per relabelling
        for (name, values, observed), parts in zip(members, sums):
            results[name] = _p_value(np.concatenate(parts), values.sum(), n, k, observed, exact, count, a, b)
    return results


def _normal_sums(values: np.ndarray, k: int, normal: np.ndarray) -> np.ndarray:
    """The first bloc's sum under random relabellings of `values`, drawn from its large-sample
    normal form: mean k x mean, variance k (n - k) / n x the values' variance (n - 1 divisor), the
    exact first two moments of a sum of k values drawn without replacement; `normal` holds the
    standard normal draws."""
    n = values.size
    centred = values - values.mean()
    variance = k * (n - k) / n * float(centred @ centred) / (n - 1)
    return k * values.mean() + np.sqrt(variance) * normal


def _p_value(sum_a: np.ndarray, total: float, n: int, k: int, observed_stat: float, exact: bool,
             count: int | None, a: str, b: str) -> dict:
    """A `permutation_test` result from the first bloc's sum under each relabelling."""
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
            "p_value": float(p), "n_relabellings": int(count) if exact else len(sum_a),
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
    if test.get("normal_form"):
        return (f"from {count_text(test['n_relabellings'])} simulated draws of the {unit}' large-sample normal "
                f"approximation (too many articles to draw them one by one); the smallest p that many draws can give "
                f"is {test['min_p']:.2g}")
    return (f"from {count_text(test['n_relabellings'])} random {unit}; the smallest p that many can give is "
            f"{test['min_p']:.2g}")
