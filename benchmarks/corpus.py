"""Build benchmark corpora with known duplicate rates from the trafilatura-eval pages.

Originals are made by drawing paragraphs from different real pages, so no two are near
duplicates by accident; then a share of exact copies (byte-identical, under another
name) and of near copies (one line changed) is added. Text pages are full-page dumps
(every line of the page's visible text, menus and footers included, as the seeds are);
HTML pages are the real pages (cycled when more are asked for: those are exact copies
too), and their near copies have a few words added to one paragraph.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import lxml.html

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "trafilatura-eval"


def eval_pages() -> list[Path]:
    """The development set's gzipped HTML pages, sorted."""
    pages = sorted((EVAL / "html").glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no pages under {EVAL / 'html'}: the benchmarks need ../shared")
    return pages


def text_dump(html: bytes) -> str:
    """Every line of visible text of a page (a full-page dump, no DOM left), decoded as
    newsclean decodes HTML (lxml alone guesses Latin-1 and makes mojibake of UTF-8)."""
    from newsclean.errors import InputError
    from newsclean.read.html import decode_html

    try:
        root = lxml.html.fromstring(decode_html(html, "page.html")[0])
    except (ValueError, lxml.etree.ParserError, InputError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def build_text(out: Path, pages: int, exact: float = 0.1, near: float = 0.1, seed: int = 7) -> int:
    """Write ``pages`` text pages to ``out``; return their total size in bytes."""
    rng = random.Random(seed)
    dumps = [
        d.split("\n")
        for d in (text_dump(gzip.decompress(p.read_bytes())) for p in eval_pages())
        if d
    ]
    originals = int(pages / (1 + exact + near))
    out.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(originals):
        source = rng.sample(dumps, 3)
        lines = [line for dump in source for line in dump[: rng.randint(20, 80)]]
        texts.append("\n".join(lines))
        (out / f"orig-{i:06d}.txt").write_text(texts[-1], "utf-8")
    for i in range(int(originals * exact)):
        (out / f"exact-{i:06d}.txt").write_text(texts[rng.randrange(originals)], "utf-8")
    for i in range(pages - originals - int(originals * exact)):
        lines = texts[rng.randrange(originals)].split("\n")
        at = rng.randrange(len(lines))
        lines[at] = lines[at] + " (updated)"
        (out / f"near-{i:06d}.txt").write_text("\n".join(lines), "utf-8")
    return sum(p.stat().st_size for p in out.iterdir())


def build_html(out: Path, pages: int, exact: float = 0.1, near: float = 0.1, seed: int = 7) -> int:
    """Write ``pages`` HTML pages to ``out``, the real pages (cycled when more are asked
    for than there are) with a share of exact and of near copies (one paragraph
    changed); return their total size in bytes."""
    rng = random.Random(seed)
    source = eval_pages()
    originals = int(pages / (1 + exact + near))
    out.mkdir(parents=True, exist_ok=True)
    htmls = []
    for i in range(originals):
        htmls.append(gzip.decompress(source[i % len(source)].read_bytes()))
        (out / f"page-{i:06d}.html").write_bytes(htmls[-1])
    for i in range(int(originals * exact)):
        (out / f"exact-{i:06d}.html").write_bytes(htmls[rng.randrange(originals)])
    for i in range(pages - originals - int(originals * exact)):
        html = htmls[rng.randrange(originals)]
        # A paragraph from the middle on gets a few words more: the article's near copy.
        at = html.find(b"</p>", len(html) // 2)
        at = at if at >= 0 else max(html.find(b"</p>"), 0)
        (out / f"near-{i:06d}.html").write_bytes(html[:at] + b" (updated today)" + html[at:])
    return sum(p.stat().st_size for p in out.iterdir())
