"""HTML pages: decoded by BOM, HTTP header, <meta> declaration, then detection."""

from __future__ import annotations

import codecs
import gzip
import hashlib
from pathlib import Path

import pytest

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.page import Page, Reject
from newsclean.read import read_batch
from newsclean.read.html import decode_html

MARKUP = Path(__file__).resolve().parents[1] / "data" / "read" / "markup"


def read_one(root: Path, name: str) -> Page | Reject:
    pages, rejects = read_batch(root, [root / name], Config())
    assert len(pages) + len(rejects) == 1
    return pages[0] if pages else rejects[0]


def test_legacy_charset_page_is_read_as_its_meta_declares() -> None:
    page = read_one(MARKUP, "legacy-cp1252.html")
    assert isinstance(page, Page)
    assert page.encoding == "cp1252"
    assert "„Wir schließen damit eine Lücke" in page.markup
    assert page.text == ""  # the extract stage fills it
    on_disk = (MARKUP / "legacy-cp1252.html").read_bytes()
    info = page.input
    assert (info.path, info.format, info.record, info.url) == (
        "legacy-cp1252.html",
        "html",
        "",
        None,
    )
    assert (info.sha256, info.size) == (hashlib.sha256(on_disk).hexdigest(), len(on_disk))


def test_gzipped_page_provenance_is_the_file_on_disk() -> None:
    page = read_one(MARKUP, "article.html.gz")
    assert isinstance(page, Page)
    on_disk = (MARKUP / "article.html.gz").read_bytes()
    assert page.input.sha256 == hashlib.sha256(on_disk).hexdigest()
    assert page.encoding == "utf-8"
    assert page.markup == gzip.decompress(on_disk).decode("utf-8")


@pytest.mark.parametrize(
    ("data", "header", "expected"),
    [
        # http-equiv declaration, ISO-8859-2
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'
            "<p>Zażółć gęślą jaźń</p>".encode("iso-8859-2"),
            None,
            "iso8859-2",
        ),
        # the HTTP header comes before the page's own declaration
        (
            '<meta charset="utf-8"><p>Größe</p>'.encode("cp1252"),
            "text/html; charset=cp1252",
            "cp1252",
        ),
        # ISO-8859-1 is read as browsers do, as windows-1252 (curly quotes, not controls)
        ('<meta charset="ISO-8859-1"><p>„Zitat“</p>'.encode("cp1252"), None, "cp1252"),
        # a UTF-8 page mislabelled as a single-byte charset
        ('<meta charset="iso-8859-1"><p>Größe</p>'.encode(), None, "utf-8"),
        # a declaration the bytes do not fit: detection decides
        ('<meta charset="utf-8"><p>Größe und Übermaß, schön</p>'.encode("cp1252"), None, "cp1252"),
        # a byte order mark beats everything
        (codecs.BOM_UTF8 + '<meta charset="cp1251"><p>Größe</p>'.encode(), None, "utf-8-sig"),
        # no declaration at all
        ("<p>Größe</p>".encode(), None, "utf-8"),
    ],
)
def test_charset_order(data: bytes, header: str | None, expected: str) -> None:
    markup, encoding = decode_html(data, "a.html", header)
    assert encoding == expected
    assert "<p>" in markup


def test_a_right_declaration_is_never_second_guessed() -> None:
    # Detection alone might read this short Polish text as another Central European codec.
    text = "<meta charset='windows-1250'><p>Łódź, źdźbło, żółw</p>"
    assert decode_html(text.encode("cp1250"), "a.html") == (text, "cp1250")


def test_empty_page_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    reject = read_one(tmp_path, "empty.html")
    assert isinstance(reject, Reject)
    assert (reject.stage, reject.message) == ("read", "empty.html: empty file")
    with pytest.raises(InputError):
        decode_html(b"", "x.html")
