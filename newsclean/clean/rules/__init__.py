"""The cleaning rules, one module each, and their chain order.

Order matters because each rule sees what the earlier ones removed: markup and marked
chrome first, then rules that read context (a caption under an alt-text line, a block
at the end of the page), and last the rules that judge what is left by position
(title, author sign-off, unmarked captions).
"""

from __future__ import annotations

from newsclean.clean.rule import Rule
from newsclean.clean.rules.drop_alt_text_captions import drop_alt_text_captions
from newsclean.clean.rules.drop_alt_text_headlines import drop_alt_text_headlines
from newsclean.clean.rules.drop_author_signoff import drop_author_signoff
from newsclean.clean.rules.drop_bylines import drop_bylines
from newsclean.clean.rules.drop_chrome_phrases import drop_chrome_phrases
from newsclean.clean.rules.drop_comment_counters import drop_comment_counters
from newsclean.clean.rules.drop_credit_captions import drop_credit_captions
from newsclean.clean.rules.drop_image_captions import drop_image_captions
from newsclean.clean.rules.drop_image_filenames import drop_image_filenames
from newsclean.clean.rules.drop_image_markup import drop_image_markup
from newsclean.clean.rules.drop_inline_chrome import drop_inline_chrome
from newsclean.clean.rules.drop_no_data_placeholders import drop_no_data_placeholders
from newsclean.clean.rules.drop_outside_article import drop_outside_article
from newsclean.clean.rules.drop_photo_credits import drop_photo_credits
from newsclean.clean.rules.drop_related_blocks import drop_related_blocks
from newsclean.clean.rules.drop_site_header import drop_site_header
from newsclean.clean.rules.drop_source_lines import drop_source_lines
from newsclean.clean.rules.drop_stated_title import drop_stated_title
from newsclean.clean.rules.drop_template_lines import drop_template_lines
from newsclean.clean.rules.drop_title import drop_title
from newsclean.clean.rules.drop_trailing_widgets import drop_trailing_widgets
from newsclean.clean.rules.drop_unmarked_captions import drop_unmarked_captions

RULES: tuple[Rule, ...] = (
    drop_site_header,
    drop_stated_title,
    drop_image_captions,  # reads image lines by shape, before they are removed
    drop_image_markup,
    drop_image_filenames,
    drop_credit_captions,
    drop_photo_credits,
    drop_comment_counters,
    drop_no_data_placeholders,
    drop_source_lines,  # before related blocks, so a source line keeps its role
    drop_related_blocks,
    drop_trailing_widgets,  # the backstop of drop_related_blocks
    drop_bylines,
    # After the rules that give a line its role (source, byline, caption), so a repeated
    # credit or source line keeps that role; before the rules that read what is left.
    drop_template_lines,
    drop_chrome_phrases,
    # After the related blocks and bylines: their lines are neither alt-text candidates
    # (each costs a language check) nor part of the page's language sample. Needs the
    # credited captions marked.
    drop_alt_text_headlines,
    drop_alt_text_captions,
    drop_title,
    drop_outside_article,
    drop_inline_chrome,  # reads the run drop_outside_article left
    drop_author_signoff,  # needs the tail chrome gone
    drop_unmarked_captions,  # needs every marked caption, title and byline gone
)

__all__ = ["RULES"]
