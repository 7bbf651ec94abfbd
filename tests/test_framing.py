"""Framing: log-odds keyness, markers and the naming index, frames, voices, keyword in context."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from analysis import framing, plots, segment
from analysis.framing import distinctive
from analysis.terms import TermMatcher


def test_log_odds_matches_a_hand_computed_example() -> None:
    delta, z = framing.log_odds_dirichlet(np.array([2, 0]), np.array([1, 3]), np.array([1.0, 1.0]))
    # term 0: log((2+1)/(2+2-2-1)) - log((1+1)/(4+2-1-1)) = log 3 - log 0.5; var = 1/3 + 1/2
    assert delta[0] == pytest.approx(math.log(6), abs=1e-12)
    assert z[0] == pytest.approx(math.log(6) / math.sqrt(1 / 3 + 1 / 2), abs=1e-12)
    # term 1: log(1/3) - log(4/2); var = 1/1 + 1/4
    assert delta[1] == pytest.approx(-math.log(6), abs=1e-12)
    assert z[1] == pytest.approx(-math.log(6) / math.sqrt(1.25), abs=1e-12)
    assert (round(z[0], 6), round(z[1], 6)) == (1.962774, -1.602598)


def test_log_odds_is_symmetric() -> None:
    rng = np.random.default_rng(0)
    y_i, y_j = rng.integers(0, 20, 50), rng.integers(0, 20, 50)
    prior = (y_i + y_j + 1).astype(float)
    _, z_ij = framing.log_odds_dirichlet(y_i, y_j, prior)
    _, z_ji = framing.log_odds_dirichlet(y_j, y_i, prior)
    assert np.allclose(z_ij, -z_ji)


def _texts() -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    texts = ["Kiev regime Kiev regime special operation", "Kiev regime collective West",
             "Kyiv war invasion Kyiv", "Kyiv invasion war crimes", "Kyiv war"]
    matrix, vocab = framing.count_matrix(texts)
    return matrix, vocab, ["r", "r", "w", "w", "w"]


def test_keyness_table_counts_and_directions() -> None:
    matrix, vocab, groups = _texts()
    table = framing.keyness(matrix, vocab, groups, "r", "w", min_articles=1).set_index("term")
    assert table.loc["regime", ["count_r", "count_w"]].tolist() == [3, 0]
    assert table.loc["kyiv", ["count_r", "count_w"]].tolist() == [0, 4]
    assert table.loc["kiev regime", "ngram"] == 2
    assert table.loc["regime", "z"] > 0 > table.loc["kyiv", "z"]
    assert table.loc["regime", "chi2"] > 0 > table.loc["kyiv", "g2"]
    unigrams = table.loc[table["ngram"] == 1, "count_r"].sum()  # rates are per 1,000 terms of the same order
    assert table.loc["regime", "rate_r"] == pytest.approx(1000 * 3 / unigrams)
    swapped = framing.keyness(matrix, vocab, groups, "w", "r", min_articles=1).set_index("term")
    assert np.allclose(swapped.loc[table.index, "z"], -table["z"])


def test_chi2_and_g2_against_a_worked_table() -> None:
    # term counts 10 vs 20 in corpora of 100 and 400 words
    chi2, g2 = distinctive._signed_chi2_g2(np.array([10, 90]), np.array([20, 380]))
    observed = np.array([[10, 20], [90, 380]])
    expected = observed.sum(1, keepdims=True) * observed.sum(0, keepdims=True) / observed.sum()
    assert chi2[0] == pytest.approx(((observed - expected) ** 2 / expected).sum())
    assert g2[0] == pytest.approx(2 * (observed * np.log(observed / expected)).sum())


def test_null_reference_uses_every_relabelling_of_a_small_corpus() -> None:
    matrix, vocab, groups = _texts()
    null = framing.null_max_z(matrix, vocab, groups, "r", "w", min_articles=1)
    assert len(null) == 10  # C(5, 2) ways to call two of five articles "r"
    observed = framing.keyness(matrix, vocab, groups, "r", "w", min_articles=1)["z"].abs().max()
    assert observed == pytest.approx(null.max()) or observed <= null.max()


MARKERS = pd.DataFrame({
    "group": ["capital", "capital", "kyiv_government", "conflict", "conflict", "west"],
    "term": ["Kiev", "Kyiv", "Kiev regime", "special military operation", "full-scale invasion", "collective West"],
    "usage": ["russian_official", "ukrainian_western", "russian_official", "russian_official", "ukrainian_western",
              "russian_official"],
    "note": [""] * 6,
})


def _paragraphs(texts: list[str], article: str = "a") -> pd.DataFrame:
    return pd.DataFrame({"article_id": article, "paragraph_id": range(1, len(texts) + 1), "text": texts})


def test_marker_matching_boundaries_case_and_multiword() -> None:
    hits = framing.marker_hits(_paragraphs([
        "The Kiev regime, said KIEV, is not Kyiv's choice; Kievan Rus is history.",
        "The Special  Military\nOperation continues; the full-scale invasion too; kyiv.",
    ]), MARKERS)
    assert hits[["term", "match"]].values.tolist() == [
        ["Kiev regime", "Kiev regime"], ["Kiev", "KIEV"], ["Kyiv", "Kyiv's"],
        ["special military operation", "Special  Military\nOperation"], ["full-scale invasion", "full-scale invasion"],
        ["Kyiv", "kyiv"]]
    assert hits.loc[0, "left"] == "The " and hits.loc[0, "right"].startswith(", said KIEV")


def test_naming_index() -> None:
    hits = framing.marker_hits(pd.concat([
        _paragraphs(["Kiev regime and Kiev and Kyiv."], "ru"),
        _paragraphs(["Kyiv, Kyiv, full-scale invasion."], "we"),
        _paragraphs(["Nothing to see."], "none"),
    ]), MARKERS)
    index = framing.naming_index_of_counts(hits.assign(count=1), ["ru", "we", "none"])
    assert index["ru"] == pytest.approx((2 - 1) / 3)
    assert index["we"] == pytest.approx(-1.0)
    assert math.isnan(index["none"])


def test_marker_counts_rate_per_1000_tokens() -> None:
    counts = framing.article_rows("a", [{"paragraph_id": 1, "text": "Kyiv and Kyiv."}], [], {"narration": 500})["markers"]
    assert [(r["term"], r["count"], r["rate_per_1000"], r["layer"]) for r in counts] == [("Kyiv", 2, 4.0, "narration")]


def test_marker_rates_are_per_1000_tokens_of_the_hits_layer() -> None:
    """Own-word hits over own words, quoted hits over quoted words: over all of an article's words, a rate in
    one layer shrank with the share of the other (quotes take a different share of each bloc's text)."""
    text = 'Officials in Kyiv met. Lavrov said: "the Kiev regime will answer for this at the table".'
    start = text.index('"') + 1
    quotes = [{"paragraph_id": 1, "quote_id": 1, "text": text[start:-2], "speaker": "Lavrov", "kind": "direct",
               "start": start, "end": len(text) - 2}]
    by_layer = segment.layer_tokens([text], segment.layer_spans(quotes, key="paragraph_id"), keys=[1])
    assert by_layer == {"narration": 6, "quoted": 10}
    rows = framing.article_rows("a", [{"paragraph_id": 1, "text": text}], quotes)["markers"]
    rates = {(r["term"], r["layer"]): r["rate_per_1000"] for r in rows}
    assert rates[("Kyiv", "narration")] == pytest.approx(1000 / 6)
    assert rates[("Kiev regime", "quoted")] == pytest.approx(1000 / 10)
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["O"], "bloc": ["russian"], "n_tokens": [16],
                             "n_tokens_own": [6], "n_tokens_quoted": [10]})
    markers = pd.DataFrame(rows)
    own = framing.marker_rates_by_bloc(markers, articles).set_index("term")
    assert own.loc["Kyiv", "rate_per_1000"] == pytest.approx(1000 / 6)
    assert own.loc["Kiev regime", ["count", "rate_per_1000"]].tolist() == [0, 0.0]  # (quoted only: a 0 in own words)
    quoted = framing.marker_rates_by_article(markers, articles, layers=("quoted",)).set_index("term")
    assert quoted.loc["Kiev regime", "rate_per_1000"] == pytest.approx(1000 / 10)
    every = framing.marker_rates_by_bloc(markers, articles, layers=None).set_index("term")
    assert every.loc["Kiev regime", "rate_per_1000"] == pytest.approx(1000 / 16)
    summary = framing.article_framing_from_counts(articles, markers, pd.DataFrame(columns=["article_id", "frame", "score_own"]),
                                                  pd.DataFrame(columns=["article_id", "speaker_group"]))
    group = markers.loc[markers["term"] == "Kyiv", "group"].iloc[0]
    assert summary[f"rate_{group}"].iloc[0] == pytest.approx(1000 / 6)  # (own words only: Kiev is quoted)
    with pytest.raises(ValueError, match="no token count for the layers"):
        framing.marker_rates_by_bloc(markers, articles, layers=("scare",))
    with pytest.raises(ValueError, match="rebuild"):
        framing.marker_rates_by_bloc(markers, articles.drop(columns="n_tokens_own"))


