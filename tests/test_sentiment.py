"""Sentiment: faithful VADER scores, correct aggregation, actor matching, the neutral variant."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment, stats
from analysis import terms as framing_terms
from analysis.stats import bootstrap

REFERENCE = SentimentIntensityAnalyzer()
SENTENCES = [
    "No progress.",
    "There is no peace without justice.",
    "The plan is good, but the execution was terrible.",
    "The talks were not good at all.",
    "Russia is VERY ready for talks!!!",
    "Lavrov said the West is hostile 😡 and the war goes on.",
    "Kremlin spokesman Dmitry Peskov spoke on Thursday.",
]


def _frame(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"] * len(texts), "sentence_id": range(1, len(texts) + 1), "text": texts})


def test_scores_equal_the_reference_implementation() -> None:
    scores = sentiment.score_sentences(_frame(SENTENCES), neutral_terms=[])
    for text, row in zip(SENTENCES, scores.itertuples()):
        expected = REFERENCE.polarity_scores(text)
        assert (row.neg, row.neu, row.pos, row.compound) == (expected["neg"], expected["neu"], expected["pos"], expected["compound"])


def test_negation_and_but_rules_of_the_reference() -> None:
    assert REFERENCE.polarity_scores("No progress.")["compound"] == pytest.approx(-0.3252)
    scores = sentiment.score_sentences(_frame(["No progress."]))
    assert scores.loc[0, "compound"] == pytest.approx(-0.3252)
    assert scores.loc[0, "compound_nltk"] > 0  # NLTK's port misses the "no" negation
    valences = dict(sentiment.word_valences("The plan is good, but the execution was terrible."))
    lexicon = REFERENCE.lexicon
    assert valences["good"] == pytest.approx(lexicon["good"] * 0.5)  # before "but": halved
    assert valences["terrible"] == pytest.approx(lexicon["terrible"] * 1.5)  # after "but": 1.5x


@pytest.mark.parametrize("text", SENTENCES)
def test_word_valences_reproduce_the_sentence_score(text: str) -> None:
    valences = [v for _, v in sentiment.word_valences(text)]
    assert REFERENCE.score_valence(valences, text)["compound"] == REFERENCE.polarity_scores(text)["compound"]


def test_neutral_list_really_zeroes_its_words() -> None:
    neutral = sentiment.load_neutral_terms()
    assert {"peace", "war", "talks", "justice", "ceasefire"} <= neutral
    scores = sentiment.score_sentences(_frame(["Peace.", "War.", "The war killed thousands."]))
    assert list(scores["compound"][:2]) == [pytest.approx(0.5423), pytest.approx(-0.5994)]
    assert list(scores["compound_neutral"][:2]) == [0.0, 0.0]
    assert scores.loc[2, "compound_neutral"] < 0  # "killed" keeps its score
    zeroed = dict(sentiment.word_valences("The war killed thousands.", sentiment.analyzer(neutral)))
    assert zeroed["war"] == 0 and zeroed["killed"] < 0


def test_special_military_operation_scores_zero_in_the_topic_neutral_variant() -> None:
    # "special" (+1.7 in VADER's lexicon) is the only scored word of the Russian term for the war,
    # and of "special envoy": topic vocabulary, not praise.
    assert "special" in sentiment.load_neutral_terms()
    texts = ["The special military operation continues.", "The special envoy arrived."]
    scores = sentiment.score_sentences(_frame(texts))
    assert all(scores["compound"] > 0.3)
    assert list(scores["compound_neutral"]) == [0.0, 0.0]


def test_disagreements_name_the_negation_rule() -> None:
    frame = _frame(["No progress.", "The war is terrible."])
    table = sentiment.disagreements(frame.merge(sentiment.score_sentences(frame)))
    assert table["text"].tolist() == ["No progress."] and table["likely_rule"].tolist() == ["negation"]
    quoted = _frame(['He wants to "establish justice".'])
    table = sentiment.disagreements(quoted.merge(sentiment.score_sentences(quoted)))
    assert table["likely_rule"].tolist() == ["punctuation glued to a lexicon word"]


def test_bootstrap_interval_on_known_data() -> None:
    assert sentiment.bootstrap_mean_ci([0.3] * 20) == (pytest.approx(0.3), pytest.approx(0.3), pytest.approx(0.3))
    rng = np.random.default_rng(1)
    sample = rng.normal(0.2, 1.0, size=400)
    mean, low, high = sentiment.bootstrap_mean_ci(sample, seed=3)
    assert mean == pytest.approx(sample.mean())
    half = 1.96 * sample.std(ddof=1) / np.sqrt(sample.size)  # the normal-theory interval
    assert low == pytest.approx(mean - half, abs=0.02) and high == pytest.approx(mean + half, abs=0.02)
    assert sentiment.bootstrap_mean_ci([1.0, 2.0], seed=5) == sentiment.bootstrap_mean_ci([1.0, 2.0], seed=5)


def test_bloc_statistics_are_re_exported_from_stats() -> None:
    """Notebooks call the bloc statistics as `sentiment.*`; they are the functions `analysis.stats` holds."""
    for name in ("bootstrap_mean_ci", "aggregate", "bloc_summary", "bloc_difference", "leave_one_outlet_out"):
        assert getattr(sentiment, name) is getattr(stats, name)


def _blocs() -> pd.DataFrame:
    # bloc r: article r1 has 1 sentence (0.8), r2 has 3 (0.2): sentence mean 0.35, article mean 0.5
    rows = [("r", "R1", "r1", 0.8), *[("r", "R2", "r2", 0.2)] * 3, *[("w", "W1", "w1", -0.1)] * 2,
            *[("w", "W2", "w2", -0.3)] * 2]
    frame = pd.DataFrame(rows, columns=["bloc", "outlet", "article_id", "compound"])
    frame["sentence_id"] = range(1, len(frame) + 1)
    return frame


def test_bloc_means_are_means_of_article_means() -> None:
    summary = sentiment.bloc_summary(_blocs(), n_boot=500, min_articles=2).set_index("bloc")
    assert summary.loc["r", "mean"] == pytest.approx(0.5)
    assert summary.loc["w", "mean"] == pytest.approx(-0.2)
    assert (summary["n_articles"] == 2).all()
    # resampling 2 article means (0.8, 0.2) spans [0.2, 0.8]; the expanded interval widens it about the
    # mean by sqrt(2 / 1) t_1 / z (two articles say next to nothing: the default asks for 5)
    factor = np.sqrt(2) * 12.7062047 / 1.9599640
    assert summary.loc["r", "ci_low"] == pytest.approx(0.5 - 0.3 * factor)
    assert summary.loc["r", "ci_high"] == pytest.approx(0.5 + 0.3 * factor)


def test_bloc_difference_and_effect_size() -> None:
    frame = _blocs()
    result = sentiment.bloc_difference(frame, "r", "w", n_boot=500, min_articles=2)
    assert result["difference"] == pytest.approx(0.7)
    assert result["ci_low"] <= 0.7 <= result["ci_high"]
    # article means r: 0.8, 0.2 (variance 0.18); w: -0.1, -0.3 (variance 0.02); pooled over 1 + 1 df
    assert result["d_articles"] == pytest.approx(0.7 / np.sqrt((0.18 + 0.02) / 2))
    assert "cohens_d" not in result  # the sentence-level d (sentences as independent) is gone
    assert "d = 2.21: the gap over the pooled standard deviation of the article means" in sentiment.difference_text(result)
    one = sentiment.bloc_difference(frame[frame.article_id != "r1"], "r", "w", n_boot=100, min_articles=2)
    assert np.isnan(one["d_articles"])  # one article in r: no spread of article means
    assert "No standardised difference: it needs at least 2 articles" in sentiment.difference_text(one)


def test_leave_one_outlet_out() -> None:
    table = sentiment.leave_one_outlet_out(_blocs(), "r", "w").set_index("left_out")
    assert table.loc["(none)", "difference"] == pytest.approx(0.7)
    assert table.loc["R1", "difference"] == pytest.approx(0.2 - (-0.2))
    assert table.loc["W2", "difference"] == pytest.approx(0.5 - (-0.1))
    assert table["same_sign"].all()


def test_aggregate_per_group() -> None:
    table = sentiment.aggregate(_blocs(), ["article_id"], n_boot=200).set_index("article_id")
    assert table.loc["r2", "mean"] == pytest.approx(0.2) and table.loc["r2", "n_sentences"] == 3


def test_intervals_over_an_articles_sentences_are_widened_for_short_articles() -> None:
    """Articles of 5 sentences drawn around a true mean of 0: the plain percentile interval over them
    covers 0 in about 83% of articles, too rarely for a 95% interval; widened as the bloc intervals
    are (`bootstrap._expanded`), about 95%. The widening is about the article's mean, by the
    factor for its number of sentences (1.58 for 5, 1.02 for 100)."""
    rng = np.random.default_rng(3)
    n, size = 400, 5
    frame = pd.DataFrame({"article_id": np.repeat(np.arange(n), size), "compound": rng.normal(0, 1, n * size)})
    widened = sentiment.aggregate(frame, ["article_id"], n_boot=1000, seed=1)
    plain = sentiment.aggregate(frame, ["article_id"], n_boot=1000, seed=1, expanded=False)
    covered = lambda t: float(((t["ci_low"] <= 0) & (t["ci_high"] >= 0)).mean())  # noqa: E731
    assert covered(plain) < 0.9 <= 0.92 <= covered(widened)
    ratio = (widened["ci_high"] - widened["ci_low"]) / (plain["ci_high"] - plain["ci_low"])
    assert np.allclose(ratio, bootstrap._expansion(size))
    assert np.allclose((widened["ci_low"] + widened["ci_high"]) / 2 - widened["mean"],
                       ((plain["ci_low"] + plain["ci_high"]) / 2 - plain["mean"]) * bootstrap._expansion(size))
    long = pd.DataFrame({"article_id": np.repeat(np.arange(3), 100), "compound": rng.normal(0, 1, 300)})
    ratio = sentiment.aggregate(long, ["article_id"], n_boot=500).eval("ci_high - ci_low") / \
        sentiment.aggregate(long, ["article_id"], n_boot=500, expanded=False).eval("ci_high - ci_low")
    assert np.allclose(ratio, bootstrap._expansion(100)) and (ratio < 1.03).all()


def test_article_table_lists_every_article_of_a_small_corpus_and_the_extremes_of_a_large_one() -> None:
    """Up to the limit, every article's sentence count, mean and standard deviation by bloc, outlet and article
    (no interval: its sentences are not independent draws); above, the articles of lowest and highest mean
    tone, each row equal to the full table's."""
    rng = np.random.default_rng(3)
    n = 30
    frame = pd.DataFrame({"article_id": np.repeat([f"a{i:02d}" for i in range(n)], 4),
                          "outlet": np.repeat([f"O{i % 7}" for i in range(n)], 4),
                          "bloc": np.repeat(["russian", "western"] * (n // 2), 4),
                          "compound": rng.uniform(-1, 1, 4 * n)})
    full, note = sentiment.article_table(frame, limit=40)
    assert list(full.columns) == ["bloc", "outlet", "article_id", "n_sentences", "mean", "sd"]
    one = frame[frame["article_id"] == "a07"]["compound"]
    row = full.set_index("article_id").loc["a07"]
    assert row["n_sentences"] == 4 and row["mean"] == pytest.approx(one.mean()) and row["sd"] == pytest.approx(one.std())
    assert full[["bloc", "outlet", "article_id"]].equals(
        full[["bloc", "outlet", "article_id"]].sort_values(["bloc", "outlet", "article_id"]))
    assert note.startswith("All 30 articles, each with the standard deviation") and "not an interval" in note
    table, note = sentiment.article_table(frame, limit=6)
    ranked = full.sort_values("mean", kind="stable")
    assert table["article_id"].tolist() == [*ranked["article_id"].head(3), *ranked["article_id"].tail(3)]  # lowest first
    assert table["listed"].tolist() == ["lowest"] * 3 + ["highest"] * 3
    pd.testing.assert_frame_equal(table.drop(columns="listed"),
                                  full.set_index("article_id").loc[table["article_id"]].reset_index()[list(full.columns)])
    assert note.startswith("30 articles: the table lists the 3 with the lowest and the 3 with the highest mean tone")
    # ties: the first ones in the table's order (bloc, outlet, article)
    flat = frame.assign(compound=0.0)
    table, _ = sentiment.article_table(flat, limit=4)
    first, _ = sentiment.article_table(flat)
    assert table["article_id"].tolist() == first["article_id"].iloc[[0, 1, -2, -1]].tolist()
    # an article of one sentence: its mean, no spread
    single = pd.concat([frame[frame["article_id"] == "a00"].head(1), frame[frame["article_id"] != "a00"]])
    table, _ = sentiment.article_table(single, limit=40)
    row = table[table["article_id"] == "a00"].iloc[0]
    assert row["n_sentences"] == 1 and np.isnan(row["sd"]) and not np.isnan(row["mean"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kievan Rus was a medieval state.", set()),
        ("Kiev said no.", {"Ukraine"}),
        ("Zelenskyy's office and Zelensky himself", {"Ukraine"}),
        ("Putinism is an ideology.", set()),
        ("He told us the truth.", set()),
        ("The U.S. and the US Senate", {"United States"}),
        ("Moscow's demands and NATO's answer", {"Russia", "West"}),
        ("the Kremlin-backed media", {"Russia"}),
        ("anti-Kremlin protests", {"Russia"}),
        ("pro-Russian separatists", set()),
    ],
)
def test_actor_matching_handles_variants_and_boundaries(text: str, expected: set[str]) -> None:
    mentions = sentiment.actor_mentions(_frame([text]))
    assert set(mentions["actor"]) == expected


def test_actor_mentions_count_every_hit_per_group_and_keep_their_columns_when_none() -> None:
    text = "Moscow and the Kremlin said Russia would answer; Kyiv and Washington waited."
    mentions = sentiment.actor_mentions(_frame([text, "Nothing here."]))
    matchers = {g: framing_terms.TermMatcher(t) for g, t in sentiment.load_actors().groupby("group")["term"]}
    expected = {g: sum(m.count(text).values()) for g, m in matchers.items() if m.count(text)}
    assert dict(zip(mentions["actor"], mentions["n_mentions"])) == expected and expected["Russia"] == 3
    assert mentions["sentence_id"].tolist() == [1] * len(expected) and mentions["n_mentions"].dtype == "int64"
    none = sentiment.actor_mentions(_frame(["Nothing here."]))
    assert none.empty and list(none.columns) == ["article_id", "sentence_id", "actor", "n_mentions"]


def test_actor_mentions_are_the_same_taken_a_few_sentences_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis import schema
    from analysis.sentiment import actors

    texts = ["Moscow and Kyiv.", "Nothing here.", "The Kremlin said so.", "NATO and Washington.", "Nor here.", "Kyiv."]
    whole = sentiment.actor_mentions(_frame(texts))
    monkeypatch.setattr(schema, "ROW_BLOCK", 2)
    pd.testing.assert_frame_equal(sentiment.actor_mentions(_frame(texts)), whole)
    assert whole["sentence_id"].tolist()[-1] == 6 and len(whole) >= 5
    typed = _frame(texts).astype({"article_id": "string"})  # (as sentence_frame reads them)
    mentions = sentiment.actor_mentions(typed)
    assert mentions["article_id"].dtype == typed["article_id"].dtype  # (so that the merge below keeps it, not objects)
    scored = actors._scored(mentions, typed.assign(bloc="b", compound=0.5), "compound")
    assert scored["article_id"].dtype == typed["article_id"].dtype and len(scored) == len(mentions)


def test_a_listed_derived_form_is_matched() -> None:
    actors = pd.concat([sentiment.load_actors(), pd.DataFrame({"group": ["Russia"], "term": ["Putinism"]})])
    assert set(sentiment.actor_mentions(_frame(["Putinism is an ideology."]), actors)["actor"]) == {"Russia"}


def test_actor_file_errors(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "actors.csv"
    bad.write_text("actor,word\nRussia,Moscow\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected the header group,term"):
        sentiment.load_actors(bad)


def test_validation_metrics_on_constructed_codes() -> None:
    scores = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [1, 2, 3, 4],
                           "compound": [0.6, -0.5, 0.0, 0.3], "compound_neutral": [0.6, -0.5, 0.0, 0.3],
                           "compound_nltk": [0.6, -0.5, 0.0, 0.3], "polarity_textblob": [-0.6, 0.5, 0.0, 0.0]})
    gold = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [1, 2, 3, 4],
                         "label": ["positive", "negative", "neutral", "neutral"]})
    table = sentiment.validation_metrics(scores, gold).set_index("method")
    assert table.loc["VADER", "accuracy"] == pytest.approx(0.75)
    assert table.loc["TextBlob", "accuracy"] == pytest.approx(0.5)
    assert table.loc["VADER", "spearman"] > 0 > table.loc["TextBlob", "spearman"]
    assert table.loc["baseline: always 'neutral'", "accuracy"] == pytest.approx(0.5)


