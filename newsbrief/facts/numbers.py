"""Quantities in a sentence: "10,000", "tens of thousands", "more than 500", "a third",
"three-quarters", "20%", "$5 billion", "5-6,000", "18-month", "4 and a half".

A rule-based scanner over the sentence's whitespace-separated words, in three steps:
1. read a number where one starts (digits, number words, vague magnitudes, fractions), with its
   scale ("billion"), currency ("$"), unit ("%", "km", "days") and range ("to", "between ... and");
2. take the qualifier in front of it ("about", "more than", "an estimated", "up to");
3. drop what is not a quantity: years, dates, times of day, ordinals, ages, phone numbers,
   identifiers ("Flight 446", "Falcon 9", "PS4", "COVID-19"), scores, the pronoun "one".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                "tn": 1_000_000_000_000}
# Vague magnitudes: value is the low end, high the top of the magnitude.
VAGUE = {"dozens": (12, 99), "scores": (20, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999),
         "millions": (1_000_000, 999_999_999), "billions": (1_000_000_000, 999_999_999_999)}
VAGUE_OF = {("tens", "thousands"): (10_000, 99_999), ("hundreds", "thousands"): (100_000, 999_999),
            ("tens", "millions"): (10_000_000, 99_999_999), ("hundreds", "millions"): (100_000_000, 999_999_999)}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "a$": "AUD", "c$": "CAD"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yuan": "CNY",
                  "rupees": "INR", "yen": "JPY"}
UNITS = {
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes", "hour": "hours",
    "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
    "months": "months", "year": "years", "years": "years", "decade": "decades", "decades": "decades",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "km": "km", "kilometre": "km",
    "kilometres": "km", "kilometer": "km", "kilometers": "km", "cm": "cm", "centimetre": "cm",
    "centimetres": "cm", "centimeter": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm",
    "mile": "miles", "miles": "miles", "ft": "feet", "foot": "feet", "feet": "feet", "inch": "inches",
    "inches": "inches", "yard": "yards", "yards": "yards", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilo": "kg", "kilos": "kg", "tonne": "tonnes", "tonnes": "tonnes", "ton": "tons", "tons": "tons",
    "lb": "lb", "lbs": "lb", "acre": "acres", "acres": "acres", "hectare": "hectares", "hectares": "hectares",
    "mph": "mph", "kph": "km/h", "km/h": "km/h", "degree": "degrees", "degrees": "degrees",
    "percent": "%", "per cent": "%", "%": "%", "percentage points": "percentage points",
}
AREA = {"metre": "square metres", "metres": "square metres", "meter": "square metres",
        "meters": "square metres", "miles": "square miles", "mile": "square miles", "km": "square km",
        "kilometres": "square km", "kilometers": "square km", "feet": "square feet", "foot": "square feet"}
_TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"})
GLUED_UNITS = {"%", "m", "km", "cm", "mm", "ft", "kg", "mph", "bn", "mn", "k", "b", "tn", "g", "lb", "lbs"}

QUALIFIERS = {
    # as written -> bound: "approximate", "at least", "at most", "nearly"
    "an estimated": "approximate", "estimated": "approximate", "about": "approximate",
    "around": "approximate", "approximately": "approximate", "roughly": "approximate", "some": "approximate",
    "close to": "approximate", "circa": "approximate", "an approximate": "approximate",
    "more than": "at least", "over": "at least", "at least": "at least", "upwards of": "at least",
    "in excess of": "at least", "just over": "at least", "well over": "at least", "no fewer than": "at least",
    "no less than": "at least", "more than a": "at least",
    "up to": "at most", "as many as": "at most", "as much as": "at most", "fewer than": "at most",
    "less than": "at most", "under": "at most", "at most": "at most", "no more than": "at most",
    "just under": "at most", "nearly": "nearly", "almost": "nearly",
}
MONTHS = ("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
          "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
          "december")
_MONTH_WORDS = frozenset(MONTHS)
# Capitalised words that may stand right before a count ("More than 500", "About 10,000", "Another 1,800").
_CAPITAL_OK = frozenset("""a about all almost an and another approximately around as at between but by during
    estimated for from further if in including just killing leaving more most nearly of on only or over
    rescued roughly says said some than that the these this those to under until up when while with within
    injuring wounding some another among including""".split())
_NAME_MARKERS = frozenset("called named dubbed titled user handle no no. number flight route version update "
                          "channel room gate page article section chapter episode season vol. line bus".split())
_NOT_COUNTED = frozenset("way ways fold sided faced tier time times hander handed off year-old old".split())
_ONE_IDIOMS = frozenset("of another other day time point thing way side hand more by anyone fell".split())
_AIRCRAFT_MODEL = re.compile(r"7[0-8]7")  # "a fully laden 737", "747 jets": Boeing models, not counts
_AIRCRAFT = frozenset("aircraft jet jets jetliner jetliners airliner airliners plane planes max".split())
_ONE_DETERMINERS = frozenset("the this that which any every each no someone anyone".split())
_TIME_SUFFIX = re.compile(r"^(?:a\.?m\.?|p\.?m\.?)$", re.IGNORECASE)
_NUMERIC = re.compile(
    r"^(?P<cur>US\$|A\$|C\$|[$£€¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suf>[A-Za-z%]*)"
    r"(?:[-–](?P<rest>.+))?$")
_LEAD = "\"'“‘([{«"
_TRAIL = "\"'”’)]}.,;:!?…»"


@dataclass(frozen=True)
class Quantity:
    """A quantity found in a text; `start`/`end` cover the qualifier and the number with its unit."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    qualifier: str | None
    unit: str | None
    vague: bool = False
    increment: bool = False  # "another 1,800", "dozens more": counted on top of an earlier figure


