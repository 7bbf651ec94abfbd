"""Naming and labelling markers: every hit in context, one article's marker counts by layer, the
`naming_index` and what keeping quoted words apart changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis import segment, stats
from analysis.framing.context import paragraph_layers
from analysis.framing.dictionaries import _dictionaries, _marker_matcher
from analysis.schema import row_values
from analysis.terms import TermMatcher

#: The columns of the `markers` table, as `article_rows` makes its rows.
MARKER_COLUMNS = ("article_id", "group", "term", "usage", "count", "rate_per_1000", "layer")
#: Marker layers in other people's words (quoted speech): `naming_index_quoted`; the outlet's own
#: words are `segment.OWN_LAYERS` (narration and its paraphrase of what others said).
QUOTED_LAYERS = ("quoted",)


def marker_hits(texts: pd.DataFrame, markers: pd.DataFrame | None = None, window: int = 60,
                quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every marker hit with its context: article_id, paragraph_id, group, term, usage, match, left, right,
    and, given the `quotes` table, the layer of the text each hit is in (as `article_rows` counts it: a
    figure of the outlet's own words counts the `narration` and `reported` rows only).

    One matcher over all terms, so where terms overlap the longest wins ("Kiev regime" is not
    also "Kiev"). The hits are those `article_rows` counts.

    Parameters
    ----------
    texts
        article_id, paragraph_id and text (the paragraphs table).
    markers
        A marker dictionary (group, term, usage) in place of the packaged one (`load_markers`).
    window
        Characters of context either side.
    quotes
        The `quotes` table (article_id, paragraph_id, kind, start, end) of these paragraphs, for the
        `layer` column; None: no layer column.

    Returns
    -------
    pandas.DataFrame
        One row per hit, in text order: article_id, paragraph_id, group, term, usage, match, left, right
        (and layer).
    """
    if markers is None:
        d = _dictionaries()
        matcher, info = d["markers"], d["marker_info"]
    else:
        matcher, info = _marker_matcher(markers)
    spans = paragraph_layers(quotes, texts["article_id"].astype(str).unique()) if quotes is not None else None
    rows = []
    for article_id, paragraph_id, text in row_values(texts, ("article_id", "paragraph_id", "text")):
        here = spans.get((str(article_id), int(paragraph_id)), []) if spans is not None else None
        for term, start, end in matcher.finditer(text):
            group, usage = info[term]
            row = {"article_id": article_id, "paragraph_id": paragraph_id, "group": group,
                   "term": term, "usage": usage, "match": text[start:end],
                   "left": text[max(0, start - window):start], "right": text[end:end + window]}
            if here is not None:
                row["layer"] = segment.layer_at(here, start, end)
            rows.append(row)
    columns = ["article_id", "paragraph_id", "group", "term", "usage", "match", "left", "right"]
    return pd.DataFrame(rows, columns=columns + (["layer"] if spans is not None else []))


#: Articles whose marker hits notebook 02 lists in context (`marker_hits_shown`); above, a seeded sample.
HITS_SHOWN_ARTICLES = 40


def marker_hits_shown(texts: pd.DataFrame, markers: pd.DataFrame, *, limit: int = HITS_SHOWN_ARTICLES,
                      seed: int = 0, quotes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, str]:
    """`marker_hits` in context for checking the counts by eye, and a sentence saying whose: every
    hit of a corpus with at most `limit` articles with a hit (in the `markers` table), otherwise
    every hit of `limit` of them drawn at random with `seed` (by article id), since a listing of
    millions of hits shows its first and last rows and took 13 s on 100,000 articles; the
    paragraphs of the other articles are not searched.

    Parameters
    ----------
    texts
        article_id, paragraph_id and text, and bloc (`paragraphs_with_bloc`).
    markers
        The `markers` table of the build (which articles have hits).
    limit
        The most articles listed.
    seed
        Seed of the sample.
    quotes
        The `quotes` table, for each hit's layer (`marker_hits`); None: no layer column.

    Returns
    -------
    table : pandas.DataFrame
        bloc, article_id, term, usage, (layer,) left, match, right, in article order.
    note : str
        Which articles the table lists.
    """
    with_hits = sorted(set(markers.loc[markers["count"] > 0, "article_id"].astype(str)))
    if len(with_hits) > limit:
        chosen = np.random.default_rng(seed).choice(len(with_hits), size=limit, replace=False)
        wanted = sorted(with_hits[i] for i in chosen)
        note = (f"Every hit of {limit} of the {len(with_hits):,} articles with a marker hit, drawn at random "
                f"(seed {seed}); each count of the figure above can be checked the same way for any article "
                f"with `framing.marker_hits`.")
    else:
        wanted = with_hits
        note = f"Every hit of the {len(with_hits):,} article{'s' if len(with_hits) != 1 else ''} with a marker hit."
    part = texts[texts["article_id"].astype(str).isin(set(wanted))]
    part = part.sort_values(["article_id", "paragraph_id"], kind="mergesort")
    hits = marker_hits(part, quotes=quotes)
    blocs = part.drop_duplicates("article_id").set_index("article_id")["bloc"]
    hits.insert(0, "bloc", hits["article_id"].map(blocs))
    shown = ["bloc", "article_id", "term", "usage", *(["layer"] if quotes is not None else []), "left", "match", "right"]
    return hits[shown].reset_index(drop=True), note


