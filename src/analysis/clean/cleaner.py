"""The cleaner: every rule family applied to one article, in order, and the result assembled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.clean.bylines import _find_author
from analysis.clean.cues import Cue, _cue_reason, _screen_for, load_cues
from analysis.clean.dates import _dateline_lead, _is_date_line, parse_date_line
from analysis.clean.layout import _mark_layout, _mark_menus
from analysis.clean.lines import _only_links, _read_lines
from analysis.clean.rules import _line_rule, _mark_appeals, _mark_captions, _mark_emoji_teasers
from analysis.clean.shared_lines import SharedLinesLike
from analysis.clean.structure import (
    _assign_kinds,
    _find_title,
    _first_prose,
    _mark_head,
    _mark_repeats,
    _mark_tail,
    _paragraphs,
    _standfirst_above_title,
)


@dataclass
class CleanedArticle:
    """The result of cleaning one article: kept paragraphs, removed lines, found metadata."""

    paragraphs: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    author: str | None = None


def clean_article(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    shared_lines: SharedLinesLike = frozenset(),
    cues: Sequence[Cue] | None = None,
) -> CleanedArticle:
    """Clean one article's raw text.

    `title` and `author` (from the metadata, when known) help find the headline and the
    author's bio; `shared_lines` are normalised lines repeated across the outlet's articles.

    Parameters
    ----------
    text : str
        The article's raw text.
    title, author : str or None
        The article's title and author from its metadata, if known.
    shared_lines : SharedLines or a set of str
        The outlet's repeated lines (`repeated_lines`, `outlet_shared_lines`, or a plain set of
        `normalize_line` keys).
    cues : Sequence[Cue] or None
        The boilerplate cues (`load_cues()` by default).

    Returns
    -------
    CleanedArticle
        Kept paragraphs (with kinds and raw line ranges), removed lines (with reasons), and the
        title, date and author found in the text.
    """
    cues = load_cues() if cues is None else cues
    lines = _read_lines(text)
    result = CleanedArticle()
    if not lines:
        return result
    prose_keys = [ln.key for ln in lines if ln.prose]
    if prose_keys and all(key in shared_lines for key in prose_keys):
        shared_lines = frozenset()  # the outlet published this same article more than once
    block_marker: dict[int, bool] = {}
    screen = _screen_for(cues)
    for i, line in enumerate(lines):
        plain = line.plain
        reason, block = _cue_reason(plain, line.plain_words, cues, screen)
        if reason is not None and _dateline_lead(plain):
            reason, block = None, False  # "MOSCOW, June 3. /TASS/. Lavrov said ...": a wire lead, not a credit
        line.reason = reason
        block_marker[i] = block
        if reason is None and _only_links(line.text):
            line.reason = "caption" if line.text.lstrip().startswith("![") else "navigation"
        elif reason is None and _is_date_line(plain):
            line.reason = "metadata:date"
        elif reason is None and not line.prose and line.key in shared_lines:
            line.reason = "boilerplate"
        elif reason is None:
            line.reason = _line_rule(line)

    _mark_appeals(lines, shared_lines)
    _mark_emoji_teasers(lines)
    _mark_captions(lines)
    _mark_menus(lines)
    _mark_layout(lines)
    first_prose = _first_prose(lines)
    found = _find_title(lines, first_prose, title)
    found, first_prose = _standfirst_above_title(lines, first_prose, found)
    title_at = found[0]
    _mark_head(lines, first_prose, found, author)
    _mark_tail(lines, first_prose, block_marker, author)
    _mark_repeats(lines, shared_lines, first_prose, title_at)
    _assign_kinds(lines, first_prose, title_at)
    result.paragraphs = _paragraphs(lines)
    result.removed = []
    for ln in lines:
        if ln.prefix is not None:
            result.removed.append({"line_no": ln.no, "text": ln.prefix, "reason": "metadata:date", "doubt": False})
        if ln.reason is not None:
            result.removed.extend({"line_no": no, "text": part, "reason": ln.reason, "doubt": ln.doubt} for no, part in ln.parts)
    result.title = lines[title_at].text if title_at is not None else None
    stamps = [ln.text for ln in lines if ln.reason == "metadata:date"] + [ln.prefix for ln in lines if ln.prefix]
    result.date = next((d for stamp in stamps for d in [parse_date_line(stamp)[1]] if d), None)
    result.author = _find_author(lines)
    return result
