"""Engines that run a function on batches of articles: serially, in a process pool, or on Dask,
behind one small interface (`Engine`); the tables are the same whichever runs them. Dask is an
optional dependency, imported only by the Dask engine."""

from __future__ import annotations

import math
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from analysis.pipeline.article import Context

T = TypeVar("T")


class Engine(Protocol):
    """What a pass needs of an engine: submit a function on batches, collect its results in order."""

    name: str

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        """Start `fn(batch, context, want)` on each batch; returns a handle for `result`."""

    def result(self, handle: object) -> list:
        """The results of a `submit`, one per batch, in order (waits for them)."""

    def close(self) -> None:
        """Stop the engine's workers (a Dask client stays open: see `connection`)."""


class _Serial:
    """Runs batches in this process, lazily."""

    name = "serial"

    def __init__(self, context: Context | None = None) -> None:
        self.context = context

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        return (fn, batches, want)

    def result(self, handle: object) -> list:
        fn, batches, want = handle
        return [fn(b, self.context, want) for b in batches]

    def close(self) -> None:
        pass


_WORKER_CONTEXT: Context | None = None


#: What NLTK's package import loads only for features an article worker never uses: Fisher's exact
#: test for collocations (scipy.stats) and the scikit-learn classifier wrapper. Half a second of
#: every worker's start (measured: 0.62 s to import Punkt with them, 0.15 s without).
_NLTK_EXTRAS = ("scipy.stats", "sklearn")


def _import_nltk_lean() -> None:
    """Imports NLTK (for Punkt) in a pool worker without `_NLTK_EXTRAS`: NLTK imports them inside
    `try ... except ImportError` and falls back (its `fisher_exact` raises NotImplementedError; its
    scikit-learn wrapper cannot be built). Only in the pool's own processes, which run nothing but
    the build's functions (Punkt and VADER need neither): in a user's process NLTK is imported whole.
    Nothing happens where NLTK is already imported; afterwards the modules import normally again."""
    if "nltk" in sys.modules:
        return
    hidden = [name for name in _NLTK_EXTRAS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # (makes `import name` raise ImportError)
    try:
        import nltk.tokenize.punkt  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def _init_worker(context: Context | None) -> None:
    global _WORKER_CONTEXT
    _WORKER_CONTEXT = context
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    if context is not None:  # (a worker of the articles pass: it splits sentences with Punkt)
        _import_nltk_lean()


def _in_worker(fn: Callable, batch: list, want: bool) -> object:
    return fn(batch, _WORKER_CONTEXT, want)


class _Pool:
    """A process pool; the context is sent once to each worker."""

    name = "processes"

    def __init__(self, jobs: int, context: Context | None = None) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(context,))

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        return [self.pool.submit(_in_worker, fn, b, want) for b in batches]

    def result(self, handle: object) -> list:
        return [future.result() for future in handle]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    """Dask: a bag of batches per chunk, on a LocalCluster or the scheduler at `address`.

    The context and each chunk's batches are scattered to the workers rather than written into
    the task graph: a graph that carries the articles leaves their text in the scheduler's memory
    (measured: the scheduler grew by the size of every chunk sent, 1.4 GB over 100,000 articles),
    while scattered data is released with the chunk's futures.
    """

    name = "dask"

    def __init__(self, jobs: int, context: Context | None = None, client: object | None = None) -> None:
        self.client = client
        self.context = None if context is None else client.scatter(context, broadcast=True, hash=False)

    @staticmethod
    def connect(jobs: int, scheduler: str | None) -> tuple[object, object | None]:
        """A Dask client: to the scheduler at `scheduler`, or to a new LocalCluster of `jobs` workers."""
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise ValueError("the dask engine needs the optional extra: pip install -e '.[dask]'") from exc

        if scheduler:
            return Client(scheduler), None
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
        return Client(cluster), cluster

    def submit(self, fn: Callable, batches: list, want: bool = False) -> object:
        import dask.bag as db

        data = self.client.scatter(batches, hash=False)
        bag = db.from_sequence(data, npartitions=len(batches)).map(fn, self.context, want)
        return self.client.compute(bag), data

    def result(self, handle: object) -> list:
        future, _data = handle
        return list(future.result())

    def close(self) -> None:
        self.context = None  # the client belongs to the build (or to the caller)


def _engine(engine: str, jobs: int, context: Context | None, client: object | None) -> Engine:
    if engine == "dask":
        return _Dask(jobs, context, client=client)
    return _Pool(jobs, context) if jobs > 1 and engine == "processes" else _Serial(context)


@contextmanager
def connection(engine: str, jobs: int, scheduler: str | None, client: object | None) -> Iterator[object | None]:
    """The Dask client a build runs on, if it runs on Dask: the caller's `client`, or one made here
    (to `scheduler`, or to a LocalCluster of `jobs` workers) and closed when the block ends.

    Parameters
    ----------
    engine : "dask", or another engine (which needs no client).
    jobs : workers of a LocalCluster made here.
    scheduler : address of a running Dask scheduler, or None.
    client : a Dask client of the caller's (left open), or None.

    Returns
    -------
    A context manager giving the client (None when the engine is not Dask).
    """
    if engine != "dask" or client is not None:
        yield client
        return
    client, cluster = _Dask.connect(jobs, scheduler)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _pipelined(engine: Engine, fn: Callable, work: Iterable[tuple[object, list]], want: bool = False,
               window: int = 2) -> Iterator[tuple[object, list]]:
    """(tag, results) for each (tag, batches) of `work`, in order, with up to `window` chunks in flight."""
    pending: list[tuple[object, object]] = []
    for tag, batches in work:
        pending.append((tag, engine.submit(fn, batches, want) if batches else None))
        if len(pending) > window:
            tag0, handle = pending.pop(0)
            yield tag0, engine.result(handle) if handle is not None else []
    for tag0, handle in pending:
        yield tag0, engine.result(handle) if handle is not None else []


def _batches(items: list, jobs: int, size: int = 0, last: bool = True) -> list[list]:
    """Split a chunk's items into batches for `jobs` workers.

    A chunk before the last (`last` False): one batch per worker. The chunks after it keep every
    worker busy (`_pipelined` has several in flight), and a batch's fixed costs (its tables typed,
    sent back and joined) weigh on each article the more the smaller the batch: measured on the
    benchmark's articles, `frames_of` cost 1.7 ms an article in batches of 32, 0.78 ms in batches of
    125 and 0.47 ms in batches of 500.

    The last chunk (or the only one): about 4 batches per worker (at least 8 items each), and with
    several workers, its last `jobs` batches' worth of items in batches a quarter that size: a worker
    that finishes early then waits for a small batch, not a big one (at the end of a corpus of 1,000
    articles, a big batch is about 2.5 s of one worker's time).
    """
    if not items:
        return []
    if not last:
        size = size or max(8, math.ceil(len(items) / max(jobs, 1)))
        return [items[i:i + size] for i in range(0, len(items), size)]
    size = size or max(8, math.ceil(len(items) / (4 * max(jobs, 1))))
    head = len(items) - min(len(items), size * jobs) if jobs > 1 else len(items)
    small = max(8, math.ceil(size / 4))
    return ([items[i:min(i + size, head)] for i in range(0, head, size)]
            + [items[i:i + small] for i in range(head, len(items), small)])


def _with_last(items: Iterable[T]) -> Iterator[tuple[T, bool]]:
    """Each item of `items` with whether it is the last (read one item ahead)."""
    iterator = iter(items)
    try:
        item = next(iterator)
    except StopIteration:
        return
    for following in iterator:
        yield item, False
        item = following
    yield item, True
