"""Direct quotations: where they are in an article's text, and which words are quoted speech.

Quotation marks are paired per paragraph: curly and straight double quotes, and single quotes
(Daily Mail style) where they cannot be apostrophes. A paragraph that opens a quote without
closing it continues into the next paragraph when that one opens with a quote mark (the news
convention for long quotations). Quotes of fewer than `MIN_WORDS` words are scare quotes or
names ("human corridors", "White Helmets"), not speech.

`mask_quotes` blanks the quoted words out of the text (same length), so that words inside a
quotation never count as attribution for anything outside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 3
OPENING_DOUBLE = "“„«"
CLOSING_DOUBLE = "”»"
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\s'])(?P<inner>.+?)(?<=[^\s])['’]{1,2}(?=$|[\s,.;:!?)\]—–-])")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in an article: `start`/`end` enclose the quoted words, marks excluded."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset just after the closing mark (or the paragraph end)
    continues: bool = False  # the quote runs on from an earlier paragraph's opening


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """The quotations of an article's text (of at least MIN_WORDS words), in order."""
    spans: list[QuoteSpan] = []
    lines = _lines(text)
    pending: tuple[int, int] | None = None  # (open mark, start) of a quote left open at a paragraph end
    for k, (offset, line) in enumerate(lines):
        next_opens = k + 1 < len(lines) and lines[k + 1][1].lstrip()[:1] in OPENING_DOUBLE + '"'
        line_end = offset + len(line.rstrip())
        position = 0
        doubles: list[QuoteSpan] = []
        if pending is not None:
            position = len(line) - len(line.lstrip()) + 1  # past the re-opening mark
            close = _closing(line, position)
            if close is None:
                if not next_opens:
                    doubles.append(QuoteSpan(pending[1], line_end, pending[0], line_end, continues=True))
                    pending = None
                spans.extend(doubles)
                continue
            doubles.append(QuoteSpan(pending[1], offset + close, pending[0], offset + close + 1, continues=True))
            pending, position = None, close + 1
        pairs, left_open = _double_quotes(line, position)
        doubles.extend(QuoteSpan(offset + s + 1, offset + e, offset + s, offset + e + 1) for s, e in pairs)
        if left_open is not None:
            if next_opens:
                pending = (offset + left_open, offset + left_open + 1)
            else:
                doubles.append(QuoteSpan(offset + left_open + 1, line_end, offset + left_open, line_end))
        spans.extend(doubles)
        spans.extend(q for q in _single_quotes(line, offset)
                     if not any(d.open_mark <= q.start < d.close_mark for d in doubles))
    return [s for s in sorted(spans, key=lambda q: q.start)
            if len(text[s.start:s.end].split()) >= MIN_WORDS and not _is_title(text[s.start:s.end])]


def _is_title(words: str) -> bool:
    """"News with Ed", "Back to the Future": a name or a title in quotation marks, not speech."""
    words = words.strip().rstrip(",")
    parts = words.split()
    small = {"a", "an", "the", "of", "with", "and", "or", "in", "on", "to", "for", "at", "by", "from"}
    return len(parts) <= 6 and words[-1:].isalnum() and parts[0][:1].isupper() \
        and all(p[:1].isupper() or p in small for p in parts)


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """`text` with every quotation's words replaced by spaces (offsets unchanged)."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def quote_text(text: str, span: QuoteSpan) -> str:
    """The quoted words on one line: paragraph breaks and the next paragraph's opening mark dropped."""
    inner = text[span.start:span.end]
    parts = [p.strip().lstrip(OPENING_DOUBLE + '"') for p in inner.split("\n") if p.strip()]
    return " ".join(p.strip() for p in parts).rstrip(",")


def _lines(text: str) -> list[tuple[int, str]]:
    lines, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
    return lines


def _double_quotes(line: str, position: int) -> tuple[list[tuple[int, int]], int | None]:
    """Paired double quote marks of a line from `position`: [(open, close)], and an opening left unclosed."""
    pairs = []
    open_at: int | None = None
    for i in range(position, len(line)):
        ch = line[i]
        if open_at is None:
            if ch in OPENING_DOUBLE or (ch in '"”' and _opens(line, i) and line[i + 1:i + 2].strip()):
                open_at = i  # a closing mark after a space and before a word opens a quote (a typo'd “)
        elif ch in CLOSING_DOUBLE or ch == '"':
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _closing(line: str, position: int) -> int | None:
    for i in range(position, len(line)):
        if line[i] in CLOSING_DOUBLE or line[i] == '"':
            return i
    return None


def _opens(line: str, i: int) -> bool:
    """A straight double quote opens when it follows a space, an opening bracket or the line start."""
    return i == 0 or line[i - 1] in " \t([{—–-:"


def _single_quotes(line: str, offset: int) -> list[QuoteSpan]:
    spans = []
    for m in _SINGLE.finditer(line):
        inner = m.group("inner")
        if "'" in inner.replace("'s", "").replace("n't", "") and len(inner.split()) < MIN_WORDS:
            continue
        start = offset + m.start("inner")
        spans.append(QuoteSpan(start, start + len(inner), offset + m.start(), offset + m.end()))
    return spans