def test_packaged_dictionaries_load_and_a_users_file_replaces_them(tmp_path) -> None:  # noqa: ANN001
    markers, frames, speakers = framing.load_markers(), framing.load_frames(), framing.load_speaker_groups()
    assert {"capital", "conflict", "kyiv_government", "territory", "evaluative", "west"} <= set(markers["group"])
    assert set(markers["usage"]) <= set(framing.USAGES)
    assert {"Kiev", "Kyiv"} <= set(markers["term"])
    assert {"conflict", "responsibility", "economic", "human_interest", "morality", "security_defence",
            "legality_legitimacy"} == set(frames["frame"])
    assert {"russian_officials", "ukrainian_officials", "us_western_officials", "experts_analysts", "media"} <= set(speakers["group"])
    own = tmp_path / "markers.csv"
    own.write_text("# mine\ngroup,term,usage,note\ncapital,Kyiv,ukrainian_western,\n", encoding="utf-8")
    assert framing.load_markers(own)["term"].tolist() == ["Kyiv"]
    own.write_text("group,term,usage\ncapital,Kyiv,western\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown usage"):
        framing.load_markers(own)
    frames_file = tmp_path / "frames.csv"
    frames_file.write_text("frame,term\nconflict,clash*\n", encoding="utf-8")
    assert framing.load_frames(frames_file).values.tolist() == [["conflict", "clash*"]]


def test_frame_scores_per_100_tokens() -> None:
    frames = pd.DataFrame({"frame": ["conflict", "conflict", "economic"], "term": ["clash*", "attack", "sanctions"]})
    scores = framing.score_frames(_paragraphs(["Clashes and an attack; more clashing.", "Sanctions bite the economy."]), frames)
    table = scores.set_index(["paragraph_id", "frame"])
    assert table.loc[(1, "conflict"), "hits"] == 3
    assert table.loc[(1, "conflict"), "score"] == pytest.approx(100 * 3 / 6)
    assert table.loc[(1, "economic"), "hits"] == 0
    assert table.loc[(2, "economic"), "score"] == pytest.approx(100 * 1 / 4)
    assert scores["hits_own"].tolist() == scores["hits"].tolist()  # (no quotes given: every word the outlet's)
    assert scores["score_own"].tolist() == scores["score"].tolist()


