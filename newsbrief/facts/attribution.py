"""Who says so: reporting constructions in a sentence, and the source a claim is attributed to.

A claim's source is the one the text names, never the outlet that printed it:
"civilians told CNN" -> civilians; "SANA put the figure at" -> SANA; "according to the
White Helmets" -> White Helmets; "the group said" -> the group the text last named.

1. `find_claims` reads the attributing words of a sentence whose quotations are masked out
   (so words inside a quote never attribute anything): "X said/told/reported/estimated ...",
   "..., said X", "according to X", "as reported by X", "X put the figure at", with the
   appositive role ("Ismail Abdallah, a member of the Syrian Civil Defence, told CNN").
2. `claim_for` picks the claim that governs a position: the one in the same clause (clauses
   are cut at ";", dashes and ", while"/", but"), else the sentence's only one.
3. `speakers.Speakers` then turns "he", "the group", "the agency", "Abdallah" into the name the
   article gave earlier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

VERBS = ("said says say told tells tell added adds reported reports report estimated estimates estimate "
         "confirmed confirms announced announces stated states claimed claims noted notes wrote writes "
         "tweeted tweets explained explains explaied warned warns insisted acknowledged admitted "
         "revealed disclosed indicated forecast forecasts predicted predicts expects believes believe described "
         "outlined outline outlines shows showed show found put puts cited clarified joked quipped replied "
         "responded recalled continued asked answered remarked telling called "
         "testified argued argues suggested suggests alleged alleges saying adding citing pledged promised vowed "
         "urged conceded denied maintained asserted declared stressed quoted writing").split()
GERUNDS = frozenset({"saying", "adding", "telling", "writing"})
TITLED_NAME = re.compile(r"((?:[A-Z][\w.'’-]*\s)*(?:(?!(?:for|of|at|from|with|in|by|the|on|to|and)\s)[a-z][\w-]*\s)+)"
                          r"((?:[A-Z][\w.'’-]+\s?){2,4})$")
_OPENING_SUBJECT = re.compile(
    r"\s*((?:[Tt]he\s|[Aa]n?\s)?(?:[\w'’.-]+\s){0,4}?)"
    r"(?:did|does|do|has|had|have|was|is|were|are|would|will|could|can|[a-z]+ed|captioned|posted|wrote|told|took)\b")
_NOT_SPEECH = frozenset("put puts show shows showed found described outlined outline outlines cited quoted called".split())
INVERTIBLE = frozenset("""said says added adds reported reports wrote writes tweeted explained explaied confirmed
    announced stated noted warned insisted clarified joked quipped replied responded recalled continued asked answered
    remarked""".split())
_VERB = re.compile(r"\b(" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\b")
_PUT = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:[a-z-]+\s+)?(?:figure|number|toll|tally|total|estimate|count|cost|bill)\b"
                  r"|\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){1,3}at\b")
_ACCORDING = re.compile(r"\b(?:according to|in the words of|as reported by|as estimated by)\s+", re.IGNORECASE)
_BACKED = re.compile(r"\b(?:backed|confirmed|corroborated|supported|echoed)\s+by\s+", re.IGNORECASE)
_CITING = re.compile(r"\bciting\s+", re.IGNORECASE)
_NP_END = re.compile(r"[,.;:!?()\[\]—–]|\s-\s|\s--\s|\s(?:that|who|which|in a|in an|on|during|at|after|before|when|while|because|as)\s")
_PARENTHESES = re.compile(r"\([^()]*\)")
_STRONG_BOUNDARY = re.compile(r"[;:—–]|\s-\s|\s--\s|['\"”’]\s|\s(?:that|while|as|because|when|after|if|so|whereas|which|who)\s")
_SUBJECT_BOUNDARY = re.compile(r"[;:—–]|\s-\s|\s--\s|['\"”’]\s|\s(?:that|and|but|while|as|because|when|after|if|so|whereas|which|who)\s")
_APPOSITION_START = re.compile(r"(?:a|an|also|who|whose|which|one of)\s|[a-z]|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*['’]s\s\w+$")
_CLAUSE_HARD = re.compile(r";|\s[—–―]\s|\s--\s")
_CLAUSE = re.compile(r";|\s[—–―]\s|\s--\s|\s-\s|,\s(?:while|whereas|but)\s")
_AUXILIARIES = frozenset("""is are was were be been being has have had will would could should can may might must
    do does did am""".split())
_TRAILING_ADVERBS = frozenset("""also later has have had did does do would will could can may might reportedly
    previously earlier separately further then again now recently initially first however meanwhile quickly
    still only all both themselves himself herself itself repeatedly publicly privately officially long already
    yet ever never not""".split())
_DETERMINERS = ("the ", "a ", "an ", "several ", "some ", "many ", "two ", "three ")
_PREPOSITION_START = frozenset("""on in at for after before during since from with by to under over about
    earlier meanwhile however though although while when if as but and so yet still now then""".split())
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "it", "we"})
PERSON_NOUNS = frozenset("""man woman official spokesman spokeswoman spokesperson resident father mother lawyer
    chief minister president director analyst witness user spectator relative friend volunteer doctor activist
    expert source husband wife son daughter brother sister grandfather grandmother uncle aunt boy girl teacher
    officer commander leader executive ceo founder coordinator correspondent reporter member neighbour
    neighbor survivor victim pilot driver owner manager professor researcher scientist rabbi priest singer actor
    actress comedian comedienne star player coach guard artist rapper author writer host anchor commentator
    representative head""".split())
GROUP_NOUNS = frozenset("""group company agency organisation organization ministry bank firm council organiser
    organisers organizer organizers department authority authorities government military army statement report
    paper newspaper network utility club team party court commission committee office service
    investment banking giant charity""".split())
_POSSESSIVE_HEAD = re.compile(r"['’]s(?:\s+(?:report|site|website|statement|data|figures|account|post|tweet|note|video))?$")
_ALIAS = re.compile(r",?\s+(?:also\s+)?(?:known as|called)\s+(?:the\s+)?[\"“']?([^,.;\"”']+)")


@dataclass(frozen=True)
class Claim:
    """Attributing words in a sentence: `start`/`end` are offsets of the whole construction."""

    start: int
    end: int
    name: str  # the source as written, without a leading article: "group", "Ismail Abdallah"
    phrase: str  # "the group said", "according to SANA"
    role: str | None = None
    also: tuple[str, ...] = ()  # "a number backed by Russian officials", "citing civil aviation authorities"
    alias: str | None = None  # "also known as the White Helmets"
    relative: bool = False  # inside a relative clause ("..., which an assistant coach suggested"): covers only what follows
    subject_end: int = -1  # end of the source's words: a figure inside them counts the sources, it is not their claim


def find_claims(masked: str) -> list[Claim]:
    """Reporting constructions in a sentence whose quotations are masked (replaced by spaces)."""
    claims: list[Claim] = []
    for m in _ACCORDING.finditer(masked):
        np_end = _np_end(masked, m.end())
        name = masked[m.end():np_end].strip()
        if name:
            alias = _ALIAS.match(masked, np_end)
            claims.append(Claim(m.start(), np_end, _without_report_head(name), masked[m.start():np_end].strip(),
                                alias=alias.group(1).strip() if alias else None))
    for m in _VERB.finditer(masked):
        gerund = m.group(1) in GERUNDS
        claim = None if gerund and any(c.end <= m.start() for c in claims) else _verb_claim(masked, m)
        if claim is None and (gerund or re.search(r",?\s(?:but|and)\s+$", masked[:m.start()])):
            claim = _elided(masked, m, claims)
        if claim is not None and not any(c.start <= claim.start < c.end for c in claims):
            claims.append(claim)
    colon = re.search(r":\s*[\"“'‘]", masked)
    if colon and not any(c.end <= colon.start() + 1 for c in claims):
        claim = _sentence_subject(masked, colon.start(), colon.start(), "…:")
        if claim is not None:  # "Rihanna captioned the video with: "Be grateful for life man.""
            claims.append(claim)
    dash = re.search(r"['’\"”]\s+[–—-]\s+((?:[A-Za-z][\w.'’-]*\s?){1,6})$", masked.rstrip())
    if dash and not claims:  # a headline: "‘We just gotta get guns out’ – Nevada state senator"
        claims.append(Claim(dash.start(1), dash.end(1), dash.group(1).strip(), dash.group(1).strip()))
    support = tuple(masked[m.end():_np_end(masked, m.end())].strip()
                    for pattern in (_BACKED, _CITING) for m in pattern.finditer(masked))
    support = tuple(s for s in support if s)
    if support and claims:
        claims = [replace(c, also=support) for c in claims]
    return sorted(claims, key=lambda c: c.start)


def _elided(masked: str, m: re.Match, claims: list[Claim]) -> Claim | None:
    """A verb without its subject ("have said X, but warned Y"; "did not name him but claimed"): the earlier one."""
    if m.group(1) in _NOT_SPEECH:
        return None
    earlier = max((c for c in claims if c.end <= m.start()), key=lambda c: c.end, default=None)
    if earlier is not None:
        return replace(earlier, start=m.start(), end=m.end(), phrase=f"{earlier.name} … {m.group(1)}")
    if m.group(1) in GERUNDS:
        return None
    return _sentence_subject(masked, m.start(), m.end(), m.group(1))  # "The group did not name him but claimed"


def claim_for(claims: list[Claim], masked: str, position: int) -> Claim | None:
    """The claim governing `position` of the sentence: same clause first, else the sentence's only clause."""
    claims = [c for c in claims if not (c.relative and position < c.start) and not (c.start <= position < c.subject_end)]
    if not claims:
        return None
    clauses = clause_spans(masked)
    here = next(((s, e) for s, e in clauses if s <= position < e), (0, len(masked)))
    inside = [c for c in claims if here[0] <= c.start < here[1]]
    if inside:
        return min(inside, key=lambda c: abs(c.start - position))
    if len(clauses) == 1:
        return min(claims, key=lambda c: abs(c.start - position))
    trailing = claims[-1]
    rest = masked[trailing.end:]
    if trailing.start > position and "," not in rest and len(rest.split()) <= 8 \
            and masked[:trailing.start].rstrip().endswith(",") and not _CLAUSE_HARD.search(masked, position, trailing.start):
        return trailing  # "..., while ..., the company said in a filing": the closing attribution covers it all
    return None


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses cut at ";", dashes and ", while"/", but"; a short part between two dashes stays inside."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
    spans, start = [], 0
    for s, e in cuts:
        spans.append((start, s))
        start = e
    spans.append((start, len(text)))
    joined: list[tuple[int, int]] = []
    for span in spans:
        part = text[span[0]:span[1]]
        if joined and not _has_verb(part) and text[joined[-1][1]:span[0]].strip() in ("—", "–", "―", "-", "--"):
            joined[-1] = (joined[-1][0], span[1])  # "stunned at the amount — more than $284 billion"
        else:
            joined.append(span)
    spans = joined
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        if i + 2 < len(spans) and len(text[spans[i + 1][0]:spans[i + 1][1]].split()) <= 8 \
                and "-" in text[spans[i][1]:spans[i + 1][0]] + text[spans[i + 1][1]:spans[i + 2][0]]:
            merged.append((spans[i][0], spans[i + 2][1]))  # "police said the crowds - about 5,000 - were removed"
            i += 3
        else:
            merged.append(spans[i])
            i += 1
    return [s for s in merged if s[1] > s[0]] or [(0, len(text))]


