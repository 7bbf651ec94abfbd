"""Article-level design helpers: relabellings counted not listed, permutation p-values, what is left out."""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pandas as pd
import pytest

from analysis import stats


def test_exact_relabellings_of_five_articles() -> None:
    splits, exact = stats.relabellings(5, 2, limit=200)
    assert exact and splits.shape == (10, 2)
    assert {tuple(s) for s in splits} == {(i, j) for i in range(5) for j in range(i + 1, 5)}


def test_sampled_relabellings_are_distinct_seeded_and_never_enumerate() -> None:
    tracemalloc.start()
    splits, exact = stats.relabellings(42, 22, limit=500, seed=3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not exact and splits.shape == (500, 22)
    assert len({tuple(s) for s in splits}) == 500
    assert all(list(s) == sorted(set(s)) for s in splits)
    assert peak < 20_000_000  # C(42, 22) ~ 5e11 relabellings would need terabytes
    again, _ = stats.relabellings(42, 22, limit=500, seed=3)
    assert np.array_equal(splits, again)


def test_relabellings_at_the_limit_are_exact_and_bad_input_is_refused() -> None:
    splits, exact = stats.relabellings(6, 3, limit=math.comb(6, 3))
    assert exact and len(splits) == 20
    with pytest.raises(ValueError, match="cannot choose"):
        stats.relabellings(3, 4)


def test_exact_permutation_p_on_five_articles_cannot_go_below_one_tenth() -> None:
    values = [0.9, 0.8, 0.1, 0.0, -0.1]  # the two "a" articles are the two highest
    result = stats.permutation_test(values, ["a", "a", "b", "b", "b"], "a", "b", min_articles=1)
    assert result["exact"] and result["n_relabellings"] == 10
    assert result["difference"] == pytest.approx(0.85)
    # |difference| of each of the 10 splits: only the observed one reaches 0.85
    assert result["p_value"] == pytest.approx(0.1) and result["min_p"] == pytest.approx(0.1)


def test_exact_permutation_p_counts_ties_and_leaves_other_blocs_out() -> None:
    values = [1.0, 0.0, 1.0, 0.0, 5.0]
    result = stats.permutation_test(values, ["a", "b", "b", "a", "c"], "a", "b", min_articles=1)
    # 4 articles, 6 splits; |mean a - mean b| is 0 for 4 splits and 1 for 2: observed is 0
    assert result["n_articles_a"] == 2 and result["n_articles_b"] == 2
    assert result["p_value"] == pytest.approx(1.0)
    assert result["min_p"] == pytest.approx(2 / 6)


def test_sampled_permutation_p_detects_a_real_difference() -> None:
    rng = np.random.default_rng(0)
    values = np.r_[rng.normal(1, 0.2, 22), rng.normal(0, 0.2, 20)]
    labels = ["a"] * 22 + ["b"] * 20
    result = stats.permutation_test(values, labels, "a", "b", limit=999, seed=1)
    assert not result["exact"] and result["n_relabellings"] == 999
    assert result["p_value"] == pytest.approx(1 / 1000)
    null = stats.permutation_test(rng.normal(0, 1, 42), labels, "a", "b", limit=999, seed=1)
    assert null["p_value"] > 0.01


def test_compared_blocs_ties_are_broken_by_name() -> None:
    assert stats.compared_blocs(["x", "y", "y", "x", "z"], ("russian", "western")) == ("x", "y")
    assert stats.compared_blocs(["z", "y", "z", "y"], ("russian", "western")) == ("y", "z")
    assert stats.compared_blocs(["russian", "other"], ("russian", "other")) == ("russian", "other")
    assert stats.compared_blocs(["a"], ("a", "b")) is None


def _articles() -> pd.DataFrame:
    blocs = ["russian"] * 3 + ["western"] * 4 + ["ukrainian"] * 2 + ["other"]
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(10)], "bloc": blocs,
                         "outlet": [f"o{i % 7}" for i in range(10)]})