def test_frame_hits_in_quoted_words_count_in_all_words_but_not_in_own_words() -> None:
    """A frame word inside a quote is a hit of the paragraph's words (`hits`, `score`) but not of the
    outlet's own (`hits_own`, per 100 own tokens); a paragraph that is all quote has no own-word score;
    reported speech (the outlet's paraphrase) is own words."""
    frames = pd.DataFrame({"frame": ["conflict"], "term": ["attack*"]})
    texts = ['The attack went on. "We will attack again," he said.', '"Attacks, attacks."',
             "He said that the attack was over."]
    paragraphs = _paragraphs(texts, "a1")
    quote = texts[0].index('"We')
    quotes = pd.DataFrame({"article_id": "a1", "paragraph_id": [1, 2, 3], "kind": ["direct", "direct", "indirect"],
                           "start": [quote, 0, 8], "end": [texts[0].index("again") + 7, len(texts[1]), len(texts[2])]})
    table = framing.score_frames(paragraphs, frames, quotes=quotes).set_index("paragraph_id")
    assert table["hits"].tolist() == [2, 2, 1] and table["hits_own"].tolist() == [1, 0, 1]
    own_tokens = len(segment.tokenize(texts[0][:quote])) + len(segment.tokenize(texts[0][texts[0].index("again") + 7:]))
    assert table.loc[1, "score_own"] == pytest.approx(round(100 / own_tokens, 4))
    assert table.loc[1, "score"] == pytest.approx(round(100 * 2 / len(segment.tokenize(texts[0])), 4))
    assert pd.isna(table.loc[2, "score_own"]) and table.loc[2, "score"] > 0
    assert table.loc[3, "score_own"] == table.loc[3, "score"]
    articles = pd.DataFrame({"article_id": ["a1"], "bloc": ["west"]})
    layers = framing.frame_layers(table.reset_index(), articles)
    assert layers[["hits_own", "hits_quoted"]].values.tolist() == [[2, 3]]
    assert layers["quoted_share"].tolist() == [0.6]
    own = framing.frame_salience(table.reset_index(), articles, n_boot=20)
    assert own["n_paragraphs"].tolist() == [2]  # (the all-quote paragraph has no own words to rate)
    assert framing.frame_salience(table.reset_index(), articles, n_boot=20, layer="all")["n_paragraphs"].tolist() == [3]
    with pytest.raises(ValueError, match="own, all"):
        framing.frame_salience(table.reset_index(), articles, layer="quoted")


def test_article_frame_scores_are_each_articles_mean_over_its_paragraphs_per_frame() -> None:
    """One frame at a time (not the whole table merged with the articles): each article's mean and
    paragraph count per frame, its bloc from the articles table, rows of an article it lacks left out,
    sorted by bloc, frame and article; the bloc means of these are `frame_salience`'s means."""
    scores = pd.DataFrame({"article_id": ["b", "b", "a", "a", "a", "z", "b", "a", "a", "a"],
                           "paragraph_id": [1, 2, 1, 2, 3, 1, 1, 1, 2, 3],
                           "frame": ["war"] * 6 + ["aid"] * 4,
                           "hits": [1, 0, 2, 0, 1, 5, 0, 1, 0, 0],
                           "score": [10.0, 0.0, 0.1, 0.0, 0.2, 50.0, 0.0, 3.0, 0.0, 0.0]}).astype({"frame": "string"})
    scores = scores.assign(hits_own=0, score_own=[0.0, np.nan] + [0.0] * 8)  # (own words: no hit; b's 2nd all quoted)
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "bloc": ["west", "russia", "west"]}).astype({"bloc": "string"})
    own = framing.article_frame_scores(scores, articles)
    assert own["n_paragraphs"].tolist() == [1, 1, 3, 3] and own["mean"].tolist() == [0.0] * 4
    table = framing.article_frame_scores(scores, articles, layer="all")
    assert table[["bloc", "frame", "article_id", "n_paragraphs"]].values.tolist() == [
        ["russia", "aid", "b", 1], ["russia", "war", "b", 2], ["west", "aid", "a", 3], ["west", "war", "a", 3]]
    assert table["mean"].tolist() == [0.0, 5.0, 1.0, np.mean([0.1, 0.0, 0.2])]
    assert table["bloc"].dtype == articles["bloc"].dtype and table["frame"].dtype == scores["frame"].dtype
    salience = framing.frame_salience(scores, articles, n_boot=50, layer="all").set_index(["frame", "bloc"])["mean"]
    assert np.allclose(table.groupby(["frame", "bloc"])["mean"].mean().sort_index(), salience.sort_index())
    empty = framing.article_frame_scores(scores.iloc[:0], articles)
    assert empty.empty and list(empty.columns) == ["bloc", "frame", "article_id", "mean", "n_paragraphs"]


def test_speaker_grouping() -> None:
    groups = pd.DataFrame({"group": ["russian_officials", "ukrainian_officials", "experts_analysts", "russian_officials"],
                           "term": ["Lavrov", "Zelensk*", "analyst", "spokesman"]})
    assert framing.speaker_group("Sergey Lavrov", groups) == "russian_officials"
    assert framing.speaker_group("Zelenskyy", groups) == "ukrainian_officials"
    assert framing.speaker_group("a senior analyst", groups) == "experts_analysts"
    assert framing.speaker_group("Kremlin spokesman Dmitry Peskov", groups) == "russian_officials"
    assert framing.speaker_group("Lavrovsky", groups) == "other"
    assert framing.speaker_group("", groups) == "unattributed"


@pytest.mark.parametrize(
    ("paragraph", "quote", "verb"),
    [
        ("“We are ready,” Lavrov claimed on Friday.", "We are ready,", "claimed"),
        ("Peskov insisted: “The operation continues as planned.”", "The operation continues as planned.", "insisted"),
        ("“I said nothing,” he said.", "I said nothing,", "said"),
        ("No attribution at all: “just words here”.", "just words here", ""),
    ],
)
def test_attribution_verb(paragraph: str, quote: str, verb: str) -> None:
    assert framing.attribution_verb(paragraph, quote) == verb