# --- one construction ---------------------------------------------------------------------------

def _verb_claim(masked: str, m: re.Match) -> Claim | None:
    verb = m.group(1)
    before = masked[:m.start()]
    if verb in ("put", "puts") and not _PUT.match(masked, m.end()):
        return None
    if re.search(r"\b(?:a|an|the|this|that|his|her|its|their|our)\s*$", before, re.IGNORECASE):
        return None  # a noun or an adjective: "a report", "his estimate", "an estimated 10,000"
    if verb == "estimated" and re.match(r"\s+(?:\$|£|€)?\d", masked[m.end():]):
        return None  # "estimated 10,000 people"
    if before.rstrip().endswith((",", "”", "\"", "’", "'")) and verb in INVERTIBLE:
        subject = _subject(masked, m)
        if subject is not None and subject.role:
            return subject  # "Ajmal Jan, a local shopkeeper, said the blast ...": the apposition chain speaks
        return _inverted(masked, m) or subject
    if verb == "citing":
        return _gerund(masked, m) if re.match(r"\s+[\"“'‘]", masked[m.end():]) else None
    if verb in ("cited", "quoted"):
        return _cited(masked, m)
    if verb == "called" and not re.match(r"[^.;:!?]{0,80}?\s[\"“'‘]", masked[m.end():]):
        return None  # "called the technology a "desirable fact of life"" speaks; "called for an end" does not
    if verb in GERUNDS:
        return _gerund(masked, m)
    return _subject(masked, m)


