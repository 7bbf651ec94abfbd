"""Tests for analysis.corpus.iter_corpus: chunked reading in corpus order with bounded memory."""

from __future__ import annotations

import base64
import csv
import json
import math
import random
import time
import tracemalloc
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.corpus import METADATA_COLUMNS, PROBLEM_COLUMNS, CorpusError, iter_corpus, load_corpus

FORMATS = ("folder", "csv", "jsonl", "parquet")

# Ids deliberately out of order; `section` appears only from the third record on (a JSONL
# corpus learns its columns in a first pass, so every chunk must still carry it).
RECORDS: list[dict[str, str]] = [
    {"article_id": "m07", "outlet": "RT", "bloc": "Russian", "published": "January 28, 2024", "text": "Seven.\r\nTwo lines."},
    {"article_id": "b02", "outlet": "BBC", "bloc": "western", "published": "2024-02-01", "text": "Two."},
    {"article_id": "z26", "outlet": "TASS", "bloc": "russian", "published": "", "text": "Twenty-six \u2028 with a line separator.", "section": "world"},
    {"article_id": "a01", "outlet": "CNN", "bloc": "Western", "published": "2024/03/05", "text": "One.", "section": "politics"},
    {"article_id": "k11", "outlet": "Kyiv Independent", "bloc": "ukrainian", "published": "5 Mar 2024", "text": "Eleven.", "section": ""},
]


def write_corpus(fmt: str, root: Path, records: list[dict[str, str]]) -> Path:
    """Write `records` as a corpus of format `fmt` under `root`; returns the path to load."""
    root.mkdir(parents=True, exist_ok=True)
    columns = list(dict.fromkeys(key for r in records for key in r))
    if fmt == "folder":
        meta = [c for c in columns if c != "text"]
        meta.insert(1, "file")
        with open(root / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=meta, restval="", extrasaction="ignore")
            writer.writeheader()
            for i, r in enumerate(records):
                name = f"texts/{i:03d}.txt"
                writer.writerow({**r, "file": name})
                (root / "texts").mkdir(exist_ok=True)
                (root / name).write_bytes(r["text"].encode("utf-8"))
        return root
    if fmt == "csv":
        path = root / "corpus.csv"
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="")
            writer.writeheader()
            writer.writerows(records)
        return path
    if fmt == "jsonl":
        path = root / "corpus.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path
    path = root / "corpus.parquet"
    pd.DataFrame(records, columns=columns).to_parquet(path)
    return path


def read_chunks(path: Path, **kwargs: object) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    return list(iter_corpus(path, **kwargs))


# --------------------------------------------------------------------------- equivalence with load_corpus


@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
@pytest.mark.parametrize("fmt", FORMATS)
def test_chunks_in_corpus_order_match_load_corpus(tmp_path: Path, fmt: str, chunk_size: int) -> None:
    path = write_corpus(fmt, tmp_path / fmt, RECORDS)
    chunks = read_chunks(path, chunk_size=chunk_size)
    whole, whole_problems = load_corpus(path)

    assert len(chunks) == math.ceil(len(RECORDS) / chunk_size)
    for articles, problems in chunks:
        assert 1 <= len(articles) <= chunk_size
        assert list(articles.columns) == [*METADATA_COLUMNS, "section", "text"]
        assert all(isinstance(dtype, pd.StringDtype) for dtype in articles.dtypes)
        assert list(problems.columns) == list(PROBLEM_COLUMNS) and problems.empty

    joined = pd.concat([a for a, _ in chunks], ignore_index=True)
    assert joined["article_id"].tolist() == [r["article_id"] for r in RECORDS]  # file order, not sorted
    pd.testing.assert_frame_equal(joined.sort_values("article_id", kind="stable", ignore_index=True), whole)
    assert whole_problems.empty
    first = joined.iloc[0]
    assert (first["bloc"], first["published"], first["text"]) == ("russian", "2024-01-28", "Seven.\r\nTwo lines.")
    assert joined.loc[2, "text"] == "Twenty-six \u2028 with a line separator."
    assert joined["section"].isna().tolist() == [True, True, False, False, True]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_table_file_fallback_counts_rows_across_chunks(tmp_path: Path, fmt: str) -> None:
    path = write_corpus(fmt, tmp_path, RECORDS)
    joined = pd.concat([a for a, _ in read_chunks(path, chunk_size=2)], ignore_index=True)
    assert joined["file"].tolist() == [f"{path.name}:{i}" for i in range(1, 6)]


