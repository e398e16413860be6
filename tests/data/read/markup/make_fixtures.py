"""Write the markup fixtures beside this file (run once; the outputs are committed).

    python tests/data/read/markup/make_fixtures.py

One article, as a crawler would store it in every format newsclean reads: an HTML
page in windows-1252 that says so in a <meta> tag, the same page gzipped, a WARC
file holding it among records that are no article, and scraper JSONL lines.
Everything is deterministic (fixed record ids, dates and gzip mtime), so a rerun
writes the same bytes.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

HERE = Path(__file__).resolve().parent
URL = "https://www.example-zeitung.de/lokales/2024/05/brueckenbau-ueber-die-saale"
DATE = "2024-05-02T08:15:00Z"

TITLE = "Neue Brücke über die Saale soll 2026 fertig werden"
PARAGRAPHS = [
    "Die Stadt Halle hat am Donnerstag den Bau einer neuen Fußgängerbrücke über die Saale "
    "beschlossen. Der Stadtrat stimmte mit großer Mehrheit für den Entwurf eines Leipziger "
    "Architekturbüros.",
    "Die Brücke soll die Innenstadt mit dem Stadtteil Kröllwitz verbinden und vor allem "
    "Radfahrern und Fußgängern dienen. Nach Angaben der Verwaltung werden die Kosten auf rund "
    "zwölf Millionen Euro geschätzt.",
    "„Wir schließen damit eine Lücke, über die seit Jahrzehnten gesprochen wird“, sagte die "
    "Baudezernentin nach der Sitzung. Der Bund übernimmt etwa die Hälfte der Kosten aus einem "
    "Förderprogramm für den Radverkehr.",
    "Kritik kam von Anwohnern, die während der Bauzeit Lärm und gesperrte Uferwege befürchten. "
    "Die Stadt kündigte an, die Arbeiten so zu planen, dass der Uferweg an den Wochenenden "
    "geöffnet bleibt.",
    "Mit dem Bau soll im Frühjahr 2025 begonnen werden. Ist das Wetter günstig, könnte die "
    "Brücke im Sommer 2026 für den Verkehr freigegeben werden.",
]


def article_html(charset: str) -> str:
    """The article as a news site serves it: navigation, article, related links, footer."""
    body = "\n".join(f"      <p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="de-DE">
<head>
  <meta charset="{charset}">
  <title>{TITLE} | Example Zeitung</title>
  <meta property="og:title" content="{TITLE}">
  <meta property="og:site_name" content="Example Zeitung">
  <meta name="author" content="Katrin Müller">
  <meta property="article:published_time" content="2024-05-02T07:30:00+02:00">
  <link rel="canonical" href="{URL}">
</head>
<body>
  <nav><ul><li><a href="/">Startseite</a></li><li><a href="/lokales">Lokales</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
  <main>
    <article>
      <h1>{TITLE}</h1>
      <p class="byline">Von Katrin Müller, 2. Mai 2024</p>
{body}
    </article>
    <aside class="related"><h2>Mehr aus Lokales</h2><ul>
      <li><a href="/a">Stadtfest zieht Tausende an</a></li>
      <li><a href="/b">Neue Buslinie ab Juni</a></li></ul></aside>
  </main>
  <footer><p>© 2024 Example Zeitung · <a href="/impressum">Impressum</a> ·
  <a href="/datenschutz">Datenschutz</a></p></footer>
</body>
</html>
"""


def article_text() -> str:
    """The article as a text scraper stores it: headline, then one paragraph a line."""
    return "\n".join([TITLE, *PARAGRAPHS]) + "\n"


def warc_record(kind: WarcRecordType, uri: str, content: bytes, content_type: str, n: int) -> bytes:
    record = WarcRecord()
    record.init_headers(kind, record_urn=f"uuid:00000000-0000-4000-8000-{n:012d}".encode())
    record.headers["WARC-Date"] = DATE
    if uri:
        record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = content_type
    record.set_bytes_content(content)
    out = io.BytesIO()
    record.write(out, checksum_data=True)
    # One gzip member per record, as crawlers write .warc.gz (mtime 0: same bytes each run).
    return gzip.compress(out.getvalue(), mtime=0)


def http_response(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return head.encode("ascii") + b"\r\n" + body


def main() -> None:
    legacy = article_html("windows-1252").encode("cp1252")
    (HERE / "legacy-cp1252.html").write_bytes(legacy)
    utf8 = article_html("utf-8").encode("utf-8")
    (HERE / "article.html.gz").write_bytes(gzip.compress(utf8, mtime=0))

    http = "application/http; msgtype=response"
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    records = [
        warc_record(
            WarcRecordType.warcinfo,
            "",
            b"software: make_fixtures.py\r\n",
            "application/warc-fields",
            1,
        ),
        warc_record(
            WarcRecordType.request,
            URL,
            b"GET /lokales/2024/05/brueckenbau-ueber-die-saale HTTP/1.1\r\n"
            b"Host: www.example-zeitung.de\r\n\r\n",
            "application/http; msgtype=request",
            2,
        ),
        # The article, its charset only in the HTTP header (the page itself says utf-8
        # nowhere: its <meta> was dropped to show the header is read).
        warc_record(
            WarcRecordType.response,
            URL,
            http_response(
                legacy.replace(b'<meta charset="windows-1252">', b""),
                "text/html; charset=windows-1252",
            ),
            http,
            3,
        ),
        warc_record(
            WarcRecordType.metadata, URL, b"outlinks: /a /b\r\n", "application/warc-fields", 4
        ),
        warc_record(
            WarcRecordType.response,
            "https://www.example-zeitung.de/logo.png",
            http_response(png, "image/png"),
            http,
            5,
        ),
        warc_record(
            WarcRecordType.response,
            "https://www.example-zeitung.de/alt",
            http_response(b"<html><body>Moved</body></html>", "text/html", "301 Moved Permanently"),
            http,
            6,
        ),
        # A second HTML page that extracts to nothing (an empty shell).
        warc_record(
            WarcRecordType.response,
            "https://www.example-zeitung.de/leer",
            http_response(
                b"<html><head><title>Leer</title></head><body></body></html>",
                "text/html; charset=utf-8",
            ),
            http,
            7,
        ),
    ]
    (HERE / "crawl.warc.gz").write_bytes(b"".join(records))

    lines = [
        json.dumps({"url": URL, "html": article_html("utf-8"), "fetched_at": DATE}),
        json.dumps({"url": URL + "?amp", "text": article_text(), "fetched_at": "2024-05-02 10:20"}),
        '{"url": "https://www.example-zeitung.de/kaputt", "html": "<p>abgeschnitten',
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"url": "https://www.example-zeitung.de/ohne", "title": "no html, no text"}),
    ]
    (HERE / "scrape.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
