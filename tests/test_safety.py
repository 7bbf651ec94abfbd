"""Bad, hostile and large inputs around the tables: the input, the cache, the output folder,
interrupts, sizes, links, spreadsheets and figures (issue "Safe by construction")."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import random
import sqlite3
import types
import zlib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import corpus, outputs, overview, pipeline, plots, schema, sentiment, topics
from analysis.cli import main
from analysis.pipeline import cache as build_cache

TEXTS = {
    "r1": "Lavrov says talks possible\nLavrov said on Friday that Moscow was ready for talks in Istanbul.\n"
          "“We are open to dialogue,” Peskov told reporters.\n",
    "r2": "Kremlin on peace plan\nPeskov said the Kremlin would study the peace plan carefully before any meeting.\n",
    "w1": "Kyiv and allies react\nWestern officials said Russia's offer of talks was a stalling tactic, not a plan.\n",
}


def small_corpus(folder: Path, blocs: dict[str, str] | None = None) -> Path:
    """A folder corpus of three short articles (two blocs unless `blocs` says otherwise)."""
    blocs = blocs or {"r1": "russian", "r2": "russian", "w1": "western"}
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["article_id,file,outlet,bloc"]
    for article_id, text in TEXTS.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{article_id},{article_id}.txt,Outlet {article_id[0]},{blocs[article_id]}")
    (folder / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` but the cache, by relative path: to compare outputs byte for byte."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(folder).parts}


def built(tmp_path: Path, *extra: str) -> tuple[Path, Path, dict[str, bytes]]:
    """A corpus and a complete output built from it, with the output's snapshot."""
    folder = small_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--jobs", "1", *extra]) == 0
    return folder, out, snapshot(out)


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.glob(f".{out.name}.building-*"))


