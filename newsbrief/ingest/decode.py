"""Bytes -> text: UTF-8 first (nearly all files), then a BOM, then charset-normalizer's guess.

charset-normalizer often ties on Western text (cp1250, cp1252 and cp775 all decode "café"
without chaos) and then picks the wrong one: its coherence score is noise when only a few
letters are non-ASCII. So windows-1252 wins when it decodes with no more chaos than the best
guess and either the coherence gap is small or the non-ASCII bytes are too few to judge by:
it is the commonest legacy encoding of news text, and what browsers assume for "latin-1".
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

PREFERRED_LEGACY = "cp1252"
COHERENCE_TIE = 0.035  # a coherence lead this small is noise
SPARSE_NON_ASCII = 0.02  # below this share of non-ASCII bytes, coherence is noise
_ASCII = bytes(range(128))

_BOMS = (  # longest first: the UTF-32-LE BOM begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndetectableEncoding(ValueError):
    """No encoding turns the bytes into sensible text."""


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `head` names, if there is one."""
    return split_bom(head)[0]


def split_bom(data: bytes) -> tuple[str | None, bytes]:
    """The encoding a leading byte-order mark names (or None), and `data` without it."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, data[len(bom):]
    return None, data


def wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 (with a BOM, or UTF-16 without one), whose text has NUL bytes and 2-4 byte newlines."""
    named = bom_encoding(head)
    return named if named in ("utf-16", "utf-32") else utf16_without_bom(head)


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM: Latin text puts its NULs on nearly every odd (LE) or even (BE) byte."""
    probe = head[: min(len(head), 8192) & ~1]  # an even number of bytes
    if len(probe) < 4:
        return None
    even, odd = (part.count(0) / (len(probe) // 2) for part in (probe[0::2], probe[1::2]))
    if even <= 0.05 and odd >= 0.7:
        return "utf-16-le"
    if odd <= 0.05 and even >= 0.7:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """The encoding to read `data` with; raises UndetectableEncoding when none fits."""
    named = bom_encoding(data) or utf16_without_bom(data)
    if named:
        return named
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return "utf-8"  # a multi-byte character cut at the end of a sample
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UndetectableEncoding("cannot detect the text encoding")
    sparse = len(data.translate(None, _ASCII)) < SPARSE_NON_ASCII * len(data)
    for match in matches:
        if match.encoding == PREFERRED_LEGACY and match.chaos <= best.chaos and (
                sparse or match.coherence >= best.coherence - COHERENCE_TIE):
            return PREFERRED_LEGACY
    return best.encoding


def decode(data: bytes) -> str:
    """`data` as text with any BOM dropped; raises UndetectableEncoding."""
    encoding = detect_encoding(data)
    try:  # "replace" only matters for a UTF-8 file whose last character was cut off
        return data.decode(encoding, errors="replace" if encoding == "utf-8" else "strict")
    except UnicodeDecodeError:
        raise UndetectableEncoding("cannot detect the text encoding") from None


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends -> `\\n`, so line numbers mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
