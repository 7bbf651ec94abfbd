"""Layout marks: menus of short label lines, section-name menus on one line, drop caps and
pull quotes."""

from __future__ import annotations

from functools import lru_cache

from analysis import paths
from analysis.clean.lines import _Line


def _short_label(line: _Line) -> bool:
    """A menu item or tag: at most four words, no sentence punctuation, not a bullet point."""
    return line.words <= 4 and not line.ends_sentence and not line.text.startswith(("•", "–", "—", "- "))


def _mark_menus(lines: list[_Line], run: int = 3) -> None:
    """Runs of three or more short label lines are menus, tag lists or link lists."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_short_label(lines[j]) and lines[j].reason in (None, "navigation", "social")):
            if lines[j].reason is None and j + 1 < len(lines) and lines[j + 1].reason is None and lines[j + 1].prose:
                break  # a short line right above a paragraph is a subheading, not a menu item
            j += 1
        if j - i >= run and any(lines[k].reason is None for k in range(i, j)):
            for k in range(i, j):
                if lines[k].reason is None:
                    lines[k].reason = "navigation"
        i = max(j, i + 1)


_FUNCTION_WORDS = frozenset("a an the of to in on at for with by from and or but is are was were be has have had says "
                            "said will would can could not no as that this these those it its".split())


_FUNCTION_WORDS_BUT_AND = _FUNCTION_WORDS - {"and"}


def _menu_line(line: _Line) -> bool:
    """One line of section names: six or more capitalised words, no function word, no punctuation;
    or four or more capitalised words (hyphens and ampersands allowed) of which at least two, and
    at least two in five, are the names news sites give their sections (`section_names.txt`)."""
    tokens = line.plain.split()
    if len(tokens) < 4:  # (fewer than four words either way)
        return False
    if (len(tokens) >= 6 and all(t[:1].isupper() and t.isalpha() for t in tokens)
            and not any(t.lower() in _FUNCTION_WORDS for t in tokens)):
        return True
    if line.ends_sentence:
        return False
    words = [t for t in tokens if t not in ("&", "|", "/", "•", "·", "-")]
    if len(words) < 4 or any(t.lower() in _FUNCTION_WORDS_BUT_AND for t in words):
        return False
    capitalised = sum(1 for t in words if t[:1].isupper() or t[:1].isdigit())
    named = sum(1 for t in words if t.lower().strip(",;") in _section_names())
    return capitalised >= 0.8 * len(words) and named >= 2 and named >= 0.4 * len(words)


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    text = paths.resource_text("section_names.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _mark_layout(lines: list[_Line]) -> None:
    """Section-name menus on one line, drop-cap letters, and pull quotes repeating the body."""
    bodies = [ln.key for ln in lines if ln.prose]
    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _menu_line(line):
            line.reason = "navigation"
        elif len(line.text) == 1 and line.text.isalpha() and nxt is not None and nxt.text[:1].islower():
            line.reason = "markup"  # a drop cap split from the rest of its word
        elif line.text[:1] in "\"“‘'«" and line.words >= 5:
            key = line.key
            if any(key != body and key in body for body in bodies):
                line.reason = "duplicate"  # a pull quote: the same words stand in the body
