"""Tone tables per bloc, article and paragraph: the sentence frame they take, the tone of each
voice (quoted speech, the journalist's own words), what setting quotes apart changed, and the
most extreme sentences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis import segment
from analysis.clean.lines import case_space_key
from analysis.schema import columns_of
from analysis.stats.blocs import _article_means, bloc_summary
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL


def sentence_frame(tables: Mapping[str, pd.DataFrame], *, text: bool = True,
                   columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Sentences with their scores, paragraph kind and article metadata: the frame every
    tone function of this package takes (one row per sentence).

    From the tables of `read_tables`, the sentence, score and paragraph tables are read for this
    frame and not kept beside it (`Tables.columns_of`): on 100,000 articles they took 0.8 GB more.

    Parameters
    ----------
    tables : the built tables, at least sentences, sentiment, paragraphs and articles.
    text : keep the sentences' text (a frame for tests of scores alone needs none: 0.4 GB less on
        100,000 articles).
    columns : None: every column; else only article_id, sentence_id and those of these columns the
        tables have (sentence, score, kind or article columns; the score columns are read alone): the same
        rows, for a step that reads a few (the tone contrasts' frame of every column raised notebook 04's
        peak by 0.56 GB on 100,000 generated articles).

    Returns
    -------
    pd.DataFrame
        The sentence and score columns with kind, outlet, bloc, published and author (when the
        articles table has it), sorted by article_id and sentence_id.
    """
    keys = ["article_id", "sentence_id"]
    wanted = None if columns is None else set(columns)
    drop = () if text else ("text",)
    if wanted is not None:  # (not read at all; the paragraph id stays until the paragraphs' merge, which keeps these rows)
        drop = tuple(c for c in ("text", "in_quote", "speaker", "voice") if c not in wanted)
    sentences = columns_of(tables, "sentences", drop=drop)
    scores = None if wanted is None else [c for c in columns if c not in sentences.columns and c not in _NOT_SCORES]
    frame = sentences.merge(columns_of(tables, "sentiment", None if scores is None else [*keys, *scores]),
                            on=keys, validate="one_to_one")
    del sentences
    kind = [] if wanted is not None and "kind" not in wanted else ["kind"]
    frame = frame.merge(columns_of(tables, "paragraphs", ["article_id", "paragraph_id", *kind]),
                        on=["article_id", "paragraph_id"])
    articles = tables["articles"]
    meta = [c for c in ("outlet", "bloc", "published", "author") if c in articles.columns and (wanted is None or c in wanted)]
    frame = frame.merge(articles[["article_id", *meta]], on="article_id", validate="many_to_one")
    if wanted is not None and "paragraph_id" not in wanted:
        frame = frame.drop(columns="paragraph_id")
    return frame.sort_values(keys).reset_index(drop=True)


#: Columns of `sentence_frame` that do not come from the sentiment table.
_NOT_SCORES = frozenset({"kind", "outlet", "bloc", "published", "author", "paragraph_id", "text", "in_quote",
                         "speaker", "voice"})


