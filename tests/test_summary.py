"""The results summary: one row per bloc contrast, article-level tests, no claim the design can't carry."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import overview, paths, sentiment, stats, summary

ROOT = Path(__file__).resolve().parents[1]
REQUIRED = ["measure", "contrast", "estimate", "ci_low", "ci_high", "p_value", "n_articles_a", "n_articles_b", "method"]


@pytest.fixture(scope="module")
def seed_summary() -> pd.DataFrame:
    return summary.bloc_contrasts(overview.read_tables(ROOT / "data" / "processed"), "russian", "western")


def test_the_seed_summary_gives_no_p_value_or_interval_and_says_why(seed_summary: pd.DataFrame) -> None:
    assert set(REQUIRED) <= set(seed_summary.columns) and len(seed_summary) >= 5
    # 2 against 3 articles: below stats.MIN_ARTICLES_FOR_INTERVAL, so neither a p-value nor an interval
    assert stats.MIN_ARTICLES_FOR_INTERVAL > 3
    assert seed_summary[["p_value", "min_p", "ci_low", "ci_high"]].isna().all().all()
    tone = seed_summary[seed_summary["measure"] == "tone"]
    assert sorted(tone["layer"]) == sorted(summary._LAYERS[k] for k in ("own", "quoted", "all"))
    assert (tone[["n_articles_a", "n_articles_b"]] == [2, 3]).all().all()
    constant = seed_summary["method"].str.contains(summary.CONSTANT)  # (measures with one value in all 5: untested)
    assert seed_summary.loc[~constant, "method"].str.contains(
        f"no p-value: it needs at least {stats.MIN_ARTICLES_FOR_INTERVAL} articles in each bloc").all()
    assert not seed_summary["method"].str.contains("permutation test over articles, exact").any()
    text = summary.answer(seed_summary)
    assert "none gets a p-value" in text and " p = " not in text and "p <" not in text


def _sentence_tables(n_per_bloc: int, seed: int = 5) -> dict[str, pd.DataFrame]:
    """The processed tables `bloc_contrasts` reads, for `n_per_bloc` articles of 6 sentences in blocs r and w."""
    rng = np.random.default_rng(seed)
    rows = [(bloc, f"{bloc}{i % 3}", f"{bloc}{i:02d}", (0.4 if bloc == "r" else 0.0) + rng.normal(0, 0.2))
            for bloc in ("r", "w") for i in range(n_per_bloc) for _ in range(6)]
    frame = pd.DataFrame(rows, columns=["bloc", "outlet", "article_id", "compound"])
    frame = frame.assign(sentence_id=range(1, len(frame) + 1), paragraph_id=1, voice="narration")
    articles = frame.groupby("article_id", sort=True)[["outlet", "bloc"]].first().reset_index()
    return {"sentences": frame[["article_id", "sentence_id", "paragraph_id", "voice"]],
            "sentiment": frame[["article_id", "sentence_id", "compound"]],
            "paragraphs": articles[["article_id"]].assign(paragraph_id=1, kind="body"),
            "articles": articles.assign(published="2024-01-01", author=None),
            "article_framing": articles[["article_id", "bloc"]].assign(
                naming_index=rng.normal(size=len(articles)), naming_index_quoted=np.nan)}


def test_the_summary_gives_a_p_value_from_five_articles_per_bloc_and_none_below() -> None:
    five = summary.bloc_contrasts(_sentence_tables(5), "r", "w", n_boot=50)
    tested = five[five["measure"].isin(["tone", "naming index"]) & five["p_value"].notna()]
    assert len(tested) >= 3  # tone of own and all words, the naming index of own words
    assert (tested["p_value"] >= tested["min_p"]).all() and tested["method"].str.contains("exact, over all 252").all()
    assert five.loc[five["measure"] == "tone", "ci_low"].notna().any()
    four = summary.bloc_contrasts(_sentence_tables(4), "r", "w", n_boot=50)
    assert four["p_value"].isna().all() and four["method"].str.contains("(here 4 and 4)", regex=False).all()


def test_an_article_level_contrast_is_the_permutation_test_of_the_article_values() -> None:
    rng = np.random.default_rng(3)
    ids = [f"a{i:02d}" for i in range(14)]
    blocs = pd.Series(["x"] * 6 + ["y"] * 6 + ["z"] * 2, index=ids)
    values = pd.Series(rng.normal(size=14) + np.r_[np.ones(6), np.zeros(8)], index=ids)
    values.iloc[0] = np.nan  # an article without a value is left out, not counted as 0
    result = summary.article_contrast(values, blocs, "x", "y", seed=0)
    expected = stats.permutation_test(values.iloc[1:12], blocs.iloc[1:12], "x", "y")
    assert result["p_value"] == expected["p_value"] and result["exact"]
    assert result["difference"] == pytest.approx(values.iloc[1:6].mean() - values.iloc[6:12].mean())
    assert (result["n_articles_a"], result["n_articles_b"]) == (5, 6)
    assert result["ci_low"] < result["difference"] < result["ci_high"]  # 5 and 6 articles: an interval


def test_the_summary_files_are_the_same_bytes_twice(seed_summary: pd.DataFrame, tmp_path: Path) -> None:
    first = [p.read_bytes() for p in summary.write_summary(seed_summary, tmp_path / "one")]
    second = [p.read_bytes() for p in summary.write_summary(seed_summary, tmp_path / "two")]
    assert first == second
    written = pd.read_csv(tmp_path / "one" / "summary.csv")
    assert list(written.columns) == summary.COLUMNS and len(written) == len(seed_summary)
    assert first[1].decode().count("russian - western") == len(seed_summary)
    # the LaTeX table has no method column: an untested row says so in its measure (the CSV keeps the measure)
    untested = seed_summary[seed_summary["method"].str.contains(summary.CONSTANT)]
    assert len(untested) and first[1].decode().count("(not tested: one value)") == len(untested)
    assert not written["measure"].str.contains("not tested").any()


def test_the_answer_counts_small_p_values_and_states_the_floor() -> None:
    rows = [{"measure": f"m{i}", "layer": "own words", "contrast": "x - y", "estimate": 0.1 * i, "ci_low": np.nan,
             "ci_high": np.nan, "p_value": p, "min_p": 0.000583, "n_articles_a": 6, "n_articles_b": 7,
             "method": "m; permutation test over articles, exact, over all 1,716 relabellings; "
                       "the smallest p this design allows is 0.000583"}
            for i, p in enumerate([0.01, 0.2, 0.04, 0.5, 0.000583])]
    text = summary.answer(pd.DataFrame(rows))
    assert "5 contrasts between x - y" in text and "3 reach p < 0.05" in text and "about 0.2 would by chance" in text
    assert "tests were independent. They are not" in text and "no p-value is corrected" in text
    assert ("Those below 0.05: m4 (own words): +0.4, p = 0.000583 (the smallest its test can give); m0 (own words): "
            "+0, p = 0.01; m2 (own words): +0.2, p = 0.04.") in text
    # the tone row recomputed with one copy of each shared paragraph: stated apart, not counted, and whether
    # the tone row's small p-value holds
    tone = {**rows[0], "measure": "tone", "p_value": 0.03}
    once = {**rows[0], "measure": "tone (one copy of each shared paragraph)", "estimate": -0.1, "p_value": 0.07,
            "method": summary.ONCE_METHOD + " (the first published article's); a second estimate"}
    text = summary.answer(pd.DataFrame([tone, *rows[1:4], once]))
    assert "4 contrasts between x - y" in text and "2 reach p < 0.05" in text
    assert ("With one copy of each shared paragraph, the tone of own words differs by -0.1, p = 0.07 (a second "
            "estimate, not counted above): the tone row's p < 0.05 does not hold with copied text counted once.") in text
    seeds = summary.answer(pd.DataFrame(rows).assign(p_value=0.3, min_p=0.1))
    assert "no p-value can fall below 0.1" in seeds and "0 reach" in seeds


@pytest.fixture(scope="module")
def five_summary() -> pd.DataFrame:
    return summary.bloc_contrasts(_sentence_tables(5), "r", "w", n_boot=50)


def test_the_p_value_figure_has_a_row_per_contrast_and_no_bloc_colour(five_summary: pd.DataFrame) -> None:
    from matplotlib.colors import to_hex

    from analysis import plots

    tested = five_summary[five_summary["p_value"].notna()]
    fig = plots.summary_p_values(five_summary)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == len(tested)
    colours = {to_hex(c) for coll in ax.collections for c in coll.get_facecolors()}
    assert colours and not colours & {to_hex(c) for c in plots.BLOC_COLOURS.values()}
    dots = ax.collections[1].get_offsets()[:, 0]
    assert sorted(dots) == sorted(tested["p_value"])


def test_the_p_value_figure_of_the_seeds_says_there_is_none(seed_summary: pd.DataFrame) -> None:
    from analysis import plots

    fig = plots.summary_p_values(seed_summary)
    assert not fig.axes[0].collections and "no p-value" in fig._suptitle.get_text()
    assert any(f"fewer than {stats.MIN_ARTICLES_FOR_INTERVAL} articles" in t.get_text().replace("\n", " ")
               for t in fig.axes[0].texts)


def test_the_paper_tables_describe_the_corpus_and_the_distinctive_terms(tmp_path: Path) -> None:
    tables = overview.read_tables(ROOT / "data" / "processed")
    corpus = summary.corpus_table(tables["articles"])
    totals = corpus[corpus["outlet"] == "(all)"].set_index("bloc")
    assert totals["n_articles"].to_dict() == tables["articles"]["bloc"].value_counts().to_dict()
    assert totals["n_sentences"].sum() == tables["articles"]["n_sentences"].sum()
    top = summary.keyness_top(tables["keyness"], n=5)
    assert (top.loc[top["side"] == "russian", "z"] > 0).all() and (top.loc[top["side"] == "western", "z"] < 0).all()
    assert (top["n_articles"] >= 2).all() and len(top) <= 10
    written = summary.write_paper_tables(tables, "russian", "western", tmp_path, n_boot=200)
    assert sorted(p.name for p in written) == ["corpus.csv", "corpus.tex", "keyness_top.csv", "keyness_top.tex",
                                               "summary.csv", "summary.tex"]


def test_the_latex_tables_escape_the_text_of_their_cells(tmp_path: Path) -> None:
    """A cell's %, _, & and $ are LaTeX's: written as they are, "51%" turned the rest of its row (its \\ too)
    into a comment and "kremlin_aligned" stopped the document. Each is escaped; the numbers are untouched."""
    table = pd.DataFrame({"measure": ["topic (mostly copied text: 51% of its units): a & b", "tone"],
                          "contrast": ["international - kremlin_aligned", "x - y"], "cost_usd": ["$5", "none"],
                          "estimate": [0.5, -0.25]})
    summary._write(table, tmp_path, "t", "note")
    tex = (tmp_path / "t.tex").read_text(encoding="utf-8")
    body = tex.split("\\midrule", 1)[1]
    assert r"51\% of its units): a \& b" in body and r"kremlin\_aligned" in body and r"\$5" in body
    assert "cost usd" in tex and "0.5" in body and "-0.25" in body
    assert all(line.rstrip().endswith("\\\\") for line in body.splitlines()[1:3])  # (each row still ends)


def test_the_paper_tables_write_the_contrasts_they_are_given_without_computing_them_again(tmp_path: Path,
                                                                                          monkeypatch) -> None:  # noqa: ANN001
    """Notebook 04 computes the contrasts once, shows them, then writes them: the summary written is that
    table, and `bloc_contrasts` is not called again (on 100,000 articles it costs over a minute)."""
    tables = overview.read_tables(ROOT / "data" / "processed")
    shown = summary.bloc_contrasts(tables, "russian", "western", n_boot=200)
    monkeypatch.setattr(summary, "bloc_contrasts", lambda *a, **k: pytest.fail("computed again"))
    summary.write_paper_tables(tables, "russian", "western", tmp_path, contrasts=shown)
    written = pd.read_csv(tmp_path / "summary.csv")
    assert written["measure"].tolist() == shown["measure"].tolist()
    assert np.allclose(written["estimate"], shown["estimate"], equal_nan=True, rtol=1e-9)


def test_a_relative_paper_tables_folder_is_under_the_project_root(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    """TABLES = "reports/tables" means the project's folder wherever the notebook's kernel runs."""
    from analysis import paths

    tables = overview.read_tables(ROOT / "data" / "processed")
    shown = summary.bloc_contrasts(tables, "russian", "western", n_boot=50)
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.chdir(tmp_path.parent)
    written = summary.write_paper_tables(tables, "russian", "western", "tables_here", contrasts=shown)
    assert all(p.parent == tmp_path / "tables_here" for p in written)


def test_a_row_without_p_value_is_left_out_of_the_figure_and_said(five_summary: pd.DataFrame) -> None:
    from analysis import plots

    tested = five_summary[five_summary["p_value"].notna()]
    mixed = tested.iloc[[0]].assign(p_value=np.nan, min_p=np.nan)
    fig = plots.summary_p_values(pd.concat([tested, mixed], ignore_index=True))
    assert len(fig.axes[0].get_yticklabels()) == len(tested)
    assert "1 row without a p-value" in fig._suptitle.get_text()
    # the title counts each reason from the rows' method (it called an untested constant measure a small bloc's)
    mixed = mixed.assign(method=stats.MIXED_METHOD + " (REML)")
    constant = tested.iloc[[1]].assign(p_value=np.nan, min_p=np.nan, method=f"mean; {summary.CONSTANT} (0)")
    small = tested.iloc[[2]].assign(p_value=np.nan, min_p=np.nan, method="mean; no p-value: it needs 5 articles")
    fig = plots.summary_p_values(pd.concat([tested, mixed, constant, small], ignore_index=True))
    assert ("3 rows without a p-value not shown: 1 mixed model's; 1 with one value in every compared article; 1 with "
            "a bloc of fewer than 5 articles with a value") in fig._suptitle.get_text().replace("\n", " ")


def test_the_tone_frame_of_the_contrasts_is_the_sentence_frame_in_the_columns_they_read() -> None:
    """bloc_contrasts reads a frame of the few columns its tone rows use (notebook 04's peak on 100,000 generated
    articles: 1,499 MB instead of 2,056): the same rows, order and values as sentence_frame's."""
    from analysis import overview

    tables = overview.read_tables(paths.PROCESSED)
    lean = summary._tone_frame(tables)
    full = sentiment.sentence_frame(tables, text=False)
    assert list(lean.columns) == ["article_id", "sentence_id", "voice", "compound", "outlet", "bloc"]
    pd.testing.assert_frame_equal(lean, full[list(lean.columns)])
    plain = {name: tables[name] for name in ("sentences", "sentiment", "paragraphs", "articles")}  # (a plain mapping)
    pd.testing.assert_frame_equal(summary._tone_frame(plain), lean)


