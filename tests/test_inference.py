"""Inference beyond the permutation test: the article-level d, the mixed model with its rule, and
leaving out one author or any other group of articles."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from analysis import sentiment, stats, summary


def _nested(seed: int = 14, effect: float = 0.5, outlet_sd: float = 0.4, article_sd: float = 0.1,
            sentence_sd: float = 0.2, n_outlets: int = 6, n_articles: int = 4, n_sentences: int = 15) -> pd.DataFrame:
    """Sentences in articles in outlets, outlets alternating between blocs r and w, r shifted by `effect`."""
    rng = np.random.default_rng(seed)
    rows = []
    for o in range(n_outlets):
        bloc, outlet_effect = ("r" if o % 2 == 0 else "w"), rng.normal(0, outlet_sd)
        for k in range(n_articles):
            article_effect = rng.normal(0, article_sd)
            for _ in range(n_sentences):
                score = (effect if bloc == "r" else 0.0) + outlet_effect + article_effect + rng.normal(0, sentence_sd)
                rows.append((bloc, f"o{o}", f"o{o}a{k}", score))
    frame = pd.DataFrame(rows, columns=["bloc", "outlet", "article_id", "compound"])
    frame["sentence_id"] = range(1, len(frame) + 1)
    return frame


def test_article_d_is_the_gap_over_the_pooled_sd_of_article_means() -> None:
    means = pd.DataFrame({"bloc": ["a", "a", "a", "b", "b"], "x": [1.0, 2.0, 6.0, 0.0, 2.0]})
    # a: mean 3, variance 7 (2 df); b: mean 1, variance 2 (1 df); pooled variance (14 + 2) / 3
    assert stats.article_d(means, "a", "b", "x") == pytest.approx(2 / np.sqrt(16 / 3))
    assert np.isnan(stats.article_d(means.iloc[2:], "a", "b", "x"))  # a single article in a
    assert np.isnan(stats.article_d(means.assign(x=1.0), "a", "b", "x"))  # no spread at all


def test_the_mixed_model_recovers_a_planted_effect_and_a_large_outlet_icc() -> None:
    result = stats.bloc_mixed_model(_nested(), "r", "w")
    assert result["fitted"] and result["reason"] == "" and result["warnings"] == []
    # three outlets per bloc: the estimate moves with the three outlet effects drawn (0.56 on this seed)
    assert result["ci_low"] < 0.5 < result["ci_high"]
    assert result["coefficient"] == pytest.approx(0.5, abs=0.15)
    # planted shares: outlet 0.16 / 0.21 = 0.76, article 0.01 / 0.21 = 0.048 (0.61 and 0.047 on this seed)
    assert result["icc_outlet"] > 0.5 and 0.02 < result["icc_article"] < 0.1
    assert (result["n_articles_a"], result["n_outlets_a"], result["n_sentences"]) == (12, 3, 360)
    assert stats.bloc_mixed_model(_nested(), "r", "w") == result  # deterministic
    text = sentiment.mixed_model_text(result)
    assert "bloc coefficient r - w = +" in text and "95% Wald interval [" in text and "ICC" in text


def test_the_mixed_model_is_not_fitted_below_the_rule_and_says_why() -> None:
    frame = _nested(n_outlets=4)  # 2 outlets, 8 articles per bloc
    result = stats.bloc_mixed_model(frame, "r", "w")
    assert not result["fitted"] and np.isnan(result["coefficient"]) and np.isnan(result["icc_outlet"])
    assert result["reason"] == ("not fitted: r has 8 articles and 2 outlets; w has 8 articles and 2 outlets "
                                "(each bloc needs at least 5 articles and 3 outlets)")
    few = stats.bloc_mixed_model(_nested(n_articles=1), "r", "w")  # 3 outlets but 3 articles per bloc
    assert not few["fitted"] and "r has 3 articles and 3 outlets" in few["reason"]
    assert sentiment.mixed_model_text(result).endswith("(each bloc needs at least 5 articles and 3 outlets).")
    assert "at least 5 articles and at least 3 outlets" in stats.mixed_model_rule()


def test_a_zero_variance_gives_no_interval() -> None:
    frame = _nested(outlet_sd=0.0, article_sd=0.0)
    # every article gets the same 15 sentence deviations: article means are equal within a bloc
    frame["compound"] = np.where(frame["bloc"] == "r", 0.5, 0.0) + np.tile(np.linspace(-0.3, 0.3, 15), 24)
    result = stats.bloc_mixed_model(frame, "r", "w")
    assert result["fitted"] and result["coefficient"] == pytest.approx(0.5)
    assert result["icc_outlet"] < stats.BOUNDARY_SHARE and result["icc_article"] < stats.BOUNDARY_SHARE
    assert np.isnan(result["ci_low"]) and "estimated at zero" in result["reason"]
    assert "no interval: the outlet and article variances are estimated at zero" in sentiment.mixed_model_text(result)


def _authored() -> pd.DataFrame:
    # article means: r1 0.8 (Ann), r2 0.2 (Bo), r3 0.5 (no author); w1 -0.1 (Ann), w2 -0.3 (Cy)
    rows = [("r", "R1", "r1", "Ann", 0.8), ("r", "R1", "r2", "Bo", 0.2), ("r", "R2", "r3", None, 0.5),
            ("w", "W1", "w1", "Ann", -0.1), ("w", "W1", "w2", "Cy", -0.3), ("w", "W1", "w2", "Cy", -0.3)]
    return pd.DataFrame(rows, columns=["bloc", "outlet", "article_id", "author", "compound"])


def test_leave_one_author_out_removes_an_authors_articles_from_both_blocs() -> None:
    table = sentiment.leave_one_group_out(_authored(), "r", "w", "author").set_index("left_out")
    assert list(table.index) == ["(none)", "Ann", "Bo", "Cy"]  # the article without an author stays everywhere
    assert table.loc["(none)", "difference"] == pytest.approx(0.5 - (-0.2))
    assert table.loc["Ann", "difference"] == pytest.approx(0.35 - (-0.3))  # r1 and w1 both leave
    assert table.loc["Bo", "difference"] == pytest.approx(0.65 - (-0.2))
    assert table.loc["Cy", "difference"] == pytest.approx(0.5 - (-0.1))
    assert table["n_articles"].tolist() == [0, 2, 1, 1]
    text = sentiment.leave_one_group_out_text(table.reset_index(), "author", 5)
    assert text.startswith("Leaving out any one of the 3 authors keeps the sign")
    assert "2 of the 3 authors have a single article" in text
    assert "1 of the 5 articles has no author in the metadata and stays in every row" in text


def test_leave_one_outlet_out_is_the_group_version_and_names_single_article_outlets() -> None:
    frame = _authored()
    outlets = sentiment.leave_one_outlet_out(frame, "r", "w")
    pd.testing.assert_frame_equal(outlets, sentiment.leave_one_group_out(frame, "r", "w", "outlet"))
    assert outlets.set_index("left_out").loc["R2", "n_articles"] == 1
    text = sentiment.leave_one_group_out_text(outlets, "outlet", 5)
    assert "W1 is a whole bloc here" in text and "1 of the 3 outlets has a single article" in text
    single = frame.assign(outlet=frame["article_id"])
    assert "Every outlet here has a single article of the compared blocs, so leaving out an outlet is leaving out " \
           "one article." in sentiment.leave_one_outlet_out_text(sentiment.leave_one_outlet_out(single, "r", "w"))


def _tables(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The processed tables `summary.bloc_contrasts` reads, built from a sentence frame."""
    frame = frame.assign(paragraph_id=1, voice="narration")
    articles = frame.groupby("article_id", sort=True)[["outlet", "bloc"]].first().reset_index()
    return {"sentences": frame[["article_id", "sentence_id", "paragraph_id", "voice"]],
            "sentiment": frame[["article_id", "sentence_id", "compound"]],
            "paragraphs": articles[["article_id"]].assign(paragraph_id=1, kind="body"),
            "articles": articles.assign(published="2024-01-01", author=None),
            "article_framing": articles[["article_id", "bloc"]].assign(naming_index=0.0, naming_index_quoted=0.0)}