def test_extreme_sentences_per_bloc() -> None:
    frame = _blocs().assign(text=lambda f: "s" + f["sentence_id"].astype(str))
    table = sentiment.extreme_sentences(frame, n=1)
    assert table[["bloc", "end", "compound"]].values.tolist() == [
        ["r", "most negative", 0.2], ["r", "most positive", 0.8],
        ["w", "most negative", -0.3], ["w", "most positive", -0.1]]
    # (rows are taken by position: a frame whose index repeats, as pd.concat leaves it, gives the same rows)
    repeated = frame.set_axis([0] * len(frame))
    pd.testing.assert_frame_equal(sentiment.extreme_sentences(repeated, n=1), table)
    assert table["text"].tolist() == ["s2", "s1", "s7", "s6"]  # (ties: the later sentence is the more positive end)
    assert "voice" not in table  # (a frame without voices)
    voiced = sentiment.extreme_sentences(frame.assign(voice=np.where(frame["sentence_id"] % 2 == 0, "quote", "narration")),
                                         n=1)
    # whose words each extreme sentence is: s2 and s6 are quotes, s1 and s7 narration
    assert voiced["voice"].tolist() == ["quote", "narration", "narration", "quote"]
    assert list(voiced.columns).index("voice") == list(voiced.columns).index("text") - 1
    # a sentence several articles print (wire copy) is listed once: the next distinct one takes its place
    copied = frame.assign(text=lambda f: np.where(f["sentence_id"].isin([2, 3]), "The same  WIRE sentence.", f["text"]))
    listed = sentiment.extreme_sentences(copied, n=2)
    r_negative = listed[(listed["bloc"] == "r") & (listed["end"] == "most negative")]["text"].tolist()
    assert r_negative == ["The same  WIRE sentence.", "s4"]  # (s2 and s3, the two lowest, print one text)


