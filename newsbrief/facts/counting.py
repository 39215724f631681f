"""What a quantity counts: the noun it counts and what happened to it ("people" + "fled").

Read from the words around the quantity, in this order:
1. "of" + noun after a magnitude, fraction or percentage: "tens of thousands of people",
   "20% of their territory", "three-quarters of the area";
2. the noun right after the number: "10,000 people", "two Costa Rican pilots", "$5 billion hit";
3. with no noun: the figure it continues ("Another 1,800 have been injured", "SANA put the
   figure at around 20,000" take the noun of the figure before), "how many civilians ...";
   a human event ("were injured") counts people.
The event is the nearest event word after the quantity in its clause ("fled", "have been
killed"), else just before it ("killing 12 people", "wounding 120").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.facts.numbers import Quantity

EVENTS = {
    "killed": "killed killing kill kills dead died die dies dying deaths death perished fatalities lives",
    "injured": "injured injuring injures injuries wounded wounding hurt",
    "fled": "fled flee flees fleeing displaced escaped",
    "evacuated": "evacuated evacuating evacuate",
    "trapped": "trapped trapping besieged stranded",
    "arrested": "arrested detained arresting detaining",
    "missing": "missing",
    "rescued": "rescued saved",
    "hospitalised": "hospitalised hospitalized hospital",
    "affected": "affected",
    "infected": "infected",
    "freed": "freed released",
    "kidnapped": "kidnapped abducted",
    "charged": "charged",
    "sentenced": "sentenced",
}
EVENT_OF = {word: event for event, words in EVENTS.items() for word in words.split()}
HUMAN_EVENTS = frozenset({"killed", "injured", "fled", "evacuated", "trapped", "arrested", "missing", "rescued",
                          "hospitalised", "kidnapped", "freed"})
PEOPLE = frozenset("""people persons civilians residents individuals men women adults others victims
    casualties fatalities deaths dead""".split())
_STOP = frozenset("""the a an of in on at from to for with by as than after before since during into over under
    and or but nor so yet are were was is be been being have has had will would could can may might must do does
    did who which that whom whose they he she it we i this these those their his her its our my your said says
    say told according more others each all both only just already still also about around some nearly almost
    per percent cent while when where because if then there here now not no other another such same own
    including among between up down out off away back more than less fewer""".split())
_FIGURE_WORDS = re.compile(r"\b(?:the|that|this|its|their)\s+(?:[a-z-]+\s+)?(?:figure|number|toll|tally|total|estimate|count)\b[^.]*?$",
                           re.IGNORECASE)
_HOW_MANY = re.compile(r"\bhow\s+many\s+([a-z]+)", re.IGNORECASE)
_DEATH_TOLL = re.compile(r"\bdeath\s+toll\b", re.IGNORECASE)
_MONEY_NOUNS = frozenset("""amount bill cost costs loss losses charge hit profit profits revenue income payment
    fine price value budget debt deal offer bid fee salary pay sum damages""".split())
_RATE_NOUNS = frozenset("rate share tax stake margin majority".split())
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’-]|\.(?=[A-Za-z]))*(?:(?<=\.[A-Za-z])\.)?")  # "U.S." stays whole
_DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december""".split())


MEASURES = frozenset("""pound pounds ton tons tonne tonnes kilogram kilograms kilo kilos kg lb lbs gallon gallons
    litre litres liter liters barrel barrels kilonewtons newtons watts megawatts""".split())  # "pounds of thrust"
