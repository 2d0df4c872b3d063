"""The site entry: every file the build generates, with what it is made from.

``site_outputs`` returns, for a loaded and checked project and the build's settings,
every generated output: the status page, the level pages, the calendars, the feed, the
catalogue and its schema, and the pages at old addresses. Each output carries its
``Depends``: which pages (by type) and which of their fields, which data files, and
whether the date or the git history matters. The MkDocs hook adds them to the build;
``kb export`` writes the ones that are not pages; live editing asks ``affected`` which
outputs a change to a page touches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kb.check.markdown_render import renderer
from kb.export import calendar, catalogue, documents, feed, redirect_pages
from kb.model import dates
from kb.model.events import is_confirmed
from kb.model.git_dates import last_changed
from kb.model.pages import Page
from kb.model.project import Project
from kb.model.redirects import REDIRECTS_FILE, load_redirects
from kb.model.registries import LICENSES_FILE, SOURCES_FILE
from kb.model.schema import LISTED_TYPES, PEOPLE_TYPE, TEMPLATE_TYPE
from kb.model.vocabulary import VOCABULARY_FILE
from kb.model.zelfscans import build_scan
from kb.render import lists, network, status_page, zelfscan
from kb.render.markup import widget_marker

STATUS_PAGE = "status/index.md"
FEED = "feed.xml"
CALENDAR = "agenda.ics"
CATALOGUE = "api/pages.json"
CATALOGUE_SCHEMA = "api/pages.schema.json"
GLOSSARY_FILE = "includes/afkortingen.md"
ALL_FIELDS = "*"
BODY = "body"  # a page's text, as a "field" of Depends


@dataclass(frozen=True)
class Depends:
    """What an output is made from.

    ``types``: the page types it reads (None: every page); ``fields``: which of their
    front-matter fields (``*``: all; ``body``: the text); ``data``: project files;
    ``today``: it changes with the date; ``git``: it reads the pages' last commits.
    """

    types: frozenset[str] | None = frozenset()
    fields: frozenset[str] = frozenset()
    data: frozenset[str] = frozenset()
    today: bool = False
    git: bool = False

    def reads(self, page: Page | None) -> bool:
        return page is not None and (self.types is None or page.type in self.types)

    def affected_by(self, before: Page | None, after: Page | None) -> bool:
        """Whether replacing page ``before`` by ``after`` (None: added or deleted) can
        change this output."""
        if not (self.reads(before) or self.reads(after)):
            return False
        if before is None or after is None or before.src != after.src:
            return True
        if before.is_valid != after.is_valid:
            return True
        if BODY in self.fields and before.body != after.body:
            return True
        if ALL_FIELDS in self.fields:
            return before.meta != after.meta
        return any(before.meta.get(name) != after.meta.get(name) for name in self.fields)


@dataclass(frozen=True)
class Output:
    path: str  # relative to docs/: a generated page ends in .md; other files as published
    content: str | bytes
    depends: Depends

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")


@dataclass(frozen=True)
class BuildSettings:
    """The build's settings that outputs depend on."""

    site_url: str
    site_name: str
    today: date
    changed: dict[str, datetime] = field(default_factory=dict)  # docs path -> last commit

    @classmethod
    def for_project(cls, project: Project, site_url: str | None = None) -> BuildSettings:
        """The settings of ``mkdocs.yml`` (``!ENV`` resolved), today and the git dates."""
        return cls(
            site_url=site_url or project.settings.site_url,
            site_name=project.settings.site_name,
            today=dates.today(),
            changed=last_changed(project.root),
        )


REGISTRIES = frozenset({SOURCES_FILE, LICENSES_FILE, "sources"})
LIST_FIELDS = frozenset({"title", "description", "type", "levels", "reviewed", "review_by"})
EVENT_FIELDS = frozenset(
    {"title", "description", "start", "end", "date_confirmed", "location", "url"}
)


def level_page_source(level: str) -> str:
    return f"niveaus/{level}.md"


def event_calendar_source(event_src: str) -> str:
    return event_src.removesuffix(".md") + ".ics"


def generated_sources(project: Project) -> set[str]:
    """Every path the build generates (without making the outputs)."""
    sources = {STATUS_PAGE, FEED, CALENDAR, CATALOGUE, CATALOGUE_SCHEMA}
    sources |= {level_page_source(level) for level in project.vocabulary.keys("levels")}
    sources |= {network.region_page_source(r) for r in project.vocabulary.keys("regions")}
    sources |= set(project.scans)
    sources |= {
        event_calendar_source(page.src)
        for page in project.pages.values()
        if page.type == "evenement"
    }
    return sources


DOCUMENT_DEPENDS = Depends(frozenset({TEMPLATE_TYPE}), frozenset({BODY, ALL_FIELDS}),
                           frozenset({VOCABULARY_FILE}))  # fmt: skip


def add_documents(add: Any, pages: list[Page], project: Project, settings: BuildSettings) -> None:
    """Every template page as .docx and .odt (cached by content, converted side by side;
    see kb.export.documents)."""
    templates = [p for p in pages if p.type == TEMPLATE_TYPE and p.is_valid]
    render = renderer(project.settings) if templates else None
    if render is None:
        return
    paths, jobs = [], []
    for page in templates:
        info = documents.document_info(page, project.vocabulary, settings.site_url)
        html = documents.document_html(page, render(page.body), info)
        for fmt in documents.FORMATS:
            paths.append(documents.document_path(page.src, fmt))
            jobs.append((html, fmt, info))
    converted = documents.DocumentCache.for_project(project.root).convert_all(jobs)
    for path, data in zip(paths, converted, strict=True):
        add(path, data, DOCUMENT_DEPENDS)


