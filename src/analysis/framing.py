"""How the blocs frame the same statements: words, names, frames and voices.

Five methods, each a function on plain tables: distinctive vocabulary (Monroe, Colaresi and
Quinn's log-odds with an informative Dirichlet prior, with chi-square and log-likelihood
keyness beside it and a permutation null), naming and labelling markers with a
`naming_index`, dictionary news frames per paragraph, who gets quoted and with which verbs,
and keyword in context. The word lists are data files in `resources/`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from analysis import segment, stats
from analysis.ngrams import grams, grams_of_tokens
from analysis.ngrams import stop_words as _stop_words
from analysis.terms import TermMatcher, read_table

__all__ = [
    "article_framing_from_counts", "article_rows", "attribution_verb", "count_matrix", "grams",
    "grams_of_tokens", "framing_tables",
    "keyness_from_counts", "frame_salience", "keyness", "kwic",
    "kwic_explorer", "kwic_html", "KwicExplorer", "keyness_for", "keyness_summary", "naming_answer", "voices_text", "compared_blocs", "load_frames", "load_markers", "load_speaker_groups", "log_odds_dirichlet",
    "marker_hits", "naming_index_of_counts", "naming_layer_change",
    "naming_layer_change_text", "null_max_z", "score_frames", "speaker_group",
    "voice_shares",
]

USAGES = ("russian_official", "ukrainian_western", "neutral")


# --------------------------------------------------------------------------- 1. keyness


def count_matrix(texts: Sequence[str], ngram_range: tuple[int, int] = (1, 2),
                 stop_words: Iterable[str] | None = None) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Document-term counts (sparse, one pass) over the project's tokens, stop words removed
    before n-grams are formed; returns the matrix and the sorted vocabulary."""
    from sklearn.feature_extraction.text import CountVectorizer

    stops = _stop_words() if stop_words is None else frozenset(stop_words)
    vectorizer = CountVectorizer(analyzer=lambda text: grams(text, ngram_range, stops))
    matrix = vectorizer.fit_transform(texts).tocsr()
    return matrix, vectorizer.get_feature_names_out()




def keyness_from_counts(counts: Mapping[str, Mapping[str, int]], a: str, b: str) -> pd.DataFrame:
    """`keyness` from term counts summed per bloc (what a streaming build accumulates chunk by chunk);
    the same table as `keyness` on the document-term matrix of the same articles."""
    vocab = sorted(set(counts.get(a, {})) | set(counts.get(b, {})))
    rows = [[counts.get(bloc, {}).get(term, 0) for term in vocab] for bloc in (a, b)]
    matrix = sparse.csr_matrix(np.asarray(rows, dtype=np.int64).reshape(2, len(vocab)))
    return keyness(matrix, vocab, [a, b], a, b)