# --------------------------------------------------------------------------- 1. the input is never an output


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_out_that_holds_the_corpus_table_is_refused(tmp_path: Path, fmt: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corp"
    folder.mkdir()
    table = pd.DataFrame({"article_id": list(TEXTS), "outlet": ["A", "A", "B"],
                          "bloc": ["russian", "russian", "western"], "text": list(TEXTS.values())})
    path = folder / f"articles.{fmt}"
    table.to_csv(path, index=False) if fmt == "csv" else table.to_parquet(path, index=False)
    before = snapshot(folder)
    assert main(["build", "--corpus", str(path), "--out", str(folder), "--format", fmt, "--quiet"]) == 2
    assert "holds the input" in capsys.readouterr().err
    assert snapshot(folder) == before


def test_an_out_inside_the_corpus_folder_or_holding_the_cue_file_is_refused(tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = small_corpus(tmp_path / "corpus")
    before = snapshot(folder)
    assert main(["build", "--corpus", str(folder), "--out", str(folder), "--quiet"]) == 2
    assert main(["build", "--corpus", str(folder), "--out", str(folder / "out"), "--quiet"]) == 2
    assert "inside the corpus folder" in capsys.readouterr().err
    cues = tmp_path / "out" / "cues.tsv"
    cues.parent.mkdir()
    cues.write_text("", encoding="utf-8")
    assert main(["build", "--corpus", str(folder), "--out", str(cues.parent), "--cues", str(cues), "--quiet"]) == 2
    assert "holds the input" in capsys.readouterr().err
    assert snapshot(folder) == before


# --------------------------------------------------------------------------- 2. the cache holds data, not code


class _Payload:
    """Pickles as a call that writes a file: what a poisoned cache entry would run."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


def _poison(database: Path, blob: bytes) -> int:
    """Replace every stored value in every table of a cache file; returns how many were replaced."""
    db = sqlite3.connect(database)
    n = 0
    with db:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            n += db.execute(f"UPDATE {table} SET value = ?", (blob,)).rowcount
    db.close()
    return n


def test_a_poisoned_cache_is_never_run_and_the_output_is_rebuilt_identically(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, out, before = built(tmp_path)
    marker = tmp_path / "pwned"
    assert _poison(out / ".cache" / "articles.sqlite", zlib.compress(pickle.dumps(_Payload(marker)))) == 3
    inputs = snapshot(folder)
    capsys.readouterr()
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    assert not marker.exists()
    assert "3 entries were not valid results" in capsys.readouterr().err
    assert snapshot(out) == before and snapshot(folder) == inputs


def test_cached_results_are_checked_before_use() -> None:
    result = pipeline.process_article({"article_id": "a", "text": TEXTS["r1"], "title": None, "author": None})
    blob = build_cache._encode_result(result)
    assert build_cache._decode_result(blob, "a") == json.loads(json.dumps(result))
    assert build_cache._decode_result(blob, "b") is None  # another article's result
    assert build_cache._decode_result(zlib.compress(pickle.dumps(result)), "a") is None
    assert build_cache._decode_result(b"not zlib", "a") is None
    assert build_cache._decode_result(zlib.compress(json.dumps({**result, "extra": []}).encode()), "a") is None
    bomb = zlib.compress(b" " * (build_cache._MAX_CACHED_BYTES + 1))
    assert build_cache._decode_result(bomb, "a") is None


def _fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str) -> tuple[Path, Path]:
    """A package folder with an empty __init__.py and one module (`A = 1`) at the relative path
    `module`, which `code_fingerprint` then reads instead of the installed package."""
    package = tmp_path / "analysis"
    (package / module).parent.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / module).write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(build_cache, "resources", types.SimpleNamespace(files=lambda name: package))
    return package, package / module


def test_the_code_fingerprint_covers_modules_in_subpackages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached result is valid only for the code that made it, modules of subpackages included."""
    _, nested = _fake_package(tmp_path, monkeypatch, "pipeline/passes.py")
    before = build_cache.code_fingerprint()
    nested.write_text("A = 2\n", encoding="utf-8")
    assert build_cache.code_fingerprint() != before


def test_the_code_fingerprint_leaves_out_only_code_that_article_processing_never_imports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing a figure keeps the cache; the modules left out are never imported by a worker."""
    import subprocess
    import sys

    loaded = subprocess.run([sys.executable, "-c", "import sys, analysis.pipeline.article; "
                             "print(' '.join(m for m in sys.modules if m.startswith('analysis.')))"],
                            capture_output=True, text=True, check=True).stdout.split()
    for module in loaded:
        assert module.split(".")[1].removesuffix(".py") not in {d.removesuffix(".py") for d in build_cache.DOWNSTREAM}, module
    package, figure = _fake_package(tmp_path, monkeypatch, "plots/sentiment.py")
    before = build_cache.code_fingerprint()
    figure.write_text("A = 2\n", encoding="utf-8")
    (package / "summary.py").write_text("B = 1\n", encoding="utf-8")
    assert build_cache.code_fingerprint() == before
    (package / "terms.py").write_text("C = 1\n", encoding="utf-8")
    assert build_cache.code_fingerprint() != before


def test_a_corrupt_cache_is_reported_and_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = small_corpus(tmp_path / "corpus")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "articles.sqlite").write_bytes(b"this is not a database" * 100)
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--cache", str(cache), "--quiet",
                 "--skip-topics"]) == 0
    assert "not usable" in capsys.readouterr().err
    assert len(pd.read_parquet(out / "articles.parquet")) == 3


# --------------------------------------------------------------------------- 3. one build at a time


@pytest.mark.skipif(os.name == "nt", reason="the test holds the lock with fcntl")
def test_a_second_build_into_a_locked_out_stops_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import fcntl

    folder, out, before = built(tmp_path, "--skip-topics")
    with open(out / ".lock", "a+b") as held:  # what a running build holds
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet"]) == 2
        assert "another build is writing to this folder" in capsys.readouterr().err
        assert snapshot(out) == before and not leftovers(out)
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--skip-topics"]) == 0  # released


# --------------------------------------------------------------------------- 4. all or nothing


def test_ctrl_c_during_a_build_leaves_the_previous_output_untouched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder, out, before = built(tmp_path)
    (folder / "r2.txt").write_text(TEXTS["r2"] + "A new paragraph the interrupted build never publishes.\n", encoding="utf-8")

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(topics, "build_topics", interrupt)  # after the per-article tables are written
    capsys.readouterr()
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--jobs", "1"]) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("interrupted:") and "Traceback" not in err
    assert snapshot(out) == before and not leftovers(out)


def test_a_failed_first_build_leaves_no_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = small_corpus(tmp_path / "corpus")

    def fail(*args: object, **kwargs: object) -> None:
        raise ValueError("topic models failed")

    monkeypatch.setattr(topics, "build_topics", fail)
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--no-cache"]) == 2
    assert not out.exists() and not leftovers(out)
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet"]) == 2
    assert snapshot(out) == {} and (out / ".cache").is_dir() and not leftovers(out)  # the cache is kept for a rerun


def test_skip_topics_does_not_keep_a_topics_table_from_an_earlier_build(tmp_path: Path) -> None:
    folder, out, _ = built(tmp_path)
    assert (out / "topics.parquet").is_file()
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--skip-topics"]) == 0
    assert not (out / "topics.parquet").exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "topics" not in manifest["tables"] and manifest["settings"]["skip_topics"] is True
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--skip-topics",
                 "--format", "csv"]) == 0
    assert not list(out.glob("*.parquet"))  # no table of the other format left beside the new ones


def test_the_manifest_is_deterministic_and_names_the_corpus(tmp_path: Path) -> None:
    folder, out, before = built(tmp_path, "--skip-topics")
    manifest = json.loads(before["manifest.json"])
    assert manifest["corpus"]["articles"] == 3
    assert {n: t["rows"] for n, t in manifest["tables"].items()}["articles"] == 3
    assert before["manifest.json"] == (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    other = tmp_path / "other"
    assert main(["build", "--corpus", str(folder), "--out", str(other), "--quiet", "--skip-topics",
                 "--no-cache", "--jobs", "2"]) == 0
    assert (other / "manifest.json").read_bytes() == before["manifest.json"]
    (folder / "w1.txt").write_text(TEXTS["w1"] + "One more line.\n", encoding="utf-8")
    assert main(["build", "--corpus", str(folder), "--out", str(other), "--quiet", "--skip-topics"]) == 0
    changed = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
    assert changed["corpus"]["fingerprint"] != manifest["corpus"]["fingerprint"]


def test_readers_refuse_tables_that_disagree_with_the_manifest(tmp_path: Path) -> None:
    _, out, _ = built(tmp_path)
    assert overview.check_output(out)["corpus"]["articles"] == 3
    assert set(overview.read_tables(out)) == set(schema.TABLE_COLUMNS)
    articles = pd.read_parquet(out / "articles.parquet")
    articles.iloc[:2].to_parquet(out / "articles.parquet", index=False)  # a partly written table
    with pytest.raises(overview.IncompleteOutputError, match="2 rows, but manifest.json says the build wrote 3"):
        overview.read_tables(out)
    with pytest.raises(overview.IncompleteOutputError, match="incomplete"):
        overview.check_output(out)
    (out / "manifest.json").unlink()
    with pytest.warns(UserWarning, match="no manifest.json"):
        overview.read_tables(out)
    with pytest.raises(overview.IncompleteOutputError, match="no manifest.json"):
        overview.check_output(out)


def test_read_tables_reads_each_table_when_first_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a build reads no table (Parquet row counts come from the footers); a table is read
    on first use, once; copies and the topic relabelling leave unread tables unread; a table
    replaced after opening is refused when read."""
    _, out, _ = built(tmp_path)
    reads: list[str] = []
    real = outputs._read
    monkeypatch.setattr(outputs, "_read", lambda path: reads.append(path.stem) or real(path))
    tables = overview.read_tables(out)
    assert reads == [] and list(tables) == [name for name in schema.TABLE_COLUMNS if name in tables]
    assert len(tables) == len(schema.TABLE_COLUMNS) and "topic_summary" in tables
    rows = tables.rows()
    assert reads == [] and rows["articles"] == 3
    assert rows == {name: len(pd.read_parquet(out / f"{name}.parquet")) for name in schema.TABLE_COLUMNS}
    articles = tables["articles"]
    assert tables["articles"] is articles and reads == ["articles"]
    relabelled = topics.with_stability_cutoff(tables, 0.5)
    assert reads == ["articles", "topic_summary"] and isinstance(relabelled, overview.Tables)
    assert relabelled["articles"] is articles and relabelled["topic_summary"] is not tables["topic_summary"]
    assert reads == ["articles", "topic_summary"]  # (the original's topic_summary was read once, for the copy)
    tables["extra"] = articles.head(1)
    assert len(tables) == len(schema.TABLE_COLUMNS) + 1 and tables.rows()["extra"] == 1
    del tables["extra"], tables["sentences"]
    assert "extra" not in tables and "sentences" not in tables and len(tables) == len(schema.TABLE_COLUMNS) - 1
    with pytest.raises(KeyError):
        tables["sentences"]
    pd.read_parquet(out / "quotes.parquet").iloc[:0].to_parquet(out / "quotes.parquet", index=False)
    with pytest.raises(overview.IncompleteOutputError, match="0 rows, but manifest.json says"):
        tables["quotes"]


# --------------------------------------------------------------------------- 5. bounded work per article


def test_an_article_with_a_huge_paragraph_is_a_named_problem_not_a_failed_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = small_corpus(tmp_path / "corpus")
    words = random.Random(1).choices(["talks", "Lavrov", "said", "peace", "Kyiv", "."], k=30_000)
    (folder / "r2.txt").write_text("Headline\n" + " ".join(words) + "\n", encoding="utf-8")  # one line, ~150 KB
    with pytest.raises(corpus.CorpusError, match=r"metadata.csv line 3 \(article_id 'r2'\): a line too long .*\(use --lenient"):
        corpus.load_corpus(folder)
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--lenient", "--skip-topics"]) == 0
    assert "too_large" in capsys.readouterr().err
    problems = pd.read_parquet(out / "problems.parquet")
    assert problems[["article_id", "problem"]].values.tolist() == [["r2", "too_large"]]
    assert sorted(pd.read_parquet(out / "articles.parquet")["article_id"]) == ["r1", "w1"]


def test_an_article_that_cannot_be_processed_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, out, before = built(tmp_path, "--skip-topics")
    score_texts = sentiment.score_texts

    def fragile(texts: object, *args: object, **kwargs: object) -> list:
        texts = list(texts)
        if any("Kremlin would study" in t for t in texts):
            raise TimeoutError("regular-expression match exceeded its 5.0s time limit")
        return score_texts(texts, *args, **kwargs)

    monkeypatch.setattr(sentiment, "score_texts", fragile)
    capsys.readouterr()
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--no-cache", "--jobs", "1"]) == 2
    assert "article 'r2' (r2.txt): could not be processed (TimeoutError: " in capsys.readouterr().err
    assert snapshot(out) == before


def test_articles_above_the_size_limit_are_skipped_in_lenient_mode(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path / "corpus")
    (folder / "r1.txt").write_text("A line of an endless article.\n" * 40_000, encoding="utf-8")  # 1.2 M characters
    (folder / "w1.txt").write_bytes(b"x" * (4 * corpus.MAX_ARTICLE_CHARS + 1))  # too large to read at all
    articles, problems = corpus.load_corpus(folder, lenient=True)
    assert list(articles["article_id"]) == ["r2"]
    assert problems["problem"].tolist() == ["too_large", "too_large"]
    assert "1,200,000 characters" in problems["detail"].iloc[0]


# --------------------------------------------------------------------------- 6. symbolic links


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_out_of_the_corpus_folder_is_refused_unless_followed(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path / "corpus")
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("A private file outside the corpus that must not reach the reports.\n", encoding="utf-8")
    (folder / "w1.txt").unlink()
    (folder / "w1.txt").symlink_to(secret)
    (folder / "inside.txt").write_text(TEXTS["w1"], encoding="utf-8")
    (folder / "r1.txt").unlink()
    (folder / "r1.txt").symlink_to(folder / "inside.txt")  # a link inside the folder is fine
    with pytest.raises(corpus.CorpusError, match="symbolic link to a place outside the corpus folder"):
        corpus.load_corpus(folder)
    articles, problems = corpus.load_corpus(folder, lenient=True)
    assert list(articles["article_id"]) == ["r1", "r2"]
    assert problems[["article_id", "problem"]].values.tolist() == [["w1", "bad_path"]]
    followed, _ = corpus.load_corpus(folder, follow_symlinks=True)
    assert "private file" in followed.set_index("article_id").loc["w1", "text"]


# --------------------------------------------------------------------------- 7. CSV and spreadsheets


def test_csv_cells_a_spreadsheet_would_run_are_escaped_and_read_back_unchanged(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path / "corpus")
    (folder / "metadata.csv").write_text(
        "article_id,file,outlet,bloc,title,author,url\n"
        'r1,r1.txt,=cmd|\' /C calc\'!A0,russian,"=HYPERLINK(""http://x"",""y"")",+Author,@SUM(1)\n'
        "r2,r2.txt,'quoted,russian,-2+3,,\n"
        "w1,w1.txt,Outlet w,western,,,\n", encoding="utf-8")
    (folder / "w1.txt").write_text("=1+1 is not a headline\n-5 officials said talks could resume soon enough.\n",
                                   encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--format", "csv"]) == 0
    for name in ("articles", "paragraphs", "sentences", "removed_lines"):
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], name
    tables = overview.read_tables(out)
    articles = tables["articles"].set_index("article_id")
    assert articles.loc["r1", "title"] == '=HYPERLINK("http://x","y")'
    assert articles.loc["r1", "outlet"] == "=cmd|' /C calc'!A0"
    assert articles.loc["r2", "outlet"] == "'quoted"
    assert (articles.loc["r1", "author"], articles.loc["r1", "url"]) == ("+Author", "@SUM(1)")
    assert "=1+1 is not a headline" in set(tables["removed_lines"]["text"]) | set(tables["paragraphs"]["text"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_characters="\r", blacklist_categories=("Cs",)), max_size=6), min_size=1, max_size=6))
