"""Checking a whole project: every page, registry, static file, navigation file, the
redirect map and the glossary. The build and ``kb check`` call the same functions.

Large sites are validated in several processes (``KB_WORKERS``, by default 2 from
PARALLEL_MIN_PAGES pages on when this process runs no other threads); the result is the
same as in one process.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from kb.check import kept
from kb.check.editorial import load_phrases
from kb.check.markdown_render import renderer
from kb.check.navigation import navigation_findings
from kb.check.page_rules import Context, validate_page
from kb.check.redirects import check_redirects
from kb.check.static_files import static_file_findings
from kb.check.zelfscans import scan_findings
from kb.model import dates
from kb.model.filecache import FileCache
from kb.model.files import symlink_findings
from kb.model.findings import Finding, sort_findings
from kb.model.glossary import load_glossary
from kb.model.pages import Page, read_page
from kb.model.project import Project
from kb.model.redirects import load_redirects
from kb.model.settings import worker_setting
from kb.site.outputs import generated_sources

PARALLEL_MIN_PAGES = 300  # below this, starting a second process costs more than it saves


def context(project: Project) -> Context:
    if not project.known_files:
        project.scan_files()
    return Context(
        vocabulary=project.vocabulary,
        known_files=project.known_files | set(project.scans),  # scans: generated pages
        registries=project.registries,
        today=dates.today(),
        editorial_phrases=load_phrases(project.root),
        render_markdown=renderer(project.settings),
    )


def check_pages(
    project: Project,
    sources: Iterable[str] | None = None,
    workers: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Page]:
    """Read and check pages (all Markdown pages when ``sources`` is None) and keep them in
    ``project.pages``. ``meanwhile`` runs in this process while worker processes check
    (the build prepares the search keys there); without workers it runs afterwards."""
    wanted = sorted(sources) if sources is not None else project.markdown_sources()
    checks = context(project)
    cache = kept.findings_cache(project, checks)
    started = time.time()
    if workers is None:
        workers = default_workers(len(wanted))
    if workers > 1:
        chunks = [wanted[i::workers] for i in range(workers)]
        jobs = [(project.docs_dir, project.root, chunk, checks, cache) for chunk in chunks]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            result = pool.map_async(_check_chunk, jobs)
            if meanwhile is not None:
                meanwhile()
            done = {page.src: page for part in result.get() for page in part}
        pages = [done[src] for src in wanted]
    else:
        pages = _check_chunk((project.docs_dir, project.root, wanted, checks, cache))
        if meanwhile is not None:
            meanwhile()
    for page in pages:
        project.pages[page.src] = page
    check_scans(project, checks)
    if cache is not None and set(wanted) >= set(project.markdown_sources()):
        cache.prune(started)  # every page was checked: drop what no page used
    return pages


def check_scans(project: Project, checks: Context | None = None) -> None:
    """Check every self-assessment (their records keep the findings)."""
    checks = checks or context(project)
    for record in project.scans.values():
        record.findings = scan_findings(record, checks)


def check_page(project: Project, src: str, text: str | bytes) -> Page:
    """Add (or replace) a page from text, e.g. a page edited in memory, and check it."""
    project.known_files.add(src)
    page = project.read(src, text)
    validate_page(page, context(project))
    project.pages[src] = page
    return page


def default_workers(count: int) -> int:
    setting = worker_setting("KB_WORKERS")
    if setting is not None:
        return setting
    if count < PARALLEL_MIN_PAGES or (multiprocessing.cpu_count() or 1) < 2:
        return 1
    return 2 if threading.active_count() == 1 else 1


def _check_chunk(job: tuple[Path, Path, list[str], Context, FileCache | None]) -> list[Page]:
    docs_dir, root, sources, checks, cache = job
    pages = []
    for src in sources:
        data = (docs_dir / src).read_bytes()
        page = read_page(docs_dir, src, root, data)
        key = cache.key(src, data) if cache is not None else ""
        found = kept.kept_findings(cache, key) if cache is not None else None
        if found is not None:
            page.findings = found
        else:
            validate_page(page, checks)
            if cache is not None:
                kept.keep(cache, key, page.findings)
        pages.append(page)
    return pages


def file_findings(project: Project) -> list[Finding]:
    """Symbolic links in the content folders and static files of docs/ that may not be
    published."""
    items = symlink_findings(project.root)
    for src in sorted(project.known_files):
        items.extend(static_file_findings(project.docs_dir, src, project.rel_path(src)))
    return items


def project_navigation_findings(project: Project) -> list[Finding]:
    return navigation_findings(
        project.root, project.docs_dir, project.known_files, project.rel_path("")
    )


def project_findings(project: Project) -> list[Finding]:
    """Every finding: registries, files, navigation, redirects, glossary, checked pages."""
    items: list[Finding] = list(project.registries.findings)
    items.extend(file_findings(project))
    items.extend(project_navigation_findings(project))
    mapping, problems = load_redirects(project.root)
    items.extend(problems)
    made = generated_sources(project)
    items.extend(check_redirects(project.root, mapping, project.known_files, made))
    items.extend(load_glossary(project.root)[1])
    for page in project.listed_pages():
        items.extend(page.findings)
    return sort_findings(items)
