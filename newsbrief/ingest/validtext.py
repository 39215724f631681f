"""Text that every stage and every store can take, made once where input enters.

Scrapers emit lone surrogates (half a UTF-16 pair, valid in JSON), NUL bytes and other control
characters: UTF-8 encoders fail on the first, PostgreSQL refuses the second, and both crash
hashing, cleaning or storing far from the file they came from. So every string of an article
(text, title, id, url, outlet, author) is made valid as it is read: lone surrogates become
U+FFFD, C0 control characters other than tab and newline are removed (a carriage return first
ends its line), and the text is put in Unicode NFC, so composed and decomposed accents compare
equal. What was replaced or removed from the text is counted in the article's `removed` notes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from newsbrief.model import INVALID_CHARACTERS, Article, RemovedLine
REPLACEMENT = "\ufffd"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INVALID = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f]")
_FIELDS = ("id", "title", "url", "outlet", "author", "path", "language")


def valid_text(text: str) -> tuple[str, int]:
    """`text` made valid (see the module docstring), and how many characters were replaced or removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = len(_INVALID.findall(text))
    if found:
        text = _CONTROL.sub("", _SURROGATE.sub(REPLACEMENT, text))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, found


def valid_article(article: Article) -> Article:
    """The article with every string valid; a note in `removed` says how much of the text was not."""
    text, found = valid_text(article.text)
    changes: dict = {}
    for name in _FIELDS:
        value = getattr(article, name)
        if isinstance(value, str):
            fixed = valid_text(value)[0]
            if fixed != value:
                changes[name] = fixed
    if text != article.text:
        changes["text"] = text
    if found:
        line = article.text.count("\n", 0, _INVALID.search(article.text).start()) + 1
        note = RemovedLine(line, f"{found} invalid character{'s' if found > 1 else ''} "
                                 "(lone surrogates replaced; NUL and other control characters removed)",
                           INVALID_CHARACTERS)
        changes["removed"] = (note, *article.removed)
    return replace(article, **changes) if changes else article
