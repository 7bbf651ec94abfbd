"""Article-level comparison design: which blocs are compared, what is left out, and permutation tests.

The article is the unit of every bloc comparison. Relabellings of articles are counted with
`math.comb` and enumerated only when there are at most `limit` of them; otherwise `limit`
distinct random relabellings are drawn with a seeded generator, so no step ever materialises
all combinations (C(42, 22) is about 5 x 10^11).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "how_tested",
    "MIN_ARTICLES_FOR_INTERVAL", "compared_blocs", "comparison_note", "corpus_counts", "interval_supported",
    "interval_rule", "permutation_test", "relabellings",
]

#: A bloc interval (bootstrap over articles) is shown only when every bloc in it has this many articles:
#: with fewer, resampling articles can only reshuffle the same two or three texts.
MIN_ARTICLES_FOR_INTERVAL = 5


def relabellings(n: int, k: int, *, limit: int = 10_000, seed: int = 0) -> tuple[np.ndarray, bool]:
    """Index sets of the `k` articles (of `n`) given the first label: every one of them when
    `math.comb(n, k) <= limit` (exact; the observed labelling is among them), else `limit`
    distinct random ones from a generator seeded with `seed`. Returns (array of shape (m, k), exact)."""
    if not 0 <= k <= n:
        raise ValueError(f"cannot choose {k} of {n} articles")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    total = math.comb(n, k)
    if total <= limit:
        return np.asarray(list(itertools.combinations(range(n), k)), dtype=np.int64).reshape(total, k), True
    return np.concatenate(list(sampled_relabellings(n, k, limit=limit, seed=seed))), False


def sampled_relabellings(n: int, k: int, *, limit: int = 10_000, seed: int = 0,
                         batch_values: int = 4_000_000, sort: bool = True) -> Iterator[np.ndarray]:
    """`limit` distinct random k-subsets of n articles (index rows, sorted unless `sort` is False), in batches of about
    `batch_values` indices, so that memory stays bounded however many articles there are.

    Draws `rng.choice(n, k, replace=False)` from a generator seeded with `seed` and skips a
    subset drawn before (recognised by a 64-bit fingerprint, the wrapped sum of fixed random
    weights of its members, instead of a tuple of up to n indices)."""
    rng = np.random.default_rng(seed)
    weights = np.random.default_rng([seed, n, k]).integers(0, 2**63, size=n, dtype=np.uint64)
    seen: set[int] = set()
    left = limit
    rows = max(1, batch_values // max(k, 1))
    while left > 0:
        batch = []
        while left > 0 and len(batch) < rows:
            split = rng.choice(n, k, replace=False)
            key = int(weights[split].sum(dtype=np.uint64))
            if key not in seen:
                seen.add(key)
                batch.append(np.sort(split) if sort else split)
                left -= 1
        yield np.asarray(batch, dtype=np.int64).reshape(len(batch), k)


def permutation_test(values: Sequence[float], labels: Sequence[str], a: str, b: str, *, limit: int = 10_000,
                     seed: int = 0, statistic: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None) -> dict:
    """Two-sided article-level permutation test of mean(a) - mean(b) over one value per article.

    Articles of other blocs are left out. Exact when the relabellings are at most `limit`
    (p = share of relabellings with |difference| >= the observed one; `min_p` is the smallest p
    any labelling of these articles could get); otherwise sampled, p = (1 + hits) / (1 + limit).
    """
    values, labels = np.asarray(values, dtype=float), np.asarray(labels)
    keep = np.isin(labels, [a, b]) & ~np.isnan(values)
    x, lab = values[keep], labels[keep]
    n, k = len(x), int((lab == a).sum())
    if k == 0 or k == n:
        return {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": float("nan"),
                "p_value": float("nan"), "n_relabellings": 0, "exact": True, "min_p": float("nan")}
    observed_stat = float(x[lab == a].mean() - x[lab == b].mean())
    exact = math.comb(n, k) <= limit
    batches = [relabellings(n, k, limit=limit, seed=seed)[0]] if exact else \
        sampled_relabellings(n, k, limit=limit, seed=seed, sort=False)
    total = x.sum()
    sum_a = np.concatenate([x[part].sum(axis=1) for part in batches])  # one value per relabelling
    stats = np.abs(sum_a / k - (total - sum_a) / (n - k))
    tolerance = 1e-9 * max(1.0, abs(observed_stat))
    hits = int((stats >= abs(observed_stat) - tolerance).sum())
    if exact:
        p = hits / len(sum_a)
        min_p = int((stats >= stats.max() - tolerance).sum()) / len(sum_a)
    else:
        p = (1 + hits) / (1 + len(sum_a))
        min_p = 1 / (1 + len(sum_a))
    return {"a": a, "b": b, "n_articles_a": k, "n_articles_b": n - k, "difference": observed_stat,
            "p_value": float(p), "n_relabellings": int(math.comb(n, k)) if exact else len(sum_a),
            "exact": exact, "min_p": float(min_p)}


def how_tested(test: Mapping, unit: str = "relabellings") -> str:
    """How a permutation p-value was computed, for a sentence: exact over every relabelling (with
    the smallest p the design allows) or from a random sample of them (with the smallest p that
    many can give)."""
    if test["exact"]:
        return (f"exact, over all {test['n_relabellings']:,} {unit}; the smallest p this design allows is "
                f"{test['min_p']:.3g}")
    return (f"from {test['n_relabellings']:,} random {unit}; the smallest p that many can give is "
            f"{test['min_p']:.2g}")


def compared_blocs(blocs: Iterable[str], wanted: Sequence[str] = ("russian", "western")) -> tuple[str, str] | None:
    """The two blocs to compare: `wanted` if both are present, else the two with most articles
    (ties broken by bloc name, alphabetically); None with fewer than two blocs."""
    counts = pd.Series(list(blocs), dtype=object).value_counts()
    if len(wanted) >= 2 and wanted[0] != wanted[1] and all(b in counts.index for b in wanted[:2]):
        return wanted[0], wanted[1]
    if len(counts) < 2:
        return None
    ordered = sorted(counts.index, key=lambda b: (-counts[b], b))
    return ordered[0], ordered[1]


def _articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def corpus_counts(articles: pd.DataFrame) -> str:
    """One sentence: n articles, outlets, and articles per bloc (largest first, ties by name)."""
    counts = articles["bloc"].value_counts()
    order = sorted(counts.index, key=lambda b: (-counts[b], b))
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


def comparison_note(articles: pd.DataFrame, wanted: Sequence[str] = ("russian", "western")) -> str:
    """Which two blocs a comparison uses (and why, if not the requested `wanted`), with their
    article counts, and which blocs and how many articles it leaves out."""
    pair = compared_blocs(articles["bloc"], wanted)
    counts = articles["bloc"].value_counts()
    if pair is None:
        return f"No comparison: the corpus has {len(counts)} bloc(s); two are needed."
    a, b = pair
    lines = []
    if tuple(wanted[:2]) != pair:
        missing = [w for w in wanted[:2] if w not in counts.index]
        why = f"{', '.join(map(repr, missing))} not in the corpus" if missing else "the requested pair is not two blocs"
        lines.append(f"BLOCS asked for {tuple(wanted)!r} ({why}), so the two largest blocs are compared instead.")
    lines.append(f"Compared: **{a}** ({_articles(counts[a])}) against **{b}** ({_articles(counts[b])}).")
    others = sorted((c for c in counts.index if c not in pair), key=lambda c: (-counts[c], c))
    if others:
        left = sum(int(counts[c]) for c in others)
        lines.append(f"Left out of this comparison: {', '.join(f'{c} ({_articles(counts[c])})' for c in others)}; "
                     f"{left} of {len(articles)} articles.")
    else:
        lines.append("No bloc is left out.")
    return " ".join(lines)


def interval_supported(n_articles: Iterable[int], minimum: int = MIN_ARTICLES_FOR_INTERVAL) -> bool:
    """Whether a bootstrap over articles can stand for a bloc: every bloc has `minimum` articles."""
    return all(int(n) >= minimum for n in n_articles)


def interval_rule(minimum: int = MIN_ARTICLES_FOR_INTERVAL) -> str:
    """The stated rule for showing a bloc interval, for the notebooks' text."""
    return (f"Intervals are shown only for blocs with at least {minimum} articles: with fewer, resampling "
            f"articles only reshuffles the same few texts, and the interval would look far more certain than "
            f"the design allows.")
