"""Read stage: find input files under a folder and read them into pages."""

from newsclean.read.batch import read_batch
from newsclean.read.walk import discover

__all__ = ["discover", "read_batch"]
