"""Is this line web debris (ads, promos, credits, widgets) rather than article body?

`debris_reason` decides in stages, cheapest first, and names the stage that fired so every
removal can be explained:

1. whole-line widget words ("Advertisement", "Read more") and named START/ANYWHERE rules;
2. shape rules: phone-number footers, "a | b | c" navigation, "Name/Agency" credits,
   short imperative lines ending in "!" (promos);
3. a caption paragraph that ends in a photo credit ("photo caption");
4. long lines (one-line documents) are split into sentences and count as debris only when
   most of their text is;
5. the learned scorer (hashed word n-grams, see `learned.py`) for what no rule names.

Everything matches the lowercased line, so capitalised pages and lowercased corpora both work.
"""

from __future__ import annotations

import re

from newsbrief.clean import learned
from newsbrief.clean.rules import compile_rules

_WHOLE, _START, _START_REASONS, _ANYWHERE = compile_rules()
_ANYWHERE_WORDS = frozenset(_ANYWHERE) - {""}
_WHOLE_MAX_WORDS = 6
_LONG_LINE_WORDS = 40  # longer lines are judged sentence by sentence
_CAPTION_MIN_WORDS = 12
_CAPTION_MAX_WORDS = 120
_GLUED_WORDS = 40  # a longer "sentence" is debris glued to body text (no line breaks, no full stop) ...
_LOCAL_REASONS = frozenset({  # ... and these rules only speak for the words they matched, not for the body around them
    "photo credit", "photo caption", "advertisement", "browser notice", "cross-link", "tweet embed",
    "promo", "share prompt", "archive notice", "byline",
})
_LOCAL_CHARS = 100  # the most text such a rule can vouch for inside a longer sentence

_TRANSLATE = str.maketrans({
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\ufeff": "",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
})
_NON_WORD = re.compile(r"[^\w]+")
_WORD = re.compile(r"[a-z0-9]+")
_QUOTES = ('"', "'", "\u201c", "\u2018", "\u00ab")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
_TWO_NUMBERS = re.compile(r"\d[\d ().-]{7,}\d\D{1,12}\d[\d ().-]{7,}\d")
_NAV_SEPARATORS = (" | ", " \u2022 ", " \u00b7 ", " / ")
_SLASH_CREDIT = re.compile(r"^[a-z][a-z .'-]{1,40}/[a-z][a-z .'&-]{1,40}(?:/[a-z][a-z .'&-]{1,40})?$")
_PROMO_BANG = re.compile(
    r"^(?:come|join|get|grab|enter|vote|register|download|watch|listen|stream|shop|buy|win|tune|check out"
    r"|don't miss|save|call|visit|try|subscribe|sign up|like|follow|share|find out|see|learn|discover|book)\b.*!$"
)
_CREDIT_TAIL = re.compile(
    r"(?:\(photo credit should read[^)]*\)|\((?:ap|afp|reuters|epa|getty)\s?(?:photo|images?)[^)]*\)"
    r"|\(\s*(?:photo|image|picture|credit)s?\s*(?:credit)?\s*(?::|by)[^)]*\)|\(\s*[^()]{0,60}getty images\)"
    r"|\u00a9\s*[^()]{1,60}\((?:ap|afp|reuters|epa|getty)[^)]*\))"
    r"\s*\.?$"
)
_GALLERY_MARKER = re.compile(r"\b(?:(?:hide|show|toggle) caption|images?|photos?) \d+ of \d+\b|\bplay slideshow\b|^\d{1,3}/\d{1,3} \w")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A caption, credit or widget glued into the text: what a picture or another page shows, not the story.
_CREDIT_OPENING = re.compile(r"^(?:AFP|Getty Images|Reuters|EPA|AP|CLOSE)\s+[A-Z]")  # "AFP Police made …", a player's "CLOSE"
_GLUED = re.compile(
    r"\bin this (?:undated |file |handout |\w+ \d{1,2}, \d{4},? )?(?:photo|image|picture|handout)\b"
    r"|\b(?:photo|image|picture)s? (?:released|provided|made available|taken|distributed|obtained) by\b"
    rf"|\bthis (?:{_MONTH} \d{{1,2}}, \d{{4}},? )?(?:file )?(?:photo|image|picture)\b"
    r"|^pictured(?: here)?(?: is| are|:)|\bphotographed (?:in|on|at|during) \d{4}\b"
    r"|\((?:[a-z][\w.'-]*\s){1,3}/\s?[a-z][\w .'&-]{2,40}\)"  # (rick loomis / los angeles times)
    r"|\s(?:getty(?: images)?|afp|epa)\s*\.?$"
    rf"|\b(?:mon|tue|wed|thu|fri|sat|sun), {_MONTH} \d{{1,2}}, \d{{4}}\b"  # a widget's date header
    r"|\bposted by [^.]{1,80} on (?:mon|tues|wednes|thurs|fri|satur|sun)day, \d{1,2} \w+ \d{4}\b"  # an embedded post
    r"|\bskip (?:twitter|instagram|facebook|youtube|tiktok) post\b|\boriginally appeared on\b"
    r"|^do you have a story for\b"
)
_SHOUTED_HEADING = re.compile(r"(?:\b[A-Z][A-Z'’-]+\b[?!:]?\s+){2,}\b[A-Z][A-Z'’-]+\b")  # "WHO IS MAX VERSTAPPEN?"
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_CREDIT_WORDS = ("getty images", "shutterstock", "istock", "ap photo", "afp photo", "reuters/", "/reuters", "/ap", "/afp")


