"""Archive stage: the versioned Delta Lake tables a run appends to."""

from newsclean.archive.reader import history, read_archive
from newsclean.archive.schema import (
    SITES,
    articles_table,
    duplicates_table,
    rejects_table,
    runs_table,
)
from newsclean.archive.store import TABLES, Archive, Snapshot

__all__ = [
    "SITES",
    "TABLES",
    "Archive",
    "Snapshot",
    "articles_table",
    "duplicates_table",
    "history",
    "read_archive",
    "rejects_table",
    "runs_table",
]