def _layer_denominator(layer_counts: Mapping[str, int], layer: str) -> int:
    """The tokens a rate of hits in `layer` is taken over: the outlet's own words (`segment.OWN_LAYERS`
    together) for narration and reported speech, else the tokens of that layer itself."""
    if layer in segment.OWN_LAYERS:
        return sum(layer_counts.get(own, 0) for own in segment.OWN_LAYERS)
    return layer_counts.get(layer, 0)


#: The articles table's token column for the layers a marker rate reads (`marker_rates_by_bloc`).
_TOKEN_COLUMNS = {tuple(sorted(segment.OWN_LAYERS)): "n_tokens_own", tuple(sorted(QUOTED_LAYERS)): "n_tokens_quoted"}


def _token_column(layers: Sequence[str] | None, articles: pd.DataFrame) -> str:
    """The articles table's column of tokens in `layers` (`n_tokens` for every layer)."""
    if layers is None:
        return "n_tokens"
    column = _TOKEN_COLUMNS.get(tuple(sorted(layers)))
    if column is None:
        raise ValueError(f"no token count for the layers {tuple(layers)}: rates are per 1,000 tokens of the outlet's "
                         f"own words {segment.OWN_LAYERS}, of quoted words {QUOTED_LAYERS} or of all words (None)")
    if column not in articles.columns:
        raise ValueError(f"the articles table has no {column} column (tables built by an older version): rebuild with "
                         "python -m analysis build")
    return column


def _marker_rows(article_id: str, paragraphs: Sequence[Mapping], spans: Mapping[object, Sequence[tuple[int, int, str]]],
                 layer_counts: Mapping[str, int] | None, matcher: TermMatcher, info: Mapping[str, tuple[str, str]],
                 paragraph_tokens: Sequence[Sequence[str]] | None = None) -> list[dict]:
    """One article's rows of the `markers` table: hits per term and layer, with their rate per 1,000
    tokens of the layer (`_layer_denominator`; see `article_rows`). `spans`: {paragraph_id: stretches}
    (`segment.layer_spans` of its quotes). `layer_counts` None: counted here from the same stretches
    (`segment.layer_tokens`)."""
    if layer_counts is None:
        layer_counts = segment.layer_tokens([p["text"] for p in paragraphs], spans,
                                            keys=[p["paragraph_id"] for p in paragraphs], tokens=paragraph_tokens)
    found: Counter[tuple[str, str]] = Counter()
    for p in paragraphs:
        here = spans.get(p["paragraph_id"], [])
        found.update((term, segment.layer_at(here, a, b)) for term, a, b in matcher.finditer(p["text"]))
    keyed = sorted((*info[term], term, layer, n) for (term, layer), n in found.items())
    return [{"article_id": article_id, "group": group, "term": term, "usage": usage, "count": n,
             "rate_per_1000": 1000 * n / _layer_denominator(layer_counts, layer), "layer": layer}
            for group, usage, term, layer, n in sorted(keyed, key=lambda r: (r[0], r[2], r[1], r[3]))]


def naming_index_of_counts(counts: pd.DataFrame, ids: Sequence[str]) -> pd.Series:
    """Naming index per article (indexed by `ids`) from marker counts (article_id, usage, count):
    (russian_official - ukrainian_western) / both; NaN for an article with neither.

    In [-1, 1]; it describes vocabulary, not truthfulness.

    Parameters
    ----------
    counts
        Marker counts (article_id, usage, count): the `markers` table or some of its layers.
    ids
        The articles to index.

    Returns
    -------
    pandas.Series
        The index per article, in the order of `ids`.
    """
    by_usage = counts.groupby(["article_id", "usage"])["count"].sum()

    def usage(name: str) -> pd.Series:
        hits = by_usage[by_usage.index.get_level_values("usage") == name]
        return hits.droplevel("usage").reindex(ids, fill_value=0).astype("int64")

    ru, uw = usage("russian_official"), usage("ukrainian_western")
    total = ru + uw
    return (ru - uw) / total.where(total > 0)


