"""One immutable configuration object, built from defaults, a TOML file and the CLI."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.errors import UsageError


@dataclass(frozen=True)
class Config:
    """Every setting of a run. Field comments are the documentation of each setting."""

    # Cleaning rules to skip, by name (see `newsclean rules`). Empty: run them all.
    disabled_rules: tuple[str, ...] = ()
    # File endings read as text pages; each may also be gzipped (`.txt.gz`).
    text_extensions: tuple[str, ...] = (".txt", ".md")
    # Largest input, after decompression, that is read at all (guards against gzip bombs).
    max_input_bytes: int = 64 * 1024 * 1024
    # Pages handed to a stage at once; bounds memory, not results.
    batch_size: int = 256
    # Processes that clean batches; 0 means one per core. Results do not depend on it.
    workers: int = 0
    # Learn each site's template (lines most of its pages repeat: menus, footers) from
    # the archive and the run's text pages, and remove it (rule drop_template_lines).
    learn_templates: bool = True
    # Run ftfy's mojibake repair (screened: clean text is never changed).
    repair_encoding: bool = True
    # ZSTD level of the archive's Parquet files (delta-rs default is Snappy, a third larger).
    zstd_level: int = 3
    # JSONL inputs (`.jsonl`, `.jsonl.gz`, one JSON object a line, as scrapers write them):
    # the field holding the page's URL (recorded as the input's URL and the article's
    # fallback source URL) ...
    jsonl_url_field: str = "url"
    # ... the field holding the page's raw HTML (extracted like an HTML file) ...
    jsonl_html_field: str = "html"
    # ... the field holding the page's plain text (read like a text page; used when the
    # record has no HTML) ...
    jsonl_text_field: str = "text"
    # ... and the field holding when it was fetched (ISO 8601; without a zone, UTC).
    jsonl_fetched_at_field: str = "fetched_at"
    # Extra key/values recorded with each run (e.g. a crawl name); not interpreted.
    labels: dict[str, str] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """A short hash of the settings that change what is archived."""
        fields = dataclasses.asdict(self)
        for key in ("batch_size", "workers", "labels"):  # tuning and annotation, not content
            fields.pop(key)
        blob = json.dumps(fields, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Config:
        """Build a config from plain values, rejecting unknown keys by name."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise UsageError(f"unknown config setting(s): {', '.join(unknown)}")
        converted: dict[str, Any] = {}
        for key, value in values.items():
            default = getattr(cls(), key)
            if isinstance(default, tuple):
                if not isinstance(value, list | tuple):
                    raise UsageError(f"config setting {key!r} must be a list")
                value = tuple(value)
            elif isinstance(default, bool) != isinstance(value, bool) or not isinstance(
                value, type(default)
            ):
                raise UsageError(
                    f"config setting {key!r} must be {type(default).__name__}, "
                    f"not {type(value).__name__}"
                )
            converted[key] = value
        return cls(**converted)

    @classmethod
    def from_toml(cls, path: Path) -> Config:
        """Read settings from a TOML file (top-level keys, or a ``[newsclean]`` table)."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read config {path}: {exc}") from exc
        return cls.from_mapping(data.get("newsclean", data))
