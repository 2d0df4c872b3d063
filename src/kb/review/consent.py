"""Consent in the directory of people: which profiles lapse soon (for the monthly
reminder issue) and which profiles a pull request adds or changes for someone else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kb.check.network import consent_until
from kb.model import dates
from kb.model.pages import Page
from kb.model.schema import PEOPLE_TYPE

REMINDER_DAYS = 60


@dataclass(frozen=True)
class Lapsing:
    path: str
    github: str
    until: date


def lapsing_soon(pages: list[Page], today: date, days: int = REMINDER_DAYS) -> list[Lapsing]:
    """Profiles whose consent ends within ``days`` days (not those already lapsed)."""
    horizon = dates.plus_days(today, days)
    out = []
    for page in pages:
        until = consent_until(page) if page.type == PEOPLE_TYPE else None
        if until is not None and today <= until <= horizon:
            out.append(Lapsing(page.path, str(page.meta.get("github", "")), until))
    return sorted(out, key=lambda item: (item.until, item.path))


def reminder(items: list[Lapsing], days: int = REMINDER_DAYS) -> str:
    """The body of the monthly issue: it mentions the logins, so GitHub notifies them."""
    if not items:
        return f"Geen profielen waarvan de toestemming binnen {days} dagen afloopt.\n"
    lines = [
        f"De toestemming van deze profielen in de gids loopt binnen {days} dagen af. Wil je "
        "in de gids blijven? Open je bestand, zet bij `consent.date` de datum van vandaag en "
        "stel de wijziging voor (pull request). Doe je niets, dan verdwijnt je profiel na die "
        "datum vanzelf van de site.",
        "",
    ]
    for item in items:
        who = f"@{item.github}" if item.github else "(geen GitHub-naam)"
        lines.append(f"- {who}: `{item.path}`, tot {dates.format_date_nl(item.until)}")
    return "\n".join(lines) + "\n"


def not_their_own(page: Page, author: str) -> bool:
    """A profile in a pull request by someone else than the person it describes."""
    github = str(page.meta.get("github", "")).strip().lower()
    return page.type == PEOPLE_TYPE and (not author or github != author.strip().lower())
