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
_PLACE = re.compile(r"^(?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+,\s+(?=\S)")  # "New Delhi, May 26 ..."
_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR_FIRST = re.compile(r"\d{4}[-/.]\d")
_YEAR_LAST = re.compile(r"-(?:19|20)\d{2}$")
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}")
_MONTH = re.compile(_MONTHS)
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?")
_ZONE_OR_LABEL = re.compile(r"[a-z]{2,4}|(?:gmt|utc)[+-].*|published|updated|posted")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d")
_ISO = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}(?:t[\d:.z+-]+)?")
_SEPARATOR = re.compile(r"[|·•]")
_FOUR_DIGITS = re.compile(r"\d{4}")
_LABEL = re.compile(r"\b(published|updated|posted|last|modified|created|date|on|at)\b:?", re.IGNORECASE)
_OFFSET = re.compile(r"\b(GMT|UTC)[+-]\d{1,2}(:?\d{2})?\b|\bET\b|\bPT\b|\bIST\b|\s[+-]\d{4}\b")
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\b(?![./-]\d)")
_ZONE = re.compile(r"\b(EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST)\b")
_MONTH_WORD = re.compile(rf"\b({_MONTHS})\b", re.IGNORECASE)


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
    stamp = _date_stamp(text)
    if stamp is None:
        return False, None
    text, tokens, has_year, relative = stamp
    has_day = any(_DAY.fullmatch(t) for t in tokens) or any(_NUMERIC_DATE.match(t) for t in tokens)
    if relative or not has_year or not has_day:
        return True, None  # no full date to record (and never today's year or day filled in)
    iso = next((t for t in tokens if _ISO.fullmatch(t)), None)
    if iso:
        try:
            return True, date.fromisoformat(iso[:10]).isoformat()
        except ValueError:
            return True, None
    first = next((part for part in _SEPARATOR.split(text) if _FOUR_DIGITS.search(part)), text)
    cleaned = _LABEL.sub(" ", first)
    cleaned = _OFFSET.sub(" ", cleaned)
    cleaned = _DOTTED_TIME.sub(r"\1:\2", cleaned)
    cleaned = _ZONE.sub(" ", cleaned)
    try:
        parsed = dateparser.parse(cleaned, fuzzy=True, dayfirst=not _MONTH_WORD.search(cleaned))
    except (ValueError, OverflowError):
        return True, None
    return True, parsed.date().isoformat()


def _is_date_line(text: str) -> bool:
    """`parse_date_line(text)[0]`, without reading the date (the rules that only ask whether)."""
    return _date_stamp(text) is not None


def _may_be_relative(text: str) -> bool:
    """Holds what every match of `_RELATIVE_DAY` holds, in lower case ("terday": an "s" may be "ſ")."""
    lower = text.lower()
    return "ago" in lower or "today" in lower or "terday" in lower


def _date_stamp(text: str) -> tuple[str, list[str], bool, bool] | None:
    """For a line that is only a date/time stamp: the line (folded, a leading place name cut), its
    lower-case tokens, whether one is a year and whether it is relative ("2 hours ago"); else None."""
    text = _fold(text)
    if _DIGIT.search(text) is None and not (_may_be_relative(text) and _RELATIVE_DAY.search(text)) and (
            text.isascii() or not any(map(str.isdigit, text))):
        return None  # every date line below needs a digit or "ago", "today", "yesterday"
    text = _PLACE.sub("", text)
    tokens = []
    for token in text.split():
        token = token.strip(".,:;()|•·-–—").lower()
        if token:
            if len(tokens) == 14 or not _DATE_FILLER.match(token):
                return None  # too long for a date line, or a word no stamp holds: no need to read on
            tokens.append(token)
    if not tokens:
        return None
    has_year = any(_YEAR.fullmatch(t) or _YEAR_FIRST.match(t) or _YEAR_LAST.search(t) or _DAY_MONTH_YEAR.fullmatch(t)
                   for t in tokens)
    has_month = any(_MONTH.fullmatch(t) for t in tokens)
    relative = "ago" in tokens or "today" in tokens or "yesterday" in tokens
    has_time = any(_TIME.fullmatch(t) for t in tokens)
    stamped = has_time and any(_ZONE_OR_LABEL.fullmatch(t) and not _MONTH.fullmatch(t) for t in tokens)
    if not (has_year or relative or stamped or (has_month and any(t.isdigit() for t in tokens))):
        return None
    return text, tokens, bool(has_year), relative


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