def naming_layer_change(markers: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """What keeping quoted words apart changed, per article: the naming index over every marker
    hit (`all_words`: narration, quotes, questions and scare quotes together, as the index was
    measured before the layers were separated) beside the index of the outlet's own words
    (`own_words`, the `naming_index` of `article_framing`), for the articles where either is
    defined; `change` is own_words - all_words. Sorted by bloc, then the largest change first.

    Parameters
    ----------
    markers
        The `markers` table (article_id, usage, count, layer; without layer every hit is narration).
    articles
        The articles table (article_id, outlet, bloc).

    Returns
    -------
    pandas.DataFrame
        article_id, outlet, bloc, all_words, own_words, change.
    """
    ids = articles["article_id"].tolist()
    layer = markers["layer"] if "layer" in markers else pd.Series("narration", index=markers.index)
    table = articles[["article_id", "outlet", "bloc"]].set_index("article_id")
    table["all_words"] = naming_index_of_counts(markers, ids)
    table["own_words"] = naming_index_of_counts(markers[layer.isin(segment.OWN_LAYERS)], ids)
    table = table.dropna(subset=["all_words", "own_words"], how="all").reset_index()
    table["change"] = table["own_words"] - table["all_words"]
    order = table["change"].abs().fillna(np.inf)
    return (table.assign(_order=-order).sort_values(["bloc", "_order", "article_id"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def naming_layer_change_text(change: pd.DataFrame) -> str:
    """`naming_layer_change` as sentences: how many articles' index changed, how many lost or
    gained an index or changed sign, and each bloc's mean over all words and over its own words.

    Parameters
    ----------
    change
        A `naming_layer_change` table.

    Returns
    -------
    str
        The sentences.
    """
    if change.empty:
        return "No article uses a naming marker, so separating quoted words changed nothing here."
    both = change.dropna(subset=["all_words", "own_words"])
    moved = both[both["change"].abs() > 1e-9]
    flipped = both[np.sign(both["all_words"]) * np.sign(both["own_words"]) < 0]
    lost = int((change["own_words"].isna() & change["all_words"].notna()).sum())
    text = (f"Of {len(change)} articles with a naming marker, counting only the outlet's own words changed the "
            f"index of {len(moved)}, reversed its sign in {len(flipped)}, and left {lost} without an index "
            f"(all their markers stand in quotations, questions or scare quotes).")
    means = change.groupby("bloc", sort=True)[["all_words", "own_words"]].mean()
    text += " Mean index per bloc, all words → own words: " + "; ".join(
        f"{bloc} {row.all_words:+.2f} → {row.own_words:+.2f}" if pd.notna(row.own_words) else
        f"{bloc} {row.all_words:+.2f} → undefined" for bloc, row in means.iterrows()) + "."
    return text


def naming_by_layer(summary: pd.DataFrame) -> pd.DataFrame:
    """Per bloc: articles, and for the outlet's own words (`naming_index`), the words it quotes
    (`naming_index_quoted`) and the words it puts in scare quotes (`naming_index_scare`: the
    so-called "special military operation") the mean index over the articles with a marker hit
    and how many those are. Who uses which name when quoted is a finding of its own.

    Parameters
    ----------
    summary
        The `article_framing` table (bloc and the naming_index columns).

    Returns
    -------
    pandas.DataFrame
        bloc, articles, and <layer>_mean and <layer>_articles for own_words, quoted and scare.
    """
    rows = []
    for bloc, group in summary.groupby("bloc", sort=True):
        row = {"bloc": bloc, "articles": len(group)}
        for column, name in (("naming_index", "own_words"), ("naming_index_quoted", "quoted"),
                             ("naming_index_scare", "scare")):
            values = group[column].dropna() if column in group else pd.Series(dtype=float)
            row[f"{name}_mean"] = float(values.mean()) if len(values) else np.nan
            row[f"{name}_articles"] = len(values)
        rows.append(row)
    return pd.DataFrame(rows)


def naming_answer(summary: pd.DataFrame, a: str, b: str, *, n_perm: int = stats.N_PERMUTATIONS, seed: int = 0) -> str:
    """The naming comparison as a sentence: mean `naming_index` of each bloc's articles that use any
    marker, how many have none, and an article-level permutation p-value (`stats.permutation_test`),
    only where each bloc has `stats.MIN_ARTICLES_FOR_INTERVAL` articles with a marker (else why not).

    Parameters
    ----------
    summary
        The `article_framing` table (bloc, naming_index).
    a, b
        The two blocs compared.
    n_perm, seed
        Most relabellings of the test, and the seed of random ones.

    Returns
    -------
    str
        The sentences, in Markdown.
    """
    parts = []
    for bloc in (a, b):
        values = summary.loc[summary["bloc"] == bloc, "naming_index"]
        scored = values.dropna()
        mean = f"{scored.mean():+.2f}" if len(scored) else "undefined"
        parts.append(f"**{bloc}** {mean} ({len(scored)} of {len(values)} articles use a marker)")
    text = ("Mean naming index of the outlets' own words (+1: only Russian official usage, -1: only Ukrainian/Western usage): "
            + "; ".join(parts) + ".")
    test = stats.permutation_test(summary["naming_index"], summary["bloc"], a, b, limit=n_perm, seed=seed)
    if test["n_relabellings"]:
        text += (f" Difference {test['difference']:+.2f}, article-level permutation p = {test['p_value']:.3g} "
                 f"({stats.how_tested(test)}).")
    elif np.isnan(test["difference"]):
        text += " No test: one of the blocs has no article with a marker."
    else:  # too few articles with a marker for a p-value
        text += f" Difference {test['difference']:+.2f}; no{test['reason'].removeprefix('no')}."
    return text


def marker_rates_by_bloc(counts: pd.DataFrame, articles: pd.DataFrame,
                         layers: Sequence[str] | None = segment.OWN_LAYERS) -> pd.DataFrame:
    """Markers per bloc: hits and rate per 1,000 tokens of the same layers in all the bloc's articles
    pooled (a bloc's hits over its tokens: longer articles weigh more; `marker_rates_by_article`
    gives each article's rate, whose mean the figures show), in the given marker `layers` (default:
    the outlet's own words, narration and reported speech, per 1,000 own words; ("quoted",) for the
    words it quotes, per 1,000 quoted words; None for every hit, per 1,000 of all words).

    Parameters
    ----------
    counts
        The `markers` table.
    articles
        The articles table (article_id, bloc, and n_tokens_own, n_tokens_quoted or n_tokens).
    layers
        The marker layers counted (None: all).

    Returns
    -------
    pandas.DataFrame
        bloc, group, term, usage, count, rate_per_1000.
    """
    column = _token_column(layers, articles)
    terms = counts[["group", "term", "usage"]].drop_duplicates()  # (of every layer: a term used only in quotes is a 0 here)
    counts = _in_layers(counts, layers)
    data = counts.merge(articles[["article_id", "bloc"]], on="article_id")
    tokens = articles.groupby("bloc")[column].sum()
    grid = pd.DataFrame({"bloc": sorted(articles["bloc"].dropna().unique())}).merge(terms, how="cross")
    found = data.groupby(["bloc", "group", "term", "usage"], sort=True)["count"].sum().reset_index()
    out = grid.merge(found, on=["bloc", "group", "term", "usage"], how="left").fillna({"count": 0})
    out["count"] = out["count"].astype("int64")
    out = out.sort_values(["bloc", "group", "term", "usage"], kind="mergesort").reset_index(drop=True)
    out["rate_per_1000"] = 1000 * out["count"] / out["bloc"].map(tokens).astype("float64")  # (float when empty, too)
    return out


def marker_rates_by_article(counts: pd.DataFrame, articles: pd.DataFrame,
                            layers: Sequence[str] | None = segment.OWN_LAYERS) -> pd.DataFrame:
    """Markers per article: hits and rate per 1,000 of the article's tokens in the same layers (an
    article without such tokens has no rate), for every article and
    every marker term any article uses (zeros kept: an article without the term is a 0, not a
    missing value), in the given marker `layers` (as `marker_rates_by_bloc`). The article values
    behind a bloc comparison of a marker.

    Parameters
    ----------
    counts
        The `markers` table.
    articles
        The articles table (article_id, bloc, and n_tokens_own, n_tokens_quoted or n_tokens).
    layers
        The marker layers counted (None: all).

    Returns
    -------
    pandas.DataFrame
        bloc, group, term, usage, article_id, count, rate_per_1000, sorted by group, term, bloc, article_id.
    """
    column = _token_column(layers, articles)
    terms = counts[["group", "term", "usage"]].drop_duplicates()  # (of every layer, as `marker_rates_by_bloc`)
    counts = _in_layers(counts, layers)
    columns = ["bloc", "group", "term", "usage", "article_id", "count", "rate_per_1000"]
    if terms.empty:
        return pd.DataFrame(columns=columns)
    hits = counts.groupby(["article_id", "group", "term", "usage"], sort=True)["count"].sum().reset_index()
    grid = articles[["article_id", "bloc", column]].merge(terms, how="cross")
    out = grid.merge(hits, on=["article_id", "group", "term", "usage"], how="left").fillna({"count": 0})
    out["count"] = out["count"].astype("int64")
    out["rate_per_1000"] = 1000 * out["count"] / out[column].where(out[column] > 0)
    return out.sort_values(["group", "term", "bloc", "article_id"], kind="mergesort")[columns].reset_index(drop=True)


def _in_layers(counts: pd.DataFrame, layers: Sequence[str] | None) -> pd.DataFrame:
    """The `markers` rows in `layers` (all rows for None, or for a table without layers)."""
    return counts[counts["layer"].isin(layers)] if layers is not None and "layer" in counts else counts
