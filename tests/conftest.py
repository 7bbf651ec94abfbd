"""Shared fixtures."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def bench() -> ModuleType:
    """benchmarks/bench_build.py as a module: its corpus generator and its report."""
    spec = importlib.util.spec_from_file_location("bench_build", ROOT / "benchmarks" / "bench_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: Test modules that execute notebooks, whole builds, Dask clusters or benchmark runs: marked
#: `slow`, so `make test-fast` (pytest -m "not slow") leaves them out; `make test` runs them.
SLOW_MODULES = {"test_notebooks.py", "test_readme_corpus.py", "test_reproduce.py", "test_browser.py", "test_benchmark.py",
                "test_scale.py", "test_speed_equivalence.py", "test_speed_equivalence_terms.py",
                "test_speed_equivalence_segment.py"}


#: Single tests that build a whole corpus or fit every model (over 10 s each on a 2-core machine).
SLOW_TESTS = {"test_fitting_is_deterministic", "test_naming_index_separates_blocs_on_the_blind_corpus",
              "test_build_with_learned_abbreviations", "test_build_reproduces_the_committed_tables_byte_for_byte",
              "test_framing_summary_rows_per_article_then_per_bloc", "test_coherence_and_grid_prefer_the_planted_k",
              "test_stability_drops_when_topics_are_not_real",
              "test_two_level_bootstrap_scales_and_its_large_sample_form_agrees"}


#: The longest test files (over a minute each on 2 cores, measured with --durations on a fresh clone), collected
#: first: `make test`'s `--dist loadfile --no-loadscope-reorder` hands whole files to its two processes in
#: collection order, so these start at once and the short files fill in beside them (pytest-xdist's default
#: order, files with the most tests first, started the one-test file of the README's corpus last).
LONG_FIRST = ("test_readme_corpus.py", "test_notebooks.py", "test_speed_equivalence.py",
              "test_speed_equivalence_terms.py", "test_speed_equivalence_segment.py", "test_scale.py")


#: Test files that run notebook 02, which shows the quote gold sets' accuracy (`evaluate.quote_accuracy_by_set`).
GOLD_USERS = ("test_notebooks.py", "test_readme_corpus.py", "test_reproduce.py")


def pytest_configure(config: pytest.Config) -> None:
    """Before the test processes start (in the one process that starts them): the quote gold sets'
    accuracy, computed once into the sets' own cache (tests/fixtures/quotes/.cache, kept under a digest of
    the code and the sets), where the notebook tests that `LONG_FIRST` starts together on both processes
    would each compute it (25 s of one core for 48 sets; here on two processes). Only for a run that holds those tests."""
    if hasattr(config, "workerinput"):
        return  # (a test process of pytest-xdist: the process that started it has done this)
    paths = [Path(str(arg).split("::")[0]).resolve() for arg in config.args] or [ROOT / "tests"]
    if any(path in (ROOT, ROOT / "tests") or path.name in GOLD_USERS for path in paths):
        from analysis import evaluate

        evaluate.quote_accuracy_by_set(jobs=2)  # (the test processes have not started: both cores are free)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: LONG_FIRST.index(item.path.name) if item.path.name in LONG_FIRST else len(LONG_FIRST))
    for item in items:
        if item.path.name in SLOW_MODULES or item.originalname in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
