"""Speed and memory of newsclean next to the hand-written glue it replaces and datatrove.

    python benchmarks/speed.py --pages 2000 --workers 1 2                 # text path
    python benchmarks/speed.py --path html --pages 500 --workers 1 2       # HTML path
    python benchmarks/speed.py --peer-python /tmp/dtvenv/bin/python ...    # with datatrove
    python benchmarks/speed.py --memory-pages 100000 --work /tmp/bench     # peak RSS, 100k
    python benchmarks/speed.py --cross-run 100000 --work /tmp/bench        # 1k into 100k

Builds a corpus with known duplicate rates (benchmarks/corpus.py), then runs, for each
worker count and alternating so that machine noise hits all alike: newsclean end to
end (`newsclean run`, a fresh archive each time), the glue pipeline of the issue (text:
ftfy → pycld2 → exact hash → datasketch MinHash LSH (128 perms, 0.8) → one Parquet
file; HTML: trafilatura.extract first) and datatrove (JSONL reader → (Trafilatura) →
FTFYFormatter → its four MinHash stages → ParquetWriter). datatrove runs in its own
Python (`--peer-python`, a venv with `datatrove[processing]`), because its pins clash
with newsclean's; without one it is reported as not available. Each run is a fresh
process; peak RSS is the largest of the process and its workers. Prints docs/s, MB/s,
peak RSS and the ratios. A benchmark, not a test: nothing here is timed in CI.

`--memory-pages N` runs newsclean once over N text pages and prints its peak RSS;
`--cross-run N` times adding 1,000 new pages to an archive of N pages against adding
them to an empty archive. Both keep their corpus and archive under `--work DIR`, so a
second call reuses them (building 100,000 pages takes a while).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PIPELINES = ("newsclean", "glue", "datatrove")


def _glue_doc(args: tuple[str, bool]) -> tuple[str, str, str, object]:
    """The glue's per-document work: (extract), ftfy, language, exact hash, MinHash."""
    import ftfy
    import pycld2
    from datasketch import MinHash

    path, html = args
    data = Path(path).read_bytes()
    if html:
        import trafilatura

        text = trafilatura.extract(data.decode("utf-8", "replace")) or ""
    else:
        text = data.decode("utf-8", "replace")
    text = ftfy.fix_text(text)
    try:
        language = pycld2.detect(text)[2][0][1]
    except pycld2.error:
        language = "un"
    words = text.split()
    sketch = MinHash(num_perm=128)
    sketch.update_batch(
        [" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))]
    )
    return text, language, hashlib.sha256(text.encode()).hexdigest(), sketch


def glue(inputs: Path, out: Path, workers: int, html: bool) -> None:
    """The hand-written pipeline: a notebook's worth of trafilatura, ftfy, pycld2, datasketch."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasketch import MinHashLSH

    paths = [(str(p), html) for p in sorted(inputs.iterdir())]
    with Pool(workers) as pool:
        docs = pool.map(_glue_doc, paths, chunksize=16)
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    seen: set[str] = set()
    kept = []
    for (path, _), (text, language, digest, sketch) in zip(paths, docs, strict=True):
        if digest in seen:
            continue
        seen.add(digest)
        if lsh.query(sketch):
            continue
        lsh.insert(path, sketch)
        kept.append({"path": path, "text": text, "language": language})
    pq.write_table(pa.Table.from_pylist(kept), out / "glue.parquet", compression="zstd")


def datatrove(shards: Path, out: Path, workers: int, html: bool) -> None:
    """datatrove 0.10's pipeline of the issue: reader → (Trafilatura) → FTFYFormatter →
    MinHash signatures, buckets, clusters, filter → ParquetWriter; one shard per task."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.formatters import FTFYFormatter
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter, ParquetWriter

    config = MinhashConfig()
    tasks = len(list(shards.glob("*.jsonl")))
    work, logs = out / "work", out / "logs"
    first = [JsonlReader(str(shards)), *([Trafilatura()] if html else []), FTFYFormatter()]
    docs, sigs, buckets, remove = (str(work / name) for name in ("docs", "sigs", "buckets", "rm"))
    stages = [
        ([*first, JsonlWriter(docs), MinhashDedupSignature(sigs, config)], tasks),
        ([MinhashDedupBuckets(sigs, buckets, config=config)], config.num_buckets),
        ([MinhashDedupCluster(buckets, remove, config=config)], 1),
        ([JsonlReader(docs), MinhashDedupFilter(remove), ParquetWriter(str(out / "kept"))], tasks),
    ]
    for number, (pipeline, count) in enumerate(stages):
        LocalPipelineExecutor(
            pipeline, tasks=count, workers=workers, logging_dir=str(logs / str(number))
        ).run()


def _shards(inputs: Path, workers: int) -> Path:
    """The corpus as ``workers`` JSONL files (datatrove's input; built untimed, once)."""
    shards = inputs.parent / f"{inputs.name}-jsonl-{workers}"
    if not shards.is_dir():
        shards.mkdir()
        lines: list[list[str]] = [[] for _ in range(workers)]
        for at, path in enumerate(sorted(inputs.iterdir())):
            text = path.read_bytes().decode("utf-8", "replace")
            lines[at % workers].append(json.dumps({"id": path.name, "text": text}) + "\n")
        for number, shard in enumerate(lines):
            (shards / f"{number:03d}.jsonl").write_text("".join(shard), "utf-8")
    return shards


def _measure(
    kind: str, inputs: Path, workers: int, html: bool, python: str, out: Path | None = None
) -> dict[str, float]:
    """Run one pipeline in a fresh process (``speed.py --one``); wall time and peak RSS.

    ``out`` is an archive to add to (kept); by default a fresh one that is removed."""
    scratch = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
    try:
        target = out or scratch / "archive"
        command = [python, __file__, "--one", kind, str(inputs), str(target), str(workers),
                   str(html)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"{kind} failed:\n{done.stderr[-4000:]}")
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_one(kind: str, inputs: Path, out: Path, workers: int, html: bool) -> None:
    """Run one pipeline in this process (called by ``_measure`` in a fresh one)."""
    if kind == "newsclean":
        from newsclean import Config
        from newsclean.pipeline import run

        run(inputs, out, Config(workers=workers))
    elif kind == "glue":
        out.mkdir(parents=True)
        glue(inputs, out, workers, html)
    else:
        datatrove(_shards(inputs, workers), out, workers, html)


def _one(kind: str, inputs: str, out: str, workers: str, html: str) -> None:
    started = time.perf_counter()
    run_one(kind, Path(inputs), Path(out), int(workers), html == "True")
    seconds = time.perf_counter() - started
    rss = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({"seconds": seconds, "rss_mb": rss / 1024}))


