"""Write the hostile-input corpus beside this file, with what each file must give.

    python tests/data/hostile/make_corpus.py

Every file is a broken or crafted input a crawl can hold; ``expected.json`` says, per
file, which of its records are archived (as an article or a duplicate) and which are
rejected, at which stage, with which error class and a piece of the reason. The
tests in ``tests/hostile/`` run newsclean over the folder and hold it to that. Inputs
too big or too odd to commit (a 200 MB line, gzip bombs, 100,000 nested divs,
symlinks, files that vanish) are made by the tests in a temporary folder.

Everything is deterministic (seeded random bytes, gzip mtime 0): a rerun writes the
same bytes.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
IN = HERE / "in"

# Sentences the articles are drawn from; each case gets its own, so that no two
# archived cases are near duplicates of each other.
SENTENCES = [
    "The city council approved a new budget for the harbour district on Tuesday evening.",
    "Engineers expect the repairs to the old stone bridge to take at least two more years.",
    "Local farmers say the late frost destroyed nearly half of this season's apple blossoms.",
    "The regional library will open on Sundays from next month, the director announced.",
    "A spokesperson for the transport authority said the night buses would run as usual.",
    "Researchers at the university found traces of a Roman road beneath the market square.",
    "The fire brigade was called twice to the same warehouse within a single week.",
    "Shop owners in the old town complained that the construction work kept customers away.",
    "The football club confirmed that its new stadium will hold about twenty thousand fans.",
    "Hospital staff were praised for keeping the emergency ward open during the storm.",
    "A group of volunteers planted more than three hundred trees along the river bank.",
    "The mayor promised that the swimming pool would reopen before the summer holidays.",
    "Police asked witnesses of the collision on the ring road to come forward.",
    "The school board decided to hire twelve more teachers for the coming school year.",
    "An exhibition of photographs from the nineteen fifties opens at the town museum.",
    "Residents of the northern suburb will vote on the new cycle path in a referendum.",
    "The weather service warned of heavy rain and possible flooding along the coast.",
    "A local bakery won a national prize for its rye bread for the third year running.",
    "The chamber orchestra will tour five countries in the autumn, its manager said.",
    "Prices for heating oil rose sharply after the refinery closed for maintenance.",
    "The ferry company added an extra crossing on weekends because of high demand.",
    "Two hikers who were lost in the mountains overnight were found safe this morning.",
    "The zoo welcomed a pair of red pandas that arrived from a breeding centre abroad.",
    "City planners want to turn the disused railway yard into a park with housing.",
    "The new tram line carried almost forty thousand passengers in its first week.",
    "Union leaders and the port operator agreed on a wage deal after long talks.",
    "An old cinema in the centre reopened after a renovation that lasted three years.",
    "The health department reported fewer cases of influenza than in the last winter.",
    "Archaeologists will continue digging near the castle walls until the end of May.",
    "Students built a small satellite that will be launched from a base in the north.",
    "The airport expects record numbers of travellers over the coming bank holiday.",
    "Fishermen say the cold spring has delayed the start of the herring season.",
    "A charity run through the park raised money for the children's hospital.",
    "The court postponed its ruling on the disputed wind farm until next month.",
    "Organisers of the film festival announced a programme of more than ninety films.",
    "The water utility will replace the oldest pipes in the eastern district this year.",
    "Many commuters switched to bicycles after the bridge was closed for repairs.",
    "The new concert hall has received praise for its clear and warm acoustics.",
    "Farmers' markets have become popular again in several villages of the region.",
    "The museum returned a painting that had been missing for almost sixty years.",
]

DE = (
    "Die Stadt Halle hat am Donnerstag den Bau einer neuen Fußgängerbrücke über die Saale "
    "beschlossen. Der Stadtrat stimmte mit großer Mehrheit für den Entwurf.\n"
    "„Wir schließen damit eine Lücke“, sagte die Baudezernentin nach der Sitzung. Die "
    "Kosten werden auf rund zwölf Millionen Euro geschätzt.\n"
)
RU = (
    "Городской совет утвердил новый бюджет на следующий год после долгих споров.\n"
    "Депутаты выделили больше средств на ремонт школ и больниц в северных районах.\n"
)
JA = (
    "ベトナム中部で続く記録的な大雨により、各地で浸水被害が拡大している。\n"
    "政府は対策本部を設置し、住民に避難を呼びかけた。\n"
)
FR = "Le café du port est très apprécié par les habitants du quartier depuis des années déjà.\n"

HTTP = "application/http; msgtype=response"
DATE = "2024-05-02T08:15:00Z"


def article(case: str, sentences: int = 6) -> list[str]:
    """A few sentences of its own for ``case`` (the same each run)."""
    return random.Random(case).sample(SENTENCES, sentences)


def html_page(case: str, charset: str = "utf-8", extra: str = "") -> str:
    paragraphs = "\n".join(f"    <p>{s}</p>" for s in article(case))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}">'
        f"<title>{case}</title></head>\n<body><article>\n{paragraphs}\n{extra}"
        "</article></body></html>\n"
    )


def text_page(case: str) -> str:
    return "\n\n".join(article(case)) + "\n"


def warc_record(
    block: bytes,
    n: int,
    *,
    kind: str | None = "response",
    length: str | None = None,
    content_type: str = HTTP,
    digest: str | None = None,
) -> bytes:
    """A WARC/1.1 record with a fixed id; ``length`` and ``kind`` may lie or be missing."""
    headers = [("WARC-Type", kind)] if kind is not None else []
    headers += [
        ("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"),
        ("WARC-Date", DATE),
        ("WARC-Target-URI", f"https://news.example/{n}"),
        ("Content-Type", content_type),
    ]
    if digest is not None:
        headers.append(("WARC-Block-Digest", digest))
    if length != "missing":
        headers.append(("Content-Length", str(len(block)) if length is None else length))
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http_page(html: str, charset: str = "utf-8") -> bytes:
    body = html.encode(charset)
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n"
    return head.encode() + f"Content-Length: {len(body)}\r\n\r\n".encode() + body


def sha1_digest(block: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()


def record_id(n: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"


def rejected(stage: str, error: str, reason: str, record: str = "", **more: Any) -> dict[str, Any]:
    return {"record": record, "stage": stage, "error": error, "reason": reason, **more}


def main() -> None:
    rng = random.Random(7)
    files: dict[str, bytes] = {}
    expected: dict[str, dict[str, Any]] = {}

    def case(name: str, data: bytes, **outcome: Any) -> None:
        files[name] = data
        expected[name] = {"archived": outcome.get("archived", []), **outcome}
        expected[name].setdefault("rejected", [])

    # Empty and blank files, in every format.
    case("empty.txt", b"", rejected=[rejected("read", "InputError", "empty file")])
    case(
        "empty.txt.gz",
        gzip.compress(b"", mtime=0),
        rejected=[rejected("read", "InputError", "empty file")],
    )
    case("empty.html", b"", rejected=[rejected("read", "InputError", "empty file")])
    case("empty.warc", b"", rejected=[rejected("read", "InputError", "empty file")])
    case("empty.jsonl", b"", rejected=[rejected("read", "InputError", "empty file")])
    case("blank-lines.jsonl", b"\n \n\t\n", rejected=[rejected("read", "InputError", "empty file")])
    case(
        "bom-only.txt",
        b"\xef\xbb\xbf",
        rejected=[rejected("read", "InputError", "only a byte order mark")],
    )
    case(
        "whitespace.md",
        b"   \n\n\t \r\n",
        rejected=[rejected("clean", "EmptyPage", "no text left")],
    )

    # Binary files with a text name.
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2000))
    case(
        "binary-png.txt",
        png,
        rejected=[rejected("read", "InputError", "binary content (NUL bytes)")],
    )
    elf = b"\x7fELF\x02\x01\x01" + bytes(rng.randrange(256) for _ in range(2000))
    case("binary-elf.txt", elf, rejected=[rejected("read", "InputError", "binary content")])
    noise = bytes(rng.choice([*range(1, 9), *range(14, 32), *range(128, 256)]) for _ in range(2000))
    case(
        "binary-no-nul.txt",
        noise,
        rejected=[rejected("read", "InputError", "binary content or unknown charset")],
    )
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(rng.randrange(256) for _ in range(2000))
    case("binary-jpeg.html", jpeg, rejected=[rejected("read", "InputError", "binary content")])
    case(
        "binary.warc",
        bytes(rng.randrange(256) for _ in range(2000)),
        rejected=[
            rejected("read", "OSError", "unreadable at the first record: Invalid WARC header")
        ],
    )
    # 300 lines of noise: a reject a line for the first hundred, then the rest at once.
    noise_lines = b"\n".join(bytes(rng.randrange(11, 256) for _ in range(40)) for _ in range(300))
    case(
        "binary.jsonl",
        noise_lines,
        rejected=[
            *(
                rejected("read", "UnicodeDecodeError", "can't decode", str(n))
                for n in range(1, 101)
            ),
            rejected("read", "InputError", "the 100 lines before are all broken", "101"),
        ],
    )

    # Invalid UTF-8, undeclared legacy charsets, mixed encodings.
    street = "Die Hafenstraße wird für den Verkehr gesperrt, sagte der Bürgermeister.\n\n"
    utf8 = (street + text_page("invalid-utf8")).encode()
    case(
        "invalid-utf8.txt",
        utf8[:90] + b"\xff\xfe" + utf8[90:] + b"\xc3",
        archived=[""],
        encoding="utf-8+cp1252",
        contains=["Hafenstraße"],
    )
    case(
        "legacy-cp1252.txt",
        DE.encode("cp1252"),
        archived=[""],
        encoding="cp1252",
        contains=["Fußgängerbrücke", "„Wir schließen damit eine Lücke“"],
    )
    case(
        "legacy-koi8-r.txt",
        RU.encode("koi8-r"),
        archived=[""],
        encoding="koi8-r",
        contains=["Городской совет"],
    )
    case("legacy-shift-jis.txt", JA.encode("shift_jis"), archived=[""], contains=["記録的な大雨"])
    mixed = DE.encode("utf-8") + FR.encode("cp1252") + text_page("mixed").encode("utf-8")
    case(
        "mixed-encodings.txt",
        mixed,
        archived=[""],
        encoding="utf-8+cp1252",
        contains=["Fußgängerbrücke", "Le café du port est très apprécié"],
    )
    case(
        "wrong-charset.html",
        html_page("wrong-charset", extra=f"<p>{DE}</p>").encode("cp1252"),
        archived=[""],
        contains=["Fußgängerbrücke"],
    )

    # NUL bytes and control characters.
    nul = text_page("nul").encode()
    case(
        "nul-bytes.txt",
        nul[:50] + b"\x00" + nul[50:],
        rejected=[rejected("read", "InputError", "NUL bytes")],
    )
    case(
        "utf16-without-bom.txt",
        text_page("utf16").encode("utf-16-le"),
        rejected=[rejected("read", "InputError", "NUL bytes")],
    )
    # An HTML page with a stray NUL is read as a browser reads it: without the NUL.
    nul_html = html_page("nul-html").encode()
    case(
        "nul-bytes.html",
        nul_html[:200] + b"\x00" + nul_html[200:],
        archived=[""],
        contains=[article("nul-html")[0]],
    )
    case(
        "nul-bytes-many.html",
        nul_html.replace(b"<p>", b"<p>\x00\x00\x00\x00"),
        rejected=[rejected("read", "InputError", "NUL")],
    )
    controls = (
        text_page("controls").replace(". ", ".\x07 ", 2).replace("\n\n", "\x1b[0m\n\x0c\n", 1)
    )
    case("control-chars.txt", controls.encode(), archived=[""], no_controls=True)
    case(
        "control-chars-heavy.txt",
        ("\x1b[31m\x07ab" * 200).encode(),
        rejected=[rejected("read", "InputError", "control characters")],
    )

    # Broken gzip.
    whole = gzip.compress(text_page("truncated").encode(), mtime=0)
    case(
        "truncated.txt.gz",
        whole[: len(whole) // 2],
        rejected=[rejected("read", "EOFError", "truncated gzip data")],
    )
    case(
        "corrupt.txt.gz",
        whole[:12] + bytes(b ^ 0x5A for b in whole[12:]),
        rejected=[rejected("read", "BadGzipFile", "corrupt gzip data")],
    )
    case(
        "not-gzip.md.gz",
        text_page("not-gzip").encode(),
        rejected=[rejected("read", "BadGzipFile", "corrupt gzip data")],
    )
    page = gzip.compress(html_page("truncated-html").encode(), mtime=0)
    case(
        "truncated.html.gz",
        page[:-10],
        rejected=[rejected("read", "EOFError", "truncated gzip data")],
    )

    # HTML: malformed, a bare fragment, no markup, nothing to extract, XML entities.
    good = html_page("malformed")
    broken = good.replace("</p>", "", 3).replace("<article>", "<article><div><span><table>")
    broken = broken.replace("</body>", "</div></div></span><<<>>> <p class='x>") + "</html></html>"
    case("malformed.html", broken.encode(), archived=[""], contains=[article("malformed")[-1]])
    fragment = "".join(f"<p>{s}</p>" for s in article("fragment"))
    case("fragment.html", fragment.encode(), archived=[""], contains=[article("fragment")[0]])
    case(
        "no-markup.html",
        text_page("no-markup").encode(),
        rejected=[rejected("extract", "NoArticle", "no markup in it")],
    )
    shell = (
        "<html><head><title>Menu</title><script>var a = 1;</script><style>p {}</style></head>"
        '<body><img src="/logo.png"><script>document.write("late");</script></body></html>'
    )
    case(
        "extracts-to-nothing.html",
        shell.encode(),
        rejected=[rejected("extract", "NoArticle", "no article text")],
    )
    laughs = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10)
    )  # each level ten times the one before: 10^9 "lol" if ever expanded
    billion = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol1 "lol">'
        + laughs
        + "]>\n<html><body><article><p>&lol9;</p>"
        + "".join(f"<p>{s}</p>" for s in article("billion-laughs"))
        + "</article></body></html>"
    )
    case(
        "billion-laughs.html",
        billion.encode(),
        archived=[""],
        contains=[article("billion-laughs")[0]],
        absent=["lollol"],
    )

    # WARC records with bad lengths or headers; each good record has an article of its own.
    def good_record(n: int) -> bytes:
        return warc_record(http_page(html_page(f"warc-{n}")), n)

    block = http_page(html_page("warc-long"))
    case(
        "length-too-long.warc",
        good_record(11) + warc_record(block, 12, length=str(len(block) + 500))[:-4],
        archived=[record_id(11)],
        rejected=[rejected("read", "InputError", "truncated", record_id(12))],
    )
    case(
        "length-not-a-number.warc",
        good_record(21) + warc_record(block, 22, length="abc") + good_record(23),
        archived=[record_id(21)],
        rejected=[
            rejected("read", "InputError", "bad Content-Length 'abc'", record_id(22)),
            rejected("read", "OSError", "unreadable after record", f"after {record_id(22)}"),
        ],
    )
    case(
        "length-missing.warc",
        warc_record(block, 31, length="missing") + good_record(32),
        rejected=[
            rejected("read", "InputError", "bad Content-Length ''", record_id(31)),
            rejected("read", "OSError", "unreadable after record", f"after {record_id(31)}"),
        ],
    )
    case(
        "no-warc-type.warc",
        warc_record(block, 41, kind=None) + good_record(42),
        archived=[record_id(42)],
        rejected=[rejected("read", "InputError", "no WARC-Type", record_id(41))],
    )
    case(
        "unknown-warc-type.warc",
        warc_record(block, 51, kind="gossip") + good_record(52),
        archived=[record_id(52)],
        rejected=[rejected("read", "InputError", "unknown WARC-Type 'gossip'", record_id(51))],
    )
    not_http = b"NOT HTTP AT ALL\r\n\r\n" + html_page("warc-not-http").encode()
    case(
        "not-http.warc",
        warc_record(not_http, 61) + good_record(62),
        archived=[record_id(62)],
        rejected=[rejected("read", "InputError", "not an HTTP response", record_id(61))],
    )
    case(
        "bad-digest.warc",
        warc_record(block, 71, digest=sha1_digest(block + b"x")) + good_record(72),
        archived=[record_id(72)],
        rejected=[rejected("read", "InputError", "block digest does not match", record_id(71))],
    )
    header_garbage = good_record(81).replace(
        b"WARC-Date", b"\xff\xfe garbage without colon\r\nWARC-Date"
    )
    case("garbage-header-line.warc", header_garbage, archived=[record_id(81)])
    case(
        "bad-version.warc",
        good_record(91).replace(b"WARC/1.1", b"WARC/9.9", 1),
        rejected=[rejected("read", "OSError", "unreadable at the first record")],
    )
    empty_body = warc_record(http_page("<html><body></body></html>"), 101)
    case(
        "extracts-to-nothing.warc",
        empty_body,
        rejected=[rejected("extract", "NoArticle", "no article text", record_id(101))],
    )
    members = b"".join(gzip.compress(good_record(n), mtime=0) for n in (111, 112))
    case(
        "truncated.warc.gz",
        members[:-40],
        archived=[record_id(111)],
        rejected=[rejected("read", "InputError", "truncated", record_id(112))],
    )

    # JSONL with broken lines: every kind of bad line between two good ones.
    def line(**fields: Any) -> str:
        return json.dumps(fields, ensure_ascii=False)

    lines = [
        line(url="https://news.example/1", html=html_page("jsonl-1")),
        '{"url": "https://news.example/2", "html": "<p>cut off',
        json.dumps(["not", "an", "object"]),
        line(url=5, text=text_page("jsonl-4")),
        line(text=text_page("jsonl-5"), fetched_at="yesterday"),
        line(title="no html, no text"),
        "[" * 5000 + "]" * 5000,
        line(text="A NUL \u0000 character in the text of a page."),
        json.dumps({"text": text_page("jsonl-9")}).replace('": "', '": "\\ud83d', 1),
        "not json at all",
        line(url="https://news.example/11", text=text_page("jsonl-11"), fetched_at=DATE),
    ]
    raw = ("\n".join(lines) + "\n").encode()
    raw = raw.replace(b"not json at all", b"not json \xff\xfe at all")
    case(
        "broken-lines.jsonl",
        raw,
        archived=["1", "9", "11"],
        rejected=[
            rejected("read", "JSONDecodeError", "Invalid control character", "2"),
            rejected("read", "InputError", "not a JSON object but list", "3"),
            rejected("read", "InputError", "'url' is int, not a string", "4"),
            rejected("read", "ValueError", "'fetched_at' is not a time", "5"),
            rejected("read", "InputError", "no 'html' or 'text' with content", "6"),
            rejected("read", "RecursionError", "JSON nested too deeply", "7"),
            rejected("read", "InputError", "NUL characters", "8"),
            rejected("read", "UnicodeDecodeError", "can't decode byte 0xff", "10"),
        ],
    )
    scraped = "".join(line(text=text_page(f"gz-{n}")) + "\n" for n in range(1, 21)).encode()
    packed = gzip.compress(scraped, mtime=0)
    case(
        "truncated.jsonl.gz",
        packed[: len(packed) * 3 // 4],
        archived=[str(n) for n in range(1, 9)],  # the lines before the break
        rejected=[rejected("read", "EOFError", "unreadable from here on: truncated gzip", "9")],
    )
    nothing = line(url="https://news.example/nothing", html=shell)
    case(
        "extracts-to-nothing.jsonl",
        (nothing + "\n").encode(),
        rejected=[rejected("extract", "NoArticle", "no article text", "1")],
    )

    IN.mkdir(exist_ok=True)
    for old in IN.iterdir():
        old.unlink()
    for name, data in files.items():
        (IN / name).write_bytes(data)
    text = json.dumps(expected, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    (HERE / "expected.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