def normalise(line: str) -> str:
    """Lowercase, plain quotes and spaces, whitespace collapsed: the form every rule matches."""
    if not line.isascii():
        line = line.translate(_TRANSLATE)
    return " ".join(line.lower().split())


def debris_reason(line: str) -> str | None:
    """Why this line (or sentence) is debris, e.g. "advertisement"; None for article body."""
    return _reason_of_normalised(normalise(line))


def _reason_of_normalised(low: str) -> str | None:
    if not low:
        return None
    words = low.count(" ") + 1
    if words > _LONG_LINE_WORDS:
        return _long_line_reason(low, words)
    return _short_line_reason(low, words)


def is_debris(line: str) -> bool:
    return debris_reason(line) is not None


def is_gallery_caption(sentence: str) -> bool:
    """A slideshow caption ("Hide Caption 22 of 25 Photos: …"), often glued to body text.

    The captions stay in the article (they carry facts: "killing at least 84 people and leaving
    around 202 injured"), but none of them reads as a sentence of a brief.
    """
    return _GALLERY_MARKER.search(normalise(sentence)) is not None


def is_glued_furniture(sentence: str) -> bool:
    """A caption, a credit or a widget's text glued into the article's text: "… in this undated
    photo released by KCNA", "This Dec. 28, 2017 photo … shows", "(Rick Loomis / Los Angeles
    Times)", "Posted by … on Sunday, 31 December 2017", "Skip Twitter post by …", a sidebar's
    shouted heading ("WHO IS MAX VERSTAPPEN? - …"). Read on the review set, such sentences
    describe a picture or another story, often of another day or event."""
    return _is_glued(sentence, normalise(sentence))


def _is_glued(sentence: str, low: str) -> bool:
    return _GLUED.search(low) is not None or _CREDIT_OPENING.match(sentence) is not None or _shouted_heading(sentence)


def _shouted_heading(sentence: str) -> bool:
    """Three or more words in capitals in a row (not a quotation): a sidebar's or gallery's heading."""
    for match in _SHOUTED_HEADING.finditer(sentence):
        words = re.findall(r"[A-Z][A-Z'’-]+", match.group(0))
        if len(words) >= 3 and max(map(len, words)) >= 4 and not _inside_quotes(sentence, match.start()):
            return True
    return False


