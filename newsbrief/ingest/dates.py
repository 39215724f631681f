"""A page's publication date: explicit markup first, the URL last, and never an invented day.

htmldate reads, in order: the page's meta tags and JSON-LD (asking for the original date,
not the last update), then a year/month/day in the URL, then <abbr>/<time> elements and
date patterns in the page's text (the extensive search: 30 more right dates for 8 more wrong
ones on trafilatura's evaluation pages, see benchmarks/RESULTS.md). Some of its fallbacks turn "2019" or "November 2019" into the
first of the month; a date on the 1st is therefore kept only when the page itself states
that day (as 2019-11-01, 01.11.2019, "1 November 2019", "November 1, 2019" ...).
"""

from __future__ import annotations

import re
from datetime import date

from lxml.html import HtmlElement, tostring

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")


def publication_date(tree: HtmlElement, url: str | None = None) -> date | None:
    """The day the page says it was first published, or None."""
    from htmldate import find_date  # heavy: htmldate, only for web pages

    try:
        found = find_date(tree, extensive_search=True, original_date=True, url=url, deferred_url_extractor=True)
    except (ValueError, TypeError):  # a malformed date attribute deep in htmldate
        return None
    if not found:
        return None
    day = date.fromisoformat(found)
    if day.day == 1 and not states_day(tostring(tree, encoding="unicode"), day):
        return None
    return day


def states_day(page: str, day: date) -> bool:
    """Whether the page's source spells out `day` (which htmldate might have invented)."""
    return any(pattern.search(page) for pattern in _day_patterns(day))


def _day_patterns(day: date) -> list[re.Pattern]:
    y, m = day.year, day.month
    month = MONTHS[m - 1]
    return [
        re.compile(rf"{y}[-/.]0?{m}[-/.]0?1(?!\d)"),  # 2019-11-01, 2019/11/1
        re.compile(rf"(?<!\d)0?1[-/.]0?{m}[-/.]{y}"),  # 01.11.2019, 1/11/2019
        re.compile(rf"(?<!\d)0?{m}/0?1/{y}"),  # 11/01/2019 (US)
        re.compile(rf"(?<!\d)0?1(?:st)?\.?\s+{month[:3]}[a-z]*\.?,?\s+{y}", re.IGNORECASE),  # 1 November 2019
        re.compile(rf"{month[:3]}[a-z]*\.?\s+0?1(?:st)?,?\s+{y}", re.IGNORECASE),  # November 1, 2019
        re.compile(rf"{y}{m:02d}01(?!\d)"),  # 20191101
    ]
