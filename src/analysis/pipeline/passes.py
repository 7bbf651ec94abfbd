"""The two passes of a build over a source of corpus chunks, into a sink: repeated lines first,
then every article through the cache and the engine, then the corpus-level tables (keyness from
term counts and article counts summed chunk by chunk, topics from a bounded sample read back from the sink)."""

from __future__ import annotations

import dataclasses
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from tqdm import tqdm

from analysis import clean, corpus, framing, segment, sentiment, topics
from analysis.clean import LineCounter, stable_hash
from analysis.pipeline.article import Context, _hash_batch, _process_batch, add_terms, frames_of
from analysis.pipeline.cache import Cache, CacheError, _settings_digest
from analysis.pipeline.engines import _batches, _engine, _pipelined, _with_last, connection
from analysis.pipeline.settings import Settings
from analysis.pipeline.sinks import _FileSink, _MemorySink
from analysis.pipeline.tidy import _tidy
from analysis.schema import PER_ARTICLE, TABLE_COLUMNS, csv_unescape, table_columns


@dataclass
class BuildStats:
    """What a build did: counts, cache hits, seconds per pass and per-article stage."""

    articles: int = 0
    problems: int = 0
    cached: int = 0
    computed: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    engine: str = "serial"
    rows: dict[str, int] = field(default_factory=dict)
    cache_rejected: int = 0
    notes: list[str] = field(default_factory=list)  # things the user should know (printed as warnings)

    def stage_rates(self) -> dict[str, float]:
        """Articles per second of each per-article stage, per worker (computed articles only)."""
        return {s: self.computed / t for s, t in self.stage_seconds.items() if t > 0}


ChunkSource = Callable[[], Iterator[tuple[pd.DataFrame, pd.DataFrame]]]


def _frame_chunks(articles: pd.DataFrame, problems: pd.DataFrame | None, chunk_size: int) -> ChunkSource:
    def chunks() -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        empty = pd.DataFrame(columns=list(TABLE_COLUMNS["problems"]))
        for start in range(0, max(len(articles), 1), chunk_size):
            yield articles.iloc[start:start + chunk_size], (problems if problems is not None and start == 0 else empty)
    return chunks


def _run(source: ChunkSource, sink: _MemorySink | _FileSink, settings: Settings, total: int | None) -> BuildStats:
    """Both passes of a build with `settings` (cues loaded, scorers checked, engine and jobs chosen)."""
    stats = BuildStats()
    cues = tuple(clean.load_cues() if settings.cues is None else settings.cues)
    scorers = sentiment.check_scorers(settings.scorers)
    engine, jobs, chunk_size = settings.engine, settings.jobs, settings.chunk_size
    if engine not in ("processes", "dask"):
        raise ValueError(f"unknown engine {engine!r}: use 'processes' or 'dask'")
    if settings.scheduler or settings.client is not None:
        engine = "dask"
    if engine == "processes" and jobs > 1:
        small = total
        if small is None:  # streaming: the corpus is small if it fits in the first chunk
            first = len(next(source(), (pd.DataFrame(), None))[0])
            small = first if first < chunk_size else None
        if small is not None and small < jobs * settings.min_articles_per_job:
            jobs = 1  # a small corpus: starting processes costs more than it saves
    settings = dataclasses.replace(settings, cues=cues, scorers=scorers, engine=engine, jobs=jobs)
    with connection(engine, jobs, settings.scheduler, settings.client) as client:
        return _passes(source, sink, stats, settings, client, total)


