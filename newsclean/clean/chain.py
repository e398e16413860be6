"""Run the rules over a page in chain order and record every decision.

Each rule sees the page as the earlier rules left it and only ever removes whole lines;
the first rule to remove a line owns it. A rule that raises is logged and skipped for
that page (its partial findings are dropped), so one odd page never stops a batch.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.clean.lexicon import Lexicon, default_lexicon
from newsclean.clean.line_model import LineModel
from newsclean.clean.rule import ROLES, Rule
from newsclean.clean.rules import RULES
from newsclean.clean.view import Decision, PageLines, PageView
from newsclean.config import Config
from newsclean.errors import UsageError
from newsclean.page import Page, Removal
from newsclean.templates import SiteTemplates, site_of
from newsclean.templates.sites import host_of, source_url_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What happened to one line of the input (``newsclean explain`` prints these).

    A blank line is neither kept nor removed: ``kept`` is False and ``rule`` is None.
    """

    line_no: int  # 0-based index in text.split("\n")
    text: str  # the stripped line
    kept: bool
    rule: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class CleanResult:
    """The cleaned body, the removals with their reasons, and which rules ran."""

    body: str
    removed: tuple[Removal, ...]
    rules_applied: tuple[str, ...]  # name@version of each rule that ran to completion
    lines: tuple[LineDecision, ...]  # one per input line; empty when explain=False
    rules_failed: tuple[str, ...] = ()  # name@version of rules that raised on this page


@functools.lru_cache(maxsize=32)
def select_rules(disabled: tuple[str, ...]) -> tuple[Rule, ...]:
    """``RULES`` without the disabled ones; an unknown name is a usage error."""
    known = {r.name for r in RULES}
    unknown = sorted(set(disabled) - known)
    if unknown:
        raise UsageError(f"unknown cleaning rule(s) in disabled_rules: {', '.join(unknown)}")
    return tuple(r for r in RULES if r.name not in disabled)


def _apply(rule: Rule, view: PageView) -> tuple[Decision | None, ...]:
    """The decisions after ``rule``; the same tuple when it removed nothing."""
    hits = list(rule.find(view))  # all or nothing: a rule that raises changes nothing
    if not hits:
        return view.state
    state = list(view.state)
    for line_no, role in hits:
        if not 0 <= line_no < len(state):
            raise IndexError(f"line {line_no} is not on the page")
        if role is not None and role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        # The first finding wins; blank lines are never "removed".
        if state[line_no] is None and view.lines[line_no]:
            state[line_no] = (rule.name, role or rule.role)
    return tuple(state)


def apply_rules(
    page: PageLines,
    rules: Sequence[Rule],
    lexicon: Lexicon,
    label: str = "<text>",
    line_model: LineModel | None = None,
) -> tuple[PageView, list[str], list[str]]:
    """The view of ``page`` after ``rules`` in order, the keys of the rules that ran and
    of those that raised (skipped)."""
    view = PageView(page, (None,) * len(page), lexicon, line_model=line_model)
    applied: list[str] = []
    failed: list[str] = []
    for rule in rules:
        try:
            state = _apply(rule, view)
        except Exception:
            logger.warning("rule %s failed on %s; skipped", rule.key, label, exc_info=True)
            failed.append(rule.key)
            continue
        applied.append(rule.key)
        if state is not view.state:
            view = PageView(page, state, lexicon, view.kept(), line_model)
    return view, applied, failed


def run_rules(
    text: str,
    rules: Sequence[Rule],
    lexicon: Lexicon,
    label: str = "<text>",
    explain: bool = True,
    template: frozenset[int] = frozenset(),
    stated_title: str | None = None,
    line_model: LineModel | None = None,
) -> CleanResult:
    """Clean ``text`` with ``rules`` in order; ``label`` names the page in log messages.

    ``explain=False`` skips the per-line decisions (a fifth of the time on short pages);
    the batch path needs only the body and the removals. ``template`` holds the template
    line keys of the page's site (``SiteTemplates.for_site``); ``stated_title`` the
    headline the page's markup states; ``line_model`` replaces the packaged line model.
    """
    page = PageLines.from_text(text, template, stated_title)
    view, applied, failed = apply_rules(page, rules, lexicon, label, line_model)
    lines, state = page.lines, view.state
    removed = tuple(
        Removal(rule=d[0], text=lines[i], line_no=i, role=d[1])
        for i, d in enumerate(state)
        if d is not None
    )
    decisions = (
        tuple(
            LineDecision(i, line, bool(line) and d is None, *(d or (None, None)))
            for i, (line, d) in enumerate(zip(lines, state, strict=True))
        )
        if explain
        else ()
    )
    body = "\n".join(lines[i] for i in view.kept())
    return CleanResult(body, removed, tuple(applied), decisions, tuple(failed))


def clean_text(
    text: str,
    config: Config,
    *,
    templates: SiteTemplates | None = None,
    site: str | None = None,
    extracted: bool = False,
    stated_title: str | None = None,
    line_model: LineModel | None = None,
) -> CleanResult:
    """Clean one page's text with the rules ``config`` leaves enabled.

    With ``templates``, the lines of ``site``'s template are removed too; without
    ``site``, the site is the host of the text's own ``Source: URL`` line, if any.
    ``extracted`` text (made from HTML) skips the rules meant for full-page dumps.
    """
    template: frozenset[int] = frozenset()
    if templates:
        site = site or host_of(source_url_of(text))
        template = templates.for_site(site) if site else frozenset()
    rules = select_rules(tuple(config.disabled_rules))
    if extracted:
        rules = tuple(r for r in rules if not r.dumps_only)
    return run_rules(
        text,
        rules,
        default_lexicon(),
        template=template,
        stated_title=stated_title,
        line_model=line_model,
    )


def clean(
    pages: Sequence[Page], config: Config, *, templates: SiteTemplates | None = None
) -> list[Page]:
    """The clean stage: each page with ``body``, ``removed`` and ``rules_applied`` set.

    ``templates`` (learned by ``newsclean.templates``) lets ``drop_template_lines``
    remove the lines each page's site (``site_of``) repeats on most of its pages.
    """
    rules = select_rules(tuple(config.disabled_rules))
    extracted_rules = tuple(r for r in rules if not r.dumps_only)
    lexicon = default_lexicon()
    cleaned = []
    for page in pages:
        template = templates.for_site(site_of(page)) if templates else frozenset()
        result = run_rules(
            page.text,
            extracted_rules if page.extracted else rules,
            lexicon,
            label=page.input.path,
            explain=False,
            template=template,
            stated_title=page.hints.title if page.extracted else None,
        )
        cleaned.append(
            dataclasses.replace(
                page, body=result.body, removed=result.removed, rules_applied=result.rules_applied
            )
        )
    return cleaned