def test_kwic_groups_by_bloc_with_windows() -> None:
    texts = pd.concat([_paragraphs(["one two three Kiev four five six"], "r1").assign(bloc="russian"),
                       _paragraphs(["alpha Kiev's beta", "Kievan Rus"], "w1").assign(bloc="western")])
    table = framing.kwic(texts, "Kiev", window=2)
    assert table[["bloc", "left", "match", "right"]].values.tolist() == [
        ["russian", "two three", "Kiev", "four five"], ["western", "alpha", "Kiev's", "beta"]]


def test_kwic_and_marker_hits_are_the_same_read_a_few_paragraphs_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The texts are walked `schema.ROW_BLOCK` rows at a time (a block's text as Python strings, not all of it)."""
    from analysis import schema

    texts = _paragraphs(["Kiev and the Kiev regime.", "Nothing.", "Kyiv; Kiev.", "the special military operation",
                         "Kiev"], "a").assign(bloc="russian", outlet="RT")
    whole_kwic, whole_hits = framing.kwic(texts, "Kiev", window=2), framing.marker_hits(texts, MARKERS)
    assert list(schema.row_values(texts, ("paragraph_id", "text"))) == list(zip(texts["paragraph_id"], texts["text"]))
    monkeypatch.setattr(schema, "ROW_BLOCK", 2)
    assert list(schema.row_values(texts, ("paragraph_id", "text"))) == list(zip(texts["paragraph_id"], texts["text"]))
    assert list(schema.row_values(texts.iloc[:0], ("text",))) == []
    keep = np.array([True, False, False, True, True])  # (only some rows: the values of texts[keep], by Arrow's filter)
    arrow = texts.astype({"text": "string[pyarrow]", "article_id": "string[pyarrow]"})
    for frame in (texts, arrow):
        assert list(schema.row_values(frame, ("paragraph_id", "text", "article_id"), mask=keep)) == list(
            zip(frame["paragraph_id"][keep], frame["text"][keep], frame["article_id"][keep]))
    for frame in (texts, arrow, arrow.set_index(pd.Index([9, 7, 5, 3, 1]))):  # (rows_where: frame.loc[keep, columns])
        pd.testing.assert_frame_equal(schema.rows_where(frame, keep, ["text", "paragraph_id"]),
                                      frame.loc[keep, ["text", "paragraph_id"]])
    with_missing = arrow.assign(text=pd.array(["a", None, "b", None, "c"], dtype="string[pyarrow]"))
    pd.testing.assert_frame_equal(schema.rows_where(with_missing, keep), with_missing.loc[keep])
    assert [v[0] for v in schema.row_values(with_missing, ("text",), mask=keep)] == with_missing["text"][keep].tolist()
    pd.testing.assert_frame_equal(framing.kwic(texts, "Kiev", window=2), whole_kwic)
    pd.testing.assert_frame_equal(framing.marker_hits(texts, MARKERS), whole_hits)
    assert len(whole_kwic) == 4 and whole_kwic["paragraph_id"].tolist() == [1, 1, 3, 5]


def test_kwic_windows_count_words_across_any_white_space_and_zero_shows_none() -> None:
    texts = _paragraphs(["a  b\nc\t d Kiev e \n f  g\th i", "Kiev", "x Kiev"], "r1")
    table = framing.kwic(texts, "Kiev", window=3)
    assert table[["left", "match", "right"]].values.tolist() == [["b c d", "Kiev", "e f g"], ["", "Kiev", ""],
                                                                 ["x", "Kiev", ""]]
    assert framing.kwic(texts, "Kiev", window=20)["left"].tolist()[0] == "a b c d"
    assert framing.kwic(texts, "Kiev", window=0)[["left", "right"]].values.tolist() == [["", ""]] * 3


def test_table_level_framing_agrees_with_the_build_on_a_realistic_corpus(tmp_path) -> None:  # noqa: ANN001
    """`framing_tables` on the built articles, paragraphs and quotes of the 48-article realistic corpus
    (every quote kind and marker layer) gives the build's markers, frames, voices and article_framing."""
    import importlib.util
    from pathlib import Path

    from analysis import corpus, pipeline

    spec = importlib.util.spec_from_file_location("realistic_corpus", Path(__file__).parent / "realistic_corpus.py")
    realistic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(realistic)
    articles, problems = corpus.load_corpus(realistic.write(tmp_path / "corpus.jsonl"))
    built = pipeline.build_tables(articles, problems, progress=False, skip_topics=True)
    again = framing.framing_tables({name: built[name] for name in ("articles", "paragraphs", "quotes")})
    assert set(built["markers"]["layer"]) >= {"narration", "reported", "quoted", "scare", "question"}
    assert len(built["voices"]) > 200 and built["article_framing"]["naming_index"].notna().sum() > 30
    for name in ("markers", "frames", "voices", "article_framing"):
        pd.testing.assert_frame_equal(again[name], built[name], check_dtype=False, rtol=1e-9, obj=name)
    # the build's article_terms, and counting the built paragraphs' own words again, give one matrix
    read, counted = framing.article_matrix(built), framing.article_matrix(built, recount=True)
    assert (read[0] != counted[0]).nnz == 0 and list(read[1]) == list(counted[1]) and read[0].nnz > 5000


def test_term_matcher_prefers_the_longest_term() -> None:
    matcher = TermMatcher(["Kiev", "Kiev regime", "regime"])
    assert [t for t, _, _ in matcher.finditer("the Kiev regime and the regime in Kiev")] == ["Kiev regime", "regime", "Kiev"]


def test_naming_index_separates_blocs_on_the_blind_corpus(tmp_path) -> None:  # noqa: ANN001
    """24 articles written in Russian and Western outlet styles by a writer who never saw the
    marker dictionary (tests/fixtures/naming/README.md); the issue's target is ROC AUC >= 0.95."""
    from pathlib import Path

    from sklearn.metrics import roc_auc_score

    from analysis.cli import main

    corpus = Path(__file__).parent / "fixtures" / "naming"
    assert main(["build", "--corpus", str(corpus), "--out", str(tmp_path), "--quiet"]) == 0
    summary = pd.read_parquet(tmp_path / "article_framing.parquet")
    assert len(summary) == 24 and summary["naming_index"].notna().all()
    auc = roc_auc_score(summary["bloc"] == "russian", summary["naming_index"])
    assert auc >= 0.95


def test_null_max_z_equals_keyness_under_each_relabelling() -> None:
    matrix, vocab, groups = _texts()
    for min_articles in (1, 2):
        null = framing.null_max_z(matrix, vocab, groups + [], "r", "w", min_articles=min_articles)
        expected = []
        for split in [(i, j) for i in range(5) for j in range(i + 1, 5)]:
            fake = ["r" if n in split else "w" for n in range(5)]
            expected.append(framing.keyness(matrix, vocab, fake, "r", "w", min_articles=min_articles)["z"].abs().max())
        assert np.allclose(null, expected)


def test_null_max_z_leaves_other_blocs_out() -> None:
    matrix, vocab, groups = _texts()
    extra = sparse.vstack([matrix, matrix[:1] * 7]).tocsr()
    assert np.allclose(framing.null_max_z(extra, vocab, [*groups, "u"], "r", "w"),
                       framing.null_max_z(matrix, vocab, groups, "r", "w"))


def test_null_max_z_sums_a_term_listed_twice_in_a_row_without_changing_the_callers_matrix() -> None:
    """Rows and columns all kept, the null works on the caller's matrix itself, not a copy: one that is
    not in canonical form (a term's count in two entries of a row) is summed on a copy, the same null."""
    matrix, vocab, groups = _texts()
    matrix = sparse.csr_matrix(matrix, dtype=np.int64)
    indices, data = np.repeat(matrix.indices, 2), np.repeat(matrix.data, 2)  # (each count entered twice)
    split = sparse.csr_matrix((data, indices, matrix.indptr * 2), shape=matrix.shape)
    entries = split.nnz
    assert entries == 2 * matrix.nnz and not split.has_canonical_format
    for min_articles in (1, 2):
        assert np.allclose(framing.null_max_z(split, vocab, groups, "r", "w", min_articles=min_articles),
                           framing.null_max_z(2 * matrix, vocab, groups, "r", "w", min_articles=min_articles))
    assert split.nnz == entries  # (the caller's matrix as it was)


def test_null_max_z_samples_when_relabellings_are_too_many() -> None:
    import time
    import tracemalloc

    rng = np.random.default_rng(0)
    matrix = sparse.csr_matrix(rng.poisson(0.3, size=(42, 3000)))
    groups = ["russian"] * 22 + ["western"] * 20  # C(42, 22) ~ 5e11 relabellings
    tracemalloc.start()
    start = time.perf_counter()
    vocab = np.asarray([f"t{k}" for k in range(3000)])
    null = framing.null_max_z(matrix, vocab, groups, "russian", "western", n_perm=200, seed=5)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(null) == 200 and np.isfinite(null).all()
    assert elapsed < 20 and peak < 200_000_000
    assert np.array_equal(null, framing.null_max_z(matrix, vocab, groups, "russian", "western", n_perm=200, seed=5))


def _tables() -> dict[str, pd.DataFrame]:
    texts = {"r1": "Kiev regime Kiev regime talks", "r2": "Kiev regime collective West", "w1": "Kyiv war invasion",
             "w2": "Kyiv invasion war crimes", "u1": "Kyiv defends Kyiv shelling", "u2": "Kyiv shelling Kyiv war",
             "o1": "talks in Istanbul"}
    articles = pd.DataFrame({"article_id": list(texts), "bloc": ["russian"] * 2 + ["western"] * 2 + ["ukrainian"] * 2
                             + ["other"], "outlet": [f"o{i}" for i in range(7)]})
    paragraphs = pd.DataFrame({"article_id": list(texts), "paragraph_id": 1, "text": list(texts.values())})
    tables = {"articles": articles, "paragraphs": paragraphs}
    matrix, vocab, groups = framing.article_matrix(tables)
    tables["keyness"] = framing.keyness(matrix, vocab, groups, "russian", "western")
    return tables


def test_keyness_for_uses_the_built_pair_and_computes_any_other() -> None:
    tables = _tables()
    assert framing.keyness_for(tables, "russian", "western") is tables["keyness"]
    other = framing.keyness_for(tables, "russian", "ukrainian").set_index("term")
    assert {"count_russian", "count_ukrainian"} <= set(other.columns) and "count_western" not in other.columns
    assert other.loc["kyiv", ["count_russian", "count_ukrainian"]].tolist() == [0, 4]
    assert other.loc["shelling", "z"] < 0 < other.loc["regime", "z"]
    swapped = framing.keyness_for(tables, "western", "russian").set_index("term")
    assert np.allclose(swapped.loc["kyiv", "z"], -tables["keyness"].set_index("term").loc["kyiv", "z"])
    with pytest.raises(ValueError, match="chinese"):
        framing.keyness_for(tables, "russian", "chinese")


def test_keyness_summary_is_computed_from_the_table() -> None:
    table = pd.DataFrame({"term": ["regime", "kiev", "war", "kyiv"], "z": [3.2, 3.2, -1.0, -3.5]})
    articles = pd.DataFrame({"bloc": ["russian"] * 3 + ["western"] * 3 + ["other"]})
    text = framing.keyness_summary(table, np.array([1.0, 3.04]), "russian", "western", articles)
    assert "a random sample of 2 of the 20 relabellings of the 6 articles" in text and "3.04" in text
    assert '2 term(s) of russian exceed it: "kiev" (z 3.20), "regime" (z 3.20)' in text
    assert '1 term(s) of western exceed it: "kyiv" (z 3.50)' in text
    none = framing.keyness_summary(table, np.full(20, 4.0), "russian", "western", articles)
    assert "every one of the 20 relabellings" in none
    assert "No term of russian exceeds it; no term of western exceeds it" in none


def test_keyness_summary_counts_the_relabellings_of_a_large_corpus_in_words() -> None:
    # C(100,000, 50,000) has 30,101 digits: more than Python turns into a string (the limit is
    # 4,300), which stopped notebook 02 on a 100,000-article corpus.
    table = pd.DataFrame({"term": ["kiev", "kyiv"], "z": [9.0, -9.0]})
    articles = pd.DataFrame({"bloc": ["russian", "western"] * 50_000})
    text = framing.keyness_summary(table, np.full(200, 4.0), "russian", "western", articles)
    assert "a random sample of 200 of the about 2.52 × 10^30100 relabellings of the 100000 articles" in text


def test_naming_answer_tests_article_means() -> None:
    summary = pd.DataFrame({"bloc": ["r", "r", "w", "w", "w", "u"],
                            "naming_index": [1.0, 0.5, -1.0, np.nan, -0.5, 1.0]})
    text = framing.naming_answer(summary, "r", "w")
    assert "**r** +0.75 (2 of 2 articles use a marker); **w** -0.75 (2 of 3 articles use a marker)" in text
    # 2 against 2 scored articles: below stats.MIN_ARTICLES_FOR_INTERVAL, so no p-value, and the text says why
    assert "Difference +1.50; no p-value: it needs at least 5 articles in each bloc (here 2 and 2)" in text
    assert "p =" not in text and "No test: one of the blocs has no article" not in text


def test_naming_answer_tests_article_means_from_five_articles_per_bloc() -> None:
    summary = pd.DataFrame({"bloc": ["r"] * 5 + ["w"] * 5, "naming_index": [1.0, 0.5, 1.0, 0.5, 1.0] + [-1.0] * 5})
    text = framing.naming_answer(summary, "r", "w")
    # 10 articles, C(10, 5) = 252 splits; only the observed split and its mirror reach |1.6|
    assert "Difference +1.80, article-level permutation p = 0.00794 (exact, over all 252 relabellings" in text


def test_kwic_explorer_carries_a_static_table_for_rendered_pages() -> None:
    texts = _tables()["paragraphs"].merge(_tables()["articles"], on="article_id")
    explorer = framing.kwic_explorer(texts, ["Kyiv", "regime"])
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    html = bundle["text/html"]
    assert "<table" in html and "VBox(" not in html and "VBox(" not in bundle["text/plain"]
    assert html.count("<tr") == 1 + 6  # a header row and one row per hit of "Kyiv" (twice in u1 and u2)
    assert "6 hit(s)" in html


def test_kwic_explorer_is_static_in_an_unattended_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    """`reproduce.execute_notebook` starts its kernels with display.STATIC_ENV set: no widget is
    built there (widget messages can stall nbclient), the static table is the same."""
    from analysis import display

    texts = _tables()["paragraphs"].merge(_tables()["articles"], on="article_id")
    live = framing.kwic_explorer(texts, ["Kyiv", "regime"])
    monkeypatch.setenv(display.STATIC_ENV, "1")
    static = framing.kwic_explorer(texts, ["Kyiv", "regime"])
    bundle = static._repr_mimebundle_()
    assert static.widget is None and "application/vnd.jupyter.widget-view+json" not in bundle
    assert bundle["text/html"] == live._repr_mimebundle_()["text/html"]


def test_naming_layer_change_compares_all_words_with_own_words() -> None:
    """A Western article quoting "Kiev regime" twice and writing "Kyiv" once in its own words: over
    all words its index is +1/3, over its own words -1; an article whose only marker is quoted
    loses its own-words index; one without quotes is unchanged."""
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
                             "bloc": ["western", "western", "russian"], "n_tokens": [100, 100, 100]})
    markers = pd.DataFrame([
        ("a", "kyiv_government", "Kiev regime", "russian_official", 2, "quoted"),
        ("a", "capital", "Kyiv", "ukrainian_western", 1, "narration"),
        ("b", "capital", "Kiev", "russian_official", 1, "quoted"),
        ("c", "capital", "Kiev", "russian_official", 3, "narration"),
    ], columns=["article_id", "group", "term", "usage", "count", "layer"])
    change = framing.naming_layer_change(markers, articles).set_index("article_id")
    assert change.at["a", "all_words"] == pytest.approx(1 / 3) and change.at["a", "own_words"] == -1
    assert np.isnan(change.at["b", "own_words"]) and change.at["b", "all_words"] == 1
    assert change.at["c", "change"] == 0
    text = framing.naming_layer_change_text(framing.naming_layer_change(markers, articles))
    assert "changed the index of 1, reversed its sign in 1, and left 1 without an index" in text


