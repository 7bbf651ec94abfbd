"""Keyness as the literature uses it: article counts per term and a minimum of articles, one
multinomial per n-gram order, spelling variants merged (politically meaningful spellings kept),
the prior's weight varied, a background prior, and the permutation null counting the same words
as the table."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

from analysis import framing, overview, paths, pipeline, plots
from analysis.cli import main
from analysis.corpus import METADATA_COLUMNS
from analysis.pipeline.article import process_article

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parents[1]


def _tables(texts: dict[str, str], blocs: dict[str, str], quotes: list[dict] | None = None) -> dict[str, pd.DataFrame]:
    """Built-like tables of one paragraph per article."""
    articles = pd.DataFrame({"article_id": list(texts), "bloc": [blocs[i] for i in texts],
                             "outlet": [f"outlet {i}" for i in texts]})
    paragraphs = pd.DataFrame({"article_id": list(texts), "paragraph_id": 1, "text": list(texts.values())})
    columns = ["article_id", "paragraph_id", "kind", "start", "end"]
    return {"articles": articles, "paragraphs": paragraphs, "quotes": pd.DataFrame(quotes or [], columns=columns)}


TEXTS = {
    "r1": "Kiev regime talks. Kiev regime again.",
    "r2": "Kiev regime collective West talks.",
    "r3": "Kiev talks Istanbul.",
    "w1": "Kyiv war invasion talks.",
    "w2": "Kyiv invasion war crimes.",
    "w3": "Kyiv war talks unique.",
}
BLOCS = {i: "russian" if i.startswith("r") else "western" for i in TEXTS}


def test_n_articles_counts_the_articles_using_each_term() -> None:
    matrix, vocab, groups = framing.article_matrix(_tables(TEXTS, BLOCS))
    table = framing.keyness(matrix, vocab, groups, "russian", "western", min_articles=1).set_index("term")
    assert table.loc["kiev", ["count_russian", "n_articles", "n_articles_russian", "n_articles_western"]].tolist() \
        == [4, 3, 3, 0]
    assert table.loc["talks", ["n_articles", "n_articles_russian", "n_articles_western"]].tolist() == [5, 3, 2]
    assert table.loc["kiev regime", ["count_russian", "n_articles"]].tolist() == [3, 2]
    assert table.loc["unique", "n_articles"] == 1


def test_article_matrix_rows_follow_the_articles_table_and_its_vocabulary_only_their_terms() -> None:
    from analysis.framing.keyterms import own_terms

    tables = _tables(TEXTS, BLOCS)
    # articles in another order than their paragraphs, one with no paragraph, and a paragraph of an
    # article the articles table does not list (its words are in no row, so not in the vocabulary)
    tables["articles"] = pd.concat([tables["articles"].iloc[::-1], pd.DataFrame(
        {"article_id": ["x0"], "bloc": ["russian"], "outlet": ["outlet x0"]})], ignore_index=True)
    tables["paragraphs"] = pd.concat([tables["paragraphs"], pd.DataFrame(
        {"article_id": ["zz"], "paragraph_id": [1], "text": ["Orphaned paragraph wording."]})], ignore_index=True)
    matrix, vocab, groups = framing.article_matrix(tables)
    assert list(vocab) == sorted(vocab) and "orphaned" not in set(vocab) and matrix.has_sorted_indices
    assert groups == tables["articles"]["bloc"].tolist() and matrix.shape == (7, len(vocab))
    for row, article_id in enumerate(tables["articles"]["article_id"]):
        expected = own_terms([TEXTS[article_id]], {}) if article_id in TEXTS else {}
        found = {vocab[j]: int(n) for j, n in zip(matrix[row].indices, matrix[row].data)}
        assert found == dict(expected)
    assert matrix[6].nnz == 0 and set(vocab) == {t for text in TEXTS.values() for t in own_terms([text], {})}


def test_article_matrix_is_the_same_with_its_texts_taken_a_few_paragraphs_at_a_time(monkeypatch) -> None:  # noqa: ANN001
    from analysis import outputs, paths
    from analysis.framing import matrix as matrix_module

    for tables in (outputs.read_tables(paths.PROCESSED), _tables(TEXTS, BLOCS)):
        tables = dict(tables.items())
        # (paragraphs out of article order: the matrix takes them in order by position)
        tables["paragraphs"] = tables["paragraphs"].iloc[::-1].reset_index(drop=True)
        whole = framing.article_matrix(tables, recount=True)
        monkeypatch.setattr(matrix_module, "MATRIX_BLOCK", 2)
        blocks = framing.article_matrix(tables, recount=True)
        monkeypatch.undo()
        assert (blocks[0] != whole[0]).nnz == 0 and list(blocks[1]) == list(whole[1]) and blocks[2] == whole[2]
        assert whole[0].nnz > 0


def test_no_row_below_the_minimum_and_the_totals_keep_every_term() -> None:
    matrix, vocab, groups = framing.article_matrix(_tables(TEXTS, BLOCS))
    every = framing.keyness(matrix, vocab, groups, "russian", "western", min_articles=1)
    shown = framing.keyness(matrix, vocab, groups, "russian", "western")
    assert framing.MIN_ARTICLES == 2 and shown["n_articles"].min() >= 2
    assert set(shown["term"]) == set(every.loc[every["n_articles"] >= 2, "term"])
    assert {"unique", "istanbul", "crimes"} & set(shown["term"]) == set()
    # the multinomial is fitted on every term: the rows shown keep their z
    merged = shown.merge(every, on="term", suffixes=("", "_all"))
    assert np.allclose(merged["z"], merged["z_all"]) and np.allclose(merged["chi2"], merged["chi2_all"])
    three = framing.keyness(matrix, vocab, groups, "russian", "western", min_articles=3)
    assert three["n_articles"].min() >= 3 and "kiev regime" not in set(three["term"])


def test_no_row_below_the_minimum_on_a_generated_corpus() -> None:
    rng = np.random.default_rng(3)
    words = [f"w{k}" for k in range(300)]
    texts = {f"a{n}": " ".join(rng.choice(words, size=int(rng.integers(5, 40)), p=None)) for n in range(30)}
    blocs = {i: ("russian", "western")[n % 2] for n, i in enumerate(texts)}
    matrix, vocab, groups = framing.article_matrix(_tables(texts, blocs))
    table = framing.keyness(matrix, vocab, groups, "russian", "western")
    docs = np.asarray((matrix > 0).sum(axis=0)).ravel()
    assert table["n_articles"].min() == 2 and len(table) == int(((docs >= 2)).sum())
    singles = set(np.asarray(vocab)[docs == 1])
    assert singles and not singles & set(table["term"])


def test_each_ngram_order_is_its_own_multinomial() -> None:
    counts = {"r": {"balance": 5, "interests": 4, "balance interests": 3, "kiev regime": 2, "talks": 9},
              "w": {"balance": 1, "interests": 2, "balance interests": 1, "kiev regime": 0, "talks": 3}}
    docs = {bloc: dict.fromkeys(part, 2) for bloc, part in counts.items()}
    before = framing.keyness_from_counts(counts, docs, "r", "w").set_index("term")
    more = {bloc: {**part, "talks": part["talks"] * 10, "war": 40} for bloc, part in counts.items()}
    after = framing.keyness_from_counts(more, {b: dict.fromkeys(p, 2) for b, p in more.items()}, "r", "w").set_index("term")
    for column in ("z", "log_odds", "chi2", "g2", "rate_r", "rate_w"):
        assert after.loc["balance interests", column] == pytest.approx(before.loc["balance interests", column], abs=1e-12)
    assert after.loc["balance", "z"] != pytest.approx(before.loc["balance", "z"])
    # the unigram rates sum to 1,000 per bloc, and so do the bigram rates
    assert after.groupby("ngram")["rate_r"].sum().tolist() == pytest.approx([1000, 1000])


def test_the_build_counts_articles_per_term_chunk_by_chunk() -> None:
    articles = pd.DataFrame({"article_id": list(TEXTS), "bloc": [BLOCS[i] for i in TEXTS],
                             "outlet": [f"outlet {i}" for i in TEXTS], "text": list(TEXTS.values())})
    articles = articles.reindex(columns=[*METADATA_COLUMNS, "text"])
    whole = pipeline.build_tables(articles, progress=False, skip_topics=True)
    chunked = pipeline.build_tables(articles, progress=False, skip_topics=True, chunk_size=2)
    pd.testing.assert_frame_equal(whole["keyness"], chunked["keyness"])
    table = whole["keyness"].set_index("term")
    assert table.loc["kiev", ["n_articles", "n_articles_russian", "n_articles_western"]].tolist() == [3, 3, 0]
    assert whole["keyness"]["n_articles"].min() >= 2
    matrix, vocab, groups = framing.article_matrix(whole)
    same = framing.keyness(matrix, vocab, groups, "russian", "western")
    pd.testing.assert_frame_equal(same.reset_index(drop=True), whole["keyness"], check_dtype=False, atol=1e-9)


def test_spelling_variants_merge_but_kyiv_and_kiev_stay_apart() -> None:
    variants = framing.spelling_variants()
    assert variants["zelenskyy"] == "zelensky" and "kiev" not in variants and "kyiv" not in variants
    assert not set(variants) & set(variants.values())
    header = paths.resource_text("spelling_variants.csv")
    assert "Kyiv / Kiev" in header and "NOT" in header
    text = "Zelenskyy met Zelensky in Kyiv. Zelenskyy's aides flew to Kiev, and Zelensky said no."
    tables = _tables({"a1": text, "a2": "Zelensky in Kiev.", "b1": "Zelenskyy in Kyiv."},
                     {"a1": "russian", "a2": "russian", "b1": "western"})
    matrix, vocab, _ = framing.article_matrix(tables)
    row = dict(zip(vocab, matrix.toarray()[0]))
    assert row["zelensky"] == 3 and "zelenskyy" not in row and row["zelensky's"] == 1
    assert row["kyiv"] == 1 and row["kiev"] == 1 and row["zelensky met"] == 1  # merged before bigrams
    built = process_article({"article_id": "x", "text": text})["terms"]
    assert {k: v for k, v in built.items() if k in row} == {k: v for k, v in row.items() if v}


def test_a_variants_file_that_chains_or_lists_a_stop_word_is_refused(tmp_path: Path) -> None:
    chained = tmp_path / "chained.csv"
    chained.write_text("# test\nvariant,canonical\nzelenskyy,zelenskiy\nzelenskiy,zelensky\n", encoding="utf-8")
    with pytest.raises(ValueError, match="both as canonical form and as variant"):
        framing.spelling_variants(chained)
    stop = tmp_path / "stop.csv"
    stop.write_text("variant,canonical\nthe,a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="stop word"):
        framing.spelling_variants(stop)


def test_the_null_and_the_table_count_the_same_words() -> None:
    text = 'Lavrov called it "the Kiev regime" in Moscow. Talks resumed in Istanbul.'
    quotes = [{"article_id": "r1", "paragraph_id": 1, "kind": "direct", "start": text.index('"'),
               "end": text.index('" in') + 1}]
    tables = _tables({"r1": text, "r2": "Talks in Moscow.", "w1": "Talks in Istanbul, Moscow silent."},
                     {"r1": "russian", "r2": "russian", "w1": "western"}, quotes)
    matrix, vocab, groups = framing.article_matrix(tables)
    row = dict(zip(vocab, matrix.toarray()[0]))
    assert "kiev" not in row and "regime" not in row and row["lavrov"] == 1  # the quoted words are blanked


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("seed")
    assert main(["build", "--corpus", str(ROOT / "data" / "raw"), "--out", str(out), "--skip-topics", "--no-cache",
                 "--quiet"]) == 0
    return overview.read_tables(out)


def test_the_built_seed_table_has_no_row_below_the_minimum(seed_build: dict[str, pd.DataFrame]) -> None:
    table = seed_build["keyness"]
    assert len(table) > 50 and table["n_articles"].min() >= framing.MIN_ARTICLES
    assert (table["n_articles"] == table["n_articles_russian"] + table["n_articles_western"]).all()
    assert "zelenskyy" not in set(table["term"])


def test_article_matrix_counts_what_the_build_counted(seed_build: dict[str, pd.DataFrame]) -> None:
    table = seed_build["keyness"].set_index("term")
    matrix, vocab, groups = framing.article_matrix(seed_build)
    groups = np.asarray(groups)
    for bloc in ("russian", "western"):
        sums = pd.Series(np.asarray(matrix[groups == bloc].sum(axis=0)).ravel(), index=vocab)
        docs = pd.Series(np.asarray((matrix[groups == bloc] > 0).sum(axis=0)).ravel(), index=vocab)
        assert (sums[table.index] == table[f"count_{bloc}"]).all()
        assert (docs[table.index] == table[f"n_articles_{bloc}"]).all()
        unigrams = table.index[table["ngram"] == 1]
        rate = 1000 * sums[unigrams] / sums[[t for t in vocab if " " not in t]].sum()
        assert np.allclose(rate, table.loc[unigrams, f"rate_{bloc}"])
    again = framing.keyness(matrix, vocab, groups, "russian", "western").set_index("term")
    assert np.allclose(again.loc[table.index, "z"], table["z"], atol=1e-8)


def test_the_built_article_terms_are_what_counting_the_paragraphs_again_gives() -> None:
    """On the seeds' tables (the realistic corpus: `test_framing`); read as categoricals, each distinct term once."""
    from analysis import outputs

    on_disk = outputs.read_tables(paths.PROCESSED)
    read = framing.article_matrix(on_disk)
    counted = framing.article_matrix(on_disk, recount=True)
    assert read[0].shape == counted[0].shape and (read[0] != counted[0]).nnz == 0
    assert list(read[1]) == list(counted[1]) and read[2] == counted[2] and read[0].nnz > 1000
    terms = on_disk.columns_of("article_terms", categories=("article_id", "term"))
    assert isinstance(terms["term"].dtype, pd.CategoricalDtype) and "article_terms" not in on_disk._read
    table = on_disk["article_terms"]
    built = {"articles": on_disk["articles"]}
    firsts = table.groupby("article_id", sort=False).head(1)["article_id"].tolist()
    assert firsts == [a for a in built["articles"]["article_id"] if a in set(firsts)]  # (the articles' order)
    assert all(list(g["term"]) == sorted(g["term"]) for _, g in table.groupby("article_id"))
    assert (table["count"] > 0).all() and not table.duplicated(["article_id", "term"]).any()


