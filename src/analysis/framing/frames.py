"""Generic news frames: dictionary hits per paragraph and frame, in all its words and in the outlet's own
words, and each frame's salience per bloc in either layer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pandas as pd

from analysis import segment, stats
from analysis.framing.dictionaries import _dictionaries, _frame_matchers
from analysis.schema import rows_where
from analysis.terms import TermMatcher

#: The columns of the `frames` table, as `article_rows` makes its rows: `hits` and `score` count all
#: the paragraph's words, `hits_own` and `score_own` the outlet's own words only (`segment.OWN_LAYERS`).
FRAME_COLUMNS = ("article_id", "paragraph_id", "frame", "hits", "score", "hits_own", "score_own")

#: The layers a frame measure can be read in, and the `frames` columns (hits, score) of each.
FRAME_LAYERS = {"own": ("hits_own", "score_own"), "all": ("hits", "score")}


def score_frames(paragraphs: pd.DataFrame, frames: pd.DataFrame | None = None,
                 quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per paragraph and frame: hits and score (hits per 100 tokens) in all words, and in the outlet's
    own words; one row per pair, zeros kept.

    Each article's rows as `article_rows` makes them for the build's `frames` table.

    Parameters
    ----------
    paragraphs
        The paragraphs table (article_id, paragraph_id, text).
    frames
        A frame dictionary (frame, term) in place of the packaged one (`load_frames`).
    quotes
        The quotes table (article_id, paragraph_id, kind, start, end) that says which words are quoted;
        None: every word counts as the outlet's own.

    Returns
    -------
    pandas.DataFrame
        `FRAME_COLUMNS`: article_id, paragraph_id, frame, hits, score, hits_own, score_own.
    """
    matchers = _dictionaries()["frames"] if frames is None else _frame_matchers(frames)
    spans_of: dict[object, dict] = {}
    if quotes is not None and len(quotes):
        for article_id, part in quotes.groupby("article_id", sort=False):
            spans_of[article_id] = segment.layer_spans(part.to_dict("records"), key="paragraph_id")
    rows = []
    for article_id, part in paragraphs.groupby("article_id", sort=False):
        rows += _frame_rows(article_id, part[["paragraph_id", "text"]].to_dict("records"), None, matchers,
                            spans_of.get(article_id, {}))
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))


def _frame_rows(article_id: str, paragraphs: Sequence[Mapping], paragraph_tokens: Sequence[Sequence[str]] | None,
                matchers: Mapping[str, TermMatcher],
                spans: Mapping[object, Sequence[tuple[int, int, str]]] | None = None) -> list[dict]:
    """One article's rows of the `frames` table: per paragraph and frame, hits and hits per 100 tokens,
    of all words and of the outlet's own words (a hit in the layer `segment.layer_at` gives it, per 100
    tokens in `segment.OWN_LAYERS`: `segment.layer_tokens`). `spans`: {paragraph_id: stretches}
    (`segment.layer_spans`); a paragraph without stretches is all own words. `score_own` is None for a
    paragraph without own words (all quoted): no rate can be read there."""
    if paragraph_tokens is None:
        paragraph_tokens = [segment.tokenize(p["text"]) for p in paragraphs]
    spans = spans or {}
    rows = []
    for p, tokens in zip(paragraphs, paragraph_tokens):
        text, here = p["text"], spans.get(p["paragraph_id"])
        if here and all(layer in segment.OWN_LAYERS for _, _, layer in here):
            here = None  # (only the outlet's paraphrase here: every word is its own)
        size = max(len(tokens), 1)
        if here:
            counts = segment.layer_tokens([text], {0: here}, tokens=[tokens])
            own_size = sum(counts[layer] for layer in segment.OWN_LAYERS)
        else:
            own_size = len(tokens)
        for frame, matcher in matchers.items():
            if here:
                found = [segment.layer_at(here, a, b) in segment.OWN_LAYERS for _, a, b in matcher.finditer(text)]
                hits, own = len(found), sum(found)
            else:
                hits = own = sum(1 for _ in matcher.finditer(text))
            rows.append({"article_id": article_id, "paragraph_id": int(p["paragraph_id"]), "frame": frame,
                         "hits": hits, "score": round(100 * hits / size, 4), "hits_own": own,
                         "score_own": round(100 * own / own_size, 4) if own_size else None})
    return rows


def _frame_parts(scores: pd.DataFrame, articles: pd.DataFrame, columns: list[str],
                 defined: str | None = None) -> Iterator[tuple[str, pd.DataFrame]]:
    """Each frame (sorted) and its rows' `columns`, with each row's bloc; rows of an article the articles
    table lacks are left out, as an inner merge would, and so are rows where the column `defined` is
    missing (a paragraph without own words has no own-word score). One frame at a time: the whole table
    merged with the articles raised notebook 02's peak by 0.8 GB on the 10 million paragraph-frame rows of
    100,000 articles."""
    bloc_of = articles.drop_duplicates("article_id").set_index("article_id")["bloc"]
    known = scores["article_id"].isin(bloc_of.index).to_numpy(dtype=bool, copy=True)
    if defined is not None:  # (a mask, not a filtered copy: the whole table copied to drop the all-quoted paragraphs
        known &= scores[defined].notna().to_numpy(dtype=bool)  # raised notebook 02's peak by 0.46 GB at 100,000)
    for frame in sorted(scores["frame"][known].unique()):
        part = rows_where(scores, known & (scores["frame"] == frame).to_numpy(dtype=bool, na_value=False), columns)
        yield frame, part.assign(bloc=part["article_id"].map(bloc_of))


