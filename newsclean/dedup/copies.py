"""Byte copies: one-page inputs whose very bytes were seen before, found before cleaning.

A text, markdown or HTML file with the same bytes and format as another is the same
page: it would be read, extracted, cleaned and described into the same article, only
to be found an exact duplicate at the end. So its bytes are hashed before it is handed
to a worker (``ByteCopies.find``), and a byte copy is not processed:

- a copy of an input the archive holds (as an article, or as a duplicate of one) is a
  ``seen`` duplicate of that article, as a rerun over a new folder of a crawl that
  mostly holds unchanged pages would find at the end;
- a copy of an earlier input of the run (in the order inputs are read, by path) is an
  exact duplicate of it, taking its doc_id, language and source URL
  (``ByteCopies.resolve``); the earlier input has the smaller path, so it is the copy
  the keep rule keeps, whatever the batch size or the number of workers.

Only local one-page files are hashed ahead (an object store's file would be fetched
twice), and only their bytes count: a copy in another folder is a copy, although a
text page without a URL has its folder as its site and would be cleaned with that
site's template. A copy whose original the run could not turn into a page (rejected)
is processed after all (``unresolved``), and gets its own verdict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from newsclean.config import Config
from newsclean.location import ObjectFile, ObjectFolder
from newsclean.page import Metadata, Page
from newsclean.read.batch import relative_name
from newsclean.read.formats import holds_many_pages, input_format
from newsclean.read.source import file_sha256

# (sha256 of the bytes on disk, format): what makes two inputs the same page.
Content = tuple[str, str]


@dataclass(frozen=True)
class ArchivedPage:
    """What the archive says of a page it holds: the article it is, or copies."""

    doc_id: str  # the article's (for a duplicate, the article it copies)
    source_url: str | None
    language: str | None


@dataclass
class ByteCopies:
    """The run's byte-copy finder: the pages the archive holds by content, and the
    first input of the run with each content. Used by the run's driver only."""

    archived: dict[Content, ArchivedPage] = field(default_factory=dict)
    first: dict[Content, str] = field(default_factory=dict)  # content -> input path
    planned: dict[str, Content] = field(default_factory=dict)  # copy's path -> content

    @classmethod
    def of_archive(cls, articles: pa.Table, duplicates: pa.Table) -> ByteCopies:
        """The finder for a run into an archive whose ``articles`` and ``duplicates``
        tables hold these rows (``ARTICLE_COLUMNS``, ``DUPLICATE_COLUMNS``)."""
        archived: dict[Content, ArchivedPage] = {}
        for table, key in ((articles, "doc_id"), (duplicates, "duplicate_of")):
            rows = zip(*(table[name].to_pylist() for name in (*_COLUMNS, key)), strict=True)
            for sha256, format, record, url, language, doc_id in rows:
                if not record and sha256 and format:
                    archived.setdefault((sha256, format), ArchivedPage(doc_id, url, language))
        return cls(archived)

    def find(
        self,
        root: Path | ObjectFolder,
        paths: Sequence[Path | ObjectFile],
        known: Iterable[tuple[str, str, str]],
        config: Config,
    ) -> frozenset[tuple[str, str]]:
        """The (path, sha256) of each input of ``paths`` that is a byte copy; call it
        with the run's inputs in order. Inputs an earlier run handled (``known``) and
        those that cannot be read here are left to the worker."""
        if not isinstance(root, Path):
            return frozenset()
        real_root = root.resolve()
        handled = {(path, sha) for path, sha, record in known if not record}
        copies = set()
        for path in paths:
            format = input_format(path.name, config)
            if isinstance(path, ObjectFile) or format is None or holds_many_pages(path.name):
                continue
            name = relative_name(root, path)
            sha256 = file_sha256(path, name, real_root)
            if sha256 is None or (name, sha256) in handled:
                continue
            content = (sha256, format)
            if content in self.archived or self.first.setdefault(content, name) != name:
                copies.add((name, sha256))
                self.planned[name] = content
        return frozenset(copies)

    def resolve(
        self, copies: Sequence[Page], pages: Sequence[Page]
    ) -> tuple[list[Page], list[str]]:
        """The byte copies workers set aside (``copies``) as pages that dedup finds to be
        duplicates, given the run's processed ``pages``; and the paths of the copies
        whose original is not among them (rejected), to be processed after all."""
        processed = {page.input.path: page for page in pages if not page.input.record}
        resolved: list[Page] = []
        unresolved: list[str] = []
        for copy in copies:
            content = self.planned[copy.input.path]
            archived = self.archived.get(content)
            if archived is not None:
                meta = Metadata(source_url=archived.source_url, language=archived.language)
                resolved.append(Page(copy.input, "", meta=meta, doc_id=archived.doc_id))
                continue
            original = processed.get(self.first[content])
            if original is None or original.input.sha256 != content[0]:
                unresolved.append(copy.input.path)
                continue
            resolved.append(dataclasses.replace(original, input=copy.input))
        return resolved, unresolved


_COLUMNS = ("input_sha256", "input_format", "input_record", "source_url", "language")
# The columns ``ByteCopies.of_archive`` reads of each table.
ARTICLE_COLUMNS = [*_COLUMNS, "doc_id"]
DUPLICATE_COLUMNS = [*_COLUMNS, "duplicate_of"]
