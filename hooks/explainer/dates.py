"""Dates as the data writes them and as the pages say them: one reading, one way of writing.

Data gives a day (`2015-09-30`), a month (`2015-09`) or a year (`1944`): a partial date stands for
every day it may mean. Pages write them with babel, in the site's language ("30 September 2015",
"September 2015", "1944"; "Sep 2015" where space is short).
"""

from __future__ import annotations

import calendar
from datetime import date

from babel.dates import format_date

LOCALE = "en"  # the language pages are written in; the interface catalogue's, when there is a second one


def bounds(value: str | date | None) -> tuple[date | None, date | None]:
    """First and last day a date may mean: "2015" is all of 2015, "2015-09" all of September."""
    if not value:
        return None, None
    if isinstance(value, date):
        return value, value
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    day = date(*parts)
    return day, day


def precision(value: str | date) -> str:
    """"day", "month" or "year": how much of the date the data gives."""
    if isinstance(value, date):
        return "day"
    return ("year", "month", "day")[value.count("-")]


def readable(value: str | date, short: bool = False) -> str:
    """"2015-09-30" -> "30 September 2015"; "2015-09" -> "September 2015"; "1944" -> "1944";
    a `date` as its day. `short`: the month abbreviated ("30 Sep 2015")."""
    first, _ = bounds(value)
    month = "MMM" if short else "MMMM"
    pattern = {"day": f"d {month} y", "month": f"{month} y", "year": "y"}[precision(value)]
    return format_date(first, pattern, locale=LOCALE)


def month_name(day: date, short: bool = True) -> str:
    """The month alone, for scales and ranges: "Sep" (or "September")."""
    return format_date(day, "MMM" if short else "MMMM", locale=LOCALE)
