"""The run report: what a run did, for people (the summary) and machines (JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsclean.page import Reject, RunInfo


@dataclass(frozen=True)
class RunReport:
    """What a run did; ``to_dict`` is the machine-readable run report."""

    run: RunInfo
    ended_at: datetime
    in_dir: str
    out_dir: str
    inputs_seen: int
    inputs_skipped: int  # already archived, copied or rejected (same path and sha256)
    articles_added: int
    duplicates: int
    rejects: tuple[Reject, ...]
    versions: dict[str, int | None] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether the run wrote any new version."""
        return any(v is not None for v in self.versions.values())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary of the run."""
        return {
            "run_id": self.run.run_id,
            "started_at": self.run.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat(),
            "newsclean_version": self.run.newsclean_version,
            "config_hash": self.run.config_hash,
            "in": self.in_dir,
            "out": self.out_dir,
            "inputs_seen": self.inputs_seen,
            "inputs_skipped": self.inputs_skipped,
            "articles_added": self.articles_added,
            "duplicates": self.duplicates,
            "errors": len(self.rejects),
            "rejects": [vars(r) for r in self.rejects],
            "versions": self.versions,
        }