def test_article_matrix_takes_the_articles_table_s_rows_from_article_terms() -> None:
    articles = pd.DataFrame({"article_id": ["b", "a", "c"], "bloc": ["x", "y", "x"]})
    counts = pd.DataFrame({"article_id": ["a", "a", "b", "z"], "term": ["war", "peace", "war", "talks"],
                           "count": [2, 1, 3, 9]})
    matrix, vocab, groups = framing.article_matrix({"articles": articles, "article_terms": counts})
    assert list(vocab) == ["peace", "war"] and groups == ["x", "y", "x"]  # ("talks": only an article not listed)
    assert matrix.toarray().tolist() == [[0, 3], [1, 2], [0, 0]]


def test_article_matrix_reads_an_article_terms_file_a_batch_at_a_time_as_it_reads_the_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From a Parquet file not read yet, `article_matrix` reads the counts in batches (here of 2 rows) into
    32-bit arrays: the same matrix and terms as from the table as a frame, with rows out of order, an
    article listed twice, ids and terms the articles table lacks, and empty values (left out)."""
    from analysis import outputs
    from analysis.framing import matrix as matrix_module

    articles = pd.DataFrame({"article_id": ["b", "a", "c", "a"], "bloc": ["x", "y", "x", "y"]})
    counts = pd.DataFrame({"article_id": ["a", "a", "b", "z", None, "c", "b", "c"],
                           "term": ["war", "peace", "war", "talks", "war", "truce", None, "war"],
                           "count": pd.array([2, 1, 3, 9, 4, 5, 6, None], dtype="Int64")})
    path = tmp_path / "article_terms.parquet"
    counts.to_parquet(path, row_group_size=3)
    monkeypatch.setattr(matrix_module, "TERM_BATCH", 2)
    on_disk = outputs.Tables({"article_terms": (path, len(counts))})
    on_disk["articles"] = articles
    matrix, vocab, groups = framing.article_matrix(on_disk)
    assert "article_terms" not in on_disk._read and matrix.indices.dtype == np.int32  # (read its own way, not kept)
    assert list(vocab) == ["peace", "truce", "war"] and groups == ["x", "y", "x", "y"]
    assert matrix.toarray().tolist() == [[0, 0, 3], [1, 0, 2], [0, 5, 0], [0, 0, 0]]
    frame = counts.dropna().astype({"count": "int64"})
    same, same_vocab, _ = framing.article_matrix({"articles": articles, "article_terms": frame})
    assert (same != matrix).nnz == 0 and list(same_vocab) == list(vocab)
    with pytest.raises(outputs.IncompleteOutputError, match="8 rows, but the manifest says the build wrote 9"):
        short = outputs.Tables({"article_terms": (path, 9)})
        short["articles"] = articles
        framing.article_matrix(short)


def test_articles_without_terms_write_an_empty_article_terms_table_of_the_same_types(tmp_path: Path) -> None:
    from analysis import outputs
    from analysis.pipeline.article import term_frame
    from analysis.pipeline.tidy import _tidy

    empty, full = _tidy("article_terms", term_frame(["a"], [{}])), _tidy("article_terms", term_frame(["b"], [{"war": 2}]))
    assert empty.dtypes.to_dict() == full.dtypes.to_dict() and len(empty) == 0
    for fmt in ("parquet", "csv"):  # (read back with its text as categoricals, from either format)
        path = tmp_path / f"t.{fmt}"
        full.to_parquet(path) if fmt == "parquet" else full.to_csv(path, index=False)
        read = outputs.Tables({"article_terms": (path, 1)}).columns_of("article_terms", categories=("article_id", "term"))
        assert isinstance(read["term"].dtype, pd.CategoricalDtype) and read["term"].tolist() == ["war"]
        matrix, vocab, _ = framing.article_matrix({"articles": pd.DataFrame({"article_id": ["b"], "bloc": ["x"]}),
                                                   "article_terms": read})
        assert list(vocab) == ["war"] and matrix.toarray().tolist() == [[2]]


def test_the_null_names_its_most_distinct_split(seed_build: dict[str, pd.DataFrame]) -> None:
    matrix, vocab, groups = framing.article_matrix(seed_build)
    null, split = framing.null_max_z(matrix, vocab, groups, "russian", "western", return_split=True)
    fake = np.where(split, "russian", "western")
    assert framing.keyness(matrix, vocab, fake, "russian", "western")["z"].abs().max() == pytest.approx(null.max())
    text = framing.null_split_summary(seed_build["articles"], split, matrix, vocab, "russian", "western")
    assert f"({null.max():.2f}, " in text and all(i in text for i in seed_build["articles"]["article_id"])


def test_a_larger_prior_shrinks_every_z_on_a_toy_example() -> None:
    counts = {"r": {"kiev": 6, "talks": 4, "war": 1, "peace": 5, "regime": 2},
              "w": {"kyiv": 6, "talks": 3, "war": 6, "peace": 5, "invasion": 2}}
    docs = {bloc: dict.fromkeys(part, 2) for bloc, part in counts.items()}
    z = pd.DataFrame({s: framing.keyness_from_counts(counts, docs, "r", "w", prior_scale=s).set_index("term")["z"]
                      for s in (0.1, 1.0, 10.0)})
    assert (z.abs().diff(axis=1).iloc[:, 1:] < 0).all().all()
    # a term both blocs use shrinks from the smallest weight on; the sign never changes
    assert abs(z.loc["war", 0.1]) < abs(framing.keyness_from_counts(counts, docs, "r", "w", prior_scale=0.01)
                                        .set_index("term").loc["war", "z"])
    assert (np.sign(z[0.1]) == np.sign(z[10.0])).all()
    with pytest.raises(ValueError, match="positive"):
        framing.keyness_from_counts(counts, docs, "r", "w", prior_scale=0)


def test_prior_sensitivity_reports_each_weight() -> None:
    matrix, vocab, groups = framing.article_matrix(_tables(TEXTS, BLOCS))
    summary, terms = framing.prior_sensitivity(matrix, vocab, groups, "russian", "western", top=2)
    assert summary["scale"].tolist() == [0.1, 1.0, 10.0]
    for scale, threshold in zip(summary["scale"], summary["threshold"]):
        null = framing.null_max_z(matrix, vocab, groups, "russian", "western", prior_scale=scale)
        assert threshold == pytest.approx(null.max())
        table = framing.keyness(matrix, vocab, groups, "russian", "western", prior_scale=scale).set_index("term")
        part = terms[terms["scale"] == scale].set_index("term")
        assert np.allclose(part["z"], table.loc[part.index, "z"])
    assert len(terms) == 3 * 4 and set(terms["bloc"]) == {"russian", "western"}
    assert summary.loc[summary["scale"] == 1.0, "top_russian"].item() == "kiev"
    fig = plots.keyness_prior_sensitivity(summary, terms, "russian", "western")
    assert len(fig.axes) == 2
    labels = [t for t in fig.axes[0].texts if hasattr(t, "xyann")]
    assert labels and all(t.xyann[0] > 0 for t in labels)  # right of the lines' ends, never across the lines
    matplotlib.pyplot.close(fig)
    # no term beyond noise at any weight: a sentence in place of two lines of zeros
    counts = {f"n_beyond_{bloc}": 0 for bloc in ("russian", "western")}
    fig = plots.keyness_prior_sensitivity(summary.assign(**counts), terms, "russian", "western")
    left, right = fig.axes
    assert not right.axison and not right.lines and right.get_title().endswith(": none")
    assert "At no prior weight does a term of russian or western pass" in right.texts[0].get_text().replace("\n", " ")
    assert left.lines  # the terms' lines stay
    matplotlib.pyplot.close(fig)


def test_prior_sensitivity_shares_one_set_of_sampled_relabellings_across_weights() -> None:
    """The relabellings' counts are summed once for every weight: each weight's threshold is still
    exactly `null_max_z`'s at that weight, with the same seed (sampled relabellings, 40 articles)."""
    from scipy import sparse

    rng = np.random.default_rng(3)
    matrix = sparse.csr_matrix(rng.poisson(0.7, size=(40, 30)))
    vocab = np.asarray([f"w{k:02d}" for k in range(25)] + [f"w{k:02d} w{k + 1:02d}" for k in range(5)])
    groups = ["russian"] * 18 + ["western"] * 17 + ["other"] * 5
    summary, _ = framing.prior_sensitivity(matrix, vocab, groups, "russian", "western", n_perm=50, seed=9)
    for scale, threshold in zip(summary["scale"], summary["threshold"]):
        null = framing.null_max_z(matrix, vocab, groups, "russian", "western", n_perm=50, seed=9, prior_scale=scale)
        assert len(null) == 50 and threshold == framing.noise_threshold(null)
    assert summary["threshold"].nunique() == 3