def test_csv_escaping_round_trips_every_text(values: list[str]) -> None:
    table = pd.DataFrame({"text": pd.Series(values, dtype="string"), "n": range(len(values))})
    buffer = io.StringIO()
    schema.csv_escape(table).to_csv(buffer, index=False)
    back = schema.csv_unescape(pd.read_csv(io.StringIO(buffer.getvalue()), dtype={"text": "string"},
                                          keep_default_na=False))
    assert back["text"].tolist() == values
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in schema.csv_escape(table)["text"])


# --------------------------------------------------------------------------- 8. labels are plain text


def test_data_labels_are_drawn_as_plain_text() -> None:
    hostile = r"$\input{/etc/passwd}$ [a1]"
    counts = pd.DataFrame({"advert": [2], "social": [1]}, index=[hostile])
    counts.columns.name = "reason"
    fig = plots.removal_by_reason(counts)
    fig.savefig(io.BytesIO(), format="png")  # math text would fail to parse here
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels() + fig.axes[0].get_xticklabels()]
    # every "$" escaped, so matplotlib draws the text as itself (math text stays on for log-axis ticks)
    assert plots.plain(hostile) in labels and plots.plain(hostile).replace("\\$", "$") == hostile


# --------------------------------------------------------------------------- 9. not text


def test_lenient_mode_rejects_binary_and_utf16_files_as_not_text(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path / "corpus")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(2).randbytes(20_000)
    (folder / "r2.txt").write_bytes(png)
    (folder / "w1.txt").write_bytes(TEXTS["w1"].encode("utf-16"))
    articles, problems = corpus.load_corpus(folder, lenient=True)
    assert list(articles["article_id"]) == ["r1"]
    assert problems[["article_id", "problem"]].values.tolist() == [["r2", "not_text"], ["w1", "not_text"]]
    assert "UTF-16" in problems["detail"].iloc[1]
    with pytest.raises(corpus.CorpusError, match=r"r2\.txt \(article_id 'r2'\): not a text file"):
        corpus.load_corpus(folder)


