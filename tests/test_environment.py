"""environment.yml (conda) and pyproject.toml (pip) must list the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _pip_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + [d for deps in project["optional-dependencies"].values() for d in deps]
    return {_norm(Requirement(s).name): str(Requirement(s).specifier) for s in specs}


def _conda_requirements() -> tuple[dict[str, str], dict]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    found = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict) or dep.split("=")[0].strip() in ("python", "pip"):
            continue
        name, spec = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", dep).groups()
        found[_norm(name)] = spec.replace(" ", "")
    return found, env


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_environment_yml_is_valid_and_uses_conda_forge() -> None:
    _, env = _conda_requirements()
    assert env["channels"] == ["conda-forge"]
    assert "python=3.11" in env["dependencies"]
    pip_section = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    assert "-e ." in pip_section


def test_environment_yml_matches_pyproject() -> None:
    conda, _ = _conda_requirements()
    pip = _pip_requirements()
    assert conda == pip, "environment.yml and pyproject.toml list different dependencies or versions"


def test_lock_file_pins_every_dependency() -> None:
    lock = {
        _norm(line.split("==")[0]): line.split("==")[1].strip()
        for line in (ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    missing = sorted(set(_pip_requirements()) - set(lock))
    assert not missing, f"requirements/lock.txt lacks {missing}"
    for name, spec in _pip_requirements().items():
        assert Requirement(f"{name}{spec}").specifier.contains(lock[name]), f"{name}=={lock[name]} violates {spec}"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(make \w+)\s+#", readme, flags=re.MULTILINE)
    assert commands[:2] == ["make reproduce", "make test"]
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.strip() and not line.lstrip().startswith("#")]
    assert ci[-1] == "make test"