def test_a_topic_made_mostly_of_copied_paragraphs_says_so_in_its_row() -> None:
    """With the copied paragraphs given, a topic row whose units are mostly copies names the share in its
    measure; without them, or where no unit is a copy, the measure is the topic's label alone."""
    from analysis import topics

    tables = topics.with_stability_cutoff(overview.read_tables(ROOT / "data" / "processed"), 0.0)  # (every topic a row)
    plain = summary.bloc_contrasts(tables, "russian", "western", n_boot=50)
    rows = plain["measure"].str.startswith("topic prevalence")
    assert rows.sum() >= 2 and not plain["measure"].str.contains("copied").any()
    everything = tables["paragraphs"][["article_id", "paragraph_id"]]
    copied = summary.bloc_contrasts(tables, "russian", "western", n_boot=50, shared=everything)
    assert (copied.loc[rows, "measure"] == plain.loc[rows, "measure"].str.replace(
        "(NMF, stable topics only)", "(NMF, stable topics only; mostly copied text: 100% of its units)", regex=False)).all()
    assert copied.loc[~rows, "measure"].equals(plain.loc[~rows, "measure"])
    none = summary.bloc_contrasts(tables, "russian", "western", n_boot=50, shared=everything.iloc[:0])
    assert none["measure"].equals(plain["measure"])


