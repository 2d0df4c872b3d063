"""What the knowledge base publishes through MkDocs: its list of files and each converted page."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from kb.check import html_policy
from kb.model.pages import Page
from kb.render.theme_meta import theme_meta
from kb.site.build import Site, from_docs
from kb_mkdocs.parallel import renders_here
from kb_mkdocs.state import BuildState


def drop_unpublished(files: Files, site_files: set[str], refused: set[str], docs: Path) -> None:
    """Remove what MkDocs found in docs/ but must not publish: files kb did not list
    (symlinked, hidden) and files it refused (wrong type, unsafe SVG)."""
    for file in list(files):
        if from_docs(file.abs_src_path, file.generated_by, docs) and (
            file.src_uri not in site_files or file.src_uri in refused
        ):
            files.remove(file)


def add_outputs(files: Files, site: Site, config: MkDocsConfig) -> None:
    for output in site.outputs.values():
        files.append(File.generated(config, output.path, content=output.content))


def page_markdown(state: BuildState, record: Page, page: MkPage, markdown: str) -> str:
    """A page's Markdown as MkDocs converts it: the theme gets the page's known fields
    (escaped once) as ``page.meta``; a page this process converts gets the build's
    inserts (status, lists, widgets' places) in its Markdown."""
    page.meta = theme_meta(record, state.project.vocabulary)
    if not renders_here(page):
        return markdown
    parts = state.parts[record.src] = state.site.page_parts(record, markdown)
    page.meta.update(parts.meta)
    return parts.markdown


def start_search(state: BuildState, files: Files, site_dir: Path) -> None:
    """Every page is converted: index the search beside the templates (see
    ``kb.search.jobs``). A ``--dirty`` build converts only changed pages: the others'
    search copies come from their HTML of the earlier build."""
    if state.dirty:
        for file in files.documentation_pages():
            if file.page is not None and file.src_uri not in state.converted:
                state.search.copy_unchanged(site_dir / file.dest_uri, file.dest_uri)
    # Forking is only safe without other threads (not under `mkdocs serve`).
    fork = sys.platform.startswith("linux") and threading.active_count() == 1
    state.search.start(site_dir, fork)


def page_content(
    state: BuildState, record: Page, html: str, page: MkPage, log: logging.Logger
) -> str:
    """A converted page: sanitised (published HTML cannot run script or load others),
    what the sanitiser removed from a valid page logged as an error, its copy for the
    search index written, and the widgets (filters, map, forms) put in after the
    sanitiser."""
    sanitized = html_policy.sanitize(html)
    if record.is_valid:
        for problem in html_policy.check_fragment(html, sanitized):
            log.error(f"{record.path}: fout: {problem} (de inhoud werd verwijderd)")
    if state.serving:
        state.sanitized[record.src] = sanitized
    description = record.description if state.site.is_checked(record) else ""
    tags = [str(tag) for tag in page.meta.get("tags") or []]
    state.converted[record.src] = state.search.page_converted(
        record.src, page.file.dest_uri, sanitized, page.markdown or "", record.title,
        description, tags,
    )  # fmt: skip
    parts = state.parts.get(record.src)
    return parts.finish(sanitized) if parts else sanitized
