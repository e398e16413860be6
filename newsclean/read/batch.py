"""The read stage: turn a batch of input paths into pages and rejects."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from newsclean.config import Config
from newsclean.page import Page, Reject
from newsclean.read.text import STAGE, read_text_page

logger = logging.getLogger(__name__)


def read_batch(
    root: Path, paths: Sequence[Path], config: Config
) -> tuple[list[Page], list[Reject]]:
    """Read ``paths`` (as :func:`discover` returns them) into pages.

    Every path gives either a page or a reject with its reason; one bad file
    never stops the batch, whatever goes wrong with it.
    """
    real_root = root.resolve()
    pages: list[Page] = []
    rejects: list[Reject] = []
    for path in paths:
        name = relative_name(root, path)
        try:
            outcome = read_text_page(path, name, real_root, config)
        except Exception as exc:  # a reader bug costs one file, not the run
            logger.warning("unexpected error reading %s", name, exc_info=True)
            outcome = Reject(name, STAGE, type(exc).__name__, f"{name}: unexpected error: {exc}")
        if isinstance(outcome, Page):
            pages.append(outcome)
        else:
            rejects.append(outcome)
    return pages, rejects


def relative_name(root: Path, path: Path) -> str:
    """``path`` relative to ``root``, with forward slashes (symlinks not resolved).

    >>> relative_name(Path("in"), Path("in/2024/a.txt"))
    '2024/a.txt'
    """
    return Path(os.path.relpath(path, root)).as_posix()
