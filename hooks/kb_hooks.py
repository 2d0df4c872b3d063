"""MkDocs hooks: a thin adapter between MkDocs and the ``kb`` content model.

All rules live in the ``kb`` package (also used by the ``kb`` command). This file
only reads MkDocs' objects, calls ``kb`` and logs or inserts what it returns.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

from kb import dates, html_policy, views
from kb.findings import Finding
from kb.project import Project
from kb.status import translation_status

log = logging.getLogger("mkdocs.plugins.kb")

_state: dict[str, Any] = {}


def _project() -> Project:
    return _state["project"]


def _log(finding: Finding) -> None:
    text = finding.as_text()
    if finding.severity == "error":
        log.error(text)
    else:
        log.warning(text)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    _state["project"] = Project.load(root, Path(config.docs_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _project()
    project.known_files = {f.src_uri for f in files}
    sources = [f.src_uri for f in files.documentation_pages()]
    project.load_pages(sources)
    for finding in project.findings():
        _log(finding)
    today = dates.today()
    _state["today"] = today
    generated = {"status/index.md": views.status_page(project, today)}
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    project = _project()
    record = project.pages.get(page.file.src_uri)
    if record is None:
        return markdown
    if record.doc.has_front_matter and markdown.lstrip().startswith("---"):
        # MkDocs could not read the front matter; show the body, not the raw YAML.
        markdown = record.body
        if record.meta.get("title"):
            page.meta["title"] = str(record.meta["title"])
    generators = {
        "veldenreferentie": lambda: views.field_reference(project.vocabulary),
        "sjablonen": lambda: views.templates_markdown(project),
    }
    markdown = views.expand_placeholders(markdown, generators)
    today = _state["today"]
    top = ""
    if record.type == "vertaling":
        top += views.translation_banner(
            translation_status(record, project.registries, project.root, today)
        )
    top += views.review_notice(record, today)
    markdown = views.insert_after_title(markdown, top)
    return views.error_block(record.findings) + markdown


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    # Whatever a page contains, what is published cannot run script or load a third party.
    return html_policy.sanitize(html)
