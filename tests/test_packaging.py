"""The package as a user installs it: a wheel holds every resource file and the one version."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import analysis

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_holds_every_module_and_resource_file_and_builds_when_installed(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("analysis-*.whl")
    assert wheel.name.startswith(f"analysis-{analysis.__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = ROOT / "src" / "analysis" / "resources"
    expected = {f"analysis/{p.relative_to(resources.parent).as_posix()}" for p in resources.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    assert len(expected) >= 10 and "analysis/resources/validation/sentiment_gold.csv" in expected
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    package = ROOT / "src" / "analysis"
    modules = {f"analysis/{p.relative_to(package).as_posix()}" for p in package.rglob("*.py") if "__pycache__" not in p.parts}
    assert "analysis/pipeline/__init__.py" in modules and modules <= names, sorted(modules - names)
    # installed without -e, away from the repository: the build and the packaged validation codes work
    site, run = tmp_path / "site", tmp_path / "run"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    run.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    script = ("import analysis, analysis.sentiment as s; print(analysis.__file__); print(len(s.load_gold()))")
    shown = subprocess.run([sys.executable, "-c", script], cwd=run, env=env, capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert shown.stdout.splitlines() == [str(site / "analysis" / "__init__.py"), "176"]
    built = subprocess.run([sys.executable, "-m", "analysis", "build", "--corpus", str(ROOT / "data" / "raw"), "--out",
                            str(run / "out"), "--skip-topics", "--quiet", "--no-cache"],
                           cwd=run, env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    for name in ("sentences", "keyness", "article_framing"):
        assert (run / "out" / f"{name}.parquet").read_bytes() == (ROOT / "data" / "processed" / f"{name}.parquet").read_bytes()


def test_dask_is_optional_with_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    from analysis import pipeline
    from analysis.cli import main

    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if Dask were not installed
    message = "the dask engine needs the optional extra: pip install -e '.[dask]'"
    with pytest.raises(ValueError, match=r"the dask engine needs the optional extra: pip install -e '\.\[dask\]'"):
        pipeline.build_tables(pd.DataFrame(), engine="dask", progress=False)
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--scheduler", "tcp://127.0.0.1:1", "--quiet", "--no-cache"]) == 2
    assert capsys.readouterr().err == f"error: {message}\n" and not out.exists()
