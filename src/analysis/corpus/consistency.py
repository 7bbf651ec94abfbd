"""Metadata coded inconsistently across a corpus: one outlet in two blocs, or written two ways; and
what may undermine the outlets' independence: names of one organisation's desks, authors in several blocs.

A researcher's metadata table is often assembled by hand or from several scrapes, so the same
outlet can end up in two blocs ("Ukrainska Pravda" western in one batch, ukrainian in another),
with and without a country, or under names that differ only in case, spacing or punctuation
("RT", "R.T.", "rt"). Each of these silently splits or mixes the units a bloc comparison rests
on. The checks here are one pass of group-bys (linear in the number of articles); they report,
they do not recode: which coding is right is the researcher's decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

__all__ = ["CODING_COLUMNS", "coding_issues", "coding_text", "organisation_groups"]

#: Columns of the `coding_issues` table.
CODING_COLUMNS: tuple[str, ...] = ("outlet", "issue", "values", "articles")

_NOT_NAME = re.compile(r"[\W_]+")


def _key(outlet: str) -> str:
    """An outlet name folded for comparison: lower case, letters and digits only."""
    return _NOT_NAME.sub("", outlet.casefold())


def coding_issues(articles: pd.DataFrame, columns: tuple[str, ...] = ("bloc", "country"),
                  weight: str | None = None) -> pd.DataFrame:
    """Outlets whose articles disagree on a metadata column, and outlet names written two ways.

    Parameters
    ----------
    articles
        One row per article with `outlet` and any of `columns`.
    columns
        The per-outlet attributes that should be the same on every article of an outlet; a
        column missing from `articles` is skipped. A value missing on some articles of an
        outlet and present on others counts as a disagreement ("(missing)").

    Returns
    -------
    pandas.DataFrame
        `CODING_COLUMNS`, sorted: `outlet` (for variants, the spellings joined by " / "),
        `issue` ("bloc differs", "country differs", "name variants", "possibly one organisation":
        names that begin with the same `FAMILY_WORDS` words; "author in several blocs": one author,
        with `outlet` the outlets), `values` (the values, spellings or blocs with their article
        counts, e.g. "russian (3), western (1)") and `articles` (how many articles the row
        concerns). Empty when the coding is consistent.
    """
    rows: list[dict] = []
    outlets = articles["outlet"].astype("string").fillna("(missing)")
    n = articles[weight].to_numpy() if weight is not None else 1
    for column in columns:
        if column not in articles.columns:
            continue
        values = articles[column].astype("string").fillna("(missing)")
        counts = pd.DataFrame({"outlet": outlets, "value": values, "n": n}).groupby(["outlet", "value"])["n"].sum()
        for outlet, part in counts.groupby(level="outlet", sort=True):
            if len(part) > 1:
                rows.append({"outlet": outlet, "issue": f"{column} differs",
                             "values": ", ".join(f"{v} ({count})" for (_, v), count in part.items()),
                             "articles": int(part.sum())})
    names = pd.DataFrame({"outlet": outlets, "n": n}).groupby("outlet")["n"].sum()
    keys = pd.Series({name: _key(name) for name in names.index}, dtype="string")
    for _, group in keys.groupby(keys, sort=True):
        if len(group) > 1:
            spelled = sorted(group.index)
            rows.append(_group_row(spelled, names, "name variants"))
    rows += _families(names) + (_authors(articles, outlets, n) if "author" in articles.columns and "bloc" in
                                articles.columns else [])
    out = pd.DataFrame(rows, columns=list(CODING_COLUMNS))
    return out.sort_values(["issue", "outlet"], kind="stable").reset_index(drop=True)


#: Words of an outlet name that `_families` compares: names of more words that begin with the same
#: this many are listed as possibly one organisation ("Moscow Federal News Agency International Service"
#: and "... Regional Service"; "The New York Times" and "The New York Times Magazine").
FAMILY_WORDS = 4


def _family_key(name: str) -> str | None:
    """An outlet name's first `FAMILY_WORDS` words, folded; None for a shorter name."""
    words = _NOT_NAME.sub(" ", name.casefold()).split()
    return " ".join(words[:FAMILY_WORDS]) if len(words) >= FAMILY_WORDS else None


def _families(names: pd.Series) -> list[dict]:
    """Outlet names (not already name variants) that begin with the same `FAMILY_WORDS` words: desks,
    editions or services of one organisation, which a comparison would count as independent outlets."""
    keys = pd.Series({name: key for name in names.index if (key := _family_key(name)) is not None}, dtype="string")
    rows = []
    for _, group in keys.groupby(keys, sort=True):
        spelled = sorted(group.index)
        if len({_key(name) for name in spelled}) > 1:
            rows.append(_group_row(spelled, names, "possibly one organisation"))
    return rows


