"""Score newsclean's HTML extraction on the trafilatura evaluation set, next to plain trafilatura.

    python benchmarks/html_quality.py [--set ../shared/bench/trafilatura-eval] [--limit N]
    python benchmarks/html_quality.py --part even     # tune on one half, check on the other

Each page goes through what a run does to it: decoding (read), extraction,
repair, cleaning and metadata; the score is of the archived ``text`` and
metadata. Figures (each a share, higher is better):

- must-contain: the set's "with" strings found in the text;
- must-not-contain: its "without" strings absent from the text;
- title, author: equal to the gold, ignoring case and spacing (pages with gold);
- date: equal to the gold date (pages with a gold date).

Strings are compared with runs of whitespace collapsed, as the set's own scorer
does. The baseline is ``trafilatura.extract`` with its defaults and with
``favor_precision``, and its metadata (``bare_extraction(with_metadata=True)``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "bench" / "trafilatura-eval"
TARGET = {"must-contain": 0.95, "must-not-contain": 0.93, "title": 0.80, "date": 0.90}


@dataclass(frozen=True)
class Output:
    """What one extractor made of one page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


def newsclean_output(url: str, raw: bytes) -> Output:
    """The page as newsclean archives it: text (kept lines) and metadata."""
    from newsclean.clean import clean
    from newsclean.config import Config
    from newsclean.extract import extract
    from newsclean.metadata import extract_metadata
    from newsclean.page import InputInfo, Page
    from newsclean.read.html import decode_html
    from newsclean.repair import repair

    config = Config()
    markup, encoding = decode_html(raw, url)
    info = InputInfo(url, "", len(raw), datetime.now(UTC), "html", url=url)
    pages, _ = extract([Page(input=info, text="", markup=markup, encoding=encoding)], config)
    if not pages:
        return Output("")
    (page,) = extract_metadata(clean(repair(pages, config), config), config)
    meta = page.meta
    return Output(
        page.body, meta.title, meta.author, meta.published.isoformat() if meta.published else None
    )


def trafilatura_output(url: str, raw: bytes, favor_precision: bool) -> Output:
    """Plain trafilatura, as the issue measured it."""
    import trafilatura

    text = trafilatura.extract(raw, favor_precision=favor_precision) or ""
    if favor_precision:
        return Output(text)
    document = trafilatura.bare_extraction(raw, with_metadata=True)
    if document is None:
        return Output(text)
    return Output(text, document.title, document.author, document.date)


EXTRACTORS: dict[str, Callable[[str, bytes], Output]] = {
    "newsclean": newsclean_output,
    "trafilatura": lambda url, raw: trafilatura_output(url, raw, False),
    "trafilatura favor_precision": lambda url, raw: trafilatura_output(url, raw, True),
}


def _run(job: tuple[str, str, Path]) -> tuple[str, dict[str, Output]]:
    name, url, file = job
    raw = gzip.decompress(file.read_bytes())
    outputs = {}
    for extractor, function in EXTRACTORS.items():
        if extractor == name or name == "all":
            try:
                outputs[extractor] = function(url, raw)
            except Exception as exc:  # a crash scores as an empty extraction
                print(f"{extractor} failed on {url}: {exc!r}", file=sys.stderr)
                outputs[extractor] = Output("")
    return url, outputs


def _squash(text: str | list[str] | None) -> str:
    if isinstance(text, list):
        text = "; ".join(text)
    return " ".join((text or "").split())


def score(gold: dict[str, dict[str, Any]], outputs: dict[str, Output]) -> dict[str, float]:
    """The figures of one extractor over the pages in ``outputs``."""
    found = wanted = absent = unwanted = 0
    fields = {"title": [0, 0], "author": [0, 0], "date": [0, 0]}
    for url, output in outputs.items():
        page, text = gold[url], _squash(output.text)
        found += sum(_squash(s) in text for s in page["with"])
        wanted += len(page["with"])
        absent += sum(_squash(s) not in text for s in page["without"])
        unwanted += len(page["without"])
        for field, tally in fields.items():
            expected = page.get(field)
            if expected is None or (field == "date" and not expected):
                continue  # no gold (the set marks "no date" as "" and scores no date)
            got = _squash(getattr(output, field))
            tally[0] += got.casefold() == _squash(expected).casefold()
            tally[1] += 1
    figures = {
        "must-contain": found / max(wanted, 1),
        "must-not-contain": absent / max(unwanted, 1),
    }
    figures.update({field: ok / max(total, 1) for field, (ok, total) in fields.items()})
    return figures


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="the evaluation set")
    parser.add_argument("--limit", type=int, default=None, help="score the first N pages only")
    parser.add_argument("--only", choices=[*EXTRACTORS, "all"], default="all")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument(
        "--part",
        choices=["all", "even", "odd"],
        default="all",
        help="the even- or odd-indexed pages only (in the set's order)",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    gold = json.loads((args.set / "evaldata.json").read_text("utf-8"))
    jobs = [
        (args.only, url, args.set / "html" / f"{page['file']}.gz") for url, page in gold.items()
    ]
    jobs = jobs if args.part == "all" else jobs[args.part == "odd" :: 2]
    jobs = jobs[: args.limit]
    started = time.monotonic()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(_run, jobs, chunksize=4))
    elapsed = time.monotonic() - started
    print(f"{len(results)} pages, {elapsed:.0f} s")
    header = f"{'':30}" + "".join(f"{name:>18}" for name in ("must-contain", "must-not-contain"))
    print(header + "".join(f"{name:>10}" for name in ("title", "author", "date")))
    for extractor in EXTRACTORS:
        outputs = {url: r[extractor] for url, r in results.items() if extractor in r}
        if not outputs:
            continue
        figures = score(gold, outputs)
        row = f"{extractor:30}"
        row += "".join(f"{figures[k]:>18.3f}" for k in ("must-contain", "must-not-contain"))
        with_metadata = extractor != "trafilatura favor_precision"  # text only
        row += "".join(
            f"{figures[k]:>10.3f}" if with_metadata else f"{'-':>10}"
            for k in ("title", "author", "date")
        )
        print(row)
    print("target (newsclean): " + ", ".join(f"{k} >= {v:.2f}" for k, v in TARGET.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
