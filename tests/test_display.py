"""How notebooks show tables with missing values (`analysis.display.blanks_explained`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.display import DASH, blanks_explained


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"bloc": ["a", "b"], "mean": [0.123456, 0.5], "ci_low": [0.1, np.nan],
                         "n": pd.array([3, None], dtype="Int64"), "flag": pd.array([True, None], dtype="boolean")})


def test_missing_values_show_as_dashes_with_what_they_mean() -> None:
    """Plain text and HTML: every missing value (float NaN and the nullable columns' NA) is a dash, never
    NaN or <NA>, values are rounded, and the line below says what a dash means."""
    shown = blanks_explained(_frame(), "no interval: fewer than 5 articles")
    text, page = repr(shown), shown._repr_html_()
    for out in (text, page):
        assert "NaN" not in out and "NA" not in out and "None" not in out
        assert "0.123" in out and "0.123456" not in out
    assert text.splitlines()[-1] == f"{DASH}: no interval: fewer than 5 articles"
    assert text.splitlines()[2].split() == ["1", "b", "0.500", DASH, DASH, DASH]
    assert page.count(f"<td>{DASH}</td>") == 3 and page.endswith(f"<p><em>{DASH}: no interval: fewer than 5 articles</em></p>")


def test_a_table_without_missing_values_has_no_note_and_digits_none_keeps_values() -> None:
    full = _frame().dropna()
    shown = blanks_explained(full, "never said")
    assert "never said" not in repr(shown) and "never said" not in shown._repr_html_()
    assert "0.123456" in repr(blanks_explained(full, "x", digits=None))


def test_a_long_table_is_cut_as_pandas_cuts_it() -> None:
    """The display limits of pandas hold: a long table shows its first and last rows and its size."""
    long = pd.DataFrame({"x": np.arange(500.0)})
    with pd.option_context("display.max_rows", 10):
        page = blanks_explained(long, "x")._repr_html_()
        text = repr(blanks_explained(long, "x"))
    assert page.count("<tr>") < 20 and "500 rows" in page
    assert len(text.splitlines()) < 20
