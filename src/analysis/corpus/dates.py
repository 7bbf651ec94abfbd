"""Publication dates: user-written dates to ISO `YYYY-MM-DD`, refusing ambiguous ones."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser

__all__ = ["normalise_date"]

_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?=$|[\sT])")
_NUMERIC_DATE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)")
_MONTHS = date_parser.parserinfo()
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 1, 2))  # differ in year and day


def normalise_date(value: str) -> str | None:
    """Return `value` as an ISO `YYYY-MM-DD` string, None if blank; raise ValueError if unusable.

    Accepts ISO dates and datetimes (2024-01-28, 2024-01-28T14:38Z), year-first
    numeric dates (2024/01/28, 2024.1.28) and forms with an English month name
    and a four-digit year ("January 28, 2024", "28 Jan 2024"). Day-first or
    month-first numeric dates (03/04/2024) are rejected because their order is
    ambiguous across outlets. A time zone is ignored: the date is kept as written.

    Parameters
    ----------
    value
        A date as written in the corpus metadata.

    Returns
    -------
    str or None
        The date as `YYYY-MM-DD`, or None for a blank value.
    """
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        year, month, day = (int(year_first.group(i)) for i in (1, 3, 4))
        try:
            found = date(year, month, day)
        except ValueError:
            raise ValueError(f"no such date {text!r}") from None
        if text[year_first.end() :].strip(" T") and _parse_complete(text, yearfirst=True) != found:
            raise ValueError(f"unrecognised date {text!r}; write it as YYYY-MM-DD")
        return found.isoformat()
    if _NUMERIC_DATE.match(text):
        raise ValueError(
            f"numeric date {text!r} with the day or month first: refused even where only one order is a date, as "
            "sources write it both ways (03/04/2024: 3 April or 4 March) and a column of such dates cannot be read "
            "safely; write it as YYYY-MM-DD"
        )
    if not any(_MONTHS.month(word) for word in re.findall(r"[^\W\d_]+", text)):
        raise ValueError(f"unrecognised date {text!r}; write it as YYYY-MM-DD")
    if not re.search(r"(?<!\d)\d{4}(?!\d)", text):
        raise ValueError(f"date {text!r} has no four-digit year; write it as YYYY-MM-DD")
    found = _parse_complete(text, yearfirst=False)
    if found is None:
        raise ValueError(
            f"unrecognised or incomplete date {text!r} (needs day, month and year); write it as YYYY-MM-DD"
        )
    return found.isoformat()


def _parse_complete(text: str, *, yearfirst: bool) -> date | None:
    """Parse with dateutil; None unless day, month and year all come from `text`.

    Parsing with two different defaults shows whether dateutil filled in a part
    ("Jan 2024" would otherwise silently become some day of January).
    """
    try:
        results = {
            date_parser.parse(text, default=d, dayfirst=False, yearfirst=yearfirst, ignoretz=True).date()
            for d in _DEFAULTS
        }
    except (ValueError, OverflowError):
        return None
    return results.pop() if len(results) == 1 else None
