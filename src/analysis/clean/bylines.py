"""Names, bylines, author bios and roles: is a line someone's name, and who wrote the article."""

from __future__ import annotations

import re

from analysis.clean.lines import _SENTENCE_END, _Line, normalize_line

_NAME_TOKEN = re.compile(r"^(?:[A-ZА-ЯÀ-Þ][\w'’.-]*|de|van|von|der|da|di|bin|al|la|le|and|&|,|with|in|for|at|from|\|)$")


_NAME_BREAK = re.compile(r"\s[|•·]\s|\s[-–—]\s")


def _looks_like_names(text: str) -> bool:
    """Two to twelve capitalised tokens (name particles and 'and' allowed), nothing else."""
    text = _NAME_BREAK.split(text.strip(), maxsplit=1)[0]
    tokens = text.replace(",", " , ").split()
    caps = [t for t in tokens if t not in {",", "and", "&"}]
    if not 1 <= len(caps) <= 12 or _SENTENCE_END.search(text.rstrip(",")) and not text.endswith("."):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens) and any(t[0].isupper() for t in caps)


def _names_only(line: _Line) -> bool:
    return 2 <= line.words <= 12 and not line.ends_sentence and _looks_like_names(line.text)


_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’.-]+,? (?:is|was|has been|serves as|joined|covers|writes)\b"
    r"(?=.{0,300}\b(?:author|journalist|editor|reporter|correspondent|writer|contributor|columnist|"
    r"analyst|researcher|fellow|professor|producer|host|blogger|commentator|freelance|staff)\b)",
)


_ROLE = re.compile(
    r"\b(fellow|editor|correspondent|reporter|writer|director|professor|analyst|researcher|chief|head|"
    r"senior|staff|contributor|columnist|programme|program|institute|university|cent(?:re|er)|desk|bureau)\b",
    re.IGNORECASE,
)
_CONNECTORS = {"and", "in", "with", "from", "by", "for", "at", "of", "the", "&", ",", "|", "·"}


def _name_and_role(line: _Line) -> bool:
    """"Jane Doe, Brussels correspondent": a name, a comma, a short role."""
    name, _, role = line.plain.partition(", ")
    return bool(role) and _looks_like_names(name) and len(role.split()) <= 6 and bool(_ROLE.search(role)) \
        and not line.ends_sentence


def _byline_like(line: _Line) -> bool:
    """Names, optionally with places or outlets: "Jane Doe in Kyiv and John Roe", "From Jane Doe"."""
    if line.words > 14 or line.ends_sentence:
        return False
    tokens = line.plain.replace(",", " , ").replace("|", " | ").split()
    caps = [t for t in tokens if t[:1].isupper()]
    rest = [t for t in tokens if not t[:1].isupper() and t.lower() not in _CONNECTORS]
    return len(caps) >= 2 and not rest


def _matches_author(text: str, author: str | None) -> bool:
    return bool(author) and normalize_line(author) in normalize_line(text)


_BYLINE_LABEL = re.compile(
    r"^(?:by|written by|posted by|words by|text by|story by|reported by|author|authors|reporter|"
    r"correspondent|editor|contributor)s?\s*[:|]?\s+(.+)$",
    re.IGNORECASE,
)
_AUTHOR_BREAK = re.compile(r"\s[|•·]\s|\s[-–—]\s|,\s(?=[a-z])")


def _find_author(lines: list[_Line]) -> str | None:
    for line in lines:
        if line.reason != "byline":
            continue
        m = _BYLINE_LABEL.match(line.text)
        candidate = m.group(1) if m else line.text
        candidate = _AUTHOR_BREAK.split(candidate)[0].strip(" ,.")
        if _looks_like_names(candidate) and not candidate.endswith(":"):
            return candidate
    return None
