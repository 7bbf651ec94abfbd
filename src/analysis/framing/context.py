"""Keyword in context: every occurrence of a term with the words around it, as a table, a static
HTML table and an interactive explorer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from analysis.display import WidgetWithFallback, widgets_wanted
from analysis.schema import columns_of, row_values
from analysis.screen import may_hit
from analysis.terms import TermMatcher


def paragraphs_with_bloc(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The paragraphs table with each article's bloc and outlet (for kwic and marker hits).

    Parameters
    ----------
    tables
        The built tables (paragraphs, articles).

    Returns
    -------
    pandas.DataFrame
        The paragraphs' columns, then bloc and outlet.
    """
    return tables["paragraphs"].merge(tables["articles"][["article_id", "bloc", "outlet"]], on="article_id")


#: The columns of the `quotes` table that place each quote in its paragraph (`quote_spans`).
SPAN_COLUMNS = ("article_id", "paragraph_id", "kind", "start", "end")


def quote_spans(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The quotes' places (`SPAN_COLUMNS`, not their text) from the built tables, for the layer of a
    marker hit (`marker_hits`); read from the file without keeping it when the table was not read.

    Parameters
    ----------
    tables
        The built tables (quotes).

    Returns
    -------
    pandas.DataFrame
        article_id, paragraph_id, kind, start, end: one row per quote.
    """
    return columns_of(tables, "quotes", list(SPAN_COLUMNS))


def paragraph_layers(quotes: pd.DataFrame, article_ids: Iterable[str] | None = None) -> dict:
    """{(article_id, paragraph_id): the paragraph's stretches (`segment.layer_spans`)} from the `quotes`
    table (`quote_spans`), for `kwic` over several terms: built once, not once a term (on 100,000
    articles each build of it took seconds).

    Parameters
    ----------
    quotes : the `quotes` table (article_id, paragraph_id, kind, start, end).
    article_ids : only these articles' paragraphs (None: every article).

    Returns
    -------
    dict
    """
    from analysis import segment

    part = quotes[["article_id", "paragraph_id", "kind", "start", "end"]]
    if article_ids is not None:
        part = part[part["article_id"].astype(str).isin({str(a) for a in article_ids})]
    records = ({"article_id": str(a), "paragraph_id": (str(a), int(p)), "kind": k, "start": s, "end": e}
               for a, p, k, s, e in row_values(part, ("article_id", "paragraph_id", "kind", "start", "end")))
    return segment.layer_spans(records, key="paragraph_id")


def kwic(texts: pd.DataFrame, term: str, window: int = 8, quotes: pd.DataFrame | Mapping | None = None) -> pd.DataFrame:
    """Every occurrence of `term` (dictionary matching rules) with `window` words either side.

    Parameters
    ----------
    texts
        article_id, paragraph_id, text and, to group by bloc, bloc (and outlet).
    term
        The term, written as in the dictionaries.
    window
        Words either side.
    quotes
        The `quotes` table (`quote_spans`) or its `paragraph_layers`, for the `layer` of each hit (whose
        words it is in: the outlet's `narration` or `reported` speech, `quoted` words, ...); None: no
        layer column.

    Returns
    -------
    pandas.DataFrame
        bloc and outlet (when `texts` has them), article_id, paragraph_id, (layer,) left, match, right;
        sorted by those first columns.
    """
    from analysis import segment

    matcher = TermMatcher([term])
    extra = [c for c in ("bloc", "outlet") if c in texts.columns]
    spans = (None if quotes is None else quotes if isinstance(quotes, Mapping)
             else paragraph_layers(quotes, texts["article_id"].astype(str).unique()))
    columns = [*extra, "article_id", "paragraph_id", *(["layer"] if spans is not None else []), "left", "match", "right"]
    found: dict[str, list] = {c: [] for c in columns}
    # (plain lists of the columns, a block of rows at a time: a dict per row of 1.4 million paragraphs cost half the time;
    # only the paragraphs that can hold the term: on 1.4 million paragraphs the search of each was most of the time)
    read = ("text", "article_id", "paragraph_id", *extra)
    may = may_hit(matcher, texts["text"])
    for values in row_values(texts, read, mask=None if may.all() else may):
        text = values[0]
        for _, start, end in matcher.finditer(text):
            for column, value in zip(("article_id", "paragraph_id", *extra), values[1:]):
                found[column].append(value)
            if spans is not None:
                found["layer"].append(segment.layer_at(spans.get((str(values[1]), int(values[2])), []), start, end))
            # (the last `window` words before, the first after: split no further than needed)
            found["left"].append(" ".join(text[:start].rsplit(None, window)[-window:]) if window else "")
            found["match"].append(text[start:end])
            found["right"].append(" ".join(text[end:].split(None, window)[:window]) if window else "")
    table = pd.DataFrame(found, columns=columns)
    return table.sort_values([*extra, "article_id", "paragraph_id"], kind="mergesort").reset_index(drop=True)


def kwic_sample(table: pd.DataFrame, n: int = 50, seed: int = 0) -> tuple[pd.DataFrame, str]:
    """At most `n` rows of a `kwic` table for a page, spread over its blocs: each bloc's share of
    `n` (as equal as its hits allow) drawn at random (seeded), then in the table's order, and a
    sentence saying what is shown. The first `n` rows would show the first outlet of the first bloc
    only.

    Parameters
    ----------
    table : a `kwic` table.
    n : most rows shown.
    seed : seed of the draw.

    Returns
    -------
    tuple
        The rows shown, and the sentence.
    """
    if len(table) <= n:
        return table, f"All {len(table):,} hit(s)."
    if "bloc" not in table.columns:
        picked = sorted(pd.Series(range(len(table))).sample(n, random_state=seed).tolist())
        return table.iloc[picked], f"A random {n} of {len(table):,} hits (seeded)."
    sizes = table.groupby("bloc", sort=True).size()
    share, left = {}, n
    ordered = sorted(sizes.index, key=lambda b: (sizes[b], b))  # (small blocs first: what they cannot use goes on)
    for i, bloc in enumerate(ordered):
        share[bloc] = min(int(sizes[bloc]), left // (len(ordered) - i))
        left -= share[bloc]
    share = {b: share[b] for b in sizes.index}
    picked = sorted(i for bloc, k in share.items()
                    for i in table.index[table["bloc"] == bloc].to_series().sample(k, random_state=seed).tolist())
    per_bloc = ", ".join(f"{k} of {int(sizes[b]):,} {b}" for b, k in share.items())
    return table.loc[picked], f"A random {n} of {len(table):,} hits, spread over the blocs (seeded): {per_bloc}."


def kwic_html(texts: pd.DataFrame, term: str, window: int = 8, max_rows: int = 50,
              quotes: pd.DataFrame | Mapping | None = None, seed: int = 0) -> str:
    """A static HTML table of `kwic` for one term (at most `max_rows` rows, spread over the blocs by
    `kwic_sample`): what a rendered page shows in place of the interactive explorer.

    Parameters
    ----------
    texts, term, window, quotes
        As in `kwic`.
    max_rows
        Most rows shown.
    seed
        Seed of the rows shown when there are more.

    Returns
    -------
    str
        An HTML paragraph naming the term and its hits, then the table.
    """
    from html import escape

    table = kwic(texts, term, window, quotes=quotes)
    columns = [c for c in ("bloc", "outlet", "article_id", "layer", "left", "match", "right") if c in table.columns]
    shown, note = kwic_sample(table[columns], max_rows, seed)
    head = (f"<p>Keyword in context: <b>{escape(term)}</b>, {len(table)} hit(s), window {window} words. {escape(note)}"
            " Static copy: open the notebook in JupyterLab to choose another term or window.</p>")
    return head + shown.to_html(index=False, escape=True, border=0, classes="kwic")


class KwicExplorer(WidgetWithFallback):
    """The keyword-in-context widget, displayed with a static HTML table of its first term as the
    `text/html` fallback, so that a rendered notebook shows a table instead of the widget's repr."""

    def __init__(self, widget, html: str) -> None:  # noqa: ANN001 - an ipywidgets VBox
        super().__init__(widget, {"text/html": html,
                                  "text/plain": "Keyword-in-context explorer (static table in the HTML copy)"})
        self.html = html


def kwic_explorer(texts: pd.DataFrame, terms: Sequence[str], window: int = 8,
                  quotes: pd.DataFrame | Mapping | None = None, seed: int = 0) -> KwicExplorer:
    """An ipywidgets explorer (term box, window slider) over `kwic`, with a static table of the
    first term for rendered copies; only the static table without ipywidgets.

    Parameters
    ----------
    texts, window, quotes
        As in `kwic`.
    terms
        The terms offered; the first is shown.
    seed
        Seed of the static table's rows (`kwic_sample`).

    Returns
    -------
    KwicExplorer
        The widget (None without ipywidgets) with its static HTML copy.
    """
    terms = list(terms)
    html = kwic_html(texts, terms[0], window, quotes=quotes, seed=seed) if terms else "<p>Keyword in context: no term given.</p>"
    if not widgets_wanted():
        return KwicExplorer(None, html)
    try:
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:
        return KwicExplorer(None, html)
    term = widgets.Combobox(options=terms, value=terms[0] if terms else "", description="term")
    size = widgets.IntSlider(value=window, min=2, max=30, description="window")
    output = widgets.Output()

    def show(*_: object) -> None:
        output.clear_output()
        with output:
            if term.value.strip():
                display(kwic(texts, term.value, size.value, quotes=quotes))

    term.observe(show, "value")
    size.observe(show, "value")
    show()
    return KwicExplorer(widgets.VBox([widgets.HBox([term, size]), output]), html)
