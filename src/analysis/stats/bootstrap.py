"""Bootstrap intervals of means: over a sample, per group of sentences, and over articles then
their sentences (two levels). All randomness takes an explicit seed or generator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

#: Resampled values (draws x values) up to which bootstraps resample every sentence; above it
#: a resampled mean is drawn from its large-sample normal distribution (its mean and standard
#: error), which the sentence bootstrap approaches, so that cost grows with articles, not sentences.
EXACT_BOOTSTRAP_BUDGET = 50_000_000
#: Resampled values drawn at once by the two-level bootstrap (a batch of draws; memory about 40 bytes each).
_BATCH_VALUES = 1_000_000


def bootstrap_mean_ci(values: Sequence[float], *, n_boot: int = 2000, ci: float = 0.95,
                      seed: int = 0) -> tuple[float, float, float]:
    """Mean and percentile bootstrap interval of a sample (nan for an empty sample).

    Parameters
    ----------
    values : the sample.
    n_boot : bootstrap draws (above `EXACT_BOOTSTRAP_BUDGET` resampled values, the resampled
        means come from their large-sample normal distribution).
    ci : coverage of the interval.
    seed : seed of the generator.

    Returns
    -------
    tuple of float
        (mean, lower bound, upper bound).
    """
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (np.nan, np.nan, np.nan)
    rng = np.random.default_rng(seed)
    if n_boot * data.size <= EXACT_BOOTSTRAP_BUDGET:
        means = data[rng.integers(0, data.size, size=(n_boot, data.size))].mean(axis=1)
    else:  # the large-sample distribution of a bootstrap mean, without an n_boot x n index matrix
        means = data.mean() + data.std() / np.sqrt(data.size) * rng.standard_normal(n_boot)
    alpha = (1 - ci) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])  # one call: the same values, half the overhead
    return float(data.mean()), float(low), float(high)


def aggregate(frame: pd.DataFrame, by: Sequence[str], column: str = "compound", *,
              n_boot: int = 2000, seed: int = 0, groups: Sequence[int] | None = None) -> pd.DataFrame:
    """Mean of `column` per group with a bootstrap interval over the group's sentences.

    Parameters
    ----------
    frame : one row per sentence, with the `by` columns and `column`.
    by : the grouping columns.
    column : the score averaged.
    n_boot : bootstrap draws per group (`bootstrap_mean_ci`).
    seed : seed of the first group; the n-th group (in sorted order) uses `seed + n`.
    groups : the positions (in sorted order) of the groups to compute, default all: each row is the
        one the full table has (its seed is still `seed + n`).

    Returns
    -------
    pd.DataFrame
        One row per group: the `by` columns, n_sentences, mean, ci_low, ci_high.
    """
    # each group's rows taken from one array (a pandas group per article cost as much as its
    # bootstrap, 100,000 articles)
    return _aggregate_groups(frame[column].to_numpy(dtype=float), frame.groupby(list(by), sort=True).indices, by,
                             n_boot=n_boot, seed=seed, groups=groups)


def _aggregate_groups(values: np.ndarray, indices: Mapping[object, np.ndarray], by: Sequence[str], *, n_boot: int,
                      seed: int, groups: Sequence[int] | None) -> pd.DataFrame:
    """`aggregate` from the score array and the groups' row positions (`DataFrame.groupby(by,
    sort=True).indices`), for a caller that already has them."""
    rows = []
    wanted = None if groups is None else set(groups)
    for n, (key, rows_of) in enumerate(indices.items()):
        if wanted is not None and n not in wanted:
            continue
        mean, low, high = bootstrap_mean_ci(values[rows_of], n_boot=n_boot, seed=seed + n)
        keys = key if isinstance(key, tuple) else (key,)
        rows.append({**dict(zip(by, keys)), "n_sentences": len(rows_of), "mean": mean, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)


def _hierarchical_draws(frame: pd.DataFrame, bloc: str, column: str, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap means of a bloc: resample articles within the bloc, then sentences within each
    (vectorised over batches of draws; above `EXACT_BOOTSTRAP_BUDGET` resampled sentences, each resampled
    article's mean is drawn from Normal(article mean, its standard error), and above that many
    resampled articles the bloc mean itself from its normal large-sample form)."""
    part = frame[frame["bloc"] == bloc]
    codes, _ = pd.factorize(part["article_id"], sort=True)
    order = np.argsort(codes, kind="stable")
    values = part[column].to_numpy(float)[order]
    sizes = np.bincount(codes)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    k = sizes.size
    draws = np.empty(n_boot)
    if n_boot * values.size <= EXACT_BOOTSTRAP_BUDGET:
        # draws in batches of about `_BATCH_VALUES` resampled values: each batch picks its articles for all
        # its draws at once, then every picked article's sentences, and sums them per picked article
        step = max(1, _BATCH_VALUES // max(values.size, 1))
        for first in range(0, n_boot, step):
            m = min(step, n_boot - first)
            picked = rng.integers(0, k, size=(m, k)).ravel()
            n = sizes[picked]
            at = np.repeat(starts[picked], n) + rng.integers(0, np.repeat(n, n))
            sums = np.add.reduceat(values[at], np.concatenate(([0], np.cumsum(n)[:-1])))
            draws[first:first + m] = (sums / n).reshape(m, k).mean(axis=1)
        return draws
    means = np.add.reduceat(values, starts) / sizes
    spread = np.sqrt(np.maximum(np.add.reduceat(values**2, starts) / sizes - means**2, 0.0) / sizes)
    if n_boot * k > EXACT_BOOTSTRAP_BUDGET:
        # so many articles that resampling them costs seconds per interval (50,000 articles: 10^8
        # draws): the resampled bloc mean, an average of k independent draws of (article mean +
        # its standard error x normal), is itself normal with this mean and variance
        scale = np.sqrt((means.var() + np.mean(spread**2)) / k)
        return means.mean() + scale * rng.standard_normal(n_boot)
    step = max(1, 5_000_000 // k)
    for first in range(0, n_boot, step):
        m = min(step, n_boot - first)
        picked = rng.integers(0, k, size=(m, k))
        draws[first:first + m] = (means[picked] + spread[picked] * rng.standard_normal((m, k))).mean(axis=1)
    return draws