def _inverted(masked: str, m: re.Match) -> Claim | None:
    """'..., said Ahmad Edrees, a resident from ...' / '," tweeted a resident activist there.'"""
    after = masked[m.end():]
    np = re.match(r"\s+((?:[A-Z]|a |an |the |another |one |several )[^,.;:!?()—–]*)", after)
    if not np or re.match(r"\s+(?:that|it|he|she|they|we|I|this|there)\b", after):
        return None
    end = m.end() + np.end()
    name = _strip_tail(np.group(1))
    name = re.split(r"\s(?:in|on|during|at|after|before|when|while|via)\s", name)[0].strip()
    if not name or len(name.split()) > 8 or not _is_noun_phrase(name) or re.search(r"\b(?:had|has|have|was|were|is|are)\b", np.group(1)):
        return None  # "X, said the force of the blast had blown ...": not a speaker after the verb
    role = None
    rest = re.match(r",\s+([^,.;:!?]+?)(?:[,.;:!?]|$)", masked[end:])
    if rest and re.match(r"(?:a|an|the|who|whose|its|his|her)\b|[a-z]", rest.group(1)):
        role = rest.group(1).strip()
        end += rest.end()
    return Claim(m.start(), end, name, masked[m.start():end].strip().rstrip(",."), role)


def _cited(masked: str, m: re.Match) -> Claim | None:
    """"Reuters cited the Amaq website": the one cited is the source, the one citing relays it."""
    obj = re.match(r"\s+((?:the\s+)?[A-Z][^,.;:!?()—–]*?)(?=\s+as\s+saying|[,.;:!?()—–]|$)", masked[m.end():])
    if not obj or re.search(r"\bby\s*$", masked[:m.start()]):
        return None
    name = obj.group(1).strip()
    end = m.end() + obj.end()
    role = re.match(r",\s+((?:an?|the)\s[^,.;:!?]+|[\w-]+-affiliated[^,.;:!?]*)", masked[end:])
    if role:
        end += role.end()
    return Claim(m.start(), end, name, masked[_subject_start(masked, m.start()):end].strip(), role.group(1) if role else None)


