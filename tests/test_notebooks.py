"""Every published notebook executes top to bottom on the seed corpus and shows its figures, and
the README's own-corpus commands run end to end on a realistic generated corpus (48 articles,
4 blocs, 41 outlets, plus an article full of HTML)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import paths, reproduce

NOTEBOOKS = reproduce.notebooks()


def test_notebooks_are_found_in_order() -> None:
    names = [p.name for p in NOTEBOOKS]
    assert names == sorted(names) and names[0] == "00_corpus.ipynb"
    assert not any("exploratory" in str(p) for p in NOTEBOOKS)


@pytest.mark.parametrize("source", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_executes_and_shows_figures(source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "figures"))
    monkeypatch.setenv("MPLBACKEND", "Agg")  # execute_notebook must drop it, or figures vanish
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    reproduce.execute_notebook(copy)
    nb = nbformat.read(copy, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    saved = sorted((tmp_path / "figures").glob("*.png"))
    assert saved and len(images) >= len(saved)
    assert any("parameters" in c.metadata.get("tags", []) for c in code)


def test_every_notebook_compares_the_pair_of_the_shared_rule() -> None:
    """No notebook picks its blocs by position in `BLOCS`: each that compares two takes
    `stats.compared_blocs` (through `framing.compared_blocs` in 02)."""
    import re

    for source in NOTEBOOKS:
        code = source.with_suffix(".py").read_text(encoding="utf-8")
        assert not re.search(r"BLOCS\s*\[", code), source.name
        if "bloc_difference(" in code or "bloc_contrasts(" in code:
            rule = r"(stats|framing)\.compared_blocs\(tables\[\"articles\"\]\[\"bloc\"\], BLOCS\)"
            assert re.search(rule, code), source.name


def test_topics_notebook_compares_the_two_largest_blocs_when_one_of_blocs_is_absent(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With a bloc of `BLOCS` missing from the seeds, notebook 03 compares western and russian (the
    two largest, as 01, 02 and 04 do), says so, and leaves no bloc out of the topic difference."""
    from analysis import overview, stats

    monkeypatch.setenv("ANALYSIS_FIGURES", str(tmp_path / "figures"))
    source = next(p for p in NOTEBOOKS if p.stem == "03_topics")
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    reproduce.execute_notebook(copy, parameters={"OUT": str(paths.ROOT / "data" / "processed"),
                                                 "BLOCS": ("russian", "chinese")})
    articles = overview.read_tables(paths.ROOT / "data" / "processed")["articles"]
    assert stats.compared_blocs(articles["bloc"], ("russian", "chinese")) == ("western", "russian")
    nb = nbformat.read(copy, as_version=4)
    shown = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/markdown", ""))
                      + str(o.get("data", {}).get("text/plain", ""))
                      for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "Compared: **western** (3 articles) against **russian** (2 articles)." in shown
    assert "Compared: western, russian. Left out: no bloc" in shown  # the topic prevalence of the same pair


def test_a_failing_cell_is_named(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('boom')")]
    path = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(RuntimeError, match=r"99_broken.ipynb: cell 2 failed"):
        reproduce.execute_notebook(path)


HOSTILE = (
    "Kremlin comments on talks <script>alert('headline')</script>\n\n"
    "<script>alert('x')</script>\n\n"
    "Peskov said on Monday that talks with Kiev were possible <img src=x onerror=alert(1)> if the West "
    "stopped arms deliveries, and that the special military operation would go on until then.\n\n"
    "“We are ready for negotiations, but <b>not</b> on these terms,” Peskov told reporters in Moscow.\n"
)


def _readme_commands(section: str = "## Use your own corpus") -> list[str]:
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split(section, 1)[1].split("\n## ", 1)[0]
    return [line.split("#")[0].strip() for line in part.splitlines() if line.startswith("python -m analysis")]


def _saved_figures() -> list[str]:
    """The figure names the published notebooks save (`plots.save(fig, "name")`)."""
    import re

    return sorted({name for source in NOTEBOOKS
                   for name in re.findall(r'plots\.save\(\s*\w+\s*,\s*"([^"]+)"', source.with_suffix(".py").read_text())})


#: The address-space limit `reproduce` must fit in (each process: the command and each kernel).
MEMORY_LIMIT = 12 * 1024**3


@pytest.mark.slow
def test_readme_example_on_a_realistic_corpus(tmp_path: Path) -> None:
    """The README's "Use your own corpus" commands, run as written under a 12 GB address-space
    limit, on the generated 48-article corpus (4 blocs, 41 outlets) plus an article full of HTML:
    exit 0, every notebook executed without an error, a page for each, every figure, the corpus
    description of notebook 00 computed from this corpus, and the HTML shown as text."""
    import importlib.util
    import json
    import os
    import resource
    import subprocess
    import sys

    commands = _readme_commands()
    assert [c.split()[3] for c in commands] == ["build", "reproduce"]
    spec = importlib.util.spec_from_file_location("realistic_corpus", paths.ROOT / "tests" / "realistic_corpus.py")
    realistic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(realistic)
    records = realistic.records()
    blocs, outlets = {r["bloc"] for r in records}, {r["outlet"] for r in records}
    assert len(records) >= 40 and len(blocs) >= 3 and len(outlets) >= 10
    assert "Hostile Daily" not in outlets
    records.append({"article_id": "h1", "outlet": "Hostile Daily", "bloc": "western", "published": "2025-05-01",
                    "title": "Kremlin comments on talks", "text": HOSTILE})
    (tmp_path / "my_articles.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {k: v for k, v in os.environ.items() if k not in ("ANALYSIS_FIGURES", "MPLBACKEND")}
    env["PYTHONPATH"] = os.pathsep.join([str(paths.ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    for command in commands:
        argv = [sys.executable, *command.split()[1:]]
        done = subprocess.run(argv, cwd=tmp_path, env=env, preexec_fn=limit_memory, capture_output=True, text=True,
                              timeout=5400)
        assert done.returncode == 0, done.stderr[-4000:]
    out = tmp_path / "my_results"
    assert len(pd.read_parquet(out / "articles.parquet")) == len(records)
    for source in NOTEBOOKS:
        nb = nbformat.read(out / "notebooks" / source.name, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        injected = [c for c in code if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and str(out) in injected[0].source, source.name
        assert all(c.execution_count for c in code), source.name
        assert not any(o.get("output_type") == "error" for c in code for o in c.outputs), source.name
        assert (out / "html" / f"{source.stem}.html").is_file()
    assert (out / "html" / "index.html").is_file()
    figures = _saved_figures()
    assert figures and all((out / "figures" / f"{name}.png").is_file() for name in figures), figures
    assert (out / "figures" / "MANIFEST.csv").is_file()
    page = (out / "html" / "00_corpus.html").read_text(encoding="utf-8")
    assert f"{len(records)} articles</strong> from <strong>{len(outlets) + 1} outlets" in page
    assert f"n = {len(records)} articles" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page or "&lt;script&gt;alert('x')&lt;/script&gt;" in page
    for html_page in (out / "html").glob("*.html"):
        text = html_page.read_text(encoding="utf-8")
        assert "<script>alert(" not in text and "<img src=x onerror" not in text and "<b>not</b>" not in text
    framing_page = (out / "html" / "02_framing.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in framing_page  # shown, as text, in the keyword-in-context table
    committed = nbformat.read(NOTEBOOKS[0], as_version=4)  # the committed notebooks are left alone
    assert not any("injected-parameters" in c.metadata.get("tags", []) for c in committed.cells)