def _passes(source: ChunkSource, sink: _MemorySink | _FileSink, stats: BuildStats, settings: Settings,
            client: object | None, total: int | None) -> BuildStats:
    cues, scorers, jobs, engine, cache_dir = settings.cues, settings.scorers, settings.jobs, settings.engine, settings.cache_dir
    bar_off = not settings.progress if settings.progress is not None else None
    clock = time.perf_counter

    # Pass 1: lines each outlet repeats, paragraphs several articles share (and, if asked,
    # abbreviations learned from the corpus).
    started = clock()
    counter = LineCounter()
    paragraphs = corpus.ParagraphIndex()
    coding: Counter = Counter()  # (outlet, bloc, country) -> articles: how the metadata code each outlet
    shared_seconds = 0.0
    runner = _engine(engine, jobs, None, client)
    stats.engine = runner.name
    try:
        def hash_work() -> Iterator[tuple[object, list]]:
            nonlocal shared_seconds
            for (articles, _), last in _with_last(source()):
                texts = [str(t) for t in articles["text"]]
                begun = clock()
                paragraphs.add(articles["article_id"], articles["outlet"], texts)
                coding.update(zip(*(articles[c].astype("string").fillna("(missing)") if c in articles.columns
                                    else ["(missing)"] * len(articles) for c in ("outlet", "bloc", "country"))))
                shared_seconds += clock() - begun
                yield [str(o) for o in articles["outlet"]], _batches(texts, jobs, last=last)
        with tqdm(total=total, desc="pass 1: repeated lines", unit="article", disable=bar_off) as bar:
            for outlets, results in _pipelined(runner, _hash_batch, hash_work()):
                for outlet, hashes in zip(outlets, (h for batch in results for h in batch)):
                    counter.add(outlet, hashes)
                bar.update(len(outlets))
            total = bar.n  # the second pass's progress bar can show how far it has come
    finally:
        runner.close()
    abbreviations = None
    if settings.learn_abbreviations:
        texts = (str(t) for articles, _ in source() for t in articles["text"])
        abbreviations = segment.default_abbreviations() | segment.learn_abbreviations(texts)
    context = Context(cues, abbreviations, counter.shared(), scorers)
    del counter
    begun = clock()
    shared = paragraphs.table()
    if len(shared):  # article-level tests take articles as independent: say when some are not
        note = corpus.shared_paragraphs_note(shared, len(paragraphs.article_ids),
                                             groups=corpus.organisation_groups(str(key[0]) for key in coding))
        stats.notes.append(note + " (raw texts; notebook 00 lists those among the kept paragraphs): article-level "
                           "tests count these articles as independent")
    paragraphs = corpus.ParagraphIndex()  # frees the hashes (pass 1 is over)
    issues = corpus.coding_issues(pd.DataFrame([(*key, n) for key, n in sorted(coding.items(), key=str)],
                                               columns=["outlet", "bloc", "country", "n"]), weight="n")
    if len(issues):  # an outlet in two blocs, or under two names: say so before anything is compared
        stats.notes.append(corpus.coding_text(issues) + " Notebook 00 lists them (corpus.coding_issues).")
    stats.seconds["shared paragraphs"] = shared_seconds + clock() - begun
    stats.seconds["repeated lines"] = clock() - started - stats.seconds["shared paragraphs"]

    # Pass 2: every article, chunk by chunk, through the cache and the engine.
    started = clock()
    cache = None
    if cache_dir is not None:
        try:
            cache = Cache(cache_dir, _settings_digest(cues, abbreviations, scorers))
        except CacheError as exc:
            stats.notes.append(str(exc))
    fingerprints = {outlet: lines.fingerprint() for outlet, lines in context.shared.items()}
    terms: dict[str, Counter] = {}  # keyness: occurrences of each term per bloc
    documents: dict[str, Counter] = {}  # and the articles using it
    blocs: Counter[str] = Counter()
    foreign: list[str] = []  # articles whose kept text does not read as English
    emptied: list[str] = []  # articles cleaning left without a sentence
    wrote_problems = False
    runner = _engine(engine, jobs, context, client)

    def drop_cache(exc: CacheError) -> None:
        nonlocal cache
        stats.notes.append(str(exc))
        stats.cache_rejected += cache.rejected
        cache.close()
        cache = None

    def work() -> Iterator[tuple[object, list]]:
        for (articles, problems), last in _with_last(source()):
            records = articles.to_dict("records")
            keys: list[str] = []
            hits: dict[str, dict] = {}
            if cache is not None:
                keys = [cache.key(r, fingerprints.get(str(r["outlet"]), "")) for r in records]
                try:
                    hits = cache.load(cache.get(keys), records, keys)
                except CacheError as exc:
                    drop_cache(exc)
                    keys = []
            todo = [r for r, k in zip(records, keys) if k not in hits] if hits else records
            yield (records, keys, hits, problems), _batches(todo, jobs, last=last)

    try:
        with tqdm(total=total, desc="pass 2: articles", unit="article", disable=bar_off) as bar:
            for (records, keys, hits, problems), results in _pipelined(runner, _process_batch, work(), cache is not None):
                parts = [r["tables"] for r in results]
                for r in results:
                    for total, part in ((terms, r["terms"]), (documents, r["documents"])):
                        for bloc, counts in part.items():
                            total.setdefault(bloc, Counter()).update(counts)
                    for stage, seconds in r["timings"].items():
                        stats.stage_seconds[stage] = stats.stage_seconds.get(stage, 0.0) + seconds
                if cache is not None and results and keys:
                    try:
                        cache.put(zip((k for k in keys if k not in hits), (b for r in results for b in r["blobs"])))
                    except CacheError as exc:
                        drop_cache(exc)
                if hits:
                    cached = [(r, hits[k]) for r, k in zip(records, keys) if k in hits]
                    add_terms(terms, documents, [r for r, _ in cached], [res for _, res in cached])
                    parts.append(frames_of([r for r, _ in cached], [res for _, res in cached], scorers))
                # (from the articles rows of computed and cached articles alike)
                gone = {str(i) for p in parts for i in p["articles"].loc[p["articles"]["n_sentences"] == 0, "article_id"]}
                emptied += sorted(gone)
                foreign += [str(i) for p in parts for i in p["articles"].loc[corpus.not_english_mask(p["articles"]),
                                                                           "article_id"]]
                mixed = bool(hits) and len(hits) < len(records)
                for name in PER_ARTICLE:
                    sink.write(name, _in_order([p[name] for p in parts], records, mixed) if parts else
                               _tidy(name, pd.DataFrame(columns=table_columns(name, scorers))))
                if len(problems) or not wrote_problems:
                    sink.write("problems", _tidy("problems", problems if problems is not None else
                                                 pd.DataFrame(columns=list(TABLE_COLUMNS["problems"]))))
                    wrote_problems = True
                blocs.update(str(r["bloc"]) for r in records if str(r["article_id"]) not in gone)  # (blocs with kept text)
                stats.articles += len(records)
                stats.problems += len(problems) if problems is not None else 0
                stats.cached += len(hits)
                stats.computed += len(records) - len(hits)
                bar.update(len(records))
    finally:
        runner.close()
        if cache is not None:
            stats.cache_rejected += cache.rejected
            cache.close()
    if stats.cache_rejected:
        stats.notes.append(f"cache {cache_dir}: {stats.cache_rejected} entries were not valid results (corrupt or "
                           "foreign) and were ignored; those articles were processed again")
    if emptied:  # no text, no sentence: every comparison leaves these articles out, which nobody would see
        shown = ", ".join(sorted(emptied)[:5]) + (f" and {len(emptied) - 5} more" if len(emptied) > 5 else "")
        stats.notes.append(f"{len(emptied)} of {stats.articles} articles kept no text: cleaning removed every line "
                           f"({shown}; the removed_lines table gives each line's reason). They have no sentence, so "
                           "every comparison leaves them out. Check one with `python -m analysis clean FILE`; text "
                           "exported as HTML loses lines that are markup")
    if foreign:  # the English lexicons and patterns measure nothing there: say so before anyone reads a 0
        stats.notes.append(corpus.not_english_note(foreign, stats.articles))
    stats.seconds["articles"] = clock() - started
    sink.close()  # the per-article tables are complete (topics reads them back)

    # Corpus-level tables.
    started = clock()
    pair = framing.compared_blocs(list(blocs.elements()), settings.compare) if blocs else None
    if pair is None:
        stats.notes.append(f"keyness compares two blocs, but the corpus has {len(blocs)} with kept text "
                           f"({', '.join(sorted(blocs))}): the keyness table is empty")
    keyness = (framing.keyness_from_counts(terms, documents, *pair) if pair
               else pd.DataFrame(columns=list(TABLE_COLUMNS["keyness"])))
    sink.write("keyness", _tidy("keyness", keyness))
    stats.seconds["keyness"] = clock() - started
    if not settings.skip_topics:
        started = clock()
        topic_input = _topic_input(sink, settings.topic_units, settings.seed)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            built = topics.build_topics(topic_input, seed=settings.seed)
        note = _convergence_note(caught)
        if note:
            stats.notes.append(note)
        for name, table in built.items():
            sink.write(name, _tidy(name, table))
        stats.seconds["topics"] = clock() - started
    sink.close()
    stats.rows = dict(sink.rows) if isinstance(sink, _FileSink) else {n: sum(map(len, p)) for n, p in sink.parts.items()}
    return stats