def test_verb_counts_keep_the_most_used_verbs_and_sum_the_rest() -> None:
    """A column per verb for the `top` most used (ties by name), the rest in "other verbs", quotes
    without a verb in "(none)"; every quote counted once."""
    verbs = ["said"] * 4 + ["claimed"] * 2 + ["insisted"] * 2 + ["noted", "parroted", ""]
    voices = pd.DataFrame({"article_id": ["a1"] * 6 + ["a2"] * 5, "quote_id": range(1, 12),
                           "speaker_group": ["russian_officials"] * 8 + ["media"] * 3, "verb": verbs})
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "bloc": ["russian", "western"]})
    table = framing.verb_counts(voices, articles, top=3)
    assert list(table.columns) == ["said", "claimed", "insisted", "other verbs", "(none)"]
    assert int(table.to_numpy().sum()) == len(voices)
    assert table.loc[("western", "media")].to_dict() == {"said": 0, "claimed": 0, "insisted": 0, "other verbs": 2,
                                                         "(none)": 1}
    assert list(framing.verb_counts(voices.iloc[:6], articles).columns) == ["said", "claimed"]  # (nothing to sum)


def test_voice_shares_weigh_each_article_the_same() -> None:
    """One quote-heavy article does not speak for its bloc in `mean_article_share` (it does in the
    pooled share); articles without quotes are left out of the mean and counted in `articles`."""
    voices = pd.DataFrame({"article_id": ["a"] * 9 + ["b"], "quote_id": range(10),
                           "speaker_group": ["russian_officials"] * 9 + ["ukrainian_officials"], "n_words": 5})
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "bloc": "western"})
    shares = framing.voice_shares(voices, articles).set_index("speaker_group")
    assert shares.loc["russian_officials", "share_of_quotes"] == pytest.approx(0.9)
    assert shares.loc["russian_officials", "mean_article_share"] == pytest.approx(0.5)
    assert shares.loc["ukrainian_officials", "mean_article_share"] == pytest.approx(0.5)
    assert (shares["articles"] == 2).all()  # article c quotes nobody
    kinds = voices.assign(kind=["direct"] * 6 + ["indirect"] * 3 + ["dash"])  # (paraphrase counted apart)
    assert framing.voices_text(shares.reset_index(), kinds, articles) == (
        'Voices per bloc, quotes and paraphrases ("Peskov said that ...") together: western 10: 7 quoted and 3 '
        "paraphrased (50 words, 15 of them paraphrase).")
    fig = plots.voice_shares(shares.reset_index(), value="mean_article_share")
    (ax,) = fig.axes
    assert "articles weigh the same" in ax.get_xlabel() and "2 articles" in ax.get_yticklabels()[0].get_text()
    plt.close(fig)