def test_every_bad_byte_is_counted(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path / "corpus")
    (folder / "r2.txt").write_bytes(TEXTS["r2"].encode() + b"caf\xe9 and na\xefve and \xff\n")
    _, problems = corpus.load_corpus(folder, lenient=True)
    assert problems["problem"].tolist() == ["encoding"]
    assert "3 undecodable byte sequences in all" in problems["detail"].iloc[0]


# --------------------------------------------------------------------------- 10. smaller things


def test_clean_of_a_folder_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_an_out_that_is_a_file_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = small_corpus(tmp_path / "corpus")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    assert main(["build", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert (tmp_path / "out").read_text(encoding="utf-8") == "not a folder"


def test_a_missing_corpus_creates_no_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_one_bloc_corpus_says_why_keyness_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = small_corpus(tmp_path / "corpus", {"r1": "russian", "r2": "russian", "w1": "russian"})
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(folder), "--out", str(out), "--quiet", "--skip-topics"]) == 0
    assert "keyness compares two blocs, but the corpus has 1 with kept text (russian)" in capsys.readouterr().err
    assert pd.read_parquet(out / "keyness.parquet").empty


def test_tables_built_without_topics_are_read_and_the_topic_notebook_says_why_it_cannot_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--quiet", "--skip-topics", "--no-cache"]) == 0
    tables = overview.read_tables(out)
    assert "articles" in tables and "topics" not in tables
    with pytest.raises(FileNotFoundError, match="rebuild without --skip-topics"):
        overview.require_topics(tables)


def test_the_figure_manifest_escapes_formulas_and_reads_them_back(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.plots import style  # the module that holds the provenance `save` writes

    saved = dict(style._PROVENANCE)
    style._PROVENANCE["parameters"] = '=HYPERLINK("http://x","y")'  # as if a provenance field began with "="
    try:
        for name in ("first", "second"):  # the second save reads the first row back and writes it again
            fig, _ = plt.subplots()
            plots.save(fig, name, out=tmp_path)
            plt.close(fig)
    finally:
        style._PROVENANCE.clear()
        style._PROVENANCE.update(saved)
    cells = [cell for row in csv.reader((tmp_path / "MANIFEST.csv").open(encoding="utf-8")) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert cells.count("'=HYPERLINK(\"http://x\",\"y\")") == 2  # escaped once, not again on the rewrite
