"""A knowledge-base project on disk: vocabulary, registries, pages, findings."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kb import dates
from kb.editorial import load_phrases
from kb.files import NAVIGATION_FILE, static_file_findings, symlink_findings
from kb.findings import Finding, sort_findings
from kb.glossary import load_glossary
from kb.markdown_render import renderer
from kb.navigation import navigation_findings
from kb.pages import Page, read_page
from kb.redirects import check_redirects, load_redirects
from kb.registries import Registries, load_registries
from kb.settings import load_settings
from kb.site import generated_sources
from kb.validate import Context, validate_page
from kb.vocabulary import VOCABULARY_FILE, Vocabulary

DOCS_DIR = "docs"
PARALLEL_MIN_PAGES = 300  # below this, starting a second process costs more than it saves


class ProjectError(Exception):
    """The directory is not a knowledge-base project (Dutch message)."""


def find_root(start: Path | None = None) -> Path:
    """The nearest directory upwards that holds mkdocs.yml and the vocabulary."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").exists() and (candidate / VOCABULARY_FILE).exists():
            return candidate
    raise ProjectError(
        f"Geen kennisbank gevonden in {here} of een bovenliggende map "
        f"(verwacht mkdocs.yml en {VOCABULARY_FILE})."
    )


@dataclass
class Project:
    root: Path
    docs_dir: Path
    vocabulary: Vocabulary
    registries: Registries
    pages: dict[str, Page] = field(default_factory=dict)  # by docs-relative path
    known_files: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, root: Path, docs_dir: Path | None = None) -> Project:
        root = root.resolve()
        try:
            vocabulary = Vocabulary.load(root)
        except (OSError, ValueError) as exc:
            raise ProjectError(f"Kan {VOCABULARY_FILE} niet lezen: {exc}") from exc
        return cls(
            root=root,
            docs_dir=(docs_dir or root / DOCS_DIR).resolve(),
            vocabulary=vocabulary,
            registries=load_registries(root),
        )

    # ----------------------------------------------------------------- files

    def scan_files(self) -> set[str]:
        """Every file of docs/ that may be published (symbolic links are never followed
        nor listed); problems of the static files are kept for ``findings``."""
        known: set[str] = set()
        if self.docs_dir.is_symlink():
            self.known_files = known
            return known
        for dirpath, dirnames, filenames in os.walk(self.docs_dir, followlinks=False):
            here = Path(dirpath)
            dirnames[:] = sorted(
                d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink()
            )
            rel = here.relative_to(self.docs_dir).as_posix()
            for name in filenames:
                if (name.startswith(".") and name != NAVIGATION_FILE) or (here / name).is_symlink():
                    continue
                known.add(name if rel == "." else f"{rel}/{name}")
        self.known_files = known
        return known

    def file_findings(self) -> list[Finding]:
        """Symbolic links in the content folders and static files of docs/ that may not
        be published."""
        items = symlink_findings(self.root)
        for src in sorted(self.known_files):
            items.extend(static_file_findings(self.docs_dir, src, self.rel_path(src)))
        return items

    def navigation_findings(self) -> list[Finding]:
        return navigation_findings(self.root, self.docs_dir, self.known_files, self.rel_path(""))

    def rel_path(self, src: str) -> str:
        """A docs-relative path as a path relative to the project root."""
        try:
            return (self.docs_dir / src).relative_to(self.root).as_posix()
        except ValueError:
            return f"{DOCS_DIR}/{src}"

    def context(self) -> Context:
        return Context(
            vocabulary=self.vocabulary,
            known_files=self.known_files,
            registries=self.registries,
            today=dates.today(),
            editorial_phrases=load_phrases(self.root),
            render_markdown=renderer(load_settings(self.root)),
        )

    def load_pages(
        self,
        sources: Iterable[str] | None = None,
        workers: int | None = None,
        meanwhile: Callable[[], object] | None = None,
    ) -> list[Page]:
        """Read (and validate) pages; all Markdown pages when ``sources`` is None.

        Large sites are validated in two processes (``workers``: by default 2 from
        PARALLEL_MIN_PAGES pages on, when the machine has two cores and this process runs
        no other threads, e.g. not under ``mkdocs serve``). The result is the same.
        ``meanwhile`` runs in this process while they work (the build prepares the search
        keys there); without worker processes it runs after the validation.
        """
        if not self.known_files:
            self.scan_files()
        wanted = (
            sorted(sources)
            if sources is not None
            else sorted(f for f in self.known_files if f.endswith(".md"))
        )
        context = self.context()
        if workers is None:
            workers = _default_workers(len(wanted))
        if workers > 1:
            import multiprocessing

            chunks = [wanted[i::workers] for i in range(workers)]
            jobs = [(self.docs_dir, self.root, chunk, context) for chunk in chunks]
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                result = pool.map_async(_validate_chunk, jobs)
                if meanwhile is not None:
                    meanwhile()
                done = {page.src: page for part in result.get() for page in part}
            pages = [done[src] for src in wanted]
        else:
            pages = _validate_chunk((self.docs_dir, self.root, wanted, context))
            if meanwhile is not None:
                meanwhile()
        for page in pages:
            self.pages[page.src] = page
        return pages

    def add_page(self, src: str, text: str | bytes) -> Page:
        """Add (or replace) a page from text, e.g. a page generated or edited in memory."""
        self.known_files.add(src)
        page = read_page(self.docs_dir, src, self.root, text=text)
        validate_page(page, self.context())
        self.pages[src] = page
        return page

    # ----------------------------------------------------------------- findings

    def findings(self) -> list[Finding]:
        items: list[Finding] = list(self.registries.findings)
        items.extend(self.file_findings())
        items.extend(self.navigation_findings())
        mapping, problems = load_redirects(self.root)
        items.extend(problems)
        items.extend(check_redirects(self.root, mapping, self.known_files, generated_sources(self)))
        items.extend(load_glossary(self.root)[1])
        for page in self.pages.values():
            items.extend(page.findings)
        return sort_findings(items)


def _default_workers(count: int) -> int:
    import threading

    override = os.environ.get("KB_WORKERS")
    if override:
        return max(1, int(override))
    if count < PARALLEL_MIN_PAGES or (os.cpu_count() or 1) < 2:
        return 1
    return 2 if threading.active_count() == 1 else 1


def _validate_chunk(job: tuple[Path, Path, list[str], Context]) -> list[Page]:
    docs_dir, root, sources, context = job
    pages = []
    for src in sources:
        page = read_page(docs_dir, src, root)
        validate_page(page, context)
        pages.append(page)
    return pages
