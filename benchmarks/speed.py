"""Speed and memory of newsclean next to the hand-written glue it replaces.

    python benchmarks/speed.py --pages 2000 --workers 1 2            # text path
    python benchmarks/speed.py --path html --pages 500 --workers 1 2  # HTML path

Builds a corpus with known duplicate rates (benchmarks/corpus.py), then runs, for each
worker count and alternating so that machine noise hits all alike: newsclean end to
end (`newsclean run`, a fresh archive each time) and the glue pipeline of the issue
(text: ftfy → pycld2 → exact hash → datasketch MinHash LSH (128 perms, 0.8) → one
Parquet file; HTML: trafilatura.extract first). Each run is a fresh process; peak RSS
is the largest of the process and its workers. Prints docs/s, MB/s, peak RSS and the
ratios. A benchmark, not a test: nothing here is timed in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import json
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


def _measure(kind: str, inputs: Path, workers: int, html: bool) -> dict[str, float]:
    """Run one pipeline in a fresh process (``speed.py --one``); wall time and peak RSS."""
    out = Path(tempfile.mkdtemp(prefix=f"bench-{kind}-"))
    try:
        command = [sys.executable, __file__, "--one", kind, str(inputs), str(out / "archive"),
                   str(workers), str(html)]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"{kind} failed:\n{done.stderr}")
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(out, ignore_errors=True)


def run_one(kind: str, inputs: Path, out: Path, workers: int, html: bool) -> None:
    """Run one pipeline in this process (called by ``_measure`` in a fresh one)."""
    if kind == "newsclean":
        from newsclean import Config
        from newsclean.pipeline import run

        run(inputs, out, Config(workers=workers))
    else:
        out.mkdir(parents=True)
        glue(inputs, out, workers, html)


def _one(kind: str, inputs: str, out: str, workers: str, html: str) -> None:
    started = time.perf_counter()
    run_one(kind, Path(inputs), Path(out), int(workers), html == "True")
    seconds = time.perf_counter() - started
    rss = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({"seconds": seconds, "rss_mb": rss / 1024}))


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        _one(*sys.argv[2:7])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", choices=["text", "html"], default="text")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    html = args.path == "html"
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        inputs = Path(tmp) / "in"
        build = corpus.build_html if html else corpus.build_text
        size = build(inputs, args.pages)
        print(
            f"corpus: {args.pages} {args.path} pages, {size / 1e6:.1f} MB "
            f"(10% exact and ~10% near copies)"
        )
        print(f"{'pipeline':<12} {'workers':>7} {'docs/s':>8} {'MB/s':>7} {'peak RSS MB':>12}")
        results: dict[tuple[str, int], float] = {}
        for workers in args.workers:
            for _ in range(args.repeat):
                for kind in ("newsclean", "glue"):
                    figures = _measure(kind, inputs, workers, html)
                    docs = args.pages / figures["seconds"]
                    results[(kind, workers)] = max(results.get((kind, workers), 0.0), docs)
                    print(
                        f"{kind:<12} {workers:>7} {docs:>8.1f} "
                        f"{size / 1e6 / figures['seconds']:>7.2f} {figures['rss_mb']:>12.0f}"
                    )
        for workers in args.workers:
            ratio = results[("newsclean", workers)] / results[("glue", workers)]
            print(f"newsclean / glue at {workers} worker(s): {ratio:.2f}x")
        if len(args.workers) > 1:
            first, last = args.workers[0], args.workers[-1]
            scaling = results[("newsclean", last)] / results[("newsclean", first)]
            print(f"newsclean scaling {first} -> {last} workers: {scaling:.2f}x")


if __name__ == "__main__":
    main()
