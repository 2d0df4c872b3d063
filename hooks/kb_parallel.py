"""MkDocs hook: render the pages of a large site in two processes.

MkDocs converts and writes one page after the other, on one core. For a site of
``MIN_PAGES`` pages or more, on a Linux machine with two cores, this hook forks the build
right before MkDocs reads the pages. Both processes then run MkDocs' own page loop, and
each converts and writes half of the pages (alternating, in MkDocs' order). For the other
half a process only reads the front matter, which the navigation (titles) and the tags
plugin need, and skips the Markdown conversion, the template and the ``kb`` hook's work.

At the last page the helper process sends what the main process needs from its pages and
exits: the anchors of its pages (so MkDocs' anchor check still covers every link) and its
log messages (so they are shown, and warnings fail a strict build). The main process then
finishes the build as usual: anchor check, static files, search index, redirects.

Off under ``mkdocs serve`` (live reload), with ``--dirty``, for smaller sites, where
``os.fork`` is not safe, and with ``KB_BUILD_WORKERS=1``; ``KB_BUILD_WORKERS=2`` turns it
on for any size (the tests use that). The output is the same either way
(``tests/test_parallel_build.py`` compares the two).

Other hooks see a page that the other process renders as ``page.rendered_elsewhere``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

MIN_PAGES = 300  # below this, a second process saves less than a second
ENV_WORKERS = "KB_BUILD_WORKERS"
EMPTY_TEMPLATE = "kb-rendered-elsewhere.html"  # overrides/: renders nothing: nothing written

log = logging.getLogger("mkdocs.plugins.kb_parallel")


@dataclass
class _Build:
    command: str = "build"
    dirty: bool = False
    role: str = ""  # "" = one process; "main" or "helper"
    elsewhere: set[str] = field(default_factory=set)  # pages the other process renders
    last: str = ""  # the last page of MkDocs' loop: where the two processes meet
    files: Files | None = None
    connection: Connection | None = None
    helper_pid: int = 0
    captured: list[tuple[str, int, str]] = field(default_factory=list)


_build = _Build()


class _Capture(logging.Handler):
    """In the helper: keep log records to replay them in the main process."""

    def emit(self, record: logging.LogRecord) -> None:
        _build.captured.append((record.name, record.levelno, record.getMessage()))


class _SkipNotices(logging.Filter):
    """MkDocs says "Page skipped ... empty output" for every page the other process writes."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Page skipped: '") and _build.role:
            return message.split("'", 2)[1] not in _build.elsewhere
        return True


logging.getLogger("mkdocs.commands.build").addFilter(_SkipNotices())


def on_startup(command: str, dirty: bool) -> None:
    _build.command, _build.dirty = command, dirty


def _wanted_workers(pages: int) -> int:
    setting = os.environ.get(ENV_WORKERS, "").strip()
    if setting:
        return 2 if setting.isdigit() and int(setting) >= 2 else 1
    if pages < MIN_PAGES or (os.cpu_count() or 1) < 2:
        return 1
    return 2


@event_priority(-100)  # after every other nav handler: fork as late as possible
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _build.role, _build.elsewhere, _build.captured = "", set(), []
    sources = [f.src_uri for f in files.documentation_pages()]
    if (
        _build.command not in ("build", "gh-deploy")
        or _build.dirty
        or not sys.platform.startswith("linux")
        or threading.active_count() > 1  # forking a threaded process is not safe
        or len(sources) < 2
        or _wanted_workers(len(sources)) < 2
    ):
        return nav
    # The main process renders the last page, so the helper has written all of its pages
    # when both reach it.
    main_pages = set(sources[::-1][::2])
    helper_pages = set(sources) - main_pages
    log.info(
        "De pagina's worden in twee processen gebouwd (%d en %d).",
        len(main_pages),
        len(helper_pages),
    )
    reader, writer = multiprocessing.Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        reader.close()
        _build.role, _build.connection, _build.elsewhere = "helper", writer, main_pages
        mkdocs_log = logging.getLogger("mkdocs")
        for handler in list(mkdocs_log.handlers):
            mkdocs_log.removeHandler(handler)
        mkdocs_log.addHandler(_Capture())
    else:
        writer.close()
        _build.role, _build.connection, _build.elsewhere = "main", reader, helper_pages
        _build.helper_pid = pid
    _build.files, _build.last = files, sources[-1]
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _build.role and page.file.src_uri in _build.elsewhere:
        page.rendered_elsewhere = True  # type: ignore[attr-defined]
        page.render = _skipped_render(page)  # type: ignore[method-assign]
    return page


def _skipped_render(page: Page) -> Any:
    real_render = page.render

    def render(config: MkDocsConfig, files: Files) -> None:
        if "title" not in page.meta:
            real_render(config, files)  # the navigation takes the title from the first heading
            return
        page.content = ""
        page.toc = TableOfContents([])
        page.present_anchor_ids = None  # filled in from the helper (main process)
        page.links_to_anchors = None

    return render


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if getattr(page, "rendered_elsewhere", False):
        page.meta["template"] = EMPTY_TEMPLATE
    return html


@event_priority(-100)
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if _build.role == "helper":  # static files, 404 page and sitemap: the main process
        for file in [f for f in files if not f.is_documentation_page()]:
            files.remove(file)
        config.theme.static_templates.clear()
        config.extra_templates.clear()
    return env


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _build.role and page.file.src_uri == _build.last:
        if _build.role == "helper":
            _finish_helper(error=None)
        else:
            _join_helper()
    return output


def on_build_error(error: Exception) -> None:
    if _build.role == "helper":
        _finish_helper(error=str(error) or type(error).__name__)
    elif _build.role == "main" and _build.helper_pid:
        import signal

        try:
            os.kill(_build.helper_pid, signal.SIGTERM)
            os.waitpid(_build.helper_pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        _build.helper_pid = 0


def _finish_helper(error: str | None) -> None:
    """Send the main process the anchors and log messages of this half; then stop."""
    anchors: dict[str, tuple[set[str] | None, dict[str, dict[str, str]]]] = {}
    if error is None and _build.files is not None:
        for file in _build.files.documentation_pages():
            page = file.page
            if page is None or file.src_uri in _build.elsewhere:
                continue
            links = {to.src_uri: found for to, found in (page.links_to_anchors or {}).items()}
            anchors[file.src_uri] = (page.present_anchor_ids, links)
    assert _build.connection is not None
    try:
        _build.connection.send({"anchors": anchors, "logs": _build.captured, "error": error})
        _build.connection.close()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0 if error is None else 1)


def _join_helper() -> None:
    """Wait for the helper, replay its log messages and take over its pages' anchors."""
    assert _build.connection is not None and _build.files is not None
    try:
        result = _build.connection.recv()
    except (EOFError, OSError):
        result = {"anchors": {}, "logs": [], "error": "het tweede bouwproces stopte onverwacht"}
    finally:
        _build.connection.close()
        if _build.helper_pid:
            os.waitpid(_build.helper_pid, 0)
            _build.helper_pid = 0
    for name, level, message in result["logs"]:
        logging.getLogger(name).log(level, message)
    files = _build.files
    for src, (present, links) in result["anchors"].items():
        page = files.get_file_from_path(src).page  # type: ignore[union-attr]
        page.present_anchor_ids = present
        page.links_to_anchors = {
            files.get_file_from_path(target): found for target, found in links.items()
        }
    if result["error"]:
        raise PluginError(f"De pagina's van het tweede bouwproces: {result['error']}")
