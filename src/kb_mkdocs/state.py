"""The hooks' state during one MkDocs build (typed)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.pages import Page as MkPage

from kb.model.pages import Page
from kb.model.project import Project
from kb.search.site_search import SiteSearch
from kb.site.build import Site
from kb.site.inserts import PageParts
from kb_mkdocs import parallel


@dataclass
class BuildState:
    dirty: bool = False
    started: float = 0.0  # when on_files began (caches keep what was used since)
    serving: bool = False  # under `mkdocs serve`: kb_mkdocs.live keeps this between builds
    loaded: Project | None = None
    made: Site | None = None
    searching: SiteSearch | None = None
    # Pages this process converted, with what the finished page needs for search.
    converted: dict[str, tuple[list[str], str, str]] = field(default_factory=dict)
    # What the build made of each page (widgets are inserted after the sanitiser).
    parts: dict[str, PageParts] = field(default_factory=dict)
    # Each page's sanitised HTML (before widgets), while serving: live rebuilds write a
    # page's search copy again from it when the site's search vocabulary changes.
    sanitized: dict[str, str] = field(default_factory=dict)

    @property
    def project(self) -> Project:
        assert self.loaded is not None, "on_config has not run"
        return self.loaded

    @property
    def site(self) -> Site:
        assert self.made is not None, "on_files has not run"
        return self.made

    @property
    def search(self) -> SiteSearch:
        assert self.searching is not None, "on_files has not run"
        return self.searching

    def begin(self, root: Path) -> SiteSearch:
        """A new build (``mkdocs serve`` runs one for every rebuild): what the previous
        one converted is forgotten, and it gets a new search. While serving, the
        previous build kept its page copies for live rebuilds: they are removed now (and
        at the end, ``close_search``), so a long session does not fill the temporary
        folder."""
        self.started = time.time()
        self.converted.clear()
        self.parts.clear()
        self.sanitized.clear()
        self.close_search()
        self.searching = SiteSearch(root)
        self.searching.keep_copies = self.serving  # live rebuilds index again from them
        return self.searching

    def close_search(self) -> None:
        if self.searching is not None and self.searching.keep_copies:
            self.searching.remove_copies()

    def record(self, page: MkPage) -> Page | None:
        """kb's record of a page of this build (None: a page kb does not know)."""
        return self.made.record(page.file.src_uri) if self.made else None

    def mine(self, page: MkPage) -> Page | None:
        """The record of a page this process converts and writes (parallel build)."""
        return self.record(page) if parallel.renders_here(page) else None


# One state per process: MkDocs loads the hook files again for every build of
# `mkdocs serve`, and live rebuilds (kb_mkdocs.live) continue from the last build.
shared = BuildState()
