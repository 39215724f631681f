"""Sentence splitting for news text: quotes, abbreviations, datelines, headings.

A rule-based splitter (no model): it is fast, predictable and good on news prose.
1. Lines are never joined: a line break always ends a sentence (scraped text puts
   paragraphs, headlines and captions on lines of their own).
2. Inside a line, a sentence ends at `.`, `!` or `?` (plus any closing quotes or
   brackets) followed by whitespace and a plausible sentence start — unless the
   word before is a known abbreviation or a single initial.
3. Quote marks that stand alone between spaces (` " `, common in tokenised corpora)
   are assigned to the sentence they close or open by counting open quotes.
4. A dateline ("ALEPPO —", "WASHINGTON (AP) —") is kept out of the sentence text.
"""

from __future__ import annotations

import re

from newsbrief.model import Article, Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres
    inc co corp ltd llc bros dept univ assn est approx fig vs v no nos vol pp ft mt ave blvd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u d.c a.m p.m e.g i.e etc al ph.d b.a m.a n.y l.a""".split()
)
# Abbreviations that often end a sentence: split after them when a capitalised word follows.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "a.m", "p.m", "inc", "co", "corp", "ltd", "llc", "jr", "sr"})

OPENING = "\"'“‘(["
CLOSING = "\"'”’)]"

# End punctuation, then closers glued to it, then the whitespace where we may cut.
_END = re.compile(r"""[.!?…]+["”’')\]]*(?=\s+)""")
# What may start the next sentence: a capital or digit, or an opening quote/bracket before one;
# after an opening quote a lower-case word too (tokenised corpora lowercase quoted speech).
_NEXT_START = re.compile(r"""\s+(?:[A-Z0-9À-Ý]|["“‘(\[]\s?[A-Za-z0-9])""")
_STANDALONE_QUOTE = re.compile(r'\s+"(?=\s|$)')
_STARTERS = frozenset("the he she it they we i but in a an this that his her their its there".split())
_WORD_BEFORE = re.compile(r"""([A-Za-z][A-Za-z.]*)\.$""")
_DATELINE = re.compile(
    r"""^(?:
        [A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,3}          # ALEPPO, Syria / NEW YORK
        (?:\s*\([A-Za-z. ]{2,20}\))?                                 # (CNN) / (AP)
      | [A-Za-z][A-Za-z.'\-]+(?:[ ,]+[A-Za-z][A-Za-z.'\-]+){0,3}\s*\(\s*(?:ap|cnn|reuters|afp|upi|bloomberg)\s*\)  # washington ( ap )
    )\s*[—–-]{1,2}\s+""",
    re.VERBOSE | re.IGNORECASE,
)
HEADING_MAX_WORDS = 20


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans `(start, end)` of the sentences of `text`, in order, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in _split_line(line))
        offset += len(line) + 1
    return spans


def _split_line(line: str) -> list[tuple[int, int]]:
    spans = []
    start = _skip_space(line, 0)
    if start >= len(line):
        return spans
    for match in _END.finditer(line):
        cut = match.end()
        if cut <= start or not _is_boundary(line, start, match):
            continue
        cut = _assign_standalone_quote(line, start, cut)
        spans.append(_trim(line, start, cut))
        start = _skip_space(line, cut)
    if start < len(line):
        spans.append(_trim(line, start, len(line)))
    return [s for s in spans if s[1] > s[0]]


def _is_boundary(line: str, start: int, match: re.Match) -> bool:
    after = _NEXT_START.match(line, match.end())
    if not after:
        return False
    if _inside_quote(line, start, match.end()) and _quote_closes_later(line, match.end()):
        return False  # keep a quoted passage and its attribution together
    punct_end = match.start() + len(match.group(0).rstrip(CLOSING))
    if line[punct_end - 1] != ".":
        return True  # ! ? … are not used in abbreviations
    before = _WORD_BEFORE.search(line, start, punct_end)
    if not before:
        return True
    word = before.group(1).lower()
    next_word = line[after.end() - 1:].split(maxsplit=1)[0].strip(OPENING).lower() if after else ""
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. K. Rowling", "George W. Bush"
    if word in SENTENCE_FINAL_ABBREVIATIONS or "." in word:
        return line[after.end() - 1].isupper() and (word in SENTENCE_FINAL_ABBREVIATIONS or next_word in _STARTERS)
    return word not in ABBREVIATIONS


def _inside_quote(line: str, start: int, end: int) -> bool:
    """Whether a double quotation opened in line[start:end] is still open at `end`."""
    segment = line[start:end]
    curly_open = segment.count("“") - segment.count("”")
    return curly_open > 0 or segment.count('"') % 2 == 1


def _quote_closes_later(line: str, i: int) -> bool:
    """Whether the open quotation closes after position `i` (a lone `"` right at `i` closes it here)."""
    rest = line[i:]
    if _STANDALONE_QUOTE.match(rest):
        return False
    return "”" in rest or '"' in rest


def _assign_standalone_quote(line: str, start: int, cut: int) -> int:
    """Move a quote that stands alone after the cut (`. " next`) into this sentence if it closes one."""
    m = _STANDALONE_QUOTE.match(line[cut:])
    if m and line[start:cut].count('"') % 2 == 1:
        return cut + m.end()
    return cut


def _skip_space(line: str, i: int) -> int:
    while i < len(line) and line[i].isspace():
        i += 1
    return i


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def dateline_length(sentence: str) -> int:
    """Characters of a leading dateline ("ALEPPO —", "WASHINGTON (AP) —") to leave out, else 0."""
    m = _DATELINE.match(sentence)
    if not m:
        return 0
    head = m.group(0)
    letters = [c for c in head if c.isalpha()]
    has_agency = "(" in head
    mostly_caps = sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return m.end() if (has_agency or mostly_caps) and len(letters) >= 2 else 0


def is_heading(line: str) -> bool:
    """A headline or subhead: a short line with no sentence-final punctuation."""
    stripped = line.strip().rstrip(CLOSING)
    words = stripped.split()
    return 0 < len(words) <= HEADING_MAX_WORDS and stripped[-1:] not in ".!?…:;,"


def segment_article(article: Article) -> list[Sentence]:
    """The sentences of a (cleaned) article with offsets into `article.text`."""
    sentences = []
    paragraph = 0
    offset = 0
    for line in article.text.split("\n"):
        if not line.strip():
            offset += len(line) + 1
            continue
        heading = is_heading(line)
        for s, e in _split_line(line):
            s += dateline_length(line[s:e])
            if s >= e:
                continue
            sentences.append(
                Sentence(
                    text=line[s:e], article_id=article.id, position=len(sentences),
                    start=offset + s, end=offset + e, paragraph=paragraph, is_heading=heading,
                )
            )
        paragraph += 1
        offset += len(line) + 1
    return sentences
