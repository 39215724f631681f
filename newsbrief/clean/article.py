"""Clean one article: drop debris lines, keep body paragraphs and the headline.

Stages, each removal recorded as a `RemovedLine` with its reason:

1. split the text into logical lines (hard-wrapped continuation lines are joined back);
2. drop lines `debris_reason` flags, lines with no letters or digits ("no text");
3. trim debris sentences off the ends of a kept line ("... he said. Advertisement");
4. drop a line equal, up to case/space/punctuation, to an earlier kept one ("repeated line"):
   captions are often printed two or three times;
5. when the article has no title, take the first headline-like line among the first few.

The output keeps one paragraph per line, joined by blank lines, so cleaning twice is a no-op.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from newsbrief.clean.boilerplate import debris_reason, normalise, rule_reason
from newsbrief.model import Article, RemovedLine

HEADLINE_MAX_WORDS = 20
HEADLINE_WINDOW = 3  # the title is looked for among this many first kept lines

_KEY = re.compile(r"[\W_]+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'\u201d\u2019)\]])\s+")
_LEADING_WIDGET = re.compile(r"^(?:advertisement|advertisement continue reading the main story)\s+(?=\S)", re.IGNORECASE)
_TRAILING_WIDGET = re.compile(r"(?<=[.!?\"'\u201d\u2019])\s+(?:advertisement|read more|continue reading)\s*$", re.IGNORECASE)
_OPEN_END = re.compile(r"[^.!?:;\"'\u201d\u2019)]$")
_HEADLINE_END = re.compile(r"[.,;:]$")
_QUOTES = ('"', "'", "\u201c", "\u2018", "\u00ab", "(")


def clean_article(article: Article) -> Article:
    """The article with debris removed and `removed` filled (idempotent: a cleaned text is
    returned as it is).

    What `removed` already holds is kept, first: the note reading left about invalid characters,
    or, on a cleaned article, what the first cleaning removed.
    """
    lines = list(_logical_lines(article.text))
    counts = Counter(_key(text) for _, text in lines)
    kept: list[str] = []
    removed = list(article.removed)  # reading's note on invalid characters; or the first cleaning's removals
    seen: set[str] = set()
    for line_no, text in lines:
        text, reason, trimmed = _clean_line(text)
        removed.extend(RemovedLine(line_no, part, why) for part, why in trimmed)
        if reason:
            removed.append(RemovedLine(line_no, text, reason))
            continue
        key = _key(text)
        if key in seen:
            removed.append(RemovedLine(line_no, text, "repeated line"))
            continue
        seen.add(key)
        kept.append(text)
    title = article.title or _headline(kept, counts)
    return replace(article, text="\n\n".join(kept), title=title, removed=tuple(removed))


def _logical_lines(text: str):
    """(first raw line number, whitespace-collapsed line), rejoining hard-wrapped paragraphs."""
    start, parts = 0, []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = " ".join(raw.split())
        if parts and line and _OPEN_END.search(parts[-1]) and line[0].islower():
            parts.append(line)
            continue
        if parts:
            yield start, " ".join(parts)
        start, parts = number, [line] if line else []
    if parts:
        yield start, " ".join(parts)


def _clean_line(text: str) -> tuple[str, str | None, list[tuple[str, str]]]:
    """The line after trimming debris off its ends, why it is debris as a whole (or None), and the trimmed parts."""
    if not any(c.isalnum() for c in text):
        return text, "no text", []
    reason = debris_reason(text)
    if reason:
        return text, reason, []
    trimmed: list[tuple[str, str]] = []
    text = _trim_widgets(text, trimmed)
    sentences = _SENTENCE_BREAK.split(text)
    while len(sentences) > 1 and (why := rule_reason(normalise(sentences[-1]))):
        trimmed.insert(0, (sentences.pop(), why))
    while len(sentences) > 1 and (why := rule_reason(normalise(sentences[0]))):
        trimmed.append((sentences.pop(0), why))
    if trimmed:
        text = " ".join(sentences)
        reason = debris_reason(text)
    return text, reason, trimmed


def _trim_widgets(text: str, trimmed: list[tuple[str, str]]) -> str:
    for pattern in (_LEADING_WIDGET, _TRAILING_WIDGET):
        match = pattern.search(text)
        if match and match.end() - match.start() < len(text):
            trimmed.append((match.group().strip(), debris_reason(match.group()) or "advertisement"))
            text = (text[:match.start()] + text[match.end():]).strip()
    return text


def _headline(kept: list[str], counts: Counter) -> str | None:
    """The first short, unpunctuated, non-repeated line near the top: a headline, not a caption."""
    for text in kept[:HEADLINE_WINDOW]:
        words = text.count(" ") + 1
        if (
            2 <= words <= HEADLINE_MAX_WORDS
            and not _HEADLINE_END.search(text)
            and not text.startswith(_QUOTES)
            and counts[_key(text)] == 1
        ):
            return text
    return None


def _key(text: str) -> str:
    return _KEY.sub("", text.lower())
