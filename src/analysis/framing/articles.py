"""One article at a time: the rows of the markers, frames and voices tables, the `article_framing`
summary over them, and the same tables for a whole built corpus.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis import segment
from analysis.framing.dictionaries import _dictionaries
from analysis.framing.frames import FRAME_COLUMNS, _frame_rows
from analysis.framing.naming import (
    MARKER_COLUMNS,
    QUOTED_LAYERS,
    _marker_rows,
    naming_index_of_counts,
)
from analysis.framing.speakers import VOICE_COLUMNS, _voice_rows
from analysis.terms import forget_texts


def article_rows(article_id: str, paragraphs: Sequence[Mapping], quotes: Sequence[Mapping],
                 layer_counts: Mapping[str, int] | None = None,
                 paragraph_tokens: Sequence[Sequence[str]] | None = None) -> dict[str, list[dict]]:
    """The rows of `markers`, `frames` and `voices` for one article, from its kept paragraphs
    (paragraph_id, text) and quotes (quote_id, paragraph_id, text, speaker, and from
    `segment.segment_paragraphs` kind, start, end).

    Each marker hit carries the layer of the text it stands in (`segment.layer_at`): the
    outlet's own `narration`, `quoted` or `reported` speech, an interviewer's `question`, a
    `scare` quote or a speaker `label`; quotes without offsets leave every hit in narration.
    Voices count the quotes that give a speaker a voice (`segment.VOICE_KINDS`).
    `paragraph_tokens` (`segment.tokenize` of each paragraph) saves tokenising again.

    Parameters
    ----------
    article_id
        The article.
    paragraphs, quotes
        Its paragraph and quote records.
    layer_counts
        Its tokens per layer (`segment.layer_tokens`; the markers' rate is per 1,000 tokens of the
        hit's layer, own words together), counted here when None.
    paragraph_tokens
        Each paragraph's tokens, when already known.

    Returns
    -------
    dict of str to list of dict
        {"markers", "frames", "voices"}: the article's rows, with `MARKER_COLUMNS`, `FRAME_COLUMNS`
        and `VOICE_COLUMNS`.
    """
    d = _dictionaries()
    forget_texts()  # the matchers below share each paragraph's word index within this article only
    spans = segment.layer_spans((q for q in quotes if "kind" in q and "start" in q), key="paragraph_id")  # (once: the
    # markers and the frames read the same stretches)
    return {"markers": _marker_rows(article_id, paragraphs, spans, layer_counts, d["markers"], d["marker_info"],
                                    paragraph_tokens),
            "frames": _frame_rows(article_id, paragraphs, paragraph_tokens, d["frames"], spans),
            "voices": _voice_rows(article_id, paragraphs, quotes, d)}


def article_framing_from_counts(articles: pd.DataFrame, counts: pd.DataFrame, frame_scores: pd.DataFrame,
                                voice_table: pd.DataFrame) -> pd.DataFrame:
    """One row per article (the `article_framing` table): naming indices, marker rates per group,
    frame salience and voice shares, from the `markers` table (counts per article, term and
    layer), with a column for every group, frame and speaker group of the dictionaries, so that
    every chunk of a streamed build has the same columns.

    `naming_index`, the `rate_` and the `frame_` columns use the outlet's own words (layers `narration` and
    `reported`: its paraphrase of what others said; rates per 1,000 of those words, `n_tokens_own`);
    `naming_index_quoted` the words it quotes
    (layer `quoted`); `naming_index_scare` the words it puts in scare quotes (layer `scare`), a
    category of their own. Interviewers' questions and speaker labels count in none.

    Parameters
    ----------
    articles
        The articles table (article_id, outlet, bloc, n_tokens_own).
    counts, frame_scores, voice_table
        The `markers`, `frames` and `voices` tables of the same articles.

    Returns
    -------
    pandas.DataFrame
        article_id, outlet, bloc, naming_index, naming_index_quoted, naming_index_scare, then
        rate_<group>, frame_<frame> (mean own-word score, `score_own`, over the paragraphs with own
        words) and voice_<speaker group> (share of the quotes).
    """
    d = _dictionaries()
    ids = articles["article_id"].tolist()
    table = articles[["article_id", "outlet", "bloc"]].set_index("article_id")
    layer = counts["layer"] if "layer" in counts else pd.Series("narration", index=counts.index)
    own, quoted = counts[layer.isin(segment.OWN_LAYERS)], counts[layer.isin(QUOTED_LAYERS)]

    table["naming_index"] = naming_index_of_counts(own, ids)
    table["naming_index_quoted"] = naming_index_of_counts(quoted, ids)
    table["naming_index_scare"] = naming_index_of_counts(counts[layer == "scare"], ids)
    counts = own
    tokens = articles.set_index("article_id")["n_tokens_own"]
    rates = _wide(counts.groupby(["article_id", "group"])["count"].sum(), ids, d["groups"], 0)
    table = table.join((rates.div(tokens, axis=0) * 1000).add_prefix("rate_"))
    salience = _wide(frame_scores.groupby(["article_id", "frame"])["score_own"].mean(), ids, d["frame_names"], np.nan)
    table = table.join(salience.add_prefix("frame_"))
    shares = _wide(voice_table.groupby(["article_id", "speaker_group"]).size(), ids, d["speaker_groups"], 0)
    shares = shares.div(shares.sum(axis=1).where(lambda s: s > 0), axis=0)
    table = table.join(shares.add_prefix("voice_"))
    rate_cols = [c for c in table.columns if c.startswith("rate_")]
    table[rate_cols] = table[rate_cols].fillna(0.0)  # (an article without own words: 0, as one without a hit)
    return table.reset_index()


def _wide(values: pd.Series, ids: list[str], columns: list[str], fill: float) -> pd.DataFrame:
    """A (article_id, key) series as an ids x columns frame; absent pairs get `fill`."""
    if values.empty:
        return pd.DataFrame(fill, index=pd.Index(ids, name="article_id"), columns=columns, dtype="float64")
    wide = values.unstack(fill_value=fill) if not (isinstance(fill, float) and np.isnan(fill)) else values.unstack()
    return wide.reindex(index=ids, columns=columns, fill_value=fill)


def framing_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The per-article framing tables of a built corpus, as the build makes them: each article's
    `markers`, `frames` and `voices` rows from `article_rows`, and `article_framing_from_counts`
    over them (the build's types and rounding aside). Keyness of any pair: `keyness_for`.

    Parameters
    ----------
    tables
        The built `articles` (article_id, n_tokens_own, outlet, bloc), `paragraphs` (article_id,
        paragraph_id, text) and `quotes` (article_id, paragraph_id, quote_id, text, speaker and,
        for marker layers, kind, start, end).

    Returns
    -------
    dict of str to pandas.DataFrame
        markers, frames, voices and article_framing.
    """
    articles = tables["articles"]
    paragraphs = _records_by_article(tables["paragraphs"], ("paragraph_id", "text"))
    quotes = _records_by_article(tables["quotes"], ("paragraph_id", "quote_id", "text", "speaker", "kind", "start", "end"))
    rows: dict[str, list[dict]] = {"markers": [], "frames": [], "voices": []}
    for article_id in articles["article_id"].tolist():
        found = article_rows(article_id, paragraphs.get(article_id, []), quotes.get(article_id, []))
        for name, part in rows.items():
            part += found[name]
    out = {name: pd.DataFrame(rows[name], columns=list(columns))
           for name, columns in (("markers", MARKER_COLUMNS), ("frames", FRAME_COLUMNS), ("voices", VOICE_COLUMNS))}
    out["article_framing"] = article_framing_from_counts(articles, out["markers"], out["frames"], out["voices"])
    return out


def _records_by_article(table: pd.DataFrame, columns: Sequence[str]) -> dict[str, list[dict]]:
    """{article_id: its rows as records} of the given columns (those the table has), missing values as None."""
    data = table[["article_id", *(c for c in columns if c in table.columns)]].astype(object)
    out: dict[str, list[dict]] = {}
    for row in data.where(data.notna(), None).to_dict("records"):
        out.setdefault(row.pop("article_id"), []).append(row)
    return out
