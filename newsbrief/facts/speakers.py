"""Resolving sources in reading order: "he", "the group", "the spokesperson", "Abdallah".

Attribution depends on what came before, so an article is read sentence by sentence
(`reading.read_article`): each sentence's names are registered (`see_names`), each claim is
resolved (`resolve`) and remembered (`see`). Gender is learned from the text only: a pronoun
after a person who opens a sentence ("Rihanna is mourning her cousin"), a pronoun right after a
claim ("said he ..."), or words such as "sister" or "father" in the role.
"""

from __future__ import annotations

import re
from collections import Counter

from newsbrief.facts.attribution import (
    GROUP_NOUNS, GROUP_PRONOUNS, PERSON_NOUNS, PERSON_PRONOUNS, TITLED_NAME, Claim, clean_name, is_proper_name,
    HONORIFICS, without_honorifics,
)
from newsbrief.facts.entities import NameSpan
from newsbrief.model.facts import Attribution

GENERIC_GROUPS = frozenset("group company agency organisation organization firm bank ministry government".split())
_ANAPHORIC = frozenset("investment giant organiser organisers organizer organizers".split())
_SPEAKS_FOR = frozenset("representative representatives officials sources commentator".split())
_FEMALE = frozenset("she her herself woman mother sister wife daughter grandmother aunt mrs ms girl comedienne actress".split())
_TITLES = frozenset("sheriff senator sen governor gov mayor judge justice pope king queen prince general gen "
                    "secretary captain capt sergeant sgt detective officer lieutenant lt".split())
_DETERMINERS = frozenset("the a an his her their its our my this that these those".split())  # "The Williams driver"
_MALE = frozenset("he his him himself man father brother husband son grandfather uncle mr boy".split())


