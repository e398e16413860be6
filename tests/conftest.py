"""Shared fixtures: the seeds, their gold, and fresh archive folders."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from pyarrow import fs

# The same examples every run, so that CI passes or fails on the code, not on the draw;
# NEWSCLEAN_HYPOTHESIS=explore draws new ones (and more) to look for new failures.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("NEWSCLEAN_HYPOTHESIS", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "clean" / "seeds-gold"


def load_gold() -> dict[str, dict[str, Any]]:
    """Gold cleaning of each seed, keyed by the seed's file name."""
    return {f"{p.stem}.txt": json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture(scope="session")
def gold() -> dict[str, dict[str, Any]]:
    return load_gold()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of seeds/ (tests add files to it)."""
    target = tmp_path / "in"
    target.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (target / seed.name).write_bytes(seed.read_bytes())
    return target


@dataclass(frozen=True)
class ObjectStore:
    """A local S3 API server (moto, in its own process) and the environment that
    points AWS clients at it."""

    env: dict[str, str]

    def client(self) -> fs.S3FileSystem:
        return fs.S3FileSystem(
            access_key=self.env["AWS_ACCESS_KEY_ID"],
            secret_key=self.env["AWS_SECRET_ACCESS_KEY"],
            region=self.env["AWS_REGION"],
            endpoint_override=self.env["AWS_ENDPOINT_URL"],
            allow_bucket_creation=True,
        )

    def bucket(self) -> str:
        """A new, empty bucket's name."""
        name = f"news-{uuid.uuid4().hex[:12]}"
        self.client().create_dir(name)
        return name

    def upload(self, folder: Path, url: str) -> None:
        """Copy a local folder's files to ``s3://bucket/prefix``."""
        fs.copy_files(str(folder), url.removeprefix("s3://"), destination_filesystem=self.client())


@pytest.fixture(scope="session")
def object_store() -> Iterator[ObjectStore]:
    """One S3 server for the session. In its own process: deltalake holds the GIL while
    it waits for the store, so a server thread in the test process would never answer."""
    pytest.importorskip("moto", reason="the test extra's moto[server] is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the S3 test server did not start") from None
                time.sleep(0.1)
        yield ObjectStore(
            {
                "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test",
                "AWS_REGION": "us-east-1",
                "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
                "AWS_ALLOW_HTTP": "true",
                "AWS_EC2_METADATA_DISABLED": "true",
            }
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3(object_store: ObjectStore, monkeypatch: pytest.MonkeyPatch) -> ObjectStore:
    """The session's S3 server, with this test's environment pointing at it."""
    for name, value in object_store.env.items():
        monkeypatch.setenv(name, value)
    return object_store