def test_gold_codes_match_the_current_sentences() -> None:
    """The hand codes stand for these exact sentences; a segmentation change must be re-coded."""
    from pathlib import Path

    processed = Path(__file__).resolve().parents[1] / "data" / "processed"
    sentences = pd.read_parquet(processed / "sentences.parquet")
    gold = sentiment.load_gold()
    assert len(gold) >= 150
    merged = gold.merge(sentences, on=["article_id", "sentence_id"], suffixes=("", "_now"))
    assert len(merged) == len(gold) and (merged["text"] == merged["text_now"]).all()
    assert set(gold["label"]) == {"negative", "neutral", "positive"}


def test_validation_skips_codes_for_other_sentences() -> None:
    frame = _frame(["A different sentence entirely."]).assign(**{c: 0.0 for c in sentiment.SCORE_COLUMNS})
    gold = pd.DataFrame({"article_id": ["a"], "sentence_id": [1], "label": ["neutral"], "text": ["The coded sentence."]})
    table = sentiment.validate(frame, gold)
    assert (table["n"] == 0).all() and table["accuracy"].isna().all()


def test_no_bloc_interval_below_the_article_rule() -> None:
    summary = sentiment.bloc_summary(_blocs(), n_boot=200)  # two articles per bloc
    assert summary["ci_low"].isna().all() and summary["ci_high"].isna().all()
    assert summary["mean"].tolist() == pytest.approx([0.5, -0.2])
    result = sentiment.bloc_difference(_blocs(), "r", "w", n_boot=200)
    assert np.isnan(result["ci_low"]) and np.isnan(result["ci_high"])
    text = sentiment.difference_text(result)
    assert "No interval is shown" in text and "at least 5 articles in each bloc (here 2 and 2)" in text
    assert "interval: [" not in text