def test_the_null_takes_sampled_relabellings_a_batch_at_a_time(monkeypatch) -> None:  # noqa: ANN001
    """Drawn relabellings are never all held at once (10,000 of 100,000 articles were 4 GB): the null
    and its largest relabelling are the same whatever the batches, and the same as from every
    relabelling drawn at once."""
    from scipy import sparse

    from analysis import stats

    rng = np.random.default_rng(4)
    matrix = sparse.csr_matrix(rng.poisson(0.7, size=(40, 30)))
    vocab = np.asarray([f"w{k:02d}" for k in range(30)])
    groups = ["russian"] * 18 + ["western"] * 17 + ["other"] * 5
    null, split = framing.null_max_z(matrix, vocab, groups, "russian", "western", n_perm=60, seed=2, return_split=True)
    at_once = stats.relabellings(35, 18, limit=60, seed=2)[0]
    assert split.sum() == 18 and set(np.flatnonzero(split)) == set(at_once[int(np.nanargmax(null))])
    drawn = stats.sampled_relabellings
    monkeypatch.setattr(stats, "sampled_relabellings", lambda *a, **k: drawn(*a, **k, batch_values=18 * 7))
    monkeypatch.setattr(stats, "relabellings", lambda *a, **k: pytest.fail("drawn relabellings held at once"))
    small, small_split = framing.null_max_z(matrix, vocab, groups, "russian", "western", n_perm=60, seed=2,
                                            return_split=True)
    assert np.array_equal(small, null) and np.array_equal(small_split, split) and len(null) == 60