_PART_OF = re.compile(r"\s+of\s+(?:the|those|them|these)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Counted:
    """What a quantity counts: `noun` as written ("Costa Rican pilots"), `event` normalised ("killed").

    `part`: the quantity is part of a set named elsewhere ("20 of those injured", "Two of the
    boosters"), so it is not a rival figure for the whole.
    """

    noun: str | None
    event: str | None
    part: bool = False


def counted(sentence: str, quantity: Quantity, clause: tuple[int, int], previous: Counted | None) -> Counted:
    """What `quantity` (found in `sentence`) counts; `previous` is the figure read just before it."""
    after = sentence[quantity.end:clause[1]]
    before = sentence[clause[0]:quantity.start]
    noun = _noun_after(after, quantity)
    unit = quantity.unit
    if noun is None and unit and unit not in ("%",) and not _is_money(unit):
        noun = None  # a measure: "five years", "13m" counts its unit
    elif noun is None and (quantity.unit == "%" or _is_money(unit)):
        noun = _noun_before(before, _RATE_NOUNS if quantity.unit == "%" else _MONEY_NOUNS)
    event = _event(after, before)
    if noun is None and not unit:
        continues = quantity.increment or _FIGURE_WORDS.search(before)
        how_many = _HOW_MANY.search(sentence[:quantity.start])
        if continues and previous is not None:
            noun = previous.noun
            event = event or previous.event
        elif how_many:
            noun = how_many.group(1)
            event = event or _event(sentence[how_many.end():clause[1]], "")
        elif _DEATH_TOLL.search(before):
            noun, event = "people", event or "killed"
        elif event in HUMAN_EVENTS:
            noun = "people"
    if noun and noun.lower() in ("fatalities", "deaths", "dead") and not event:
        event = "killed"
    if unit and unit not in ("%",) and not _is_money(unit) and noun is None:
        event = None  # "in the past two weeks", "40m": a measure, not a count of people
    part = quantity.unit is None and not quantity.vague and quantity.value >= 1 and bool(_PART_OF.match(after))
    return Counted(noun, event, part)


def noun_key(noun: str | None) -> str | None:
    """A comparison key for a counted noun: "civilians" and "people" are both "people"."""
    if not noun:
        return None
    words = noun.lower().split()
    if words[0] in MEASURES:  # a measure is comparable only with what it measures: "pounds of thrust"
        return f"{_singular(words[0])} of {words[-1]}" if len(words) > 2 and words[1] == "of" else None
    return _singular(words[-1])


def _singular(head: str) -> str:
    if head in PEOPLE:
        return "people"
    if head in ("children", "child", "kids", "minors"):
        return "children"
    if head.endswith("ies") and len(head) > 4:
        return head[:-3] + "y"
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        return head[:-1]
    return head


def _noun_after(after: str, quantity: Quantity) -> str | None:
    text = after.lstrip()
    if text.startswith("of ") or quantity.vague or quantity.unit == "%" or quantity.value < 1:
        of = re.match(r"\s*of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+|our\s+|those\s+|these\s+|this\s+|that\s+)?"
                      r"((?:[A-Za-z][\w'’-]*\s?){1,3})", after)
        if of:
            return _noun_run(of.group(1).split()) or None
    if text[:1] in ",.;:)(—–" or re.match(r"\s*[-–]\s", after):
        return None
    if after[:1] == "-":  # "40-metre-deep well": the noun after the adjective
        after = after.lstrip("-").split(" ", 1)[1] if " " in after else ""
    phrase = re.split(r"[,;:()\[\]—–]|\s-\s", after, maxsplit=1)[0]  # "in one fell swoop, 140,660 pounds": not one noun
    # model numbers and hyphenated adjectives are not what is counted: "27 kerosene-fueled Merlin 1D engines"
    kept = [w for w in phrase[:80].split() if not any(ch.isdigit() for ch in w)
            and not (re.search(r"-\w+ed$", w) and w == phrase.split()[0])]
    noun = _noun_run(_WORD.findall(" ".join(kept)))
    if noun.lower() in MEASURES:  # "5.1 million pounds of thrust" is not "140,660 pounds (63,800 kg) of cargo"
        of = re.match(r"\s*(?:\([^)]*\)\s*)?of\s+((?:[a-z][\w'’-]*\s?){1,2})", after[after.find(noun) + len(noun):])
        tail = _noun_run(of.group(1).split()) if of else ""
        noun = f"{noun} of {tail}" if tail else noun
    return noun or None


def _noun_run(words: list[str]) -> str:
    run: list[str] = []
    for word in words[:4]:
        low = word.lower()
        if run and word[:1].isupper() and run[-1].islower():
            break  # "two children Hannah and Ari": the names are not part of what is counted
        if low in _STOP or low in EVENT_OF or (low.endswith("ed") and run) or low.endswith("ly") or low in _DATE_WORDS:
            break
        run.append(word)
        if low in PEOPLE or low.endswith(("ers", "ists", "ians")):
            break
    while run and run[-1].lower() in _STOP:
        run.pop()
    return " ".join(run)


def _noun_before(before: str, nouns: frozenset[str]) -> str | None:
    words = [w.lower() for w in _WORD.findall(before)][-6:]
    for word in reversed(words):
        if word in nouns:
            return word
    return None


def _event(after: str, before: str) -> str | None:
    """The event: the verb the quantity is the object of ("killing 12 people"), else the nearest after it
    ("10,000 people fled"), else one just before it."""
    last = _WORD.findall(before)[-1:]
    if last and last[0].lower() in EVENT_OF and last[0].lower().endswith(("ing", "ed")) and before.rstrip()[-1:].isalpha():
        return EVENT_OF[last[0].lower()]
    own = re.split(r"[,;:]|\s[—–-]\s|\d", after, maxsplit=1)[0]  # up to the next figure or comma
    for word in _WORD.findall(own)[:8]:
        event = EVENT_OF.get(word.lower())
        if event:
            return event
    for word in reversed(_WORD.findall(before)[-4:]):
        event = EVENT_OF.get(word.lower())
        if event:
            return event
    return None


def _is_money(unit: str | None) -> bool:
    return bool(unit) and len(unit) == 3 and unit.isupper()
