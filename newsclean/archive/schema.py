"""Columns of the archive's tables, their types, and the conversion from pages to rows.

Bump ``SCHEMA_VERSION`` whenever a column changes meaning; it is written in each table's
description and in every commit's metadata, so a reader can tell which layout it reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyarrow as pa

from newsclean.page import Duplicate, Page, Reject, RunInfo

SCHEMA_VERSION = "1"

_TS = pa.timestamp("us", tz="UTC")
_STRINGS = pa.list_(pa.string())
REMOVAL = pa.struct(
    [("rule", pa.string()), ("role", pa.string()), ("line_no", pa.int32()), ("text", pa.string())]
)

# Provenance shared by every table that records an input.
_INPUT_FIELDS = [
    pa.field("input_path", pa.string(), nullable=False),
    pa.field("input_sha256", pa.string(), nullable=False),
    pa.field("input_size", pa.int64()),
    pa.field("input_mtime", _TS),
    pa.field("input_format", pa.string()),
    pa.field("input_record", pa.string()),
    pa.field("input_url", pa.string()),
    pa.field("fetched_at", _TS),
]
_RUN_FIELDS = [
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("newsclean_version", pa.string()),
    pa.field("config_hash", pa.string()),
]

ARTICLES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("group_id", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("language", pa.string()),
        pa.field("source_url", pa.string()),
        pa.field("publisher", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("author", pa.string()),
        pa.field("image_captions", _STRINGS),
        pa.field("word_count", pa.int32()),
        *_INPUT_FIELDS,
        pa.field("input_encoding", pa.string()),
        pa.field("repairs", _STRINGS),
        *_RUN_FIELDS,
        pa.field("rules_applied", _STRINGS),
        pa.field("removed", pa.list_(REMOVAL)),
        # Kept so later runs find near duplicates without re-reading archived text.
        pa.field("signature", pa.binary()),
        pa.field("signature_scheme", pa.string()),
    ]
)

DUPLICATES = pa.schema(
    [
        *_INPUT_FIELDS,
        pa.field("duplicate_of", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("similarity", pa.float32()),
        pa.field("source_url", pa.string()),
        pa.field("language", pa.string()),
        *_RUN_FIELDS,
    ]
)

REJECTS = pa.schema(
    [
        pa.field("input_path", pa.string(), nullable=False),
        pa.field("input_sha256", pa.string()),
        pa.field("input_record", pa.string()),
        pa.field("stage", pa.string()),
        pa.field("error", pa.string()),
        pa.field("message", pa.string()),
        *_RUN_FIELDS,
    ]
)

# Line statistics per site (newsclean.templates): each run appends its own counts and
# readers sum them. One row per (site, line) per run, plus one row per site per run with
# line_hash null whose ``pages`` is the number of that site's pages the run counted.
SITES = pa.schema(
    [
        pa.field("site", pa.string(), nullable=False),  # host, or "dir:" + input folder
        pa.field("line_hash", pa.int64()),  # stats.line_key of the line; null: the site row
        pa.field("line_sample", pa.string()),  # the line as first seen, cut to 120 chars
        pa.field("pages", pa.int64(), nullable=False),  # pages of this run it occurs on
        pa.field("first_seen_run", pa.string(), nullable=False),
        pa.field("last_seen_run", pa.string(), nullable=False),
    ]
)


RUNS = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("started_at", _TS),
        pa.field("ended_at", _TS),
        pa.field("newsclean_version", pa.string()),
        pa.field("config_hash", pa.string()),
        pa.field("inputs_seen", pa.int64()),
        pa.field("inputs_skipped", pa.int64()),
        pa.field("articles_added", pa.int64()),
        pa.field("duplicates", pa.int64()),
        pa.field("errors", pa.int64()),
        pa.field("articles_version", pa.int64()),
        pa.field("duplicates_version", pa.int64()),
        pa.field("rejects_version", pa.int64()),
    ]
)


def _input_columns(page: Page) -> dict[str, object]:
    info = page.input
    return {
        "input_path": info.path,
        "input_sha256": info.sha256,
        "input_size": info.size,
        "input_mtime": info.mtime,
        "input_format": info.format,
        "input_record": info.record,
        "input_url": info.url,
        "fetched_at": info.fetched_at,
    }


def _run_columns(run: RunInfo) -> dict[str, object]:
    return {
        "run_id": run.run_id,
        "newsclean_version": run.newsclean_version,
        "config_hash": run.config_hash,
    }


def articles_table(pages: Sequence[Page], run: RunInfo, signature_scheme: str) -> pa.Table:
    """Rows of ``articles`` for kept pages."""
    rows = []
    for page in pages:
        meta = page.meta
        rows.append(
            {
                "doc_id": page.doc_id,
                "group_id": page.group_id,
                "text": page.body,
                "title": meta.title,
                "language": meta.language,
                "source_url": meta.source_url,
                "publisher": meta.publisher,
                "published": meta.published,
                "author": meta.author,
                "image_captions": list(meta.image_captions),
                "word_count": meta.word_count,
                **_input_columns(page),
                "input_encoding": page.encoding,
                "repairs": list(page.repairs),
                **_run_columns(run),
                "rules_applied": list(page.rules_applied),
                "removed": [
                    {"rule": r.rule, "role": r.role, "line_no": r.line_no, "text": r.text}
                    for r in page.removed
                ],
                "signature": page.signature,
                "signature_scheme": signature_scheme,
            }
        )
    return pa.Table.from_pylist(rows, schema=ARTICLES)


def duplicates_table(duplicates: Sequence[Duplicate], run: RunInfo) -> pa.Table:
    """Rows of ``duplicates``: every copy that was not archived, and what it copies."""
    rows = [
        {
            **_input_columns(d.page),
            "duplicate_of": d.duplicate_of,
            "kind": d.kind,
            "similarity": d.similarity,
            "source_url": d.page.meta.source_url,
            "language": d.page.meta.language,
            **_run_columns(run),
        }
        for d in duplicates
    ]
    return pa.Table.from_pylist(rows, schema=DUPLICATES)


def rejects_table(rejects: Sequence[Reject], run: RunInfo) -> pa.Table:
    """Rows of ``rejects``: inputs that failed, with the stage and the reason."""
    rows = [
        {
            "input_path": r.path,
            "input_sha256": r.sha256,
            "input_record": r.record,
            "stage": r.stage,
            "error": r.error,
            "message": r.message,
            **_run_columns(run),
        }
        for r in rejects
    ]
    return pa.Table.from_pylist(rows, schema=REJECTS)


def runs_table(run: RunInfo, ended_at: datetime, counts: dict[str, int | None]) -> pa.Table:
    """The one row ``runs`` gets for a run."""
    row = {
        "run_id": run.run_id,
        "started_at": run.started_at,
        "ended_at": ended_at,
        "newsclean_version": run.newsclean_version,
        "config_hash": run.config_hash,
        **counts,
    }
    return pa.Table.from_pylist([row], schema=RUNS)