def test_a_background_prior_reaches_keyness_for() -> None:
    tables = _tables(TEXTS, BLOCS)
    default = framing.keyness_for(tables, "russian", "western").set_index("term")
    background = {"kiev": 1000, "kyiv": 1000, "talks": 10, "war": 10}
    tilted = framing.keyness_for(tables, "russian", "western", background=background).set_index("term")
    matrix, vocab, groups = framing.article_matrix(tables)
    direct = framing.keyness(matrix, vocab, groups, "russian", "western", background=background).set_index("term")
    assert np.allclose(tilted["z"], direct.loc[tilted.index, "z"])
    assert abs(tilted.loc["kiev", "z"]) < abs(default.loc["kiev", "z"])  # a heavy prior shrinks it
    built = {**tables, "keyness": framing.keyness(matrix, vocab, groups, "russian", "western")}
    assert framing.keyness_for(built, "russian", "western") is built["keyness"]
    assert framing.keyness_for(built, "russian", "western", prior_scale=10.0) is not built["keyness"]


def test_summary_marks_chi2_and_g2_as_token_level() -> None:
    table = pd.DataFrame({"term": ["regime", "kyiv"], "z": [3.2, -3.5]})
    articles = pd.DataFrame({"bloc": ["russian"] * 3 + ["western"] * 3})
    text = framing.keyness_summary(table, np.array([1.0, 3.04]), "russian", "western", articles)
    assert "token-level" in text and "used by at least 2 of these articles" in text


