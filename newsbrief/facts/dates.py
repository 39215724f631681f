"""Date expressions in a sentence, resolved against the article's date when it is known.

"November 27, 2016" is a date on its own; "November 27" needs the article's year; "on Monday",
"yesterday" and "over the weekend" need the article's date (news uses the most recent such
day, or the next one in a sentence about the future). Without an article date they keep
`date=None`: newsbrief never guesses a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's eve": (12, 31),
            "new year’s eve": (12, 31), "new year's day": (1, 1), "new year’s day": (1, 1)}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "yesterday": -1, "last night": -1}

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PATTERNS = [
    ("day", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")),
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b")),
    ("month", re.compile(rf"\b(?P<lead>in|since|until|by|from|during|last|early|late|mid-|this|next|through)\s+{_MONTH}\b(?!\s+\d)")),
    ("year", re.compile(r"\b(?P<lead>in|since|until|by|before|after|from|during)\s+(?:early\s+|late\s+|mid-)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)")),
    ("weekday", re.compile(rf"\b(?:(?P<lead>last|next|this|on|early|late)\s+)?{_WEEKDAY}(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b")),
    ("relative", re.compile(r"\b(?P<rel>today|tonight|yesterday|this morning|this afternoon|this evening|last night)\b", re.IGNORECASE)),
    ("weekend", re.compile(r"\b(?P<rel>over the weekend|this weekend|last weekend|at the weekend)\b", re.IGNORECASE)),
    ("holiday", re.compile(r"\b(?P<holiday>Christmas Day|Christmas Eve|New Year['’]s Eve|New Year['’]s Day)\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")),
]
_WILL = re.compile(r"\b(?:will|'ll|is scheduled|are scheduled|is due|are due|upcoming|is expected to|are expected to|"
                   r"is set to|are set to)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|'ll|next|is scheduled|are scheduled|is expected to|are expected to|plans? to|is due|are due|planned|slated|upcoming)\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: offsets, the words, and the date it names (if resolvable)."""

    start: int
    end: int
    text: str
    date: date | None
    precision: str  # "day", "month", "year" or "weekend"


BACKGROUND_DAYS = 30  # a fact dated longer than this before a story's first article is a past event it recalls


def before_the_story(day: date | None, first: date | None) -> bool:
    """Whether `day` is well before the story's first article (`first`): background, not the story."""
    return day is not None and first is not None and day < first - timedelta(days=BACKGROUND_DAYS)


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Date expressions in `text` (a sentence), resolved against `published` when given."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    future = bool(_FUTURE.search(text))
    ahead = bool(_WILL.search(text))  # strong enough to move a date without a year to the next one
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken) or _not_a_date(text, m, kind):
                continue
            mention = _resolve(kind, m, published, future, ahead)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match, published: date | None, future: bool, ahead: bool = False) -> DateMention | None:
    groups = m.groupdict()
    text = m.group(0)
    precision = "day"
    resolved: date | None = None
    if kind == "day":
        month, day = MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])
        if not 1 <= day <= 31:
            return None
        year = int(groups["year"]) if groups.get("year") else _year_near(month, day, published, ahead)
        resolved = _safe_date(year, month, day)
    elif kind == "month":
        if groups["month"] == "May" and not groups.get("year") and groups.get("lead") not in ("in", "since", "until", "by", "early", "late"):
            return None
        month = MONTHS[groups["month"].lower()]
        ahead = ahead and groups.get("lead") not in ("last", "since", "during", "early", "late")
        year = int(groups["year"]) if groups.get("year") else _year_near(month, 1, published, ahead)
        resolved, precision = _safe_date(year, month, 1), "month"
    elif kind == "year":
        resolved, precision = date(int(groups["year"]), 1, 1), "year"
    elif kind == "weekday":
        resolved = _weekday(WEEKDAYS[groups["weekday"].lower()], groups.get("lead"), published, future)
    elif kind == "relative":
        offset = RELATIVE_DAYS[groups["rel"].lower()]
        resolved = published + timedelta(days=offset) if published else None
    elif kind == "weekend":
        precision = "weekend"
        resolved = published - timedelta(days=(published.weekday() - 5) % 7) if published else None
    elif kind == "holiday":
        month, day = HOLIDAYS[groups["holiday"].lower()]
        year = int(groups["year"]) if groups.get("year") else _year_near(month, day, published)
        resolved = _safe_date(year, month, day)
    return DateMention(m.start(), m.end(), text, resolved, precision)


def _not_a_date(text: str, m: re.Match, kind: str) -> bool:
    """Words that look like a date and are not: "USA TODAY", BBC's "Today programme", "today's
    music" (nowadays), the "Long March 9" rocket."""
    words = m.group(0)
    if kind == "relative" and words.lower() == "today":
        before = text[:m.start()].rstrip()
        return (words.isupper() or (words[0].isupper() and bool(before) and before[-1] not in '.!?"“')
                or bool(_NOWADAYS.match(text[m.end():])) or bool(_NOWADAYS_BEFORE.search(before)))
    if kind in ("day", "month") and m.start("month") == m.start():  # the month opens it: no "in", no weekday
        return bool(_NAME_BEFORE_MONTH.search(text[:m.start()])) and words.startswith("March")
    return False


_NOWADAYS = re.compile(r"['’]s\s+(?:world|music|society|standards?|market|economy|culture|generation|children|kids|youth|"
                       r"companies|technology|politics|biggest|most|top|young|modern|digital|media|industry)\b", re.IGNORECASE)
# "the most powerful rocket flying today", "from the 1960s through to today": nowadays, not a day
_NOWADAYS_BEFORE = re.compile(r"(?:\b\w+ing|\b(?:alive|available|exist|exists|existing|in use|in service)|\b(?:to|until|till))$",
                              re.IGNORECASE)
_NAME_BEFORE_MONTH = re.compile(r"\bLong\s+$")  # China's "Long March 9" rocket


def _year_near(month: int, day: int, published: date | None, future: bool = False) -> int | None:
    """The year that puts month/day nearest the article date (news looks back more than ahead);
    in a sentence about what will happen ("will launch in June"), the next one."""
    if published is None:
        return None
    if future:
        this_year = _safe_date(published.year, month, day)
        return published.year if this_year is not None and (this_year.year, this_year.month) >= (published.year, published.month) \
            else published.year + 1
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        distance = (candidate - published).days
        score = distance if distance > 0 else -distance / 3  # a past date is three times likelier
        if best is None or score < best[0]:
            best = (score, year)
    return best[1] if best else None


def _weekday(weekday: int, lead: str | None, published: date | None, future: bool) -> date | None:
    """The day a weekday names, near the publication date: the same day, the days before it, or
    the next day. A news page's date has no hour and is often the day before the local day it
    reports ("early Friday" in a Nice story dated Thursday, UTC), while a story six days old
    says "last Friday" or gives the date; so the day after the stamp wins over six days before."""
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    if back == 0 and lead not in ("next", "last"):
        return published  # "said Monday" in Monday's paper is that day, whatever the tense
    if lead == "next" or (future and lead != "last"):
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    if lead == "last" and back == 0:
        back = 7
    if back == 6 and lead != "last":
        return published + timedelta(days=1)  # see below
    return published - timedelta(days=back)


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
