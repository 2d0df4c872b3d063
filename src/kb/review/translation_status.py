"""Status of translations and the review queue: who signed off, what is outdated or due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kb.model.files import safe_path
from kb.model.pages import Page
from kb.model.registries import License, Registries, Source
from kb.review.snapshot_diff import SectionDiff, diff_sections

ARCHIVE_DIR = "sources/archive"


def archive_path(source_id: str, sha256: str) -> str:
    return f"{ARCHIVE_DIR}/{source_id}/{sha256}.md"


@dataclass
class TranslationStatus:
    page: Page
    source: Source | None
    license: License | None
    kind: str
    translators: list[str]
    reviewers: list[str]
    follows_sha256: str
    outdated: bool
    overdue: bool
    diff: SectionDiff | None = None

    @property
    def state(self) -> str:
        if self.outdated:
            return "verouderd"
        if self.overdue:
            return "te herzien"
        if not self.reviewers:
            return "concept"
        return "nagelezen"

    @property
    def changed_since(self) -> str | None:
        return self.source.retrieved if self.outdated and self.source else None


def is_overdue(page: Page, today: date) -> bool:
    """Past its review-by date (only dated types have one)."""
    due = page.review_by
    return bool(due and due < today)


@cache
def _cached_diff(root: str, source_id: str, old_sha: str, snapshot: str) -> SectionDiff | None:
    old = safe_path(Path(root), archive_path(source_id, old_sha))
    new = safe_path(Path(root), snapshot)
    if old is None or new is None or not old.is_file() or not new.is_file():
        return None
    return diff_sections(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"))


def translation_status(
    page: Page, registries: Registries, root: Path, today: date
) -> TranslationStatus:
    meta = page.meta
    raw = meta.get("translation")
    info: dict[str, Any] = raw if isinstance(raw, dict) else {}
    source = registries.sources.get(str(meta.get("source", "")))
    license_ = registries.licenses.get(source.license) if source else None
    follows = str(info.get("source_sha256", ""))
    outdated = bool(source and follows and follows != source.sha256)
    diff = (
        _cached_diff(str(root), source.id, follows, source.snapshot)
        if outdated and source
        else None
    )
    return TranslationStatus(
        page=page,
        source=source,
        license=license_,
        kind=str(info.get("kind", "")),
        translators=[str(x) for x in info.get("translators") or []],
        reviewers=[str(x) for x in info.get("reviewers") or []],
        follows_sha256=follows,
        outdated=outdated,
        overdue=is_overdue(page, today),
        diff=diff,
    )
