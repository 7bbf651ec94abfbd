"""The notebook's sentences about tone: a bloc difference as the design allows it to be stated,
what leaving out each outlet or author does, what the mixed model says, the share of the gap the
topic's own words explain, and the spread of sentence scores beside the gap.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.sentiment.scorers import THRESHOLD
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL, lost_verdict, no_p_value_reason
from analysis.stats.permutation import how_tested

#: Articles up to which `article_table` lists every article; above, half of them from each end of tone.
ARTICLE_TABLE_ROWS = 40


def article_table(frame: pd.DataFrame, column: str = "compound", *, limit: int = ARTICLE_TABLE_ROWS) -> tuple[pd.DataFrame, str]:
    """Each article's mean tone and the standard deviation of its sentences' scores (by bloc, outlet and
    article), and a sentence saying which articles it lists. Up to `limit` articles, all of them; above,
    the `limit // 2` with the lowest mean and as many with the highest (ties by bloc, outlet and id),
    lowest first, with a `listed` column saying which end each is from: the articles that pull a bloc
    mean, where a listing of thousands would show its first and last rows.

    No interval: the sentences of one article are not independent draws from anything the comparison is
    about, so an interval resampled from them would look like an estimate the design cannot give; the
    standard deviation describes how much the article's sentences differ (empty for one sentence).

    Parameters
    ----------
    frame : a `sentence_frame` (or some of its rows).
    column : the score averaged.
    limit : the most articles listed.

    Returns
    -------
    table : DataFrame
        bloc, outlet, article_id, n_sentences, mean, sd (above `limit`, then `listed`: "lowest" or
        "highest").
    note : str
        Which articles the table lists.
    """
    by = ["bloc", "outlet", "article_id"]
    table = (frame.groupby(by, sort=True, observed=True)[column]
             .agg(n_sentences="size", mean="mean", sd="std").reset_index())
    table["n_sentences"] = table["n_sentences"].astype("int64")
    if len(table) <= limit:
        return table, (f"All {len(table):,} articles, each with the standard deviation of its own sentences' scores "
                       "(a description of the article, not an interval).")
    order = np.argsort(table["mean"].to_numpy(), kind="stable")  # (equal means: in bloc, outlet, id order)
    half = limit // 2
    rank = np.empty(len(order), dtype=int)
    rank[order] = np.arange(len(order))
    shown = table.assign(_rank=rank)[(rank < half) | (rank >= len(order) - half)]
    shown = shown.sort_values("_rank", kind="stable").drop(columns="_rank").reset_index(drop=True)
    shown["listed"] = ["lowest"] * half + ["highest"] * (len(shown) - half)
    return shown, (f"{len(table):,} articles: the table lists the {half} with the lowest and the {len(shown) - half} "
                   "with the highest mean tone (ties by bloc, outlet and id), lowest first, each with the standard "
                   "deviation of its own sentences' scores; every article is a dot in the figure above.")


def difference_text(difference: Mapping, column_label: str = "tone", *, sentences: pd.DataFrame | None = None,
                    layer: str = "the compared layer") -> str:
    """A sentence stating a `bloc_difference` result as the design allows: the gap, the permutation
    p-value with how many relabellings (and the smallest p they allow) and the interval, each only
    when both blocs have enough articles (else why not), and the article-level standardised difference
    only when both blocs have at least 2 articles (else why not).

    Parameters
    ----------
    difference : a `bloc_difference` result.
    column_label : what the compared score is called.
    sentences : every sentence of the corpus (bloc, article_id), when the difference was computed on a
        layer of them (the outlet's own words): the text then says how many articles of each bloc have
        no sentence in that layer and so are not in the difference, which the article counts of the
        comparison note would otherwise silently exceed.
    layer : what that layer is called.

    Returns
    -------
    str
        Markdown, the blocs in bold.
    """
    a, b, d = difference["a"], difference["b"], difference["difference"]
    n_a, n_b = difference["n_articles_a"], difference["n_articles_b"]
    if np.isnan(d):  # a bloc without a sentence in this layer
        return (f"No {column_label} difference: **{a}** has {n_a:,} articles and **{b}** {n_b:,} with sentences here "
                f"({difference.get('reason') or 'nothing to compare'}).")
    direction = "higher" if d > 0 else "lower" if d < 0 else "the same as"
    text = (f"Mean {column_label} of **{a}** articles ({n_a:,}) is {abs(d):.3f} {direction}"
            f"{' than' if d != 0 else ''} that of **{b}** articles ({n_b:,}).")
    if sentences is not None:
        text += _layer_coverage(sentences, {a: n_a, b: n_b}, layer)
    if np.isnan(difference["p_value"]):
        reason = difference.get("reason") or no_p_value_reason(n_a, n_b)
        text += f" No{reason.removeprefix('no')}."
    else:
        text += (f" Article-level permutation p = {difference['p_value']:.3g} "
                 f"({how_tested(difference, 'relabellings of the articles')}).")
    if np.isnan(difference["ci_low"]):
        text += (f" No interval is shown: it needs at least {MIN_ARTICLES_FOR_INTERVAL} articles in each bloc "
                 f"(here {n_a} and {n_b}).")
    else:
        text += f" 95% bootstrap interval over articles: [{difference['ci_low']:.3f}, {difference['ci_high']:.3f}]."
    if np.isnan(difference["d_articles"]) and min(n_a, n_b) >= 2:
        text += " No standardised difference: the article means do not vary within the blocs (a spread of 0)."
    elif np.isnan(difference["d_articles"]):
        text += " No standardised difference: it needs at least 2 articles in each bloc (a spread of article means)."
    else:
        text += (f" Standardised at the article level, d = {difference['d_articles']:.2f}: the gap over the pooled "
                 f"standard deviation of the article means ({n_a} and {n_b} articles; each sentence counts only "
                 f"through its article's mean).")
    return text


def copies_once_text(full: Mapping, once: Mapping, copied: pd.DataFrame, column_label: str = "tone", *,
                     layer: str = "the compared layer") -> str:
    """The bloc difference recomputed with one copy of each shared paragraph (`once`, from
    `without_copies`), beside the one over every copy (`full`): whether the gap and its p-value rest
    on text several articles print (Markdown).

    Parameters
    ----------
    full, once : `bloc_difference` results with every copy and with one copy of each shared paragraph.
    copied : `overview.copied_paragraphs` (article_id, paragraph_id, kept).
    column_label, layer : as in `difference_text`.

    Returns
    -------
    str
    """
    dropped = copied[~copied["kept"].astype(bool)]
    if dropped.empty:
        return ("**One copy of each shared paragraph.** No kept paragraph of 12+ words is printed by two articles: "
                "there is nothing to recompute.")
    texts = int(copied["kept"].astype(bool).sum())
    lost = (full["n_articles_a"] + full["n_articles_b"]) - (once["n_articles_a"] + once["n_articles_b"])
    text = (f"**One copy of each shared paragraph.** Of the {texts:,} paragraph texts that two or more articles "
            f"print, only the copy in the first published article (by date; undated ones last, ties by article id) "
            f"is kept here; {len(dropped):,} other copies "
            f"are left out" + (f", which leaves {lost:,} compared article{'s' if lost != 1 else ''} without a "
                               f"sentence in {layer}" if lost else "") + ". " + difference_text(once, column_label, layer=layer))
    if not (np.isnan(full["difference"]) or np.isnan(once["difference"])):
        text += f" With every copy the gap was {full['difference']:+.3f}" + (
            f" (p = {full['p_value']:.3g})." if not np.isnan(full["p_value"]) else ".")
        if _opposite(full["difference"], once["difference"]):
            text += " **The sign changes**: the difference over every copy rests on the copied text."
    text += (" Which copy is kept is a rule, not a finding: the earliest date in the metadata is not proof of the "
             "first publisher, and a corpus sampled another way would repeat other paragraphs.")
    return text


def copies_once_answer(full: Mapping, once: Mapping, copied: pd.DataFrame, alpha: float = 0.05) -> str:
    """One sentence for a notebook's answer: the gap with one copy of each shared paragraph (`once`)
    beside the one over every copy (`full`), and whether a p-value below `alpha` holds; "" when no
    paragraph is shared (Markdown).

    Parameters
    ----------
    full, once : `bloc_difference` results with every copy and with one copy of each shared paragraph.
    copied : `overview.copied_paragraphs`.
    alpha : the level a reader would call small.

    Returns
    -------
    str
    """
    if copied["kept"].astype(bool).all() or np.isnan(once["difference"]) or np.isnan(full["difference"]):
        return ""
    parts = [f"{once['difference']:+.3f}"]
    if not np.isnan(once["p_value"]):
        parts.append(f"p = {once['p_value']:.3g}")
    if not np.isnan(once["ci_low"]):
        parts.append(f"95% interval [{once['ci_low']:.3f}, {once['ci_high']:.3f}]")
    text = (f"**With copied text counted once** (one copy of each shared paragraph, above) the gap is "
            f"{', '.join(parts)}, against {full['difference']:+.3f} over every copy")
    if lost := lost_verdict(full["p_value"], once["p_value"], alpha):
        text += f": the {lost} over every copy does not hold"
    elif _opposite(full["difference"], once["difference"]):
        text += ": the sign changes"
    return text + "."


def _opposite(x: float, y: float, digits: int = 3) -> bool:
    """Whether two gaps have opposite signs as printed (`digits` decimals): -0.001 against +0.000 do not."""
    x, y = round(x, digits), round(y, digits)
    return x != 0 and y != 0 and np.sign(x) != np.sign(y)


def _layer_coverage(sentences: pd.DataFrame, counted: Mapping[str, int], layer: str) -> str:
    """" (1 of 95 russian articles has no sentence in LAYER and is not counted.)", or "" when every
    article with a sentence is counted."""
    with_sentences = sentences.groupby("bloc", observed=True)["article_id"].nunique()
    totals = {bloc: int(with_sentences.get(bloc, 0)) for bloc in counted}
    parts = [f"{totals[bloc] - n} of {totals[bloc]} {bloc} articles" for bloc, n in counted.items() if totals[bloc] > n]
    if not parts:
        return ""
    has, isare = ("has", "is") if len(parts) == 1 and parts[0].startswith("1 of ") else ("have", "are")
    return f" ({' and '.join(parts)} {has} no sentence in {layer} and {isare} not counted here.)"


def leave_out_shown(table: pd.DataFrame, n: int = 10, what: str = "outlet") -> tuple[pd.DataFrame, str]:
    """The rows of a `leave_one_group_out` table a page shows: the full difference, then the `n`
    groups whose removal moves it most (ties by name), with `n_left_out` (the articles left out, 0
    for the full difference) and `change`; and a sentence saying what is shown.

    Parameters
    ----------
    table : a `leave_one_group_out` (or `leave_one_outlet_out`) table.
    n : most groups shown.
    what : what a group is, for the sentence.

    Returns
    -------
    tuple
        The rows, and the sentence.
    """
    full = table.iloc[[0]]
    rest = table.iloc[1:]
    change = (rest["difference"] - full["difference"].iloc[0]).round(12)
    ranked = rest.assign(change=change, _abs=change.abs()).sort_values(["_abs", "left_out"], ascending=[False, True],
                                                                       kind="mergesort").drop(columns="_abs")
    shown = pd.concat([full.assign(change=0.0), ranked.head(n)], ignore_index=True)
    shown = shown.rename(columns={"n_articles": "n_left_out"})
    note = (f"All {len(rest):,} {what}s, largest change first." if len(rest) <= n else
            f"The {n} of {len(rest):,} {what}s whose removal moves the difference most (the whole table: `leave_out`).")
    return shown, note


def leave_one_group_out_text(table: pd.DataFrame, what: str = "outlet", n_articles: int | None = None) -> str:
    """How many groups' removal (outlets, authors...) flips the sign of the difference, named
    (sorted), which groups are a whole bloc (their removal leaves nothing to compare), how many
    groups have a single article (for them, leaving the group out is leaving one article out), and
    how many articles belong to no group and stay in every row.

    Parameters
    ----------
    table : a `leave_one_group_out` table.
    what : what a group is, singular ("outlet", "author").
    n_articles : the articles of the compared blocs; when given, those without a group are counted.

    Returns
    -------
    str
    """
    rest = table[table["left_out"] != "(none)"]
    whats = f"{what}s"
    if np.isnan(table.loc[table["left_out"] == "(none)", "difference"]).all():
        return f"No difference to test by leaving out one {what} at a time: a compared bloc has no sentence here."
    if rest.empty:
        text = f"No article of the compared blocs has a known {what}: nothing to leave out."
        return text
    empties = rest.loc[rest["difference"].isna(), "left_out"].tolist()
    if len(empties) == 1 and len(rest) == 1:  # (one author of every article, in both blocs)
        return (f"One {what} ({empties[0]}) accounts for every article of the compared blocs: leaving it out leaves "
                f"nothing to compare, so this check cannot be made.")
    if len(empties) == len(rest):
        return (f"Each {what} here accounts for a whole compared bloc ({', '.join(empties)}): leaving one out leaves "
                f"nothing to compare, so this check cannot be made, and the bloc difference is a difference between "
                f"{len(empties)} {whats}.")
    flips = rest.loc[rest["difference"].notna() & ~rest["same_sign"], "left_out"].tolist()
    if not flips:
        text = f"Leaving out any one of the {len(rest) - len(empties)} {whats} keeps the sign of the difference."
    else:
        text = (f"Leaving out {len(flips)} of the {len(rest)} {whats} flips the sign of the difference: "
                f"{', '.join(flips)}. The sign of the bloc difference rests on {'it' if len(flips) == 1 else 'them'}.")
    if empties:
        text += (f" {', '.join(empties)} {'is' if len(empties) == 1 else 'are'} a whole bloc here: "
                 f"without it there is nothing to compare.")
    single = int((rest["n_articles"] == 1).sum())
    if single == len(rest):
        text += (f" Every {what} here has a single article of the compared blocs, so leaving out "
                 f"{'an' if what[:1] in 'aeiou' else 'a'} {what} is leaving out one article.")
    elif single:
        text += (f" {single} of the {len(rest)} {whats} {'has' if single == 1 else 'have'} a single article: "
                 f"for {'it' if single == 1 else 'them'}, leaving out the {what} is leaving out one article.")
    if n_articles is not None:
        missing = int(n_articles - rest["n_articles"].sum())
        if missing:
            text += (f" {missing} of the {n_articles} articles {'has' if missing == 1 else 'have'} no {what} in the "
                     f"metadata and {'stays' if missing == 1 else 'stay'} in every row (whether "
                     f"{'it shares' if missing == 1 else 'they share'} one is unknown).")
    return text


def leave_one_outlet_out_text(table: pd.DataFrame) -> str:
    """`leave_one_group_out_text` for a `leave_one_outlet_out` table.

    Parameters
    ----------
    table : a `leave_one_outlet_out` table.

    Returns
    -------
    str
    """
    return leave_one_group_out_text(table, "outlet")


def mixed_model_text(result: Mapping, column_label: str = "tone") -> str:
    """A `bloc_mixed_model` result as the design allows it: why it is not fitted, or the bloc
    coefficient (with its Wald interval only where one is supported, else why not) and the ICCs.

    Parameters
    ----------
    result : a `stats.bloc_mixed_model` result.
    column_label : what the score is called.

    Returns
    -------
    str
        Markdown, the blocs in bold.
    """
    a, b = result["a"], result["b"]
    if not result["fitted"]:
        return f"Linear mixed model of sentence {column_label} ({a} - {b}): {result['reason']}."
    text = (f"Linear mixed model of sentence {column_label} with random intercepts for outlet and for article "
            f"within outlet ({result['n_sentences']} sentences; **{a}** {result['n_articles_a']} articles in "
            f"{result['n_outlets_a']} outlets, **{b}** {result['n_articles_b']} in {result['n_outlets_b']}): "
            f"bloc coefficient {a} - {b} = {result['coefficient']:+.3f}")
    if np.isnan(result["ci_low"]):
        text += f"; {result['reason']}."
    else:
        text += (f", 95% Wald interval [{result['ci_low']:.3f}, {result['ci_high']:.3f}] (normal approximation, "
                 f"optimistic with few outlets).")
    text += (f" Share of the variance of sentence scores between outlets (ICC) {result['icc_outlet']:.3f}, "
             f"between articles of one outlet {result['icc_article']:.3f}; the rest lies between sentences of "
             f"one article.")
    return text


def tone_layer_change_text(change: pd.DataFrame, a: str, b: str) -> str:
    """`tone_layer_change` as a sentence for the compared pair: each bloc's tone over all
    sentences and over its own words, and the gap a - b both ways.

    Parameters
    ----------
    change : a `tone_layer_change` table.
    a, b : the compared blocs.

    Returns
    -------
    str
    """
    rows = change.set_index("bloc")
    if a not in rows.index or b not in rows.index:
        return "The compared blocs are not both in the corpus."
    def value(x: float, missing: str = "none (no sentence)") -> str:
        return missing if np.isnan(x) else f"{x:+.3f}"

    parts = [f"{bloc} {value(rows.at[bloc, 'all_sentences'])} → {value(rows.at[bloc, 'own_words'])}" for bloc in (a, b)]
    before = rows.at[a, "all_sentences"] - rows.at[b, "all_sentences"]
    after = rows.at[a, "own_words"] - rows.at[b, "own_words"]
    return ("Mean of article means, all sentences → the outlet's own words: " + "; ".join(parts)
            + f". The gap {a} − {b} is {value(before, 'none')} over all sentences and {value(after, 'none')} over own "
              "words.")


def topic_share_text(difference: Mapping, neutral_difference: Mapping) -> str:
    """How the gap changes when the topic's own terms score 0: the share they explain when the gap
    shrinks without changing sign, otherwise what happens instead (a share would mislead).

    Parameters
    ----------
    difference, neutral_difference : `bloc_difference` results on the full lexicon's and on the
        topic-neutral scores (their `difference`).

    Returns
    -------
    str
    """
    raw, neutral = difference["difference"], neutral_difference["difference"]
    if np.isnan(raw) or np.isnan(neutral):
        return "No gap to split between the topic's own terms and the rest: a compared bloc has no sentence here."
    text = f"With the topic's own terms scored 0 the gap is {neutral:+.3f} (full lexicon {raw:+.3f})"
    raw, neutral = round(raw, 3), round(neutral, 3)  # (compared as printed: -0.001 against -0.001 does not "grow")
    if raw == 0:
        return text + ": too small at this precision to say what the topic's vocabulary does to it."
    if np.sign(neutral) not in (0, np.sign(raw)):
        return text + ": it changes sign, so the topic's vocabulary, not the bloc, sets its direction."
    if abs(neutral) > abs(raw):
        return text + ": it grows, so the topic's vocabulary does not explain it."
    if neutral == raw:
        return text + ": the same, so the topic's vocabulary does not move it."
    tested = []
    if not np.isnan(neutral_difference.get("ci_low", np.nan)):
        tested.append(f"95% interval [{neutral_difference['ci_low']:.3f}, {neutral_difference['ci_high']:.3f}]")
    if not np.isnan(neutral_difference.get("p_value", np.nan)):
        tested.append(f"p = {neutral_difference['p_value']:.2g}")
    return (text + (f"; {', '.join(tested)} for the topic-neutral gap" if tested else "")
            + f", so {1 - neutral / raw:.0%} of it is the topic's vocabulary: a ratio of two estimates from the same "
            "articles, with no interval of its own, so read it as a rough share.")


def tone_answer(summary: pd.DataFrame, difference: Mapping, neutral_difference: Mapping | None = None, *,
                sentences: pd.DataFrame | None = None, layer: str = "the compared layer") -> str:
    """The notebook's one-line answer computed from `bloc_summary`, `bloc_difference` (and the
    topic-neutral difference): which bloc reads more positive, by how much, what the test allows.

    Parameters
    ----------
    summary : a `bloc_summary` table of every bloc.
    difference : the `bloc_difference` of the compared pair.
    neutral_difference : the same on topic-neutral scores; adds `topic_share_text`.
    sentences, layer : as for `difference_text` (articles without a sentence in the layer).

    Returns
    -------
    str
        Markdown.
    """
    text = difference_text(difference, sentences=sentences, layer=layer)
    if neutral_difference is not None:
        text += " " + topic_share_text(difference, neutral_difference)
    # (the corpus's articles from every sentence when given: the summary counts only the articles with a
    # sentence in the compared layer, and said "9,999 of the corpus's 9,999" of 10,000)
    n = int(sentences["article_id"].nunique()) if sentences is not None else int(summary["n_articles"].sum())
    used = int(difference["n_articles_a"] + difference["n_articles_b"])
    text += (f" The comparison uses {used:,} of the corpus's {n:,} articles ({len(summary)} blocs); it describes "
             f"these texts, not whole media systems.")
    return text


def spread_text(frame: pd.DataFrame, difference: Mapping, column: str = "compound", *, threshold: float = THRESHOLD,
                layer: str = "") -> str:
    """Share of sentences VADER calls neutral, and the median within-outlet standard deviation
    of sentence scores beside the bloc difference: how large the gap is against the spread.

    Parameters
    ----------
    frame : one row per sentence, with outlet and `column` (every bloc's: the spread is the corpus's).
    difference : the `bloc_difference` compared with the spread.
    column : the score.
    threshold : the |score| at or below which a sentence counts as neutral (the notebook's cut-off).
    layer : the sentences `frame` holds, named in the text (e.g. "the outlet's own words").

    Returns
    -------
    str
    """
    of = f" of {layer} (every bloc)" if layer else ""
    neutral = float((frame[column].abs() <= threshold).mean())
    spread = frame.groupby("outlet")[column].std().median()
    gap = abs(difference["difference"])
    if np.isnan(gap) or np.isnan(spread) or (gap == 0 and spread == 0):  # (no gap to set the spread against)
        return f"{neutral:.0%} of sentences{of} score within ±{threshold} (neutral to VADER)." if len(frame) else ""
    relation = "wider than" if spread > gap else "narrower than"
    return (f"{neutral:.0%} of sentences{of} score within ±{threshold} (neutral to VADER). The median "
            f"standard deviation of sentence scores within an outlet is {spread:.3f}, {relation} the "
            f"{gap:.3f} gap between {difference['a']} and {difference['b']}: a scale for single sentences, not for "
            f"the gap, which is between averages of article means (tested at the article level; `d` sets it against "
            f"the spread of article means).")