def _convergence_note(caught: Sequence[warnings.WarningMessage]) -> str:
    """One note for the topic fits that stopped at their iteration cap (sklearn's ConvergenceWarning,
    one per fit: a console of them says nothing a user can act on); other warnings are shown again."""
    from sklearn.exceptions import ConvergenceWarning

    from analysis.topics.models import NMF_ITERATIONS, NMF_SCORING_ITERATIONS

    capped: Counter[str] = Counter()
    for item in caught:
        if issubclass(item.category, ConvergenceWarning):
            capped[str(item.message).split(".")[0]] += 1
        else:
            warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)
    if not capped:
        return ""
    listed = "; ".join(f"{message} ({n} fit{'s' if n > 1 else ''})" for message, n in sorted(capped.items()))
    note = f"topics: sklearn warned that {sum(capped.values())} model fit(s) did not converge: {listed}"
    if any("iterations" in message for message in capped):
        note += (f". The k grid and the stability resamples fit NMF with at most {NMF_SCORING_ITERATIONS} iterations and "
                 f"the chosen models with {NMF_ITERATIONS}, to bound the cost; their scores are those of the capped fits")
    return note


def _in_order(parts: list[pd.DataFrame], records: Sequence[Mapping], mixed: bool) -> pd.DataFrame:
    """One chunk's rows of a table in corpus order (`mixed`: cached and computed articles interleaved)."""
    parts = [p for p in parts if len(p)] or parts[:1]
    table = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    if mixed and len(parts) > 1:
        position = {str(r["article_id"]): i for i, r in enumerate(records)}
        order = np.argsort(table["article_id"].map(position).to_numpy(), kind="stable")
        table = table.iloc[order].reset_index(drop=True)
    return table


