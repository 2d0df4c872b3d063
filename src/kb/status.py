"""Status of translations and the review queue: who signed off, what is outdated or due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from kb import dates
from kb.files import safe_path
from kb.pages import Page
from kb.registries import License, Registries, Source
from kb.schema import DATED_TYPES
from kb.sections import SectionDiff, diff_sections

ARCHIVE_DIR = "sources/archive"
ENDING_SOON_DAYS = 90

STATE_LABELS = {
    "concept": "concept",
    "nagelezen": "nagelezen",
    "verouderd": "verouderd",
    "te herzien": "te herzien",
}


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
    if page.type not in DATED_TYPES:
        return False
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
    info = meta.get("translation") if isinstance(meta.get("translation"), dict) else {}
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


@dataclass
class QueueItem:
    page: Page
    reason: str  # Dutch
    since: date | None  # the date that makes it due (for sorting, oldest first)
    details: list[str] = field(default_factory=list)


def review_queue(
    pages: list[Page], registries: Registries, root: Path, today: date
) -> list[QueueItem]:
    """Every page that needs a maintainer: overdue, outdated, concept, contract ending."""
    items: list[QueueItem] = []
    for page in pages:
        if not page.is_valid and not page.meta:
            continue
        if page.type == "vertaling":
            status = translation_status(page, registries, root, today)
            if status.outdated:
                items.append(
                    QueueItem(
                        page,
                        "bron gewijzigd (vertaling verouderd)",
                        dates.parse_date(status.changed_since),
                        status.diff.names() if status.diff else [],
                    )
                )
            if not status.reviewers:
                items.append(QueueItem(page, "concept: nog niet nagelezen", page.reviewed))
        if is_overdue(page, today):
            items.append(QueueItem(page, "herzieningsdatum voorbij", page.review_by))
        if page.type == "raamcontract":
            end = dates.parse_date(page.meta.get("end"))
            if end and today <= end <= dates.plus_days(today, ENDING_SOON_DAYS):
                items.append(
                    QueueItem(page, f"contract loopt af binnen {ENDING_SOON_DAYS} dagen", end)
                )
    items.sort(key=lambda item: (item.since or date.max, item.page.src))
    return items