def organisation_groups(outlets: Iterable[str]) -> dict[str, str]:
    """Each outlet name's group: names `coding_issues` lists as "name variants" or "possibly one
    organisation" share a group (transitively), named by the group's first name in sorted order;
    any other name is its own group. For counts that should not call text shared between two desks
    of one organisation "across outlets".

    Parameters
    ----------
    outlets : outlet names (repeats are fine).

    Returns
    -------
    dict
        name -> the group's first name.
    """
    names = sorted({str(o) for o in outlets})
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    first: dict[str, str] = {}
    for name in names:
        family = _family_key(name)
        for key in [f"name:{_key(name)}"] + ([f"family:{family}"] if family is not None else []):
            if key in first:
                a, b = sorted((root(first[key]), root(name)))
                parent[b] = a
            else:
                first[key] = name
    return {name: root(name) for name in names}


def _group_row(spelled: list[str], names: pd.Series, issue: str) -> dict:
    """A row naming a group of outlet names (sorted) with each name's articles (`names`: articles per name)."""
    return {"outlet": " / ".join(spelled), "issue": issue,
            "values": ", ".join(f"{name} ({int(names[name])})" for name in spelled),
            "articles": int(names[spelled].sum())}


def _authors(articles: pd.DataFrame, outlets: pd.Series, n: object) -> list[dict]:
    """Authors (as the metadata or the byline gives them, compared case- and space-folded) whose
    articles are in more than one bloc: often a wire service or syndicated copy, the same text on
    both sides of a comparison. The `outlet` column lists the outlets (the first five)."""
    author = articles["author"].astype("string").str.strip()
    frame = pd.DataFrame({"author": author, "key": author.str.casefold().str.split().str.join(" "),
                          "bloc": articles["bloc"].astype("string").fillna("(missing)"), "outlet": outlets, "n": n})
    frame = frame[frame["key"].notna() & (frame["key"] != "")]
    rows = []
    for _, part in frame.groupby("key", sort=True):
        blocs = part.groupby("bloc")["n"].sum()
        if len(blocs) > 1:
            shown = sorted(part["outlet"].unique())
            rows.append({"outlet": " / ".join(shown[:5]) + (f" and {len(shown) - 5} more" if len(shown) > 5 else ""),
                         "issue": "author in several blocs",
                         "values": f"{sorted(part['author'].unique())[0]}: "
                                   + ", ".join(f"{b} ({int(c)})" for b, c in blocs.items()),
                         "articles": int(blocs.sum())})
    return rows


def coding_text(issues: pd.DataFrame) -> str:
    """One sentence for a notebook or log: how many outlets are coded inconsistently, and how.

    Parameters
    ----------
    issues
        A `coding_issues` table.

    Returns
    -------
    str
        "Outlet coding is consistent ..." or a count per issue with what it means.
    """
    if issues.empty:
        return ("Outlet coding is consistent: every outlet has one bloc and one country, and no two outlet names "
                "differ only in case, spacing or punctuation.")
    per_issue = issues["issue"].value_counts().sort_index()
    unit = {"author in several blocs": "author", "possibly one organisation": "group"}
    listed = "; ".join(f"{issue}: {n} {unit.get(issue, 'outlet')}{'s' if n > 1 else ''}" for issue, n in per_issue.items())
    meaning = [_MEANING.get(issue, _MEANING["differs"] if issue.endswith("differs") else "") for issue in per_issue.index]
    wrong = any(issue.endswith("differs") or issue == "name variants" for issue in per_issue.index)
    return f"Outlet coding to check ({listed}). " + " ".join(dict.fromkeys(m for m in meaning if m)) + \
        (" Fix the metadata and rebuild." if wrong else " Check them against the metadata.")


#: What each kind of inconsistency does to the analysis.
_MEANING = {"bloc differs": "An outlet in two blocs puts its articles on both sides of a comparison.",
            "name variants": "One outlet under two names counts as two outlets.",
            "possibly one organisation": "Desks or editions of one organisation count as independent outlets in every "
                                         "outlet-level check; merge them if they are one.",
            "author in several blocs": "An author writing in several blocs (often a wire service or syndicated copy) "
                                       "may put the same text on both sides of a comparison; the copied-text check "
                                       "counts such paragraphs.",
            "differs": "An outlet listed with two values of a per-outlet column is described two ways."}