def _subject_start(masked: str, position: int) -> int:
    start = 0
    for b in _SUBJECT_BOUNDARY.finditer(masked[:position]):
        start = b.end()
    return start


def _gerund(masked: str, m: re.Match) -> Claim | None:
    """"Bassem called the indictment a "political trial" saying ...": the sentence's subject speaks;
    "a spectator can be heard saying": the one heard."""
    heard = re.search(r"((?:[Aa]n?|[Tt]he|[Oo]ne)\s+[\w\s-]{2,40}?)\s+(?:can|could)\s+be\s+(?:heard|seen)\s+$", masked[:m.start()])
    if heard:
        return Claim(heard.start(1), m.end(), heard.group(1).strip(), masked[heard.start(1):m.end()])
    return _sentence_subject(masked, m.start(), m.end(), m.group(1))


def _sentence_subject(masked: str, before: int, end: int, verb: str) -> Claim | None:
    """The noun phrase that opens the sentence, before its first verb: "The singer posted ...", "Bassem called ..."."""
    subject = _OPENING_SUBJECT.match(masked[:before])
    if not subject:
        return None
    name = subject.group(1).strip(" ,")
    if not name or name.split()[0].lower() in _PREPOSITION_START or not _is_noun_phrase(name):
        return None
    return Claim(subject.start(1), end, name, f"{name} … {verb}")