def test_bloc_difference_permutation_p_is_exact_over_articles() -> None:
    result = sentiment.bloc_difference(_blocs(), "r", "w", n_boot=200, min_articles=2)
    # article means r: 0.8, 0.2; w: -0.1, -0.3; 6 splits, |diff| 0.7 for the observed split and its mirror
    assert result["exact"] and result["n_relabellings"] == 6
    assert result["p_value"] == pytest.approx(2 / 6) and result["min_p"] == pytest.approx(2 / 6)
    text = sentiment.difference_text(result)
    assert "p = 0.333 (exact, over all 6 relabellings of the articles" in text and "0.700 higher than" in text


def test_no_p_value_for_a_bloc_difference_below_the_article_rule() -> None:
    result = sentiment.bloc_difference(_blocs(), "r", "w", n_boot=200)  # two articles per bloc
    assert np.isnan(result["p_value"]) and np.isnan(result["min_p"]) and result["n_relabellings"] == 0
    text = sentiment.difference_text(result)
    assert "0.700 higher than" in text and "p =" not in text and "relabellings of the articles" not in text
    assert f"No p-value: it needs at least {stats.MIN_ARTICLES_FOR_INTERVAL} articles in each bloc (here 2 and 2)" in text


def _many(n_r: int, n_w: int, n_u: int) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    rows = []
    for bloc, n, centre in (("r", n_r, 0.3), ("w", n_w, -0.1), ("u", n_u, 0.9)):
        for i in range(n):
            for s in range(4):
                rows.append((bloc, f"{bloc}{i % 3}", f"{bloc}{i}", centre + rng.normal(0, 0.1), s % 2 == 0))
    frame = pd.DataFrame(rows, columns=["bloc", "outlet", "article_id", "compound", "in_quote"])
    frame["sentence_id"] = range(1, len(frame) + 1)
    return frame