def test_the_tone_row_is_recomputed_with_one_copy_of_each_shared_paragraph() -> None:
    """Given `copied_paragraphs` with copies not kept, one more row: the own-words tone without the sentences of
    those copies (here every paragraph of one Russian article), a second estimate the answer does not count;
    with every copy kept, no such row."""
    tables = overview.read_tables(ROOT / "data" / "processed")
    articles = tables["articles"]
    first = sorted(articles.loc[articles["bloc"] == "russian", "article_id"])[0]
    paragraphs = tables["paragraphs"][["article_id", "paragraph_id"]]
    shared = paragraphs.assign(kept=paragraphs["article_id"] != first)
    table = summary.bloc_contrasts(tables, "russian", "western", n_boot=50, shared=shared)
    tone = table[table["measure"] == "tone"].set_index("layer")
    once = table[table["method"].str.startswith(summary.ONCE_METHOD)]
    assert len(once) == 1 and once["measure"].iloc[0] == "tone (one copy of each shared paragraph)"
    own = tone.loc[once["layer"].iloc[0]]
    assert once["n_articles_a"].iloc[0] == own["n_articles_a"] - 1 and once["n_articles_b"].iloc[0] == own["n_articles_b"]
    frame = sentiment.own_words(sentiment.sentence_frame(tables))
    means = frame[frame["article_id"] != first].groupby(["bloc", "article_id"])["compound"].mean().groupby("bloc").mean()
    assert once["estimate"].iloc[0] == pytest.approx(means["russian"] - means["western"], rel=1e-5)  # (6 digits kept)
    assert "With one copy of each shared paragraph" in summary.answer(table)
    kept = summary.bloc_contrasts(tables, "russian", "western", n_boot=50, shared=shared.assign(kept=True))
    assert not kept["method"].str.startswith(summary.ONCE_METHOD).any()


