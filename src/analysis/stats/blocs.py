"""Bloc comparisons over article means (the article is the unit): each bloc's mean with its
bootstrap interval over articles, the difference of two blocs with a permutation test and an
article-level standardised difference, and the difference recomputed without each outlet, author
or any other group of articles.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.stats.bootstrap import _article_draws, _expanded, _within
from analysis.stats.design import MIN_ARTICLES_FOR_INTERVAL
from analysis.stats.permutation import N_PERMUTATIONS, permutation_test


def _article_means(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return frame.groupby(["bloc", "article_id"], sort=True)[column].mean().reset_index()


def article_d(article_means: pd.DataFrame, a: str, b: str, column: str) -> float:
    """The article-level standardised difference (Cohen's d over articles): the difference a - b of
    the bloc means of article means over the pooled standard deviation of the article means
    (each bloc's variance with ddof=1, weighted by its articles minus one). NaN when a bloc has
    fewer than 2 articles (no spread to pool) or the pooled deviation is 0. Sentences enter only
    through their article's mean, so they are not treated as independent.

    Parameters
    ----------
    article_means : one row per article, with bloc and `column` (its mean).
    a, b : the blocs compared.
    column : the article mean's column.

    Returns
    -------
    float
    """
    xa = article_means.loc[article_means["bloc"] == a, column].to_numpy(dtype=float)
    xb = article_means.loc[article_means["bloc"] == b, column].to_numpy(dtype=float)
    if min(len(xa), len(xb)) < 2:
        return float("nan")
    pooled = np.sqrt(((len(xa) - 1) * xa.var(ddof=1) + (len(xb) - 1) * xb.var(ddof=1)) / (len(xa) + len(xb) - 2))
    return float((xa.mean() - xb.mean()) / pooled) if pooled > 0 else float("nan")


def bloc_summary(frame: pd.DataFrame, column: str = "compound", *, n_boot: int = 2000, ci: float = 0.95,
                 seed: int = 0, min_articles: int = MIN_ARTICLES_FOR_INTERVAL,
                 bounds: tuple[float | None, float | None] = (None, None)) -> pd.DataFrame:
    """Per bloc: articles, sentences, the mean of article means, and a bootstrap interval over the
    bloc's articles (`_article_draws`: each resampled article keeps its own mean; widened for few
    articles by `_expanded`), left empty (NaN) for a bloc with fewer than `min_articles` articles
    (`stats.interval_rule`), and for a bloc whose articles all have the same value (often all 0:
    resampling them gives a zero-width interval, a certainty the design does not have). The interval
    is cut to `bounds`, the values the measure can take: the widening about the mean can reach past
    them for a bloc of few articles (a rate's interval below 0), where the bloc's true mean cannot lie.

    Parameters
    ----------
    frame : one row per sentence, with bloc, article_id and `column`.
    column : the score summarised.
    n_boot : bootstrap draws (articles within the bloc, resampled with replacement).
    ci : coverage of the interval.
    seed : seed of the one generator the blocs share, in sorted order.
    min_articles : articles a bloc needs for its interval.
    bounds : the lowest and highest value the measure can take (None: unbounded), e.g. (0, None) for a
        rate, (0, 1) for a share.

    Returns
    -------
    pd.DataFrame
        One row per bloc, sorted: bloc, n_articles, n_sentences, mean, ci_low, ci_high.
    """
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    rows = []
    for bloc in sorted(frame["bloc"].unique()):
        means = _article_means(frame.loc[frame["bloc"] == bloc, ["bloc", "article_id", column]], column)[column]
        low = high = float("nan")
        if len(means) >= min_articles:
            values = means.to_numpy(dtype=float)
            draws = _expanded(_article_draws(values, n_boot, rng), values, ci)
            if np.ptp(values) > 0:  # (all articles alike, often all 0: a zero-width interval would claim a
                # certainty resampling these articles cannot give; drawn all the same, so the next bloc's draws stay)
                low, high = _within(float(np.quantile(draws, alpha)), float(np.quantile(draws, 1 - alpha)), bounds)
        rows.append({"bloc": bloc, "n_articles": len(means), "n_sentences": int((frame["bloc"] == bloc).sum()),
                     "mean": float(means.mean()), "ci_low": low, "ci_high": high})
    return pd.DataFrame(rows, columns=["bloc", "n_articles", "n_sentences", "mean", "ci_low", "ci_high"])


def bloc_difference(frame: pd.DataFrame, a: str, b: str, column: str = "compound", *,
                    n_boot: int = 2000, ci: float = 0.95, seed: int = 0,
                    min_articles: int = MIN_ARTICLES_FOR_INTERVAL, n_perm: int = N_PERMUTATIONS,
                    test: Mapping | None = None,
                    bounds: tuple[float | None, float | None] = (None, None)) -> dict[str, float]:
    """Difference a - b of bloc means (means of article means); its bootstrap interval over articles
    and an article-level permutation p-value (`stats.permutation_test`: exact over at most `n_perm`
    relabellings, else sampled), both NaN unless both blocs have `min_articles` articles (the interval
    NaN too where every article of each bloc has the same value: `bloc_summary`); and the
    article-level standardised difference `d_articles` (`article_d`). Other blocs are left out.
    With the measure's `bounds` (lowest and highest value), the interval is cut to the differences
    it can take, from low - high to high - low: the widening for few articles reached -2.13 for the
    difference of two naming indices, which lie in [-1, 1].

    Parameters
    ----------
    frame : one row per sentence, with bloc, article_id and `column`.
    a, b : the blocs compared; where one has no sentences in `frame` (a text layer it never uses),
        every number is NaN and `reason` says so.
    column : the score compared.
    n_boot, ci : bootstrap draws per bloc, coverage of the interval.
    seed : seed of the bootstrap and of sampled relabellings.
    min_articles : articles each bloc needs for the interval and the p-value.
    n_perm : most relabellings enumerated for an exact test; above it, this many are sampled.
    test : the permutation test of these article means, when already computed (`permutation_tests`
        of several measures at once, over the articles in bloc and id order), else None.
    bounds : the lowest and highest value the measure can take (None: unbounded), as in `bloc_summary`.

    Returns
    -------
    dict
        a, b, difference, ci_low, ci_high, p_value, n_relabellings, exact, min_p, reason (why
        there is no p-value, "" when there is one), d_articles, n_articles_a, n_articles_b.
    """
    missing = [bloc for bloc in (a, b) if not (frame["bloc"] == bloc).any()]
    if missing:  # (a text layer a bloc never uses: only interview answers, only quotes ...)
        n_a, n_b = (int(frame.loc[frame["bloc"] == x, "article_id"].nunique()) for x in (a, b))
        nan = float("nan")
        return {"a": a, "b": b, "difference": nan, "ci_low": nan, "ci_high": nan, "p_value": nan, "n_relabellings": 0,
                "exact": False, "min_p": nan, "reason": f"no sentences of {' or '.join(missing)} here: nothing to compare",
                "d_articles": nan, "n_articles_a": n_a, "n_articles_b": n_b}
    rng = np.random.default_rng(seed)
    article_means = _article_means(frame, column)
    means = article_means.groupby("bloc")[column].mean()
    n_a = int(frame.loc[frame["bloc"] == a, "article_id"].nunique())
    n_b = int(frame.loc[frame["bloc"] == b, "article_id"].nunique())
    low = high = float("nan")
    if min(n_a, n_b) >= min_articles:
        xa, xb = (article_means.loc[article_means["bloc"] == bloc, column].to_numpy(dtype=float) for bloc in (a, b))
        diff_draws = _expanded(_article_draws(xa, n_boot, rng), xa, ci) - _expanded(_article_draws(xb, n_boot, rng), xb, ci)
        alpha = (1 - ci) / 2
        low, high = float(np.quantile(diff_draws, alpha)), float(np.quantile(diff_draws, 1 - alpha))
        if bounds[0] is not None and bounds[1] is not None:
            span = float(bounds[1]) - float(bounds[0])
            low, high = max(low, -span), min(high, span)
        if np.ptp(xa) == 0 and np.ptp(xb) == 0:  # (every article of each bloc alike: no spread to resample)
            low = high = float("nan")
    if test is None:
        test = permutation_test(article_means[column], article_means["bloc"], a, b, limit=n_perm, seed=seed,
                                min_articles=min_articles)
    return {"a": a, "b": b, "difference": float(means[a] - means[b]), "ci_low": low, "ci_high": high,
            "p_value": test["p_value"], "n_relabellings": test["n_relabellings"], "exact": test["exact"],
            "min_p": test["min_p"], "reason": test["reason"], "normal_form": test.get("normal_form", False),
            "d_articles": article_d(article_means, a, b, column),
            "n_articles_a": n_a, "n_articles_b": n_b}


def leave_one_group_out(frame: pd.DataFrame, a: str, b: str, by: str, column: str = "compound") -> pd.DataFrame:
    """The bloc difference a - b recomputed without the articles of each value of `by` (an outlet,
    an author...) in turn (nan if a bloc empties); values found only in other blocs cannot move it
    and are not listed, and articles without a value (NaN or empty) stay in every row. Article
    means are computed once and each group's are taken out of its bloc's sums (one pass, however
    many groups). A group may span both blocs (an author who wrote for both): it leaves both.

    Parameters
    ----------
    frame : one row per sentence, with bloc, article_id, `by` and `column`.
    a, b : the blocs compared.
    by : the column whose values are left out one at a time.
    column : the score compared.

    Returns
    -------
    pd.DataFrame
        left_out ("(none)" first, then each value, sorted), n_articles (the articles left out),
        difference, and same_sign (whether the full difference's sign is kept).
    """
    part = frame[frame["bloc"].isin([a, b])]
    means = part.groupby(["bloc", "article_id"], sort=True)[column].mean().reset_index()
    group = part.groupby("article_id")[by].first()
    group = group.where(group.notna() & (group.astype(str).str.strip() != ""))
    means["group"] = means["article_id"].map(group)
    total = means.groupby("bloc")[column].agg(["sum", "count"])
    by_group = means.dropna(subset=["group"]).groupby(["group", "bloc"])[column].agg(["sum", "count"])

    def without(value: str | None) -> float:
        parts = []
        for bloc in (a, b):
            s, n = (total.at[bloc, "sum"], total.at[bloc, "count"]) if bloc in total.index else (0.0, 0)
            if value is not None and (value, bloc) in by_group.index:
                s, n = s - by_group.at[(value, bloc), "sum"], n - by_group.at[(value, bloc), "count"]
            parts.append(s / n if n else np.nan)
        return float(parts[0] - parts[1])

    rows = [{"left_out": "(none)", "n_articles": 0, "difference": without(None)}]
    rows += [{"left_out": value, "n_articles": int(by_group.loc[value, "count"].sum()), "difference": without(value)}
             for value in sorted(by_group.index.get_level_values("group").unique())]
    table = pd.DataFrame(rows)
    table["same_sign"] = np.sign(table["difference"]) == np.sign(rows[0]["difference"])
    return table


def leave_one_outlet_out(frame: pd.DataFrame, a: str, b: str, column: str = "compound") -> pd.DataFrame:
    """`leave_one_group_out` over outlets: the bloc difference a - b without each outlet in turn.

    Parameters
    ----------
    frame : one row per sentence, with bloc, outlet, article_id and `column`.
    a, b : the blocs compared.
    column : the score compared.

    Returns
    -------
    pd.DataFrame
        left_out ("(none)" first, then each outlet, sorted), n_articles, difference, same_sign.
    """
    return leave_one_group_out(frame, a, b, "outlet", column)