def test_bloc_difference_on_many_articles_samples_and_shows_the_interval() -> None:
    frame = _many(22, 20, 5)
    result = sentiment.bloc_difference(frame, "r", "w", n_boot=300, n_perm=500, seed=2)
    assert not result["exact"] and result["n_relabellings"] == 500
    assert result["p_value"] == pytest.approx(1 / 501)
    assert result["ci_low"] < result["difference"] < result["ci_high"]
    assert (result["n_articles_a"], result["n_articles_b"]) == (22, 20)  # the u bloc is left out
    text = sentiment.difference_text(result)
    assert "95% bootstrap interval over articles: [" in text and "from 500 random relabellings" in text
    summary = sentiment.bloc_summary(frame, n_boot=100)
    assert "uses 42 of the corpus's 47 articles (3 blocs)" in sentiment.tone_answer(summary, result)
    # the corpus counted from every sentence: an article with no sentence in the compared layer is still one of it
    layer = frame[frame["article_id"] != "u4"]
    answer = sentiment.tone_answer(sentiment.bloc_summary(layer, n_boot=100), result, sentences=frame)
    assert "uses 42 of the corpus's 47 articles" in answer
    missing = sentiment.bloc_difference(frame, "r", "x")  # (a bloc with no sentence here: nothing to compare)
    assert np.isnan(missing["difference"]) and missing["reason"] == "no sentences of x here: nothing to compare"


def test_leave_one_outlet_out_lists_only_the_compared_blocs_outlets() -> None:
    table = sentiment.leave_one_outlet_out(_many(6, 6, 5), "r", "w")
    assert table["left_out"].tolist() == ["(none)", "r0", "r1", "r2", "w0", "w1", "w2"]
    assert "keeps the sign" in sentiment.leave_one_outlet_out_text(table)


def test_quote_vs_narration_uses_article_means() -> None:
    frame = _blocs().assign(in_quote=[True, False, False, False, True, False, True, False])
    table = sentiment.quote_vs_narration(frame, n_boot=100).set_index(["bloc", "voice"])
    # r quoted: only r1's sentence (0.8); r narration: r2's three (0.2) -> mean of one article each
    assert table.loc[("r", "quote"), "mean"] == pytest.approx(0.8)
    assert table.loc[("w", "narration"), "mean"] == pytest.approx(-0.2)
    assert table.loc[("w", "narration"), "n_articles"] == 2 and table["ci_low"].isna().all()
    # with sentence voices (segment_paragraphs), reported speech is a voice of its own
    voiced = frame.assign(voice=["quote", "reported", "narration", "narration", "quote", "narration", "quote",
                                 "reported"])
    table = sentiment.quote_vs_narration(voiced, n_boot=100).set_index(["bloc", "voice"])
    assert {"quote", "reported", "narration"} <= set(table.index.get_level_values("voice"))
    assert set(sentiment.own_words(voiced)["voice"]) == {"narration", "reported"}
    texted = voiced.assign(text=[f"s{n}" for n in range(len(voiced))])
    whole, scores = sentiment.own_words(texted), sentiment.own_words(texted, text=False)
    assert "text" in whole and list(scores.columns) == [c for c in texted.columns if c != "text"]
    pd.testing.assert_frame_equal(scores, whole.drop(columns="text"))
    assert sentiment.own_words(frame, text=False).equals(sentiment.own_words(frame))  # (no text column: as it is)
    assert sentiment.own_mask(frame)[sentiment.own_mask(frame)].index.equals(sentiment.own_words(frame).index)


@pytest.mark.parametrize(("raw", "neutral", "expected"), [
    (0.2, 0.05, "so 75% of it is the topic's vocabulary"),
    (0.007, -0.029, "it changes sign"),
    (-0.1, -0.3, "it grows"),
    (-0.0011, -0.0006, "the same, so the topic's vocabulary does not move it"),  # (both -0.001 as printed)
    (-0.0004, 0.2, "too small at this precision"),  # (-0.000 as printed)
])
def test_topic_share_is_only_stated_when_it_means_something(raw: float, neutral: float, expected: str) -> None:
    text = sentiment.topic_share_text({"difference": raw}, {"difference": neutral})
    assert expected in text and "527%" not in text
    if "%" in text:  # (a share is a ratio of two estimates: said to be rough, with the neutral gap's own test)
        assert text.endswith("with no interval of its own, so read it as a rough share.")
        tested = sentiment.topic_share_text({"difference": raw}, {"difference": neutral, "ci_low": 0.01, "ci_high": 0.09,
                                                                  "p_value": 0.031})
        assert "; 95% interval [0.010, 0.090], p = 0.031 for the topic-neutral gap, so 75% of it" in tested


def test_leave_one_outlet_out_text_names_flips_and_whole_blocs() -> None:
    frame = pd.concat([_blocs(), pd.DataFrame({"bloc": ["u"], "outlet": ["U1"], "article_id": ["u1"], "compound": [0.6],
                                               "sentence_id": [99]})], ignore_index=True)
    table = sentiment.leave_one_outlet_out(frame, "u", "r")  # u 0.6 vs r mean(0.8, 0.2) = 0.5
    text = sentiment.leave_one_outlet_out_text(table)
    assert "flips the sign of the difference: R2. The sign of the bloc difference rests on it." in text
    assert "U1 is a whole bloc here" in text


def _bloc_of_articles(k: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 40, size=k)
    ids = np.repeat(np.arange(k), sizes)
    tone = rng.normal(0.1, 0.5, size=ids.size) + np.repeat(rng.normal(0, 0.2, size=k), sizes)
    return pd.DataFrame({"bloc": "x", "article_id": [f"a{i:06d}" for i in ids], "compound": tone})