def test_comparison_note_names_what_is_left_out() -> None:
    note = stats.comparison_note(_articles(), ("russian", "western"))
    assert "**russian** (3 articles) against **western** (4 articles)" in note
    assert "ukrainian (2 articles), other (1 article); 3 of 10 articles" in note
    swapped = stats.comparison_note(_articles(), ("russian", "ukrainian"))
    assert "western (4 articles), other (1 article); 5 of 10 articles" in swapped
    fallback = stats.comparison_note(_articles(), ("russian", "chinese"))
    assert "'chinese'" in fallback and "**western** (4 articles) against **russian** (3 articles)" in fallback
    two = stats.comparison_note(_articles()[:7], ("russian", "western"))
    assert "No bloc is left out." in two and "kept no text" not in two
    emptied = _articles().assign(n_sentences=[0, 4, 5, 0, 3, 0, 6, 0, 2, 2])  # (the ukrainian and other articles too)
    note = stats.comparison_note(emptied, ("russian", "western"))
    assert note.endswith("3 of the compared articles (russian 1, western 2) kept no text (cleaning removed every "
                         "line): they have no sentence, and no measure counts them.")


def test_corpus_counts_sentence() -> None:
    assert stats.corpus_counts(_articles()) == (
        "n = 10 articles from 7 outlets (4 blocs: western 4, russian 3, ukrainian 2, other 1).")


def test_interval_rule() -> None:
    assert stats.interval_supported([5, 7]) and not stats.interval_supported([5, 2])
    assert "at least 5 articles" in stats.interval_rule()


def test_a_one_article_bloc_is_tested_exactly() -> None:
    values = [0.9, *np.linspace(-0.5, 0.5, 20)]
    result = stats.permutation_test(values, ["other"] + ["russian"] * 20, "other", "russian", min_articles=1)
    assert result["exact"] and result["n_relabellings"] == 21
    assert result["p_value"] == pytest.approx(1 / 21) and result["min_p"] == pytest.approx(1 / 21)


