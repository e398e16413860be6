"""The library's typed errors. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class UsageError(NewscleanError):
    """The caller asked for something that cannot work (missing folder, bad config)."""


class InputError(NewscleanError):
    """One input could not be read or decoded; the run goes on without it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ArchiveError(NewscleanError):
    """The archive could not be read or written; nothing half-written is left visible."""


class ConcurrentWriteError(ArchiveError):
    """Another run committed to the archive since this one looked; look again and retry."""
