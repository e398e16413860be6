"""Dedup stage: content ids and the choice of which copy of an article is kept."""

from newsclean.dedup.exact import assign_doc_ids, dedupe_exact, doc_id, normalise

__all__ = ["assign_doc_ids", "dedupe_exact", "doc_id", "normalise"]