def test_row_kinds_read_the_method_of_each_row() -> None:
    """One reading of the method column: the mixed model's row, the one-copy tone row, an untested row, a contrast."""
    table = pd.DataFrame({"method": [f"{stats.MIXED_METHOD} (REML); no p-value", f"{summary.ONCE_METHOD} (first); x",
                                     f"mean of one value per article; {summary.CONSTANT} (0)", "permutation test"]})
    assert summary.row_kinds(table).tolist() == ["mixed", "once", "constant", ""]
    assert summary.row_kinds(table.drop(columns="method")).tolist() == ["", "", "", ""]


def test_the_paper_keyness_table_breaks_ties_as_the_figure_does() -> None:
    """Terms tied on z are listed by term on both sides (the negative side listed them in reverse, so the
    table and the Fightin' Words figure named different terms at a tie)."""
    keyness = pd.DataFrame({"term": ["b", "a", "d", "c", "e"], "ngram": 1, "n_articles": 3,
                            "count_russian": [5, 5, 0, 0, 1], "count_western": [0, 0, 5, 5, 1],
                            "log_odds": [1.0, 1.0, -1.0, -1.0, 0.0], "z": [2.0, 2.0, -2.0, -2.0, 0.0]})
    top = summary.keyness_top(keyness, n=1)
    assert top[["side", "term"]].values.tolist() == [["russian", "a"], ["western", "c"]]
