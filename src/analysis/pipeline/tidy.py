"""Floating-point rounding and fixed column types, so the written tables are the same bytes run
to run and machine to machine."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.schema import INT_COLUMNS, is_float_column

#: Significant decimal digits every floating-point column is rounded to before it is written.
SIGNIFICANT_DIGITS = 10
#: Magnitudes below this are written as 0 (see `round_significant`).
SMALLEST = 1e-12
_POWERS_OF_TEN = {d: float(f"1e{d}") for d in range(-323, 309)}  # correctly rounded by Python's parser


_UPPER = np.array([_POWERS_OF_TEN[d + 1] for d in range(-320, 301)])


def round_significant(values: np.ndarray, digits: int = SIGNIFICANT_DIGITS) -> np.ndarray:
    """Each value rounded to `digits` significant decimal digits (NaN and infinities kept).

    Numpy's vectorised `log`, `exp` and friends may differ in the last bit from one CPU to
    another; rounding far above that bit makes the written tables (and the figures drawn from
    them) the same bytes on any machine, except in the rare case (about 1 in 10^5 values) where
    such a difference straddles a rounding boundary. Values smaller than `SMALLEST` in magnitude
    are written as 0: in these tables (scores, rates, log-odds, keyness statistics, topic
    weights) they are the residue of a cancellation, whose digits are noise. Only exactly rounded operations are used
    here (frexp, comparisons, products with powers of ten, rint), so the rounding itself does
    not depend on the CPU.

    Parameters
    ----------
    values : the numbers to round (anything numpy reads as float64).
    digits : significant decimal digits to keep.

    Returns
    -------
    A new float64 array of the rounded values.
    """
    x = np.asarray(values, dtype=np.float64)
    out = np.where(np.abs(x) < SMALLEST, 0.0, x)  # rounding noise around 0, and -0.0, become 0.0
    nonzero = np.isfinite(out) & (out != 0)
    if not nonzero.any():
        return out
    v = x[nonzero]
    magnitude = np.abs(v)
    _, exponent = np.frexp(magnitude)  # magnitude in [2**(e-1), 2**e)
    decade = np.floor((exponent - 1) * 0.30102999566398120).astype(np.int64)  # floor(log10), or one less
    decade = np.clip(decade, -320, 300)
    upper = _UPPER[decade + 320]
    decade += magnitude >= upper  # now exactly floor(log10(magnitude)), by exact comparison
    places = digits - 1 - decade
    rounded = v.copy()
    for p in np.unique(places):
        if not -300 <= p <= 300:
            continue  # subnormal or huge: far beyond any measure in these tables
        mask = places == p
        if p >= 0:
            scale = _POWERS_OF_TEN[int(p)]
            rounded[mask] = np.rint(v[mask] * scale) / scale
        else:
            scale = _POWERS_OF_TEN[int(-p)]
            rounded[mask] = np.rint(v[mask] / scale) * scale
    out[nonzero] = rounded
    return out


def _tidy(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """Fixed column types and floats rounded to `SIGNIFICANT_DIGITS`, so the files are
    byte-identical run to run and machine to machine."""
    table = table.copy()
    for column in table.columns:
        if column in INT_COLUMNS or pd.api.types.is_integer_dtype(table[column]):
            table[column] = table[column].astype("int64")
        elif column == "in_quote" or pd.api.types.is_bool_dtype(table[column]):
            table[column] = table[column].astype(bool)
        elif pd.api.types.is_float_dtype(table[column]) or is_float_column(name, column):
            table[column] = round_significant(table[column].astype("float64").to_numpy())
        else:
            table[column] = table[column].astype("string")
    if name == "problems" and not table.empty:
        table = table.sort_values(list(table.columns), kind="mergesort")
    if name == "topics" and not table.empty:
        table = table.sort_values(["article_id", "paragraph_id", "model"], kind="mergesort")
    return table.reset_index(drop=True)
