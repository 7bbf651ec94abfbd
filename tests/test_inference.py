"""Inference beyond the permutation test: the article-level d, the mixed model with its rule, and
leaving out one author or any other group of articles."""

from __future__ import annotations

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
    assert len(mixed) == 1 and mixed["layer"].iloc[0] == summary._LAYERS["own"] and mixed["measure"].iloc[0] == "tone"
    assert np.isnan(mixed["p_value"].iloc[0]) and mixed["ci_low"].iloc[0] < 0.5 < mixed["ci_high"].iloc[0]
    assert mixed["estimate"].iloc[0] == float(f"{stats.bloc_mixed_model(_nested(), 'r', 'w')['coefficient']:.3g}")
    text = summary.answer(table)
    assert text.startswith(f"{len(table) - 1} contrasts") and "also has a linear mixed model" in text
    below = summary.bloc_contrasts(_tables(_nested(n_outlets=4)), "r", "w", n_boot=50)
    assert not below["method"].str.startswith(stats.MIXED_METHOD).any()


def test_the_mixed_model_is_not_fitted_when_its_article_design_would_not_fit_in_memory() -> None:
    """statsmodels builds, per outlet, a dense sentences x articles matrix: 100,000 articles would
    need tens of GB. Above the cell limit the model is not fitted and says why, without building it."""
    frame = _nested()  # 6 outlets of 4 articles of 15 sentences: 6 x 60 x 4 = 1,440 cells
    assert stats.bloc_mixed_model(frame, "r", "w", max_cells=1_440)["fitted"]
    result = stats.bloc_mixed_model(frame, "r", "w", max_cells=1_439)
    assert not result["fitted"] and np.isnan(result["coefficient"])
    assert "design of 1,440 cells" in result["reason"] and "bootstrap over articles" in result["reason"]
    assert stats.MAX_DESIGN_CELLS >= 100_000_000
