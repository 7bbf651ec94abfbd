"""The options of a build, as one frozen object that travels from `build_corpus` or `build_tables`
through both passes to the engines and the cache."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis import clean, sentiment


@dataclass(frozen=True)
class Settings:
    """How a build runs; the defaults are those of `build_corpus` and `build_tables`.

    What decides the tables: `cues` (None: the packaged boilerplate cues), `learn_abbreviations`,
    `compare` (the two blocs of the keyness table), `scorers` (`sentiment.SCORERS`),
    `skip_topics`, `topic_units` (most paragraphs the topic models are fitted on) and `seed`.
    What only decides how it runs (the tables are the same either way): `jobs`, `engine`
    ("processes" or "dask"), `scheduler` (a Dask scheduler's address), `client` (a Dask client
    of the caller's), `min_articles_per_job`, `chunk_size` (articles read and written at a
    time), `cache_dir` (None: no cache) and `progress` (None: a bar on a terminal).
    """

    cues: Sequence[clean.Cue] | None = None
    learn_abbreviations: bool = False
    compare: Sequence[str] = ("russian", "western")
    scorers: Sequence[str] = sentiment.DEFAULT_SCORERS
    skip_topics: bool = False
    topic_units: int = 20_000
    seed: int = 20240601
    jobs: int = 1
    engine: str = "processes"
    scheduler: str | None = None
    client: object | None = field(default=None, repr=False, compare=False)
    min_articles_per_job: int = 50
    chunk_size: int = 1000
    cache_dir: str | Path | None = None
    progress: bool | None = None

    def __post_init__(self) -> None:
        for name in ("cues", "compare", "scorers"):  # lists given by a caller, held as tuples
            value = getattr(self, name)
            if value is not None and not isinstance(value, (tuple, str)):
                object.__setattr__(self, name, tuple(value))


def settings_of(settings: Settings | None, options: Mapping[str, object]) -> Settings:
    """The settings of one build: `settings` (default: `Settings()`) with `options` replacing fields.

    Parameters
    ----------
    settings : the caller's settings, or None for the defaults.
    options : keyword arguments named after `Settings` fields (the older way to call a build).

    Returns
    -------
    The combined settings.
    """
    base = Settings() if settings is None else settings
    unknown = sorted(set(options) - {f.name for f in dataclasses.fields(Settings)})
    if unknown:
        raise TypeError(f"unexpected keyword argument(s) {', '.join(unknown)}: not a build setting")
    return dataclasses.replace(base, **options) if options else base
