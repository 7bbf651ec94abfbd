"""Tests for analysis.corpus: small corpora are built in each test so expectations sit next to inputs."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import corpus, overview, stats
from analysis.corpus import (
    METADATA_COLUMNS,
    PROBLEM_COLUMNS,
    PROBLEM_KINDS,
    CorpusError,
    corpus_fingerprint,
    load_corpus,
    normalise_date,
    sha256_file,
)
from analysis.paths import RAW

HEADER = ("article_id", "file", "outlet", "bloc", "published")


# --------------------------------------------------------------------------- builders


def make_folder(
    root: Path,
    rows: list[dict[str, str]],
    texts: dict[str, str | bytes],
    *,
    header: tuple[str, ...] | None = None,
) -> Path:
    """Write metadata.csv (from `rows`) and text files (str as UTF-8, bytes as is) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    columns = list(header or (rows[0].keys() if rows else HEADER))
    with open(root / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    for name, content in texts.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def row(
    article_id: str,
    file: str | None = None,
    *,
    outlet: str = "RT",
    bloc: str = "russian",
    published: str = "2024-01-28",
) -> dict[str, str]:
    """One metadata.csv row; the file defaults to `<article_id>.txt`."""
    return {
        "article_id": article_id,
        "file": file or f"{article_id}.txt",
        "outlet": outlet,
        "bloc": bloc,
        "published": published,
    }


def rec(article_id: str, text: str | None, **more: object) -> dict[str, object]:
    """One table record (outlet RT, bloc russian unless overridden)."""
    return {"article_id": article_id, "outlet": "RT", "bloc": "russian", "text": text, **more}


def simple_folder(root: Path, n: int = 3) -> Path:
    """A clean corpus a0..a{n-1}, each with one line of text."""
    ids = [f"a{i:02d}" for i in range(n)]
    return make_folder(root, [row(i) for i in ids], {f"{i}.txt": f"Text of {i}.\n" for i in ids})


def write_csv_table(path: Path, records: list[dict[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return path


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def only_problem(problems: pd.DataFrame) -> dict[str, object]:
    assert len(problems) == 1, problems
    return problems.iloc[0].to_dict()


# --------------------------------------------------------------------------- the seed corpus


def test_loads_real_seed_corpus() -> None:
    articles, problems = load_corpus(RAW)
    assert len(articles) == 5
    assert set(articles["bloc"]) == {"russian", "western"}
    assert list(articles.columns) == [*METADATA_COLUMNS, "text"]
    assert articles["article_id"].tolist() == sorted(articles["article_id"])
    rt = articles.set_index("article_id").loc["003_rt"]
    assert rt["text"].startswith("Russian Foreign Minister says")
    assert rt["published"] == "2023-12-15"
    assert pd.isna(rt["author"])
    assert problems.empty and list(problems.columns) == list(PROBLEM_COLUMNS)


# --------------------------------------------------------------------------- folder corpora


def test_folder_with_only_required_columns(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path / "c",
        [{"article_id": " b ", "file": "b.txt", "outlet": "TASS", "bloc": " Russian "},
         {"article_id": "a", "file": "a.txt", "outlet": "BBC", "bloc": "WESTERN"}],
        {"a.txt": "Alpha.", "b.txt": "Beta."},
    )
    articles, problems = load_corpus(root)
    assert list(articles.columns) == [*METADATA_COLUMNS, "text"]
    assert articles["article_id"].tolist() == ["a", "b"]  # stripped, sorted
    assert articles["bloc"].tolist() == ["western", "russian"]  # stripped, lower case
    assert articles["text"].tolist() == ["Alpha.", "Beta."]
    for column in ("published", "title", "author", "url", "country", "language", "notes"):
        assert articles[column].isna().all()
    assert problems.empty


def test_extra_columns_kept_after_standard_ones(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path / "c",
        [{"zeta": "z1", "article_id": "a", "file": "a.txt", "outlet": "RT", "bloc": "russian", "alpha": ""}],
        {"a.txt": "x"},
    )
    articles, _ = load_corpus(root)
    assert list(articles.columns) == [*METADATA_COLUMNS, "zeta", "alpha", "text"]
    assert articles.loc[0, "zeta"] == "z1"
    assert pd.isna(articles.loc[0, "alpha"])


def test_files_in_subfolders_and_windows_separators(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path / "c",
        [row("a", "texts/a.txt"), row("b", "texts\\b.txt")],
        {"texts/a.txt": "A", "texts/b.txt": "B"},
    )
    articles, _ = load_corpus(root)
    assert articles["text"].tolist() == ["A", "B"]
    assert articles["file"].tolist() == ["texts/a.txt", "texts\\b.txt"]  # kept as written


def test_bom_stripped_from_text_and_metadata(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a")], {"a.txt": b"\xef\xbb\xbfHello"})
    meta = root / "metadata.csv"
    meta.write_bytes(b"\xef\xbb\xbf" + meta.read_bytes())
    articles, problems = load_corpus(root)
    assert articles.loc[0, "article_id"] == "a"
    assert articles.loc[0, "text"] == "Hello"
    assert problems.empty


def test_crlf_and_blank_lines_preserved(tmp_path: Path) -> None:
    raw = b"First line\r\n\r\nThird line\r\nlast\n"
    root = make_folder(tmp_path / "c", [row("a")], {"a.txt": raw})
    articles, _ = load_corpus(root)
    text = articles.loc[0, "text"]
    assert text == raw.decode("utf-8")
    assert text.splitlines() == raw.decode().splitlines()
    assert len(text.splitlines()) == 4


def test_metadata_file_with_crlf_line_endings(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "metadata.csv").write_bytes(b"article_id,file,outlet,bloc\r\na,a.txt,RT,russian\r\n")
    (root / "a.txt").write_text("x")
    articles, _ = load_corpus(root)
    assert articles.loc[0, "bloc"] == "russian"


# --------------------------------------------------------------------------- table corpora


def test_csv_table_with_ukrainian_bloc(tmp_path: Path) -> None:
    path = write_csv_table(
        tmp_path / "export.csv",
        [
            {
                "article_id": "u1",
                "outlet": "Kyiv Independent",
                "bloc": " Ukrainian",
                "published": "January 28, 2024",
                "text": "Para one.\r\n\r\nPara two.",
            },
            {"article_id": "r1", "outlet": "TASS", "bloc": "russian", "published": "", "text": "Slovo."},
        ],
    )
    articles, problems = load_corpus(path)
    assert problems.empty
    assert articles["article_id"].tolist() == ["r1", "u1"]
    assert set(articles["bloc"]) == {"ukrainian", "russian"}
    u1 = articles.set_index("article_id").loc["u1"]
    assert u1["text"] == "Para one.\r\n\r\nPara two."  # multi-line cell kept exactly
    assert u1["published"] == "2024-01-28"
    assert u1["file"] == "export.csv:1"  # <table name>:<data row>
    assert articles.set_index("article_id").loc["r1", "file"] == "export.csv:2"
    assert pd.isna(articles.set_index("article_id").loc["r1", "published"])


def test_csv_table_keeps_given_file_values(tmp_path: Path) -> None:
    path = write_csv_table(
        tmp_path / "t.csv",
        [{"article_id": "a", "file": "orig/a.html", "outlet": "RT", "bloc": "russian", "text": "x"},
         {"article_id": "b", "file": "", "outlet": "RT", "bloc": "russian", "text": "y"}],
    )
    articles, _ = load_corpus(path)
    assert articles["file"].tolist() == ["orig/a.html", "t.csv:2"]


def test_jsonl_table(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps(
            rec(17, "Line 1\r\nLine 2", bloc="Ukrainian", published="2024-03-05T10:00:00+02:00", source_db="factiva")
        ),
        "",  # blank lines are ignored
        json.dumps({"article_id": "b2", "outlet": "RT", "bloc": "russian", "text": "Slovo", "title": None}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = load_corpus(path)
    assert problems.empty
    assert articles["article_id"].tolist() == ["17", "b2"]  # numbers become strings
    assert list(articles.columns) == [*METADATA_COLUMNS, "source_db", "text"]
    first = articles.iloc[0]
    assert first["text"] == "Line 1\r\nLine 2"
    assert first["published"] == "2024-03-05"
    assert first["file"] == "news.jsonl:1"
    assert articles.iloc[1]["file"] == "news.jsonl:2"  # data rows, blank line not counted
    assert pd.isna(articles.iloc[1]["title"]) and pd.isna(articles.iloc[1]["source_db"])


def test_parquet_table(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    pd.DataFrame(
        {"article_id": ["b", "a"], "outlet": ["RT", "BBC"], "bloc": ["russian", "western"],
         "published": pd.to_datetime(["2024-01-28", None]), "text": ["Beta", "Alpha"]}
    ).to_parquet(path)
    articles, problems = load_corpus(path)
    assert problems.empty
    assert articles["article_id"].tolist() == ["a", "b"]
    assert articles["published"].tolist()[1] == "2024-01-28"
    assert pd.isna(articles["published"].iloc[0])
    assert articles["file"].tolist() == ["t.parquet:2", "t.parquet:1"]


# --------------------------------------------------------------------------- strict errors: corpus level


def test_error_path_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"nowhere: no such file or folder"):
        load_corpus(tmp_path / "nowhere", lenient=True)


def test_error_folder_without_metadata(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    with pytest.raises(CorpusError, match=r"c: no metadata\.csv in this folder"):
        load_corpus(tmp_path / "c", lenient=True)


def test_error_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "corpus.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(CorpusError, match=r"corpus\.xlsx: unsupported file type '\.xlsx'"):
        load_corpus(path, lenient=True)


def test_error_missing_required_column(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [{"article_id": "a", "file": "a.txt", "outlet": "RT"}], {"a.txt": "x"})
    with pytest.raises(CorpusError, match=r"c/metadata\.csv: missing required column\(s\): bloc$"):
        load_corpus(root, lenient=True)


def test_error_table_missing_text_column_hints_at_folder(tmp_path: Path) -> None:
    root = simple_folder(tmp_path / "c")
    with pytest.raises(CorpusError, match=r"metadata\.csv: missing required column\(s\): text \(this looks like folder metadata"):
        load_corpus(root / "metadata.csv")


def test_error_semicolon_separated_csv(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("article_id;outlet;bloc;text\na;RT;russian;x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"missing required column\(s\): article_id, outlet, bloc, text \(the header has a single column"):
        load_corpus(path)


def test_error_metadata_not_utf8(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    data = b"article_id,file,outlet,bloc\na,a.txt,Le Monde \xe9,western\n"  # Latin-1, not UTF-8
    (root / "metadata.csv").write_bytes(data)
    offset = data.index(b"\xe9")
    with pytest.raises(CorpusError, match=rf"metadata\.csv: not valid UTF-8 at byte {offset} \(0xe9\) on line 2"):
        load_corpus(root, lenient=True)


def test_error_csv_wrong_field_count(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('article_id,outlet,bloc,text\na,RT,russian,"x\ny"\nb,RT,russian,z,extra\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.csv line 4: expected 4 fields as in the header, found 5"):
        load_corpus(path, lenient=True)


def test_error_csv_unclosed_quote(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('article_id,outlet,bloc,text\na,RT,russian,"never closed\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.csv line \d+: cannot parse CSV"):
        load_corpus(path, lenient=True)


def test_error_jsonl_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text('{"article_id": "a", "outlet": "RT", "bloc": "russian", "text": "x"}\n{"article_id": "b",\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.jsonl line 2: not valid JSON"):
        load_corpus(path, lenient=True)


def test_error_jsonl_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text('["a", "RT"]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.jsonl line 1: expected a JSON object, found list"):
        load_corpus(path)


def test_error_unreadable_parquet(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(CorpusError, match=r"t\.parquet: cannot read as Parquet"):
        load_corpus(path)


def test_error_header_only(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [], {}, header=HEADER)
    with pytest.raises(CorpusError, match=r"metadata\.csv: no articles"):
        load_corpus(root, lenient=True)


def test_error_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"")
    with pytest.raises(CorpusError, match=r"t\.csv: file is empty"):
        load_corpus(path)


def test_error_text_column_in_folder_metadata(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [{**row("a"), "text": "inline"}], {"a.txt": "x"})
    with pytest.raises(CorpusError, match=r"column 'text' is reserved"):
        load_corpus(root)


def test_lenient_with_zero_usable_articles_still_raises(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a"), row("b")], {})  # both files missing
    with pytest.raises(CorpusError, match=r"no usable articles; all 2 row\(s\) had problems \(missing_file: 2\)") as info:
        load_corpus(root, lenient=True)
    assert info.value.problems["problem"].tolist() == ["missing_file", "missing_file"]


# --------------------------------------------------------------------------- strict errors: per article


def test_strict_missing_file(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a"), row("b")], {"a.txt": "x"})
    with pytest.raises(CorpusError, match=r"c/b\.txt \(article_id 'b'\): file not found \(listed in .*metadata\.csv line 3\)"):
        load_corpus(root)


def test_strict_empty_text(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a")], {"a.txt": " \n\t\r\n"})
    with pytest.raises(CorpusError, match=r"c/a\.txt \(article_id 'a'\): empty text"):
        load_corpus(root)


def test_strict_encoding_reports_byte_offset(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("x", "a.txt")], {"a.txt": b"abc\xffdef"})
    message = r"c/a\.txt \(article_id 'x'\): not valid UTF-8 at byte 3 \(0xff\); use --lenient to replace undecodable bytes"
    with pytest.raises(CorpusError, match=message):
        load_corpus(root)


def test_strict_encoding_offset_counts_the_bom(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a")], {"a.txt": b"\xef\xbb\xbfab\xc3("})
    with pytest.raises(CorpusError, match=r"at byte 5 \(0xc3\)"):  # offset in the raw file
        load_corpus(root)


def test_strict_duplicate_id_names_both_rows(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path / "c",
        [row("a", "a.txt"), row("b"), row("a", "a2.txt")],
        {"a.txt": "1", "a2.txt": "2", "b.txt": "3"},
    )
    with pytest.raises(
        CorpusError,
        match=(
            r"metadata\.csv line 4 \(article_id 'a'\): duplicate article_id, "
            r"first used on line 2 \(file 'a\.txt'; this row has file 'a2\.txt'\)"
        ),
    ):
        load_corpus(root)


def test_strict_duplicate_id_in_table(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", [rec("a", "x"), rec("a", "y")])
    with pytest.raises(CorpusError, match=r"t\.jsonl line 2 \(article_id 'a'\): duplicate article_id, first used on line 1"):
        load_corpus(path)


def test_strict_bad_date(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a", published="03/04/2024")], {"a.txt": "x"})
    with pytest.raises(CorpusError, match=r"metadata\.csv line 2 \(article_id 'a'\): bad published date: numeric date '03/04/2024' with the day or month first"):
        load_corpus(root)


def test_strict_missing_value(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a"), row("b", bloc="  ")], {"a.txt": "x", "b.txt": "y"})
    with pytest.raises(CorpusError, match=r"metadata\.csv line 3 \(article_id 'b'\): empty required value in column\(s\): bloc"):
        load_corpus(root)


def test_strict_missing_article_id_in_table(tmp_path: Path) -> None:
    path = write_csv_table(tmp_path / "t.csv", [rec("", "x")])
    with pytest.raises(CorpusError, match=r"^\S*t\.csv line 2: empty required value in column\(s\): article_id$"):
        load_corpus(path)


def test_strict_empty_text_in_table(tmp_path: Path) -> None:
    path = write_csv_table(tmp_path / "t.csv", [rec("a", "   ")])
    with pytest.raises(CorpusError, match=r"t\.csv line 2 \(article_id 'a'\): empty text"):
        load_corpus(path)


@pytest.mark.parametrize("bad", ["../outside.txt", "sub/../../outside.txt", "/etc/hostname", "C:\\corpus\\a.txt", "..\\outside.txt"])
def test_strict_path_escaping_folder(tmp_path: Path, bad: str) -> None:
    (tmp_path / "outside.txt").write_text("secret")
    root = make_folder(tmp_path / "c", [row("a", bad)], {})
    with pytest.raises(CorpusError, match=r"metadata\.csv line 2 \(article_id 'a'\): file path .* leaves the corpus folder"):
        load_corpus(root)


def test_strict_file_is_a_folder(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a", "sub")], {"sub/x.txt": "x"})
    with pytest.raises(CorpusError, match=r"c/sub \(article_id 'a'\): is a folder, not a text file"):
        load_corpus(root)


# --------------------------------------------------------------------------- lenient mode


def test_lenient_fifty_articles_one_missing_file(tmp_path: Path) -> None:
    ids = [f"art{i:03d}" for i in range(50)]
    texts = {f"{i}.txt": f"Body of {i}\n" for i in ids if i != "art017"}
    root = make_folder(tmp_path / "c", [row(i) for i in ids], texts)
    articles, problems = load_corpus(root, lenient=True)
    assert len(articles) == 49
    assert "art017" not in set(articles["article_id"])
    assert only_problem(problems) | {"detail": None} == {
        "article_id": "art017", "file": "art017.txt", "problem": "missing_file", "detail": None,
    }
    assert re.search(r"art017\.txt \(article_id 'art017'\): file not found .*; article skipped$", problems.loc[0, "detail"])
    assert articles.set_index("article_id").loc["art018", "text"] == "Body of art018\n"


def test_lenient_empty_text_skipped(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a"), row("b"), row("c")], {"a.txt": "A", "b.txt": "", "c.txt": "\n \n"})
    articles, problems = load_corpus(root, lenient=True)
    assert articles["article_id"].tolist() == ["a"]
    assert problems["problem"].tolist() == ["empty_text", "empty_text"]
    assert problems["article_id"].tolist() == ["b", "c"]


def test_lenient_encoding_replaced_and_kept(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a"), row("x", "bad.txt")], {"a.txt": "A", "bad.txt": b"abc\xffdef"})
    articles, problems = load_corpus(root, lenient=True)
    assert articles["article_id"].tolist() == ["a", "x"]
    assert articles.set_index("article_id").loc["x", "text"] == "abc\ufffddef"
    problem = only_problem(problems)
    assert (problem["article_id"], problem["file"], problem["problem"]) == ("x", "bad.txt", "encoding")
    assert "byte 3 (0xff)" in problem["detail"] and "replaced with U+FFFD" in problem["detail"]


def test_lenient_duplicate_keeps_first(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path / "c",
        [row("a", "a1.txt"), row("b"), row("a", "a2.txt")],
        {"a1.txt": "first", "a2.txt": "second", "b.txt": "B"},
    )
    articles, problems = load_corpus(root, lenient=True)
    assert articles["article_id"].tolist() == ["a", "b"]
    assert articles.set_index("article_id").loc["a", "text"] == "first"
    problem = only_problem(problems)
    assert (problem["article_id"], problem["file"], problem["problem"]) == ("a", "a2.txt", "duplicate_id")


def test_lenient_bad_date_kept_with_empty_published(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a", published="sometime in May"), row("b")], {"a.txt": "A", "b.txt": "B"})
    articles, problems = load_corpus(root, lenient=True)
    assert articles["article_id"].tolist() == ["a", "b"]
    assert pd.isna(articles.loc[0, "published"])
    assert articles.loc[1, "published"] == "2024-01-28"
    problem = only_problem(problems)
    assert (problem["article_id"], problem["problem"]) == ("a", "bad_date")
    assert "'sometime in May'" in problem["detail"] and "published left empty" in problem["detail"]


def test_lenient_missing_value_skipped(tmp_path: Path) -> None:
    root = make_folder(tmp_path / "c", [row("a"), row("b", outlet=""), row("", "c.txt")], {"a.txt": "A", "b.txt": "B", "c.txt": "C"})
    articles, problems = load_corpus(root, lenient=True)
    assert articles["article_id"].tolist() == ["a"]
    assert problems["problem"].tolist() == ["missing_value", "missing_value"]
    assert problems.loc[0, "article_id"] == "b"
    assert pd.isna(problems.loc[1, "article_id"]) and problems.loc[1, "file"] == "c.txt"
    assert "column(s): outlet" in problems.loc[0, "detail"]


def test_lenient_bad_path_skipped(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret")
    root = make_folder(tmp_path / "c", [row("a"), row("b", "../secret.txt")], {"a.txt": "A"})
    articles, problems = load_corpus(root, lenient=True)
    assert articles["article_id"].tolist() == ["a"]
    problem = only_problem(problems)
    assert (problem["article_id"], problem["file"], problem["problem"]) == ("b", "../secret.txt", "bad_path")


def test_lenient_table_problems(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "t.jsonl",
        [
            rec("ok", "fine"),
            rec("empty", ""),
            rec("nulltext", None),
            {"article_id": "nobloc", "outlet": "RT", "text": "x"},
            rec("date", "y", bloc="western", published="2024-13-01"),
        ],
    )
    articles, problems = load_corpus(path, lenient=True)
    assert articles["article_id"].tolist() == ["date", "ok"]
    assert problems["problem"].tolist() == ["empty_text", "empty_text", "missing_value", "bad_date"]
    assert problems["file"].tolist() == ["t.jsonl:2", "t.jsonl:3", "t.jsonl:4", "t.jsonl:5"]
    assert all(kind in PROBLEM_KINDS for kind in problems["problem"])


def test_lenient_jsonl_lone_surrogate_is_an_encoding_problem(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text('{"article_id": "a", "outlet": "RT", "bloc": "russian", "text": "ab\\ud800cd"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"t\.jsonl line 1 \(article_id 'a'\): invalid \\u escape"):
        load_corpus(path)
    articles, problems = load_corpus(path, lenient=True)
    assert articles.loc[0, "text"] == "ab\ufffdcd"
    assert only_problem(problems)["problem"] == "encoding"


def test_table_not_utf8_raises_even_when_lenient(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    data = b"article_id,outlet,bloc,text\na,RT,russian,ok\nb,RT,russian,caf\xe9\n"
    path.write_bytes(data)
    offset = data.index(b"\xe9")
    with pytest.raises(CorpusError, match=rf"t\.csv: not valid UTF-8 at byte {offset} \(0xe9\) on line 3"):
        load_corpus(path, lenient=True)


def test_lenient_problems_have_stable_columns_when_clean(tmp_path: Path) -> None:
    _, problems = load_corpus(simple_folder(tmp_path / "c"), lenient=True)
    assert problems.empty and list(problems.columns) == list(PROBLEM_COLUMNS)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-01-28", "2024-01-28"),
        (" 2024-01-28 ", "2024-01-28"),
        ("January 28, 2024", "2024-01-28"),
        ("28 Jan 2024", "2024-01-28"),
        ("Sunday, 28 January 2024", "2024-01-28"),
        ("2024/01/28", "2024-01-28"),
        ("2024.1.28", "2024-01-28"),
        ("2024-01-28T14:38:00Z", "2024-01-28"),
        ("2024-01-28 23:30:00-05:00", "2024-01-28"),  # date as written, no time-zone shift
        ("2:38 PM EST, January 28, 2024", "2024-01-28"),
        ("", None),
    ],
)
def test_normalise_date_accepts(raw: str, iso: str | None) -> None:
    assert normalise_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("03/04/2024", "with the day or month first"),
        ("28.01.2024", "with the day or month first: refused even where only one order is a date"),
        ("Jan 2024", "incomplete date"),
        ("Jan 28 24", "no four-digit year"),
        ("2024-02-30", "no such date"),
        ("yesterday", "unrecognised date"),
        ("1706400000", "unrecognised date"),
    ],
)
def test_normalise_date_rejects(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalise_date(raw)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_normalise_date_round_trips_common_forms(day: date) -> None:
    for text in (day.isoformat(), day.strftime("%B %d, %Y"), day.strftime("%d %b %Y"), day.strftime("%Y/%m/%d")):
        assert normalise_date(text) == day.isoformat()


def test_dates_normalised_when_loading(tmp_path: Path) -> None:
    root = make_folder(
        tmp_path / "c",
        [row("a", published="January 28, 2024"), row("b", published="2024/01/29"), row("c", published="")],
        {"a.txt": "A", "b.txt": "B", "c.txt": "C"},
    )
    articles, problems = load_corpus(root)
    assert articles["published"].tolist()[:2] == ["2024-01-28", "2024-01-29"]
    assert pd.isna(articles["published"].iloc[2])
    assert problems.empty


# --------------------------------------------------------------------------- order, determinism, hashing


def test_sorted_by_article_id_and_deterministic(tmp_path: Path) -> None:
    ids = ["c", "a", "b10", "b2"]
    first = make_folder(tmp_path / "one", [row(i) for i in ids], {f"{i}.txt": i for i in ids})
    second = make_folder(tmp_path / "two", [row(i) for i in reversed(ids)], {f"{i}.txt": i for i in ids})
    a1, _ = load_corpus(first)
    a2, _ = load_corpus(second)
    assert a1["article_id"].tolist() == ["a", "b10", "b2", "c"]
    assert a1.index.tolist() == [0, 1, 2, 3]
    pd.testing.assert_frame_equal(a1, a2)
    pd.testing.assert_frame_equal(a1, load_corpus(first)[0])
    assert corpus_fingerprint(a1) == corpus_fingerprint(a2)


def test_fingerprint_depends_on_ids_and_text_only(tmp_path: Path) -> None:
    articles, _ = load_corpus(simple_folder(tmp_path / "c"))
    base = corpus_fingerprint(articles)
    assert re.fullmatch(r"[0-9a-f]{64}", base)
    assert corpus_fingerprint(articles.iloc[::-1]) == base
    assert corpus_fingerprint(articles.assign(outlet="Other")) == base
    changed = articles.copy()
    changed.loc[0, "text"] = changed.loc[0, "text"] + " "
    assert corpus_fingerprint(changed) != base
    # Length prefixes keep id/text boundaries apart.
    one = pd.DataFrame({"article_id": ["ab"], "text": ["c"]})
    two = pd.DataFrame({"article_id": ["a"], "text": ["bc"]})
    assert corpus_fingerprint(one) != corpus_fingerprint(two)


def test_fingerprint_needs_columns() -> None:
    with pytest.raises(ValueError, match="text"):
        corpus_fingerprint(pd.DataFrame({"article_id": ["a"]}))


def test_sha256_file(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(b"abc\xffdef" * 1000)
    assert sha256_file(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_coding_issues_name_outlets_coded_two_ways() -> None:
    """An outlet in two blocs, a country given on some articles only, and one outlet under names that
    differ only in case and punctuation are reported; a consistent corpus reports nothing."""
    from analysis.corpus.consistency import coding_issues, coding_text

    articles = pd.DataFrame({
        "outlet": ["Ukrainska Pravda", "Ukrainska Pravda", "RT", "R.T.", "rt", "TASS", "TASS"],
        "bloc": ["western", "ukrainian", "russian", "russian", "russian", "russian", "russian"],
        "country": ["Ukraine", "Ukraine", "Russia", "Russia", None, "Russia", None]})
    issues = coding_issues(articles)
    found = {(row.outlet, row.issue): row.values for row in issues.itertuples()}
    assert found == {("Ukrainska Pravda", "bloc differs"): "ukrainian (1), western (1)",
                     ("TASS", "country differs"): "(missing) (1), Russia (1)",
                     ("R.T. / RT / rt", "name variants"): "R.T. (1), RT (1), rt (1)"}
    text = coding_text(issues)
    assert "bloc differs: 1 outlet" in text and "both sides of a comparison" in text and "two outlets" in text
    consistent = articles.assign(outlet=[f"outlet {k}" for k in range(7)])
    assert coding_issues(consistent).empty and coding_text(coding_issues(consistent)).startswith("Outlet coding is consistent")
    assert coding_issues(articles[["outlet", "bloc"]])["issue"].tolist() == ["bloc differs", "name variants"]


def test_coding_issues_name_desks_of_one_organisation_and_authors_in_several_blocs() -> None:
    """Outlet names that begin with the same four words are listed as possibly one organisation (not
    names of fewer words, nor a shared first three); an author, compared case- and space-folded, with
    articles in two blocs is listed with the blocs; one in a single bloc and a missing author are not."""
    from analysis.corpus.consistency import coding_issues, coding_text

    articles = pd.DataFrame({
        "outlet": ["Moscow Federal News Agency International Service", "Moscow Federal News Agency Regional Service",
                   "The New York Times", "The New York Post", "Wire Daily", "Other Paper", "Third Paper"],
        "bloc": ["russian", "russian", "western", "western", "western", "russian", "russian"],
        "author": ["Jane Roe", "Jan Example", "John Doe", None, "anna  petrova", "Anna Petrova", "John Doe"]})
    issues = coding_issues(articles)
    found = {(row.issue, row.outlet): (row.values, row.articles) for row in issues.itertuples()}
    assert found == {
        ("possibly one organisation", "Moscow Federal News Agency International Service / Moscow Federal News Agency "
         "Regional Service"): ("Moscow Federal News Agency International Service (1), Moscow Federal News Agency "
                               "Regional Service (1)", 2),
        ("author in several blocs", "Other Paper / Wire Daily"): ("Anna Petrova: russian (1), western (1)", 2),
        ("author in several blocs", "The New York Times / Third Paper"): ("John Doe: russian (1), western (1)", 2)}
    text = coding_text(issues)
    assert "author in several blocs: 2 authors" in text and "possibly one organisation: 1 group" in text
    assert text.endswith("Check them against the metadata.")
    # (one bloc: the authors are not flagged)
    assert coding_issues(articles.assign(bloc="russian"))["issue"].tolist() == ["possibly one organisation"]

# --------------------------------------------------------------------------- paragraphs shared by articles

WIRE = ("Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow remained open to talks with Kyiv, "
        "but only on terms that reflect the situation on the ground.")


def test_shared_paragraphs_finds_wire_copy_across_outlets_whatever_its_case_quotes_and_spacing() -> None:
    from analysis.corpus import shared_paragraphs, shared_paragraphs_note

    reworded = WIRE.upper().replace(", ", " ,  ").replace("Kyiv", "Kyiv\u2019") + "\u201d"
    articles = pd.DataFrame([
        {"article_id": "a1", "outlet": "Wire Daily", "text": f"Headline one\n\n{WIRE}\n\nOwn reporting of a1 here."},
        {"article_id": "a2", "outlet": "Regional Post", "text": f"Headline two\n\n  {reworded}  \n\nSomething else."},
        {"article_id": "a3", "outlet": "Wire Daily", "text": f"{WIRE}\n{WIRE}\nShare on Facebook\nShare on Facebook"},
        {"article_id": "a4", "outlet": "Other", "text": "Share on Facebook\n\nSign up for our daily newsletter"},
        {"article_id": "a5", "outlet": "Solo", "text": f"{WIRE.replace('Tuesday', 'Monday')}\n\n{WIRE[:60]}"},
    ])
    table = shared_paragraphs(articles)
    # one paragraph, in three articles of two outlets; a repeat inside a3 is not a second article,
    # short lines (menus, share bars) are not checked, and a changed word or a cut paragraph is not a copy
    assert len(table) == 1
    row = table.iloc[0]
    assert row["article_ids"] == "a1; a2; a3" and row["n_articles"] == 3
    assert row["outlets"] == "Regional Post; Wire Daily" and row["n_outlets"] == 2 and row["outlets_differ"]
    assert row["paragraph"].startswith("kremlin spokesman dmitry peskov said on tuesday that moscow")
    note = shared_paragraphs_note(table, len(articles))
    assert note.startswith("1 paragraph(s) of 12+ words appear in more than one article: 3 of 5 articles")
    assert "1 of the paragraphs across different outlets" in note and "0 only within one outlet" in note
    one_outlet = shared_paragraphs(articles[articles["article_id"].isin(["a1", "a3"])])
    assert one_outlet["outlets_differ"].tolist() == [False]
    assert shared_paragraphs(articles[articles["article_id"].isin(["a1", "a4"])]).empty
    assert shared_paragraphs_note(shared_paragraphs(articles.iloc[[0, 3]]), 2) == ""
    assert shared_paragraphs(articles.iloc[[3]]).empty and shared_paragraphs(articles.iloc[:0]).empty  # no long line


def test_shared_paragraphs_streamed_in_chunks_equal_the_whole_and_paragraph_rows_equal_articles() -> None:
    from analysis.corpus import ParagraphIndex, shared_paragraphs

    spec = importlib.util.spec_from_file_location("realistic_corpus", Path(__file__).parent / "realistic_corpus.py")
    realistic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(realistic)
    articles = pd.DataFrame(realistic.records())
    whole = shared_paragraphs(articles)
    # the 19 recombined articles (g01 ... g19) are made of other articles' paragraphs: every one is found
    involved = {a for ids in whole["article_ids"] for a in ids.split("; ")}
    assert {f"g{n:02d}" for n in range(1, 20)} <= involved
    assert whole["outlets_differ"].any() and (whole["n_articles"] >= 2).all()
    index = ParagraphIndex()
    for start in range(0, len(articles), 7):  # chunks of 7 articles, as a streamed build reads them
        part = articles.iloc[start:start + 7]
        index.add(part["article_id"], part["outlet"], part["text"])
    assert index.table().drop(columns="paragraph").equals(whole.drop(columns="paragraph")
                                                          .sort_values(["article_ids", "n_articles"], kind="stable",
                                                                       ignore_index=True))
    # one row per paragraph (as the `paragraphs` table holds them) finds the same paragraphs
    rows = [{"article_id": r.article_id, "outlet": r.outlet, "text": line}
            for r in articles.itertuples() for line in r.text.split("\n")]
    assert set(shared_paragraphs(pd.DataFrame(rows))["paragraph"]) == set(whole["paragraph"])
    # hashed a few rows at a time (as it is, to bound memory, on large corpora): the same table
    for size in (1, 5, 13):
        assert shared_paragraphs(pd.DataFrame(rows), chunk_rows=size).equals(
            shared_paragraphs(pd.DataFrame(rows), chunk_rows=len(rows)))
        assert shared_paragraphs(articles, chunk_rows=size).equals(whole)


def _build_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str], texts: dict[str, str], outlets: dict[str, str],
                    out: str = "out", *flags: str) -> list[str]:
    """Write `texts` (file name -> text) as a corpus folder, one article per file (id: the file's stem; outlet and
    bloc "Outlet:bloc" from `outlets`), build it into tmp_path / `out` and return the warning lines."""
    from analysis.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    rows = "".join(f"{Path(n).stem},{n},{outlets[n].replace(':', ',')}\n" for n in texts)
    (folder / "metadata.csv").write_text("article_id,file,outlet,bloc\n" + rows, encoding="utf-8")
    assert main(["build", "--corpus", str(folder), "--out", str(tmp_path / out), "--quiet", "--skip-topics",
                 "--jobs", "1", *flags]) == 0
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning: ")]


def test_build_warns_in_one_line_when_articles_share_paragraphs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = {"a.txt": f"Talks resume\n\n{WIRE}\n\nMoscow is ready, Lavrov said on Friday.\n",
             "b.txt": f"Kremlin on talks\n\n{WIRE}\n\nKyiv rejected the terms, officials said.\n",
             "c.txt": "Peskov speaks\n\nPeskov said on Monday that no talks were planned for now.\n"}
    outlets = {"a.txt": "TASS:russian", "b.txt": "Reuters:western", "c.txt": "RT:russian"}
    warnings = [w for w in _build_warnings(tmp_path, capsys, texts, outlets, "out", "--no-cache")
                if "more than one article" in w]
    assert warnings == ["warning: 1 paragraph(s) of 12+ words appear in more than one article: 2 of 3 articles share "
                        "text with another article, 1 of the paragraphs across different outlets (syndicated or "
                        "reused copy) and 0 only within one outlet (raw texts; notebook 00 lists those among the kept "
                        "paragraphs): article-level tests count these articles as independent"]


def test_notebook_text_on_shared_paragraphs_is_computed_from_the_kept_paragraphs() -> None:
    from analysis import overview

    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["TASS", "Reuters", "RT"],
                             "bloc": ["russian", "western", "russian"]})
    paragraphs = pd.DataFrame({"article_id": ["a", "a", "b", "c"], "paragraph_id": [1, 2, 1, 1],
                               "text": [WIRE, "Own words of a.", WIRE.replace("Peskov", "PESKOV"), "Own words of c."]})
    tables = {"articles": articles, "paragraphs": paragraphs}
    table = overview.shared_paragraphs(tables)
    assert table["article_ids"].tolist() == ["a; b"] and table["outlets"].tolist() == ["Reuters; TASS"]
    text = overview.shared_paragraphs_text(table, articles)
    assert text.startswith("1 paragraph(s) of 12+ words appear in more than one article: 2 of 3 articles")
    assert "(articles involved per bloc: russian 1 of 2, western 1 of 1)" in text and "independent draw" in text
    alone = overview.shared_paragraphs({"articles": articles, "paragraphs": paragraphs.iloc[[0, 1, 3]]})
    assert alone.empty and overview.shared_paragraphs_text(alone, articles).startswith("No kept paragraph of 12+ words")


def test_shared_text_note_counts_each_compared_blocs_articles_from_the_file_in_batches_or_the_frame(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The copied-text caveat of the inference notebooks: per compared bloc, the articles that print a kept
    paragraph another article prints; the same read from the built file a row at a time as from the frame."""
    from analysis import overview

    texts = {"a.txt": f"Talks resume\n\n{WIRE}\n\nMoscow is ready, Lavrov said on Friday.\n",
             "b.txt": f"Kremlin on talks\n\n{WIRE}\n\nKyiv rejected the terms, officials said.\n",
             "c.txt": "Peskov speaks\n\nPeskov said on Monday that no talks were planned for now.\n",
             "d.txt": "Quiet day\n\nNothing was said about the talks on Tuesday by anyone in Moscow.\n"}
    outlets = {"a.txt": "TASS:russian", "b.txt": "Reuters:western", "c.txt": "RT:russian", "d.txt": "BBC:western"}
    _build_warnings(tmp_path, capsys, texts, outlets, "out", "--no-cache")
    monkeypatch.setattr(overview, "PARAGRAPH_BATCH", 1)  # (every paragraph its own batch: an article over several)
    from_file = overview.shared_text_note(overview.read_tables(tmp_path / "out"), "russian", "western")
    assert from_file.startswith("**Copied text.** 1 of the 2 russian articles and 1 of the 2 western articles share at "
                                "least one kept paragraph of 12+ words with another article")
    assert "independent draw" in from_file
    keys_from_file = overview.shared_paragraph_keys(overview.read_tables(tmp_path / "out"))
    read = overview.read_tables(tmp_path / "out")
    read["paragraphs"]  # (read whole: the frame path)
    assert overview.shared_text_note(read, "russian", "western") == from_file
    pd.testing.assert_frame_equal(overview.shared_paragraph_keys(read), keys_from_file)
    assert sorted(keys_from_file["article_id"]) == ["a", "b"]  # (the wire paragraph of a and b, once each)
    # the copy within the russian bloc only: the western bloc's articles are distinct texts
    alone = {"articles": read["articles"], "paragraphs": read["paragraphs"][read["paragraphs"]["article_id"] != "b"]}
    assert overview.shared_text_note(alone, "russian", "western").startswith("**Copied text.** No article of russian or "
                                                                              "western shares")


def test_the_shared_paragraph_pass_is_kept_for_the_next_notebook_and_only_for_the_build_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The pass over the paragraphs behind the copied-text notes runs once per build: the next reader of the
    same unread file gets the same tables from `.cache/` without the pass; a damaged file is computed again;
    paragraphs read or set in the notebook (which may differ from the file) are never answered from it, and a
    new build of the folder is a new file."""
    from analysis import overview

    texts = {"a.txt": f"Talks resume\n\n{WIRE}\n", "b.txt": f"Kremlin on talks\n\n{WIRE}\n",
             "c.txt": "Peskov speaks\n\nPeskov said on Monday that no talks were planned for now.\n"}
    outlets = {"a.txt": "TASS:russian", "b.txt": "Reuters:western", "c.txt": "RT:russian"}
    _build_warnings(tmp_path, capsys, texts, outlets, "out", "--no-cache")
    out = tmp_path / "out"
    first = overview.copied_paragraphs(overview.read_tables(out))
    kept = list((out / ".cache").glob("shared_rows-*.npz"))
    assert len(kept) == 1 and sorted(first["article_id"]) == ["a", "b"]
    computed = overview._shared_rows_computed
    monkeypatch.setattr(overview, "_shared_rows_computed", lambda tables: pytest.fail("the pass ran again"))
    pd.testing.assert_frame_equal(overview.copied_paragraphs(overview.read_tables(out)), first)
    note = overview.shared_text_note(overview.read_tables(out), "russian", "western")
    assert note.startswith("**Copied text.** 1 of the 2 russian articles and 1 of the 1 western articles")
    calls = []
    monkeypatch.setattr(overview, "_shared_rows_computed", lambda tables: calls.append(1) or computed(tables))
    read = overview.read_tables(out)
    read["paragraphs"] = read["paragraphs"][read["paragraphs"]["article_id"] != "b"]  # (set in the notebook)
    assert overview.copied_paragraphs(read).empty and calls == [1]
    kept[0].write_bytes(b"not an npz file")  # (damaged: computed again, and written again whole)
    pd.testing.assert_frame_equal(overview.copied_paragraphs(overview.read_tables(out)), first)
    assert calls == [1, 1]
    pd.testing.assert_frame_equal(overview.copied_paragraphs(overview.read_tables(out)), first)
    assert calls == [1, 1]
    _build_warnings(tmp_path, capsys, {**texts, "c.txt": texts["a.txt"]}, outlets, "out", "--no-cache")  # (rebuilt)
    assert sorted(overview.copied_paragraphs(overview.read_tables(out))["article_id"]) == ["a", "b", "c"]
    assert calls == [1, 1, 1] and len(list((out / ".cache").glob("shared_rows-*.npz"))) == 1  # (the old one gone)


def test_one_copy_of_each_shared_paragraph_is_kept_in_the_first_article_and_the_gap_recomputed() -> None:
    """`copied_paragraphs` marks, of each shared text, the copy in the first article by id as kept (a repeat
    inside that article, and every copy elsewhere, not); `without_copies` drops exactly the sentences of the
    copies not kept; `copies_once_text` reports the recomputed gap beside the one over every copy, and a sign
    that changes."""
    from analysis import overview, sentiment

    other = "Moscow said on Friday that it would study the proposal carefully before giving any answer at all."
    paragraphs = pd.DataFrame({
        "article_id": ["b", "b", "a", "a", "a", "c", "c"],
        "paragraph_id": [0, 1, 0, 1, 2, 0, 1],
        "text": [WIRE, "Short line.", "Own words of a, not shared with anybody else in this small corpus at all.",
                 WIRE, WIRE.upper(), other, WIRE]})
    copied = overview.copied_paragraphs({"paragraphs": paragraphs})
    assert copied.to_dict("records") == [
        {"article_id": "a", "paragraph_id": 1, "kept": True}, {"article_id": "a", "paragraph_id": 2, "kept": False},
        {"article_id": "b", "paragraph_id": 0, "kept": False}, {"article_id": "c", "paragraph_id": 1, "kept": False}]
    pd.testing.assert_frame_equal(overview.shared_paragraph_keys({"paragraphs": paragraphs}),
                                  copied[["article_id", "paragraph_id"]])
    # with dates, the first published copy is kept (the likely original), undated articles after dated ones
    dated = pd.DataFrame({"article_id": ["a", "b", "c"], "published": ["2024-03-02", None, "2024-03-01"]})
    assert overview.copied_paragraphs({"paragraphs": paragraphs, "articles": dated})["kept"].tolist() == [
        False, False, False, True]
    undated_first = dated.assign(published=[None, None, None])
    assert overview.copied_paragraphs({"paragraphs": paragraphs, "articles": undated_first}).equals(copied)
    sentences = pd.DataFrame({"article_id": ["a", "a", "a", "a", "b", "b", "c", "c"],
                              "paragraph_id": [0, 1, 2, 2, 0, 1, 0, 1], "compound": np.arange(8) / 10})
    kept = sentiment.without_copies(sentences, copied)
    assert list(zip(kept["article_id"], kept["paragraph_id"])) == [("a", 0), ("a", 1), ("b", 1), ("c", 0)]
    assert sentiment.without_copies(sentences, copied.assign(kept=True)) is sentences
    pd.testing.assert_frame_equal(sentiment.without_copies(sentences, copied, columns=["article_id", "compound"]),
                                  kept[["article_id", "compound"]])
    categorical = sentences.astype({"article_id": "category"})  # (ids as a category: the same rows)
    assert sentiment.without_copies(categorical, copied).index.equals(kept.index)

    def result(d: float, p: float, n_a: int = 10, n_b: int = 12) -> dict:
        return {"a": "russian", "b": "western", "difference": d, "p_value": p, "min_p": 0.0001, "n_relabellings": 10_000,
                "exact": False, "ci_low": np.nan, "ci_high": np.nan, "d_articles": np.nan, "n_articles_a": n_a,
                "n_articles_b": n_b}

    text = sentiment.copies_once_text(result(0.2, 0.01), result(-0.05, 0.4, 9, 12), copied, layer="own words")
    assert text.startswith("**One copy of each shared paragraph.** Of the 1 paragraph texts that two or more articles "
                           "print, only the copy in the first published article (by date; undated ones last, ties by "
                           "article id) is kept here; 3 other copies are left out, which leaves 1 compared article without a sentence in own words.")
    assert "With every copy the gap was +0.200 (p = 0.01)." in text and "**The sign changes**" in text
    assert "nothing to recompute" in sentiment.copies_once_text(result(0.2, 0.01), result(0.2, 0.01),
                                                                copied.iloc[:0])
    brief = sentiment.copies_once_answer(result(-0.073, 0.036), result(-0.103, 0.072), copied)
    assert brief == ("**With copied text counted once** (one copy of each shared paragraph, above) the gap is -0.103, "
                     "p = 0.072, against -0.073 over every copy: the p < 0.05 over every copy does not hold.")
    assert sentiment.copies_once_answer(result(-0.07, 0.01), result(-0.08, 0.02), copied).endswith("over every copy.")
    assert sentiment.copies_once_answer(result(0.2, 0.01), result(0.2, 0.01), copied.assign(kept=True)) == ""
    # (a sign change only as printed: -0.001 against +0.0004, which prints as +0.000, is none)
    assert "sign" not in sentiment.copies_once_text(result(-0.001, 0.5), result(0.0004, 0.5), copied)
    assert "sign" not in sentiment.copies_once_answer(result(-0.001, 0.5), result(0.0004, 0.5), copied)


def test_build_warns_when_an_outlet_is_coded_two_ways(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(f"Talks {name}\n\nPeskov said on Monday that talks on {name} would go on.\n",
                                            encoding="utf-8")
    (folder / "metadata.csv").write_text("article_id,file,outlet,bloc\na,a.txt,Kyiv Post,western\n"
                                         "b,b.txt,Kyiv Post,ukrainian\nc,c.txt,RT,russian\n", encoding="utf-8")
    assert main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--skip-topics",
                 "--no-cache", "--jobs", "1"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "Outlet coding" in line]
    assert len(warnings) == 1 and "bloc differs: 1 outlet" in warnings[0] and "both sides of a comparison" in warnings[0]


def test_english_share_tells_english_from_other_languages() -> None:
    """English prose (the seeds: 0.31 to 0.35; every fixture style down to forum reposts: at least 0.23) sits far above
    `MIN_ENGLISH_SHARE`; Russian, Polish, German and French text, and text without words, below it."""
    from analysis.corpus import MIN_ENGLISH_SHARE, english_share

    for path in sorted((Path(__file__).resolve().parents[1] / "data" / "raw").glob("*.txt")):
        assert english_share(path.read_text(encoding="utf-8")) > 2 * MIN_ENGLISH_SHARE, path.name
    for text in ["Министр иностранных дел России Сергей Лавров заявил, что Москва готова к переговорам.",
                 "Minister spraw zagranicznych powiedział w piątek, że rozmowy będą kontynuowane w Genewie.",
                 "Der Außenminister sagte am Freitag, dass die Gespräche in Genf fortgesetzt werden.",
                 "Le ministre a déclaré vendredi que les négociations se poursuivront à Genève.", "2024 — 15:30", ""]:
        assert english_share(text) < MIN_ENGLISH_SHARE, text


def test_build_warns_about_articles_that_do_not_read_as_english(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Two articles in Russian among English ones: the build names them and says what their zeros mean,
    from computed results and from the cache alike; an all-English build says nothing of the kind."""
    texts = {"a.txt": "Talks resume\n\nMoscow is ready for talks, Lavrov said on Friday, but the terms are not clear.\n",
             "b.txt": "Переговоры\n\nПесков заявил, что Москва готова к переговорам, но условия пока не ясны. Дипломаты в Москве и Киеве считают, что следующий раунд переговоров может начаться весной, если стороны договорятся о повестке.\n",
             "c.txt": "Kremlin on talks\n\nKyiv rejected the terms of the proposal, officials said on Monday.\n",
             "d.txt": "Лавров\n\nМинистр иностранных дел заявил, что позиция России не изменилась. Дипломаты в Москве и Киеве считают, что следующий раунд переговоров может начаться весной, если стороны договорятся о повестке.\n"}
    outlets = {"a.txt": "TASS:russian", "b.txt": "RT:russian", "c.txt": "Reuters:western", "d.txt": "RIA:russian"}
    for _ in range(2):  # the second build reads every article from the cache
        warnings = [w for w in _build_warnings(tmp_path, capsys, texts, outlets) if "read as English" in w]
        assert len(warnings) == 1 and warnings[0].startswith("warning: 2 of 4 articles do not read as English (b, d: ")
        assert "missing markers are not measurements, not 'neutral' or 'absent'" in warnings[0]
    english = {**texts, "b.txt": texts["a.txt"], "d.txt": texts["c.txt"]}
    assert not [w for w in _build_warnings(tmp_path, capsys, english, outlets, "out2", "--no-cache") if "English" in w]


def test_notebook_lists_the_articles_that_do_not_read_as_english() -> None:
    """From the articles table: the article in Russian is listed (least English first), the English
    ones, an article that kept no text and one too short to tell are not; with none, the text says every
    article reads as English."""
    from analysis.corpus import language_text, not_english_articles

    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["TASS", "RT", "Reuters", "RIA"],
                             "bloc": ["russian", "russian", "western", "russian"], "n_tokens": [80, 60, 90, 0],
                             "english_share": [0.31, 0.0, 0.35, 0.0]})
    table = not_english_articles(articles)
    assert table.to_dict("records") == [{"article_id": "b", "outlet": "RT", "bloc": "russian", "english_share": 0.0}]
    assert language_text(table, 4).startswith("1 of 4 articles do not read as English (b: fewer than 12%")
    short = articles.assign(n_tokens=[80, 24, 90, 0])  # (a headline-length text: no verdict)
    assert not_english_articles(short).empty
    english = not_english_articles(articles[articles["article_id"] != "b"])
    assert english.empty and language_text(english, 3).startswith("All 3 articles read as English")
    note = stats.comparison_note(articles.assign(n_sentences=[5, 4, 6, 0]))
    assert "**1 of the compared articles (russian 1) do not read as English**" in note
    assert "1 of the compared articles (russian 1) kept no text" in note



def test_build_warns_about_articles_that_kept_no_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An article whose every line cleaning removes (here, markup) is named in a warning: it has no
    sentence, so every comparison leaves it out."""
    texts = {"a.txt": "Talks resume\n\nMoscow is ready for talks, Lavrov said on Friday, but the terms are not clear.\n",
             "b.txt": '<div class="embed">\n<script>var x = window.player || {};</script>\n<img src="/a.jpg">\n',
             "c.txt": "Kremlin on talks\n\nKyiv rejected the terms of the proposal, officials said on Monday.\n"}
    outlets = {"a.txt": "TASS:russian", "b.txt": "RT:russian", "c.txt": "Reuters:western"}
    warnings = [w for w in _build_warnings(tmp_path, capsys, texts, outlets, "out", "--no-cache") if "kept no text" in w]
    assert len(warnings) == 1 and warnings[0].startswith("warning: 1 of 3 articles kept no text: cleaning removed every "
                                                         "line (b; the removed_lines table gives each line's reason)")


def test_outlet_groups_join_spellings_and_desks_of_one_organisation_transitively() -> None:
    groups = corpus.organisation_groups(["RT", "R.T.", "Moscow Federal News Agency International Service",
                                   "Moscow Federal News Agency Regional Service", "moscow-federal news agency  international service",
                                   "Solo", "Solo Weekly"])
    assert groups["R.T."] == groups["RT"] == "R.T."  # the group's first name in sorted order
    desks = {groups[n] for n in ("Moscow Federal News Agency International Service", "Moscow Federal News Agency Regional Service",
                                 "moscow-federal news agency  international service")}
    assert desks == {"Moscow Federal News Agency International Service"}
    assert groups["Solo"] == "Solo" and groups["Solo Weekly"] == "Solo Weekly"  # (too short to be called one family)


def test_the_shared_paragraphs_note_counts_copies_between_desks_of_one_organisation_apart() -> None:
    from analysis.corpus import shared_paragraphs, shared_paragraphs_note

    desks = ("Moscow Federal News Agency International Service", "Moscow Federal News Agency Regional Service")
    articles = pd.DataFrame([
        {"article_id": "a1", "outlet": desks[0], "bloc": "russian", "text": WIRE},
        {"article_id": "a2", "outlet": desks[1], "bloc": "russian", "text": WIRE},
        {"article_id": "a3", "outlet": "Regional Post", "bloc": "western", "text": WIRE.replace("Tuesday", "Monday")},
        {"article_id": "a4", "outlet": "Wire Daily", "bloc": "russian", "text": WIRE.replace("Tuesday", "Monday")},
    ])
    table = shared_paragraphs(articles)
    note = shared_paragraphs_note(table, len(articles), groups=corpus.organisation_groups(articles["outlet"]))
    assert ("2 of the paragraphs across different outlets (syndicated or reused copy) (1 of them only between "
            "outlets that may be one organisation: see the coding check)") in note
    assert "only between" not in shared_paragraphs_note(table, len(articles))
    assert "only between" in overview.shared_paragraphs_text(table, articles)
