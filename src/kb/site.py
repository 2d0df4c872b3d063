"""What the build generates besides the pages of docs/ (one list for the build and kb).

``generated_sources`` names every generated file by its path relative to docs/, so
checks (redirects that would overwrite one) and the build agree on what exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kb.project import Project

STATUS_PAGE = "status/index.md"
FEED = "feed.xml"
CALENDAR = "agenda.ics"
CATALOGUE = "api/pages.json"
CATALOGUE_SCHEMA = "api/pages.schema.json"


def level_page_source(level: str) -> str:
    return f"niveaus/{level}.md"


def event_calendar_source(event_src: str) -> str:
    return event_src.removesuffix(".md") + ".ics"


def generated_sources(project: Project) -> set[str]:
    sources = {STATUS_PAGE, FEED, CALENDAR, CATALOGUE, CATALOGUE_SCHEMA}
    sources |= {level_page_source(level) for level in project.vocabulary.keys("levels")}
    sources |= {
        event_calendar_source(page.src) for page in project.pages.values() if page.type == "evenement"
    }
    return sources
