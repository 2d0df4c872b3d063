"""What the parallel build (kb_mkdocs.parallel) expects of MkDocs, checked on the pinned
version: the order of events, the "Page skipped" notice and the anchor check.

If MkDocs changes one of these, this test fails before the parallel build breaks; on
another version the guard (kb_mkdocs.guard) switches the parallel build off anyway.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb_mkdocs.guard import TESTED_MKDOCS, mkdocs_version
from support.project import run_build

PROBE = """
import json, logging
from pathlib import Path

EVENTS = []


class _Log(logging.Handler):
    def emit(self, record):
        EVENTS.append("log:" + record.getMessage())


logging.getLogger("mkdocs").addHandler(_Log())


def on_files(files, config):
    EVENTS.append("files")


def on_nav(nav, config, files):
    EVENTS.append("nav")


def on_pre_page(page, config, files):
    EVENTS.append("pre_page:" + page.file.src_uri)


def on_page_read_source(page, config):
    EVENTS.append("read_source:" + page.file.src_uri)


def on_page_markdown(markdown, page, config, files):
    EVENTS.append("markdown:" + page.file.src_uri)


def on_page_content(html, page, config, files):
    EVENTS.append("content:" + page.file.src_uri)


def on_env(env, config, files):
    EVENTS.append("env")


def on_page_context(context, page, config, nav):
    EVENTS.append("context:" + page.file.src_uri)


def on_post_page(output, page, config):
    EVENTS.append("post_page:" + page.file.src_uri)


def on_post_build(config):
    EVENTS.append("post_build")
    Path(config.config_file_path).with_name("events.json").write_text(json.dumps(EVENTS))
"""


@pytest.fixture
def events(tmp_path: Path) -> list[str]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme/leeg.html").write_text("")
    (tmp_path / "docs/a.md").write_text("# A\n\n[naar b](b.md#bestaat-niet)\n")
    (tmp_path / "docs/b.md").write_text("---\ntemplate: leeg.html\n---\n# B\n")
    (tmp_path / "docs/c.md").write_text("# C\n")
    (tmp_path / "probe.py").write_text(PROBE)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Proef\ntheme:\n  name: mkdocs\n  custom_dir: theme\nhooks:\n  - probe.py\n"
        "validation:\n  anchors: warn\n"
    )
    result = run_build(tmp_path, strict=False)
    assert result.returncode == 0, result.output
    return list(json.loads((tmp_path / "events.json").read_text()))


def test_the_guard_knows_this_version() -> None:
    assert mkdocs_version() == TESTED_MKDOCS


def test_pages_are_converted_before_on_env_and_written_after(events: list[str]) -> None:
    names = [e for e in events if not e.startswith("log:")]
    pages = ["a.md", "b.md", "c.md"]
    converted = [f"{step}:{p}" for p in pages for step in
                 ("pre_page", "read_source", "markdown", "content")]  # fmt: skip
    written = [f"{step}:{p}" for p in pages for step in ("context", "post_page")]
    assert names == ["files", "nav", *converted, "env", *written, "post_build"]


def test_an_empty_page_is_skipped_with_its_notice(events: list[str]) -> None:
    assert "log:Page skipped: 'b.md'. Generated empty output." in events


def test_anchors_are_checked_after_the_last_page_is_written(events: list[str]) -> None:
    anchor = next(i for i, e in enumerate(events) if "bestaat-niet" in e and e.startswith("log:"))
    assert anchor > events.index("post_page:c.md")
    assert anchor < events.index("post_build")