def test_fightin_words_draws_terms_inside_the_noise_band_in_grey() -> None:
    from analysis.plots.keyness import WITHIN_NOISE, WITHIN_NOISE_LABEL

    table = pd.DataFrame({"term": [f"t{k}" for k in range(8)], "count_russian": [9, 5, 3, 1, 0, 1, 2, 0],
                          "count_western": [0, 1, 2, 3, 9, 5, 1, 4], "z": [3.0, 1.0, 0.5, -0.2, -3.2, -1.5, 0.1, -0.9],
                          "rate_russian": [9, 5, 3, 1, 0, 1, 2, 0], "rate_western": [0, 1, 2, 3, 9, 5, 1, 4]})
    for figure in (plots.fightin_words, plots.term_map):
        fig = figure(table, "russian", "western", threshold=2.0)
        ax = fig.axes[0]
        colours = {t.get_text(): matplotlib.colors.to_hex(t.get_color()) for t in ax.texts if t.get_text() in
                   set(table["term"])}
        inside = set(table.loc[table["z"].abs() <= 2.0, "term"])
        assert colours and all((c == WITHIN_NOISE_LABEL.lower()) == (t in inside) for t, c in colours.items())
        for collection in ax.collections:
            offsets = collection.get_offsets()
            if len(offsets) and collection.get_array() is None:
                face = {matplotlib.colors.to_hex(c) for c in collection.get_facecolors()}
                if face <= {WITHIN_NOISE.lower(), WITHIN_NOISE_LABEL.lower()}:
                    ys = offsets[:, 1] if figure is plots.fightin_words else None
                    assert ys is None or (np.abs(ys) <= 2.0).all()
        matplotlib.pyplot.close(fig)


