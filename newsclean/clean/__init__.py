"""Clean stage: strip site chrome from text pages, one small named rule at a time.

Every removed line is recorded with the rule that removed it and its role (title,
caption, source, byline, author, chrome) so the metadata stage can use it and
``newsclean explain`` can show why. Kept lines are never edited.
"""

from __future__ import annotations

from newsclean.clean.chain import CleanResult, LineDecision, clean, clean_text, select_rules
from newsclean.clean.lexicon import Lexicon, default_lexicon
from newsclean.clean.rule import ROLES, Hit, Rule, rule
from newsclean.clean.rules import RULES

__all__ = [
    "ROLES",
    "RULES",
    "CleanResult",
    "Hit",
    "Lexicon",
    "LineDecision",
    "Rule",
    "clean",
    "clean_text",
    "default_lexicon",
    "rule",
    "select_rules",
]