def _subject(masked: str, m: re.Match) -> Claim | None:
    """"X said", "X, a member of Y, told CNN", "the group said", "police announced Thursday"."""
    before = _PARENTHESES.sub(lambda p: " " * len(p.group(0)), masked[:m.start()])
    if re.search(r"\b(?:but|and)\s+$", before):
        return None  # "have said X, but warned Y": the subject is elided (`find_claims` resolves it)
    strong = 0
    for b in _STRONG_BOUNDARY.finditer(before):
        strong = b.end()
    segments = _segments(before, strong)
    chain = len(segments) > 1 and _apposition_chain(segments)
    clause_start = strong
    if not chain:
        for b in _SUBJECT_BOUNDARY.finditer(before, strong):
            clause_start = b.end()
        segments = _segments(before, clause_start)
    if not segments:
        return None
    relative = bool(re.search(r"\s(?:which|who|whom)\s$", before[:clause_start]))
    last = _strip_tail(segments[-1])
    name, role = last, None
    if chain:
        name, role = _strip_tail(segments[0]), ", ".join(seg.strip() for seg in segments[1:]) or None
    elif len(segments) > 1 and is_proper_name(last) and re.match(r"(?:her|his|their|its|the)\s", segments[-2].strip(), re.I) \
            and len(segments[-2].split()) <= 4 and not _has_verb(segments[-2]):
        name, role = last, segments[-2].strip()  # "Her lawyer, Gaby Lasky, said"
    elif not last and _looks_like_subject(segments[0]):
        name = _strip_tail(segments[0])  # "Barclays, Credit Suisse and UBS, plus Shell, have indicated"
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip(" '\"“”‘’")
    if not name or not _is_noun_phrase(name):
        return None
    first = segments[0] if role or not last else segments[-1]
    start = max(before.find(first.strip(), clause_start) if role or not last else before.rfind(last), 0)
    subject_end = start + len(first.strip())
    end = m.end()
    recipient = re.match(r"\s+((?:[A-Z][\w.&'’-]*\s?){1,5}|the\s+(?:[A-Z][\w.&'’-]*\s?){1,5}|the paper|reporters|local media)", masked[end:])
    if m.group(1) in ("told", "tells", "tell") and recipient:
        end += recipient.end()
    elif m.group(1) in ("put", "puts"):
        end = _PUT.match(masked, end).end()
    return Claim(start, end, name, masked[start:end].strip().rstrip(".,"), role, relative=relative, subject_end=subject_end)


def _segments(before: str, start: int) -> list[str]:
    """Comma-separated parts before a verb; an age ("Mr Durov, 33, added") is left out."""
    return [seg for seg in re.split(r",\s+", before[start:]) if seg.strip() and not re.fullmatch(r"\s*\d{1,3}\s*", seg)]


