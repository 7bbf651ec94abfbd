"""How notebooks show tables with missing values (`analysis.display.blanks_explained`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.display import DASH, blanks_explained, rows_shown


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


def test_rows_shown_keeps_a_long_table_to_a_page_and_says_which_rows() -> None:
    """A table of a few rows is shown whole with no sentence; a long one is cut to n rows, the first ones
    or those with the largest `by` (ties in table order), and the sentence names the variable with all."""
    table = pd.DataFrame({"outlet": [f"o{i}" for i in range(30)], "articles": [i % 7 for i in range(30)]})
    shown, note = rows_shown(table.head(5), "coding")
    assert shown.equals(table.head(5)) and note == ""
    shown, note = rows_shown(table, "shared", n=4)
    assert list(shown["outlet"]) == ["o0", "o1", "o2", "o3"]
    assert note == "The first 4 of 30 rows (`shared` holds every one):"
    shown, note = rows_shown(table, "coding", n=4, by="articles")
    assert list(shown["outlet"]) == ["o6", "o13", "o20", "o27"] and list(shown["articles"]) == [6, 6, 6, 6]
    assert note == "The 4 of 30 rows with the most articles (`coding` holds every one):"
    assert rows_shown(table.iloc[:0], "x", empty="None found.") == (None, "None found.")  # (no "Empty DataFrame")
