"""Written tables are the same bytes on any CPU (floats rounded before writing), and the
sentence scorers `build` runs are chosen, with the cross-checks computed on demand."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import corpus, pipeline, schema, sentiment
from analysis.cli import main
from analysis.pipeline.tidy import _tidy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pd.DataFrame]:
    articles, problems = corpus.load_corpus(ROOT / "data" / "raw")
    return pipeline.build_tables(articles, problems, progress=False, skip_topics=True)


def test_round_significant_keeps_ten_digits_and_special_values() -> None:
    values = np.array([1 / 3, -2 / 3, 123456.7890123456, 1e-9 / 3, 0.0, -0.0, np.nan, np.inf, -np.inf, 0.4588, 3e-13])
    rounded = pipeline.round_significant(values)
    assert rounded[0] == 0.3333333333 and rounded[1] == -0.6666666667
    assert rounded[2] == 123456.789 and rounded[3] == 3.333333333e-10 and rounded[10] == 0
    assert rounded[4] == 0 and rounded[5] == 0 and not np.signbit(rounded[5]) and np.isnan(rounded[6])
    assert rounded[7] == np.inf and rounded[8] == -np.inf and rounded[9] == 0.4588


def test_round_significant_equals_decimal_rounding_of_each_value() -> None:
    rng = np.random.default_rng(7)
    values = rng.normal(size=20_000) * np.exp(rng.normal(size=20_000) * 4)
    values = values[np.abs(values) >= pipeline.SMALLEST]
    expected = np.array([float(format(v, ".10g")) for v in values.tolist()])
    assert np.array_equal(pipeline.round_significant(values), expected)


def _parquet_bytes(table: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False, engine="pyarrow", compression="zstd")
    return buffer.getvalue()


def test_tables_are_the_same_bytes_when_every_float_moves_by_one_bit(seed_tables: dict[str, pd.DataFrame]) -> None:
    """What a CPU whose vectorised maths differs in the last bit does to the floats before
    they are written: the written bytes must not change."""
    checked = 0
    for name, table in sorted(seed_tables.items()):
        floats = [c for c in table.columns if pd.api.types.is_float_dtype(table[c])]
        if not floats:
            continue
        for direction in (np.inf, -np.inf):
            moved = table.copy()
            for column in floats:
                moved[column] = np.nextafter(table[column].to_numpy(), direction)
                checked += int(np.isfinite(table[column]).sum())
            assert _parquet_bytes(_tidy(name, moved)) == _parquet_bytes(_tidy(name, table)), name
    assert checked > 1000  # sentiment, keyness, frames, markers, article_framing


def test_without_rounding_a_last_bit_change_would_show(seed_tables: dict[str, pd.DataFrame]) -> None:
    """The check above can fail: unrounded, the same one-bit change alters the bytes."""
    table = seed_tables["keyness"]
    moved = table.assign(z=np.nextafter(table["z"].to_numpy(), np.inf))
    assert _parquet_bytes(moved) != _parquet_bytes(table)


def test_build_runs_vader_and_the_topic_neutral_variant_by_default(seed_tables: dict[str, pd.DataFrame]) -> None:
    columns = list(seed_tables["sentiment"].columns)
    assert columns == ["article_id", "sentence_id", "neg", "neu", "pos", "compound", "compound_neutral"]


def test_build_writes_the_cross_check_scorers_when_asked(tmp_path: Path) -> None:
    assert main(["build", "--out", str(tmp_path), "--quiet", "--skip-topics", "--no-cache",
                 "--scorers", "vader,nltk,textblob"]) == 0
    table = pd.read_parquet(tmp_path / "sentiment.parquet")
    assert list(table.columns) == ["article_id", "sentence_id", "neg", "neu", "pos", "compound", "compound_nltk",
                                   "polarity_textblob"]
    reference = sentiment.score_sentences(pd.read_parquet(tmp_path / "sentences.parquet"))
    merged = table.merge(reference, on=["article_id", "sentence_id"], suffixes=("", "_ref"))
    assert len(merged) == len(table) > 100
    assert np.allclose(merged["compound_nltk"], merged["compound_nltk_ref"], atol=1e-9)
    assert np.allclose(merged["polarity_textblob"], merged["polarity_textblob_ref"], atol=1e-9)


def test_an_unknown_scorer_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--out", str(tmp_path / "out"), "--quiet", "--scorers", "vader,bert"]) == 2
    assert "unknown sentence scorer(s) bert: choose from vader, neutral, nltk, textblob" in capsys.readouterr().err


def test_cross_checks_are_computed_on_demand_and_bounded(seed_tables: dict[str, pd.DataFrame]) -> None:
    frame = sentiment.sentence_frame(seed_tables)
    assert "compound_nltk" not in frame
    full = sentiment.with_cross_checks(frame)
    assert len(full) == len(frame) and full[["compound_nltk", "polarity_textblob"]].notna().all().all()
    keep = frame["sentence_id"] == 1
    sample = sentiment.with_cross_checks(frame, limit=20, seed=3, keep=keep)
    assert 20 <= len(sample) <= 20 + int(keep.sum()) and keep[sample.index].sum() == keep.sum()
    assert sample.index.equals(sentiment.with_cross_checks(frame, limit=20, seed=3, keep=keep).index)
    agreement = sentiment.agreement_between_methods(frame)
    assert agreement.shape == (4, 4) and np.allclose(np.diag(agreement), 1)
    metrics = sentiment.validate(frame)
    assert set(metrics["method"]) >= set(sentiment.METHODS) and metrics["n"].max() > 100


def test_cross_checks_of_a_corpus_without_coded_sentences() -> None:
    frame = pd.DataFrame({"article_id": ["x"], "sentence_id": [1], "text": ["Talks went well."], "compound": [0.2],
                          "neg": [0.0], "neu": [0.6], "pos": [0.4], "compound_neutral": [0.2]})
    metrics = sentiment.validate(frame)
    assert (metrics["n"] == 0).all()
    assert list(sentiment.with_cross_checks(frame.iloc[0:0]).columns)[-2:] == ["compound_nltk", "polarity_textblob"]


def test_an_empty_table_keeps_its_float_columns() -> None:
    """A corpus with no marker hit (say, articles not in English) writes an empty markers table whose
    rate_per_1000 is still a float, and so can still be divided and plotted; the same for each
    float column of every table and the columns keyness and article_framing name after blocs."""
    from analysis.schema import TABLE_COLUMNS

    for name, columns in TABLE_COLUMNS.items():
        empty = _tidy(name, pd.DataFrame(columns=list(columns)))
        floats = [c for c in columns if pd.api.types.is_float_dtype(empty[c])]
        assert floats == [c for c in columns if c in schema.FLOAT_COLUMNS], name
    framing_columns = ["article_id", "naming_index", "rate_capital", "frame_morality", "voice_media", "outlet"]
    empty = _tidy("article_framing", pd.DataFrame(columns=framing_columns))
    assert [str(t) for t in empty.dtypes] == ["string", "float64", "float64", "float64", "float64", "string"]
    assert str(_tidy("keyness", pd.DataFrame(columns=["term", "rate_russian"]))["rate_russian"].dtype) == "float64"
    assert str(_tidy("markers", pd.DataFrame(columns=["term", "rate_per_1000"]))["term"].dtype) == "string"
