"""How notebooks show things: a widget shown live in Jupyter with a static fallback for rendered
copies and plain consoles, and tables whose missing values are dashes with a line saying why."""

from __future__ import annotations

import html
import os

import pandas as pd

#: Set (to "1") by `reproduce.execute_notebook` for the kernels it starts: an unattended run shows
#: the static fallbacks only. Nobody can use a widget there, and widget messages can leave
#: nbclient waiting for a reply forever (jupyter/nbclient#312: seen once in a test run, after
#: the keyword-in-context explorer's cell had finished).
STATIC_ENV = "ANALYSIS_STATIC_WIDGETS"


def widgets_wanted() -> bool:
    """Whether to build live widgets: not in a kernel started for an unattended run (`STATIC_ENV`).

    Returns
    -------
    bool
    """
    return os.environ.get(STATIC_ENV, "") != "1"


class WidgetWithFallback:
    """An ipywidgets widget (or None) displayed together with static representations.

    Jupyter shows the widget; nbconvert's HTML and other front ends without a widget manager show
    the richest fallback (e.g. `text/html`), so a reader of the rendered notebook sees content, not
    a widget's repr.
    """

    def __init__(self, widget, fallback: dict[str, str]) -> None:  # noqa: ANN001 - an ipywidgets widget or None
        self.widget, self.fallback = widget, dict(fallback)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:  # noqa: ANN001
        bundle = {}
        if self.widget is not None:
            shown = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
            bundle.update(shown[0] if isinstance(shown, tuple) else shown)
        bundle.update(self.fallback)
        return bundle


class TableWithBlanks:
    """A table shown with its missing values as a dash and a line saying what a dash means, in
    Jupyter and in the rendered HTML ("NaN" reads as a failure where the value was left out on
    purpose: no interval below five articles, no index without markers)."""

    def __init__(self, frame: pd.DataFrame, blank: str, digits: int | None = 3) -> None:
        frame = frame.round(digits) if digits is not None else frame
        # (pandas writes <NA> for a missing value of a nullable column whatever na_rep says: those columns as objects)
        nullable = [c for c in frame.columns if isinstance(frame[c].dtype, pd.api.extensions.ExtensionDtype)
                    and frame[c].isna().any()]
        if nullable:
            frame = frame.assign(**{c: frame[c].astype(object).where(frame[c].notna(), float("nan")) for c in nullable})
        self.frame, self.blank = frame, blank

    def _limits(self) -> dict[str, int | None]:
        return {"max_rows": pd.get_option("display.max_rows"), "max_cols": pd.get_option("display.max_columns")}

    def _repr_html_(self) -> str:
        table = self.frame.to_html(na_rep=DASH, show_dimensions=len(self.frame) > (self._limits()["max_rows"] or len(self.frame)),
                                   **self._limits())
        return table + (f"<p><em>{DASH}: {html.escape(self.blank)}</em></p>" if self.frame.isna().any().any() else "")

    def __repr__(self) -> str:
        text = self.frame.to_string(na_rep=DASH, line_width=pd.get_option("display.width"), **self._limits())
        return text + (f"\n{DASH}: {self.blank}" if self.frame.isna().any().any() else "")


#: How a missing value is shown (`blanks_explained`).
DASH = "–"


def blanks_explained(frame: pd.DataFrame, blank: str, digits: int | None = 3) -> TableWithBlanks:
    """`frame` rounded to `digits`, shown with a dash for each missing value and, below it, what a
    dash means there (`blank`; said only where the table has one).

    Parameters
    ----------
    frame : the table.
    blank : what a missing value means in it, e.g. "no interval: fewer than 5 articles".
    digits : decimals shown (None: as they are).

    Returns
    -------
    TableWithBlanks
        Displayed by Jupyter; ``.frame`` is the rounded table.
    """
    return TableWithBlanks(frame, blank, digits)


def rows_shown(table: pd.DataFrame, name: str, n: int = 20, by: str | None = None,
               empty: str = "") -> tuple[pd.DataFrame | None, str]:
    """The rows a notebook displays of a table that can run to thousands of rows on a large corpus:
    all of them up to `n`, else `n` of them and a sentence saying which (a rendered page stays readable);
    for an empty table nothing (not "Empty DataFrame"), and `empty` as the sentence.

    Parameters
    ----------
    table : the full table.
    name : the variable that holds it in the notebook, named in the sentence.
    n : most rows shown.
    by : a column to show the largest values of first (ties in table order); None: the first rows.
    empty : the sentence for an empty table ("": the text before the table says so).

    Returns
    -------
    (pandas.DataFrame or None, str)
        The rows shown (None for an empty table) and a sentence ("" when every row is shown).
    """
    if table.empty:
        return None, empty
    if len(table) <= n:
        return table, ""
    if by is None:
        return table.head(n), f"The first {n} of {len(table):,} rows (`{name}` holds every one):"
    shown = table.sort_values(by, ascending=False, kind="stable").head(n)
    return shown, f"The {n} of {len(table):,} rows with the most {by.replace('_', ' ')} (`{name}` holds every one):"
