"""newsclean: scraped news pages in, a clean, deduplicated, versioned archive out."""

from importlib.metadata import version as _version

from newsclean.archive import read_archive
from newsclean.config import Config
from newsclean.errors import ArchiveError, InputError, NewscleanError, UsageError

__version__ = _version("newsclean")

__all__ = [
    "ArchiveError",
    "Config",
    "InputError",
    "NewscleanError",
    "UsageError",
    "__version__",
    "read_archive",
]
