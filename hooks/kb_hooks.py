"""MkDocs hooks: a thin adapter. Every rule lives in ``kb`` (checks in ``kb.check``,
outputs and page inserts in ``kb.site``, search in ``kb.search``), and what must know
MkDocs' objects in ``kb_mkdocs``; the ``kb`` command calls the same functions."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage

from kb.check.project import check_pages, project_findings
from kb.model.project import Project
from kb.render.theme_meta import tag_chips
from kb.search.site_search import SiteSearch
from kb.site import build
from kb_mkdocs import navigation, parallel, publish
from kb_mkdocs.state import shared

log = logging.getLogger("mkdocs.plugins.kb")
LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO}
state = shared


def on_startup(command: str, dirty: bool) -> None:
    state.dirty, state.serving = dirty, command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        build.stop_on_symlinks(root)  # before MkDocs lists (and would follow) them
        state.loaded = Project.load(root, Path(config.docs_dir))
    except build.BuildStop as stop:
        raise PluginError(str(stop)) from stop
    if "abbr" in config.markdown_extensions:  # tooltips from includes/afkortingen.md
        config.mdx_configs.setdefault("abbr", {})["glossary"] = state.project.glossary
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = state.project
    search = state.begin(project.root)
    try:
        refused, lapsed = build.refused_files(project), build.lapsed_profiles(project)
    except build.BuildStop as stop:
        raise PluginError(str(stop)) from stop
    publish.drop_unpublished(files, project.known_files, refused | lapsed, project.docs_dir)
    sources = [f.src_uri for f in files.documentation_pages()]  # lapsed profiles: checked only
    check_pages(project, sources + sorted(lapsed),
                meanwhile=lambda: search.add_files(sources, project.content, project.read))  # fmt: skip
    for finding in project_findings(project):
        log.log(LEVELS[finding.severity], finding.as_text())
    state.made = site = build.Site.make(project, config.site_url)
    publish.add_outputs(files, site, config)
    search.add_all(site.pages.values())
    search.refine()
    return files


def on_page_read_source(page: MkPage, config: MkDocsConfig) -> str | None:
    """MkDocs gets the body as kb read it: it never parses contributed YAML itself."""
    record = state.record(page)
    return None if record is None else build.source_for_mkdocs(record)


@event_priority(50)  # before other plugins read page.meta (tags)
def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    record = state.record(page)
    return markdown if record is None else publish.page_markdown(state, record, page, markdown)


def on_page_context(context: Any, page: MkPage, config: MkDocsConfig, nav: Navigation) -> Any:
    if (record := state.record(page)) is not None:  # the tags above the title
        context["tags"] = tag_chips(record, state.project.vocabulary)
    return context


@event_priority(-50)  # after awesome-pages has set the sections' titles
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return navigation.escape_titles(nav)


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    if (record := state.mine(page)) is None:
        return html
    return publish.page_content(state, record, html, page, log)


@event_priority(-110)  # after kb_parallel's on_env: every process has converted its pages
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if not parallel.is_helper():
        publish.start_search(state, files, Path(config.site_dir))
    return env


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    if state.mine(page) is None:
        return output
    output = SiteSearch.page_finished(output, state.converted.get(page.file.src_uri))
    return build.with_feed_link(output, page.url, config.site_name)


def on_post_build(config: MkDocsConfig) -> None:
    for error in state.search.finish():
        log.error("zoekindex: %s", error)
    if not (state.serving or state.dirty):
        state.search.prune_cache(state.started)


def on_shutdown() -> None:
    state.close_search()


def on_build_error(error: Exception) -> None:
    if state.searching is not None:
        state.searching.cancel()