def _peer_available(python: str | None) -> bool:
    """Whether ``python`` exists and imports datatrove."""
    if not python:
        return False
    try:
        done = subprocess.run([python, "-c", "import datatrove"], capture_output=True, check=False)
    except OSError:
        return False
    return done.returncode == 0


def compare(args: argparse.Namespace) -> None:
    """The side-by-side table of newsclean, the glue and datatrove, and the ratios."""
    html = args.path == "html"
    kinds = ["newsclean", "glue"]
    if _peer_available(args.peer_python):
        kinds.append("datatrove")
    else:
        print(
            "datatrove: not available (give --peer-python, a Python with "
            "'datatrove[processing]' installed; not installed next to newsclean)"
        )
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        inputs = Path(tmp) / "in"
        build = corpus.build_html if html else corpus.build_text
        size = build(inputs, args.pages)
        print(
            f"corpus: {args.pages} {args.path} pages, {size / 1e6:.1f} MB "
            f"(10% exact and ~10% near copies); {os.cpu_count()} cores"
        )
        print(f"{'pipeline':<12} {'workers':>7} {'docs/s':>8} {'MB/s':>7} {'peak RSS MB':>12}")
        results: dict[tuple[str, int], float] = {}
        for workers in args.workers:
            for _ in range(args.repeat):
                for kind in kinds:
                    python = sys.executable
                    if kind == "datatrove":
                        python = args.peer_python
                        _shards(inputs, workers)  # its input format, made before the clock
                    figures = _measure(kind, inputs, workers, html, python)
                    docs = args.pages / figures["seconds"]
                    results[(kind, workers)] = max(results.get((kind, workers), 0.0), docs)
                    print(
                        f"{kind:<12} {workers:>7} {docs:>8.1f} "
                        f"{size / 1e6 / figures['seconds']:>7.2f} {figures['rss_mb']:>12.0f}"
                    )
        print("(best of the repeats below)")
        for workers in args.workers:
            for peer in kinds[1:]:
                ratio = results[("newsclean", workers)] / results[(peer, workers)]
                print(f"newsclean / {peer} at {workers} worker(s): {ratio:.2f}x")
        if len(args.workers) > 1:
            first, last = args.workers[0], args.workers[-1]
            for kind in kinds:
                scaling = results[(kind, last)] / results[(kind, first)]
                print(f"{kind} scaling {first} -> {last} workers: {scaling:.2f}x")


