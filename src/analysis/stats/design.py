"""Which blocs a comparison uses, what it leaves out, and when a bloc interval can be shown."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

#: A bloc interval (bootstrap over articles) is shown only when every bloc in it has this many articles:
#: with fewer, resampling articles can only reshuffle the same two or three texts. The same minimum
#: holds for a p-value (`stats.permutation_test`): every compared bloc needs this many articles.
MIN_ARTICLES_FOR_INTERVAL = 5


def blocs_by_size(counts: pd.Series, leave: Iterable[str] = ()) -> list[str]:
    """The blocs of `counts` (articles per bloc), largest first, ties by name: the one order every
    listing of blocs uses (the pair compared by default, the blocs a comparison leaves out).

    Parameters
    ----------
    counts : articles per bloc, indexed by bloc.
    leave : blocs not to list (e.g. the pair compared).

    Returns
    -------
    list of str
    """
    left = {str(b) for b in leave}
    return sorted((b for b in counts.index if str(b) not in left), key=lambda b: (-counts[b], b))


def compared_blocs(blocs: Iterable[str], wanted: Sequence[str] = ("russian", "western")) -> tuple[str, str] | None:
    """The two blocs to compare: `wanted` if both are present, else the two with most articles
    (ties broken by bloc name, alphabetically); None with fewer than two blocs.

    Parameters
    ----------
    blocs : the bloc of each article.
    wanted : the pair asked for (its first two entries).

    Returns
    -------
    tuple of (str, str) or None
    """
    counts = pd.Series(list(blocs), dtype=object).value_counts()
    if len(wanted) >= 2 and wanted[0] != wanted[1] and all(b in counts.index for b in wanted[:2]):
        return wanted[0], wanted[1]
    if len(counts) < 2:
        return None
    ordered = blocs_by_size(counts)
    return ordered[0], ordered[1]


def blocs_with_text(articles: pd.DataFrame) -> list[str]:
    """The bloc of each article that kept a sentence (all articles' blocs when the table has no
    n_sentences): what `compared_blocs` chooses from, so that a bloc whose articles cleaning emptied
    is never compared.

    Parameters
    ----------
    articles : one row per article, with bloc (and n_sentences).

    Returns
    -------
    list of str
    """
    kept = articles if "n_sentences" not in articles.columns else articles[articles["n_sentences"] > 0]
    return kept["bloc"].astype(str).tolist()


def _per_bloc(articles: pd.DataFrame) -> str:
    """Articles per bloc, by bloc name: "russian 1, western 2"."""
    return ", ".join(f"{bloc} {n}" for bloc, n in sorted(articles["bloc"].value_counts().items()))


def _articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def corpus_counts(articles: pd.DataFrame) -> str:
    """One sentence: n articles, outlets, and articles per bloc (largest first, ties by name).

    Parameters
    ----------
    articles : one row per article, with bloc and outlet (and published, which adds the dates).

    Returns
    -------
    str
    """
    counts = articles["bloc"].value_counts()
    order = blocs_by_size(counts)
    per_bloc = ", ".join(f"{b} {counts[b]}" for b in order)
    text = (f"n = {_articles(len(articles))} from {articles['outlet'].nunique()} outlets "
            f"({len(order)} blocs: {per_bloc}).")
    if "published" in articles.columns:
        dates = pd.Series(articles["published"], dtype=object).dropna().astype(str)
        dates = dates[dates.str.len() > 0]
        if len(dates):
            text += f" Published {dates.min()} to {dates.max()}" + (
                f" ({len(articles) - len(dates)} without a date)." if len(dates) < len(articles) else ".")
    return text


def blocs_tip(articles: pd.DataFrame, wanted: Sequence[str] = ("russian", "western")) -> str:
    """A "Try this" line for the `BLOCS` parameter written from this corpus's blocs: the pair that
    reverses the comparison now made and, where there is a third bloc with text, a pair with it, so the
    tip never names blocs the corpus lacks (which would fall back to the same two blocs and change nothing).

    Parameters
    ----------
    articles : one row per article, with bloc (and n_sentences).
    wanted : the pair the notebook's `BLOCS` asks for.

    Returns
    -------
    str
        Markdown, one sentence.
    """
    with_text = blocs_with_text(articles)
    pair = compared_blocs(with_text, wanted)
    if pair is None:
        return "`BLOCS` has nothing to choose here: the corpus has fewer than two blocs with text."
    a, b = pair
    counts = pd.Series(with_text, dtype=object).value_counts()
    tips = [f"`BLOCS = ({b!r}, {a!r})` reverses the comparison (every difference changes sign)"]
    third = blocs_by_size(counts, leave=pair)
    if third:
        tips.append(f"`BLOCS = ({a!r}, {third[0]!r})` compares {a} with {third[0]} ({_articles(int(counts[third[0]]))})")
    return "On this corpus: " + "; ".join(tips) + ". Any two of its blocs with text can be named: " + ", ".join(
        f"{c} ({_articles(int(counts[c]))})" for c in blocs_by_size(counts)) + "."


def comparison_note(articles: pd.DataFrame, wanted: Sequence[str] = ("russian", "western")) -> str:
    """Which two blocs a comparison uses (and why, if not the requested `wanted`), with their
    article counts, and which blocs and how many articles it leaves out.

    Parameters
    ----------
    articles : one row per article, with bloc (and n_sentences and english_share: articles without a
        sentence, and articles that do not read as English, are counted apart).
    wanted : the pair asked for (see `compared_blocs`).

    Returns
    -------
    str
        Markdown, the compared blocs in bold.
    """
    with_text = blocs_with_text(articles)
    pair = compared_blocs(with_text, wanted)
    counts = articles["bloc"].value_counts()
    if pair is None:
        return f"No comparison: the corpus has {len(counts)} bloc(s), {len(set(with_text))} with kept text; two are needed."
    a, b = pair
    lines = []
    if tuple(wanted[:2]) != pair:
        absent = [w for w in wanted[:2] if w not in counts.index]
        emptied = [w for w in wanted[:2] if w in counts.index and w not in with_text]
        why = "; ".join([f"{', '.join(map(repr, absent))} not in the corpus"] * bool(absent)
                        + [f"{', '.join(map(repr, emptied))} without an article that kept text"] * bool(emptied)) \
            or "the requested pair is not two blocs"
        lines.append(f"BLOCS asked for {tuple(wanted)!r} ({why}), so the two largest blocs are compared instead.")
    lines.append(f"Compared: **{a}** ({_articles(counts[a])}) against **{b}** ({_articles(counts[b])}).")
    others = blocs_by_size(counts, leave=pair)
    if others:
        left = sum(int(counts[c]) for c in others)
        lines.append(f"Left out of this comparison: {', '.join(f'{c} ({_articles(counts[c])})' for c in others)}; "
                     f"{left} of {len(articles)} articles.")
    else:
        lines.append("No bloc is left out.")
    if "outlet" in articles.columns:  # (a bloc of one outlet: the comparison is between outlets)
        single = [bloc for bloc in pair if articles.loc[articles["bloc"] == bloc, "outlet"].nunique() == 1]
        if single:
            lines.append(f"{' and '.join(f'**{bloc}**' for bloc in single)} "
                         f"{'has' if len(single) == 1 else 'have'} a single outlet: what is compared is "
                         f"{'that outlet' if len(single) == 1 else 'two outlets'}, not a bloc of outlets, and no "
                         "interval or p-value here can tell the bloc from the outlet's house style.")
    if "n_sentences" in articles.columns:  # (an article cleaning emptied counts in no measure)
        empty = articles[articles["bloc"].isin(pair) & (articles["n_sentences"] == 0)]
        if len(empty):
            lines.append(f"{len(empty)} of the compared articles ({_per_bloc(empty)}) kept no text (cleaning removed every "
                         "line): they have no sentence, and no measure counts them.")
    if {"english_share", "n_tokens"} <= set(articles.columns):
        from analysis.corpus.language import not_english_mask

        foreign = articles[articles["bloc"].isin(pair) & not_english_mask(articles)]
        if len(foreign):
            lines.append(f"**{len(foreign)} of the compared articles ({_per_bloc(foreign)}) do not read as English**: the "
                         "lexicons, markers, frames and speech patterns are English and do not measure them: their tone "
                         "(0, or a score from words that look English, as German 'Die') and their missing markers are "
                         "not measurements, and a difference between the blocs can come from them alone (notebook 00 "
                         "lists them).")
    return " ".join(lines)


def interval_supported(n_articles: Iterable[int], minimum: int = MIN_ARTICLES_FOR_INTERVAL) -> bool:
    """Whether a bootstrap over articles can stand for a bloc: every bloc has `minimum` articles.

    Parameters
    ----------
    n_articles : articles per bloc.
    minimum : articles each bloc needs.

    Returns
    -------
    bool
    """
    return all(int(n) >= minimum for n in n_articles)


def interval_rule(minimum: int = MIN_ARTICLES_FOR_INTERVAL) -> str:
    """The stated rule for showing a bloc interval, for the notebooks' text.

    Parameters
    ----------
    minimum : articles a bloc needs for its interval to be shown.

    Returns
    -------
    str
    """
    return (f"Intervals are shown only for blocs with at least {minimum} articles: with fewer, resampling "
            f"articles only reshuffles the same few texts, and the interval would look far more certain than "
            f"the design allows. Nor is one shown where every article of the bloc has the same value (often 0): "
            f"resampling identical values gives an interval of zero width, which says nothing about other articles.")


def no_interval(what: str = "articles in the bloc", minimum: int = MIN_ARTICLES_FOR_INTERVAL) -> str:
    """What an empty interval means in a table (`display.blanks_explained`), by `interval_rule`.

    Parameters
    ----------
    what : what the bloc has too few of, e.g. "articles with such sentences in the bloc".
    minimum : articles a bloc needs for its interval.

    Returns
    -------
    str
    """
    return f"no interval: fewer than {minimum} {what}, or every one of them has the same value"


def lost_verdict(was: float, now: float, alpha: float = 0.05) -> str:
    """"p < 0.05" (or "p >= 0.05") when a second estimate's p-value (`now`) falls on the other side of
    `alpha` from the first's (`was`), for "the ... p < 0.05 does not hold"; "" when both sides agree or
    either p-value is missing (NaN).

    Parameters
    ----------
    was, now : the two p-values.
    alpha : the level.

    Returns
    -------
    str
    """
    if np.isnan(was) or np.isnan(now) or (was < alpha) == (now < alpha):
        return ""
    return f"p {'<' if was < alpha else '>='} {alpha:g}"


def no_p_value_reason(n_a: int, n_b: int, minimum: int = MIN_ARTICLES_FOR_INTERVAL) -> str:
    """Why a contrast of `n_a` against `n_b` articles gets no p-value, or "" when it gets one (every
    compared bloc has `minimum` articles, the rule of intervals too).

    Parameters
    ----------
    n_a, n_b : articles of the two compared blocs.
    minimum : articles each bloc needs for a p-value.

    Returns
    -------
    str
        "" or a lower-case clause without a full stop, starting "no p-value".
    """
    if interval_supported([n_a, n_b], minimum):
        return ""
    return (f"no p-value: it needs at least {minimum} articles in each bloc (here {n_a} and {n_b}); with fewer, "
            f"the few relabellings of so few articles cannot tell a difference from chance")
