"""Which names are places a reader could find on a map, and kinds the story's own words correct.

The small NER model calls singers, snacks and TV stations places ("Rihanna", "Pringles", "KCTV")
and mayors organisations ("Christian Estrosi"). After the names are merged (`entities`), each
place is checked against a gazetteer (`learn.places` builds it) and the story's words, and a
few kinds are corrected from what the story says of a name: a title, an age, "in X".
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from newsbrief.facts.entities import DIRECTIONS, ORG_WORDS, PLACE_NOUNS, territories, without_accents
from newsbrief.model.facts import Entity

_PLACE_WORDS = frozenset("""street road avenue lane square sea ocean river lake mount mountain mountains valley county
    province village town city island islands beach airport port harbour harbor gate hall bridge basin bay center
    centre park station district region state coast desert bank canal strait gulf peninsula plaza crater cape
    consulate embassy base prison""".split())
_PLACES_BEYOND = frozenset("""earth moon mars venus mercury jupiter saturn uranus neptune pluto atlantic pacific arctic
    antarctic mediterranean caribbean baltic rhine danube nile thames""".split())  # no city gazetteer holds them
_STATE_ABBREVIATIONS = frozenset("""ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md.
    mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn.
    tex. vt. va. wash. w.va. wis. wyo. d.c. b.c. l.a.""".split())


def confirmed_places(entities: Sequence[Entity], texts: Sequence[str]) -> list[Entity]:
    """The entities, each place kept only when a reader could find it on a map, and kinds the
    story's own words correct.

    A place is a name the gazetteer knows (`learn.places`: cities, states, countries,
    subdivisions), a country form, a name with a place word ("Shettleston Road", "Tasman Sea"),
    a planet or sea, a state's abbreviation, or a name the story writes "in X", "near X" or
    "outside X" ("in Punta Islita"), or with a place noun after it ("the al-Fardous
    neighborhood"). A lone direction ("North", "Western") is no place.

    Corrected kinds: a "person" of several words that is a known place ("Sioux Falls") is that
    place; an "organisation" the story gives a person's title, role or age ("Nice mayor
    Christian Estrosi", "Mr Estrosi", "Darnell Lazare, 27,") is a person; one the gazetteer knows
    and the story writes "in X" ("in Slidell") is a place."""
    known = _known_places()
    evidence = _StoryEvidence.read("\n".join(texts))
    kept = []
    for entity in entities:
        kind = _corrected_entity_kind(entity, known, evidence)
        if kind != entity.kind:
            entity = replace(entity, kind=kind)
        if entity.kind != "place" or any(_is_known_place(s, known, evidence) for s in entity.spellings):
            kept.append(entity)
    return kept


_PERSON_ROLES = ("Mr|Mrs|Ms|Dr|Mayor|mayor|President|president|Minister|minister|executive|spokesman|spokeswoman|"
                 "spokesperson|Constable|constable|officer|Chief|chief|director|founder|singer|actor|actress|rapper|"
                 "coach|player|driver|Senator|senator|Governor|governor|Secretary|secretary|chairman|leader|star|"
                 "teammate|manager|lawyer|attorney|Judge|judge|Professor|professor|father|mother|son|daughter|wife|"
                 "husband|brother|sister|Frenchman|Briton")
_ORG_HEADS = ORG_WORDS | frozenset("airlines airways lines media records press studios labs team".split())
_RUN = r"(?:(?:al|el)-)?[A-Z][\w'’.-]*(?:[ \t]+(?:(?:al|el)-)?[A-Z][\w'’.-]*)*"  # capitalised words, "al-Fardous"
_TITLED = re.compile(rf"(?<![A-Za-z])(?:{_PERSON_ROLES})\.?\s+({_RUN})")
_MISTER = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w'’-]*\w)")
_AGED = re.compile(rf"({_RUN}),\s+\d{{1,2}},")
_LOCATED = re.compile(rf"(\S*)\s+(?:in|near|outside)\s+(?:the\s+)?({_RUN})")
_BEFORE_PLACE_NOUN = re.compile(rf"({_RUN})\s+(?:{'|'.join(sorted(PLACE_NOUNS))})\b")


@dataclass(frozen=True)
class _StoryEvidence:
    """What the story's words say of its names, read in one pass each: who has a title, a
    "Mr", an age; what is written "in X" or "X neighborhood"; which words it writes in lower case."""

    titled: frozenset[str]
    misters: frozenset[str]
    aged: frozenset[str]
    located: frozenset[str]
    before_place_noun: frozenset[str]
    lower_words: frozenset[str]

    @classmethod
    def read(cls, story: str) -> "_StoryEvidence":
        located = {m.group(2) for m in _LOCATED.finditer(story) if not _in_a_title(story, m)}
        return cls(
            titled=frozenset(m.group(1) for m in _TITLED.finditer(story)),
            misters=frozenset(m.group(1) for m in _MISTER.finditer(story)),
            aged=frozenset(_word_tails(m.group(1) for m in _AGED.finditer(story))),
            located=frozenset(located),
            before_place_noun=frozenset(_word_tails(m.group(1) for m in _BEFORE_PLACE_NOUN.finditer(story))),
            lower_words=frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", story)),
        )


def _in_a_title(story: str, m: re.Match) -> bool:
    """ "Adventures in Success" (a song), not "Police in Slidell said" at a sentence's start."""
    word = m.group(1)
    if not (word[:1].isupper() and word[-1:].isalpha()):
        return False
    before = story[:m.start(1)].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n\"”"


def _word_tails(runs) -> set[str]:
    """Each run of capitalised words and its endings: "G League Darnell Lazare" also gives "Darnell Lazare"."""
    tails = set()
    for run in runs:
        words = run.split()
        tails.update(" ".join(words[i:]) for i in range(len(words)))
    return tails


def _corrected_entity_kind(entity: Entity, known: frozenset[str], evidence: _StoryEvidence) -> str:
    name = entity.name
    if entity.kind == "person" and " " in name and plain_name(name) in known:
        return "place"
    if entity.kind != "organisation" or name.replace(".", "").isupper():
        return entity.kind
    words = name.split()
    if not any(w.lower() in _ORG_HEADS for w in words) and (
            name in evidence.titled or words[-1] in evidence.misters or name in evidence.aged):
        return "person"
    if plain_name(name) in known and name in evidence.located:
        return "place"
    return entity.kind


def _is_known_place(name: str, known: frozenset[str], evidence: _StoryEvidence) -> bool:
    key = plain_name(name)
    words = key.replace("-", " ").split()
    if not words or all(w in DIRECTIONS for w in words):
        return False
    if key in known or key in _PLACES_BEYOND or key in _STATE_ABBREVIATIONS or name.removeprefix("the ") in territories():
        return True
    if any(w in _PLACE_WORDS for w in words):
        return True
    if " " not in name and key in evidence.lower_words:
        return False  # "in Settings" when the story also writes "settings": a menu, not a place
    return name in evidence.before_place_noun or name in evidence.located  # "al-Fardous neighborhood", "in Punta Islita"


def plain_name(name: str) -> str:
    """A gazetteer key: lower case, no accents ("Köln" is "koln")."""
    return without_accents(name).lower().strip()


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """The gazetteer `learn.places` builds (62,000 names, 250 KB), read once per process."""
    data = resources.files("newsbrief") / "data" / "places.txt.gz"
    return frozenset(gzip.decompress(data.read_bytes()).decode("utf-8").split("\n")) - {""}