def test_the_summary_adds_the_mixed_row_only_when_fitted() -> None:
    table = summary.bloc_contrasts(_tables(_nested()), "r", "w", n_boot=50)
    mixed = table[table["method"].str.startswith(stats.MIXED_METHOD)]
    assert len(mixed) == 1 and mixed["layer"].iloc[0] == summary._LAYERS["own"] and mixed["measure"].iloc[0] == "tone (mixed model)"
    assert np.isnan(mixed["p_value"].iloc[0]) and mixed["ci_low"].iloc[0] < 0.5 < mixed["ci_high"].iloc[0]
    assert mixed["estimate"].iloc[0] == float(f"{stats.bloc_mixed_model(_nested(), 'r', 'w')['coefficient']:.3g}")
    text = summary.answer(table)
    constant = table[table["method"].str.contains(summary.CONSTANT)]  # (the naming indexes: 0 in every article)
    assert sorted(constant["measure"]) == ["naming index", "naming index"]
    assert text.startswith(f"{len(table) - 1 - len(constant)} contrasts") and "also has a linear mixed model" in text
    below = summary.bloc_contrasts(_tables(_nested(n_outlets=4)), "r", "w", n_boot=50)
    assert not below["method"].str.startswith(stats.MIXED_METHOD).any()


def test_a_measure_with_one_value_in_every_compared_article_is_not_tested_or_counted() -> None:
    """Nobody quotes the media in any compared article: the share is 0 everywhere, and a permutation test of it (p = 1)
    was counted among the contrasts tested, lowering the chance rate a reader compares with."""
    tables = _tables(_nested())
    framing_ = tables["article_framing"].assign(voice_media=0.0, voice_officials=np.arange(len(tables["articles"])) % 3)
    table = summary.bloc_contrasts({**tables, "article_framing": framing_}, "r", "w", n_boot=50)
    media = table[table["measure"] == "share of voices: media"].iloc[0]
    assert summary.CONSTANT in media["method"] and media["estimate"] == 0 and np.isnan(media["p_value"])
    assert media["n_articles_a"] + media["n_articles_b"] == len(tables["articles"])
    officials = table[table["measure"] == "share of voices: officials"].iloc[0]
    assert not np.isnan(officials["p_value"])  # (a measure that varies is tested)
    text = summary.answer(table)
    tested = int(table["p_value"].notna().sum())
    assert text.startswith(f"{tested} contrasts") and "share of voices: media" in text.split("Not counted:")[1]
    # one bloc without values is not "the same in every compared article": it is left to the usual rules
    one_side = framing_.assign(voice_media=np.where(framing_["bloc"] == "r", 0.0, np.nan))
    rows = summary.bloc_contrasts({**tables, "article_framing": one_side}, "r", "w", n_boot=50)
    assert not rows.loc[rows["measure"] == "share of voices: media", "method"].str.contains(summary.CONSTANT).any()


