"""Render the executed notebooks to standalone HTML pages that work offline, plus an index page.

Reviewers read these pages without running anything, opened straight from disk. The pages use
nbconvert's `lab` template with its CSS inlined; every script or stylesheet the template would
fetch from a CDN (require.js, MathJax, the jupyter-widgets HTML manager) is switched off or
stripped, figures are the PNGs the outputs already carry, and a render is byte-for-byte
reproducible. Output HTML is escaped as nbconvert and pandas escape it: nothing here turns
escaping off. Widgets cannot run offline, so a widget output shows its text fallback and a note.
"""

from __future__ import annotations

import copy
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

from analysis import paths

__all__ = ["WIDGET_NOTE", "check_offline", "notebook_summary", "render_all", "render_index",
           "render_notebook"]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: Shown under (or instead of) a widget's text fallback in the rendered page.
WIDGET_NOTE = "interactive widget: open the notebook in JupyterLab"

_REMOTE = re.compile(r"^\s*(?:https?:|//)", re.IGNORECASE)
#: Tags whose src/href makes the browser fetch something (an <a href> link is only followed on click).
_FETCHING_TAGS = {"script", "link", "img", "iframe", "embed", "source", "video", "audio", "track",
                  "input", "object"}
_EXTERNAL_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>\s*</script>\s*", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b(?P<attrs>[^>]*)/?>\s*", re.IGNORECASE)
_CSS_REMOTE = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:|//)[^'")\s]*)""", re.IGNORECASE)
_JS_REMOTE = re.compile(r"""(?:\bimport\s*\(\s*|\bfrom\s+|\bimport\s+)["'`]((?:https?:|//)[^"'`]*)""")
_ATTR = r"""\b{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))"""
_UUID_ID = re.compile(r'\bid="([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"')


def _attr(attrs: str, name: str) -> str | None:
    """The value of attribute `name` in a tag's attribute text, or None if it is absent."""
    match = re.search(_ATTR.format(name=name), attrs, re.IGNORECASE)
    if match is None:
        return None
    return next(v for v in match.group("dq", "sq", "bare") if v is not None)


def _offline_notebook(nb):  # noqa: ANN001, ANN202 - nbformat NotebookNode in and out
    """A copy of `nb` without widget state, each widget view replaced by its text fallback and a note."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME not in data:
                continue
            del data[WIDGET_MIME]
            fallback = str(data.get("text/plain", "")).rstrip("\n")
            data["text/plain"] = f"{fallback}\n({WIDGET_NOTE})" if fallback else f"({WIDGET_NOTE})"
    return nb


def _make_offline(body: str) -> str:
    """Drop remote or empty external scripts and remote <link> tags; number generated ids in order."""
    def script(match: re.Match[str]) -> str:
        src = _attr(match.group("attrs"), "src")
        return "" if src is not None and (not src.strip() or _REMOTE.match(src)) else match.group(0)

    def link(match: re.Match[str]) -> str:
        href = _attr(match.group("attrs"), "href")
        return "" if href is not None and _REMOTE.match(href) else match.group(0)

    body = _EXTERNAL_SCRIPT.sub(script, body)
    body = _LINK_TAG.sub(link, body)
    # The lab template gives some outputs a random uuid4 id; rename them output-1, output-2, ...
    for n, uid in enumerate(dict.fromkeys(_UUID_ID.findall(body)), 1):
        body = body.replace(uid, f"output-{n}")
    return body


def _exporter():  # noqa: ANN202 - nbconvert.HTMLExporter
    """nbconvert's lab HTML exporter with every CDN URL it knows about set to empty."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        embed_images=True,  # markdown images become data URIs; outputs already carry base64 PNGs
        exclude_input=False,
    )
    for trait in ("mathjax_url", "require_js_url", "jquery_url", "widget_renderer_url",
                  "jupyter_widgets_base_url", "mermaid_js_url", "mermaid_layout_elk_js_url"):
        if exporter.has_trait(trait):  # older nbconvert releases lack the mermaid ones
            setattr(exporter, trait, "")
    return exporter


def render_notebook(path: Path, out_dir: Path) -> Path:
    """Render an executed notebook to `out_dir/<stem>.html`, standalone and offline.

    Parameters
    ----------
    path : the executed notebook.
    out_dir : where the page goes (created when missing).

    Returns
    -------
    pathlib.Path
        The written page.
    """
    import nbformat

    path = Path(path)
    out_dir = Path(out_dir)
    nb = _offline_notebook(nbformat.read(path, as_version=4))
    nb.metadata["title"] = notebook_summary(path)[0]
    resources = {"metadata": {"name": path.stem, "path": str(path.parent.resolve())}}
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / f"{path.stem}.html"
    page.write_bytes(_relink(_make_offline(body), [path.parent, paths.NOTEBOOKS], out_dir).encode("utf-8"))
    return page


_HREF = re.compile(r'(<a\s[^>]*?href=")([^"#:?][^":?]*?)(#[^"]*)?"')