def _apposition_chain(segments: list[str]) -> bool:
    """"Ismail Abdallah, a member of the Syrian Civil Defence, also called the White Helmets," before a verb."""
    head = segments[0].strip()
    if not (is_proper_name(head) or re.match(r"(?:the|The)\s+\w+(?:\s+\w+)?$", head)) \
            or head.split()[0].lower() in _PREPOSITION_START:
        return False
    if not all(_looks_like_apposition(seg) for seg in segments[1:]):
        return False
    return any(_APPOSITION_START.match(seg.strip()) for seg in segments[1:])


def _has_verb(text: str) -> bool:
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", text)}
    return bool(words & (_AUXILIARIES | set(VERBS))) or any(w.endswith("ed") for w in words)


def _looks_like_subject(segment: str) -> bool:
    words = segment.strip().split()
    if not words or len(words) > 7 or words[0].lower() in _PREPOSITION_START or any(c.isdigit() for c in segment):
        return False
    if any(w.lower() in _AUXILIARIES for w in words):
        return False
    capitals = sum(w[:1].isupper() for w in words)
    return capitals >= max(1, len(words) // 2) or words[0].lower() in ("the", "a", "an", "her", "his", "their", "its")


def _looks_like_apposition(segment: str) -> bool:
    words = segment.strip().split()
    if not words or len(words) > 14:
        return False
    if words[0].lower() in ("who", "whose", "which"):
        return True
    if any(w.endswith("ed") and w.islower() and w not in ("called", "named", "based", "known", "self-styled")
           for w in words[:2]):
        return False  # "also perished in the crash": a clause, not a description
    return not any(w.lower() in _AUXILIARIES and not (i and w[:1].isupper()) for i, w in enumerate(words))  # "Theresa May"


def is_proper_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w in ("al", "bin", "de", "van", "von") or w.startswith("al-")
                                         for w in words) and not any(c.isdigit() for c in text)


def is_speaker(name: str) -> bool:
    """Whether a quote's attributed name can be someone: "Elon Musk", "the agency", "officials"; not a
    clause read as a subject ("As with pretty much all timetables"), a lone adverb, ordinal or
    first-person pronoun ("mysteriously", "second", "another", "I"), a possessive ("his"), a day or
    a number, or a clause cut mid-way (ending in "to" or "often", opening with a day or "That's")."""
    words = name.split()
    if not words or not _is_noun_phrase(name):
        return False
    if words[0].lower() in _PREPOSITION_START and not (words[0].lower() in ("earlier", "later") and len(words) > 1
                                                        and words[1].endswith("s")):  # "Earlier reports"
        return False
    if re.fullmatch(r"[\d.,]+", words[0]) or re.search(r",\s*[\d.]+\b", name):  # "24 seconds", "Elon Musk, 38"
        return False  # ("Channel 4", "Formula 1" are names)
    if len(words) == 1 and words[0].strip(",.").lower() in _NOT_SPEAKERS:
        return False
    if _FRAGMENT_START.match(name) or re.fullmatch(r"[A-Z]\.?", words[-1]):
        return False  # "I’ll", "He went on to", "Last night one user", "Christopher R" (a name cut at "R.")
    if len(words) > 1 and (words[-1].lower() in _ROLE_ENDS or words[-1] in ("often", "also", "again")
                           or words[0].lower() in _WEEKDAYS):
        return False  # a clause cut mid-way: "That's an incendiary thing to", "Indian Ocean archipelago often", "Monday that she"
    if len(words) == 1 and name.islower():  # one common word: a person or group noun ("police", "officials")
        return (name in PERSON_NOUNS or name in GROUP_NOUNS or name in _SOURCE_NOUNS
                or (name.endswith("s") and not name.endswith("ly")))
    return True