def test_parquet_integers_do_not_depend_on_batch(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    table = pa.table(
        {"article_id": ["a", "b", "c"], "outlet": ["RT"] * 3, "bloc": ["russian"] * 3,
         "text": ["x", "y", "z"], "pages": pa.array([1, None, 3], pa.int64())}
    )
    pq.write_table(table, path)
    for size in (1, 2, 1000):
        joined = pd.concat([a for a, _ in read_chunks(path, chunk_size=size)], ignore_index=True)
        assert joined["pages"].tolist() == ["1", pd.NA, "3"], size


def test_every_chunk_has_all_jsonl_keys(tmp_path: Path) -> None:
    records = [{"article_id": f"a{i}", "outlet": "RT", "bloc": "russian", "text": "x"} for i in range(4)]
    records[3]["late_key"] = "only here"
    path = write_corpus("jsonl", tmp_path, records)
    chunks = read_chunks(path, chunk_size=1)
    assert [list(a.columns) for a, _ in chunks] == [[*METADATA_COLUMNS, "late_key", "text"]] * 4
    assert chunks[3][0].loc[0, "late_key"] == "only here"


# --------------------------------------------------------------------------- duplicates across chunks


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_in_later_chunk_strict(tmp_path: Path, fmt: str) -> None:
    records = [*RECORDS, {**RECORDS[1], "text": "Again."}]  # b02 again, in the last chunk
    path = write_corpus(fmt, tmp_path / fmt, records)
    chunks = iter_corpus(path, chunk_size=2)
    assert [len(next(chunks)[0]) for _ in range(2)] == [2, 2]  # the first chunks arrive before the error
    # Data row 6 duplicates data row 2; CSV lines count the header and the two-line first text.
    where, first = {"folder": ("line 7", "line 3"), "csv": ("line 8", "line 4"),
                    "jsonl": ("line 6", "line 2"), "parquet": ("row 6", "row 2")}[fmt]
    message = rf"{where} \(article_id 'b02'\): duplicate article_id, first used on {first}"
    if fmt == "folder":
        message += r" \(file 'texts/001\.txt'; this row has file 'texts/005\.txt'\)"
    with pytest.raises(CorpusError, match=message):
        next(chunks)


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_in_later_chunk_lenient(tmp_path: Path, fmt: str) -> None:
    records = [*RECORDS, {**RECORDS[1], "text": "Again."}]
    path = write_corpus(fmt, tmp_path / fmt, records)
    chunks = read_chunks(path, lenient=True, chunk_size=2)
    assert [len(a) for a, _ in chunks] == [2, 2, 1]
    assert [len(p) for _, p in chunks] == [0, 0, 1]
    problem = chunks[2][1].iloc[0]
    assert (problem["article_id"], problem["problem"]) == ("b02", "duplicate_id")
    assert "first used on" in problem["detail"]
    joined = pd.concat([a for a, _ in chunks], ignore_index=True)
    assert joined.set_index("article_id").loc["b02", "text"] == "Two."  # the first one is kept


# --------------------------------------------------------------------------- problems and errors


def test_lenient_problems_belong_to_the_chunk_where_they_occur(tmp_path: Path) -> None:
    path = write_corpus(
        "jsonl",
        tmp_path,
        [
            {"article_id": "ok1", "outlet": "RT", "bloc": "russian", "text": "a"},
            {"article_id": "empty", "outlet": "RT", "bloc": "russian", "text": ""},
            {"article_id": "ok2", "outlet": "RT", "bloc": "russian", "text": "b"},
            {"article_id": "ok3", "outlet": "RT", "bloc": "russian", "text": "c"},
            {"article_id": "date", "outlet": "RT", "bloc": "russian", "text": "d", "published": "03/04/2024"},
            {"article_id": "nobloc", "outlet": "RT", "text": "e"},
            {"article_id": "blank", "outlet": "RT", "bloc": "russian", "text": "  "},
        ],
    )
    chunks = read_chunks(path, lenient=True, chunk_size=2)
    assert [a["article_id"].tolist() for a, _ in chunks] == [["ok1", "ok2"], ["ok3", "date"], []]
    assert [p["problem"].tolist() for _, p in chunks] == [
        ["empty_text"], ["bad_date"], ["missing_value", "empty_text"],
    ]
    assert [p["article_id"].tolist() for _, p in chunks] == [["empty"], ["date"], ["nobloc", "blank"]]
    trailing = chunks[2][0]  # problems only: still the full set of columns
    assert list(trailing.columns) == list(chunks[0][0].columns)
    assert all(isinstance(dtype, pd.StringDtype) for dtype in trailing.dtypes)
    _, problems = load_corpus(path, lenient=True)
    pd.testing.assert_frame_equal(problems, pd.concat([p for _, p in chunks], ignore_index=True))


def test_bad_json_line_in_the_middle(tmp_path: Path) -> None:
    good = [json.dumps({"article_id": f"a{i}", "outlet": "RT", "bloc": "russian", "text": "x"}) for i in range(6)]
    lines = [*good[:3], "", '{"article_id": "broken", "outlet": "RT",', *good[3:]]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chunks = iter_corpus(path, chunk_size=1)
    with pytest.raises(CorpusError, match=r"t\.jsonl line 5: not valid JSON \(.* at column \d+\)"):
        next(chunks)  # the first pass over a JSONL file checks every line before any chunk


def test_line_separator_does_not_split_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    first = {"article_id": "a", "outlet": "RT", "bloc": "russian", "text": "one\u2028two\u2029three\x85four"}
    second = {"article_id": "b", "outlet": "RT", "bloc": "russian", "text": "x", "published": "no date"}
    path.write_text(json.dumps(first, ensure_ascii=False) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    articles, problems = next(iter_corpus(path, lenient=True))
    assert articles.loc[0, "text"] == first["text"]
    assert problems.loc[0, "detail"].startswith(f"{path} line 2 (article_id 'b'): bad published date")


def test_csv_multiline_records_keep_line_numbers_across_chunks(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        'article_id,outlet,bloc,text\na,RT,russian,"one\ntwo"\n\nb,RT,russian,"three\r\nfour"\nc,RT,russian,\n',
        encoding="utf-8",
    )
    chunks = iter_corpus(path, chunk_size=1)
    assert next(chunks)[0].loc[0, "text"] == "one\ntwo"
    assert next(chunks)[0].loc[0, "text"] == "three\r\nfour"
    with pytest.raises(CorpusError, match=r"t\.csv line 7 \(article_id 'c'\): empty text"):
        next(chunks)


def test_csv_not_utf8_far_into_the_file(tmp_path: Path) -> None:
    """Bad bytes after many MiB are located exactly, with a multi-byte character split across read blocks."""
    head = "article_id,outlet,bloc,text\n"
    lines = [f"a{i},RT,russian,{'é' * 40}\n" for i in range(40_000)]  # ~3.3 MB, 'é' is two bytes
    data = (head + "".join(lines)).encode("utf-8") + b"bad,RT,russian,caf\xe9\n"
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbf" + data)
    offset = 3 + data.index(b"\xe9\n")
    with pytest.raises(CorpusError, match=rf"t\.csv: not valid UTF-8 at byte {offset} \(0xe9\) on line 40002;"):
        for _ in iter_corpus(path, lenient=True, chunk_size=10_000):
            pass


def test_csv_field_size_limit_is_not_left_lifted(tmp_path: Path) -> None:
    long_text = ("word " * 100 + "\n") * 600  # 300 KB in one field, beyond the csv module's default 128 KiB
    path = write_corpus("csv", tmp_path, [{"article_id": f"a{i}", "outlet": "RT", "bloc": "russian", "text": long_text} for i in range(3)])
    before = csv.field_size_limit()
    chunks = iter_corpus(path, chunk_size=1)
    assert next(chunks)[0].loc[0, "text"] == long_text
    assert csv.field_size_limit() == before  # not even while the reader is suspended
    assert len(list(chunks)) == 2


def test_no_usable_articles_raises_before_any_chunk(tmp_path: Path) -> None:
    records = [{"article_id": f"a{i}", "outlet": "RT", "bloc": "russian", "text": ""} for i in range(5)]
    path = write_corpus("jsonl", tmp_path, records)
    chunks = iter_corpus(path, lenient=True, chunk_size=2)
    with pytest.raises(CorpusError, match=r"no usable articles; all 5 row\(s\) had problems \(empty_text: 5\)") as info:
        next(chunks)
    assert info.value.problems["article_id"].tolist() == [f"a{i}" for i in range(5)]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "folder"])
