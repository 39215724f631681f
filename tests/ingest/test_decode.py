"""Encoding detection: UTF-8 first, a BOM, UTF-16 without one, then a guess that favours cp1252."""

from __future__ import annotations

import pytest

from newsbrief.ingest.decode import UndetectableEncoding, decode, detect_encoding, normalize_newlines


def test_utf8_is_the_fast_path():
    assert detect_encoding("café".encode()) == "utf-8"


def test_utf8_bom_is_dropped():
    assert decode(b"\xef\xbb\xbfHello") == "Hello"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_boms_are_followed(encoding):
    assert decode("Hello, café".encode(encoding)) == "Hello, café"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding):
    assert decode("Hello, café. Officials said so.".encode(encoding)) == "Hello, café. Officials said so."


@pytest.mark.parametrize("text", [
    "café – naïve résumé.",
    "Le café était très naïf; où est-ce qu’on va? Ça dépend.",
    "El niño jugó en la señal “roja” — según él, mañana será otro día.",
])
def test_short_western_text_in_cp1252_is_decoded(text):
    assert decode(text.encode("cp1252")) == text


def test_cyrillic_in_cp1251_is_decoded():
    text = "Президент России заявил, что переговоры продолжатся на следующей неделе в Москве."
    assert decode(text.encode("cp1251")) == text


def test_utf8_cut_inside_the_last_character_still_decodes():
    assert decode("café".encode()[:-1]) == "caf\ufffd"


def test_noise_has_no_encoding():
    with pytest.raises(UndetectableEncoding, match="cannot detect the text encoding"):
        decode(bytes(range(128, 256)) * 20)


def test_newlines_are_normalised():
    assert normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