def speaker_part(name: str) -> str | None:
    """The name, or the noun phrase it starts with when a clause ran on after it ("data source
    CoinMarketCap and is the biggest loser" -> "data source CoinMarketCap"); None when neither can
    be someone (`is_speaker`)."""
    if is_speaker(name):
        return name
    words = name.split()
    cut = next((i for i, w in enumerate(words) if i and (w.lower() in _AUXILIARIES or w.lower() in ("and", "who", "which", "that"))), None)
    if cut is not None and is_speaker(" ".join(words[:cut])):
        return " ".join(words[:cut])
    return None


_FRAGMENT_START = re.compile(  # "I’ll", "He went on to", "Last night one user", "Earlier today cops"
    r"(?i:i|we|you|he|she|they|it|that|this|there)(?:['’]\w+)?(?:$|\s+[a-z])"
    r"|(?i:last|this|earlier|later|yesterday)\s+(?i:night|morning|week|month|year|today|evening|afternoon)\b")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NOT_SPEAKERS = frozenset("""i we you me us another other first second third last one next previous
    today yesterday tonight his her its their""".split()) | _WEEKDAYS
_SOURCE_NOUNS = frozenset("post tweet statement report video website site blog account airline carrier police".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. mx mx.".split())


_ROLE_ENDS = frozenset("""the a an of with to for from that about and or in on at by as who which than
    his her their its""".split())
_WEEKDAY_LIKE = re.compile(r"\b(?:m[o]?n|tue?s?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day\b", re.IGNORECASE)


def without_honorifics(role: str | None) -> str | None:
    """A role without the parts that are no role: a lone "Mr."/"Dr." ("Mr." is how the text named
    them, not what they are), a part with no letter (a list's bullet "•"), and a clause cut
    mid-way, read on the review set: one ending in a function word ("Assistant Chief Constable
    of the", "Saturday about negotiating with the"), or holding a day ("Mnday that her
    relationship with") or a number ("one user called 80")."""
    if not role:
        return role
    parts = [p.strip() for p in role.split(",")]
    kept = [p for p in parts if p and p.lower() not in HONORIFICS and any(ch.isalpha() for ch in p)  # not a "•"
            and p.split()[-1].lower() not in _ROLE_ENDS and not _WEEKDAY_LIKE.search(p) and not re.search(r"\d", p)]
    return ", ".join(kept) or None


def _is_noun_phrase(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 14:
        return False
    if words[0].lower() in ("which", "who", "that", "what", "there", "this", "these", "those", "no", "nothing", "none"):
        return False
    return not any(w.lower() in _AUXILIARIES and not (i and w[:1].isupper()) for i, w in enumerate(words))  # "Theresa May"


def _strip_tail(text: str) -> str:
    words = text.strip().split()
    while words and (words[-1].lower() in _TRAILING_ADVERBS or (words[-1].endswith("ly") and words[-1].islower()
                                                                  and len(words) > 1)):
        words.pop()
    if len(words) > 1 and words[0].lower() in _PREPOSITION_START and words[-1].lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
        words = words[-1:]  # "In the video he says": he
    while words and words[0].lower() in ("and", "but", "while", "so"):
        words.pop(0)
    return " ".join(words).strip(" ,")


def _np_end(text: str, start: int) -> int:
    m = _NP_END.search(text, start)
    return m.start() if m else len(text.rstrip())


def _without_report_head(name: str) -> str:
    """"a statement from a rabbi in Scarsdale" -> "a rabbi in Scarsdale"; "the company's site" -> "the company"."""
    inner = re.match(r"(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|release|post|filing|note)\s+(?:from|by|of|on)\s+(.+)", name)
    if inner:
        return inner.group(1)
    return _POSSESSIVE_HEAD.sub("", name) or name


# --- names --------------------------------------------------------------------------------------

def clean_name(name: str) -> str:
    """Without a leading article or quantifier: "the group" -> "group", "several civilians" -> "civilians"."""
    low = name.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            return name[len(det):].strip()
    return name.strip()
