"""Validation of the sentiment scores: Krippendorff's alpha against Krippendorff's published
example and edge cases, the coding tool's pure functions (sampling, template, codes files), the
majority-class baseline and the bloc difference under codes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import coding, sentiment, stats
from analysis.stats.reliability import coincidences, krippendorff_alpha

NA = np.nan
#: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers
#: (rows A-D) coding 12 units (columns), missing codes as NaN. Published: nominal alpha 0.743,
#: ordinal 0.815.
KRIPPENDORFF_2011 = np.array([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
]).T  # units x coders


def test_alpha_on_krippendorffs_published_example() -> None:
    assert round(krippendorff_alpha(KRIPPENDORFF_2011), 3) == 0.743
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, "ordinal", values=[1, 2, 3, 4, 5]), 3) == 0.815
    o = coincidences(KRIPPENDORFF_2011)
    # the paper's coincidence matrix: n_c = 9, 13, 10, 5, 3 pairable values, n = 40
    assert o.sum(axis=1).tolist() == pytest.approx([9, 13, 10, 5, 3])
    assert o.loc[1.0, 1.0] == pytest.approx(7) and o.loc[1.0, 2.0] == pytest.approx(4 / 3)


def test_alpha_edge_cases() -> None:
    assert krippendorff_alpha([["a", "a"], ["b", "b"], ["c", "c"]]) == 1.0
    perfect = [["negative", "negative"], ["positive", "positive"], ["neutral", "neutral"]]
    assert krippendorff_alpha(perfect, "ordinal", values=coding.LABELS) == 1.0
    assert np.isnan(krippendorff_alpha([["a", "a", "a"]]))  # one unit, one value: no variation to agree on
    assert krippendorff_alpha([["a", "b"]]) == 0.0  # one unit, two values
    assert np.isnan(krippendorff_alpha([["a", None], ["b", None]]))  # no unit with two codes
    # a unit with a single code adds nothing: the same alpha with or without it
    with_single = [["a", "a"], ["b", "a"], ["b", "b"], ["c", None]]
    assert krippendorff_alpha(with_single) == pytest.approx(krippendorff_alpha(with_single[:3]))
    assert krippendorff_alpha([["a", "b"], ["b", "a"]]) < 0  # systematic disagreement
    with pytest.raises(ValueError, match="not among the values"):
        krippendorff_alpha([["a", "x"]], "ordinal", values=["a", "b"])
    with pytest.raises(ValueError, match="needs the values in order"):
        krippendorff_alpha([["a", "b"]], "ordinal")


def test_ordinal_alpha_counts_a_near_miss_less_than_a_far_one() -> None:
    near = [["negative", "neutral"], ["positive", "positive"], ["negative", "negative"], ["neutral", "neutral"]]
    far = [["negative", "positive"], ["positive", "positive"], ["negative", "negative"], ["neutral", "neutral"]]
    assert krippendorff_alpha(near, "nominal") == pytest.approx(krippendorff_alpha(far, "nominal"))
    assert krippendorff_alpha(near, "ordinal", coding.LABELS) > krippendorff_alpha(far, "ordinal", coding.LABELS)


def _sentences(n: int = 30) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i % 3}" for i in range(n)], "sentence_id": list(range(n)),
                         "text": [f"Sentence {i}." for i in range(n)], "compound": np.linspace(-1, 1, n),
                         "bloc": ["r"] * n})


def test_sampling_is_deterministic_and_blind_to_scores(tmp_path: Path) -> None:
    frame = _sentences()
    first = coding.sample_sentences(frame, 10, seed=7)
    assert first.equals(coding.sample_sentences(frame.iloc[::-1], 10, seed=7))  # row order does not matter
    assert not first.equals(coding.sample_sentences(frame, 10, seed=8))
    assert list(first.columns) == ["article_id", "sentence_id", "text"] and first["sentence_id"].is_unique
    assert len(coding.sample_sentences(frame, 100, seed=7)) == len(frame)
    path = coding.write_codes(coding.template(first), tmp_path / "codes.csv")
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header == "article_id,sentence_id,text,label"
    assert not any(str(v) in path.read_text(encoding="utf-8") for v in frame["compound"].round(3) if v != 0)
    codes = coding.read_codes(path)
    assert codes["label"].isna().all() and coding.next_uncoded(codes) == 0


def test_sampling_within_the_reference_coded_sentences() -> None:
    frame = _sentences()
    within = frame.iloc[[2, 5, 9]][["article_id", "sentence_id", "text"]]
    assert set(coding.sample_sentences(frame, 10, seed=1, within=within)["sentence_id"]) == {2, 5, 9}
    other = within.assign(text="Changed since coding.")
    assert len(coding.sample_sentences(frame, 10, seed=1, within=other)) == 10  # no match: every sentence


def test_codes_are_recorded_and_resumed(tmp_path: Path) -> None:
    frame = _sentences(5)
    tool = coding.coding_tool(frame, tmp_path, n=3, seed=0, widgets=False)
    path = tmp_path / coding.CODES_FILE
    assert path.is_file() and str(path) in tool._repr_mimebundle_()["text/plain"]
    codes = coding.record(coding.read_codes(path), 0, "positive")
    coding.write_codes(codes, path)
    coding.coding_tool(frame, tmp_path, n=3, seed=99, widgets=False)  # resumes: the file is kept
    again = coding.read_codes(path)
    assert again["label"].tolist()[0] == "positive" and coding.next_uncoded(again) == 1
    with pytest.raises(ValueError, match="unknown label"):
        coding.record(again, 1, "angry")
    assert "CODING_FOLDER" in coding.coding_tool(frame, None)._repr_mimebundle_()["text/markdown"]


def test_a_codes_file_with_bad_labels_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("article_id,sentence_id,text,label\na,1,One.,Positive \na,2,Two.,angry\na,3,Three.,\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"1 unknown label\(s\) \(row 2: 'angry'\); use one of negative"):
        coding.read_codes(path)
    path.write_text("article_id,sentence_id,text,label\na,1,One.,Positive \na,3,Three.,\n", encoding="utf-8")
    assert coding.read_codes(path)["label"].tolist()[0] == "positive"
    path.write_text("article_id,sentence_id,code\na,1,positive\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        coding.read_codes(path)


def test_majority_baseline() -> None:
    assert sentiment.majority_baseline(pd.Series(["negative"] * 5 + ["neutral"] * 3 + ["positive"] * 3)) == (
        "negative", pytest.approx(5 / 11))
    assert sentiment.majority_baseline(pd.Series(["positive", "neutral", None])) == ("neutral", 0.5)  # tie: order
    scores = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [1, 2, 3, 4], **{
        c: [0.6, -0.5, 0.0, 0.3] for c in sentiment.METHODS.values()}})
    gold = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [1, 2, 3, 4],
                         "label": ["negative", "negative", "negative", "neutral"]})
    table = sentiment.validation_metrics(scores, gold).set_index("method")
    assert (table["baseline_accuracy"] == 0.75).all()
    assert table.loc["VADER", "accuracy"] == 0.25 and table.loc["VADER", "above_baseline"] == -0.5


def _coded_toy() -> pd.DataFrame:
    """Two blocs, five articles: r1, r2 (bloc r), w1, w2, w3 (bloc w)."""
    rows = [("r", "r1", "positive", 0.5), ("r", "r1", "neutral", 0.0), ("r", "r2", "negative", -0.2),
            ("w", "w1", "negative", -0.6), ("w", "w1", "negative", -0.1), ("w", "w1", "neutral", 0.3),
            ("w", "w2", "positive", 0.4), ("w", "w3", "neutral", 0.01), ("x", "x1", "positive", 0.9)]
    frame = pd.DataFrame(rows, columns=["bloc", "article_id", sentiment.REFERENCE, "compound"])
    frame["sentence_id"] = range(len(frame))
    for column in sentiment.METHODS.values():
        frame[column] = frame["compound"]
    frame["polarity_textblob"] = -frame["compound"]  # a method that reverses the bloc difference
    return frame


def test_bloc_difference_under_codes_is_the_mean_of_article_means() -> None:
    table = sentiment.bloc_difference_under(_coded_toy(), "r", "w").set_index(["measure", "scale"])
    # codes as -1/0/+1: r1 (1 + 0) / 2 = 0.5, r2 -1 -> r = -0.25; w1 -2/3, w2 1, w3 0 -> w = 1/9
    codes = table.loc[(sentiment.REFERENCE, "code -1/0/+1")]
    assert codes["difference"] == pytest.approx(-0.25 - 1 / 9)
    assert codes["n_articles_a"] == 2 and codes["n_articles_b"] == 3 and codes["n_sentences"] == 8
    # 2 against 3 articles, below the library's minimum per bloc: no p-value, and no relabelling drawn, so
    # neither "exact" nor a count of relabellings applies (missing, not True and 0)
    assert table["n_relabellings"].isna().all() and table["exact"].isna().all()
    assert stats.MIN_ARTICLES_FOR_INTERVAL > 2 and table["p_value"].isna().all() and table["min_p"].isna().all()
    # VADER score: r1 0.25, r2 -0.2 -> 0.025; w1 -0.4/3, w2 0.4, w3 0.01 -> (0.41 - 0.4/3) / 3
    vader = table.loc[("VADER", "score")]
    assert vader["difference"] == pytest.approx(0.025 - (0.41 - 0.4 / 3) / 3)
    # VADER labels (±0.05): r1 (1 + 0) / 2, r2 -1; w1 (-1 - 1 + 1) / 3, w2 1, w3 0
    labels = table.loc[("VADER", "label -1/0/+1 (±0.05)")]
    assert labels["difference"] == pytest.approx(-0.25 - (-1 / 3 + 1) / 3)
    assert vader["same_sign_as_codes"] and labels["same_sign_as_codes"]
    assert table.loc[("TextBlob", "score"), "difference"] == pytest.approx(-vader["difference"])
    assert not table.loc[("TextBlob", "score"), "same_sign_as_codes"]
    text = sentiment.bloc_under_text(table.reset_index())
    assert "6 of the 8 method measures give the same sign, not TextBlob (score), TextBlob (label" in text
    assert "(2 against 3 articles: too few articles for a p-value" in text and "p =" not in text


def test_bloc_difference_under_codes_tests_where_each_bloc_has_the_minimum_articles() -> None:
    table = sentiment.bloc_difference_under(_coded_toy(), "r", "w", min_articles=2)
    expected = stats.permutation_test([0.5, -1.0, -2 / 3, 1.0, 0.0], ["r", "r", "w", "w", "w"], "r", "w",
                                      min_articles=2)
    assert table["p_value"].iloc[0] == pytest.approx(expected["p_value"]) and table["p_value"].notna().all()
    assert (table["min_p"] == 0.1).all()
    assert table["exact"].all() and (table["n_relabellings"] == 10).all()  # (C(5, 2) = 10, every one)
    assert f"p = {expected['p_value']:.2g}, 2 against 3 articles" in sentiment.bloc_under_text(table)


def test_agreement_and_confusion_of_methods_with_a_coder() -> None:
    coded = _coded_toy()
    confusion = sentiment.confusion(coded)
    assert confusion.loc["total", "total"] == len(coded)
    assert confusion.loc["negative", "negative"] == 3 and confusion.loc["neutral", "positive"] == 1
    table = sentiment.coder_agreement(coded).set_index("first")
    data = pd.DataFrame({"codes": coded[sentiment.REFERENCE],
                         "vader": sentiment.label(coded["compound"])})
    assert table.loc["VADER", "alpha_nominal"] == pytest.approx(krippendorff_alpha(data))
    assert table.loc["VADER", "n"] == len(coded)


def test_a_researchers_codes_join_the_reference_codes() -> None:
    frame = _sentences(6).assign(bloc=["r", "w"] * 3)
    gold = frame.iloc[:4][["article_id", "sentence_id", "text"]].assign(label=["negative", "neutral", "positive",
                                                                              "neutral"])
    mine = frame.iloc[2:6][["article_id", "sentence_id", "text"]].assign(label=["positive", "neutral", pd.NA,
                                                                              "negative"])
    coded = sentiment.coded_sentences(frame, {sentiment.REFERENCE: gold, "researcher": mine})
    assert len(coded) == 5 and coded["researcher"].notna().sum() == 3  # an empty label is not a code
    table = sentiment.coder_agreement(coded, [sentiment.REFERENCE, "researcher"])
    first = table.iloc[0]
    assert (first["first"], first["second"], first["n"]) == (sentiment.REFERENCE, "researcher", 2)
    assert first["alpha_nominal"] == 1.0
    assert "cover 4 sentences" in sentiment.coverage_text(coded, [sentiment.REFERENCE])


def test_codes_for_another_corpus_match_nothing_and_say_so() -> None:
    frame = _sentences(4)
    gold = pd.DataFrame({"article_id": ["zz"], "sentence_id": [1], "label": ["neutral"], "text": ["Elsewhere."]})
    coded = sentiment.coded_sentences(frame, {sentiment.REFERENCE: gold})
    assert coded.empty
    assert "match no sentence of this corpus" in sentiment.coverage_text(coded)
    under = sentiment.bloc_difference_under(coded, "r", "w")
    assert under["n_sentences"].eq(0).all() and "no coded sentence" in sentiment.bloc_under_text(under)
    assert "No method can be compared" in sentiment.accuracy_text(sentiment.validate(frame, gold))
    assert sentiment.coder_agreement(coded)["alpha_nominal"].isna().all()
    assert sentiment.confusion(coded).loc["total", "total"] == 0


def test_the_validity_text_gives_accuracy_against_the_baseline_and_alpha_against_krippendorffs_levels() -> None:
    metrics = pd.DataFrame({"method": ["VADER", "baseline: always 'negative'"], "n": [8, 8],
                            "accuracy": [0.625, 0.5], "baseline_accuracy": [0.5, 0.5]})
    agreement = pd.DataFrame({"first": ["VADER"], "second": [sentiment.REFERENCE], "n": [8], "alpha_nominal": [0.3]})
    text = sentiment.validity_text(metrics, agreement)
    assert "on 8 sentences with machine reference codes (made by a machine, not by an independent human coder)" in text
    assert "right for 62.5% of them, against 50.0% for answering 'negative' every time" in text
    assert "alpha with the codes is 0.30, below the 0.667" in text
    assert "tentative conclusions (Krippendorff's 0.667), not for firm" in sentiment.validity_text(
        metrics, agreement.assign(alpha_nominal=0.7))
    assert "above Krippendorff's 0.8" in sentiment.validity_text(metrics, agreement.assign(alpha_nominal=0.85))
    assert "not measured on this corpus" in sentiment.validity_text(metrics.assign(n=0), agreement)
    coded = pd.DataFrame({"article_id": ["a", "a", "b"]})
    assert ("independent human coder, all sentences, own and quoted, of the 2 articles the codes cover) its labels"
            in sentiment.validity_text(metrics, agreement, coded))
