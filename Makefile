# Two commands for a newcomer:  `make reproduce`  and  `make test`.
# Both create a local virtual environment in .venv (with the pinned versions of
# requirements/lock.txt) unless a virtualenv or conda environment is already active.

SHELL := /bin/bash
PYTHON ?= python3

ifneq ($(strip $(VIRTUAL_ENV)$(CONDA_PREFIX)),)
PY := python
STAMP := .venv-active.stamp
else
PY := .venv/bin/python
STAMP := .venv/.installed
endif

.PHONY: install reproduce build notebooks test test-fast lab clean-env check-reproducible benchmark

install: $(STAMP)

.venv/.installed: pyproject.toml requirements/lock.txt
	$(PYTHON) -m venv .venv
	.venv/bin/python -m pip install --quiet --upgrade pip
	.venv/bin/python -m pip install --quiet -c requirements/lock.txt -e '.[dev]'
	touch $@

.venv-active.stamp: pyproject.toml requirements/lock.txt
	$(PY) -m pip install --quiet -c requirements/lock.txt -e '.[dev]'
	touch $@

## Everything: install, build data/processed/, execute the notebooks, write figures.
reproduce: install
	$(PY) -m analysis reproduce

## Only the processed tables.
build: install
	$(PY) -m analysis build

## The test suite (what CI runs), on two processes (a test file stays on one; files handed out in the order
## tests/conftest.py collects them, longest first, not by their number of tests).
test: install
	$(PY) -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder

## The fast loop while editing: every test not marked slow, on two processes (about two minutes on 2 cores).
test-fast: install
	$(PY) -m pytest -q -m "not slow" -n 2

## Throughput and memory of `build` on synthetic corpora (long; see benchmarks/RESULTS.md).
benchmark: install
	$(PY) benchmarks/bench_build.py $(ARGS)

## JupyterLab on the notebooks, with the project's environment as kernel `python3`.
lab: install
	$(PY) -m jupyter lab notebooks/

clean-env:
	rm -rf .venv .venv-active.stamp

## Rebuild everything and fail if any committed output changes (data, notebooks, figures, HTML).
check-reproducible: install
	$(PY) -m analysis reproduce
	git diff --exit-code --stat -- data/processed notebooks figures reports
	test -z "$$(git status --porcelain --untracked-files=all -- data/processed notebooks figures reports)"
