"""What a file is, told from its name and its first bytes: skip it, text, JSON, JSONL, an HTML
page, an RSS/Atom feed, a WARC archive, or XML that is none of these.

Content that can only be one thing decides first: a WARC header, an HTML doctype or <html>
element, an <rss>/<feed>/<rdf:RDF> root. Then the extension, where it is unambiguous (`.txt`,
`.jsonl`, `.html`); otherwise the content again, so an article saved without an extension, or
JSONL saved as `.json`, is still read right.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from newsbrief.ingest.decode import split_bom, wide_encoding

HEAD_BYTES = 64 * 1024  # read to decide the kind; enough for the first JSONL record
BINARY_PROBE_BYTES = 8 * 1024
MAX_CONTROL_SHARE = 0.10  # share of C0 control bytes above which a file is not text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".rss", ".atom"}
XML_SUFFIXES = {".xml", ".rdf"}
WARC_SUFFIXES = {".warc", ".arc"}  # ARC, the WARC's predecessor: warcio reads both
SUFFIX_KINDS = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"), **dict.fromkeys(HTML_SUFFIXES, "html"),
    **dict.fromkeys(FEED_SUFFIXES, "feed"), **dict.fromkeys(XML_SUFFIXES, "xml"), **dict.fromkeys(WARC_SUFFIXES, "warc"),
}
GZIP_SUFFIXES = {".gz", ".gzip"}

# Skipped when found in a directory (a file named explicitly is always read).
NOT_ARTICLE_SUFFIXES = {
    # images
    ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg", ".ico", ".heic", ".avif",
    # archives and compressed files other than gzip
    ".zip", ".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst", ".lz4",
    # executables, libraries, bytecode, packages
    ".exe", ".dll", ".so", ".dylib", ".bin", ".o", ".a", ".class", ".jar", ".pyc", ".whl", ".deb", ".rpm",
    # office documents and e-books (binary containers)
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".epub", ".rtf",
    # audio and video
    ".mp3", ".mp4", ".m4a", ".wav", ".flac", ".ogg", ".avi", ".mov", ".mkv", ".webm",
    # data stores and arrays
    ".db", ".sqlite", ".sqlite3", ".parquet", ".pkl", ".pickle", ".npy", ".npz", ".h5", ".arrow",
    # code, styles and tables: text, but not article text
    ".css", ".js", ".py", ".csv", ".tsv", ".yaml", ".yml", ".toml", ".ini",
    ".cfg", ".lock", ".log", ".sh",
}

GZIP_MAGIC = b"\x1f\x8b"
BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF", b"PK\x03\x04", b"PK\x05\x06",
    b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd",
    b"\x7fELF", b"\xd0\xcf\x11\xe0", b"\xca\xfe\xba\xbe", b"SQLite format 3\x00", b"RIFF",
    b"OggS", b"ID3", b"fLaC", b"II*\x00", b"MM\x00*", b"\x00asm", b"PAR1", b"\x93NUMPY",
)

# JSON begins with `{"`, `{}`, `[{`, `[]`, ... ; "[Reuters] ..." or "{Update}" stays text.
_JSON_START = re.compile(rb'\s*(\{\s*["}]|\[\s*[\[{\]"])')
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")
# What may come before a markup document's first element: space, <?xml ...?>, comments, a doctype.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>", re.DOTALL | re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<([a-z][\w:.-]*)", re.IGNORECASE)
FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf"}
HTML_ROOTS = {b"html", b"head", b"body"}
HTML_ELEMENTS = {
    b"title", b"meta", b"link", b"base", b"script", b"style", b"noscript",
    b"div", b"p", b"article", b"main", b"section", b"header", b"nav", b"h1", b"h2", b"h3", b"table", b"span",
    b"a", b"ul", b"ol", b"form", b"iframe", b"img", b"br",
}


def suffixes(path: str) -> list[str]:
    """Lower-cased suffixes with a trailing `.gz` removed: `a.JSONL.gz` -> ['.jsonl']."""
    found = [s.lower() for s in PurePath(path).suffixes]
    if found and found[-1] in GZIP_SUFFIXES:
        found.pop()
    return found


def is_candidate(path: str) -> bool:
    """Whether a file found while walking a directory may hold articles."""
    found = [s.lower() for s in PurePath(path).suffixes]
    return not found or (found[-1] not in NOT_ARTICLE_SUFFIXES and found[-2:] != [".tar", ".gz"])


def has_binary_magic(head: bytes) -> bool:
    """Starts like a known binary format (checked first: it is sure, whatever the file's size)."""
    return head.startswith(BINARY_MAGIC) or head[4:8] == b"ftyp"  # ftyp: MP4/MOV/HEIC


def looks_binary(head: bytes) -> bool:
    """Known binary magic, NUL bytes or many control bytes in the first 8 KB (UTF-16/32 excepted)."""
    if has_binary_magic(head):
        return True
    if wide_encoding(head):
        return False
    probe = head[:BINARY_PROBE_BYTES]
    if b"\x00" in probe:
        return True
    controls = len(probe) - len(probe.translate(None, _CONTROL_BYTES))
    return bool(probe) and controls / len(probe) > MAX_CONTROL_SHARE


def kind_of(path: str, head: bytes) -> str:
    """'warc', 'html', 'feed', 'xml', 'jsonl', 'json' or 'text': from `head` where only one kind
    starts like it, else from the extension where it is clear, else from `head` again."""
    found = suffixes(path)
    last = found[-1] if found else ""
    start = _ascii_view(head)
    markup = markup_kind(start)
    if start.lstrip().startswith((b"WARC/", b"filedesc://")):  # a WARC record, or an ARC file's header
        return "warc"
    if markup in ("feed", "html"):
        return markup
    if last in SUFFIX_KINDS:
        return SUFFIX_KINDS[last]
    if markup:  # an HTML fragment ("fragment") or other XML
        return "html" if markup == "fragment" else "xml"
    if last in JSONL_SUFFIXES:  # ... unless it holds a JSON array after all
        return "json" if start.lstrip().startswith(b"[") else "jsonl"
    if last in JSON_SUFFIXES or _JSON_START.match(start):
        return "jsonl" if _first_line_is_record(start) else "json"
    return "text"


def markup_kind(start: bytes) -> str | None:
    """What markup document `start` opens, by its doctype and first element, else None: 'feed',
    'html' (an HTML doctype or <html>/<head>/<body>), 'fragment' (another HTML element: a page
    only if the extension does not say otherwise) or 'xml' (an <?xml ...?> declaration: text
    opening with "<Reuters>" is still text)."""
    position, declared_xml, doctype_html = 0, False, False
    while item := _PROLOG_ITEM.match(start, position):
        lowered = item.group().lower()
        declared_xml |= lowered.startswith(b"<?xml")
        doctype_html |= lowered.startswith(b"<!doctype") and b"html" in lowered
        position = item.end()
    element = _FIRST_ELEMENT.match(start, position)
    name = element.group(1).lower() if element else b""
    if name in FEED_ROOTS:
        return "feed"
    if doctype_html or name in HTML_ROOTS:
        return "html"
    if name in HTML_ELEMENTS:
        return "fragment"
    return "xml" if declared_xml else None


def _ascii_view(head: bytes) -> bytes:
    """`head` without a BOM, and with UTF-16/32 NULs dropped, good enough to match JSON syntax."""
    rest = split_bom(head)[1]
    return rest.replace(b"\x00", b"") if wide_encoding(head) else rest


def _first_line_is_record(start: bytes) -> bool:
    """JSONL: the first line is a whole JSON object and another non-blank line follows it."""
    lines = start.lstrip().split(b"\n", 1)
    if len(lines) < 2 or not lines[1].strip() or not lines[0].strip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False
