"""Read stage: find input files under a folder and read them into pages."""

from newsclean.read.batch import read_batch
from newsclean.read.walk import discover, discover_inputs

__all__ = ["discover", "discover_inputs", "read_batch"]
