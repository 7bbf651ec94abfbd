"""Date and time stamps, and wire-service datelines opening a lead."""

from __future__ import annotations

import re
from datetime import date

from dateutil import parser as dateparser

from analysis.clean.lines import _count_words, _fold

_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|"
    "september|oct|october|nov|november|dec|december"
)
_DATE_FILLER = re.compile(
    rf"^(?:{_MONTHS}|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thurs|thursday|fri|friday|sat|"
    r"saturday|sun|sunday|am|pm|a\.m|p\.m|est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest|"
    r"eet|eest|msk|ist|jst|kst|published|updated|posted|last|modified|created|date|on|at|of|the|"
    r"st|nd|rd|th|today|yesterday|ago|hours?|minutes?|mins?|days?|weeks?|months?|years?|just|now|"
    r"et|pt|ct|mt|cet|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?|[+-]\d{4}|"
    r"\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:t[\d:.z+-]+)?|"
    rf"\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}-(?:{_MONTHS})-\d{{2,4}}|hrs?|mins?)$"
)


_DIGIT = re.compile(r"\d")
_RELATIVE_DAY = re.compile(r"(?<!\w)(?:ago|today|yesterday)(?!\w)", re.IGNORECASE)


def parse_date_line(text: str) -> tuple[bool, str | None]:
    """Is this line only a date/time stamp? Returns (is_date_line, ISO date or None).

    Parameters
    ----------
    text : str
        One line.

    Returns
    -------
    tuple[bool, str or None]
        Whether the line is only a date or time stamp ("Updated 14:32 GMT, 3 June 2025", "2 hours
        ago"), and the date it gives as YYYY-MM-DD when it names a full one (never filled in from today).
    """
    text = _fold(text)
    if _DIGIT.search(text) is None and _RELATIVE_DAY.search(text) is None and (
            text.isascii() or not any(map(str.isdigit, text))):
        return False, None  # every date line below needs a digit or "ago", "today", "yesterday"
    text = re.sub(r"^(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+,\s+(?=\S)", "", text)  # "New Delhi, May 26 ..."
    tokens = []
    for token in text.split():
        token = token.strip(".,:;()|•·-–—").lower()
        if token:
            tokens.append(token)
            if len(tokens) > 14:  # too long for a date line: no need to read on
                return False, None
    if not tokens:
        return False, None
    if not all(_DATE_FILLER.match(t) for t in tokens):
        return False, None
    has_year = any(re.fullmatch(r"(?:19|20)\d{2}", t) or re.match(r"\d{4}[-/.]\d", t) or re.search(r"-(?:19|20)\d{2}$", t)
                   or re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}", t) for t in tokens)
    has_month = any(re.fullmatch(_MONTHS, t) for t in tokens)
    relative = "ago" in tokens or "today" in tokens or "yesterday" in tokens
    has_time = any(re.fullmatch(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?", t) for t in tokens)
    stamped = has_time and any(re.fullmatch(r"[a-z]{2,4}|(?:gmt|utc)[+-].*|published|updated|posted", t)
                               and not re.fullmatch(_MONTHS, t) for t in tokens)
    if not (has_year or relative or stamped or (has_month and any(t.isdigit() for t in tokens))):
        return False, None
    has_day = any(re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", t) for t in tokens) or any(
        re.match(r"\d{1,4}[-/.]\d{1,2}[-/.]\d", t) for t in tokens)
    if relative or not has_year or not has_day:
        return True, None  # no full date to record (and never today's year or day filled in)
    iso = next((t for t in tokens if re.fullmatch(r"(?:19|20)\d{2}-\d{2}-\d{2}(?:t[\d:.z+-]+)?", t)), None)
    if iso:
        try:
            return True, date.fromisoformat(iso[:10]).isoformat()
        except ValueError:
            return True, None
    first = next((part for part in re.split(r"[|·•]", text) if re.search(r"\d{4}", part)), text)
    cleaned = re.sub(r"\b(published|updated|posted|last|modified|created|date|on|at)\b:?", " ", first, flags=re.I)
    cleaned = re.sub(r"\b(GMT|UTC)[+-]\d{1,2}(:?\d{2})?\b|\bET\b|\bPT\b|\bIST\b|\s[+-]\d{4}\b", " ", cleaned)
    cleaned = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?![./-]\d)", r"\1:\2", cleaned)
    cleaned = re.sub(r"\b(EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST)\b", " ", cleaned)
    try:
        stamp = dateparser.parse(cleaned, fuzzy=True, dayfirst=not re.search(rf"\b({_MONTHS})\b", cleaned, re.I))
    except (ValueError, OverflowError):
        return True, None
    return True, stamp.date().isoformat()


#: A wire-service dateline opening a lead: "MOSCOW /Russia/, June 3. /TASS/.", "MINSK, June 4 /BelTA/ -",
#: "BEIJING, June 3 (Xinhua) --", "KYIV, Ukraine (AP) —".
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3}(?:\s*/[^/]{2,30}/)?(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?"
    rf"(?:,\s*(?:(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))\.?)?\s*(?:/[^/]{{2,30}}/|\([^)]{{2,30}}\))\s*[.,:—–-]*\s+",
    re.IGNORECASE)


def _dateline_lead(text: str) -> bool:
    """A paragraph that opens with a wire dateline and goes on as prose (six words or more)."""
    m = _DATELINE.match(text)
    return bool(m) and text[:1].isupper() and _count_words(text[m.end():]) >= 6