def test_article_bootstrap_scales_and_its_large_sample_form_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the budget of resampled articles the resampled mean comes from its normal large-sample
    form: the same spread as resampling, and 20,000 articles (400,000 sentences) take seconds."""
    means = _bloc_of_articles(1000).groupby("article_id")["compound"].mean().to_numpy()
    exact = bootstrap._article_draws(means, 2000, np.random.default_rng(1))
    monkeypatch.setattr(bootstrap, "EXACT_BOOTSTRAP_BUDGET", 0)  # the module whose functions read it
    approx = bootstrap._article_draws(means, 2000, np.random.default_rng(1))
    assert abs(np.std(approx) / np.std(exact) - 1) < 0.1
    assert abs(np.mean(approx) - np.mean(exact)) < 0.2 * np.std(exact)
    assert abs(np.std(exact) / (means.std() / np.sqrt(means.size)) - 1) < 0.1  # the standard error of the mean
    monkeypatch.undo()
    big = _bloc_of_articles(20_000, seed=2)
    import time
    started = time.perf_counter()
    summary = sentiment.bloc_summary(big, n_boot=2000)
    assert time.perf_counter() - started < 60
    article_means = big.groupby("article_id")["compound"].mean()
    row = summary.iloc[0]
    assert row["n_articles"] == 20_000
    assert row["ci_low"] < article_means.mean() < row["ci_high"]
    assert row["ci_high"] - row["ci_low"] == pytest.approx(2 * 1.96 * article_means.std() / np.sqrt(20_000), rel=0.1)


def _per_draw_loop(means: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """The article bootstrap one draw at a time."""
    return np.array([means[rng.integers(0, means.size, size=means.size)].mean() for _ in range(n_boot)])


def test_article_bootstrap_in_batches_draws_as_the_loop_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draws in batches have the distribution of one draw at a time, whatever the batch size; a
    batch of one draw is the loop's own stream; the same seed gives the same draws."""
    rng = np.random.default_rng(7)
    means = rng.normal(0, 0.3, size=30)
    loop = _per_draw_loop(means, 6000, np.random.default_rng(1))
    for batch in (1, 500, 10**6):
        monkeypatch.setattr(bootstrap, "_BATCH_VALUES", batch)
        batched = bootstrap._article_draws(means, 6000, np.random.default_rng(2))
        assert abs(np.std(batched) / np.std(loop) - 1) < 0.06, batch
        assert abs(np.mean(batched) - np.mean(loop)) < 0.1 * np.std(loop), batch
        assert abs(np.quantile(batched, 0.025) - np.quantile(loop, 0.025)) < 0.15 * np.std(loop), batch
    again = bootstrap._article_draws(means, 6000, np.random.default_rng(2))
    np.testing.assert_array_equal(again, batched)
    monkeypatch.setattr(bootstrap, "_BATCH_VALUES", 1)  # a batch of one draw: the loop's own stream
    np.testing.assert_array_equal(bootstrap._article_draws(means, 50, np.random.default_rng(3)),
                                  _per_draw_loop(means, 50, np.random.default_rng(3)))


def test_bloc_intervals_count_the_noise_of_sentences_once() -> None:
    """Two blocs whose articles have the same means, one with every sentence at its article's mean
    and one with widely scattered sentences: the same intervals. The sentences' noise is already
    in each article's mean; the two-level bootstrap counted it again (it gave the scattered bloc a
    wider interval, and this test failed)."""
    rng = np.random.default_rng(11)
    article_means = rng.normal(0.1, 0.2, size=12)
    rows = []
    for bloc, spread in (("flat", 0.0), ("scattered", 0.6)):
        for i, mean in enumerate(article_means):
            noise = rng.normal(0, spread, size=8)
            for n, value in enumerate(mean + noise - noise.mean()):
                rows.append({"bloc": bloc, "article_id": f"a{i:02d}", "sentence_id": n, "compound": value})
    frame = pd.DataFrame(rows)
    flat = sentiment.bloc_summary(frame[frame["bloc"] == "flat"], n_boot=500, seed=3).iloc[0]
    scattered = sentiment.bloc_summary(frame[frame["bloc"] == "scattered"], n_boot=500, seed=3).iloc[0]
    assert (flat["ci_low"], flat["ci_high"]) == pytest.approx((scattered["ci_low"], scattered["ci_high"]), abs=1e-12)


def test_bloc_difference_intervals_cover_as_stated_when_articles_hardly_differ() -> None:
    """Simulated corpora of 20 against 20 articles of 10 sentences each, with no difference between
    articles beyond their sentences (as on the generated corpus): the 95% interval of the difference
    covers the true difference (0) in about 95% of 300 corpora. The two-level bootstrap covered it
    in 99% (an interval 1.4 times too wide), and this test failed."""
    rng = np.random.default_rng(2024)
    covered = []
    for run in range(300):
        blocs = np.repeat(["a", "b"], 200)
        articles = np.repeat([f"{b}{i:02d}" for b in "ab" for i in range(20)], 10)
        frame = pd.DataFrame({"bloc": blocs, "article_id": articles, "compound": rng.normal(0, 0.4, size=400)})
        result = stats.bloc_difference(frame, "a", "b", n_boot=400, seed=run, n_perm=50)
        covered.append(result["ci_low"] <= 0 <= result["ci_high"])
    assert 0.89 <= np.mean(covered) <= 0.975, np.mean(covered)


def test_intervals_on_few_articles_are_widened_to_cover_as_stated() -> None:
    """5 against 5 articles (the fewest that get an interval), normal article means, no true
    difference: the 95% interval covers 0 in at least 93% of 400 corpora (expanded percentile
    interval). The plain percentile interval of the article bootstrap covered 88%, and this test
    failed without the expansion."""
    rng = np.random.default_rng(99)
    covered = []
    for run in range(400):
        frame = pd.DataFrame({"bloc": np.repeat(["a", "b"], 5), "article_id": [f"x{i}" for i in range(10)],
                              "compound": rng.normal(0, 1, size=10)})
        result = stats.bloc_difference(frame, "a", "b", n_boot=400, seed=run, n_perm=20)
        covered.append(result["ci_low"] <= 0 <= result["ci_high"])
    assert 0.93 <= np.mean(covered) <= 0.995, np.mean(covered)


