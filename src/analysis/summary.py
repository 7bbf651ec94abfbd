"""The results table a paper needs: one row per bloc contrast the notebooks report.

Every contrast has the article as its unit: a measure is first reduced to one value per
article (the mean of its sentences, its naming index, its share of quoted speakers...), and two
blocs are compared on those values. The p-value is an article-level permutation test (exact
when the relabellings are few); the interval is a bootstrap over articles (sentences nested in
them for tone). Both are left empty when a bloc has fewer articles than `stats.interval_rule`
asks for (`stats.MIN_ARTICLES_FOR_INTERVAL`), and the row's method says why. Each row says
which layer of the text it measures: the outlet's own words, the words it quotes, or all of
them. Where the articles allow (`stats.mixed_model_rule`), the tone of the outlet's own words
gets one more row: the bloc coefficient of a linear mixed model with random intercepts for
outlet and article (method `stats.MIXED_METHOD`), a second estimate of the same
contrast, not a further test (it has no p-value, and `answer` does not count it).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import paths, sentiment, stats, topics
from analysis.outputs import resolve
from analysis.stats.blocs import _article_means  # (the article means `stats.bloc_difference` tests)

COLUMNS = ["measure", "layer", "contrast", "estimate", "ci_low", "ci_high", "p_value", "min_p",
           "n_articles_a", "n_articles_b", "method"]
#: The seed of the notebooks (their `SEED` parameter) and of the summary `reproduce` writes.
SEED = 20240601
#: Digits kept in the written table (enough for any reported number; stable across CPUs).
DIGITS = 6

_LAYERS = {"own": "own words (narration and paraphrase)", "quoted": "quoted words",
           "all": "all words (own and quoted)", "speakers": "quoted and paraphrased speakers"}


def _row(measure: str, layer: str, difference: Mapping, method: str, sentences: bool = False) -> dict:
    """A summary row; `sentences`: the article values are means of their sentences."""
    test = {k: difference.get(k, "") for k in ("exact", "n_relabellings", "min_p", "reason", "normal_form")}
    few = min(difference["n_articles_a"], difference["n_articles_b"]) < stats.MIN_ARTICLES_FOR_INTERVAL
    interval = ("bootstrap over articles (each with the mean of its sentences)" if sentences
                else "bootstrap over articles") if not np.isnan(difference["ci_low"]) else \
        f"no interval (a bloc has fewer than {stats.MIN_ARTICLES_FOR_INTERVAL} articles)" if few else \
        "no interval (every article of each bloc has the same value: nothing to resample)"
    return {"measure": measure, "layer": _LAYERS[layer], "contrast": f"{difference['a']} - {difference['b']}",
            "estimate": difference["difference"], "ci_low": difference["ci_low"], "ci_high": difference["ci_high"],
            "p_value": difference["p_value"], "min_p": difference["min_p"], "n_articles_a": difference["n_articles_a"],
            "n_articles_b": difference["n_articles_b"],
            "method": f"{method}; {interval}; "
                      + (test["reason"] or f"permutation test over articles, {stats.how_tested(test)}")}


#: The method of a row not tested because every compared article has the same value.
CONSTANT = "not tested: every compared article has the same value"
#: The method of the tone row recomputed with one copy of each shared paragraph: a second estimate of
#: the tone of own words (with its own test), stated apart and not counted among the contrasts.
ONCE_METHOD = "sensitivity: one copy of each shared paragraph"


def row_kinds(table: pd.DataFrame) -> pd.Series:
    """What each row of a `bloc_contrasts` table is, read from its method: "mixed" (the mixed model's
    second estimate of tone), "once" (the tone with one copy of each shared paragraph, `ONCE_METHOD`),
    "constant" (not tested: one value in every compared article, `CONSTANT`) or "" (a contrast). The one
    reading of the method column behind `answer`, `write_summary` and the p-value figure.

    Parameters
    ----------
    table : rows with a `method` column (a missing column: every row a contrast).

    Returns
    -------
    pd.Series of str
        On `table`'s index.
    """
    method = table["method"].astype(str) if "method" in table else pd.Series("", index=table.index)
    kinds = pd.Series("", index=table.index, dtype=object)
    kinds[method.str.contains(CONSTANT, regex=False)] = "constant"
    kinds[method.str.startswith(ONCE_METHOD)] = "once"
    kinds[method.str.startswith(stats.MIXED_METHOD)] = "mixed"
    return kinds


def _constant_row(measure: str, layer: str, a: str, b: str, values: pd.Series, blocs: pd.Series) -> dict:
    """A row for a measure with one value in every compared article: no difference, nothing to test (a
    permutation test would give p = 1 and count as a contrast tested)."""
    counts = values.index.map(blocs).value_counts()
    return {"measure": measure, "layer": _LAYERS[layer], "contrast": f"{a} - {b}", "estimate": 0.0,
            "ci_low": float("nan"), "ci_high": float("nan"), "p_value": float("nan"), "min_p": float("nan"),
            "n_articles_a": int(counts.get(a, 0)), "n_articles_b": int(counts.get(b, 0)),
            "method": f"mean of one value per article; {CONSTANT} ({float(values.iloc[0]):g})"}


def _mixed_row(result: Mapping) -> dict:
    interval = "95% Wald interval" if not np.isnan(result["ci_low"]) else result["reason"]
    # 3 significant digits: the optimiser stops at a tolerance of about 1e-4, and further digits
    # could differ from one CPU to another
    coarse = {k: float(f"{result[k]:.3g}") for k in ("coefficient", "ci_low", "ci_high")}
    return {"measure": "tone (mixed model)", "layer": _LAYERS["own"], "contrast": f"{result['a']} - {result['b']}",
            "estimate": coarse["coefficient"], "ci_low": coarse["ci_low"], "ci_high": coarse["ci_high"],
            "p_value": float("nan"), "n_articles_a": result["n_articles_a"], "n_articles_b": result["n_articles_b"],
            "method": f"{stats.MIXED_METHOD} (REML, sentences of VADER compound); {interval}; "
                      f"ICC outlet {result['icc_outlet']:.3f}, article within outlet {result['icc_article']:.3f}; "
                      f"no p-value (the permutation test of the tone row is the test)"}


def article_contrast(values: pd.Series, blocs: pd.Series, a: str, b: str, *, n_boot: int = 2000,
                     seed: int = 0, test: Mapping | None = None,
                     bounds: tuple[float | None, float | None] = (None, None)) -> dict:
    """Difference a - b of bloc means of one value per article, with its interval and p-value.

    Articles without a value (NaN: no quotes, no markers) are left out and not counted.

    Parameters
    ----------
    values : one value per article, indexed like `blocs`.
    blocs : each article's bloc.
    a, b : the blocs compared; others are left out.
    n_boot : bootstrap resamples.
    seed : random seed of the bootstrap and of sampled relabellings.
    test : its permutation test, when already computed (`article_tests`), else None.
    bounds : the lowest and highest value the measure can take (`stats.bloc_difference`).

    Returns
    -------
    dict
        As `stats.bloc_difference`: a, b, difference, ci_low, ci_high, p_value, exact,
        n_relabellings, min_p, reason, n_articles_a, n_articles_b (interval and p-value NaN when a
        bloc has fewer than `stats.MIN_ARTICLES_FOR_INTERVAL` articles with a value).
    """
    frame = pd.DataFrame({"article_id": values.index.astype(str), "bloc": blocs.to_numpy(),
                          "value": values.to_numpy(dtype=float)})
    frame = frame[frame["value"].notna() & frame["bloc"].isin([a, b])]
    empty = {"a": a, "b": b, "difference": float("nan"), "ci_low": float("nan"), "ci_high": float("nan"),
             "p_value": float("nan"), "exact": True, "n_relabellings": 0, "min_p": float("nan"),
             "reason": "no p-value: a compared bloc has no article with a value",
             "n_articles_a": int((frame["bloc"] == a).sum()), "n_articles_b": int((frame["bloc"] == b).sum())}
    if empty["n_articles_a"] == 0 or empty["n_articles_b"] == 0:
        return empty
    # one row per article: the bootstrap resamples these article values
    return stats.bloc_difference(frame, a, b, "value", n_boot=n_boot, seed=seed, test=test, bounds=bounds)


def article_tests(per_article: pd.DataFrame, columns: list[str], a: str, b: str, *, seed: int = 0) -> dict[str, dict]:
    """The permutation tests `article_contrast` would run for each column of `per_article` (one row
    per article, indexed by article id, with bloc), the same results, with the relabellings drawn
    once for the columns that keep as many articles (`stats.permutation_tests`).

    Parameters
    ----------
    per_article : one row per article: its id as index, bloc, and the columns.
    columns : the measures to test.
    a, b : the blocs compared.
    seed : seed of sampled relabellings.

    Returns
    -------
    dict
        The test of each column, by name.
    """
    return _article_level_tests({c: per_article[[c, "bloc"]] for c in columns}, a, b, seed=seed)


def _article_level_tests(measures: Mapping[str, pd.DataFrame], a: str, b: str, *, seed: int) -> dict[str, dict]:
    """The permutation test of each measure (a frame by article id with the measure's column and
    bloc), as `stats.permutation_test` gives it over that measure's own articles (in bloc then id
    order), with one draw of relabellings for all measures over as many articles."""
    frames = [f for f in measures.values() if len(f)]
    bloc = pd.concat([f["bloc"] for f in frames]) if frames else pd.Series(dtype=object)
    bloc = bloc[~bloc.index.duplicated()]
    bloc = bloc[bloc.isin([a, b])]
    # the order of `stats.bloc_difference`'s article means (bloc, then id): the same relabellings
    order = pd.DataFrame({"bloc": bloc.astype(str), "_id": bloc.index.astype(str)}, index=bloc.index)
    ids = order.sort_values(["bloc", "_id"], kind="mergesort").index
    columns = {name: frame[frame.columns.drop("bloc")[0]].reindex(ids).to_numpy(dtype=float)
               for name, frame in measures.items()}
    return stats.permutation_tests(columns, bloc.reindex(ids).to_numpy(), a, b, seed=seed)


def _tone_frame(tables: Mapping[str, pd.DataFrame], paragraphs: bool = False) -> pd.DataFrame:
    """`sentiment.sentence_frame` in the columns the tone contrasts read: article_id, sentence_id, voice (or
    in_quote, where the sentences have no voice), compound, outlet and bloc (and paragraph_id, for
    `sentiment.without_copies`)."""
    frame = sentiment.sentence_frame(tables, columns=("in_quote", "voice", "compound", "outlet", "bloc",
                                                      *(["paragraph_id"] if paragraphs else [])))
    return frame.drop(columns="in_quote", errors="ignore") if "voice" in frame else frame


def bloc_contrasts(tables: Mapping[str, pd.DataFrame], a: str, b: str, *, n_boot: int = 2000,
                   seed: int = SEED, shared: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every bloc contrast the notebooks report, as one table (columns `COLUMNS`).

    Parameters
    ----------
    tables : the processed tables (`overview.read_tables`).
    a, b : the two blocs compared (e.g. from `stats.compared_blocs`).
    n_boot : bootstrap resamples.
    seed : random seed.
    shared : the copied paragraphs (`overview.copied_paragraphs` or `shared_paragraph_keys`), to name a
        topic whose units are mostly copied text (`topics.COPIED_ABOVE`) in its row's measure: its
        prevalence may be one reused text, not a theme; with `copied_paragraphs`' `kept` column, one more
        row: the tone of own words with one copy of each shared paragraph (`ONCE_METHOD`), a second
        estimate that `answer` states apart. None: not checked.

    Returns
    -------
    pandas.DataFrame
        One row per measure and layer: tone (VADER compound) of the outlet's own words (and its
        mixed model, when fitted), of the quoted words and of all; the naming index of own and of quoted words; each frame's
        salience; each speaker group's share of the voices (quoted or paraphrased); the prevalence of each stable
        NMF topic (unstable topics are not compared).
    """
    rows = []
    copies = shared is not None and "kept" in shared and not shared["kept"].astype(bool).all()
    frame = _tone_frame(tables, paragraphs=copies)
    own = sentiment.own_words(frame)
    quoted = frame[~frame.index.isin(own.index)]
    tone = "VADER compound, mean of article means (sentences nested in articles)"
    layers = [("own", own), ("quoted", quoted), ("all", frame)]
    per_article = tables["article_framing"].set_index("article_id")
    blocs = per_article["bloc"]
    measures = [("naming_index", "naming index", "own"), ("naming_index_quoted", "naming index", "quoted")]
    measures += [(c, f"frame salience: {c.removeprefix('frame_').replace('_', ' ')}", "own")
                 for c in per_article.columns if c.startswith("frame_")]
    measures += [(c, f"share of voices: {c.removeprefix('voice_').replace('_', ' ')}", "speakers")
                 for c in per_article.columns if c.startswith("voice_")]
    shares = topics.article_shares(tables).set_index("article_id") \
        if not tables.get("topics", pd.DataFrame()).empty else None
    shown = [c for c in shares.columns if c != "bloc"] if shares is not None else []
    # every permutation test at once: a draw of relabellings (10,000 of them: most of this table's
    # time on a large corpus) then serves every measure over as many articles, whatever its layer
    values = {f"tone {layer}": _article_means(part, "compound").set_index("article_id") for layer, part in layers}
    values |= {column: per_article[[column, "bloc"]] for column, _, _ in measures}
    values |= {f"topic {topic}": shares[[topic, "bloc"]] for topic in shown}
    tests = _article_level_tests(values, a, b, seed=seed)
    for layer, part in layers:
        if (part["bloc"] == a).any() and (part["bloc"] == b).any():
            rows.append(_row("tone", layer, stats.bloc_difference(part, a, b, n_boot=n_boot, seed=seed, bounds=(-1, 1),
                                                                   test=tests[f"tone {layer}"]), tone, sentences=True))
        if layer == "own" and (mixed := stats.bloc_mixed_model(part, a, b))["fitted"]:
            rows.append(_mixed_row(mixed))
        if layer == "own" and copies:
            once = sentiment.without_copies(part, shared, columns=["article_id", "bloc", "compound"])
            if (once["bloc"] == a).any() and (once["bloc"] == b).any():
                difference = stats.bloc_difference(once, a, b, n_boot=n_boot, seed=seed, bounds=(-1, 1))
                rows.append(_row("tone (one copy of each shared paragraph)", layer, difference,
                                 f"{ONCE_METHOD} (the first published article's), {tone}; a second estimate of the "
                                 "tone row, not counted", sentences=True))
    compared = per_article[blocs.isin([a, b])]
    for column, measure, layer in measures:
        values = compared[column].dropna()
        if values.nunique() == 1 and values.index.map(blocs).nunique() == 2:  # (e.g. no article quotes the media)
            rows.append(_constant_row(measure, layer, a, b, values, blocs))
            continue
        bounds = (-1, 1) if column.startswith("naming_index") else (0, 1) if column.startswith("voice_") else (0, None)
        difference = article_contrast(per_article[column], blocs, a, b, n_boot=n_boot, seed=seed, test=tests[column],
                                      bounds=bounds)
        if difference["n_articles_a"] and difference["n_articles_b"]:
            rows.append(_row(measure, layer, difference, "mean of one value per article"))
    if shares is not None:
        summary = tables["topic_summary"][tables["topic_summary"]["model"] == "nmf"].set_index("topic")
        copied = topics.copied_units(tables, shared).set_index("topic")["share_copied"] if shared is not None else {}
        for topic in shown:
            difference = article_contrast(shares[topic], shares["bloc"], a, b, n_boot=n_boot, seed=seed,
                                          test=tests[f"topic {topic}"], bounds=(0, 1))
            share = float(copied.get(topic, 0.0)) if len(copied) else 0.0
            # (before the label, which a figure may shorten)
            note = f"; mostly copied text: {share:.0%} of its units" if share > topics.COPIED_ABOVE else ""
            rows.append(_row(f"topic prevalence (NMF, stable topics only{note}): {summary.loc[topic, 'label']}", "all",
                             difference, "share of the article's paragraphs whose dominant topic this is"))
    table = pd.DataFrame(rows, columns=COLUMNS)
    numbers = ["estimate", "ci_low", "ci_high", "p_value", "min_p"]
    table[numbers] = table[numbers].apply(lambda c: [float(f"{v:.{DIGITS}g}") for v in c])
    return table