def _text_corpus(work: Path, name: str, pages: int, seed: int = 7) -> Path:
    """A text corpus under ``work`` (built once, then reused)."""
    folder = work / name
    if not (folder / ".done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        corpus.build_text(folder, pages, seed=seed)
        (folder / ".done").touch()
    return folder


def memory(args: argparse.Namespace) -> None:
    """Peak RSS of one newsclean run over ``--memory-pages`` text pages."""
    work = Path(args.work)
    inputs = _text_corpus(work, f"text-{args.memory_pages}", args.memory_pages)
    workers = args.workers[-1]
    figures = _measure("newsclean", inputs, workers, False, sys.executable)
    print(
        f"newsclean, {args.memory_pages} text pages, {workers} worker(s): "
        f"{figures['seconds']:.0f} s ({args.memory_pages / figures['seconds']:.0f} docs/s), "
        f"peak RSS {figures['rss_mb']:.0f} MB"
    )


def cross_run(args: argparse.Namespace) -> None:
    """Adding 1,000 new pages to an archive of ``--cross-run`` pages, and to an empty one."""
    work = Path(args.work)
    base = _text_corpus(work, f"text-{args.cross_run}", args.cross_run)
    new = _text_corpus(work, "text-1000-new", 1000, seed=8)
    archive = work / f"archive-{args.cross_run}"
    workers = args.workers[-1]
    if not (archive / ".done").exists():
        shutil.rmtree(archive, ignore_errors=True)
        print(f"building the archive of {args.cross_run} pages (once) …", flush=True)
        figures = _measure("newsclean", base, workers, False, sys.executable, archive)
        print(f"  {figures['seconds']:.0f} s, peak RSS {figures['rss_mb']:.0f} MB")
        (archive / ".done").touch()
    timings: dict[str, list[float]] = {"empty": [], "full": []}
    for _ in range(args.repeat):
        for kind in ("empty", "full"):
            with tempfile.TemporaryDirectory(prefix="bench-cross-", dir=work) as tmp:
                target = Path(tmp) / "archive"
                if kind == "full":
                    shutil.copytree(archive, target, ignore=shutil.ignore_patterns(".done"))
                figures = _measure("newsclean", new, workers, False, sys.executable, target)
                timings[kind].append(figures["seconds"])
                print(
                    f"1,000 pages into {'an empty archive' if kind == 'empty' else 'the archive'}"
                    f": {figures['seconds']:.2f} s, peak RSS {figures['rss_mb']:.0f} MB"
                )
    ratio = min(timings["full"]) / min(timings["empty"])
    print(f"cost of {args.cross_run} archived pages: {ratio:.2f}x (best of {args.repeat})")


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        _one(*sys.argv[2:7])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", choices=["text", "html"], default="text")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--peer-python",
        default=os.environ.get("NEWSCLEAN_BENCH_PEER"),
        help="a Python with datatrove[processing] (default: $NEWSCLEAN_BENCH_PEER)",
    )
    parser.add_argument("--memory-pages", type=int, help="only: peak RSS over N text pages")
    parser.add_argument("--cross-run", type=int, help="only: 1,000 pages into N archived")
    parser.add_argument("--work", default="/tmp/newsclean-bench", help="kept corpora, archive")
    args = parser.parse_args()
    if args.memory_pages:
        memory(args)
    elif args.cross_run:
        cross_run(args)
    else:
        compare(args)


if __name__ == "__main__":
    main()