def test_the_expansion_fades_with_many_articles() -> None:
    means = np.random.default_rng(4).normal(0, 1, size=400)
    draws = bootstrap._article_draws(means, 2000, np.random.default_rng(5))
    widened = bootstrap._expanded(draws, means, 0.95)
    assert np.std(widened) / np.std(draws) == pytest.approx(1.0, abs=0.01)
    few = means[:5]
    assert np.std(bootstrap._expanded(draws, few, 0.95)) / np.std(draws) == pytest.approx(
        np.sqrt(5 / 4) * 2.7764451 / 1.9599640, rel=1e-6)


def test_tone_layer_change_sets_quoted_sentences_apart() -> None:
    frame = pd.DataFrame({
        "bloc": ["a", "a", "a", "b", "b"], "article_id": ["x", "x", "y", "z", "z"],
        "voice": ["narration", "quote", "narration", "reported", "quote"],
        "in_quote": [False, True, False, False, True], "compound": [0.2, -0.8, 0.4, 0.0, 0.6]})
    change = sentiment.tone_layer_change(frame).set_index("bloc")
    assert change.at["a", "all_sentences"] == pytest.approx(((0.2 - 0.8) / 2 + 0.4) / 2)
    assert change.at["a", "own_words"] == pytest.approx(0.3)
    assert change.at["b", "all_sentences"] == pytest.approx(0.3) and change.at["b", "own_words"] == 0
    text = sentiment.tone_layer_change_text(sentiment.tone_layer_change(frame), "a", "b")
    assert "a +0.050 → +0.300" in text and "-0.250 over all sentences and +0.300 over own words" in text


def test_word_contributions_read_a_sample_of_large_blocs() -> None:
    texts = ["A terrible, awful war.", "A good and hopeful peace."] * 30
    frame = pd.DataFrame({"bloc": ["a"] * 60 + ["b"] * 4, "text": texts + texts[:4]})
    full = sentiment.word_contributions(frame)
    part = sentiment.word_contributions(frame, max_sentences=20, seed=1)
    assert set(full.drop_duplicates("bloc")["sentences_read"]) == {60, 4}
    rows = part.drop_duplicates("bloc").set_index("bloc")
    assert rows.at["a", "sentences_read"] == 20 and rows.at["a", "sentences"] == 60
    assert rows.at["b", "sentences_read"] == 4
    assert sentiment.contributions_note(full) == "Every sentence of each bloc in the sentences counted is read."
    assert "each bloc in own words is read" in sentiment.contributions_note(full, layer="own words")
    assert sentiment.contributions_note(part) == "Read from a random sample of sentences: a 20 of 60."
    # the rows of a mask (the outlet's own words) read in place: the same table as on a copy of those rows
    voiced = frame.assign(voice=(["narration", "quote", "reported", "narration"] * 16),
                          text=[f"{t} Case {i}." for i, t in enumerate(frame["text"])])
    mask = sentiment.own_mask(voiced)
    for most in (20, 1_000):
        pd.testing.assert_frame_equal(sentiment.word_contributions(voiced, max_sentences=most, seed=3, within=mask),
                                      sentiment.word_contributions(sentiment.own_words(voiced), max_sentences=most, seed=3))
    assert sentiment.word_contributions(voiced, within=mask).drop_duplicates("bloc")["sentences"].tolist() == [45, 3]


def test_word_contributions_draw_the_rows_a_sample_of_each_bloc_draws_without_copying_every_text() -> None:
    """The rows read are drawn as positions: the same rows, in the same order, as each bloc's
    `DataFrame.sample(most, random_state=seed).sort_index()` (here on a shuffled index, blocs interleaved)."""
    from analysis.sentiment.words import _sampled_rows

    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"bloc": rng.choice(["b", "a", "c"], size=300, p=[0.5, 0.4, 0.1]),
                          "text": [f"sentence {n}" for n in range(300)]}, index=rng.permutation(1000)[:300])
    for most, seed in ((20, 1), (50, 7), (400, 0)):
        expected = pd.concat([g if len(g) <= most else g.sample(most, random_state=seed).sort_index()
                              for _, g in frame.groupby("bloc", sort=True)])
        assert frame.iloc[_sampled_rows(frame, most, seed)]["text"].tolist() == expected["text"].tolist()
    assert len(_sampled_rows(frame.iloc[:0], 20, 1)) == 0


def test_a_bloc_without_sentences_in_a_layer_is_reported_not_compared() -> None:
    """Own words of a bloc that only quotes (interview transcripts): no sentence of it in the frame. The
    difference is NaN with a reason, and every text built on it says there is nothing to compare
    instead of printing 'nan' or failing."""
    frame = pd.DataFrame({"bloc": ["russian"] * 6, "article_id": ["a", "a", "b", "b", "c", "c"],
                          "outlet": ["RT", "RT", "TASS", "TASS", "RT", "RT"],
                          "compound": [0.3, -0.1, 0.5, 0.0, 0.2, 0.4]})
    difference = stats.bloc_difference(frame, "russian", "western", n_boot=50, n_perm=100)
    assert np.isnan(difference["difference"]) and np.isnan(difference["p_value"]) and np.isnan(difference["ci_low"])
    assert (difference["n_articles_a"], difference["n_articles_b"]) == (3, 0)
    assert difference["reason"] == "no sentences of western here: nothing to compare"
    assert sentiment.difference_text(difference) == ("No tone difference: **russian** has 3 articles and **western** 0 "
                                                     "with sentences here (no sentences of western here: nothing to "
                                                     "compare).")
    texts = [sentiment.spread_text(frame, difference), sentiment.topic_share_text(difference, difference),
             sentiment.leave_one_outlet_out_text(stats.leave_one_outlet_out(frame, "russian", "western")),
             sentiment.tone_layer_change_text(pd.DataFrame({"bloc": ["russian", "western"], "all_sentences": [0.2, -0.1],
                                                            "own_words": [0.2, np.nan]}), "russian", "western")]
    assert all("nan" not in text for text in texts), texts
    assert texts[1].startswith("No gap to split") and texts[2].startswith("No difference to test by leaving out")
    assert texts[3].endswith("western -0.100 → none (no sentence). The gap russian − western is +0.300 over all "
                             "sentences and none over own words.")


