"""One HTML page (bytes or text) -> an Article with its metadata, or Rejected saying why not.

Stages: decode (byte-order mark, then the charset the server or the page declares, then
detection) -> parse (lxml, via trafilatura) -> metadata (`metadata.page_metadata`) -> main
text (`maintext.main_text`) -> a check that article text was found (the language is labelled by the reader, `files`).
Debris lines left in the text are the pipeline's cleaner's job, as for any other article.
"""

from __future__ import annotations

import codecs
import re

from newsbrief.config import Settings
from newsbrief.errors import failure_reason, show_traceback_when_debugging
from newsbrief.ingest.decode import UndetectableEncoding, decode, normalize_newlines, split_bom
from newsbrief.ingest.limits import article_too_long
from newsbrief.ingest.maintext import main_text
from newsbrief.ingest.metadata import page_metadata
from newsbrief.ingest.unreadable import unreadable
from newsbrief.model import Article, Rejected

NO_ARTICLE = "no article text found"
PROSE_LINE_CHARS = 40  # a line this long may be prose; shorter ones are menus, buttons, headings
MIN_PROSE_CHARS = 100  # an article has at least this many characters in prose lines
CHARSET_PROBE_BYTES = 4096

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# wrappers that only lay a page out: taking them out keeps every paragraph, heading and list
_WRAPPER_TAG = re.compile(r"<(/)?(?:div|span|section|article|main|aside|font|center|figure)\b[^>]*>", re.IGNORECASE)
MAX_NESTING = 200
_LATIN1_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "us-ascii", "ascii"}


def extract_html(data: bytes | str, *, source: str, settings: Settings, url: str | None = None,
                 path: str | None = None, charset: str | None = None) -> Article | Rejected:
    """The page's article; `source` names it (and is its id), `url` is where it was fetched from.

    `charset` is the encoding a server declared for the bytes (a WARC record's HTTP header).
    Never raises: a failure deep in a parser (or a missing module) is this page's Rejected, so
    one page never ends a WARC crawl or an API batch.
    """
    try:
        return _extract(data, source, settings, url, path, charset)
    except Exception as err:  # noqa: BLE001
        show_traceback_when_debugging()
        return unreadable(source, failure_reason(err))


def _extract(data: bytes | str, source: str, settings: Settings, url: str | None, path: str | None,
             charset: str | None) -> Article | Rejected:
    try:
        page = decode_html(data, charset)
    except UndetectableEncoding as err:
        return unreadable(source, str(err))
    tree = parse_html(unnested(page))
    if tree is None:
        return unreadable(source, "not an HTML page: nothing to parse")
    meta = page_metadata(tree, url)
    text = normalize_newlines(main_text(tree, meta.url, meta.title)).strip()
    if not has_article_text(text):
        return unreadable(source, NO_ARTICLE)
    if len(text) > settings.max_article_chars:
        return unreadable(source, article_too_long(len(text), settings))
    return Article(id=source, text=text, title=meta.title, url=meta.url, outlet=meta.outlet,
                   published=meta.published, path=path, author=meta.author)


def decode_html(data: bytes | str, charset: str | None = None) -> str:
    """Page bytes as text: a BOM, else a declared charset that decodes them, else detection."""
    if isinstance(data, str):
        return data
    bom, data = split_bom(data)
    if bom:
        return data.decode(bom, errors="replace")
    for declared in (charset, _meta_charset(data[:CHARSET_PROBE_BYTES])):
        encoding = _known_encoding(declared)
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common: detect instead
    return decode(data)


def parse_html(page: str):
    """The page's lxml tree, or None when there is no markup to speak of."""
    from trafilatura.utils import load_html  # heavy: trafilatura loads slowly, only for web pages

    if "<" not in page:
        return None
    try:
        return load_html(page)
    except (ValueError, TypeError):
        return None


def unnested(page: str) -> str:
    """The page, with its layout wrappers (div, span, section, ...) taken out if they nest deeper
    than the HTML parser goes (libxml2 stops at 256 levels: the text inside would be lost)."""
    depth = deepest = 0
    for match in _WRAPPER_TAG.finditer(page):
        depth = max(0, depth - 1) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            return _WRAPPER_TAG.sub("\n", page)
    return page


def has_article_text(text: str) -> bool:
    """Enough text in sentence-length lines: not just menus, buttons and headings.

    Counted in characters, not words: Chinese and Japanese put no spaces between words.
    """
    lengths = (len(line.strip()) for line in text.splitlines())
    return sum(n for n in lengths if n >= PROSE_LINE_CHARS) >= MIN_PROSE_CHARS


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _known_encoding(name: str | None) -> str | None:
    """Python's codec for a declared charset; "latin-1" means windows-1252 on the web (WHATWG)."""
    if not name:
        return None
    name = name.strip().lower()
    if name in _LATIN1_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
