"""MkDocs hooks: a thin adapter between MkDocs and the ``kb`` content model.

Every rule lives in ``kb`` (also used by the ``kb`` command): checks in ``kb.check``,
generated outputs and page inserts in ``kb.site``, search in ``kb.search``. This file
reads MkDocs' objects, calls ``kb``, and logs or inserts what it returns.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from kb.check import html_policy
from kb.check.project import check_pages, project_findings
from kb.model.files import symlink_findings
from kb.model.findings import Finding
from kb.model.pages import Page
from kb.model.project import Project
from kb.render.theme_meta import theme_meta
from kb.search.site_search import SiteSearch
from kb.site import build
from kb_mkdocs import navigation, parallel

log = logging.getLogger("mkdocs.plugins.kb")


@dataclass
class _State:
    dirty: bool = False
    project: Project | None = None
    site: build.Site | None = None
    search: SiteSearch | None = None


_state = _State()


def _log(finding: Finding) -> None:
    (log.error if finding.severity == "error" else log.warning)(finding.as_text())


def on_startup(command: str, dirty: bool) -> None:
    _state.dirty = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    links = symlink_findings(root)
    if links:  # stop before MkDocs lists (and would follow) them
        raise PluginError("Symbolische links worden nooit gevolgd; de bouw stopt:\n"
                          + "\n".join(f.as_text() for f in links))  # fmt: skip
    _state.project = project = Project.load(root, Path(config.docs_dir))
    if "abbr" in config.markdown_extensions:  # tooltips from includes/afkortingen.md
        config.mdx_configs.setdefault("abbr", {})["glossary"] = project.glossary
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project, search = _project(), SiteSearch(_project().root)
    try:
        refused = build.refused_files(project)
    except build.BuildStop as stop:
        raise PluginError(str(stop)) from stop
    for file in list(files):  # never copied: symlinked, hidden or refused files of docs/
        if build.from_docs(file.abs_src_path, file.generated_by, project) and (
            file.src_uri not in project.known_files or file.src_uri in refused
        ):
            files.remove(file)
    sources = [f.src_uri for f in files.documentation_pages()]
    check_pages(project, sources, meanwhile=lambda: search.add_all(map(project.read, sources)))
    for finding in project_findings(project):
        _log(finding)
    _state.site = site = build.Site.make(project, config.site_url)
    for output in site.outputs.values():
        files.append(File.generated(config, output.path, content=output.content))
    search.add_all(site.pages.values())
    search.refine()
    _state.search = search
    return files


def _project() -> Project:
    assert _state.project is not None
    return _state.project


def _record(page: MkPage) -> Page | None:
    site = _state.site
    return site.record(page.file.src_uri) if site else None


def on_page_read_source(page: MkPage, config: MkDocsConfig) -> str | None:
    """MkDocs gets the body as kb read it (it never parses contributed YAML itself)."""
    record = _record(page)
    return None if record is None else build.source_for_mkdocs(record)


@event_priority(50)  # before other plugins read page.meta (tags)
def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    record, site = _record(page), _state.site
    if record is None or site is None:
        return markdown
    page.meta = theme_meta(record, _project().vocabulary)  # known fields, escaped once
    if not parallel.renders_here(page) or not site.is_checked(record):
        return markdown
    markdown, page.meta["git_revision_date_localized"] = site.page_markdown(record, markdown)
    return markdown


@event_priority(-50)  # after awesome-pages has set the sections' titles
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return navigation.escape_titles(nav)


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    record, search = _record(page), _state.search
    if not parallel.renders_here(page) or record is None or search is None:
        return html
    if record.is_valid:  # what validation let through and the sanitiser removes: say so
        for problem in html_policy.check_fragment(html):
            log.error(f"{record.path}: fout: {problem} (de inhoud werd verwijderd)")
    html = html_policy.sanitize(html)  # published HTML cannot run script or load others
    tags = [str(tag) for tag in page.meta.get("tags") or []]
    description = record.description if _state.site and _state.site.is_checked(record) else ""
    page.kb_search = search.page_converted(  # type: ignore[attr-defined]  # own attribute
        record.src, page.file.dest_uri, html, page.markdown or "", record.title,
        description, tags,
    )  # fmt: skip
    return html


@event_priority(-110)  # after kb_parallel's on_env: every process has converted its pages
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    search = _state.search
    if parallel.is_helper() or search is None:
        return env
    if _state.dirty:  # unchanged pages were not converted: their copies come from the site
        for file in files.documentation_pages():
            if file.page is not None and not hasattr(file.page, "kb_search"):
                search.copy_unchanged(Path(config.site_dir) / file.dest_uri, file.dest_uri)
    # Forking is only safe without other threads (not under `mkdocs serve`).
    search.start(Path(config.site_dir), sys.platform.startswith("linux")
                 and threading.active_count() == 1)  # fmt: skip
    return env


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    if not parallel.renders_here(page):
        return output
    found = getattr(page, "kb_search", None)
    if found is not None:
        output = SiteSearch.page_finished(output, found)
    return build.with_feed_link(output, page.url, config.site_name)


def on_post_build(config: MkDocsConfig) -> None:
    if _state.search is not None:
        for error in _state.search.finish():
            log.error("zoekindex: %s", error)


def on_build_error(error: Exception) -> None:
    if _state.search is not None:
        _state.search.cancel()
