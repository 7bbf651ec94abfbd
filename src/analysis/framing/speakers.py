"""Voices: who gets quoted (speaker groups), with which speech verb, and each group's share per bloc."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import pandas as pd

from analysis import segment
from analysis.framing.dictionaries import _speaker_matchers, load_speaker_groups
from analysis.segment.patterns import first_letters
from analysis.terms import TermMatcher, alternation

#: The columns of the `voices` table, as `article_rows` makes its rows.
VOICE_COLUMNS = ("article_id", "quote_id", "speaker", "speaker_group", "verb", "n_words", "kind")


def speaker_group(speaker: str, groups: pd.DataFrame | list[tuple[str, TermMatcher]] | None = None) -> str:
    """The group of a quote's speaker string; "unattributed" if empty, "other" if nothing matches.

    Parameters
    ----------
    speaker
        The speaker as the quotes table gives it.
    groups
        Speaker groups (group, term; first match in order wins), or their matchers (default: the
        packaged `load_speaker_groups`).

    Returns
    -------
    str
        The speaker group.
    """
    if not isinstance(speaker, str) or not speaker.strip():
        return "unattributed"
    groups = load_speaker_groups() if groups is None else groups
    matchers = _speaker_matchers(groups) if isinstance(groups, pd.DataFrame) else groups
    for group, matcher in matchers:
        if next(matcher.finditer(speaker), None):
            return group
    return "other"


@lru_cache(maxsize=8)
def _verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the speech verbs, longest first, as a trie (compiled once per verb list)."""
    ordered = sorted(verbs, key=len, reverse=True)
    return re.compile(r"(?<!\w)" + first_letters(ordered) + "(" + alternation(ordered) + r")(?!\w)", re.IGNORECASE)


def attribution_verb(paragraph: str, quote: str, verbs: Iterable[str] | None = None) -> str:
    """The speech verb nearest the quote in its paragraph ("said", "claimed", "insisted"...), or "".

    Parameters
    ----------
    paragraph
        The paragraph holding the quote.
    quote
        The quote's text (found in the paragraph by its first 40 characters).
    verbs
        Speech verbs to look for (default: `segment.speech_verbs`).

    Returns
    -------
    str
        The verb in lower case, outside the quote and at most 120 characters from it, or "".
    """
    return _nearest_verb(_verb_hits(paragraph, tuple(verbs or segment.speech_verbs())), paragraph, quote)


def _verb_hits(paragraph: str, verbs: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, verb in lower case) of each speech verb in a paragraph."""
    return [(m.start(), m.end(), m.group(1).lower()) for m in _verb_pattern(verbs).finditer(paragraph)]


def _nearest_verb(hits: Sequence[tuple[int, int, str]], paragraph: str, quote: str) -> str:
    """`attribution_verb` from the paragraph's verb hits (found once for all its quotes)."""
    start = paragraph.find(quote[:40]) if quote else -1
    if start < 0:
        return ""
    end = start + len(quote)
    best, distance = "", math.inf
    for at, to, verb in hits:
        if start <= at < end:
            continue  # inside the quote itself
        gap = start - to if to <= start else at - end
        if gap < distance and gap <= 120:
            best, distance = verb, gap
    return best


def _speaker_group_cached(speaker: str, d: dict) -> str:
    """`speaker_group` with the packaged groups, remembered per speaker string (the same few
    speakers recur across articles; at most 65,536 are kept, then the memory starts afresh)."""
    cache = d["speaker_cache"]
    group = cache.get(speaker)
    if group is None:
        if len(cache) >= 65_536:
            cache.clear()
        group = cache[speaker] = speaker_group(speaker, d["speakers"])
    return group