def test_texts_of_a_comparison_between_two_outlets_or_without_spread() -> None:
    """Each bloc is one outlet: leaving an outlet out cannot be checked, and the text says so (it said 'any one of
    the 0 outlets keeps the sign'). Article means that do not vary (every sentence 0): no standardised difference
    for that reason, not for too few articles, and no '0.000 narrower than the 0.000 gap'."""
    frame = pd.DataFrame({"bloc": ["russian"] * 4 + ["western"] * 4, "article_id": list("aabbccdd"),
                          "outlet": ["RT"] * 4 + ["BBC"] * 4, "compound": [0.4, 0.2, 0.3, 0.1, -0.2, 0.0, -0.1, 0.1]})
    text = sentiment.leave_one_outlet_out_text(stats.leave_one_outlet_out(frame, "russian", "western"))
    assert text.startswith("Each outlet here accounts for a whole compared bloc (BBC, RT): leaving one out leaves nothing "
                           "to compare")
    # one author of every article in both blocs: not "a whole bloc", and not "a difference between 1 authors"
    by_one = frame.assign(author="Jane Example")
    text = sentiment.reporting.leave_one_group_out_text(stats.leave_one_group_out(by_one, "russian", "western", "author"),
                                                        "author")
    assert text == ("One author (Jane Example) accounts for every article of the compared blocs: leaving it out leaves "
                    "nothing to compare, so this check cannot be made.")
    flat = frame.assign(compound=0.0)
    difference = stats.bloc_difference(flat, "russian", "western", n_boot=50, n_perm=100)
    assert "No standardised difference: the article means do not vary within the blocs" in \
        sentiment.difference_text(difference)
    assert sentiment.spread_text(flat, difference) == "100% of sentences score within ±0.05 (neutral to VADER)."
    note = stats.comparison_note(frame.drop_duplicates("article_id"))
    assert "**russian** and **western** have a single outlet: what is compared is two outlets" in note


def test_difference_text_counts_articles_without_a_sentence_in_the_layer() -> None:
    # r3 has sentences, all quoted: the own-words difference leaves it out, and the text says so
    frame = pd.concat([_blocs(), pd.DataFrame({"bloc": ["r"] * 2, "outlet": ["R3"] * 2, "article_id": ["r3"] * 2,
                                               "compound": [0.9, 0.9], "sentence_id": [20, 21]})])
    frame["voice"] = np.where(frame["article_id"] == "r3", "quote", "narration")
    own = sentiment.own_words(frame)
    result = sentiment.bloc_difference(own, "r", "w", n_boot=200, min_articles=2)
    text = sentiment.difference_text(result, sentences=frame, layer="the outlet's own words")
    assert "**r** articles (2)" in text
    assert "(1 of 3 r articles has no sentence in the outlet's own words and is not counted here.)" in text
    assert "not counted" not in sentiment.difference_text(result, sentences=own)
    assert "not counted" not in sentiment.difference_text(result)


def test_sentence_frame_reads_its_tables_without_keeping_them() -> None:
    from analysis import outputs, paths

    tables = outputs.read_tables(paths.PROCESSED)
    whole = {name: tables[name] for name in ("sentences", "sentiment", "paragraphs", "articles")}
    fresh = outputs.read_tables(paths.PROCESSED)
    frame = sentiment.sentence_frame(fresh)
    pd.testing.assert_frame_equal(frame, sentiment.sentence_frame(whole))
    assert not {"sentences", "sentiment", "paragraphs"} & set(fresh._read)  # (read for the frame, not kept)
    scores = sentiment.sentence_frame(fresh, text=False)
    pd.testing.assert_frame_equal(scores, frame.drop(columns="text"))
    pd.testing.assert_frame_equal(sentiment.sentence_frame(whole, text=False), scores)


def test_columns_of_a_table_are_checked_against_the_manifest_and_taken_from_a_kept_copy(tmp_path) -> None:  # noqa: ANN001
    from analysis import outputs

    path = tmp_path / "t.parquet"
    pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}).to_parquet(path)
    tables = outputs.Tables({"t": (path, 2), "wrong": (path, 3)})
    assert tables.columns_of("t", drop=("a",)).to_dict("list") == {"b": ["x", "y"]}
    assert tables.columns_of("t", ["a"]).to_dict("list") == {"a": [1, 2]} and "t" not in tables._read
    with pytest.raises(outputs.IncompleteOutputError, match="3"):
        tables.columns_of("wrong", ["a"])
    tables["t"] = pd.DataFrame({"a": [5], "b": ["z"]})
    assert tables.columns_of("t", ["b"]).to_dict("list") == {"b": ["z"]}



def test_the_speech_verb_note_names_the_reporting_verbs_that_carry_valence() -> None:
    table = pd.DataFrame({"bloc": ["russian", "russian", "russian", "western"], "word": ["stressed", "war", "warned", "peace"],
                          "n": [3, 5, 1, 2], "total": [-4.2, -14.5, -1.3, 5.0],
                          "per_1000_sentences": [-42.0, -145.0, -13.0, 50.0], "sentences_read": 100, "sentences": 100})
    note = sentiment.speech_verb_note(table)
    assert note.startswith("**Speech verbs in the lexicon**")
    assert 'russian: "stressed" -42.0, "warned" -13.0 (27.5% of the bloc\'s summed absolute valence)' in note
    assert "western" not in note  # ("peace" is not a speech verb)
    assert sentiment.speech_verb_note(table[table["word"].isin(["war", "peace"])]) == ""