def test_sampled_permutation_test_memory_stays_bounded_on_large_corpora(monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 articles, 10,000 relabellings: holding every relabelling's 10,000 indices at once took
    800 MB (4 GB at 100,000 articles); they are drawn and summed in batches instead, with the
    same p-value as the same draws held at once would give. (Relabellings drawn one by one, as
    below `EXACT_PERMUTATION_BUDGET`.)"""
    import tracemalloc

    from analysis.stats import permutation

    monkeypatch.setattr(permutation, "EXACT_PERMUTATION_BUDGET", 10**12)
    rng = np.random.default_rng(0)
    x = rng.normal(size=20_000)
    labels = np.where(np.arange(20_000) % 2 == 0, "a", "b")
    x[labels == "a"] += 0.05
    tracemalloc.start()
    result = stats.permutation_test(x, labels, "a", "b", limit=10_000, seed=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 150 * 2**20
    assert not result["exact"] and result["n_relabellings"] == 10_000
    assert result["p_value"] < 0.01  # a shift of 0.05 SD over 10,000 articles a side is real


def test_comb_at_most_agrees_with_math_comb_and_stops_at_the_limit() -> None:
    from analysis.stats.permutation import comb_at_most

    for n in range(30):
        for k in range(n + 1):
            for limit in (1, 10, 252, 10_000):
                assert comb_at_most(n, k, limit) == (math.comb(n, k) if math.comb(n, k) <= limit else None)
    assert comb_at_most(100_000, 50_000, 10_000) is None  # stops after a few steps, not 30,101 digits later
    assert comb_at_most(10, 12, 10) == 0


def test_permutation_tests_give_each_column_the_result_of_its_own_test(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    labels = np.array(["a"] * 9 + ["b"] * 11 + ["c"] * 3)
    shifted = rng.normal(size=23) + 3 * (labels == "a")
    holes = shifted.copy()
    holes[[0, 12]] = np.nan  # other articles left out: drawn apart from the others
    moved = rng.normal(size=23)
    moved[[5, 19]] = np.nan  # other articles again, but as many of each bloc as `holes` keeps
    columns = {"shifted": shifted, "noise": rng.normal(size=23), "holes": holes, "moved": moved,
               "few": np.where(labels == "a", np.nan, 1.0),  # no article of a: no test
               "small": np.where(np.arange(23) < 12, 1.0, np.nan)}  # 9 against 3: no p-value
    for limit in (10, 10**9):  # sampled (C(20, 9) = 167,960 > 10) and exact
        together = stats.permutation_tests(columns, labels, "a", "b", limit=limit, seed=5)
        assert list(together) == list(columns)
        for name, values in columns.items():
            alone = stats.permutation_test(values, labels, "a", "b", limit=limit, seed=5)
            assert together[name] == pytest.approx(alone, nan_ok=True), name
    assert together["shifted"]["exact"] and together["shifted"]["p_value"] < 0.05
    # one draw of sampled relabellings per number of articles kept (20 with 9 of a; 18 with 8 of a)
    from analysis.stats import permutation

    draws = []
    drawn = permutation.sampled_relabellings
    monkeypatch.setattr(permutation, "sampled_relabellings", lambda n, k, **kw: draws.append((n, k)) or drawn(n, k, **kw))
    stats.permutation_tests(columns, labels, "a", "b", limit=10, seed=5)
    assert draws == [(20, 9), (18, 8)]
    assert together["few"]["reason"] == "no p-value: a compared bloc has no article with a value"
    assert together["small"]["reason"] == stats.no_p_value_reason(9, 3)
    with pytest.raises(ValueError, match="has 3 values for 23 labels"):
        stats.permutation_tests({"short": [1.0, 2.0, 3.0]}, labels, "a", "b")


def test_count_text_is_exact_below_ten_to_the_fifteen_and_rounded_down_above() -> None:
    assert stats.count_text(184_756) == "184,756"
    assert stats.count_text(math.comb(42, 22)) == "513,791,607,420"
    assert stats.count_text(10**15 - 1) == "999,999,999,999,999"
    assert stats.count_text(10**15) == "about 1 × 10^15"
    assert stats.count_text(2 * 10**20 - 1) == "about 1.99 × 10^20"  # never rounded up to "2"
    assert stats.count_text(math.comb(100_000, 50_000)) == "about 2.52 × 10^30100"
    with pytest.raises(ValueError, match="negative"):
        stats.count_text(-1)


def test_no_p_value_when_a_bloc_has_fewer_articles_than_the_rule() -> None:
    values = [0.9, 0.8, 0.1, 0.0, -0.1]
    labels = ["a", "a", "b", "b", "b"]
    result = stats.permutation_test(values, labels, "a", "b")  # 2 against 3: C(5, 2) = 10 relabellings, p >= 0.1
    assert np.isnan(result["p_value"]) and np.isnan(result["min_p"]) and result["n_relabellings"] == 0
    assert result["difference"] == pytest.approx(0.85)
    assert result["reason"] == stats.no_p_value_reason(2, 3)
    assert f"at least {stats.MIN_ARTICLES_FOR_INTERVAL} articles in each bloc (here 2 and 3)" in result["reason"]
    assert stats.how_tested(result) == result["reason"]
    five = [*np.linspace(1, 2, 5), *np.linspace(-1, 0, 5)]
    tested = stats.permutation_test(five, ["a"] * 5 + ["b"] * 5, "a", "b")
    assert tested["reason"] == "" and tested["n_relabellings"] == 252 and tested["p_value"] == pytest.approx(2 / 252)
    assert stats.no_p_value_reason(5, 5) == "" and stats.no_p_value_reason(5, 4).startswith("no p-value")


def test_a_bloc_whose_articles_kept_no_text_is_not_compared() -> None:
    """Every article of the asked-for bloc lost all its lines to cleaning: the comparison takes the two largest blocs
    with kept text instead, and the note says why (a bloc that is absent and one that is empty are told apart)."""
    articles = _articles().assign(n_sentences=[0, 0, 0, 4, 5, 6, 7, 3, 2, 2])  # (the three russian articles are empty)
    assert stats.blocs_with_text(articles).count("russian") == 0
    assert stats.compared_blocs(stats.blocs_with_text(articles), ("russian", "western")) == ("western", "ukrainian")
    note = stats.comparison_note(articles, ("russian", "western"))
    assert "BLOCS asked for ('russian', 'western') ('russian' without an article that kept text)" in note
    assert "**western** (4 articles) against **ukrainian** (2 articles)" in note
    assert stats.blocs_with_text(_articles()) == _articles()["bloc"].tolist()  # (no n_sentences: every article)


def _drawn_one_by_one(monkeypatch: pytest.MonkeyPatch, *args, **kwargs) -> dict:  # noqa: ANN002, ANN003
    from analysis.stats import permutation

    with monkeypatch.context() as patch:
        patch.setattr(permutation, "EXACT_PERMUTATION_BUDGET", 10**12)
        return stats.permutation_test(*args, **kwargs)


@pytest.mark.parametrize("shift", [0.0, 0.03, 0.06])
def test_above_the_budget_relabellings_come_from_their_normal_form_with_the_same_p(
        monkeypatch: pytest.MonkeyPatch, shift: float) -> None:
    """6,000 articles of skewed values (exponential, as rates are) x 10,000 relabellings is above
    the budget: the p-value from the normal form is within Monte Carlo error of the one from
    10,000 relabellings drawn one by one, and the text says how it was computed."""
    rng = np.random.default_rng(11)
    x = rng.exponential(size=6000)
    labels = np.where(rng.random(6000) < 0.4, "a", "b")
    x[labels == "a"] += shift
    normal = stats.permutation_test(x, labels, "a", "b", seed=2)
    drawn = _drawn_one_by_one(monkeypatch, x, labels, "a", "b", seed=2)
    assert normal["normal_form"] and "normal_form" not in drawn
    assert normal["n_relabellings"] == drawn["n_relabellings"] == 10_000 and not normal["exact"]
    assert normal["min_p"] == drawn["min_p"] and normal["difference"] == drawn["difference"]
    assert abs(normal["p_value"] - drawn["p_value"]) < 0.02
    assert "normal approximation" in stats.how_tested(normal) and "normal approximation" not in stats.how_tested(drawn)


def test_the_normal_form_keeps_the_tests_level_on_skewed_values() -> None:
    """No difference between the blocs, 400 corpora of 6,000 skewed articles: about 5% of the
    normal-form p-values fall below 0.05, as a test at that level must."""
    rng = np.random.default_rng(5)
    ps = []
    for seed in range(400):
        x = rng.lognormal(sigma=1.0, size=6000)
        labels = np.where(rng.random(6000) < 0.3, "a", "b")
        result = stats.permutation_test(x, labels, "a", "b", seed=seed)
        assert result["normal_form"]
        ps.append(result["p_value"])
    assert 0.025 <= np.mean(np.asarray(ps) < 0.05) <= 0.08


def test_below_the_budget_relabellings_are_drawn_one_by_one() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=400)
    labels = np.where(np.arange(400) % 2 == 0, "a", "b")
    result = stats.permutation_test(x, labels, "a", "b", seed=2)
    assert "normal_form" not in result and not result["exact"] and "random relabellings" in stats.how_tested(result)


def test_a_bloc_interval_is_cut_to_the_values_the_measure_can_take() -> None:
    """Five articles, four without a frame word: the interval widened for a small bloc reached below 0 (frame
    salience of the realistic corpus: [-0.414, 2.635]); with the measure's bounds it stops at 0, and the upper end
    and the mean are as without them. Cut only where crossed: a bloc of large rates is unchanged."""
    frame = pd.DataFrame({"bloc": "u", "article_id": list("abcde"), "score": [0.0, 0.0, 0.0, 0.0, 3.0]})
    plain = stats.bloc_summary(frame, "score", n_boot=500, seed=2).iloc[0]
    cut = stats.bloc_summary(frame, "score", n_boot=500, seed=2, bounds=(0, None)).iloc[0]
    assert plain["ci_low"] < 0 and cut["ci_low"] == 0 and cut["ci_high"] == plain["ci_high"]
    assert cut["mean"] == plain["mean"] == 0.6
    shares = stats.bloc_summary(frame.assign(score=[1.0, 1.0, 1.0, 1.0, 0.2]), "score", n_boot=500, seed=2,
                                bounds=(0, 1)).iloc[0]
    assert shares["ci_high"] == 1 and shares["ci_low"] < 1
    high = frame.assign(score=[5.0, 6.0, 5.5, 6.5, 7.0])
    pd.testing.assert_frame_equal(stats.bloc_summary(high, "score", n_boot=500, seed=2, bounds=(0, None)),
                                  stats.bloc_summary(high, "score", n_boot=500, seed=2))
    from analysis import framing

    scores = pd.DataFrame({"article_id": list("abcdefghij"), "paragraph_id": 1, "frame": "conflict",
                           "hits": [0, 0, 0, 0, 3, 1, 2, 0, 1, 2], "score": [0, 0, 0, 0, 3.0, 1.0, 2.0, 0, 1.0, 2.0]})
    articles = pd.DataFrame({"article_id": list("abcdefghij"), "bloc": ["u"] * 5 + ["w"] * 5})
    salience = framing.frame_salience(scores, articles, n_boot=500, seed=1, layer="all")
    assert (salience["ci_low"] >= 0).all()


def test_lost_verdict_names_the_side_a_second_p_value_leaves() -> None:
    assert stats.lost_verdict(0.036, 0.072) == "p < 0.05"
    assert stats.lost_verdict(0.2, 0.01) == "p >= 0.05"
    assert stats.lost_verdict(0.01, 0.04) == "" and stats.lost_verdict(0.3, 0.9) == ""
    assert stats.lost_verdict(float("nan"), 0.01) == "" and stats.lost_verdict(0.01, float("nan")) == ""
    assert stats.lost_verdict(0.08, 0.12, alpha=0.1) == "p < 0.1"


def test_a_difference_interval_stays_within_what_the_measure_allows() -> None:
    """Two blocs of five articles with indices at -1 and +1: the widened interval reached 2.47, a difference two
    indices in [-1, 1] cannot have; with the measure's bounds it is cut at 2."""
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(10)], "bloc": ["r"] * 5 + ["w"] * 5,
                          "compound": [1, 1, 1, 1, -1, -1, -1, -1, -1, 1]})
    loose = stats.bloc_difference(frame, "r", "w", n_boot=2000, seed=1)
    cut = stats.bloc_difference(frame, "r", "w", n_boot=2000, seed=1, bounds=(-1, 1))
    assert loose["ci_high"] > 2 and cut["ci_high"] == 2.0 and cut["ci_low"] == loose["ci_low"] >= -2
    assert cut["difference"] == loose["difference"] and cut["p_value"] == loose["p_value"]
    shares = stats.bloc_difference(frame.assign(compound=(frame["compound"] + 1) / 2), "r", "w", n_boot=2000, seed=1,
                                   bounds=(0, None))  # (one bound: the difference is not bounded)
    assert shares["ci_high"] == pytest.approx(loose["ci_high"] / 2)