def _inside_quotes(text: str, at: int) -> bool:
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def is_page_furniture(sentence: str) -> bool:
    """A sentence that is no part of the story: a slideshow caption glued to the text ("Hide
    Caption 5 of 25 Photos: …"), or what the debris rules call widget text, a credit or a prompt.
    No brief sentence and no fact comes from one (read on the review set: their figures, quotes
    and dates were debris or about other events)."""
    low = normalise(sentence)  # once: every sentence of every Document passes here
    return _GALLERY_MARKER.search(low) is not None or _is_glued(sentence, low) or _reason_of_normalised(low) is not None


def rule_reason(low: str) -> str | None:
    """The named rule (no learned score) that flags a normalised, not-too-long line."""
    words = low.count(" ") + 1
    if words <= _WHOLE_MAX_WORDS and not low.startswith(_QUOTES):
        reason = _WHOLE.get(" ".join(_NON_WORD.sub(" ", low).split()))
        if reason:
            return reason
    reason = _rule_reason(low)
    if reason:
        return _caption_or(reason, low, words)
    return _shape_reason(low, words)


def split_sentences(low: str) -> list[str]:
    """Loose sentence split, good enough to find debris sentences inside long lines."""
    return [s for s in _SENTENCE_SPLIT.split(low) if s]


def _short_line_reason(low: str, words: int) -> str | None:
    reason = rule_reason(low)
    if reason:
        return reason
    score = learned.debris_score(low)
    if score is not None and score >= learned.THRESHOLD:
        return f"learned: debris score {score:.2f}"
    return None


def _rule_reason(low: str) -> str | None:
    match = _START.match(low)
    if match:
        return _START_REASONS[int(match.lastgroup[1:])]
    best = None
    for word in [*_ANYWHERE_WORDS.intersection(_WORD.findall(low)), ""]:
        for check in _ANYWHERE.get(word, ()):
            order, literal, pattern, _ = check
            if (best is None or order < best[0]) and literal in low and (pattern is None or pattern.search(low)):
                best = check
    return best[3] if best else None


def _caption_or(reason: str, low: str, words: int) -> str:
    """A photo credit closing a longer line makes the whole line a caption."""
    if reason == "photo credit" and words >= _CAPTION_MIN_WORDS:
        return "photo caption"
    return reason


def _shape_reason(low: str, words: int) -> str | None:
    if words <= 30 and _TWO_NUMBERS.search(low) and _count_phones(low) >= 2:
        return "contact footer"
    if words <= 40 and sum(map(low.count, _NAV_SEPARATORS)) >= 3 and not low.endswith("."):
        return "navigation"
    if words <= 8 and (_SLASH_CREDIT.match(low) or any(w in low for w in _CREDIT_WORDS)):
        return "photo credit"
    if words <= 25 and low.endswith("!") and _PROMO_BANG.match(low):
        return "promo"
    return None


def _count_phones(low: str) -> int:
    return sum(1 for number in _PHONE.findall(low) if sum(c.isdigit() for c in number) >= 9)


def _long_line_reason(low: str, words: int) -> str | None:
    """A caption ending in a credit, else debris only if most of its text is debris."""
    if words <= _CAPTION_MAX_WORDS and _CREDIT_TAIL.search(low, max(0, len(low) - 200)):
        return "photo caption"
    debris_chars: dict[str, int] = {}
    half, body = len(low) / 2, 0
    for sentence in split_sentences(low):
        n = sentence.count(" ") + 1
        reason = _long_sentence_reason(sentence, n) if n > _LONG_LINE_WORDS else _short_line_reason(sentence, n)
        if reason and not (n > _GLUED_WORDS and reason in _LOCAL_REASONS):
            key = "learned debris" if reason.startswith("learned") else reason
            weight = min(len(sentence), _LOCAL_CHARS) if reason in _LOCAL_REASONS else len(sentence)
            debris_chars[key] = debris_chars.get(key, 0) + weight
            body += len(sentence) - weight
        else:
            body += len(sentence)
        if body > half:  # most of the line is already body: stop early
            return None
    if sum(debris_chars.values()) >= half:
        return max(debris_chars, key=debris_chars.get)
    return None


def _long_sentence_reason(sentence: str, words: int) -> str | None:
    """An unsplittable run of text: only phrases that are debris anywhere count."""
    return _rule_reason(sentence)
