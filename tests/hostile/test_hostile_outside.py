"""Nothing leaves the run: no network access, and nothing from a page becomes a path.

The network test blocks Python's sockets and name lookups (and records any attempt),
and points every URL the pages name at a local listener, so that a fetch by C code
(libxml2 loading a DTD, say) would show as a connection too. The path test gives
pages hostile URLs, titles, site names, languages and file names, and compares every
file under the temporary folder (where the process runs, too) before and after.
"""

from __future__ import annotations

import gzip
import json
import socket
import uuid
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import OUT_NAMES, Outcome, snapshot
from typer.testing import CliRunner

from newsclean.cli import EXIT_OK, app

ARTICLES = [
    [
        "The county will rebuild the flood wall along the canal before next winter.",
        "Residents had asked for higher defences since the water rose in the spring.",
        "Work on the first section is due to start in August, officials said.",
    ],
    [
        "A choir from the valley won the national competition in the capital on Saturday.",
        "Its forty singers had rehearsed twice a week in the village hall since January.",
        "They will perform the winning programme at the cathedral next month.",
    ],
    [
        "The regional airline will fly to three new destinations from the summer.",
        "Tickets for the routes to the islands went on sale this morning.",
        "The company expects the new flights to bring more visitors in the autumn.",
    ],
    [
        "Volunteers repaired the footpath to the waterfall after last year's landslide.",
        "The path had been closed for eight months while the slope was made safe.",
        "Walkers can now reach the viewpoint again from the car park below.",
    ],
    [
        "The town hall clock has been repaired and strikes the hours again.",
        "A clockmaker from the coast spent six weeks restoring its worn gears.",
        "Older residents said they had missed its chimes more than they expected.",
    ],
]


def _page(n: int, head: str = "", body: str = "") -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in ARTICLES[n])
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}<article><h1>Headline {n}</h1>{paragraphs}</article></body></html>"
    )


def _warc(html: str, uri: str) -> bytes:
    body = html.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:net-1>\r\n"
        f"WARC-Date: 2024-05-02T08:15:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_a_run_makes_no_network_access(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    here = f"http://127.0.0.1:{listener.getsockname()[1]}"
    named = "http://tracker.example"  # a name to look up: DNS is network access too
    head = (
        f'<meta property="og:url" content="{here}/og"><link rel="canonical" href="{here}/c">'
        f'<link rel="stylesheet" href="{here}/s.css"><link rel="preload" href="{here}/f.woff2">'
        f'<link rel="dns-prefetch" href="{named}"><link rel="preconnect" href="{here}">'
        f'<link rel="amphtml" href="{here}/amp"><link rel="alternate" href="{named}/feed">'
        f'<script src="{here}/app.js"></script><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "url": "{here}/ld", "image": "{named}/i.jpg"}}</script>'
        f'<base href="{here}/"><meta http-equiv="refresh" content="0; url={here}/r">'
        f'<meta property="og:image" content="{named}/og.jpg">'
    )
    body = (
        f'<img src="{here}/a.jpg" srcset="{named}/b.jpg 2x"><iframe src="{here}/frame"></iframe>'
        f'<video><source src="{here}/v.mp4"></video><object data="{named}/o.swf"></object>'
        f'<style>@import url("{here}/i.css");</style>'
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(_page(0, head, body))
    dtd = f'<!DOCTYPE html SYSTEM "{here}/x.dtd">\n'
    (folder / "dtd.html").write_text(dtd + _page(1, head).removeprefix("<!DOCTYPE html>"))
    entity = f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY e SYSTEM "{here}/e">]>\n'
    (folder / "entity.html").write_text(entity + _page(2, head, "<p>&e;</p>").split(">", 1)[1])
    (folder / "crawl.warc.gz").write_bytes(gzip.compress(_warc(_page(3, head, body), here)))
    record = {"url": f"{named}/j", "html": _page(4, head, body), "fetched_at": "2024-05-02"}
    (folder / "scrape.jsonl").write_text(json.dumps(record) + "\n")
    (folder / "links.txt").write_text(f"See {here}/more and {named}/x for more.\n\n" * 3)

    attempts: list[tuple[Any, ...]] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access blocked by the test")

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse)

    result = CliRunner().invoke(app, ["run", str(folder), str(tmp_path / "out"), "-j", "1"])
    monkeypatch.undo()
    assert result.exit_code == EXIT_OK, result.output
    assert attempts == []
    listener.setblocking(False)
    with pytest.raises(BlockingIOError):  # nobody knocked
        listener.accept()
    listener.close()
    outcome = Outcome.of(tmp_path / "out")
    assert outcome.paths() == {p.name for p in folder.iterdir()}