def test_header_only_raises(tmp_path: Path, fmt: str) -> None:
    path = write_corpus(fmt, tmp_path, RECORDS[:1])
    if fmt == "parquet":
        pd.read_parquet(path).iloc[:0].to_parquet(path)
    else:
        meta = path / "metadata.csv" if fmt == "folder" else path
        meta.write_text(meta.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"no articles \(the table has a header but no rows\)"):
        next(iter_corpus(path, lenient=True))


@pytest.mark.parametrize("bad", [0, -3, 2.5, "100", None, True])
def test_chunk_size_must_be_a_positive_integer(tmp_path: Path, bad: object) -> None:
    path = write_corpus("jsonl", tmp_path, RECORDS)
    with pytest.raises(ValueError, match=r"chunk_size must be a positive integer"):
        iter_corpus(path, chunk_size=bad)  # type: ignore[arg-type]  # raised at the call, not on iteration


def test_corpus_errors_surface_on_iteration(tmp_path: Path) -> None:
    chunks = iter_corpus(tmp_path / "nowhere.jsonl")
    with pytest.raises(CorpusError, match=r"no such file or folder"):
        next(chunks)


# --------------------------------------------------------------------------- bounded memory


def test_memory_stays_bounded_on_a_30_mb_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    body = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 175  # ~10 KB
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(3000):
            record = {"article_id": f"id{i:05d}", "outlet": "RT", "bloc": "russian",
                      "published": "2024-01-28", "text": f"{i} {body}"}
            handle.write(json.dumps(record) + "\n")
    size = path.stat().st_size
    assert size > 29_000_000

    started = time.perf_counter()
    n = 0
    arrow_peak = 0
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        for articles, _ in iter_corpus(path, chunk_size=100):
            n += len(articles)
            arrow_peak = max(arrow_peak, pa.total_allocated_bytes())  # string columns live in Arrow memory
            del articles
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 3000
    assert peak < 10_000_000, f"Python heap peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"
    assert arrow_peak < 10_000_000, f"Arrow memory {arrow_peak / 1e6:.1f} MB"
    assert time.perf_counter() - started < 15


