"""Find the input files under a folder, in a fixed order."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pyarrow import fs

from newsclean.config import Config
from newsclean.errors import UsageError
from newsclean.location import ObjectFile, ObjectFolder
from newsclean.read.formats import input_format

logger = logging.getLogger(__name__)


def discover_inputs(root: Path | ObjectFolder, config: Config) -> list[Path] | list[ObjectFile]:
    """The input files of a local or object-store folder (see :func:`discover`)."""
    if isinstance(root, ObjectFolder):
        return discover_objects(root, config)
    return discover(root, config)


def discover(root: Path, config: Config) -> list[Path]:
    """Return the input files under ``root`` (as ``root / relative path``), sorted by
    relative POSIX path.

    Hidden files and folders (name starting with ".") are skipped. Links to
    folders are never followed, so there are no loops and no way out of ``root``
    (the files of a folder linked from inside ``root`` are read where they are).
    A link named like an input is returned as it is: the read stage reads it if it
    resolves to a regular file inside ``root``, and otherwise rejects it with the
    reason (outside the input folder, dangling, a loop), so it leaves a trace.
    A subfolder that cannot be listed is logged and skipped.

    Raises ``UsageError`` if ``root`` is not a readable folder.
    """
    if not root.is_dir():
        raise UsageError(f"input folder {root} does not exist or is not a folder")
    found: list[Path] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            if folder == root:
                raise UsageError(f"cannot list input folder {root}: {exc.strerror}") from exc
            logger.warning("skipping folder %s: %s", folder, exc.strerror)
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif input_format(entry.name, config) is None:
                if entry.is_symlink():
                    logger.info("not following %s: a link that is not an input file", path)
            elif entry.is_symlink() or entry.is_file(follow_symlinks=False):
                found.append(path)  # not a FIFO, socket or device (a link is checked on read)
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def discover_objects(root: ObjectFolder, config: Config) -> list[ObjectFile]:
    """The input objects under an object-store folder, sorted by key, with the same
    rules as :func:`discover` (an object store has no links, FIFOs or devices).

    Raises ``UsageError`` if the folder holds no objects or cannot be listed.
    """
    store = root.connect()
    try:
        listing = store.filesystem.get_file_info(fs.FileSelector(store.base, recursive=True))
    except FileNotFoundError as exc:
        raise UsageError(f"input folder {root} does not exist") from exc
    except OSError as exc:
        raise UsageError(f"cannot list input folder {root}: {exc}") from exc
    found = []
    for info in listing:
        key = info.path.removeprefix(store.base + "/")
        hidden = any(part.startswith(".") for part in key.split("/"))
        if info.type == fs.FileType.File and not hidden and input_format(info.base_name, config):
            found.append(ObjectFile(root, key))
    return sorted(found, key=lambda item: item.key)