HOSTILE = [
    "../../../../../../etc/passwd",
    "/etc/passwd",
    f"/tmp/newsclean-hostile-{uuid.uuid4().hex}/x",
    "..\\..\\Windows\\System32\\evil.dll",
    "C:\\evil",
    "file:///etc/passwd",
    "a" * 5000,
    "nul\x00byte",
    "%2e%2e%2f%2e%2e%2fescape",
    "~/.ssh/authorized_keys",
]
NAMES = ["-rf.txt", "new\nline.txt", "ünïcödé ☃ ..x.txt", "%2e%2e%2fevil.txt", "a b; rm -rf ~.txt"]


def test_nothing_from_a_page_becomes_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out, cwd = tmp_path / "in", tmp_path / "out", tmp_path / "cwd"
    folder.mkdir()
    cwd.mkdir()
    for n, value in enumerate(HOSTILE[:5]):
        safe = value.replace("\x00", "&#0;").replace('"', "&quot;")
        head = (
            f"<title>{safe}</title>"
            f'<meta property="og:title" content="{safe}">'
            f'<meta property="og:site_name" content="{safe}">'
            f'<meta property="og:url" content="{safe}"><link rel="canonical" href="{safe}">'
            f'<meta name="author" content="{safe}"><meta http-equiv="content-language" '
            f'content="{safe}">'
        )
        page = _page(n, head).replace('lang="en"', f'lang="{safe}"')
        (folder / f"page-{n}.html").write_text(page.replace(f"Headline {n}", safe))
    for n, value in enumerate(HOSTILE[5:]):
        record = {"url": value, "text": value + "\n\n" + "\n\n".join(ARTICLES[n])}
        (folder / f"scrape-{n}.jsonl").write_text(json.dumps(record) + "\n")
    for n, name in enumerate(NAMES):
        (folder / name).write_text(f"{HOSTILE[n]}\n\n" + "\n\n".join(ARTICLES[n][::-1]))
    (folder / "crawl.warc").write_bytes(_warc(_page(1, "<title>../../x</title>"), HOSTILE[0]))

    before = snapshot(tmp_path)
    monkeypatch.chdir(cwd)  # a relative path built from a page would land here
    result = CliRunner().invoke(app, ["run", str(folder), str(out), "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    assert snapshot(tmp_path, skip=[out]) == before
    assert not Path(HOSTILE[2]).parent.exists()
    assert {path.name for path in out.iterdir()} <= OUT_NAMES
    for path in out.rglob("*"):  # only newsclean's own names, in its own folders
        assert path.relative_to(out).parts[0] in OUT_NAMES, path
        assert not any(word in path.name for word in ("passwd", "evil", "escape", "ssh")), path
    # Every input made it into the archive, its hostile values kept as plain data.
    outcome = Outcome.of(out)
    assert outcome.paths() == {p.name for p in folder.iterdir()}
    assert HOSTILE[0] in {row["title"] for row in outcome.articles}
    assert HOSTILE[0] in {row["source_url"] for row in outcome.articles}
    assert "new\nline.txt" in outcome.paths()