def log_odds_dirichlet(y_i: np.ndarray, y_j: np.ndarray, prior: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior.

    delta_w = log((y_wi + a_w) / (n_i + a_0 - y_wi - a_w)) - log((y_wj + a_w) / (n_j + a_0 - y_wj - a_w)),
    var ~ 1/(y_wi + a_w) + 1/(y_wj + a_w); returns (delta, z = delta / sqrt(var)).
    """
    y_i, y_j, a = (np.asarray(x, dtype=float) for x in (y_i, y_j, prior))
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), a.sum()
    delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
    variance = 1 / (y_i + a) + 1 / (y_j + a)
    return delta, delta / np.sqrt(variance)


def _signed_chi2_g2(y_i: np.ndarray, y_j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pearson chi-square and log-likelihood G2 of each term's 2x2 table (target vs reference),
    signed positive where the term is relatively more frequent in the target, as quanteda's
    `textstat_keyness` reports them (here without Yates' correction)."""
    a, b = np.asarray(y_i, float), np.asarray(y_j, float)
    c, d = a.sum() - a, b.sum() - b
    n = a + b + c + d
    observed = np.stack([a, b, c, d])
    expected = np.stack([(a + b) * (a + c), (a + b) * (b + d), (c + d) * (a + c), (c + d) * (b + d)]) / n
    with np.errstate(divide="ignore", invalid="ignore"):  # terms seen in neither bloc give 0/0
        chi2 = ((observed - expected) ** 2 / expected).sum(axis=0)
        g2 = 2 * np.where(observed > 0, observed * np.log(observed / expected), 0).sum(axis=0)
    sign = np.sign(a / max(a.sum(), 1) - b / max(b.sum(), 1))
    return sign * chi2, sign * g2


def keyness(matrix: sparse.csr_matrix, vocabulary: Sequence[str], groups: Sequence[str], a: str, b: str, *,
            prior_size: float | None = None, background: np.ndarray | None = None) -> pd.DataFrame:
    """Distinctive terms of bloc `a` against bloc `b` (one row per term seen in either).

    The prior a_w is proportional to each term's count in the two blocs together (or in
    `background`, counts over the same vocabulary), scaled to a total of `prior_size`
    (default: the pooled token count, i.e. a_w = the term's pooled count).
    Columns: term, ngram, count_<a>, count_<b>, rate_<a>, rate_<b> (per 1,000 terms), log_odds,
    z, chi2, g2; sorted by z descending (terms of `a` first).
    """
    groups = np.asarray(groups)
    y_i = np.asarray(matrix[groups == a].sum(axis=0)).ravel()
    y_j = np.asarray(matrix[groups == b].sum(axis=0)).ravel()
    seen = (y_i + y_j) > 0
    pooled = (y_i + y_j) if background is None else np.asarray(background, float)
    size = pooled.sum() if prior_size is None else prior_size
    prior = size * pooled / pooled.sum()
    prior = np.where(prior > 0, prior, 0.01)
    delta, z = log_odds_dirichlet(y_i, y_j, prior)
    chi2, g2 = _signed_chi2_g2(y_i, y_j)
    vocab = np.asarray(vocabulary)
    table = pd.DataFrame({
        "term": vocab, "ngram": [t.count(" ") + 1 for t in vocab],
        f"count_{a}": y_i.astype(int), f"count_{b}": y_j.astype(int),
        f"rate_{a}": 1000 * y_i / max(y_i.sum(), 1), f"rate_{b}": 1000 * y_j / max(y_j.sum(), 1),
        "log_odds": delta, "z": z, "chi2": chi2, "g2": g2,
    })[seen]
    return table.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def null_max_z(matrix: sparse.csr_matrix, groups: Sequence[str], a: str, b: str, *,
               n_perm: int = 200, seed: int = 0, prior_size: float | None = None) -> np.ndarray:
    """Largest |z| when bloc labels are shuffled across articles: what noise alone reaches.

    Every distinct relabelling is used when there are at most `n_perm` of them (five articles
    have ten; counted with `math.comb`, never listed beyond that); otherwise `n_perm` distinct
    random ones (`stats.relabellings`). Articles of other blocs are left out. Each value equals
    `keyness(...)["z"].abs().max()` under that relabelling, computed on arrays in batches.
    """
    groups = np.asarray(groups)
    keep = np.isin(groups, [a, b])
    sub, labels = sparse.csr_matrix(matrix[keep]), groups[keep]
    n_a = int((labels == a).sum())
    if n_a == 0 or n_a == len(labels):
        return np.asarray([], dtype=float)
    splits, _ = stats.relabellings(len(labels), n_a, limit=n_perm, seed=seed)
    pooled = np.asarray(sub.sum(axis=0)).ravel().astype(float)
    seen = pooled > 0
    sub, pooled = sub[:, seen], pooled[seen]
    size = pooled.sum() if prior_size is None else prior_size
    prior = size * pooled / pooled.sum()
    prior = np.where(prior > 0, prior, 0.01)
    out = np.empty(len(splits))
    batch = max(1, int(2_000_000 // max(sub.shape[1], 1)))  # about 16 MB of floats per batch
    for start in range(0, len(splits), batch):
        part = splits[start:start + batch]
        rows = np.repeat(np.arange(len(part)), part.shape[1])
        pick = sparse.csr_matrix((np.ones(part.size), (rows, part.ravel())), shape=(len(part), sub.shape[0]))
        y_i = np.asarray((pick @ sub).todense(), dtype=float)
        y_j = pooled[None, :] - y_i
        n_i, n_j, a0 = y_i.sum(axis=1, keepdims=True), y_j.sum(axis=1, keepdims=True), prior.sum()
        delta = np.log((y_i + prior) / (n_i + a0 - y_i - prior)) - np.log((y_j + prior) / (n_j + a0 - y_j - prior))
        z = delta / np.sqrt(1 / (y_i + prior) + 1 / (y_j + prior))
        out[start:start + len(part)] = np.abs(z).max(axis=1)
    return out


def keyness_for(tables: Mapping[str, pd.DataFrame], a: str, b: str) -> pd.DataFrame:
    """`keyness` of bloc `a` against `b`: the built `keyness` table when it was built for this
    pair in this order, otherwise computed from the per-article term counts (`article_matrix`)."""
    built = tables.get("keyness")
    if built is not None:
        counts = [c for c in built.columns if c.startswith("count_")]
        if counts == [f"count_{a}", f"count_{b}"]:
            return built
    blocs = set(tables["articles"]["bloc"])
    missing = [x for x in (a, b) if x not in blocs]
    if missing:
        raise ValueError(f"no articles of bloc(s) {missing}; the corpus has {sorted(blocs)}")
    matrix, vocab, groups = article_matrix(tables)
    return keyness(matrix, vocab, groups, a, b)


def keyness_summary(table: pd.DataFrame, null: np.ndarray, a: str, b: str, articles: pd.DataFrame) -> str:
    """A sentence on how many terms of each bloc exceed the largest |z| of shuffled labels, naming
    the strongest (ties in |z| broken by term, alphabetically), computed from `table` and `null`."""
    if len(null) == 0:
        return f"No shuffled-label reference: one of {a!r} and {b!r} has no articles."
    n_a, n_b = int((articles["bloc"] == a).sum()), int((articles["bloc"] == b).sum())
    exact = len(null) == math.comb(n_a + n_b, n_a)
    threshold = float(np.max(null))
    kind = "every one of the" if exact else f"a random sample of {len(null)} of the"
    head = (f"Largest |z| under {kind} {math.comb(n_a + n_b, n_a):,} relabellings of the {n_a + n_b} articles "
            f"(what noise alone reaches): {threshold:.2f}.")
    parts = []
    for bloc, sign in ((a, 1), (b, -1)):
        beyond = table[np.sign(table["z"]) == sign]
        beyond = beyond[beyond["z"].abs() > threshold]
        beyond = beyond.assign(_abs=beyond["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True],
                                                                     kind="mergesort")
        if beyond.empty:
            parts.append(f"no term of {bloc} exceeds it")
        else:
            named = ", ".join(f'"{t}" (z {abs(z):.2f})' for t, z in zip(beyond["term"].head(5), beyond["z"].head(5)))
            parts.append(f"{len(beyond)} term(s) of {bloc} exceed it: {named}" + (" ..." if len(beyond) > 5 else ""))
    parts[0] = parts[0][0].upper() + parts[0][1:]
    return head + " " + "; ".join(parts) + "."


# --------------------------------------------------------------------------- 2. naming markers


def load_markers(path: str | Path | None = None) -> pd.DataFrame:
    """The naming and labelling markers: group, term, usage, note (see resources/markers.csv)."""
    rows = read_table("markers.csv", path, ("group", "term", "usage"))
    table = pd.DataFrame(rows).reindex(columns=["group", "term", "usage", "note"])
    table["note"] = table["note"].astype("object").where(table["note"].notna(), "")
    bad = sorted(set(table["usage"]) - set(USAGES))
    if bad:
        raise ValueError(f"{path or 'markers.csv'}: unknown usage {bad}; use one of {', '.join(USAGES)}")
    return table


def marker_hits(texts: pd.DataFrame, markers: pd.DataFrame | None = None, window: int = 60) -> pd.DataFrame:
    """Every marker hit with its context: article_id, paragraph_id, group, term, usage, match, left, right.

    `texts` has article_id, paragraph_id and text (the paragraphs table). One matcher over all
    terms, so where terms overlap the longest wins ("Kiev regime" is not also "Kiev").
    """
    if markers is None:
        d = _dictionaries()
        matcher, info = d["markers"], d["marker_info"]
    else:
        matcher, info = _marker_matcher(markers)
    rows = []
    for article_id, paragraph_id, text in texts[["article_id", "paragraph_id", "text"]].itertuples(index=False):
        for term, start, end in matcher.finditer(text):
            group, usage = info[term]
            rows.append({"article_id": article_id, "paragraph_id": paragraph_id, "group": group,
                         "term": term, "usage": usage, "match": text[start:end],
                         "left": text[max(0, start - window):start], "right": text[end:end + window]})
    return pd.DataFrame(rows, columns=["article_id", "paragraph_id", "group", "term", "usage", "match", "left", "right"])


def _marker_matcher(markers: pd.DataFrame) -> tuple[TermMatcher, dict[str, tuple[str, str]]]:
    """One matcher over every marker term (where terms overlap the longest wins) and each term's (group, usage)."""
    info = markers.drop_duplicates("term").set_index("term")
    return (TermMatcher(markers["term"], skip_proper_names=True),
            {t: (info.at[t, "group"], info.at[t, "usage"]) for t in info.index})


def _marker_rows(article_id: str, paragraphs: Sequence[Mapping], quotes: Iterable[Mapping], n_tokens: int,
                 matcher: TermMatcher, info: Mapping[str, tuple[str, str]]) -> list[dict]:
    """One article's rows of the `markers` table: hits per term and layer (see `article_rows`)."""
    spans = segment.layer_spans((q for q in quotes if "kind" in q and "start" in q), key="paragraph_id")
    found: Counter[tuple[str, str]] = Counter()
    for p in paragraphs:
        here = spans.get(p["paragraph_id"], [])
        found.update((term, segment.layer_at(here, a, b)) for term, a, b in matcher.finditer(p["text"]))
    keyed = sorted((*info[term], term, layer, n) for (term, layer), n in found.items())
    return [{"article_id": article_id, "group": group, "term": term, "usage": usage, "count": n,
             "rate_per_1000": 1000 * n / n_tokens, "layer": layer}
            for group, usage, term, layer, n in sorted(keyed, key=lambda r: (r[0], r[2], r[1], r[3]))]


# --------------------------------------------------------------------------- 3. frames


def load_frames(path: str | Path | None = None) -> pd.DataFrame:
    """The frame dictionary: frame, term (see resources/frames.csv for sources)."""
    rows = read_table("frames.csv", path, ("frame", "term"))
    return pd.DataFrame(rows).reindex(columns=["frame", "term"])


def score_frames(paragraphs: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per paragraph and frame: hits and score (hits per 100 tokens); one row per pair, zeros kept."""
    matchers = _dictionaries()["frames"] if frames is None else _frame_matchers(frames)
    rows = []
    for article_id, part in paragraphs.groupby("article_id", sort=False):
        rows += _frame_rows(article_id, part[["paragraph_id", "text"]].to_dict("records"), None, matchers)
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def _frame_matchers(frames: pd.DataFrame) -> dict[str, TermMatcher]:
    """One matcher per frame, in frame order."""
    return {f: TermMatcher(t) for f, t in frames.groupby("frame", sort=True)["term"]}


def _frame_rows(article_id: str, paragraphs: Sequence[Mapping], paragraph_tokens: Sequence[Sequence[str]] | None,
                matchers: Mapping[str, TermMatcher]) -> list[dict]:
    """One article's rows of the `frames` table: per paragraph and frame, hits and hits per 100 tokens."""
    if paragraph_tokens is None:
        paragraph_tokens = [segment.tokenize(p["text"]) for p in paragraphs]
    rows = []
    for p, tokens in zip(paragraphs, paragraph_tokens):
        size = max(len(tokens), 1)
        for frame, matcher in matchers.items():
            hits = sum(1 for _ in matcher.finditer(p["text"]))
            rows.append({"article_id": article_id, "paragraph_id": int(p["paragraph_id"]), "frame": frame,
                         "hits": hits, "score": round(100 * hits / size, 4)})
    return rows


def frame_salience(scores: pd.DataFrame, articles: pd.DataFrame, *, n_boot: int = 2000, seed: int = 0,
                   min_articles: int = stats.MIN_ARTICLES_FOR_INTERVAL) -> pd.DataFrame:
    """Per frame and bloc: share of paragraphs with the frame, and mean score with a two-level
    bootstrap interval (articles within blocs, paragraphs within articles), left empty for a
    bloc with fewer than `min_articles` articles."""
    from analysis.sentiment import bloc_summary

    data = scores.merge(articles[["article_id", "bloc", "outlet"]], on="article_id")
    rows = []
    for n, (frame, part) in enumerate(data.groupby("frame", sort=True)):
        summary = bloc_summary(part, "score", n_boot=n_boot, seed=seed + n, min_articles=min_articles)
        present = part.assign(present=part["hits"] > 0).groupby("bloc")["present"].mean()
        rows.append(summary.assign(frame=frame, share_of_paragraphs=summary["bloc"].map(present)))
    table = pd.concat(rows, ignore_index=True).rename(columns={"n_sentences": "n_paragraphs"})
    return table[["frame", "bloc", "n_articles", "n_paragraphs", "share_of_paragraphs", "mean", "ci_low", "ci_high"]]


# --------------------------------------------------------------------------- 4. voices


def load_speaker_groups(path: str | Path | None = None) -> pd.DataFrame:
    """Speaker-to-group mapping (group, term), first match in file order wins."""
    return pd.DataFrame(read_table("speaker_groups.csv", path, ("group", "term"))).reindex(columns=["group", "term"])


def _speaker_matchers(groups: pd.DataFrame) -> list[tuple[str, TermMatcher]]:
    return [(group, TermMatcher([term])) for group, term in groups[["group", "term"]].itertuples(index=False)]


def speaker_group(speaker: str, groups: pd.DataFrame | list[tuple[str, TermMatcher]] | None = None) -> str:
    """The group of a quote's speaker string; "unattributed" if empty, "other" if nothing matches."""
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
    """One alternation of the speech verbs, longest first (compiled once per verb list)."""
    ordered = sorted(verbs, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(v) for v in ordered) + r")(?!\w)", re.IGNORECASE)


def attribution_verb(paragraph: str, quote: str, verbs: Iterable[str] | None = None) -> str:
    """The speech verb nearest the quote in its paragraph ("said", "claimed", "insisted"...), or ""."""
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
             "n_words": len(segment.tokenize(q["text"])), "kind": q.get("kind", "direct")}
            for q in quotes if q.get("kind", "direct") in segment.VOICE_KINDS]


def voice_shares(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per bloc and speaker group: quotes, quoted words, and their shares within the bloc."""
    data = table.merge(articles[["article_id", "bloc"]], on="article_id")
    out = data.groupby(["bloc", "speaker_group"], sort=True).agg(quotes=("quote_id", "size"), words=("n_words", "sum")).reset_index()
    out["share_of_quotes"] = out["quotes"] / out.groupby("bloc")["quotes"].transform("sum")
    out["share_of_words"] = out["words"] / out.groupby("bloc")["words"].transform("sum")
    return out


# --------------------------------------------------------------------------- 5. keyword in context


def kwic(texts: pd.DataFrame, term: str, window: int = 8) -> pd.DataFrame:
    """Every occurrence of `term` (dictionary matching rules) with `window` words either side.

    `texts` needs article_id, paragraph_id, text and, to group by bloc, bloc (and outlet).
    """
    matcher = TermMatcher([term])
    rows = []
    extra = [c for c in ("bloc", "outlet") if c in texts.columns]
    for record in texts[["article_id", "paragraph_id", "text", *extra]].to_dict("records"):
        text = record["text"]
        for _, start, end in matcher.finditer(text):
            left = " ".join(text[:start].split()[-window:])
            right = " ".join(text[end:].split()[:window])
            rows.append({**{k: record[k] for k in extra}, "article_id": record["article_id"],
                         "paragraph_id": record["paragraph_id"], "left": left, "match": text[start:end], "right": right})
    columns = [*extra, "article_id", "paragraph_id", "left", "match", "right"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values([*extra, "article_id", "paragraph_id"], kind="mergesort").reset_index(drop=True)


def kwic_html(texts: pd.DataFrame, term: str, window: int = 8, max_rows: int = 50) -> str:
    """A static HTML table of `kwic` for one term (at most `max_rows` rows, the rest counted):
    what a rendered page shows in place of the interactive explorer."""
    from html import escape

    table = kwic(texts, term, window)
    columns = [c for c in ("bloc", "outlet", "article_id", "left", "match", "right") if c in table.columns]
    shown = table[columns].head(max_rows)
    head = (f"<p>Keyword in context: <b>{escape(term)}</b>, {len(table)} hit(s), window {window} words"
            + (f" (first {max_rows} shown)" if len(table) > max_rows else "")
            + ". Static copy: open the notebook in JupyterLab to choose another term or window.</p>")
    return head + shown.to_html(index=False, escape=True, border=0, classes="kwic")


class KwicExplorer:
    """The keyword-in-context widget, displayed with a static HTML table of its first term as the
    `text/html` fallback, so that a rendered notebook shows a table instead of the widget's repr."""

    def __init__(self, widget, html: str) -> None:  # noqa: ANN001 - an ipywidgets VBox
        self.widget, self.html = widget, html

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:  # noqa: ANN001
        bundle = {}
        if self.widget is not None:
            shown = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
            bundle.update(shown[0] if isinstance(shown, tuple) else shown)
        bundle["text/html"] = self.html
        bundle["text/plain"] = "Keyword-in-context explorer (static table in the HTML copy)"
        return bundle


def kwic_explorer(texts: pd.DataFrame, terms: Sequence[str], window: int = 8) -> KwicExplorer:
    """An ipywidgets explorer (term box, window slider) over `kwic`, with a static table of the
    first term for rendered copies; only the static table without ipywidgets."""
    terms = list(terms)
    html = kwic_html(texts, terms[0], window) if terms else "<p>Keyword in context: no term given.</p>"
    try:
        import ipywidgets as widgets
        from IPython.display import display
    except ImportError:
        return KwicExplorer(None, html)
    term = widgets.Combobox(options=terms, value=terms[0] if terms else "", description="term")
    size = widgets.IntSlider(value=window, min=2, max=30, description="window")
    output = widgets.Output()

    def show(*_: object) -> None:
        output.clear_output()
        with output:
            if term.value.strip():
                display(kwic(texts, term.value, size.value))

    term.observe(show, "value")
    size.observe(show, "value")
    show()
    return KwicExplorer(widgets.VBox([widgets.HBox([term, size]), output]), html)


# --------------------------------------------------------------------------- 6. per-article summary


def compared_blocs(blocs: Iterable[str], wanted: Sequence[str] = ("russian", "western")) -> tuple[str, str] | None:
    """The two blocs to compare (`stats.compared_blocs`): `wanted` if both are present, else the
    two largest (ties by name)."""
    return stats.compared_blocs(blocs, wanted)


def naming_answer(summary: pd.DataFrame, a: str, b: str, *, n_perm: int = 10_000, seed: int = 0) -> str:
    """The naming comparison as a sentence: mean `naming_index` of each bloc's articles that use any
    marker, how many have none, and an article-level permutation p-value (`stats.permutation_test`)."""
    parts = []
    for bloc in (a, b):
        values = summary.loc[summary["bloc"] == bloc, "naming_index"]
        scored = values.dropna()
        mean = f"{scored.mean():+.2f}" if len(scored) else "undefined"
        parts.append(f"**{bloc}** {mean} ({len(scored)} of {len(values)} articles use a marker)")
    text = ("Mean naming index (+1: only Russian official usage, -1: only Ukrainian/Western usage): "
            + "; ".join(parts) + ".")
    test = stats.permutation_test(summary["naming_index"], summary["bloc"], a, b, limit=n_perm, seed=seed)
    if test["n_relabellings"]:
        text += (f" Difference {test['difference']:+.2f}, article-level permutation p = {test['p_value']:.3g} "
                 f"({stats.how_tested(test)}).")
    else:
        text += " No test: one of the blocs has no article with a marker."
    return text


def naming_index_of_counts(counts: pd.DataFrame, ids: Sequence[str]) -> pd.Series:
    """Naming index per article (indexed by `ids`) from marker counts (article_id, usage, count):
    (russian_official - ukrainian_western) / both; NaN for an article with neither."""
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
    defined; `change` is own_words - all_words. Sorted by bloc, then the largest change first."""
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
    gained an index or changed sign, and each bloc's mean over all words and over its own words."""
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
    and how many those are. Who uses which name when quoted is a finding of its own."""
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


def voices_text(shares: pd.DataFrame) -> str:
    """Quotes and quoted words per bloc, so shares are read with their counts."""
    per_bloc = shares.groupby("bloc", sort=True)[["quotes", "words"]].sum()
    return "Quotes per bloc: " + ", ".join(
        f"{bloc} {int(row.quotes)} ({int(row.words):,} words)" for bloc, row in per_bloc.iterrows()) + "."


def marker_rates_by_bloc(counts: pd.DataFrame, articles: pd.DataFrame,
                         layers: Sequence[str] | None = segment.OWN_LAYERS) -> pd.DataFrame:
    """Markers per bloc: hits and rate per 1,000 tokens of all the bloc's articles together, in
    the given marker `layers` (default: the outlet's own words, narration and reported speech;
    ("quoted",) for the words it quotes; None for every hit)."""
    if layers is not None and "layer" in counts:
        counts = counts[counts["layer"].isin(layers)]
    data = counts.merge(articles[["article_id", "bloc"]], on="article_id")
    tokens = articles.groupby("bloc")["n_tokens"].sum()
    out = data.groupby(["bloc", "group", "term", "usage"], sort=True)["count"].sum().reset_index()
    out["rate_per_1000"] = 1000 * out["count"] / out["bloc"].map(tokens)
    return out


def paragraphs_with_bloc(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The paragraphs table with each article's bloc and outlet (for kwic and marker hits)."""
    return tables["paragraphs"].merge(tables["articles"][["article_id", "bloc", "outlet"]], on="article_id")


def article_matrix(tables: dict[str, pd.DataFrame]) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Document-term counts of each article's kept text, the vocabulary, and each row's bloc."""
    articles = tables["articles"]
    texts = tables["paragraphs"].groupby("article_id", sort=True)["text"].apply("\n".join)
    texts = texts.reindex(articles["article_id"]).fillna("")
    matrix, vocab = count_matrix(texts.tolist())
    return matrix, vocab, articles["bloc"].tolist()


# --------------------------------------------------------------------------- 7. one article at a time


@lru_cache(maxsize=1)
def _dictionaries() -> dict:
    """The packaged dictionaries as matchers, built once per process."""
    markers = load_markers()
    matcher, info = _marker_matcher(markers)
    frames = load_frames()
    speakers = load_speaker_groups()
    return {
        "markers": matcher,
        "marker_info": info,
        "frames": _frame_matchers(frames),
        "speakers": _speaker_matchers(speakers),
        "groups": sorted(markers["group"].unique()),
        "frame_names": sorted(frames["frame"].unique()),
        "speaker_groups": sorted({*speakers["group"], "other", "unattributed"}),
        "speaker_cache": {},
    }


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


def article_rows(article_id: str, paragraphs: Sequence[Mapping], quotes: Sequence[Mapping],
                 n_tokens: int, paragraph_tokens: Sequence[Sequence[str]] | None = None) -> dict[str, list[dict]]:
    """The rows of `markers`, `frames` and `voices` for one article, from its kept paragraphs
    (paragraph_id, text) and quotes (quote_id, paragraph_id, text, speaker, and from
    `segment.segment_paragraphs` kind, start, end).

    Each marker hit carries the layer of the text it stands in (`segment.layer_at`): the
    outlet's own `narration`, `quoted` or `reported` speech, an interviewer's `question`, a
    `scare` quote or a speaker `label`; quotes without offsets leave every hit in narration.
    Voices count the quotes that give a speaker a voice (`segment.VOICE_KINDS`).
    `paragraph_tokens` (`segment.tokenize` of each paragraph) saves tokenising again."""
    d = _dictionaries()
    return {"markers": _marker_rows(article_id, paragraphs, quotes, n_tokens, d["markers"], d["marker_info"]),
            "frames": _frame_rows(article_id, paragraphs, paragraph_tokens, d["frames"]),
            "voices": _voice_rows(article_id, paragraphs, quotes, d)}


#: Marker layers in other people's words (quoted speech): `naming_index_quoted`; the outlet's own
#: words are `segment.OWN_LAYERS` (narration and its paraphrase of what others said).
QUOTED_LAYERS = ("quoted",)


def article_framing_from_counts(articles: pd.DataFrame, counts: pd.DataFrame, frame_scores: pd.DataFrame,
                                voice_table: pd.DataFrame) -> pd.DataFrame:
    """`article_framing` from the `markers` table (counts per article and term) instead of every
    hit, with a column for every group, frame and speaker group of the dictionaries, so that
    every chunk of a streamed build has the same columns.

    `naming_index` and the `rate_` columns use the outlet's own words (layers `narration` and
    `reported`: its paraphrase of what others said); `naming_index_quoted` the words it quotes
    (layer `quoted`); `naming_index_scare` the words it puts in scare quotes (layer `scare`), a
    category of their own. Interviewers' questions and speaker labels count in none."""
    d = _dictionaries()
    ids = articles["article_id"].tolist()
    table = articles[["article_id", "outlet", "bloc"]].set_index("article_id")
    layer = counts["layer"] if "layer" in counts else pd.Series("narration", index=counts.index)
    own, quoted = counts[layer.isin(segment.OWN_LAYERS)], counts[layer.isin(QUOTED_LAYERS)]

    table["naming_index"] = naming_index_of_counts(own, ids)
    table["naming_index_quoted"] = naming_index_of_counts(quoted, ids)
    table["naming_index_scare"] = naming_index_of_counts(counts[layer == "scare"], ids)
    counts = own
    tokens = articles.set_index("article_id")["n_tokens"]
    rates = _wide(counts.groupby(["article_id", "group"])["count"].sum(), ids, d["groups"], 0)
    table = table.join((rates.div(tokens, axis=0) * 1000).add_prefix("rate_"))
    salience = _wide(frame_scores.groupby(["article_id", "frame"])["score"].mean(), ids, d["frame_names"], np.nan)
    table = table.join(salience.add_prefix("frame_"))
    shares = _wide(voice_table.groupby(["article_id", "speaker_group"]).size(), ids, d["speaker_groups"], 0)
    shares = shares.div(shares.sum(axis=1).where(lambda s: s > 0), axis=0)
    table = table.join(shares.add_prefix("voice_"))
    rate_cols = [c for c in table.columns if c.startswith("rate_")]
    table[rate_cols] = table[rate_cols].fillna(0.0)
    return table.reset_index()


def _wide(values: pd.Series, ids: list[str], columns: list[str], fill: float) -> pd.DataFrame:
    """A (article_id, key) series as an ids x columns frame; absent pairs get `fill`."""
    if values.empty:
        return pd.DataFrame(fill, index=pd.Index(ids, name="article_id"), columns=columns, dtype="float64")
    wide = values.unstack(fill_value=fill) if not (isinstance(fill, float) and np.isnan(fill)) else values.unstack()
    return wide.reindex(index=ids, columns=columns, fill_value=fill)


#: The columns of the per-article framing tables, as `article_rows` makes their rows.
MARKER_COLUMNS = ("article_id", "group", "term", "usage", "count", "rate_per_1000", "layer")
FRAME_COLUMNS = ("article_id", "paragraph_id", "frame", "hits", "score")
VOICE_COLUMNS = ("article_id", "quote_id", "speaker", "speaker_group", "verb", "n_words", "kind")


def framing_tables(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The per-article framing tables of built `articles`, `paragraphs` and `quotes` tables, as the build
    makes them: each article's `markers`, `frames` and `voices` rows from `article_rows`, and
    `article_framing_from_counts` over them (keyness of any pair: `keyness_for`)."""
    articles = tables["articles"]
    paragraphs = _records_by_article(tables["paragraphs"], ("paragraph_id", "text"))
    quotes = _records_by_article(tables["quotes"], ("paragraph_id", "quote_id", "text", "speaker", "kind", "start", "end"))
    rows: dict[str, list[dict]] = {"markers": [], "frames": [], "voices": []}
    for article_id, n_tokens in articles[["article_id", "n_tokens"]].itertuples(index=False):
        found = article_rows(article_id, paragraphs.get(article_id, []), quotes.get(article_id, []), int(n_tokens))
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