def test_a_corpus_without_quotes_says_so_in_words_and_in_the_figure() -> None:
    """No quote at all (headline-only or very short texts): a sentence that says so, not "Quotes per
    bloc: .", and a figure that says so instead of an empty chart with an empty legend."""
    import warnings

    voices = pd.DataFrame({"article_id": pd.Series([], dtype="string"), "quote_id": pd.Series([], dtype="int64"),
                           "speaker_group": pd.Series([], dtype="string"), "n_words": pd.Series([], dtype="int64")})
    articles = pd.DataFrame({"article_id": ["a", "b"], "bloc": ["russian", "western"]})
    shares = framing.voice_shares(voices, articles)
    assert framing.voices_text(shares).startswith("No quote was found")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (matplotlib warned: "No artists with labels found to put in legend")
        fig = plots.voice_shares(shares, value="mean_article_share")
    assert [t.get_text() for t in fig.axes[0].texts] == ["no quote found in the compared blocs"]
    plt.close(fig)


def test_marker_rates_by_bloc_of_a_corpus_without_marker_hits() -> None:
    """No marker hit at all (an empty markers table, as a build writes it): an empty table of rates,
    with a float rate column, not a type error from dividing by the empty string column."""
    from analysis.pipeline.tidy import _tidy

    markers = _tidy("markers", pd.DataFrame(columns=["article_id", "group", "term", "usage", "count", "rate_per_1000",
                                                     "layer"]))
    articles = _tidy("articles", pd.DataFrame({"article_id": ["a", "b"], "bloc": ["russian", "western"],
                                               "n_tokens": [120, 80], "n_tokens_own": [100, 70]}))
    rates = framing.marker_rates_by_bloc(markers, articles)
    assert rates.empty and str(rates["rate_per_1000"].dtype) == "float64"
    assert list(rates.columns) == ["bloc", "group", "term", "usage", "count", "rate_per_1000"]