def test_a_bloc_whose_articles_all_have_one_value_gets_no_interval_and_the_others_keep_theirs() -> None:
    """Five articles all at 0 resample to a zero-width interval, a certainty the design does not give:
    left empty (and said in the rule), while the other bloc's interval is the one it had before (the
    constant bloc's draws are still made, so the seeded draws of the next bloc do not move)."""
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(10)], "bloc": ["u"] * 5 + ["w"] * 5,
                          "score": [0.0] * 5 + [1.0, 3.0, 0.0, 2.0, 5.0]})
    table = stats.bloc_summary(frame, "score", n_boot=400, seed=3).set_index("bloc")
    assert table.loc["u", "mean"] == 0 and np.isnan(table.loc["u", "ci_low"]) and np.isnan(table.loc["u", "ci_high"])
    varied = stats.bloc_summary(frame.assign(score=[0.0, 0.0, 0.0, 0.0, 0.1] + [1.0, 3.0, 0.0, 2.0, 5.0]), "score",
                                n_boot=400, seed=3).set_index("bloc")
    assert varied.loc["u", "ci_high"] > 0
    assert table.loc["w", ["ci_low", "ci_high"]].tolist() == varied.loc["w", ["ci_low", "ci_high"]].tolist()
    both = stats.bloc_difference(frame.assign(score=[0.0] * 5 + [1.0] * 5), "u", "w", "score", n_boot=200)
    assert both["difference"] == -1 and np.isnan(both["ci_low"]) and np.isnan(both["ci_high"])
    one = stats.bloc_difference(frame, "u", "w", "score", n_boot=200)
    assert one["ci_low"] < one["ci_high"]  # (one bloc alike, the other spread: the difference still varies)
    assert "same value" in stats.interval_rule() and "same value" in stats.no_interval()


def test_the_blocs_tip_names_only_blocs_this_corpus_has() -> None:
    """On a corpus without "russian" and "western", the default pair falls back to the two largest blocs:
    the tip names those reversed and a pair with the third, never a pair that would fall back again."""
    articles = pd.DataFrame({"bloc": ["intl"] * 4 + ["kremlin"] * 3 + ["ua"] * 2 + ["empty"],
                             "n_sentences": [5] * 9 + [0]})
    tip = stats.blocs_tip(articles)
    assert "`BLOCS = ('kremlin', 'intl')` reverses" in tip and "`BLOCS = ('intl', 'ua')` compares intl with ua" in tip
    assert "western" not in tip and "empty" not in tip  # (a bloc without text cannot be compared)
    assert stats.blocs_tip(articles, ("ua", "kremlin")).count("`BLOCS = ('kremlin', 'ua')`") == 1
    assert "fewer than two blocs" in stats.blocs_tip(articles[articles["bloc"] == "intl"])