def frame_salience(scores: pd.DataFrame, articles: pd.DataFrame, *, n_boot: int = 2000, seed: int = 0,
                   min_articles: int = stats.MIN_ARTICLES_FOR_INTERVAL, layer: str = "own") -> pd.DataFrame:
    """Per frame and bloc: share of paragraphs with the frame, and the mean of article means with a
    bootstrap interval over the bloc's articles (each with the mean of its paragraphs), left empty
    for a bloc with fewer than `min_articles` articles.

    Parameters
    ----------
    scores
        The `frames` table (article_id, paragraph_id, frame and the columns of `layer`).
    articles
        The articles table (article_id, bloc, outlet).
    n_boot, seed
        Bootstrap resamples, and the seed of the first frame (each next frame adds one).
    min_articles
        Fewest articles a bloc needs for an interval.
    layer
        "own": hits in the outlet's own words per 100 of them (paragraphs without own words left
        out); "all": hits in all the paragraph's words, quoted ones included (`FRAME_LAYERS`).

    Returns
    -------
    pandas.DataFrame
        frame, bloc, n_articles, n_paragraphs, share_of_paragraphs, mean, ci_low, ci_high.
    """
    from analysis.stats import bloc_summary

    hits, score = _layer_columns(layer)
    rows = []
    for n, (frame, part) in enumerate(_frame_parts(scores, articles, ["article_id", hits, score], score)):
        summary = bloc_summary(part.rename(columns={score: "score"}), "score", n_boot=n_boot, seed=seed + n,
                               min_articles=min_articles, bounds=(0, None))  # (hits per 100 tokens: never below 0)
        present = part.assign(present=part[hits] > 0).groupby("bloc")["present"].mean()
        rows.append(summary.assign(frame=frame, share_of_paragraphs=summary["bloc"].map(present)))
    columns = ["frame", "bloc", "n_articles", "n_paragraphs", "share_of_paragraphs", "mean", "ci_low", "ci_high"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.concat(rows, ignore_index=True).rename(columns={"n_sentences": "n_paragraphs"})
    return table[columns]


def frame_layers(scores: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per frame and bloc: its hits in the outlet's own words and in the words it quotes (questions,
    scare quotes and speaker labels with them), and the quoted share: how much of a bloc's frame
    vocabulary its articles put in others' mouths. Counts of hits, pooled over the bloc's articles (a
    description, not an estimate).

    Parameters
    ----------
    scores
        The `frames` table (article_id, frame, hits, hits_own).
    articles
        The articles table (article_id, bloc).

    Returns
    -------
    pandas.DataFrame
        frame, bloc, n_articles, hits_own, hits_quoted, quoted_share (empty where the bloc has no hit),
        sorted by frame and bloc.
    """
    rows = []
    for frame, part in _frame_parts(scores, articles, ["article_id", "hits", "hits_own"]):
        sums = part.groupby("bloc", observed=True, sort=True).agg(
            n_articles=("article_id", "nunique"), hits=("hits", "sum"), hits_own=("hits_own", "sum"))
        sums["hits_quoted"] = sums["hits"] - sums["hits_own"]
        sums["quoted_share"] = (sums["hits_quoted"] / sums["hits"].where(sums["hits"] > 0)).round(3)
        rows.append(sums.reset_index().assign(frame=frame))
    columns = ["frame", "bloc", "n_articles", "hits_own", "hits_quoted", "quoted_share"]
    return pd.concat(rows, ignore_index=True)[columns] if rows else pd.DataFrame(columns=columns)


def _layer_columns(layer: str) -> tuple[str, str]:
    """The `frames` columns (hits, score) of a layer; an unknown layer is an error naming the known ones."""
    if layer not in FRAME_LAYERS:
        raise ValueError(f"unknown frame layer {layer!r}: choose from {', '.join(FRAME_LAYERS)}")
    return FRAME_LAYERS[layer]


def article_frame_scores(scores: pd.DataFrame, articles: pd.DataFrame, layer: str = "own") -> pd.DataFrame:
    """Each article's mean frame score over its paragraphs, per frame: the article values whose
    bloc means and intervals `frame_salience` gives (one dot per article in the figure).

    Parameters
    ----------
    scores
        The `frames` table (article_id, paragraph_id, frame and the score column of `layer`).
    articles
        The articles table (article_id, bloc).
    layer
        "own" (paragraphs without own words left out) or "all", as in `frame_salience`.

    Returns
    -------
    pandas.DataFrame
        bloc, frame, article_id, mean, n_paragraphs, sorted by bloc, frame, article_id.
    """
    _, score = _layer_columns(layer)
    # (grouped by article alone, its bloc taken along: grouped by bloc, frame and article, the whole table merged
    # with the articles raised notebook 02's peak by 1.9 GB on 100,000 generated articles)
    parts = []
    for frame, part in _frame_parts(scores, articles, ["article_id", score], score):
        means = part.groupby("article_id", sort=True).agg(mean=(score, "mean"), n_paragraphs=(score, "size"),
                                                          bloc=("bloc", "first"))
        parts.append(means.reset_index().assign(frame=frame))
    if not parts:  # (no rows: the merge's empty table, with its columns' types)
        data = scores.merge(articles[["article_id", "bloc"]], on="article_id")
        return data.groupby(["bloc", "frame", "article_id"])[score].agg(mean="mean", n_paragraphs="size").reset_index()
    table = pd.concat(parts, ignore_index=True)
    table = table.astype({"bloc": articles["bloc"].dtype, "frame": scores["frame"].dtype})
    table = table[["bloc", "frame", "article_id", "mean", "n_paragraphs"]]
    return table.sort_values(["bloc", "frame", "article_id"], kind="mergesort").reset_index(drop=True)
