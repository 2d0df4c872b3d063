"""``kb export``: every generated file that is not a page, written without a generator.

Byte for byte what the build writes (``tests/export/test_export.py`` compares them):
the feed, the calendars, the catalogue and its schema, and the Dutch search key table.
HTML (pages and the pages at old addresses) is the generator's job.
"""

from __future__ import annotations

from pathlib import Path

from kb.check.project import check_pages
from kb.model.project import Project
from kb.search.site_search import SiteSearch
from kb.site.outputs import BuildSettings, site_outputs


def export(project: Project, target: Path, site_url: str | None = None) -> list[str]:
    """Write the non-HTML outputs into ``target``; returns their paths (sorted)."""
    check_pages(project)
    settings = BuildSettings.for_project(project, site_url)
    outputs = site_outputs(project, settings)
    written = []
    for path, output in sorted(outputs.items()):
        if output.is_page or path.endswith(".html"):
            continue
        file = target / path
        file.parent.mkdir(parents=True, exist_ok=True)
        data = output.content.encode("utf-8") if isinstance(output.content, str) else output.content
        file.write_bytes(data)
        written.append(path)
    search = SiteSearch(project.root)
    search.add_all(project.pages[src] for src in sorted(project.pages))
    search.add_all(project.read(p, o.content) for p, o in outputs.items() if o.is_page)
    search.refine()
    search.write_table(target)
    written += sorted(p.relative_to(target).as_posix() for p in (target / "zoeken").rglob("*.json"))
    return written
