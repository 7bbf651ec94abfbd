"""Separate an article's editorial text from the web leftovers around it, line by line.

Every non-blank raw line ends up in exactly one place: inside a kept paragraph (with its
`kind`) or in the removed list (with a `reason`). The rules use structure, not the strings
of particular sites: position relative to the first and last stretch of prose, short lines
without sentence punctuation, repetition inside the article and across an outlet's
articles, caption and credit patterns, and blocks after an end-of-article marker. The
phrase cues live in `resources/boilerplate_cues.tsv`, which a researcher may edit.
Losing article text is worse than keeping a stray line, so every rule that could touch
prose is hedged by length or position.

Submodules: `lines` (reading and line keys), `cues` (the cue table), `dates` and `bylines`
(stamps, datelines, names), `rules` (line rules of a kind), `layout` (menus, drop caps, pull
quotes), `structure` (title, head, tail, repeats, kinds), `shared_lines` (an outlet's repeated
lines) and `cleaner` (`clean_article`, which applies them in order).
"""

from __future__ import annotations

from analysis.clean.cleaner import CleanedArticle, clean_article
from analysis.clean.cues import REASONS, Cue, load_cues
from analysis.clean.dates import parse_date_line
from analysis.clean.lines import case_space_key, normalize_line, split_lines
from analysis.clean.shared_lines import (
    LineCounter,
    SharedLines,
    SharedLinesLike,
    line_hashes,
    outlet_shared_lines,
    repeated_lines,
    stable_hash,
)

__all__ = [
    "Cue",
    "CleanedArticle",
    "LineCounter",
    "REASONS",
    "SharedLines",
    "SharedLinesLike",
    "clean_article",
    "line_hashes",
    "load_cues",
    "normalize_line",
    "case_space_key",
    "outlet_shared_lines",
    "parse_date_line",
    "repeated_lines",
    "split_lines",
    "stable_hash",
]