def _relink(body: str, folders: list[Path], out_dir: Path) -> str:
    """Relative links written for the notebook's folder (`../docs/glossary.md#term`) made relative
    to the page's folder, so they work in the rendered copy too; the first folder where the target
    exists wins, and a link found in none is left as it is (the browser test reports it)."""

    def fix(match: re.Match[str]) -> str:
        target = Path(unquote(match.group(2)))
        for folder in folders:
            found = (Path(folder) / target).resolve()
            if found.exists():
                new = quote(Path(os.path.relpath(found, Path(out_dir).resolve())).as_posix())
                return f'{match.group(1)}{new}{match.group(3) or ""}"'
        return match.group(0)

    return _HREF.sub(fix, body)


_INDEX_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem;
       margin: 2.5rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2328; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
p.lead { color: #59636e; margin-top: 0; }
ol { padding-left: 1.5rem; }
li { margin: 1rem 0; }
li a { font-weight: 600; }
li p { margin: 0.25rem 0 0; color: #444c56; }
""".strip()


def render_index(pages: list[tuple[Path, str, str]], out_dir: Path) -> Path:
    """Write `out_dir/index.html` listing the pages in the given order.

    Parameters
    ----------
    pages : (page, title, summary) triples.
    out_dir : the folder of the index.

    Returns
    -------
    pathlib.Path
        The index page.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    items = []
    for page, title, summary in pages:
        href = quote(Path(os.path.relpath(Path(page), out_dir)).as_posix())
        line = f'<li><a href="{html.escape(href)}">{html.escape(title)}</a>'
        if summary:
            line += f"\n<p>{html.escape(summary)}</p>"
        items.append(line + "</li>")
    document = "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        "<title>Notebooks</title>",
        f"<style>\n{_INDEX_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        "<h1>Notebooks</h1>",
        '<p class="lead">Executed notebooks rendered with their outputs, in reading order.</p>',
        "<ol>",
        *items,
        "</ol>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ])
    index = out_dir / "index.html"
    index.write_bytes(document.encode("utf-8"))
    return index


def _plain(markdown: str) -> str:
    """One line of Markdown as plain text: emphasis, code ticks and link targets removed."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return " ".join(text.split())


def notebook_summary(path: Path) -> tuple[str, str]:
    """The notebook's title and one-line summary, from its first markdown cell.

    The title is the first `# ` heading; the summary is the rest of the paragraph that starts with
    `**Question.**`, else the first paragraph after the heading. Falls back to the file's stem and "".

    Parameters
    ----------
    path : a notebook.

    Returns
    -------
    (str, str)
        Title and summary.
    """
    import nbformat

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    source = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = source.splitlines()
    at = next((n for n, line in enumerate(lines) if line.startswith("# ")), None)
    title = _plain(lines[at][2:].strip().rstrip("#")) if at is not None else ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines[at + 1:] if at is not None else lines))]
    paragraphs = [p for p in paragraphs if p and not p.startswith("#")]
    question = next((p for p in paragraphs if p.startswith("**Question.**")), None)
    if question is not None:
        summary = question[len("**Question.**"):]
    else:
        summary = paragraphs[0] if paragraphs else ""
    return title or path.stem, _plain(summary)


def render_all(notebooks: list[Path], out_dir: Path, notes: dict[str, str] | None = None) -> list[Path]:
    """Render each notebook in order, then the index; returns the pages and, last, the index.

    `notes` maps a notebook's stem to a line put before its summary in the index (e.g. that it
    failed, and where).

    Parameters
    ----------
    notebooks : executed notebooks, in reading order.
    out_dir : the folder of the pages.
    notes : notebook stem -> a line shown before its summary in the index.

    Returns
    -------
    list of pathlib.Path
        The pages, then the index.
    """
    notes = notes or {}
    pages = [render_notebook(nb, out_dir) for nb in notebooks]
    entries = []
    for page, nb in zip(pages, notebooks):
        title, summary = notebook_summary(nb)
        note = notes.get(Path(nb).stem)
        entries.append((page, title, f"{note}. {summary}" if note else summary))
    return [*pages, render_index(entries, out_dir)]


class _RemoteRefs(HTMLParser):
    """Collects remote src/href values of fetching tags, remote url()/@import in CSS, remote JS imports."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        self._in_script = tag == "script"
        for name, value in attrs:
            if not value:
                continue
            if tag in _FETCHING_TAGS and name in {"src", "href", "data", "poster"} and _REMOTE.match(value):
                self.found.append(f"<{tag} {name}={value}>")
            elif name == "style":
                self._css(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = self._in_script = False

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self._in_style = self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data)
        elif self._in_script:
            self.found += [f"script import {ref}" for ref in _JS_REMOTE.findall(data)]

    def _css(self, css: str) -> None:
        self.found += [f"css {ref}" for ref in _CSS_REMOTE.findall(css)]


def check_offline(html_text: str) -> list[str]:
    """Every remote reference a browser would fetch on opening the page (empty when it works offline).

    Looks at `src`/`href` values starting with `http:`, `https:` or `//` in script, link, img and
    other embedding tags, remote `url(...)`/`@import` in CSS and remote `import` in inline scripts;
    plain `<a href>` links are allowed.

    Parameters
    ----------
    html_text : the page's HTML.

    Returns
    -------
    list of str
        The remote addresses, in order of appearance.
    """
    parser = _RemoteRefs()
    parser.feed(html_text)
    parser.close()
    return parser.found