def _statsmodels_fit(frame: pd.DataFrame) -> tuple[float, float, float, float, float]:
    """The same model fitted by statsmodels' MixedLM (REML): coefficient, its standard error and
    the outlet, article and residual variances."""
    from statsmodels.regression.mixed_linear_model import MixedLM

    data = frame.assign(y=frame["compound"], x=(frame["bloc"] == "r").astype(float))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = MixedLM.from_formula("y ~ x", data, groups="outlet", re_formula="1",
                                   vc_formula={"article": "0 + C(article_id)"}).fit(reml=True, method="powell")
    return (float(fit.fe_params["x"]), float(fit.bse_fe["x"]), float(fit.cov_re.iloc[0, 0]), float(fit.vcomp[0]),
            float(fit.scale))


@pytest.mark.parametrize("design", [
    {},
    {"seed": 1},
    {"seed": 2, "n_outlets": 10, "n_articles": 7},
    {"seed": 3, "article_sd": 0.3, "outlet_sd": 0.05, "n_outlets": 8},
    {"seed": 5, "n_sentences": 3, "n_articles": 9},
])
def test_the_mixed_model_agrees_with_statsmodels_mixedlm(design: dict) -> None:
    """The sufficient-statistics REML fit against a general fitter, on unbalanced data (a fifth
    of the sentences dropped at random): the same estimates, up to where each optimiser stops on
    a flat likelihood, and a likelihood at least as high as statsmodels' optimum."""
    frame = _nested(**design).sample(frac=0.8, random_state=1).sort_index()
    ours = stats.bloc_mixed_model(frame, "r", "w")
    coefficient, se, var_outlet, var_article, var_residual = _statsmodels_fit(frame)
    assert ours["fitted"]
    assert ours["coefficient"] == pytest.approx(coefficient, abs=1e-4)
    assert (ours["ci_high"] - ours["ci_low"]) / 2 / 1.959963984540054 == pytest.approx(se, rel=5e-3)
    assert ours["var_residual"] == pytest.approx(var_residual, rel=1e-3)
    assert ours["var_outlet"] == pytest.approx(var_outlet, rel=5e-2, abs=2e-4)
    assert ours["var_article"] == pytest.approx(var_article, rel=5e-2, abs=2e-4)
    from analysis.stats import mixed

    sums = mixed._article_sums(frame["compound"].to_numpy(float), (frame["bloc"] == "r").to_numpy(float),
                               frame["outlet"].to_numpy(str), frame["article_id"].to_numpy(str))
    theirs = np.sqrt([var_outlet / var_residual, var_article / var_residual])
    found = np.sqrt([ours["var_outlet"] / ours["var_residual"], ours["var_article"] / ours["var_residual"]])
    assert mixed._deviance(found, *sums) <= mixed._deviance(theirs, *sums) + 1e-6