def test_parquet_is_read_a_batch_at_a_time(tmp_path: Path) -> None:
    """A single ~30 MB row group is read page by page, not loaded whole into Arrow memory.

    Arrow memory is bounded by the file's page sizes (set by its writer), so small pages here.
    """
    rng = random.Random(20240601)
    n = 3000
    texts = [base64.b64encode(rng.randbytes(7500)).decode("ascii") for _ in range(n)]  # 10 KB each
    table = pa.table({"article_id": [f"id{i:05d}" for i in range(n)], "outlet": ["RT"] * n,
                      "bloc": ["russian"] * n, "text": texts})
    path = tmp_path / "big.parquet"
    pq.write_table(table, path, compression="none", use_dictionary=False, write_batch_size=64)
    del table
    assert pq.ParquetFile(path).metadata.num_row_groups == 1
    assert path.stat().st_size > 29_000_000

    baseline = pa.total_allocated_bytes()
    arrow_peak = n_read = 0
    for articles, _ in iter_corpus(path, chunk_size=100):
        n_read += len(articles)
        arrow_peak = max(arrow_peak, pa.total_allocated_bytes() - baseline)
        del articles
    assert n_read == n
    assert arrow_peak < 10_000_000, f"Arrow memory {arrow_peak / 1e6:.1f} MB while iterating"