def site_outputs(
    project: Project,
    settings: BuildSettings,
    previous: Mapping[str, Output] | None = None,
    unaffected: Callable[[Depends], bool] | None = None,
) -> dict[str, Output]:
    """Every generated output of the site, by path (see the module's docstring).

    With ``previous`` (the outputs before a change) and ``unaffected`` (whether that
    change leaves what a ``Depends`` reads as it was), groups of outputs whose inputs did
    not change are taken over instead of made again (live editing)."""
    pages = project.listed_pages()
    vocabulary = project.vocabulary
    out: dict[str, Output] = {}

    def add(path: str, content: str | bytes, depends: Depends) -> None:
        out[path] = Output(path, content, depends)

    def reused(depends: Depends) -> bool:
        if previous is None or unaffected is None or not unaffected(depends):
            return False
        out.update((path, o) for path, o in previous.items() if o.depends == depends)
        return True

    people = network.People.of(pages, settings.today)
    add(
        STATUS_PAGE,
        status_page.status_page(project, settings.today),
        Depends(types=None, fields=frozenset({ALL_FIELDS}), data=REGISTRIES, today=True),
    )
    level_depends = Depends(LISTED_TYPES, LIST_FIELDS, frozenset({VOCABULARY_FILE, GLOSSARY_FILE}))
    if not reused(level_depends):
        for level in vocabulary.keys("levels"):
            add(
                level_page_source(level),
                lists.level_page(pages, level, vocabulary, project.glossary),
                level_depends,
            )
    event_depends = Depends(frozenset({"evenement"}), EVENT_FIELDS)
    if not reused(event_depends):
        events = [p for p in pages if p.type == "evenement" and p.is_valid]
        add(CALENDAR, calendar.event_calendar(events, settings.site_url, settings.site_name),
            event_depends)  # fmt: skip
        for event in events:
            if is_confirmed(event):
                add(
                    event_calendar_source(event.src),
                    calendar.event_calendar([event], settings.site_url, settings.site_name),
                    event_depends,
                )
    feed_depends = Depends(
        frozenset(feed.FEED_TYPES),
        frozenset({"title", "description", "authors", "reviewed", "type"}),
        git=True,
    )
    if not reused(feed_depends):
        add(FEED, feed.atom_feed(pages, settings.site_url, settings.site_name, settings.changed),
            feed_depends)  # fmt: skip
    catalogue_depends = Depends(LISTED_TYPES | {PEOPLE_TYPE}, frozenset({ALL_FIELDS}),
                                REGISTRIES | {VOCABULARY_FILE}, today=True)  # fmt: skip
    if not reused(catalogue_depends):
        listed = catalogue.catalogue(
            pages, set(people.active) | set(people.lapsed), project.registries, project.root,
            vocabulary, settings.site_url, settings.today,
        )  # fmt: skip
        add(CATALOGUE, catalogue.dumps(listed), catalogue_depends)
    add(
        CATALOGUE_SCHEMA,
        catalogue.dumps(catalogue.catalogue_schema(vocabulary)),
        Depends(data=frozenset({VOCABULARY_FILE})),
    )
    if not reused(DOCUMENT_DEPENDS):
        add_documents(add, pages, project, settings)
    titles = {p.src: p.title for p in project.pages.values()}
    for record in project.scans.values():
        add(
            record.src,
            zelfscan.scan_page(record, build_scan(record), widget_marker(zelfscan.WIDGET_NAME),
                               project.registries, titles, settings.today),  # fmt: skip
            Depends(None, frozenset({"title"}), frozenset({record.path, VOCABULARY_FILE})
                    | REGISTRIES, today=True),  # fmt: skip
        )
    region_depends = Depends(
        frozenset({"profiel", "organisatie", "praktijk", "evenement"}),
        frozenset({"title", "description", "region", "helps_with", "consent", "start", "end",
                   "date_confirmed"}),
        frozenset({VOCABULARY_FILE}),
        today=True,
    )  # fmt: skip
    if not reused(region_depends):
        for region in vocabulary.keys("regions"):
            add(
                network.region_page_source(region),
                network.region_page(pages, people, region, vocabulary, settings.today),
                region_depends,
            )
    made = set(out) | set(project.known_files)
    for old, new in load_redirects(project.root)[0].items():
        if old not in project.known_files and old not in out and new in made:
            target = project.pages.get(new)
            add(
                redirect_pages.stub_path(old),
                redirect_pages.redirect_stub(
                    old, new, settings.site_url, target.title if target else ""
                ),
                Depends(None, frozenset({"title"}), frozenset({REDIRECTS_FILE})),
            )
    return out


def affected(outputs: dict[str, Output], before: Page | None, after: Page | None) -> list[str]:
    """The outputs that a change of one page (None: added or deleted) can change."""
    return sorted(path for path, o in outputs.items() if o.depends.affected_by(before, after))


def describe(outputs: dict[str, Output]) -> list[dict[str, Any]]:
    """The outputs and their inputs, for people and tools (``kb export --list``)."""
    return [
        {
            "path": o.path,
            "types": sorted(o.depends.types) if o.depends.types is not None else "alle",
            "fields": sorted(o.depends.fields),
            "data": sorted(o.depends.data),
            "today": o.depends.today,
            "git": o.depends.git,
        }
        for o in sorted(outputs.values(), key=lambda o: o.path)
    ]