@dataclass
class _Word:
    raw: str  # the whitespace-separated chunk
    core: str  # without leading/trailing punctuation
    start: int  # offsets of `core` in the text
    end: int

    @property
    def low(self) -> str:
        return self.core.lower()


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` (a sentence), in order, with offsets into `text`."""
    words = _words(text)
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        parsed = _parse_at(text, words, i)
        if parsed is None:
            i += 1
            continue
        quantity, after = parsed
        if quantity is not None:
            found.append(quantity)
        i = max(after, i + 1)
    return found


def bounds(value: float, high: float | None, qualifier: str | None, vague: bool,
           tolerance: float) -> tuple[float, float]:
    """The interval of values a quantity allows, widened by `tolerance` for rounding."""
    bound = QUALIFIERS.get(qualifier or "", "exact")
    low, top = value, high if high is not None else value
    if vague:
        return low, top
    if bound == "approximate":
        return low * (1 - tolerance), top * (1 + tolerance)
    if bound == "at least":
        return low, math.inf
    if bound == "at most":
        return 0.0, top
    if bound == "nearly":
        return low * (1 - tolerance), top
    return low * (1 - tolerance / 2), top * (1 + tolerance / 2)


# --- scanning -------------------------------------------------------------------------------

def _words(text: str) -> list[_Word]:
    words = []
    for m in re.finditer(r"\S+", text):
        raw = m.group(0)
        s, e = 0, len(raw)
        while s < e and raw[s] in _LEAD:
            s += 1
        while e > s and raw[e - 1] in _TRAIL:
            e -= 1
        if e < len(raw) and raw[e] == "." and re.fullmatch(r"[ap]\.m", raw[s:e], re.IGNORECASE):
            e += 1  # keep "a.m." whole
        words.append(_Word(raw, raw[s:e], m.start() + s, m.start() + e))
    return words


def _parse_at(text: str, words: list[_Word], i: int) -> tuple[Quantity | None, int] | None:
    """A quantity starting at word i: (quantity or None when it is not a quantity, next index)."""
    w = words[i]
    low = w.low
    if not w.core:
        return None
    if low in VAGUE or low == "tens":
        return _vague(text, words, i)
    if low in ("a", "an", "one", "two", "three", "four") and i + 1 < len(words) and _fraction_word(words[i + 1].low):
        return _fraction(text, words, i, i + 1)
    if _fraction_word(low) and "-" in low:
        return _fraction(text, words, i, i)
    if low in ("half",) and _fraction_context(words, i):
        return _finish(text, words, i, i, 0.5, None, None, False)
    if low == "a" and i + 1 < len(words) and words[i + 1].low in ("dozen", "hundred", "thousand", "million", "billion"):
        value, j = _word_number(words, i + 1)
        return _with_unit(text, words, i, j, value, None)
    m = _NUMERIC.match(w.core)
    if m:
        return _numeric(text, words, i, m)
    if _word_value(low) is not None:
        return _spelled(text, words, i)
    return None


def _numeric(text: str, words: list[_Word], i: int, m: re.Match) -> tuple[Quantity | None, int]:
    value = float(m.group("num").replace(",", ""))
    currency = CURRENCIES.get((m.group("cur") or "").lower())
    suffix = m.group("suf").lower()
    rest = m.group("rest")
    if _not_a_quantity(text, words, i, m):
        return None, i + 1
    unit = currency
    if suffix:
        if suffix in SHORT_SCALES and currency:
            value *= SHORT_SCALES[suffix]
        elif suffix in UNITS and suffix in GLUED_UNITS:
            unit = UNITS[suffix]
        elif suffix in ("bn", "tn", "mn"):
            value *= SHORT_SCALES[suffix]
        else:
            return None, i + 1  # "HA446", "5G", "67yo", "1990s", "9pm"
    j = i
    if rest is not None:
        rest_low = rest.lower()
        head = rest_low.split("-")[0]
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", rest):  # "5-6,000", "10-12"
            high = float(rest.replace(",", ""))
            if high < value:
                return None, i + 1  # a score, "34-6"
            return _finish(text, words, i, i, _scaled_low(value, high), high, unit, False)
        if "year-old" in rest_low or rest_low.startswith("years-old") or rest_low.startswith("yo"):
            return None, i + 1  # an age
        if head in UNITS and UNITS[head] not in ("%",):
            return _finish(text, words, i, i, value, None, UNITS[head], False)  # "18-month", "40-metre-deep"
        if head == "square" and i + 1 < len(words) and words[i + 1].low in AREA:
            return _finish(text, words, i, i + 1, value, None, AREA[words[i + 1].low], False)
        if suffix and head:  # "80m-deep", "30cm-diameter"
            return _finish(text, words, i, i, value, None, unit, False)
        return None, i + 1  # "24-hour"? handled above; "911-call", "G-20"-like codes
    value, j = _scale(words, j, value)
    if words[j].core.endswith("-year-old") or (j + 2 < len(words) and words[j + 1].low in ("years", "year")
                                                and words[j + 2].low == "old"):
        return None, j + 1
    return _with_unit(text, words, i, j, value, unit)


def _spelled(text: str, words: list[_Word], i: int) -> tuple[Quantity | None, int] | None:
    w = words[i]
    low = w.low
    if "-" in low:
        first, _, rest = low.partition("-")
        if first in SMALL and rest in SMALL and SMALL[first] >= 20:  # "twenty-five"
            pass
        elif first in SMALL and rest.split("-")[0] in UNITS and "year-old" not in rest and "years-old" not in rest:
            return _finish(text, words, i, i, SMALL[first], None, UNITS[rest.split("-")[0]], False)
        elif first in SMALL and first != "one" and re.fullmatch(r"[a-z]{3,}", rest) and rest not in _NOT_COUNTED:
            return _finish(text, words, i, i, SMALL[first], None, None, False)  # "two-stage rocket"
        elif first in SMALL:
            return None, i + 1  # "five-year-old", "one-time", "two-way"
    if low == "one" and not _one_is_a_count(text, words, i):
        return None, i + 1
    if _age(text, words, i):
        return None, i + 1  # "Eid Muhammad, seventy, lives ..."
    if _preceded_by_name(text, words, i) and low != "one":
        return None, i + 1  # "Channel Four"
    value, j = _word_number(words, i)
    if value is None:
        return None, i + 1
    if j + 1 < len(words) and words[j + 1].core.lower().startswith("year-old"):
        return None, j + 2
    return _with_unit(text, words, i, j, value, None)


def _vague(text: str, words: list[_Word], i: int) -> tuple[Quantity | None, int] | None:
    low = words[i].low
    if i + 2 < len(words) and words[i + 1].low == "of" and (low, words[i + 2].low) in VAGUE_OF:
        value, high = VAGUE_OF[(low, words[i + 2].low)]
        j = i + 2
    elif low in VAGUE:
        if low in ("scores",) and (i + 1 >= len(words) or words[i + 1].low != "of"):
            return None  # "scores" of a match
        value, high = VAGUE[low]
        j = i
    else:
        return None
    unit = None
    if j + 2 < len(words) and words[j + 1].low == "of" and words[j + 2].low in CURRENCY_WORDS:
        unit = CURRENCY_WORDS[words[j + 2].low]
        j += 2
    quantity, after = _finish(text, words, i, j, value, high, unit, True)
    return quantity, after


def _fraction(text: str, words: list[_Word], i: int, j: int) -> tuple[Quantity | None, int] | None:
    """"a third", "three-quarters", "two thirds", "one-fifth"."""
    low = words[j].low
    if i == j:
        first, _, rest = low.partition("-")
        numerator = 1 if first in ("a", "an", "one") else SMALL.get(first)
        base = FRACTIONS.get(rest)
    else:
        numerator = 1 if words[i].low in ("a", "an", "one") else SMALL.get(words[i].low)
        base = FRACTIONS.get(low)
    if numerator is None or base is None:
        return None
    if not _fraction_context(words, j, start=i):
        return None
    return _finish(text, words, i, j, numerator * base, None, None, False)


def _fraction_word(low: str) -> bool:
    if "-" in low:
        first, _, rest = low.partition("-")
        return (first in SMALL or first in ("a", "an")) and rest in FRACTIONS and rest not in ("half", "halves")
    return low in FRACTIONS and low not in ("half", "halves")


def _fraction_context(words: list[_Word], j: int, start: int | None = None) -> bool:
    """A fraction is a quantity when followed by "of" or led by a qualifier: "a third of", "more than half"."""
    start = j if start is None else start
    if j + 1 < len(words) and words[j + 1].low == "of":
        return True
    return _qualifier_before(words, start) is not None or (start > 0 and words[start - 1].low == "by")


# --- pieces -----------------------------------------------------------------------------------

def _word_value(low: str) -> int | None:
    if low in SMALL:
        return SMALL[low]
    first, _, rest = low.partition("-")
    if first in SMALL and rest in SMALL and SMALL[first] >= 20 and SMALL[rest] < 10:
        return SMALL[first] + SMALL[rest]
    if first in SMALL:
        return SMALL[first]
    return None


def _word_number(words: list[_Word], i: int) -> tuple[float | None, int]:
    """Parse number words from i ("two hundred and fifty thousand"); (value, index of the last word)."""
    total, current, last, j = 0, 0, None, i
    while j < len(words):
        low = words[j].low
        value = _word_value(low) if "-" not in low or low.partition("-")[2] in SMALL else None
        if value is not None and (current == 0 or (current % 100 >= 20 and current % 10 == 0 and value < 10)
                                  or (last is not None and words[last].low == "hundred" and value < 100)):
            current += value
        elif low == "dozen":
            current = (current or 1) * 12
        elif low == "hundred":
            current = (current or 1) * 100
        elif low in SCALES:
            total += (current or 1) * SCALES[low]
            current = 0
        elif (low == "and" and last is not None and words[last].low in ("hundred", "thousand", "million")
              and _nothing_after(words[last]) and j + 1 < len(words)
              and _word_value(words[j + 1].low) is not None):
            j += 1
            continue
        else:
            break
        last = j
        if not _nothing_after(words[j]):
            break  # punctuation after the word ends the number: "two, three"
        j += 1
    if last is None:
        return None, i
    return float(total + current), last


def _scale(words: list[_Word], j: int, value: float) -> tuple[float, int]:
    """Apply "hundred"/"thousand"/"million"/"billion" after a number at j."""
    if not _nothing_after(words[j]):
        return value, j
    if j + 1 < len(words) and words[j + 1].low in SCALES:
        value *= SCALES[words[j + 1].low]
        j += 1
        if j + 1 < len(words) and words[j + 1].low in SCALES and _nothing_after(words[j]):
            value *= SCALES[words[j + 1].low]
            j += 1
    return value, j


def _with_unit(text: str, words: list[_Word], i: int, j: int, value: float | None, unit: str | None):
    """Extend a number ending at word j with "and a half", a range, a percent sign or a unit."""
    if value is None:
        return None, i + 1
    high = None
    k = j
    attached = _nothing_after(words[k])
    if attached and k + 3 < len(words) and [w.low for w in words[k + 1:k + 4]] == ["and", "a", "half"]:
        value += 0.5
        k += 3
        attached = _nothing_after(words[k])
    # a range: "10 to 12", "$1 billion to $3 billion", "between 8% and 15.5%"
    between = i > 0 and words[i - 1].low == "between"
    if attached and k + 2 < len(words) and (words[k + 1].low == "to" or (between and words[k + 1].low == "and")
                                            or words[k + 1].core in ("-", "–")):
        other = _parse_at(text, words, k + 2)
        if other and other[0] is not None and other[0].qualifier is None and not other[0].vague:
            second = other[0]
            if second.value >= value and (unit is None or second.unit in (None, unit)):
                high = second.value
                if second.unit and not unit:
                    unit = second.unit
                k = other[1] - 1
                return _finish(text, words, i, k, value, high, unit, False, range_start=i - 1 if between else None)
    if not unit and k + 1 < len(words) and attached:
        nxt = words[k + 1].low
        pair = " ".join(w.low for w in words[k + 1:k + 3])
        if pair in ("per cent", "percentage points"):
            unit, k = UNITS[pair], k + 2
        elif nxt == "square" and k + 2 < len(words) and words[k + 2].low in AREA:
            unit, k = AREA[words[k + 2].low], k + 2
        elif nxt in UNITS and nxt not in ("m", "ft", "b"):
            unit, k = UNITS[nxt], k + 1
        elif nxt in CURRENCY_WORDS:
            unit, k = CURRENCY_WORDS[nxt], k + 1
    return _finish(text, words, i, k, value, high, unit, False)


def _scaled_low(low: float, high: float) -> float:
    """"5-6,000" means 5,000 to 6,000: scale a short low end to the high end's magnitude."""
    if low <= 0 or high < 1000 or low >= high / 100:
        return low
    scaled = low * 10 ** (int(math.log10(high)) - int(math.log10(low)))
    return scaled if scaled <= high else low


def _finish(text: str, words: list[_Word], i: int, k: int, value: float, high: float | None,
            unit: str | None, vague: bool, range_start: int | None = None) -> tuple[Quantity | None, int]:
    lead = words[i - 1].low if i > 0 else ""
    if unit in _TIME_UNITS and k + 1 < len(words) and _nothing_after(words[k]) and lead not in ("for", "over", "than") \
            and words[k + 1].low in ("ago", "after", "before", "later", "earlier", "since", "from"):
        return None, k + 1  # "two weeks ago", "three days after": a time reference, not a figure
    start_index = range_start if range_start is not None else i
    qualifier = _qualifier_before(words, start_index)
    start = words[start_index].start
    if qualifier:
        start = words[start_index - len(qualifier.split())].start
    elif range_start is None and start_index > 0 and words[start_index - 1].low in ("another",):
        start = words[start_index - 1].start
    increment = (start_index > 0 and words[start_index - 1].low == "another") or \
        (k + 1 < len(words) and words[k + 1].low == "more" and not (k + 2 < len(words) and words[k + 2].low == "than"))
    end = words[k].end
    if text[end:end + 1] == "%" and unit is None:
        unit, end = "%", end + 1
    return Quantity(start, end, text[start:end], float(value), None if high is None else float(high),
                    qualifier, unit, vague, increment), k + 1


def _nothing_after(word: _Word) -> bool:
    """No punctuation follows the word's core: it can run on into the next word."""
    return word.raw.endswith(word.core)


def _qualifier_before(words: list[_Word], i: int) -> str | None:
    for n in (3, 2, 1):
        if i - n < 0:
            continue
        chunk = words[i - n:i]
        if not all(_nothing_after(w) for w in chunk) or any(w.raw != w.core for w in chunk[1:]):
            continue  # punctuation inside or right after: not one phrase with the number
        phrase = " ".join(w.low for w in chunk)
        if phrase in QUALIFIERS:
            return phrase
    return None


# --- what is not a quantity ---------------------------------------------------------------------

def _not_a_quantity(text: str, words: list[_Word], i: int, m: re.Match) -> bool:
    w = words[i]
    raw = w.raw
    num = m.group("num")
    suffix = m.group("suf").lower()
    if any(mark in raw for mark in ("/", "@", "#", "_", "www", "http")) or re.search(r"[A-Za-z]\d", w.core):
        return True  # URLs, handles, hashtags, "HA446"
    if re.search(r"\d[:.]\d{2}\s*$", num) and (suffix in ("am", "pm") or _time_after(words, i)):
        return True  # 5:10 a.m., 5.10am
    if ":" in raw and re.search(r"\d:\d", raw):
        return True  # 21:00, 5:10
    if suffix in ("am", "pm", "st", "nd", "rd", "th", "s", "yo", "h", "hrs") or _time_after(words, i):
        return True
    rest = m.group("rest")
    if re.fullmatch(r"\d{4}", num) and not m.group("cur") and not suffix and 1800 <= int(num) <= 2100 \
            and (rest is None or re.fullmatch(r"\d{2,4}", rest)):
        return True  # a year, or years: "2017-18", "2010-2014"
    if num.startswith("0") and len(num) > 1 and "." not in num[:2]:
        return True  # "0207 782 4368", "006"
    if re.fullmatch(r"\d{7,}", num):
        return True  # phone and account numbers
    if _phone_run(words, i):
        return True
    if _next_to_month(words, i):
        return True
    if _age(text, words, i):
        return True
    if _preceded_by_name(text, words, i) and not m.group("cur"):
        return True
    if _AIRCRAFT_MODEL.fullmatch(num) and not suffix and not m.group("cur") and (
            (i + 1 < len(words) and words[i + 1].low in _AIRCRAFT) or any(w.low in ("a", "an") for w in words[max(0, i - 3):i])):
        return True
    return False


def _time_after(words: list[_Word], i: int) -> bool:
    return i + 1 < len(words) and bool(_TIME_SUFFIX.match(words[i + 1].core)) or (
        i + 1 < len(words) and words[i + 1].low in ("o'clock", "gmt", "utc", "bst", "est", "et", "pt"))


def _phone_run(words: list[_Word], i: int) -> bool:
    """Three or more bare digit groups in a row: a phone number."""
    def digits(k: int) -> bool:
        return 0 <= k < len(words) and re.fullmatch(r"\d{2,5}", words[k].raw or "") is not None
    return sum(digits(k) for k in range(i - 2, i + 3)) >= 3 and digits(i)


def _next_to_month(words: list[_Word], i: int) -> bool:
    w = words[i]
    if not re.fullmatch(r"\d{1,2}", w.core.rstrip(",")):
        return False
    before = words[i - 1].low.rstrip(".") if i > 0 else ""
    after = words[i + 1].low.rstrip(".,") if i + 1 < len(words) else ""
    return before in _MONTH_WORDS or (after in _MONTH_WORDS and after != "may")


def _age(text: str, words: list[_Word], i: int) -> bool:
    """"Michael Neu, 67, was ...", "Tamimi, 16, from", "aged 58", "(58)"."""
    w = words[i]
    if i > 0 and words[i - 1].low in ("aged", "age"):
        return True
    value = int(w.core) if w.core.isdigit() else _word_value(w.low)
    if value is None or value > 120 or (w.core.isdigit() and len(w.core) > 3):
        return False
    if i > 0 and words[i - 1].raw.endswith(",") and words[i - 1].core[:1].isupper() and words[i - 1].low not in _CAPITAL_OK:
        nxt = words[i + 1].low if i + 1 < len(words) else ""
        return w.raw.endswith(",") or nxt in ("of", "from", "who", "and", "was", "is", "has", "had", "died") or w.raw.endswith(".")
    return False


def _preceded_by_name(text: str, words: list[_Word], i: int) -> bool:
    """"Flight 446", "Falcon 9", "Cessna 208", "80 Hou Bu Huai" after "called", "no. 446"."""
    if i == 0:
        return False
    prev = words[i - 1]
    if prev.raw.lower() in ("no.", "#", "nos."):
        return True
    if not _nothing_after(prev) or not prev.core:
        return False
    if prev.low in _NAME_MARKERS:
        return True
    if prev.low in _CAPITAL_OK or prev.low in _MONTH_WORDS or prev.low.endswith(("'s", "’s")):
        return False
    if not prev.core[:1].isupper():
        return False
    if prev.low in QUALIFIERS or any(q.endswith(prev.low) for q in QUALIFIERS):
        return False
    # sentence-initial capitals are ordinary words ("Some 60 excavators", "Over 80 diggers")
    return i - 1 > 0 or prev.core.isupper() and len(prev.core) > 1


def _one_is_a_count(text: str, words: list[_Word], i: int) -> bool:
    """"injuring one person" is a count; "one of", "no one", "One train ... the other" are not."""
    nxt = words[i + 1].low if i + 1 < len(words) else ""
    if words[i].raw != words[i].core and not words[i].raw.endswith(words[i].core):
        return False
    if not nxt or nxt in _ONE_IDIOMS or words[i].raw != words[i].core:
        return False
    if nxt.endswith(("ing", "ed")) or nxt in ("who", "that", "which", "whose", "with", "in", "on", "at", "from", "would",
                                             "will", "is", "was", "could", "can", "should", "might", "may", "must"):
        return False  # "one involving an organizer", "the principal one would be": a pronoun
    if i == 0 or words[i - 1].raw.endswith((",", "\"", "”", ":", ";")) or words[i - 1].raw[-1:] in _LEAD:
        return False  # clause-initial "One social media user": an indefinite, not a count
    if i > 0 and words[i - 1].low in _ONE_DETERMINERS:
        return False
    later = " ".join(w.low for w in words[i + 1:])
    if " the other" in f" {later}" or " another" in f" {later}":
        return False
    return True
