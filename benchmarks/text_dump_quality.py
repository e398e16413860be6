"""Score text-mode cleaning on full-page text dumps of the trafilatura evaluation set.

Each of the 990 HTML pages of ``../shared/bench/trafilatura-eval`` is flattened to text
with a maintained HTML-to-text tool (every line of the page, menus and footers
included: the kind of input text-mode cleaning gets), cleaned with ``clean_text``, and
scored with the page's strings from ``evaldata.json``: the share of must-contain strings
found and the share of must-not-contain strings absent (whitespace collapsed, as
trafilatura's own evaluation does). It prints the uncleaned dump as the baseline, and
the figures on the two halves of the pages (by file-name hash) that the thresholds of
``drop_outside_article`` were tuned and checked on.

    pip install '.[bench]'
    python benchmarks/text_dump_quality.py                 # html-text dumps
    python benchmarks/text_dump_quality.py --tool inscriptis
    python benchmarks/text_dump_quality.py --templates      # with leave-one-out templates
    python benchmarks/text_dump_quality.py --held-out m0.json m1.json  # see below

``--templates`` also learns site templates from the other pages of each page's host
(the "lone page of a known site" case); most hosts of the set have one page.
``--held-out`` scores each half of the pages with a line model trained on the other half
only (``train_line_model.py --part 0`` and ``--part 1``): the figure to trust, since the
packaged model was trained on every page of the set.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from newsclean.clean import clean_text
from newsclean.clean.line_model import LineModel
from newsclean.config import Config
from newsclean.page import InputInfo, Page
from newsclean.templates import LineStats, SiteTemplates, count_lines, site_of

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT.parent / "shared" / "bench" / "trafilatura-eval"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def decode(raw: bytes) -> str:
    """UTF-8, else the page's declared charset, else a detected one."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return str(from_bytes(raw).best() or raw.decode("latin-1"))


def dumper(tool: str) -> Callable[[str], str]:
    """The HTML-to-text function of ``tool`` (html-text or inscriptis)."""
    if tool == "html-text":
        import html_text

        return lambda html: str(html_text.extract_text(html, guess_layout=True))
    if tool == "inscriptis":
        import inscriptis

        return lambda html: str(inscriptis.get_text(html))
    raise SystemExit(f"unknown tool {tool!r}")


def dumps(data: Path, tool: str, cache: Path | None) -> list[tuple[dict[str, object], str]]:
    """(evaluation item, text dump) of every page; dumps are cached under ``cache``."""
    items = json.loads((data / "evaldata.json").read_text("utf-8"))
    to_text = dumper(tool)
    out = []
    for url, item in items.items():
        item = {**item, "url": url}
        cached = cache / tool / f"{item['file']}.txt" if cache else None
        if cached and cached.exists():
            text = cached.read_text("utf-8")
        else:
            html = decode(gzip.decompress((data / "html" / f"{item['file']}.gz").read_bytes()))
            text = to_text(html)
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(text, "utf-8")
        out.append((item, text))
    return out


def half(name: str) -> int:
    """Which half of the set a page is in (0 or 1), by a hash of its file name."""
    return hashlib.md5(name.encode()).digest()[0] % 2


class Score:
    """Must-contain strings found and must-not-contain strings absent."""

    def __init__(self) -> None:
        self.found = self.wanted = self.absent = self.unwanted = 0

    def add(self, item: dict[str, object], text: str) -> None:
        flat = " ".join(text.split())
        with_ = item["with"]
        without = item["without"]
        assert isinstance(with_, list) and isinstance(without, list)
        self.wanted += len(with_)
        self.found += sum(s in flat for s in with_)
        self.unwanted += len(without)
        self.absent += sum(s not in flat for s in without)

    def __str__(self) -> str:
        found = self.found / max(self.wanted, 1)
        absent = self.absent / max(self.unwanted, 1)
        return f"must-contain found {found:.3f}   must-not-contain absent {absent:.3f}"


def as_page(item: dict[str, object], text: str) -> Page:
    """A ``Page`` as a reader would make it from the dump, with the page's URL."""
    info = InputInfo(
        path=str(item["file"]),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        size=len(text.encode()),
        mtime=datetime(2000, 1, 1, tzinfo=UTC),
        format="text",
        url=str(item["url"]),
    )
    return Page(input=info, text=text)


def without(stats: LineStats, own: LineStats) -> LineStats:
    """``stats`` less one page's own counts (leave-one-out), for that page's site only."""
    ((site, _),) = own.site_pages.items() or ((None, 0),)
    lines = {}
    for key, count in stats.lines.items():
        if key[0] == site:
            left = count.pages - (own.lines[key].pages if key in own.lines else 0)
            if left:
                lines[key] = count._replace(pages=left)
    pages = {site: stats.pages_of(site) - own.pages_of(site)} if site else {}
    return LineStats(pages, lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_SET, help="evaluation set folder")
    parser.add_argument("--tool", default="html-text", choices=["html-text", "inscriptis"])
    parser.add_argument("--cache", type=Path, default=None, help="folder to cache dumps in")
    parser.add_argument("--templates", action="store_true", help="leave-one-out templates")
    parser.add_argument("--line-model", type=Path, default=None, help="a line model to use")
    parser.add_argument(
        "--held-out",
        type=Path,
        nargs=2,
        metavar=("MODEL0", "MODEL1"),
        help="line models trained on half 0 and on half 1: each half is scored with the other's",
    )
    args = parser.parse_args()
    model = None
    if args.line_model:
        model = LineModel.from_json(json.loads(args.line_model.read_text("utf-8")))
    held_out = [
        LineModel.from_json(json.loads(path.read_text("utf-8"))) for path in args.held_out or ()
    ]
    if not (args.data / "evaldata.json").exists():
        print(f"no evaluation set at {args.data}", file=sys.stderr)
        return 2
    pages = dumps(args.data, args.tool, args.cache)
    config = Config()
    everything = count_lines(as_page(i, t) for i, t in pages) if args.templates else None
    raw, cleaned, halves = Score(), Score(), (Score(), Score())
    size, started = 0, time.perf_counter()
    for item, text in pages:
        name = str(item["file"])
        templates, site = None, None
        if everything is not None:
            # The page's own lines taken out again: templates from the other pages only.
            page = as_page(item, text)
            site = site_of(page)
            templates = SiteTemplates.from_stats(without(everything, count_lines([page])))
        if held_out:
            model = held_out[1 - half(name)]
        body = clean_text(text, config, templates=templates, site=site, line_model=model).body
        size += len(text.encode())
        raw.add(item, text)
        cleaned.add(item, body)
        halves[half(name)].add(item, body)
    seconds = time.perf_counter() - started
    print(f"{len(pages)} pages, {args.tool} dumps, {size / 1e6:.1f} MB")
    print(f"uncleaned dump      {raw}")
    print(f"newsclean{' held out' if held_out else '         '}  {cleaned}")
    print(f"  tuning half       {halves[0]}")
    print(f"  check half        {halves[1]}")
    print(f"clean_text: {size / 1e6 / seconds:.1f} MB/s (one core, with the scoring)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