def test_marker_hits_carry_the_layer_the_markers_table_counts_them_in() -> None:
    """Each hit's layer (given the quotes) is the one the build counted it in: per article, term and layer, the
    hits listed are the `markers` table's counts, on the seeds (whose quoted "Kiev regime" and scare-quoted terms
    the reviewers could not match to the own-words figure without it)."""
    from analysis import overview, paths

    tables = overview.read_tables(paths.PROCESSED)
    texts = framing.paragraphs_with_bloc(tables)
    hits = framing.marker_hits(texts, quotes=framing.quote_spans(tables))
    assert set(hits["layer"]) >= {"narration", "quoted"}
    listed = hits.groupby(["article_id", "term", "layer"]).size().rename("count").reset_index()
    counted = tables["markers"][["article_id", "term", "layer", "count"]]
    merged = listed.merge(counted, on=["article_id", "term", "layer"], how="outer", suffixes=("_listed", "_counted"))
    assert (merged["count_listed"] == merged["count_counted"]).all(), merged[merged["count_listed"] != merged["count_counted"]]
    shown, _ = framing.marker_hits_shown(texts, tables["markers"], quotes=framing.quote_spans(tables))
    assert list(shown.columns) == ["bloc", "article_id", "term", "usage", "layer", "left", "match", "right"]
    assert "layer" not in framing.marker_hits(texts)  # (without the quotes: as before)


