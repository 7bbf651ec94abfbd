"""Building large corpora: streaming in chunks, the cache, a process pool and Dask give the same tables."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

from analysis import clean, corpus, pipeline, schema
from analysis.cli import main

ROOT = Path(__file__).resolve().parents[1]
PER_ARTICLE = list(schema.PER_ARTICLE)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, bench: ModuleType) -> Path:
    """60 synthetic articles (seed paragraphs, injected leftovers, 40 outlets, both blocs)."""
    return bench.generate(60, 7, tmp_path_factory.mktemp("gen") / "corpus.jsonl")


def _read(folder: Path) -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}


def _assert_same(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def test_shared_lines_hashes_match_the_plain_sets() -> None:
    texts = ["Home\nWorld\nA first story about talks in Istanbul.\nShare this", "Home\nWorld\nAnother story.\nShare this!",
             "Home\nSomething else entirely."]
    plain = {"home", "world", "share this"}
    hashed = pipeline.outlet_shared_lines(pd.DataFrame({"outlet": ["X"] * 3, "text": texts}))["X"]
    assert clean.repeated_lines(texts) == hashed == clean.SharedLines.of_lines(plain)
    assert all(key in hashed for key in plain) and len(hashed) == len(plain)
    assert "another story" not in hashed and "" not in hashed
    assert clean.repeated_lines(texts, min_articles=3) == clean.SharedLines.of_lines({"home"})
    assert not clean.repeated_lines([]) and not clean.repeated_lines(texts, min_articles=4)


def test_streamed_build_in_small_chunks_equals_one_chunk(tmp_path: Path, generated: Path) -> None:
    """Chunks of 7 articles (row groups, several batches) give the tables of one chunk."""
    small, whole = tmp_path / "small", tmp_path / "whole"
    pipeline.build_corpus(generated, small, chunk_size=7, progress=False)
    pipeline.build_corpus(generated, whole, chunk_size=1000, progress=False)
    import pyarrow.parquet as pq

    assert pq.ParquetFile(small / "sentences.parquet").num_row_groups == 9  # 60 articles / 7
    _assert_same(_read(small), _read(whole))


def test_streamed_build_equals_the_in_memory_build(tmp_path: Path, generated: Path) -> None:
    pipeline.build_corpus(generated, tmp_path, chunk_size=16, progress=False, skip_topics=True)
    articles, problems = corpus.load_corpus(generated)
    tables = pipeline.build_tables(articles, problems, progress=False, skip_topics=True)
    on_disk = _read(tmp_path)
    # load_corpus sorts by article_id; the generated corpus is already in that order.
    assert list(on_disk["articles"]["article_id"]) == sorted(on_disk["articles"]["article_id"])
    _assert_same(on_disk, tables)


def test_parallel_build_equals_serial(tmp_path: Path, generated: Path) -> None:
    """A pool of two (forced on a small corpus) writes the same files as one process."""
    pipeline.build_corpus(generated, tmp_path / "serial", chunk_size=20, jobs=1, progress=False, skip_topics=True)
    pipeline.build_corpus(generated, tmp_path / "pool", chunk_size=20, jobs=2, min_articles_per_job=1, progress=False,
                       skip_topics=True)
    for path in (tmp_path / "serial").glob("*.parquet"):
        assert path.read_bytes() == (tmp_path / "pool" / path.name).read_bytes(), path.name


def test_cache_reuses_unchanged_articles_and_redoes_changed_ones(tmp_path: Path, generated: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = pipeline.build_corpus(generated, out, cache_dir=cache, chunk_size=25, progress=False, skip_topics=True)
    assert (first.cached, first.computed) == (0, 60)
    reference = _read(out)

    again = pipeline.build_corpus(generated, out, cache_dir=cache, chunk_size=25, progress=False, skip_topics=True)
    assert (again.cached, again.computed) == (60, 0)
    assert again.stage_seconds == {}
    _assert_same(_read(out), reference)

    # Change the body of one article whose outlet has no other article (so no repeated lines move).
    rows = [json.loads(line) for line in generated.read_text(encoding="utf-8").splitlines()]
    outlets = pd.Series([r["outlet"] for r in rows]).value_counts()
    lone = next(i for i, r in enumerate(rows) if outlets[r["outlet"]] == 1)
    rows[lone]["text"] = rows[lone]["text"].replace("\n\n", "\n\nPeskov said on Monday that the talks would resume.\n\n", 1)
    edited = tmp_path / "edited.jsonl"
    edited.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    third = pipeline.build_corpus(edited, out, cache_dir=cache, chunk_size=25, progress=False, skip_topics=True)
    assert (third.cached, third.computed) == (59, 1)
    fresh = tmp_path / "fresh"
    pipeline.build_corpus(edited, fresh, chunk_size=25, progress=False, skip_topics=True)
    _assert_same(_read(out), _read(fresh))  # cached and recomputed articles interleave in corpus order
    changed = _read(out)["sentences"]
    assert changed["text"].str.contains("talks would resume").sum() == 1


def test_cache_is_invalidated_by_other_settings(tmp_path: Path, generated: Path) -> None:
    cache = tmp_path / "cache"
    pipeline.build_corpus(generated, tmp_path / "a", cache_dir=cache, progress=False, skip_topics=True)
    cues = clean.load_cues()[:-1]  # one cue fewer: every article must be redone
    stats = pipeline.build_corpus(generated, tmp_path / "b", cache_dir=cache, cues=cues, progress=False, skip_topics=True)
    assert stats.cached == 0


def test_build_command_resumes_from_its_cache(tmp_path: Path, generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", "--corpus", str(generated), "--out", str(out), "--skip-topics", "--jobs", "1"]) == 0
    assert "(0 from the cache)" in capsys.readouterr().out
    assert (out / ".cache" / "articles.sqlite").is_file()
    (out / "sentences.parquet").unlink()  # as if the first run had died half way
    assert main(["build", "--corpus", str(generated), "--out", str(out), "--skip-topics", "--jobs", "1"]) == 0
    assert "(60 from the cache)" in capsys.readouterr().out
    assert len(pd.read_parquet(out / "sentences.parquet")) > 0
    assert main(["build", "--corpus", str(generated), "--out", str(tmp_path / "n"), "--no-cache", "--quiet",
                 "--skip-topics", "--jobs", "1"]) == 0
    assert not (tmp_path / "n" / ".cache").exists()


def test_topics_fit_on_a_bounded_sample_of_articles(tmp_path: Path, generated: Path) -> None:
    pipeline.build_corpus(generated, tmp_path / "a", topic_units=200, progress=False)
    pipeline.build_corpus(generated, tmp_path / "b", topic_units=200, progress=False)
    topics, paragraphs = (pd.read_parquet(tmp_path / "a" / f"{n}.parquet") for n in ("topics", "paragraphs"))
    sampled = topics["article_id"].unique()
    assert 0 < topics[["article_id", "paragraph_id"]].drop_duplicates().shape[0] <= 200
    assert len(sampled) < paragraphs["article_id"].nunique()
    pd.testing.assert_frame_equal(topics, pd.read_parquet(tmp_path / "b" / "topics.parquet"))


def test_bad_chunk_size_and_engine_are_refused(tmp_path: Path, generated: Path) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        pipeline.build_corpus(generated, tmp_path, chunk_size=0)
    with pytest.raises(ValueError, match="engine"):
        pipeline.build_corpus(generated, tmp_path, engine="spark", progress=False)


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_client():  # noqa: ANN201
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=40)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_equals_default_on_the_seed_corpus(tmp_path: Path, dask_client: object) -> None:
    pipeline.build_corpus(ROOT / "data" / "raw", tmp_path / "dask", client=dask_client, progress=False)
    pipeline.build_corpus(ROOT / "data" / "raw", tmp_path / "default", progress=False)
    for path in (tmp_path / "default").glob("*.parquet"):
        assert path.read_bytes() == (tmp_path / "dask" / path.name).read_bytes(), path.name


def test_dask_equals_default_on_a_generated_corpus(tmp_path: Path, generated: Path, dask_client: object) -> None:
    stats = pipeline.build_corpus(generated, tmp_path / "dask", client=dask_client, chunk_size=13, progress=False,
                               skip_topics=True)
    assert stats.engine == "dask" and stats.computed == 60
    pipeline.build_corpus(generated, tmp_path / "default", chunk_size=13, progress=False, skip_topics=True)
    _assert_same(_read(tmp_path / "dask"), _read(tmp_path / "default"))


def test_dask_build_from_the_command_line_on_a_scheduler_address(tmp_path: Path, dask_client: object) -> None:
    address = dask_client.scheduler.address
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--scheduler", address, "--quiet", "--no-cache", "--skip-topics"]) == 0
    committed = ROOT / "data" / "processed"
    for name in ("sentences", "sentiment", "markers"):
        assert (out / f"{name}.parquet").read_bytes() == (committed / f"{name}.parquet").read_bytes()


def test_dask_graphs_carry_no_article_text(tmp_path: Path, generated: Path, dask_client: object,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The articles go to the workers as scattered data, not inside the task graphs, which the
    scheduler would keep in memory (it grew by every chunk's text before this)."""
    graphs = []
    compute = dask_client.compute

    def spy(collection, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        graphs.append(repr(dict(collection.__dask_graph__())))
        return compute(collection, *args, **kwargs)

    monkeypatch.setattr(dask_client, "compute", spy)
    pipeline.build_corpus(generated, tmp_path, client=dask_client, chunk_size=20, progress=False, skip_topics=True)
    assert len(graphs) == 6  # two passes over three chunks
    some_text = max(json.loads(generated.read_text(encoding="utf-8").splitlines()[0])["text"].splitlines(), key=len)
    assert len(some_text) > 40 and not any(some_text in graph or "Share on Facebook" in graph for graph in graphs)


def test_the_collector_is_paused_only_inside_a_batch_and_restored_as_it_was() -> None:
    import gc

    from analysis.pipeline.article import _collector_paused

    was = gc.isenabled()
    try:
        for before in (True, False):
            (gc.enable if before else gc.disable)()
            with _collector_paused():
                assert not gc.isenabled()
            assert gc.isenabled() is before
        gc.enable()
        with pytest.raises(RuntimeError), _collector_paused():
            raise RuntimeError("an article failed")
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_processing_articles_leaves_no_reference_cycles(generated: Path) -> None:
    """Why pausing the collector during a batch costs no memory: what processing an article
    leaves behind is freed by reference counting alone. Counted in a fresh interpreter: in the
    test process, threads left by earlier tests (notebook clients, progress bars) can leave
    cyclic garbage of their own while the collector is paused (110 objects in one full run)."""
    import subprocess
    import sys

    script = f"""
import gc, json
from analysis.pipeline.article import process_article
records = [json.loads(line) for line in open({str(generated)!r}, encoding="utf-8").read().splitlines()[:40]]
process_article(records[0])
gc.collect()
gc.disable()
results = [process_article(r) for r in records]
del results
print(gc.collect())
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert int(done.stdout.split()[-1]) <= 10


def test_batches_keep_every_item_in_order_and_end_small_when_workers_share_a_chunk() -> None:
    from analysis.pipeline.engines import _batches

    for n, jobs in [(1000, 2), (1000, 1), (37, 2), (8, 2), (1001, 3), (100, 4)]:
        batches = _batches(list(range(n)), jobs)
        assert [i for b in batches for i in b] == list(range(n))
        assert all(len(b) >= 1 for b in batches)
    sizes = [len(b) for b in _batches(list(range(1000)), 2)]
    assert sizes[0] == 125 and max(sizes[-8:]) <= 32  # the last two big batches' worth in quarters
    assert [len(b) for b in _batches(list(range(1000)), 1)] == [250] * 4  # one worker: no small tail
    assert _batches([], 2) == []
    # a chunk before the last: one batch per worker (the chunks after it keep the workers busy)
    for n, jobs in [(1000, 2), (1000, 1), (37, 2), (1001, 3)]:
        batches = _batches(list(range(n)), jobs, last=False)
        assert [i for b in batches for i in b] == list(range(n)) and len(batches) == jobs
    assert [len(b) for b in _batches(list(range(1000)), 2, last=False)] == [500, 500]


def test_chunks_are_told_which_is_the_last() -> None:
    from analysis.pipeline.engines import _with_last

    assert list(_with_last(iter("abc"))) == [("a", False), ("b", False), ("c", True)]
    assert list(_with_last(["a"])) == [("a", True)] and list(_with_last([])) == []


def test_batching_changes_no_table(tmp_path: Path, generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 20 articles on two workers (one batch per worker but in the last chunk) write the same
    bytes as on one worker, and as a build whose every chunk is batched like the last."""
    from analysis.pipeline import build_corpus, engines, passes

    def build(out: str, jobs: int) -> dict[str, bytes]:
        stats = build_corpus(generated, tmp_path / out, jobs=jobs, chunk_size=20, min_articles_per_job=1,
                             skip_topics=True, progress=False)
        assert stats.engine == ("processes" if jobs > 1 else "serial")
        return {f.name: f.read_bytes() for f in sorted((tmp_path / out).glob("*.parquet"))}

    two, one = build("two", 2), build("one", 1)
    original = engines._batches
    monkeypatch.setattr(passes, "_batches", lambda items, jobs, size=0, last=True: original(items, jobs, size))
    assert two == one == build("as_last", 2) and len(two) >= 12
