"""MkDocs' list of files, as the knowledge base publishes it."""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kb.search.site_search import SiteSearch
from kb.site.build import Site, from_docs


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


def copy_unchanged_pages(
    files: Files, search: SiteSearch, site_dir: Path, converted: Container[str]
) -> None:
    """A ``--dirty`` build converts only changed pages: the others' search copies come
    from their HTML of the earlier build."""
    for file in files.documentation_pages():
        if file.page is not None and file.src_uri not in converted:
            search.copy_unchanged(site_dir / file.dest_uri, file.dest_uri)
