"""Framework contracts (type `raamcontract`): running, ending soon or ended."""

from __future__ import annotations

from datetime import date

from kb.model import dates
from kb.model.pages import Page

ENDING_SOON_DAYS = 90


def contract_state(page: Page, today: date) -> str:
    """'afgelopen', 'loopt af' (within 90 days) or 'lopend'. A contract that ended on a date
    nobody could confirm says so with `ended: true`."""
    end = dates.parse_date(page.meta.get("end"))
    if (end and end < today) or page.meta.get("ended") is True:
        return "afgelopen"
    if end and end <= dates.plus_days(today, ENDING_SOON_DAYS):
        return "loopt af"
    return "lopend"


def ends_soon(page: Page, today: date) -> bool:
    """Still running, and ending within ENDING_SOON_DAYS days."""
    return contract_state(page, today) == "loopt af"
