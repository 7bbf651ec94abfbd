"""Offline HTML rendering of executed notebooks: escaping, widgets, determinism, the index page."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis import render
from analysis.render import check_offline, notebook_summary, render_all, render_index, render_notebook

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
# A 1x1 PNG.
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_FALLBACK = "Explorer widget for the term Kiev"
FIRST_CELL = "# 01 · Tone\n\n**Question.** Do outlets differ?\n\n**Data.** The processed corpus."


def _write(nb: nbformat.NotebookNode, path: Path) -> Path:
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{n}"  # fixed ids, as the committed notebooks have
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return path


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """An executed-looking notebook: title, PNG, DataFrame with markup, stream with markup, widget."""
    table = pd.DataFrame({"text": ["<script>alert(1)</script>"]}).to_html()
    nb = new_notebook(cells=[
        new_markdown_cell(FIRST_CELL),
        new_code_cell("plot_tone()", execution_count=1, outputs=[
            new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure size 10x10>"}),
        ]),
        new_code_cell("show_table()", execution_count=2, outputs=[
            new_output("execute_result", execution_count=2, data={"text/html": table, "text/plain": "text"}),
        ]),
        new_code_cell("print_article()", execution_count=3, outputs=[
            new_output("stream", name="stdout", text="The article said <b>bold</b> things\n"),
        ]),
        new_code_cell("explore()", execution_count=4, outputs=[
            new_output("display_data", data={
                WIDGET_MIME: {"model_id": "cell-4-0", "version_major": 2, "version_minor": 0},
                "text/plain": WIDGET_FALLBACK,
            }),
        ]),
    ])
    # Widget state as Jupyter saves it: without the fallback, nbconvert would emit a CDN widget loader.
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "version_major": 2, "version_minor": 0,
        "state": {"cell-4-0": {"model_name": "VBoxModel", "model_module": "@jupyter-widgets/controls",
                               "model_module_version": "2.0.0", "state": {}}},
    }}
    return _write(nb, tmp_path / "01_tone.ipynb")


def test_png_is_valid() -> None:
    assert base64.b64decode(PNG).startswith(b"\x89PNG\r\n\x1a\n")


def test_render_notebook_is_standalone_offline_and_escaped(sample: Path, tmp_path: Path) -> None:
    page = render_notebook(sample, tmp_path / "html")
    assert page == tmp_path / "html" / "01_tone.html"
    html = page.read_text(encoding="utf-8")
    assert f"data:image/png;base64,{PNG}" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    assert WIDGET_FALLBACK in html and render.WIDGET_NOTE in html
    assert WIDGET_MIME not in html  # no widget view script left to fail offline
    assert check_offline(html) == []
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert "<style" in html  # the lab CSS stays inline
    for call in ("plot_tone", "show_table", "print_article", "explore"):
        assert call in html  # inputs stay visible
    assert "<title>01 · Tone</title>" in html


def test_render_is_deterministic(sample: Path, tmp_path: Path) -> None:
    first = render_notebook(sample, tmp_path / "a").read_bytes()
    second = render_notebook(sample, tmp_path / "b").read_bytes()
    assert first == second


def test_widget_without_fallback_shows_the_note(tmp_path: Path) -> None:
    nb = new_notebook(cells=[
        new_markdown_cell("# W"),
        new_code_cell("w", execution_count=1, outputs=[new_output("display_data", data={
            WIDGET_MIME: {"model_id": "x", "version_major": 2, "version_minor": 0}})]),
    ])
    html = render_notebook(_write(nb, tmp_path / "w.ipynb"), tmp_path).read_text(encoding="utf-8")
    assert render.WIDGET_NOTE in html
    assert check_offline(html) == []


def test_render_leaves_the_notebook_file_alone(sample: Path, tmp_path: Path) -> None:
    before = sample.read_bytes()
    render_notebook(sample, tmp_path / "html")
    assert sample.read_bytes() == before


def test_check_offline_flags_fetches_but_not_links() -> None:
    html = """<html><head>
    <script src="https://cdn.example.org/require.js"></script>
    <link rel="stylesheet" href="//cdn.example.org/x.css">
    <style>@import "https://fonts.example.org/f.css"; .a { background: url(http://example.org/a.png) }</style>
    <script type="module">const m = (await import("https://cdn.example.org/m.js")).default;</script>
    </head><body>
    <img src="http://example.org/a.png"><img src="data:image/png;base64,AAAA">
    <script src="local.js"></script><link rel="stylesheet" href="style.css">
    <a href="https://example.org/article">the article</a>
    <pre>&lt;script src="https://evil.example.org/x.js"&gt;&lt;/script&gt;</pre>
    </body></html>"""
    found = check_offline(html)
    assert len(found) == 6, found
    assert not any("article" in f or "evil" in f for f in found)


def test_check_offline_catches_nbconverts_default_cdn_scripts(sample: Path) -> None:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nbformat.read(sample, as_version=4))
    assert check_offline(body)  # what render_notebook switches off and strips


def test_render_index_order_links_and_escaping(tmp_path: Path) -> None:
    out = tmp_path / "site"
    pages = [
        (out / "02_framing.html", "02 · Framing", "How are statements framed?"),
        (out / "00_corpus.html", "00 · <Corpus> & audit", 'Is "text" trustworthy?'),
        (out / "sub dir" / "01_tone.html", "01 · Tone", ""),
    ]
    index = render_index(pages, out)
    assert index == out / "index.html"
    html = index.read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)"', html)
    assert hrefs == ["02_framing.html", "00_corpus.html", "sub%20dir/01_tone.html"]
    assert "00 · &lt;Corpus&gt; &amp; audit" in html and "<Corpus>" not in html
    assert "Is &quot;text&quot; trustworthy?" in html
    assert html.index("02 · Framing") < html.index("00 · &lt;Corpus") < html.index("01 · Tone")
    assert "<script" not in html and check_offline(html) == []
    assert render_index(pages, out).read_bytes() == html.encode("utf-8")


def test_notebook_summary_reads_title_and_question(tmp_path: Path) -> None:
    path = _write(new_notebook(cells=[new_markdown_cell(FIRST_CELL), new_code_cell("x = 1")]), tmp_path / "a.ipynb")
    assert notebook_summary(path) == ("01 · Tone", "Do outlets differ?")


def test_notebook_summary_joins_lines_and_drops_emphasis(tmp_path: Path) -> None:
    cell = ("# 02 · Framing\n\n**Question.** Do *Russian* and __Western__ outlets use `Kiev`\n"
            "or _Kyiv_ in [the text](https://example.org)?\n\n**Data.** ...")
    path = _write(new_notebook(cells=[new_markdown_cell(cell)]), tmp_path / "b.ipynb")
    assert notebook_summary(path) == ("02 · Framing", "Do Russian and Western outlets use Kiev or Kyiv in the text?")


def test_notebook_summary_falls_back(tmp_path: Path) -> None:
    cells = [new_code_cell("x = 1"), new_markdown_cell("# 03 · Topics\n\nWhat **topics** recur.\n\nMore.")]
    path = _write(new_notebook(cells=cells), tmp_path / "c.ipynb")
    assert notebook_summary(path) == ("03 · Topics", "What topics recur.")
    bare = _write(new_notebook(cells=[new_code_cell("x = 1")]), tmp_path / "04_bare.ipynb")
    assert notebook_summary(bare) == ("04_bare", "")


def test_render_all_writes_pages_then_index(sample: Path, tmp_path: Path) -> None:
    other = _write(new_notebook(cells=[new_markdown_cell("# 00 · Corpus\n\n**Question.** What?")]),
                   tmp_path / "00_corpus.ipynb")
    out = tmp_path / "site"
    written = render_all([sample, other], out)
    assert written == [out / "01_tone.html", out / "00_corpus.html", out / "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]+)"', index) == ["01_tone.html", "00_corpus.html"]
    assert "Do outlets differ?" in index and "What?" in index


def test_committed_notebooks_render_offline(tmp_path: Path) -> None:
    notebooks = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert notebooks
    written = render_all(notebooks, tmp_path)
    assert [p.name for p in written] == [f"{nb.stem}.html" for nb in notebooks] + ["index.html"]
    for page in written[:-1]:
        html = page.read_text(encoding="utf-8")
        assert check_offline(html) == [], page.name
        assert "data:image/png;base64," in html, page.name
    assert check_offline(written[-1].read_text(encoding="utf-8")) == []


def test_render_all_puts_notes_in_the_index(sample: Path, tmp_path: Path) -> None:
    """A failed notebook is still rendered, and the index says it failed and where."""
    pages = render_all([sample], tmp_path / "html", notes={sample.stem: "FAILED: cell 3 failed: ValueError: boom"})
    index = pages[-1].read_text(encoding="utf-8")
    assert "FAILED: cell 3 failed: ValueError: boom. Do outlets differ?" in index
    plain = render_all([sample], tmp_path / "plain")[-1].read_text(encoding="utf-8")
    assert "FAILED" not in plain


def test_relative_links_of_a_notebook_still_resolve_from_the_rendered_page(tmp_path: Path) -> None:
    from analysis import render

    notebook_dir = tmp_path / "notebooks"
    (tmp_path / "docs").mkdir()
    notebook_dir.mkdir()
    (tmp_path / "docs" / "glossary.md").write_text("# Glossary\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "# T\n\nSee the [glossary](../docs/glossary.md#article-as-unit) and [the web](https://example.org).")])
    nbformat.write(nb, notebook_dir / "01_t.ipynb")
    page = render.render_notebook(notebook_dir / "01_t.ipynb", tmp_path / "reports" / "html")
    hrefs = re.findall(r'<a href="([^"]+)"', page.read_text(encoding="utf-8"))
    local = [h for h in hrefs if "glossary" in h]
    assert local == ["../../docs/glossary.md#article-as-unit"]
    assert (page.parent / local[0].split("#")[0]).resolve() == (tmp_path / "docs" / "glossary.md").resolve()
    assert "https://example.org" in hrefs
