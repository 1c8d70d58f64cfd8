"""Encodings: byte-order marks, UTF-8, declared charsets, Western fallback, detection, binary."""

from __future__ import annotations

import codecs

import pytest

from wirewatch.errors import InputError
from wirewatch.read.decode import declared_charset, decode_bytes, looks_binary

WESTERN = "Le président a déclaré que la réunion était « très difficile » à Genève."
SMART = "The minister said “we will not accept this” – and left; prices rose 5 € in a week’s time."
RUSSIAN = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Москве."


def test_utf8_is_tried_first() -> None:
    decoded = decode_bytes(WESTERN.encode("utf-8"))
    assert decoded.text == WESTERN
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (b"", "utf-16"), (b"", "utf-32")],
)
def test_byte_order_marks_decide(bom: bytes, encoding: str) -> None:
    data = bom + RUSSIAN.encode(encoding)  # Python's utf-16/32 codecs write their own BOM
    assert decode_bytes(data).text == RUSSIAN


def test_utf16_without_bom_is_recognised() -> None:
    assert decode_bytes(SMART.encode("utf-16-le")).text == SMART
    assert decode_bytes(SMART.encode("utf-16-be")).text == SMART


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_text(encoding: str) -> None:
    text = WESTERN if encoding == "latin-1" else SMART
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text


def test_meta_charset_is_honoured_for_html() -> None:
    html = f"<html><head><meta charset='windows-1251'></head><body><p>{RUSSIAN}</p></body></html>"
    decoded = decode_bytes(html.encode("cp1251"), html=True)
    assert RUSSIAN in decoded.text
    assert decoded.encoding == "cp1251"


def test_http_equiv_and_latin1_label_read_as_1252() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        f"</head><body><p>{SMART}</p></body></html>"
    )
    assert declared_charset(html.encode("cp1252")) == "cp1252"
    assert SMART in decode_bytes(html.encode("cp1252"), html=True).text


def test_cyrillic_without_declaration_is_detected() -> None:
    data = (RUSSIAN + " " + RUSSIAN).encode("cp1251")
    assert decode_bytes(data).text.startswith(RUSSIAN[:20])


def test_binary_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert looks_binary(png)
    with pytest.raises(InputError) as caught:
        decode_bytes(png)
    assert caught.value.reason == "binary"


def test_control_bytes_without_nul_are_binary() -> None:
    data = bytes(range(1, 32)) * 50 + b"some text"
    with pytest.raises(InputError) as caught:
        decode_bytes(data)
    assert caught.value.reason == "binary"


def test_bad_bytes_after_a_utf8_bom_are_undecodable() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(codecs.BOM_UTF8 + b"Ministers met \xff\xfe in \xc3(")
    assert caught.value.reason == "undecodable"


def test_plain_text_is_not_binary() -> None:
    assert not looks_binary(b"Line one\tcol\r\nLine two\f\n")