def _voice_rows(article_id: str, paragraphs: Sequence[Mapping], quotes: Sequence[Mapping], d: Mapping) -> list[dict]:
    """One article's rows of the `voices` table: the quotes that give a speaker a voice (`segment.VOICE_KINDS`),
    with the speaker's group (`d`: `_dictionaries()`) and the nearest speech verb."""
    text = {p["paragraph_id"]: p["text"] for p in paragraphs}
    verbs = tuple(segment.speech_verbs())
    verb_hits: dict[object, list[tuple[int, int, str]]] = {}

    def verb(q: Mapping) -> str:
        here = q["paragraph_id"]
        if here not in verb_hits:
            verb_hits[here] = _verb_hits(text[here], verbs)
        return _nearest_verb(verb_hits[here], text[here], q["text"])

    return [{"article_id": article_id, "quote_id": int(q["quote_id"]), "speaker": q["speaker"] or "",
             "speaker_group": _speaker_group_cached(q["speaker"], d),
             "verb": verb(q),
             "n_words": segment.count_tokens(q["text"]), "kind": q.get("kind", "direct")}
            for q in quotes if q.get("kind", "direct") in segment.VOICE_KINDS]


def voice_shares(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per bloc and speaker group: quotes, quoted words, their shares within the bloc, and the
    mean over the bloc's articles of each article's share of quotes.

    The pooled shares let a few quote-heavy articles speak for their bloc; `mean_article_share`
    weighs every article that quotes anyone the same (the article is the unit of a bloc
    comparison). Articles with no quote have no share and are left out of it; `articles` says
    how many articles the mean is over.

    Parameters
    ----------
    table
        The `voices` table (article_id, quote_id, speaker_group, n_words).
    articles
        The articles table (article_id, bloc).

    Returns
    -------
    pandas.DataFrame
        bloc, speaker_group, quotes, words, share_of_quotes, share_of_words, mean_article_share,
        articles (the bloc's articles with at least one quote).
    """
    data = table.merge(articles[["article_id", "bloc"]], on="article_id")
    out = (data.groupby(["bloc", "speaker_group"], sort=True)
           .agg(quotes=("quote_id", "size"), words=("n_words", "sum")).reset_index())
    out["share_of_quotes"] = out["quotes"] / out.groupby("bloc")["quotes"].transform("sum")
    out["share_of_words"] = out["words"] / out.groupby("bloc")["words"].transform("sum")
    per_article = data.groupby(["bloc", "article_id", "speaker_group"], sort=True).size().rename("n").reset_index()
    per_article["share"] = per_article["n"] / per_article.groupby("article_id")["n"].transform("sum")
    quoting = per_article.groupby("bloc")["article_id"].nunique().rename("articles")
    mean = (per_article.groupby(["bloc", "speaker_group"])["share"].sum().rename("mean_article_share")
            .reset_index().merge(quoting, on="bloc"))
    mean["mean_article_share"] = mean["mean_article_share"] / mean["articles"]  # (absent groups count as 0)
    return out.merge(mean, on=["bloc", "speaker_group"], how="left")


def verb_counts(table: pd.DataFrame, articles: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """Quotes per bloc and speaker group by the speech verb nearest each quote: one column per verb
    for the `top` verbs used most in the whole table (ties by name), the rest summed in "other verbs",
    and "(none)" for quotes without a speech verb, so the table stays a page wide on a corpus with
    hundreds of verbs.

    Parameters
    ----------
    table : the `voices` table (article_id, quote_id, speaker_group, verb).
    articles : the articles table (article_id, bloc).
    top : verbs given a column of their own.

    Returns
    -------
    pandas.DataFrame
        Indexed by bloc and speaker_group (sorted); columns the verbs (most used first), then
        "other verbs" (where there are more) and "(none)" (where a quote has no verb); counts.
    """
    data = table.merge(articles[["article_id", "bloc"]], on="article_id")
    verbs = data["verb"].fillna("").astype(str)
    used = verbs[verbs != ""].value_counts()
    named = sorted(used.index, key=lambda v: (-int(used[v]), v))[:top]
    column = verbs.where(verbs.isin(named) | (verbs == ""), "other verbs").replace("", "(none)")
    counts = pd.crosstab([data["bloc"], data["speaker_group"]], column.rename("verb"))
    order = named + [c for c in ("other verbs", "(none)") if c in counts.columns]
    return counts.reindex(columns=order, fill_value=0).sort_index()


def voices_text(shares: pd.DataFrame, voices: pd.DataFrame | None = None, articles: pd.DataFrame | None = None) -> str:
    """Voices per bloc (quotes and paraphrases) and their words, so shares are read with their counts;
    with the `voices` and articles tables, how many of them are paraphrase (kind "indirect": the outlet's
    own words for what someone said, counted as own words by the text measures).

    Parameters
    ----------
    shares
        A `voice_shares` table.
    voices, articles
        The `voices` table (article_id, kind, n_words) and the articles table (article_id, bloc), or None.

    Returns
    -------
    str
        One sentence.
    """
    per_bloc = shares.groupby("bloc", sort=True)[["quotes", "words"]].sum()
    if per_bloc.empty:
        return "No quote was found in the compared blocs, so there is no one to show as quoted."
    paraphrased = None
    if voices is not None and articles is not None and "kind" in voices:
        data = voices.merge(articles[["article_id", "bloc"]], on="article_id")
        indirect = data[data["kind"].astype(str) == "indirect"]
        paraphrased = indirect.groupby("bloc").agg(n=("kind", "size"), words=("n_words", "sum"))

    def counts(bloc: str, row: pd.Series) -> str:
        if paraphrased is None:
            return f"{bloc} {int(row.quotes):,} ({int(row.words):,} words)"
        n, words = (int(paraphrased.loc[bloc, c]) if bloc in paraphrased.index else 0 for c in ("n", "words"))
        return (f"{bloc} {int(row.quotes):,}: {int(row.quotes) - n:,} quoted and {n:,} paraphrased "
                f"({int(row.words):,} words, {words:,} of them paraphrase)")

    return ("Voices per bloc, quotes and paraphrases (\"Peskov said that ...\") together: "
            + "; ".join(counts(bloc, row) for bloc, row in per_bloc.iterrows()) + ".")


#: The group a bare official role ("the spokesman", "diplomats") is given by default: the rows of that
#: group written in lower case in `speaker_groups.csv` (its section 5) are the bare roles.
BARE_ROLE_GROUP = "russian_officials"


def bare_role_note(table: pd.DataFrame, articles: pd.DataFrame, groups: pd.DataFrame | None = None) -> str:
    """How many of the quotes counted for `BARE_ROLE_GROUP` are there only by the bare-role default:
    their speaker would be "other" without the group's lower-case rows (no name, no nationality:
    "the spokesman", "diplomats"), per bloc, with the roles seen most, so the reader of the voices
    figure knows how much of that bar rests on the default rather than on a name.

    Parameters
    ----------
    table : the `voices` table (article_id, speaker, speaker_group).
    articles : the articles table (article_id, bloc).
    groups : the speaker groups the build used (default: the packaged `load_speaker_groups`).

    Returns
    -------
    str
        One sentence (or a sentence saying no quote rests on the default).
    """
    groups = load_speaker_groups() if groups is None else groups
    bare = (groups["group"] == BARE_ROLE_GROUP) & groups["term"].astype(str).str[:1].str.islower()
    named = _speaker_matchers(groups[~bare])
    data = table[table["speaker_group"] == BARE_ROLE_GROUP].merge(articles[["article_id", "bloc"]], on="article_id")
    speakers = data["speaker"].fillna("").astype(str)
    by_default = speakers.map({s: speaker_group(s, named) != BARE_ROLE_GROUP for s in speakers.unique()}).astype(bool)
    group = BARE_ROLE_GROUP.replace("_", " ")
    if not by_default.any():
        return (f"No quote or paraphrase counts as {group} by the bare-role default (every one names its speaker or a "
                "nationality).")
    per_bloc = data[by_default].groupby("bloc").size()
    of_bloc = data.groupby("bloc").size()
    roles = speakers[by_default].str.lower().value_counts()
    shown = sorted(roles.index, key=lambda r: (-int(roles[r]), r))[:4]
    return (f"{int(by_default.sum()):,} of the {len(data):,} quotes and paraphrases counted as {group} have a bare role "
            f"for speaker "
            f"({', '.join(repr(r) for r in shown)}{' ...' if len(roles) > 4 else ''}) and count there only by the "
            f"default of `speaker_groups.csv` (section 5): "
            + "; ".join(f"{bloc} {int(per_bloc.get(bloc, 0)):,} of {int(n):,}" for bloc, n in of_bloc.items())
            + ". Where the role points to someone else (diplomats in Brussels), delete those rows and rebuild.")
