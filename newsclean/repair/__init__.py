"""Repair stage: screened ftfy mojibake repair, then NFC normalisation."""

from newsclean.repair.stage import repair, repair_text

__all__ = ["repair", "repair_text"]
