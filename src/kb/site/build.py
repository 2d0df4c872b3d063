"""One build of the site, as the generator adapter sees it (framework-free).

``Site.make`` runs the site entry once per build: every generated output and the
records of the generated pages. The adapter (the MkDocs hook) asks it for a page's
record and Markdown. ``refused_files`` says which files of docs/ are not published, and
stops a build that cannot be made safely (a .pages file the navigation plugin would
choke on).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kb.check.network import PEOPLE_FOLDER, consent_lapsed
from kb.check.project import file_findings, project_navigation_findings
from kb.model import dates
from kb.model.files import symlink_findings
from kb.model.pages import Page
from kb.model.project import Project
from kb.site.inserts import PageParts, SiteIndex, generated_parts, page_parts
from kb.site.outputs import BuildSettings, Depends, Output, site_outputs

# .pages problems the build survives: titles are escaped and links to other sites
# removed from the menu. Others would stop the navigation plugin with a traceback.
SURVIVABLE_NAVIGATION = ("geen-gewone-tekst", "nav-link")


class BuildStop(Exception):
    """The build cannot go on (Dutch message naming the files)."""


def stop_on_symlinks(root: Path) -> None:
    """Symbolic links stop the build before anything is listed or read."""
    links = symlink_findings(root)
    if links:
        raise BuildStop(
            "Symbolische links worden nooit gevolgd; de bouw stopt:\n"
            + "\n".join(f.as_text() for f in links)
        )


def refused_files(project: Project) -> set[str]:
    """The files of docs/ (docs-relative) that are not published; scans docs/ first."""
    project.scan_files()
    fatal = [f for f in project_navigation_findings(project)
             if f.code not in SURVIVABLE_NAVIGATION]  # fmt: skip
    if fatal:
        raise BuildStop(
            "De navigatie (.pages) kan niet gebouwd worden; de bouw stopt:\n"
            + "\n".join(f.as_text() for f in fatal)
        )
    prefix = project.rel_path("").rstrip("/") + "/"
    return {
        f.path.removeprefix(prefix) for f in file_findings(project) if f.path.startswith(prefix)
    }


def lapsed_profiles(project: Project) -> set[str]:
    """Profiles whose consent lapsed: not published (the status page lists their paths)."""
    today = dates.today()
    return {
        src
        for src in project.known_files
        if src.startswith(PEOPLE_FOLDER + "/")
        and src.endswith(".md")
        and consent_lapsed(project.read(src), today)
    }


def from_docs(abs_src_path: str | None, generated_by: str | None, docs_dir: Path) -> bool:
    """A file the generator found in docs/ (not generated, not from the theme)."""
    return not generated_by and Path(abs_src_path or "/").is_relative_to(docs_dir)


def source_for_mkdocs(page: Page) -> str:
    """The page's body for the generator. The leading newline keeps MkDocs from taking
    body lines for metadata; MkDocs never parses contributed YAML."""
    return "\n" + page.body


def with_feed_link(output: str, url: str, site_name: str) -> str:
    """Feed autodiscovery in a page's head."""
    href = "../" * (url.count("/") if url else 0) + "feed.xml"
    link = (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="{site_name}: adviezen en vertalingen" href="{href}">'
    )
    return output.replace("</head>", f"{link}\n</head>", 1)


@dataclass
class Site:
    project: Project
    settings: BuildSettings
    outputs: dict[str, Output]
    pages: dict[str, Page] = field(default_factory=dict)  # the generated pages' records
    index: SiteIndex | None = None  # what the pages' inserts read, made once

    def page_index(self) -> SiteIndex:
        if self.index is None:
            self.index = SiteIndex.of(self.project, self.settings.today)
        return self.index

    @classmethod
    def make(
        cls,
        project: Project,
        site_url: str | None,
        previous: Site | None = None,
        changes: Sequence[tuple[Page | None, Page | None]] = (),
    ) -> Site:
        """The site of ``project``. With ``previous`` (the site before ``changes``, pairs
        of a page before and after; None: added or deleted), outputs whose inputs the
        changes leave as they were are taken over (live editing)."""
        settings = BuildSettings.for_project(project, site_url or "/")
        unaffected = None
        if previous is not None:
            same_git = previous.settings.changed == settings.changed
            same_day = previous.settings.today == settings.today

            def unaffected(depends: Depends) -> bool:
                return (
                    (same_git or not depends.git)
                    and (same_day or not depends.today)
                    and not any(depends.affected_by(b, a) for b, a in changes)
                )

        outputs = site_outputs(
            project, settings, previous.outputs if previous else None, unaffected
        )
        old_outputs = previous.outputs if previous else {}
        old_pages = previous.pages if previous else {}
        pages = {}
        for path, output in outputs.items():
            if not output.is_page:
                continue
            if old_outputs.get(path) is output and path in old_pages:
                pages[path] = old_pages[path]
            else:
                pages[path] = project.read(path, output.content)
        return cls(project, settings, outputs, pages)

    def record(self, src: str) -> Page | None:
        return self.project.pages.get(src) or self.pages.get(src)

    def is_checked(self, page: Page) -> bool:
        """A page of docs/ (generated pages get nothing inserted)."""
        return page.src in self.project.pages

    def page_parts(self, page: Page, markdown: str) -> PageParts:
        if self.is_checked(page):
            return page_parts(self.project, page, markdown, self.settings, self.page_index())
        return generated_parts(self.project, page, markdown)