@pytest.mark.slow  # about 8 s: eight saved figures
def test_keyness_figures_are_the_same_bytes_every_run(tmp_path: Path) -> None:
    rng = np.random.default_rng(4)
    ca, cb = rng.integers(0, 6, 80), rng.integers(0, 6, 80)
    table = pd.DataFrame({"term": [f"term{k:03d}" for k in range(80)], "count_russian": ca, "count_western": cb,
                          "rate_russian": ca / 10, "rate_western": cb / 10,
                          "z": np.round((ca - cb) / np.sqrt(ca + cb + 1), 1)})
    blobs = []
    for run in range(2):
        for name, figure in (("fw", plots.fightin_words), ("map", plots.term_map)):
            fig = figure(table, "russian", "western", threshold=1.5)
            plots.save(fig, name, tmp_path / str(run))
            matplotlib.pyplot.close(fig)
        blobs.append([(tmp_path / str(run) / f"{n}.{ext}").read_bytes() for n in ("fw", "map") for ext in ("png", "svg")])
    assert blobs[0] == blobs[1]


def test_noise_threshold_is_a_quantile_that_does_not_rise_with_the_number_of_shuffles() -> None:
    """With ten relabellings (five articles) the threshold is the largest value and the text says no
    term can stand out at 5%; with many, it is the 95% quantile, stable as shuffles grow (the
    largest value would rise), and NaN where the null is empty."""
    ten = np.arange(1.0, 11.0)
    assert framing.noise_threshold(ten) == 10.0
    assert "too few" in framing.noise_threshold_text(ten)
    rng = np.random.default_rng(0)
    small, large = rng.gumbel(3, 0.3, 200), rng.gumbel(3, 0.3, 20_000)
    assert framing.noise_threshold(small) == np.quantile(small, 0.95, method="higher") < small.max()
    assert abs(framing.noise_threshold(small) - framing.noise_threshold(large)) < 0.15
    assert large.max() - framing.noise_threshold(large) > 0.8  # the largest of 20,000 sits far above
    assert "95% quantile" in framing.noise_threshold_text(small) and "5% family-wise" in framing.noise_threshold_text(small)
    assert np.isnan(framing.noise_threshold(np.array([]))) and np.isnan(framing.noise_threshold(np.array([np.nan])))
    assert framing.noise_threshold(np.r_[np.arange(19.0), np.nan]) == 18.0  # 19 values: too few for 95%


