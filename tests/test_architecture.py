"""The package's shape: small modules, no import cycle, documented public functions, lint clean."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "analysis"
MAX_LINES = 500


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package is its __init__)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports anywhere in its file (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found.update(t for t in targets if t in known and t != name)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_sees_a_cycle_through_a_function_level_import(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("from analysis import b\n", encoding="utf-8")
    b.write_text("def f():\n    from analysis.a import x\n", encoding="utf-8")
    known = {"analysis.a", "analysis.b"}
    graph = {"analysis.a": imports_of("analysis.a", a, known), "analysis.b": imports_of("analysis.b", b, known)}
    assert cycles(graph) == [["analysis.a", "analysis.b"]]


def test_no_import_cycle_between_the_package_modules() -> None:
    found = modules()
    graph = {name: imports_of(name, path, set(found)) for name, path in found.items()}
    assert cycles(graph) == []


def test_no_module_over_500_lines() -> None:
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in modules().values()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def _public_functions() -> list[tuple[str, ast.FunctionDef]]:
    out = []
    for name, path in modules().items():
        if any(part.startswith("_") for part in name.split(".")[1:]):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                out.append((f"{name}.{node.name}", node))
    return out


def test_public_functions_document_their_parameters_and_returns() -> None:
    missing = []
    for name, node in _public_functions():
        doc = ast.get_docstring(node) or ""
        arguments = [a for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs if a.arg != "self"]
        if arguments and "Parameters" not in doc:
            missing.append(f"{name}: Parameters")
        returns_value = not (isinstance(node.returns, ast.Constant) and node.returns.value is None)
        if returns_value and "Returns" not in doc and "Yields" not in doc:
            missing.append(f"{name}: Returns")
    assert missing == []


def test_ruff_finds_nothing() -> None:
    """The lint rules of pyproject's [tool.ruff] hold on the library, the tests and the benchmarks."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[dev]')")
    result = subprocess.run([ruff, "check", "--no-cache", "src", "tests", "benchmarks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_are_local() -> None:
    """Every hook runs from this environment: nothing is fetched from the network."""
    yaml = pytest.importorskip("yaml")
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"] and all(repo["repo"] == "local" for repo in config["repos"])
    assert all(hook["language"] == "system" for repo in config["repos"] for hook in repo["hooks"])
    assert {"ruff", "jupytext-sync"} <= {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}


def test_reading_tables_and_drawing_figures_loads_neither_nltk_nor_scipy_stats() -> None:
    """A notebook's first cell imports `overview` and `plots` (and the analysis modules): NLTK (the
    sentence splitter, which brings scipy.stats) loads at the first split and scipy.stats with the mixed
    model, not on import, which took a kernel two to three seconds more. Splitting a sentence loads NLTK."""
    code = ("import sys; from analysis import corpus, overview, plots, framing, sentiment, stats, summary, topics, evaluate;"
            "print(sorted(m for m in ('nltk', 'scipy.stats') if m in sys.modules));"
            "from analysis import segment; segment.split_sentences('One. Two.'); print('nltk' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.stdout.split("\n")[:2] == ["[]", "True"], done.stdout


def test_a_build_worker_loads_neither_scikit_learn_nor_scipy_stats() -> None:
    """A pool worker of the articles pass splits sentences with Punkt and counts terms without the
    modules NLTK imports only for collocation statistics and its scikit-learn wrapper, and with the
    packaged stop words: each had cost every worker half a second of its start. Importing the build
    loads no scipy.optimize (0.2 s), which only topics use."""
    code = ("import sys; from analysis.pipeline import build_corpus, engines, article; from analysis import clean;"
            "print('scipy.optimize' in sys.modules);"
            "engines._init_worker(article.Context(cues=clean.load_cues()));"
            "rows = article.process_article({'article_id': 'a1', 'text': 'The talks resumed. \"We are ready,\" "
            "Peskov said. Kyiv rejected the plan.'});"
            "print(sorted(m for m in ('nltk', 'scipy.stats', 'sklearn') if m in sys.modules), len(rows['terms']) > 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.stdout.split("\n")[:2] == ["False", "['nltk'] True"], done.stdout