def _write(table: pd.DataFrame, folder: Path, name: str, note: str, drop: tuple[str, ...] = (),
           tex_table: pd.DataFrame | None = None) -> list[Path]:
    """`table` as `name`.csv (every column) and `name`.tex (a LaTeX tabular without `drop`; of `tex_table`
    when given, the same rows worded for a reader without the dropped columns)."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, tex_path = folder / f"{name}.csv", folder / f"{name}.tex"
    table.to_csv(csv_path, index=False, lineterminator="\n", float_format=f"%.{DIGITS}g")
    shown = (table if tex_table is None else tex_table).drop(columns=list(drop))
    shown = shown.rename(columns=lambda c: str(c).replace("_", " "))
    # (the cells' text escaped: a topic label's "51%" made the rest of its row a LaTeX comment, "kremlin_aligned" an error)
    tex = shown.to_latex(index=False, float_format=lambda v: f"{v:.3g}", na_rep="--", escape=True)
    tex_path.write_text(f"% {note}\n" + tex, encoding="utf-8")
    return [csv_path, tex_path]


def write_summary(table: pd.DataFrame, folder: str | Path) -> list[Path]:
    """Write the summary as `summary.csv` and `summary.tex` (a LaTeX tabular) in `folder`.

    Parameters
    ----------
    table : `bloc_contrasts`' table.
    folder : where to write (created when missing).

    Returns
    -------
    list of pathlib.Path
        The two files.
    """
    # (the LaTeX table drops the method: a row not tested says so in its measure, not only by its empty cells)
    untested = row_kinds(table) == "constant"
    worded = table.assign(measure=table["measure"].where(~untested, table["measure"] + " (not tested: one value)"))
    return _write(table, Path(folder), "summary", "One row per bloc contrast; the method of each row is in summary.csv.",
                  drop=("method",), tex_table=worded)


def corpus_table(articles: pd.DataFrame) -> pd.DataFrame:
    """The corpus as a paper describes it: per bloc and outlet, articles, sentences, tokens, quotes
    and the dates covered.

    Parameters
    ----------
    articles : the `articles` table.

    Returns
    -------
    pandas.DataFrame
        bloc, outlet, n_articles, n_sentences, n_tokens, n_quotes, first, last; a total row per bloc.
    """
    data = articles.assign(published=articles["published"].astype("string"))

    def per(frame: pd.DataFrame) -> pd.Series:
        dates = frame["published"].dropna()
        return pd.Series({"n_articles": len(frame), "n_sentences": int(frame["n_sentences"].sum()),
                          "n_tokens": int(frame["n_tokens"].sum()), "n_quotes": int(frame["n_quotes"].sum()),
                          "first": dates.min() if len(dates) else "", "last": dates.max() if len(dates) else ""})

    rows = []
    for bloc, frame in data.groupby("bloc", sort=True):
        rows += [{"bloc": bloc, "outlet": outlet, **per(part)} for outlet, part in frame.groupby("outlet", sort=True)]
        rows.append({"bloc": bloc, "outlet": "(all)", **per(frame)})
    return pd.DataFrame(rows, columns=["bloc", "outlet", "n_articles", "n_sentences", "n_tokens", "n_quotes", "first",
                                       "last"])


def keyness_top(keyness: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """The `n` most distinctive terms of each bloc from a keyness table (terms of at least the
    table's minimum of articles), for a paper's table.

    Parameters
    ----------
    keyness : a `keyness` table (term, ngram, n_articles, count_<a>, count_<b>, z, ...).
    n : terms per bloc.

    Returns
    -------
    pandas.DataFrame
        side (the bloc the term leans to), term, ngram, n_articles, the two count columns, log_odds, z.
    """
    counts = [c for c in keyness.columns if c.startswith("count_")]
    if len(counts) != 2 or keyness.empty:
        return pd.DataFrame(columns=["side", "term", "ngram", "n_articles", *counts, "log_odds", "z"])
    # (largest |z| first, ties by term on both sides: the order the Fightin' Words figure labels them in)
    ranked = keyness.assign(_abs=keyness["z"].abs()).sort_values(["_abs", "term"], ascending=[False, True],
                                                                  kind="mergesort")
    a, b = (c.removeprefix("count_") for c in counts)
    top = ranked[ranked["z"] > 0].head(n).assign(side=a)
    bottom = ranked[ranked["z"] < 0].head(n).assign(side=b)
    return pd.concat([top, bottom], ignore_index=True)[["side", "term", "ngram", "n_articles", *counts, "log_odds", "z"]]


def write_paper_tables(tables: Mapping[str, pd.DataFrame], a: str, b: str, folder: str | Path | None, *,
                       n_boot: int = 2000, seed: int = SEED, contrasts: pd.DataFrame | None = None,
                       out: str | Path | None = None) -> list[Path]:
    """Every table a paper needs, as CSV and LaTeX in `folder`: `summary` (`bloc_contrasts`),
    `corpus` (`corpus_table`) and `keyness_top` (`keyness_top` of the blocs compared).

    Parameters
    ----------
    tables : the processed tables.
    a, b : the blocs compared.
    folder : where to write (a relative path is under the project root, as `OUT` is); None: the
        tables folder of the build in `out` (`paths.paper_tables_for`: ``reports/tables/`` for the
        project's own build, else ``out/tables``, so another build's tables never replace the
        committed ones).
    out : the build the tables come from (the notebook's `OUT`), used when `folder` is None.
    n_boot, seed : as in `bloc_contrasts`.
    contrasts : `bloc_contrasts(tables, a, b)` when already computed (notebook 04 shows it, then
        writes it: on 100,000 articles computing it again cost 70 s), or None to compute it here.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    from analysis import framing

    folder = resolve(folder) if folder is not None else paths.paper_tables_for(out)
    if contrasts is None:
        contrasts = bloc_contrasts(tables, a, b, n_boot=n_boot, seed=seed)
    written = write_summary(contrasts, folder)
    written += _write(corpus_table(tables["articles"]), folder, "corpus",
                      "Articles, sentences, tokens and quotes per bloc and outlet.")
    written += _write(keyness_top(framing.keyness_for(tables, a, b)), folder, "keyness_top",
                      f"The most distinctive terms of {a} and {b} (Fightin' Words z, terms of at least two articles). "
                      "A z here is a ranking, not a test: most terms of a small corpus stay below the largest z of "
                      "shuffled bloc labels, the noise threshold notebook 02 computes for them.")
    return written


def answer(table: pd.DataFrame, alpha: float = 0.05) -> str:
    """The summary in words, computed from the table: how many contrasts were tested, how many
    reach `alpha`, how many that many would reach by chance, and the smallest p the design allows
    (or, where no row has a p-value, that the blocs have too few articles for one);
    the mixed model's row (a second estimate of a tested contrast) is stated apart, not counted.

    Parameters
    ----------
    table : `bloc_contrasts`' table.
    alpha : the level a reader would call small.

    Returns
    -------
    str
        Markdown, a few sentences.
    """
    kinds = row_kinds(table)
    mixed, once, constant = (table[kinds == kind] for kind in ("mixed", "once", "constant"))
    table = table[~kinds.isin(["mixed", "once"])]
    if table.empty:
        return "No contrast could be computed: the corpus lacks two blocs with values."
    table = table.drop(index=constant.index)
    if table.empty:
        return "No contrast could be tested: every measure has the same value in every compared article."
    n = len(table)
    tested = table[table["p_value"].notna()]
    untested = table[table["p_value"].isna()]
    minimum = stats.MIN_ARTICLES_FOR_INTERVAL
    contrast = table["contrast"].iloc[0]
    if tested.empty:
        text = [f"{n} contrasts between {contrast} were computed at the article level, and none gets a "
                f"p-value: a p-value needs at least {minimum} articles with a value in each bloc, and here the "
                f"blocs have at most {int(table['n_articles_a'].max())} and {int(table['n_articles_b'].max())}. "
                "The estimates describe these articles; they cannot be told apart from chance."]
    else:
        small = tested[tested["p_value"] < alpha]
        floor = tested["min_p"].min()
        text = [f"{len(tested)} contrasts between {contrast} were tested at the article level; "
                f"{len(small)} reach p < {alpha}, where about {len(tested) * alpha:.1f} would by chance alone if the "
                "blocs did not differ at all and the tests were independent. They are not: the layers of one measure "
                "overlap (all words hold own and quoted words), and the shares of an article's quotes by speaker "
                "group sum to one, so one difference can show in several rows; no p-value is corrected for the "
                "number of tests."]
        if len(untested):
            text.append(f"{len(untested)} more have no p-value (a bloc with fewer than {minimum} articles with a "
                        "value).")
        if floor >= alpha:
            text.append(f"With these articles no p-value can fall below {floor:.3g}: the design cannot show a "
                        "difference at that level, whatever the texts say.")
        elif len(small):
            listed = small.sort_values("p_value", kind="mergesort")
            lead = f"Those below {alpha}: " if len(listed) <= 10 else f"The 10 smallest of {len(listed)}: "
            text.append(lead + "; ".join(
                f"{r.measure} ({r.layer}): {r.estimate:+.3g}, p = {r.p_value:.3g}"
                + (" (the smallest its test can give)" if np.isclose(r.p_value, r.min_p, rtol=1e-9, atol=0) else "")
                for r in listed.head(10).itertuples()) + ".")
    with_interval = int(table["ci_low"].notna().sum())
    text.append(f"{with_interval} of {n} rows have an interval (both blocs with at least "
                f"{minimum} articles with a value).")
    if len(constant):
        text.append(f"Not counted: {len(constant)} measure(s) with the same value in every compared article, "
                    "so nothing to test (" + "; ".join(constant["measure"].astype(str)) + ").")
    for row in once.itertuples():
        tone = table[(table["measure"] == "tone") & (table["layer"] == row.layer)]
        was = tone["p_value"].iloc[0] if len(tone) else float("nan")
        p_text = f", p = {row.p_value:.3g}" if not np.isnan(row.p_value) else ""
        lost = stats.lost_verdict(was, row.p_value, alpha)
        verdict = f": the tone row's {lost} does not hold with copied text counted once" if lost else ""
        text.append(f"With one copy of each shared paragraph, the tone of own words differs by {row.estimate:+.3g}"
                    f"{p_text} (a second estimate, not counted above){verdict}.")
    for row in mixed.itertuples():
        interval = (f", 95% Wald interval [{row.ci_low:.3g}, {row.ci_high:.3g}]" if not np.isnan(row.ci_low)
                    else " (no interval)")
        text.append(f"The tone of own words also has a {stats.MIXED_METHOD} (not counted above): "
                    f"{row.estimate:+.3g}{interval}.")
    return " ".join(text)
