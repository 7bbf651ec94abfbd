"""Krippendorff's alpha: agreement between any number of coders, with missing values, for nominal
and ordinal codes (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").

Reliability data are a units x coders table; a missing code is NaN/None. Only units with at
least two codes are pairable. From them the coincidence matrix o (each ordered pair of codes
within a unit counted 1 / (m_u - 1), m_u the unit's codes) gives the value totals n_c and
n = sum n_c, and alpha = 1 - (n - 1) * sum_ck o_ck d_ck / sum_ck n_c n_k d_ck. The nominal
distance d_ck is 1 for different values; the ordinal one is
(sum of n_g for g from c to k - (n_c + n_k) / 2) ** 2 over the values in their given order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["LEVELS", "coincidences", "krippendorff_alpha"]

#: The levels of measurement `krippendorff_alpha` knows.
LEVELS = ("nominal", "ordinal")


def coincidences(data: pd.DataFrame | np.ndarray | Sequence[Sequence[object]],
                 values: Sequence[object] | None = None) -> pd.DataFrame:
    """The coincidence matrix of reliability data: how often each ordered pair of values was
    given to the same unit by two different coders, each unit weighted 1 / (m_u - 1).

    Parameters
    ----------
    data : units x coders (rows are units, columns coders); NaN or None is a missing code.
    values : the values in order (default: the distinct codes, sorted). A code not listed is a
        ValueError.

    Returns
    -------
    pd.DataFrame
        Square, indexed by value on both axes (float); units with fewer than two codes add nothing.
    """
    table = pd.DataFrame(np.asarray(data, dtype=object) if not isinstance(data, pd.DataFrame) else data)
    present = table.stack(future_stack=True).dropna()
    if values is None:
        values = sorted(pd.unique(present))
    values = list(values)
    position = {v: i for i, v in enumerate(values)}  # 1 and 1.0 are the same code
    unknown = sorted(str(v) for v in pd.unique(present) if v not in position)
    if unknown:
        raise ValueError(f"codes {unknown} are not among the values {values}")
    matrix = np.zeros((len(values), len(values)))
    for _, row in table.iterrows():
        codes = [position[v] for v in row.dropna()]
        m = len(codes)
        if m < 2:
            continue
        counts = np.bincount(codes, minlength=len(values)).astype(float)
        # ordered pairs of codes from different coders: n_c * n_k, less the pairs of a code with itself
        matrix += (np.outer(counts, counts) - np.diag(counts)) / (m - 1)
    return pd.DataFrame(matrix, index=values, columns=values)


def _distances(totals: np.ndarray, level: str) -> np.ndarray:
    """Squared distances between the values: nominal (0 or 1) or ordinal (from the value totals)."""
    k = len(totals)
    if level == "nominal":
        return 1.0 - np.eye(k)
    cumulative = np.concatenate([[0.0], np.cumsum(totals)])
    distance = np.zeros((k, k))
    for c in range(k):
        for d in range(c + 1, k):
            # n_g summed from value c to value d, less half of the two end values
            distance[c, d] = distance[d, c] = (cumulative[d + 1] - cumulative[c] - (totals[c] + totals[d]) / 2) ** 2
    return distance


def krippendorff_alpha(data: pd.DataFrame | np.ndarray | Sequence[Sequence[object]], level: str = "nominal",
                       values: Sequence[object] | None = None) -> float:
    """Krippendorff's alpha of reliability data with any number of coders and missing codes.

    Parameters
    ----------
    data : units x coders (rows are units, columns coders); NaN or None is a missing code.
    level : "nominal" or "ordinal".
    values : the values in order; needed for "ordinal" (e.g. negative, neutral, positive), which
        a sorted order of the codes would otherwise decide. A code not listed is a ValueError.

    Returns
    -------
    float
        1 for perfect agreement, 0 for agreement at chance level, below 0 for systematic
        disagreement; NaN when it is undefined: fewer than two pairable codes, or a single value
        throughout (no variation to agree on).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: choose from {', '.join(LEVELS)}")
    if level == "ordinal" and values is None:
        raise ValueError("ordinal alpha needs the values in order (values=...)")
    o = coincidences(data, values).to_numpy()
    totals = o.sum(axis=1)
    n = totals.sum()
    if n < 2:
        return float("nan")
    delta = _distances(totals, level)
    expected = float((np.outer(totals, totals) * delta).sum())
    if expected == 0:
        return float("nan")
    return float(1 - (n - 1) * (o * delta).sum() / expected)