def test_the_sampled_noise_threshold_has_a_monte_carlo_range_that_covers_the_true_quantile() -> None:
    """The range of `noise_threshold_range` holds the threshold, narrows as draws grow, is one point with too
    few draws, and covers the quantile of the distribution drawn from in about 95% of repeated samples."""
    from scipy.stats import gumbel_r

    truth = gumbel_r.ppf(0.95, loc=3, scale=0.3)
    rng = np.random.default_rng(1)
    covered = []
    for _ in range(400):
        draws = rng.gumbel(3, 0.3, 200)
        low, high = framing.noise_threshold_range(draws)
        assert low <= framing.noise_threshold(draws) <= high
        covered.append(low <= truth <= high)
    assert 0.91 <= np.mean(covered) <= 0.995
    wide = np.subtract(*framing.noise_threshold_range(rng.gumbel(3, 0.3, 200))[::-1])
    narrow = np.subtract(*framing.noise_threshold_range(rng.gumbel(3, 0.3, 20_000))[::-1])
    assert narrow < wide / 4
    assert framing.noise_threshold_range(np.arange(1.0, 11.0)) == (10.0, 10.0)
    assert all(np.isnan(framing.noise_threshold_range(np.array([np.nan]))))


def test_keyness_summary_marks_terms_within_the_thresholds_sampling_range() -> None:
    """A term beyond the sampled threshold but below its range's upper end is named as near the threshold;
    one beyond the range is not; with every relabelling enumerated there is no range to state."""
    null = np.linspace(1.0, 3.0, 200)  # (threshold 2.90; range about [2.86, 2.96])
    low, high = framing.noise_threshold_range(null)
    table = pd.DataFrame({"term": ["kiev", "operation", "kyiv"], "z": [4.1, (framing.noise_threshold(null) + high) / 2, -9.0]})
    articles = pd.DataFrame({"bloc": ["russian", "western"] * 20})
    text = framing.keyness_summary(table, null, "russian", "western", articles)
    assert f"95% range [{low:.2f}, {high:.2f}] from these 200 draws" in text
    assert '"kiev" (z 4.10), "operation" (z ' in text and ", near the threshold)" in text
    assert '"kyiv" (z 9.00)' in text and text.count(", near the threshold)") == 1
    exact = framing.keyness_summary(table, np.linspace(1.0, 3.0, 20), "russian", "western", articles.head(6))
    assert "every one of the 20 relabellings" in exact and "range" not in exact


def test_the_packaged_stop_words_are_scikit_learns_list() -> None:
    """`resources/stop_words.txt` is scikit-learn's English list, copied so that counting terms does
    not import scikit-learn: this fails if either changes."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from analysis.ngrams import stop_words

    assert stop_words() == frozenset(ENGLISH_STOP_WORDS) and len(stop_words()) == 318
