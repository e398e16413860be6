"""Dedup stage: content ids, signatures, and which copy of an article is kept."""

from newsclean.dedup.decide import Archived, dedupe, identify
from newsclean.dedup.exact import doc_id, normalise
from newsclean.dedup.minhash import SCHEME
from newsclean.dedup.near import NearIndex

__all__ = ["SCHEME", "Archived", "NearIndex", "dedupe", "doc_id", "identify", "normalise"]