def test_the_mixed_model_fits_a_corpus_of_100000_articles() -> None:
    """No matrix of sentences is formed: 100,000 articles of 3 sentences in 40 outlets (statsmodels
    would need a dense sentences x articles matrix per outlet, about 60 GB) fit, and the planted
    effect and variances come back."""
    rng = np.random.default_rng(3)
    n_outlets, per_outlet, sentences = 40, 2_500, 3
    outlet = np.repeat(np.arange(n_outlets), per_outlet * sentences)
    article = np.repeat(np.arange(n_outlets * per_outlet), sentences)
    bloc = np.where(outlet % 2 == 0, "r", "w")
    score = (np.where(bloc == "r", 0.3, 0.0) + rng.normal(0, 0.2, n_outlets)[outlet]
             + rng.normal(0, 0.1, n_outlets * per_outlet)[article] + rng.normal(0, 0.3, len(outlet)))
    frame = pd.DataFrame({"bloc": bloc, "outlet": [f"o{o}" for o in outlet], "article_id": [f"a{k}" for k in article],
                          "compound": score})
    result = stats.bloc_mixed_model(frame, "r", "w")
    assert result["fitted"] and result["n_articles_a"] == 50_000 and result["n_sentences"] == 300_000
    assert result["ci_low"] < 0.3 < result["ci_high"]
    assert result["var_residual"] == pytest.approx(0.09, rel=0.02)
    assert result["var_article"] == pytest.approx(0.01, rel=0.1)
    assert 0.01 < result["var_outlet"] < 0.1


def test_the_leave_out_rows_shown_are_the_largest_changes_with_the_full_difference_first() -> None:
    table = pd.DataFrame({"left_out": ["(none)", "A", "B", "C", "D"], "n_articles": [0, 1, 2, 1, 1],
                          "difference": [0.10, 0.09, 0.16, 0.04, 0.12], "same_sign": True})
    shown, note = sentiment.leave_out_shown(table, n=2)
    assert shown["left_out"].tolist() == ["(none)", "B", "C"]  # (changes +0.06 and -0.06: a tie, by name)
    assert shown["change"].round(6).tolist() == [0.0, 0.06, -0.06] and "n_left_out" in shown.columns
    assert note.startswith("The 2 of 4 outlets whose removal moves the difference most")
    assert sentiment.leave_out_shown(table)[1] == "All 4 outlets, largest change first."
