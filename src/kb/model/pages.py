"""Page records: one Markdown file of ``docs/``, parsed once."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from kb.model import dates
from kb.model.findings import Finding
from kb.model.frontmatter import FrontMatterError, ParsedDocument, parse_document
from kb.model.schema import REVIEW_MONTHS, is_dated


@dataclass
class Page:
    """A page as the content model sees it."""

    src: str  # path relative to docs/, POSIX separators, e.g. "adviezen/back-ups.md"
    path: str  # path relative to the project root, e.g. "docs/adviezen/back-ups.md"
    doc: ParsedDocument
    findings: list[Finding] = field(default_factory=list)

    # A record is made once per version of its file and never changes: what every view
    # asks of every page (its fields, its type) is read once.
    @cached_property
    def meta(self) -> dict[str, Any]:
        return self.doc.meta or {}

    @property
    def body(self) -> str:
        return self.doc.body

    @cached_property
    def type(self) -> str:
        value = self.meta.get("type")
        return value if isinstance(value, str) else ""

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        return str(value) if value else posixpath.splitext(posixpath.basename(self.src))[0]

    @property
    def description(self) -> str:
        value = self.meta.get("description")
        return str(value) if value else ""

    @property
    def url(self) -> str:
        """Site-relative URL with directory URLs, e.g. ``adviezen/back-ups/``."""
        return url_for(self.src)

    def values(self, key: str) -> list[str]:
        value = self.meta.get(key)
        if isinstance(value, list):
            return [str(v) for v in value]
        return []

    @property
    def reviewed(self) -> date | None:
        return dates.parse_date(self.meta.get("reviewed"))

    @property
    def is_dated(self) -> bool:
        """Advice that ages: it has a `reviewed` date and a review-by date."""
        return is_dated(self.type)

    @property
    def review_by(self) -> date | None:
        """When the content must be checked again; None for types that do not age."""
        if not self.is_dated:
            return None
        return dates.review_by(self.meta, REVIEW_MONTHS[self.type])

    @property
    def is_valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


def url_for(src: str) -> str:
    stem, _ = posixpath.splitext(src)
    if posixpath.basename(stem) in ("index", "README"):
        parent = posixpath.dirname(stem)
        return f"{parent}/" if parent else ""
    return f"{stem}/"


def read_page(
    docs_dir: Path, src: str, root: Path | None = None, text: str | bytes | None = None
) -> Page:
    """A page from ``docs_dir/src``, or from ``text`` (the file's contents) when given."""
    problem = None
    if text is None:
        text = (docs_dir / src).read_bytes()
    if isinstance(text, bytes):
        text, problem = decode(text)
    try:
        rel_root = (docs_dir / src).relative_to(root) if root else Path("docs") / src
    except ValueError:
        rel_root = docs_dir / src
    doc = parse_document(text)
    if problem is not None:
        doc.errors.insert(0, problem)
    return Page(src=src, path=rel_root.as_posix(), doc=doc)


def decode(data: bytes) -> tuple[str, FrontMatterError | None]:
    """The file's text; a file that is not UTF-8 (e.g. saved as Windows-1252) is still
    read, with its unreadable bytes replaced, and the first of them reported."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return data.decode("utf-8", errors="replace"), FrontMatterError(
            line,
            "geen-utf8",
            "Het bestand is niet als UTF-8 opgeslagen (het eerste onleesbare teken staat op "
            "deze regel). Sla het opnieuw op met de codering UTF-8; tot dan staat er \ufffd "
            "op de plaats van elk onleesbaar teken.",
        )
