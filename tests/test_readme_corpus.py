"""The README's "Use your own corpus" commands on a realistic corpus, run as written: a file of its own
(the suite's longest test, about three minutes), so that `make test`'s --dist loadfile starts it at once on
one process while the other notebook tests run on the other."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import paths, reproduce

NOTEBOOKS = reproduce.notebooks()


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