def quote_vs_narration(frame: pd.DataFrame, column: str = "compound", *, n_boot: int = 2000, seed: int = 0,
                       min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """Tone of quoted speech and of the journalist's own words, per bloc: `bloc_summary` (mean of
    article means, articles as the unit) of each voice's sentences (the sentences' `voice`:
    narration, reported, quote, question; `in_quote` alone where the table predates voices).

    Parameters
    ----------
    frame : a `sentence_frame` (with voice, or in_quote).
    column : the score summarised.
    n_boot : bootstrap draws per bloc and voice.
    seed : seed of the first voice (sorted); the n-th uses `seed + n`.
    min_articles : articles a bloc needs for its interval.

    Returns
    -------
    pd.DataFrame
        bloc, voice, n_articles, n_sentences, mean, ci_low, ci_high, sorted by bloc and voice.
    """
    return bloc_summary_by(_voiced(frame), "voice", column, n_boot=n_boot, seed=seed, min_articles=min_articles)


def _voiced(frame: pd.DataFrame) -> pd.DataFrame:
    return frame if "voice" in frame else frame.assign(voice=np.where(frame["in_quote"], "quote", "narration"))


def bloc_summary_by(frame: pd.DataFrame, by: str, column: str = "compound", *, n_boot: int = 2000, seed: int = 0,
                    min_articles: int = MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """`bloc_summary` (mean of article means, bootstrap interval over articles) of each value of `by`
    apart: the sentences of each voice, of each actor, ...

    Parameters
    ----------
    frame : one row per sentence with bloc, article_id, `by` and `column`.
    by : the column whose values are summarised apart.
    column : the score summarised.
    n_boot : bootstrap draws per bloc and value.
    seed : seed of the first value (sorted); the n-th uses `seed + n`.
    min_articles : articles a bloc needs for its interval.

    Returns
    -------
    pd.DataFrame
        bloc, `by`, n_articles, n_sentences, mean, ci_low, ci_high, sorted by bloc and `by`.
    """
    # (the columns summarised only: each part a copy of every column, the text too, raised notebook 01's peak by
    # 0.8 GB on 100,000 articles)
    frame = frame[list(dict.fromkeys(["bloc", "article_id", by, column]))]
    parts = [bloc_summary(part, column, n_boot=n_boot, seed=seed + n, min_articles=min_articles).assign(**{by: value})
             for n, (value, part) in enumerate(frame.groupby(by, sort=True))]
    columns = ["bloc", by, "n_articles", "n_sentences", "mean", "ci_low", "ci_high"]
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts, ignore_index=True)[columns]
    return table.sort_values(["bloc", by], kind="mergesort").reset_index(drop=True)


def article_tone(frame: pd.DataFrame, by: str | None = None, column: str = "compound") -> pd.DataFrame:
    """Each article's mean tone (of all its sentences, or of those with each value of `by`): the
    value every bloc comparison of tone tests, one dot per article in the figures.

    Parameters
    ----------
    frame : one row per sentence with bloc, article_id, `column` (and `by`); a `sentence_frame`,
        `own_words`, or sentences merged with `actor_mentions`. A frame without voice but with
        in_quote gets its voice as `quote_vs_narration` gives it.
    by : a column split apart (e.g. "voice", "actor"); None for the article as a whole.
    column : the score averaged.

    Returns
    -------
    pd.DataFrame
        bloc, (`by`,) article_id, mean, n_sentences, sorted by bloc, (`by`,) article_id.
    """
    keys = ["bloc", *([by] if by else []), "article_id"]
    frame = _voiced(frame) if by == "voice" else frame
    return frame.groupby(keys, sort=True)[column].agg(mean="mean", n_sentences="size").reset_index()


#: Sentence voices written in the outlet's own words: the layers `segment.OWN_LAYERS` names.
OWN_VOICES = segment.OWN_LAYERS


def own_words(frame: pd.DataFrame, *, text: bool = True) -> pd.DataFrame:
    """The sentences in the outlet's own words: narration and its paraphrase of what others said
    (voices `narration`, `reported`); quoted speech and interviewers' questions are left out.

    Parameters
    ----------
    frame : a `sentence_frame` (with voice, or in_quote).
    text : keep the text column (False: a smaller copy for the comparisons, which need the scores
        only; on 100,000 generated articles 0.36 GB instead of 0.63 GB).

    Returns
    -------
    pd.DataFrame
        The rows of `frame` in the outlet's own words.
    """
    return frame.loc[own_mask(frame), [c for c in frame.columns if text or c != "text"]]


def own_mask(frame: pd.DataFrame) -> pd.Series:
    """Which rows of a sentence frame are in the outlet's own words (`own_words`' rows), without a copy.

    Parameters
    ----------
    frame : a `sentence_frame` (with voice, or in_quote).

    Returns
    -------
    pd.Series of bool
        On `frame`'s index.
    """
    return frame["voice"].isin(OWN_VOICES) if "voice" in frame else ~frame["in_quote"].astype(bool)


def without_copies(frame: pd.DataFrame, copied: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The sentences of `frame` outside every copy of a shared paragraph but the one kept
    (`overview.copied_paragraphs`: the copy in the first published article): each shared text counted once,
    to check whether a bloc difference rests on text several articles print.

    Parameters
    ----------
    frame : sentences with article_id and paragraph_id (a `sentence_frame` or a layer of it).
    copied : `overview.copied_paragraphs` (article_id, paragraph_id, kept).
    columns : only these columns of the rows kept (a comparison needs a few: on 100,000 generated
        articles a copy of every column raised notebook 01's peak by most of its 0.6 GB rise), else all.

    Returns
    -------
    pd.DataFrame
        The rows of `frame` not in a dropped copy, in their order.
    """
    dropped = copied.loc[~copied["kept"].astype(bool), ["article_id", "paragraph_id"]]
    if dropped.empty or frame.empty:
        return frame if columns is None else frame[list(columns)]
    # (one int64 key per (article, paragraph), the articles numbered among those with a dropped copy: no
    # index of millions of sentence rows' strings, nor a string copy of their ids)
    articles = pd.Index(dropped["article_id"].astype(str).unique())
    width = int(max(dropped["paragraph_id"].max(), frame["paragraph_id"].max())) + 1
    gone = articles.get_indexer(dropped["article_id"].astype(str)) * width + dropped["paragraph_id"].to_numpy(np.int64)
    ids = frame["article_id"]
    codes = articles.get_indexer(ids if ids.dtype == object or isinstance(ids.dtype, pd.CategoricalDtype) else ids.astype(str))
    keys = codes * width + frame["paragraph_id"].to_numpy(np.int64)
    keep = ~((codes >= 0) & np.isin(keys, gone))
    return frame.loc[keep, list(columns) if columns is not None else frame.columns]


def tone_layer_change(frame: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """What keeping quoted words apart changed in tone, per bloc: the mean of article means over
    every sentence (`all_sentences`, as tone was measured before quotes were set apart) and over
    the outlet's own words (`own_words`, what notebook 01 compares), the change, and the articles
    behind each (an article whose sentences are all quoted has no own-words mean).

    Parameters
    ----------
    frame : a `sentence_frame` (with voice, or in_quote).
    column : the score compared.

    Returns
    -------
    pd.DataFrame
        bloc, articles, all_sentences, own_words_articles, own_words, change.
    """
    rows = []
    # (without the text: with a copy of every column the step rose 1.6 GB on 100,000 articles, now 0.8 GB)
    frame = frame[[c for c in ("bloc", "article_id", column, "voice", "in_quote") if c in frame.columns]]
    own = own_words(frame)
    for bloc in sorted(frame["bloc"].unique()):
        every = _article_means(frame[frame["bloc"] == bloc], column)[column]
        mine = _article_means(own[own["bloc"] == bloc], column)[column]
        rows.append({"bloc": bloc, "articles": len(every), "all_sentences": float(every.mean()),
                     "own_words_articles": len(mine),
                     "own_words": float(mine.mean()) if len(mine) else float("nan")})
    table = pd.DataFrame(rows, columns=["bloc", "articles", "all_sentences", "own_words_articles", "own_words"])
    table["change"] = table["own_words"] - table["all_sentences"]
    return table


def paragraph_tone(frame: pd.DataFrame, column: str = "compound") -> pd.DataFrame:
    """Mean tone per paragraph, with its position in the article (0 = first, 1 = last paragraph).

    Parameters
    ----------
    frame : a `sentence_frame`.
    column : the score averaged.

    Returns
    -------
    pd.DataFrame
        bloc, outlet, article_id, paragraph_id, mean, n_sentences, position.
    """
    table = frame.groupby(["bloc", "outlet", "article_id", "paragraph_id"], sort=True)[column].agg(
        mean="mean", n_sentences="size").reset_index()
    order = table.groupby("article_id")["paragraph_id"].rank(method="first") - 1
    size = table.groupby("article_id")["paragraph_id"].transform("size")
    table["position"] = (order / (size - 1).where(size > 1, 1)).round(4)
    return table


def _distinct_texts(texts: pd.Series, positions: np.ndarray, n: int) -> list[int]:
    """The first `n` of `positions` whose text (case and spacing ignored) was not taken before: a sentence
    that several articles print (wire copy) is listed once, at its first place."""
    taken, seen = [], set()
    for at in positions.tolist():
        key = case_space_key(texts.iat[at])
        if key not in seen:
            seen.add(key)
            taken.append(at)
            if len(taken) == n:
                break
    return taken


def extreme_sentences(frame: pd.DataFrame, n: int = 3, column: str = "compound") -> pd.DataFrame:
    """The n most negative and n most positive sentences of each bloc, with article, outlet and voice (whose
    words: an extreme sentence is often someone's quote, not the outlet's own words); each text once (a
    sentence several articles print is listed at its first place, article then sentence order).

    Parameters
    ----------
    frame : a `sentence_frame` (with text).
    n : sentences at each end.
    column : the score ranked.

    Returns
    -------
    pd.DataFrame
        bloc, end, `column`, outlet, article_id, sentence_id, voice (when `frame` has it), text.
    """
    rows = []
    # (sorted without the text, 0.8 GB less on 100,000 articles; the rows shown are taken whole after, by position)
    keys = frame[["bloc", column, "article_id", "sentence_id"]].assign(_at=np.arange(len(frame)))
    for _, group in keys.groupby("bloc", sort=True):
        ordered = group.sort_values([column, "article_id", "sentence_id"], kind="mergesort")
        for end, positions in (("most negative", ordered["_at"].to_numpy()),
                               ("most positive", ordered["_at"].to_numpy()[::-1])):
            rows.append(frame.iloc[_distinct_texts(frame["text"], positions, n)].assign(end=end))
    cols = ["bloc", "end", column, "outlet", "article_id", "sentence_id", *(["voice"] if "voice" in frame else []), "text"]
    return pd.concat(rows)[cols].reset_index(drop=True)
