"""The build command and its tables, on the seed corpus and on small corpora made here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus, overview, pipeline, schema
from analysis.cli import main

ROOT = Path(__file__).resolve().parents[1]
PROCESSED = ROOT / "data" / "processed"


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pd.DataFrame]:
    articles, problems = corpus.load_corpus(ROOT / "data" / "raw")
    return pipeline.build_tables(articles, problems, progress=False)


def test_build_reproduces_the_committed_tables_byte_for_byte(tmp_path: Path) -> None:
    assert main(["build", "--out", str(tmp_path), "--quiet"]) == 0
    committed = sorted(p.name for p in PROCESSED.glob("*.parquet"))
    assert committed == sorted(p.name for p in tmp_path.glob("*.parquet")) == sorted(f"{n}.parquet" for n in schema.TABLE_COLUMNS)
    for name in [*committed, "manifest.json"]:
        assert (tmp_path / name).read_bytes() == (PROCESSED / name).read_bytes(), f"{name} differs: rebuild data/processed"


def test_tables_have_the_documented_columns(seed_tables: dict[str, pd.DataFrame]) -> None:
    readme = (PROCESSED / "README.md").read_text(encoding="utf-8")
    for name, columns in schema.TABLE_COLUMNS.items():
        assert tuple(seed_tables[name].columns[: len(columns)]) == columns
        assert f"## {name}" in readme
        for column in columns:
            assert re.search(rf"\b{re.escape(column)}\b", readme), f"{name}.{column} is not documented"


def test_every_raw_line_is_accounted_for_once(seed_tables: dict[str, pd.DataFrame]) -> None:
    table = overview.accounting(seed_tables)
    assert table["ok"].all(), table
    assert table["n_lines"].sum() == 147


def test_seed_tables_content(seed_tables: dict[str, pd.DataFrame]) -> None:
    articles = seed_tables["articles"].set_index("article_id")
    assert list(articles.index) == ["000_essanews", "001_svpressa", "002_19fortyfive", "003_rt", "004_nsj"]
    assert articles.loc["000_essanews", "text_date"] == "2024-01-28"
    assert articles.loc["001_svpressa", "text_author"] == "Dmitriy Rodionov"
    assert articles.loc["003_rt", "n_removed_lines"] == 0
    sentences = seed_tables["sentences"]
    assert sentences.groupby("article_id")["sentence_id"].apply(lambda s: list(s) == list(range(1, len(s) + 1))).all()
    price = sentences[sentences["text"].str.startswith("“We see this as posturing.")]
    assert price["in_quote"].all() and (price["speaker"] == "Ned Price").all()
    assert (articles["n_sentences"] == sentences.groupby("article_id").size()).all()


def test_process_article_is_a_pure_function() -> None:
    article = {"article_id": "a", "text": "Headline about the talks\n\n“We are ready to talk,” Lavrov said on Friday in Minsk.\nAdvertisement\n",
               "title": None, "author": None}
    first, second = pipeline.process_article(article), pipeline.process_article(dict(article))
    assert first == second
    assert [r["reason"] for r in first["removed_lines"]] == ["advert"]
    assert first["quotes"][0]["speaker"] == "Lavrov"


def test_csv_format_and_user_table_corpus(tmp_path: Path) -> None:
    table = tmp_path / "export.jsonl"
    rows = [
        {"article_id": "k1", "outlet": "Kyiv Daily", "bloc": "Ukrainian", "published": "May 17, 2025",
         "text": "Zelensky says Ukraine is ready to meet Putin\nShare\nZelensky said on Saturday that Ukraine was ready for a meeting with Putin in any format.\n"},
        {"article_id": "m1", "outlet": "Moscow Herald", "bloc": "russian",
         "text": "Peskov says talks are possible\nPeskov told reporters on Monday that the talks could resume in Istanbul soon.\n"},
    ]
    table.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(table), "--out", str(out), "--format", "csv", "--quiet"]) == 0
    articles = pd.read_csv(out / "articles.csv")
    assert list(articles["bloc"]) == ["ukrainian", "russian"]
    assert list(articles["published"].fillna("")) == ["2025-05-17", ""]
    removed = pd.read_csv(out / "removed_lines.csv")
    assert removed[["article_id", "line_no", "reason"]].values.tolist() == [["k1", 2, "social"]]
    tables = overview.read_tables(out)
    assert set(tables) == set(schema.TABLE_COLUMNS)


def test_lenient_build_reports_and_skips_a_bad_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Lavrov says talks possible\nLavrov said on Friday that Moscow was ready for talks.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"Peskov says\n\xff\xfe broken bytes here\n")
    (folder / "metadata.csv").write_text(
        "article_id,file,outlet,bloc\ng,good.txt,RT,russian\nb,bad.txt,RT,russian\nm,missing.txt,RT,russian\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet"]) == 2
    assert "error:" in capsys.readouterr().err
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--lenient", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "bad.txt" in err and "missing.txt" in err
    problems = pd.read_parquet(out / "problems.parquet")
    assert sorted(problems["problem"]) == ["encoding", "missing_file"]
    assert sorted(pd.read_parquet(out / "articles.parquet")["article_id"]) == ["b", "g"]


def test_clean_command_prints_kept_and_removed_lines() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "clean", str(ROOT / "data" / "raw" / "004_8266323ece6c59c2.txt")],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    out = result.stdout
    assert "## kept" in out and "## removed" in out
    assert re.search(r"\[\s+7\] title\s+‘Putin Thinks He Is Winning’", out)
    assert re.search(r"\[\s+59\] comments\s+Leave a Reply", out)


def test_clean_command_reports_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "no/such/file.txt"]) == 2
    assert "no/such/file.txt: no such file" in capsys.readouterr().err


def test_build_with_learned_abbreviations(tmp_path: Path) -> None:
    assert main(["build", "--out", str(tmp_path), "--learn-abbreviations", "--quiet"]) == 0
    sentences = pd.read_parquet(tmp_path / "sentences.parquet")
    assert len(sentences) == len(pd.read_parquet(PROCESSED / "sentences.parquet"))


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    """The same tables from one process and from a pool of two (forced on a small corpus)."""
    articles, problems = corpus.load_corpus(ROOT / "tests" / "fixtures" / "naming")
    serial = pipeline.build_tables(articles, problems, progress=False, skip_topics=True)
    parallel = pipeline.build_tables(articles, problems, progress=False, skip_topics=True, jobs=2, min_articles_per_job=1)
    assert serial.keys() == parallel.keys()
    for name in serial:
        pd.testing.assert_frame_equal(serial[name], parallel[name])