class Speakers:
    """What an article has named so far, to resolve "he", "the group" and bare family names.

    Fed in reading order: `see_names` with the NER names of each sentence, `see` with every
    resolved attribution. `resolve` then maps a claim's words to the name the text gave:
    - "he"/"she" and "the spokesman": the last person attributed (or named) whose gender,
      where the text has shown it, fits;
    - "they"/"it"/"the statement": the last attribution; "the group"/"the company"/"the
      agency": the last organisation; "the council": the last attribution that says "council";
    - "Abdallah": the full name given earlier ("Ismail Abdallah"), with the role given then.
    """

    def __init__(self) -> None:
        self.history: list[Attribution] = []  # resolved attributions, in order
        self.people: list[str] = []  # person names found by NER, in order of appearance
        self.groups: list[str] = []  # organisation names found by NER, in order of appearance
        self.roles: dict[str, str] = {}  # full person name -> role
        self.full: dict[str, str] = {}  # family name -> full name
        self.persons: set[str] = set()  # attribution names that are people
        self.gender: dict[str, str] = {}  # name -> "he" / "she", where the text shows it

    def learn_gender(self, sentence: str, names: list[NameSpan]) -> None:
        """"Rihanna is mourning the death of her cousin": a pronoun after a person, before the next one."""
        people = [n for n in names if n.kind == "person"]
        for k, person in enumerate(people):
            if not re.fullmatch(r"\W*(?:(?:[A-Z][a-z]+\.?|the|The)\s+){0,2}", sentence[:person.start]):
                continue  # only a sentence's subject: "Rihanna is mourning her cousin", not "... with Alleyne, writing that she"
            end = people[k + 1].start if k + 1 < len(people) else len(sentence)
            pronoun = re.search(r"\b(he|his|him|himself|she|her|hers|herself)\b", sentence[person.end:end], re.IGNORECASE)
            if pronoun and person.text not in self.gender:
                gender = "she" if pronoun.group(1).lower().startswith(("she", "her")) else "he"
                for key in (person.text, person.text.split()[-1]):
                    self.gender.setdefault(key, gender)

    def see_names(self, names: list[NameSpan]) -> None:
        for n in names:
            if n.kind == "person":
                self.people.append(n.text)
                for word in n.text.split()[1:]:
                    self.full.setdefault(word, n.text)
            elif n.kind == "organisation":
                self.groups.append(n.text)

    def see(self, attribution: Attribution, masked: str = "", claim: Claim | None = None) -> None:
        self.history.append(attribution)
        if attribution.role and attribution.name not in self.roles and without_honorifics(attribution.role):
            self.roles[attribution.name] = without_honorifics(attribution.role)
        if claim is not None and attribution.name in self.persons and attribution.name not in self.gender:
            pronoun = re.match(r"[\s\w]{0,25}?\b(he|she|his|her)\b", masked[claim.end:claim.end + 30])
            words = f"{attribution.role or ''} {claim.name}".lower().split()
            if pronoun:
                self.gender[attribution.name] = "she" if pronoun.group(1) in ("she", "her") else "he"
            elif any(w in _FEMALE for w in words):
                self.gender[attribution.name] = "she"
            elif any(w in _MALE for w in words):
                self.gender[attribution.name] = "he"

    def resolve(self, claim: Claim, names: list[NameSpan]) -> Attribution:
        """The attribution a claim stands for; `names` are the NER names inside the sentence."""
        raw = claim.name.strip()
        low = re.sub(r"['’](?:d|s|ll|ve|re)$", "", raw.lower())
        bare = clean_name(raw)
        words = bare.lower().split()
        head = words[-1] if words else low
        definite = low.startswith("the ") and len(words) <= 3 and not any(w[:1].isupper() for w in bare.split()) \
            and not re.search(r"['’]s\b", low)  # "the boy's grandfather" is a first mention, not "the man" again
        phrase = claim.phrase
        if low in PERSON_PRONOUNS or (definite and head in PERSON_NOUNS):
            pronoun = low if low in PERSON_PRONOUNS else ("she" if head in _FEMALE else "he" if head in _MALE else None)
            # "he"/"she" and "the man": the last fitting person; "the spokesperson": only one the text called so
            found = self._person(pronoun, None if low in PERSON_PRONOUNS else head, fallback=pronoun is not None)
            if found is not None:
                if low in PERSON_PRONOUNS:
                    self.gender.setdefault(found.name, "she" if low in ("she", "her") else "he")
                return Attribution(found.name, phrase, found.role or self.roles.get(found.name), claim.also)
        if low in GROUP_PRONOUNS or (definite and (head in GROUP_NOUNS or head in _ANAPHORIC)):
            found = self._group(low, head)
            if found is not None:
                return Attribution(found.name, phrase, found.role, claim.also)
        name, role, person = self._name_and_role(raw, names)
        if claim.role:
            role = claim.role if not role else f"{role}, {claim.role}"
        if " " not in name and name in self.full:
            name = self.full[name]
        if claim.alias and claim.alias not in name:
            name = f"{name} ({claim.alias})"
        role_words = (role or "").lower().replace(",", " ").split()
        described = bool(claim.role) and re.match(r"(?:a|an)\s", claim.role) and not set(role_words) & GROUP_NOUNS
        if person or (person is None and (name in self.people or head in PERSON_NOUNS or low in PERSON_PRONOUNS
                                          or (is_proper_name(name) and (described or set(role_words) & PERSON_NOUNS)))):
            self.persons.add(name)
        return Attribution(name, phrase, without_honorifics(role) or self.roles.get(name), claim.also)

    def _person(self, pronoun: str | None, head: str | None, fallback: bool = True) -> Attribution | None:
        wanted = {"she": "she", "her": "she", "he": "he", "him": "he"}.get(pronoun or "")
        if head:
            for attribution in reversed(self.history):
                if head in f"{attribution.name} {attribution.role or ''}".lower():
                    return attribution  # "the spokesperson": the last one the text called so
        if not fallback:
            return None
        for attribution in reversed(self.history):
            if attribution.name in self.persons and self._gender_of(attribution.name, wanted) == wanted:
                return attribution
        candidates = [n for n in self.people if self._gender_of(n, wanted) == wanted]
        if candidates:  # the most mentioned person so far (the story's subject), the latest among equals
            mentions = Counter(self.full.get(n, n) for n in candidates)
            best = max(reversed(candidates), key=lambda n: mentions[self.full.get(n, n)])
            name = self.full.get(best, best)
            return Attribution(name, "", self.roles.get(name))
        return None

    def _gender_of(self, name: str, default: str | None) -> str | None:
        return self.gender.get(name) or self.gender.get(name.split()[-1]) or default

    def _group(self, low: str, head: str) -> Attribution | None:
        for attribution in reversed(self.history):
            text = f"{attribution.name} {attribution.role or ''}".lower()
            if low in GROUP_PRONOUNS or head in ("statement", "report"):
                if low == "they" or attribution.name not in self.persons or head in ("statement", "report"):
                    return attribution
            elif head in text:
                return attribution  # "the council": the Central Coast Council
            elif head in GENERIC_GROUPS and attribution.name not in self.persons:
                return attribution  # "the group", "the agency", "the company": the last organisation
        if head in GENERIC_GROUPS and self.groups:
            return Attribution(self.groups[-1], "")
        return None

    @staticmethod
    def _name_and_role(raw: str, names: list[NameSpan]) -> tuple[str, str | None, bool | None]:
        """Split a source's words into the name, the role around it, and whether it is a person.

        "Erie County Executive Kathy Dahlkemper" -> Kathy Dahlkemper, Erie County Executive;
        "a spokesperson for the US State Department" -> US State Department, spokesperson;
        "state media Xinhua" -> Xinhua, state media.
        """
        bare = clean_name(raw)
        titled = TITLED_NAME.match(raw.strip())
        if titled:  # "Hustle assistant coach Darnell Lazare", "local police chief Sayed Kamal Sadat"
            return titled.group(2).strip(), titled.group(1).strip(), True
        inside = [n for n in names if n.text in raw]
        for n in inside:
            of = re.search(r"^(.+?)\s(?:for|of|at|from|with|in|by)\s+(?:the\s+)?" + re.escape(n.text) + "$", bare)
            head = of.group(1).lower().split()[-1] if of else ""
            if of and (head in PERSON_NOUNS or head in GROUP_NOUNS or head in _SPEAKS_FOR):
                # "a spokesperson for the US State Department": the organisation speaks through them;
                # "a family in the suburbs of New York City" is no one's spokesperson
                return n.text, of.group(1).strip(" ,"), head in PERSON_NOUNS
        inside = [_extended(n, raw) for n in inside]
        person = next((n for n in inside if n.kind == "person"
                       and not re.search(r"\b(?:in|from|of|at|for|near)\s+(?:\w+\s+)?$", raw[:raw.find(n.text)])), None)
        if person is not None:  # (a person after "in"/"from" only places the source: "a fighter in eastern Aleppo")
            rest = re.sub(r"\s+", " ", raw.replace(person.text, " ")).strip(" ,")
            return person.text, (rest if rest and rest.lower() not in ("the", "a", "an") else None), True
        organisation = [n for n in inside if n.kind == "organisation"]
        if organisation:
            org = organisation[-1].text
            if bare.endswith(org):  # "state media Xinhua"
                return org, bare[: bare.rfind(org)].strip(" ,") or None, False
            if bare.lower().split()[-1] in GROUP_NOUNS:  # "the self-styled Syria Civil Defence volunteer rescue group"
                return org, bare, False
        return bare, None, None  # unknown: decided by the words and the names seen


def _extended(name: NameSpan, raw: str) -> NameSpan:
    """A name the small model cut short, completed with the capitalised words around it in the
    source's words: "Luis Guillermo" in "President Luis Guillermo Solis Rivera", "Paddock" in
    "Eric Paddock said" (a title before it stays a title: "President", "Mr.")."""
    at = raw.find(name.text)
    if at < 0:
        return name
    more = re.match(r"(?:\s[A-Z][\w'’-]+)+", raw[at + len(name.text):])
    before = re.search(r"(?:^|\s)([A-Z][a-z'’-]+)\s$", raw[:at]) if name.kind == "person" else None
    first = before.group(1) if before and before.group(1).lower() not in PERSON_NOUNS | HONORIFICS | _TITLES | _DETERMINERS else ""
    if not more and not first:
        return name
    text = (f"{first} " if first else "") + name.text + (more.group(0) if more else "")
    start = name.start - (len(first) + 1 if first else 0)
    return NameSpan(start, start + len(text), text, name.kind)
