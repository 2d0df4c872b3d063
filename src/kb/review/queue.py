"""The maintainers' review queue: what is overdue, outdated, unreviewed or ending soon."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kb.model import dates
from kb.model.contracts import ENDING_SOON_DAYS, ends_soon
from kb.model.pages import Page
from kb.model.registries import Registries
from kb.review.translation_status import is_overdue, translation_status


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
        if page.type == "raamcontract" and ends_soon(page, today):
            end = dates.parse_date(page.meta.get("end"))
            items.append(QueueItem(page, f"contract loopt af binnen {ENDING_SOON_DAYS} dagen", end))
    items.sort(key=lambda item: (item.since or date.max, item.page.src))
    return items
