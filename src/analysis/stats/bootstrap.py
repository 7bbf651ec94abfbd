"""Bootstrap intervals of means: over a sample, per group of sentences, and of a bloc's mean of
article means over its articles. All randomness takes an explicit seed or generator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

#: Resampled values (draws x values) up to which bootstraps resample every value; above it a
#: resampled mean is drawn from its large-sample normal distribution (its mean and standard
#: error), which the bootstrap approaches, so that the cost stops growing with the sample.
EXACT_BOOTSTRAP_BUDGET = 50_000_000
#: Resampled values drawn at once by the article bootstrap (a batch of draws; memory about 16 bytes each).
_BATCH_VALUES = 1_000_000


def bootstrap_mean_ci(values: Sequence[float], *, n_boot: int = 2000, ci: float = 0.95,
                      seed: int = 0, expanded: bool = False) -> tuple[float, float, float]:
    """Mean and percentile bootstrap interval of a sample (nan for an empty sample).

    Parameters
    ----------
    values : the sample.
    n_boot : bootstrap draws (`_article_draws`: above `EXACT_BOOTSTRAP_BUDGET` resampled values,
        the resampled means come from their large-sample normal distribution).
    ci : coverage of the interval.
    seed : seed of the generator.
    expanded : widen the interval for a small sample as the bloc intervals are (`_expanded`).

    Returns
    -------
    tuple of float
        (mean, lower bound, upper bound).
    """
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (np.nan, np.nan, np.nan)
    means = _article_draws(data, n_boot, np.random.default_rng(seed))
    if expanded:
        means = _expanded(means, data, ci)
    alpha = (1 - ci) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])  # one call: the same values, half the overhead
    return float(data.mean()), float(low), float(high)


def aggregate(frame: pd.DataFrame, by: Sequence[str], column: str = "compound", *,
              n_boot: int = 2000, seed: int = 0, groups: Sequence[int] | None = None,
              expanded: bool = True) -> pd.DataFrame:
    """Mean of `column` per group with a bootstrap interval over the group's sentences.

    The interval is widened for groups of few sentences as the bloc intervals are for blocs of few
    articles (`_expanded`): over 2,000 simulated articles of 5 normal sentences (three seeds), the plain
    percentile interval covered the true mean in 82-85% of articles, the widened one in 94-95%; the
    factor is 1.58 for 5 sentences, 1.07 for 30, 1.02 for 100. Sentences of one article are not
    independent draws (tone runs in stretches), so even the widened interval describes the spread
    of the article's own sentences; it is not a test of anything.

    Parameters
    ----------
    frame : one row per sentence, with the `by` columns and `column`.
    by : the grouping columns.
    column : the score averaged.
    n_boot : bootstrap draws per group (`bootstrap_mean_ci`).
    seed : seed of the first group; the n-th group (in sorted order) uses `seed + n`.
    groups : the positions (in sorted order) of the groups to compute, default all: each row is the
        one the full table has (its seed is still `seed + n`).
    expanded : widen each interval for its number of sentences (False: the plain percentile interval).

    Returns
    -------
    pd.DataFrame
        One row per group: the `by` columns, n_sentences, mean, ci_low, ci_high.
    """
    # each group's rows taken from one array (a pandas group per article cost as much as its
    # bootstrap, 100,000 articles)
    return _aggregate_groups(frame[column].to_numpy(dtype=float), frame.groupby(list(by), sort=True).indices, by,
                             n_boot=n_boot, seed=seed, groups=groups, expanded=expanded)


def _within(low: float, high: float, bounds: tuple[float | None, float | None]) -> tuple[float, float]:
    """An interval cut to `bounds`, the lowest and highest value the measure can take (None: unbounded)."""
    floor, ceiling = bounds
    return (low if floor is None else max(low, float(floor))), (high if ceiling is None else min(high, float(ceiling)))


def _aggregate_groups(values: np.ndarray, indices: Mapping[object, np.ndarray], by: Sequence[str], *, n_boot: int,
                      seed: int, groups: Sequence[int] | None, expanded: bool = True,
                      bounds: tuple[float | None, float | None] = (None, None), min_values: int = 1) -> pd.DataFrame:
    """`aggregate` from the score array and the groups' row positions (`DataFrame.groupby(by,
    sort=True).indices`), for a caller that already has them. A group of fewer than `min_values`
    values gets no interval (NaN; one sentence has no spread to resample), and the interval is cut
    to `bounds`, the values the score can take (the widening for few values reached past them)."""
    rows = []
    wanted = None if groups is None else set(groups)
    for n, (key, rows_of) in enumerate(indices.items()):
        if wanted is not None and n not in wanted:
            continue
        mean, low, high = bootstrap_mean_ci(values[rows_of], n_boot=n_boot, seed=seed + n, expanded=expanded)
        low, high = (float("nan"),) * 2 if len(rows_of) < min_values else _within(low, high, bounds)
        keys = key if isinstance(key, tuple) else (key,)
        rows.append({**dict(zip(by, keys)), "n_sentences": len(rows_of), "mean": mean, "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows)


def _article_draws(means: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Bootstrap draws of a bloc's mean of article means: its articles resampled with replacement,
    each kept whole (its mean as it is), the cluster bootstrap. Drawn in batches; above
    `EXACT_BOOTSTRAP_BUDGET` resampled articles, from the normal large-sample form of that mean.

    Why articles only: an article's mean already carries the noise of its own sentences, so also
    resampling the sentences within each drawn article (the two-level scheme these intervals used
    before) counts that noise a second time, and the interval comes out too wide; the cluster
    bootstrap is the consistent one (Davison and Hinkley 1997, *Bootstrap Methods and their
    Application*, section 3.8; Field and Welsh 2007, *JRSS B* 69(3)). On the generated 48-article
    corpus (`tests/realistic_corpus.py`), whose articles of one bloc hardly differ beyond their
    sentences, the two-level interval of the tone difference was 1.32 times as wide as this one
    (with `_expanded`), and on a variant of it (seed 7) it held 0 while the permutation p was 0.036.

    Parameters
    ----------
    means : the bloc's article means, in a fixed order (by article id).
    n_boot : bootstrap draws.
    rng : the generator.

    Returns
    -------
    numpy.ndarray
        `n_boot` resampled means of article means (`bootstrap_mean_ci` draws those of any sample here).
    """
    means = np.asarray(means, dtype=float)
    k = means.size
    if n_boot * k > EXACT_BOOTSTRAP_BUDGET:  # (50,000 articles x 2,000 draws: seconds per interval)
        return means.mean() + means.std() / np.sqrt(k) * rng.standard_normal(n_boot)
    draws = np.empty(n_boot)
    step = max(1, _BATCH_VALUES // max(k, 1))
    for first in range(0, n_boot, step):
        m = min(step, n_boot - first)
        draws[first:first + m] = means[rng.integers(0, k, size=(m, k))].mean(axis=1)
    return draws


def _expanded(draws: np.ndarray, means: np.ndarray, ci: float) -> np.ndarray:
    """`_article_draws` of a bloc widened about its observed mean for its number of articles k:
    Hesterberg's expanded percentile interval (2015, "What teachers should know about the
    bootstrap", *The American Statistician* 69(4)), by sqrt(k / (k - 1)) t_{k-1} / z at the
    interval's level. The plain percentile interval of a mean is too narrow on few articles (the
    bootstrap's variance lacks the k - 1 and a normal stands in for a t): measured on normal article
    means, a 95% interval of the difference of two blocs covered 88% with 5 articles each, 92% with
    10 and 93% with 20; expanded, 97%, 96% and 95%. With hundreds of articles the factor is about 1.

    Parameters
    ----------
    draws : `_article_draws` of the bloc.
    means : its article means.
    ci : the interval's coverage.

    Returns
    -------
    numpy.ndarray
        The draws, widened (unchanged below 2 articles).
    """
    k = np.asarray(means).size
    if k < 2:
        return draws
    centre = float(np.mean(means))
    return centre + (draws - centre) * _expansion(k, ci)


def _expansion(k: int, ci: float = 0.95) -> float:
    """The factor of `_expanded` for a mean of `k` values: sqrt(k / (k - 1)) t_{k-1} / z at level `ci`."""
    from scipy import stats as scipy_stats  # (here: scipy.stats takes a part of a second to import)

    level = 1 - (1 - ci) / 2
    return float(np.sqrt(k / (k - 1)) * scipy_stats.t.ppf(level, k - 1) / scipy_stats.norm.ppf(level))