def _topic_input(sink: _MemorySink | _FileSink, limit: int, seed: int) -> dict[str, pd.DataFrame]:
    """The articles and paragraphs `topics.build_topics` needs; above `limit` paragraphs, those of a
    fixed random sample of articles (chosen by a hash of article_id and the seed), so that memory
    and time stay bounded."""
    if isinstance(sink, _MemorySink):
        tables = sink.tables()
        articles, paragraphs = tables["articles"], tables["paragraphs"]
    else:
        import pyarrow.parquet as pq

        if sink.fmt == "parquet":
            articles = pq.read_table(sink.path("articles"), columns=["article_id", "bloc", "outlet", "n_paragraphs"]).to_pandas()
        else:
            articles = csv_unescape(pd.read_csv(sink.path("articles"), usecols=["article_id", "bloc", "outlet", "n_paragraphs"],
                                                dtype={"article_id": "string", "bloc": "string", "outlet": "string"}))
        paragraphs = None
    total = int(articles["n_paragraphs"].sum())
    keep = None
    if total > limit:
        rank = articles["article_id"].map(lambda a: stable_hash(f"{seed}:{a}")).to_numpy()
        order = np.argsort(rank, kind="stable")
        cumulative = np.cumsum(articles["n_paragraphs"].to_numpy()[order])
        keep = set(articles["article_id"].to_numpy()[order[: int(np.searchsorted(cumulative, limit, side="right"))]])
        articles = articles[articles["article_id"].isin(keep)]
    if paragraphs is None:
        paragraphs = _read_paragraphs(sink, keep)
    elif keep is not None:
        paragraphs = paragraphs[paragraphs["article_id"].isin(keep)]
    return {"articles": articles, "paragraphs": paragraphs}


def _read_paragraphs(sink: _FileSink, keep: set[str] | None) -> pd.DataFrame:
    columns = ["article_id", "paragraph_id", "kind", "text"]
    if sink.fmt == "csv":
        parts = pd.read_csv(sink.path("paragraphs"), usecols=columns, chunksize=100_000, keep_default_na=False,
                            dtype={"article_id": "string", "kind": "string", "text": "string"})
    else:
        import pyarrow.parquet as pq

        parts = (batch.to_pandas() for batch in pq.ParquetFile(sink.path("paragraphs")).iter_batches(columns=columns))
    if sink.fmt == "csv":
        parts = (csv_unescape(p) for p in parts)
    frames = [p if keep is None else p[p["article_id"].isin(keep)] for p in parts]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)