def test_marker_hits_shown_lists_every_hit_of_a_few_articles_and_of_a_seeded_sample_of_many(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Up to the limit, the table is every hit of every article with a hit (as `marker_hits` of the whole
    corpus gives them); above it, every hit of `limit` articles drawn with the seed, and no other
    article's paragraphs are read. The line above the table says which."""
    texts = pd.concat([_paragraphs([f"Kyiv said {i}.", "Then Kiev and the Kiev regime." if i % 3 == 0 else "Nothing."],
                                   f"a{i:02d}") for i in range(70)], ignore_index=True)
    texts["bloc"] = ["russian" if int(a[1:]) % 2 else "western" for a in texts["article_id"]]
    texts.loc[texts["article_id"] >= "a60", "text"] = "No marker here."
    markers = pd.DataFrame({"article_id": [f"a{i:02d}" for i in range(60)], "count": 1})
    full = framing.marker_hits(texts).merge(texts.drop_duplicates("article_id")[["article_id", "bloc"]], on="article_id")
    full = full[["bloc", "article_id", "term", "usage", "left", "match", "right"]]

    table, note = framing.marker_hits_shown(texts, markers, limit=60)
    pd.testing.assert_frame_equal(table, full.reset_index(drop=True))
    assert note == "Every hit of the 60 articles with a marker hit."

    table, note = framing.marker_hits_shown(texts, markers, limit=40, seed=3)
    shown = sorted(set(table["article_id"]))
    assert len(shown) == 40 and set(shown) <= set(markers["article_id"])
    pd.testing.assert_frame_equal(table, full[full["article_id"].isin(shown)].reset_index(drop=True))
    assert note.startswith("Every hit of 40 of the 60 articles with a marker hit, drawn at random (seed 3)")
    again, _ = framing.marker_hits_shown(texts, markers, limit=40, seed=3)
    other, _ = framing.marker_hits_shown(texts, markers, limit=40, seed=4)
    pd.testing.assert_frame_equal(table, again)
    assert set(other["article_id"]) != set(shown)
    from analysis.framing import naming

    read = []
    search = naming.marker_hits
    monkeypatch.setattr(naming, "marker_hits",
                        lambda part, **kw: read.append(set(part["article_id"])) or search(part, **kw))
    framing.marker_hits_shown(texts, markers, limit=40, seed=3)
    assert read == [set(shown)]


def test_kwic_sample_spreads_the_rows_over_the_blocs_and_kwic_names_each_hits_layer() -> None:
    """The first 50 of 11,283 'Kiev' hits were all one outlet of one bloc: the rows shown are a seeded draw
    spread over the blocs, and each hit says whose words it stands in."""
    table = pd.DataFrame({"bloc": ["a"] * 90 + ["b"] * 30 + ["c"] * 3, "outlet": "O", "left": "", "match": "Kiev",
                          "right": "", "article_id": [f"x{i:03d}" for i in range(123)]})
    shown, note = framing.kwic_sample(table, n=20, seed=1)
    assert shown["bloc"].value_counts().to_dict() == {"a": 9, "b": 8, "c": 3}  # (c gives what it cannot use to a, b)
    assert shown.index.is_monotonic_increasing and note.startswith("A random 20 of 123 hits, spread over the blocs")
    assert framing.kwic_sample(table, n=20, seed=1)[0].equals(shown)
    assert framing.kwic_sample(table.head(5), n=20)[1] == "All 5 hit(s)."
    text = 'Lavrov said: "the Kiev regime must answer". Kiev denied it.'
    start = text.index('"') + 1
    texts = pd.DataFrame({"article_id": ["a1"], "paragraph_id": [1], "text": [text], "bloc": ["russian"]})
    quotes = pd.DataFrame({"article_id": ["a1"], "paragraph_id": [1], "kind": ["direct"], "start": [start],
                           "end": [text.index('"', start)]})
    hits = framing.kwic(texts, "Kiev", window=3, quotes=quotes)
    assert hits["layer"].tolist() == ["quoted", "narration"]
    assert "layer" not in framing.kwic(texts, "Kiev", window=3).columns


def test_kwic_takes_the_paragraph_layers_built_once() -> None:
    """Notebook 02 builds the paragraphs' layers once for all its terms (once a term cost seconds each on 100,000
    articles): the same hits and layers as from the quotes table."""
    text = 'Lavrov said: "the Kiev regime must answer". Kiev denied it. Kyiv too.'
    start = text.index('"') + 1
    texts = pd.DataFrame({"article_id": ["a1"], "paragraph_id": [1], "text": [text], "bloc": ["russian"]})
    quotes = pd.DataFrame({"article_id": ["a1"], "paragraph_id": [1], "kind": ["direct"], "start": [start],
                           "end": [text.index('"', start)]})
    layers = framing.paragraph_layers(quotes)
    for term in ("Kiev", "Kyiv"):
        assert framing.kwic(texts, term, quotes=layers).equals(framing.kwic(texts, term, quotes=quotes))


def test_the_bare_role_note_counts_the_quotes_only_the_default_puts_among_russian_officials() -> None:
    """"diplomats" and "the spokesman" are Russian officials only by the lower-case rows of section 5;
    "Russian diplomats" (a nationality) and "Peskov" (a name) are not counted as resting on the default."""
    voices = pd.DataFrame({"article_id": ["r1", "r1", "r2", "w1", "w1"], "quote_id": [1, 2, 1, 1, 2],
                           "speaker": ["diplomats", "Peskov", "Russian diplomats", "the spokesman", "Zelensky"]})
    voices["speaker_group"] = [framing.speaker_group(s) for s in voices["speaker"]]
    assert voices["speaker_group"].tolist()[:4] == ["russian_officials"] * 4
    articles = pd.DataFrame({"article_id": ["r1", "r2", "w1"], "bloc": ["russian", "russian", "western"]})
    note = framing.bare_role_note(voices, articles)
    assert note.startswith("2 of the 4 quotes and paraphrases counted as russian officials have a bare role for speaker")
    assert "'diplomats', 'the spokesman'" in note and "russian 1 of 3; western 1 of 1" in note
    named = framing.bare_role_note(voices[voices["speaker"].isin(["Peskov", "Russian diplomats"])], articles)
    assert named.startswith("No quote or paraphrase counts as russian officials by the bare-role default")
