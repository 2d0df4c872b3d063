"""Render the pages of a large site in several processes (the hook ``hooks/kb_parallel.py``).

MkDocs converts and writes one page after the other, on one core. For a site of
``MIN_PAGES`` pages or more, on a Linux machine with more than one core, this hook forks
the build right before MkDocs reads the pages: one process per core, at most
``MAX_WORKERS``. Every process then runs MkDocs' own page loop and converts and writes its
share of the pages (dealt out in turn, in MkDocs' order). For the other pages a process
only reads the front matter, which the navigation (titles) and the tags plugin need, and
skips the Markdown conversion, the template and the ``kb`` hook's work.

At the last page each helper process sends what the main process needs from its pages and
exits: the anchors of its pages (so MkDocs' anchor check still covers every link) and its
log messages (so they are shown, and warnings fail a strict build). The main process then
finishes the build as usual: anchor check, static files, search index, redirects.

Off under ``mkdocs serve`` (live reload), with ``--dirty``, for smaller sites, where
``os.fork`` is not safe, and with ``KB_BUILD_WORKERS=1``; ``KB_BUILD_WORKERS=N`` sets the
number of processes for any size (the tests use that). The output is the same either way
(``tests/site/test_parallel_build.py`` compares them byte for byte).

Other hooks ask ``renders_here(page)`` and ``is_helper()``.

The contract with MkDocs (1.6.1; ``kb_mkdocs.guard`` switches this off on any other
version, and ``tests/site/test_mkdocs_contract.py`` checks each point):

1. ``on_nav`` runs once, after ``on_files`` and before any page is read; forking there
   gives every process the same files and navigation.
2. For every page, in the order of ``files.documentation_pages()``, MkDocs calls
   ``on_pre_page``, reads the source, ``on_page_markdown``, ``page.render`` and
   ``on_page_content`` (``_populate_page``) before ``on_env``; then, for every page in
   the same order, ``on_page_context``, the template and ``on_post_page``
   (``_build_page``). A page whose template renders nothing is not written, and MkDocs
   logs "Page skipped: '<path>'" at INFO.
3. The anchors of links (``page.present_anchor_ids``, ``page.links_to_anchors``) are
   checked after the last ``on_post_page``.
4. ``on_build_error`` runs when the build fails, in every process that fails.
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

from kb.model.settings import worker_setting
from kb_mkdocs.guard import internals_allowed

MIN_PAGES = 300  # below this, a second process saves less than a second
MAX_WORKERS = 4  # more processes than this mostly add memory
ENV_WORKERS = "KB_BUILD_WORKERS"
FEATURE = "De parallelle bouw"
EMPTY_TEMPLATE = "kb-rendered-elsewhere.html"  # overrides/: renders nothing: nothing written

log = logging.getLogger("mkdocs.plugins.kb_parallel")


@dataclass
class _Build:
    command: str = "build"
    dirty: bool = False
    role: str = ""  # "" = one process; "main" or "helper"
    elsewhere: set[str] = field(default_factory=set)  # pages other processes render
    last: str = ""  # the last page of MkDocs' loop: where the processes meet
    files: Files | None = None
    connection: Connection | None = None  # helper: to the main process
    helpers: list[tuple[int, Connection]] = field(default_factory=list)  # main: pid, pipe
    captured: list[tuple[str, int, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # main: what the helpers reported
    results: dict[int, dict[str, Any]] = field(default_factory=dict)  # main: early results


_build = _Build()


class _Capture(logging.Handler):
    """In a helper: keep log records to replay them in the main process."""

    def emit(self, record: logging.LogRecord) -> None:
        _build.captured.append((record.name, record.levelno, record.getMessage()))


class _SkipNotices(logging.Filter):
    """MkDocs says "Page skipped ... empty output" for every page another process writes."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Page skipped: '") and _build.role:
            return message.split("'", 2)[1] not in _build.elsewhere
        return True


# MkDocs logs as "mkdocs"; ProperDocs, its maintained fork, as "properdocs".
GENERATOR_LOGGERS = ("mkdocs", "properdocs")
for _name in GENERATOR_LOGGERS:
    logging.getLogger(f"{_name}.commands.build").addFilter(_SkipNotices())


def on_startup(command: str, dirty: bool) -> None:
    _build.command, _build.dirty = command, dirty


def renders_here(page: Page) -> bool:
    """Whether this process converts and writes ``page`` (always, in one process)."""
    return not (_build.role and page.file.src_uri in _build.elsewhere)


def is_helper() -> bool:
    """A helper process: it leaves the static files, the search and the end to main."""
    return _build.role == "helper"


def workers_for(pages: int) -> int:
    """How many processes build ``pages`` pages: KB_BUILD_WORKERS, else one per core
    (at most MAX_WORKERS) from MIN_PAGES pages on."""
    try:
        setting = worker_setting(ENV_WORKERS)
    except ValueError as exc:
        raise PluginError(str(exc)) from exc
    if setting is not None:
        return min(setting, max(pages, 1))
    if pages < MIN_PAGES:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


@event_priority(-100)  # after every other nav handler: fork as late as possible
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _build.role, _build.elsewhere, _build.captured, _build.helpers = "", set(), [], []
    _build.errors, _build.results = [], {}
    sources = [f.src_uri for f in files.documentation_pages()]
    workers = workers_for(len(sources))
    if workers < 2 or not internals_allowed(FEATURE):
        return nav
    if (
        _build.command not in ("build", "gh-deploy")
        or _build.dirty
        or not sys.platform.startswith("linux")
        or threading.active_count() > 1  # forking a threaded process is not safe
        or workers < 2
    ):
        return nav
    # Pages are dealt out from the end, so the main process renders the last page: when
    # it gets there, the helpers have written all of theirs.
    shares: list[set[str]] = [set(sources[::-1][i::workers]) for i in range(workers)]
    log.info(
        "De pagina's worden in %d processen gebouwd (%s).",
        workers,
        ", ".join(str(len(share)) for share in shares),
    )
    _build.files, _build.last = files, sources[-1]
    everything = set(sources)
    for number in range(1, workers):
        reader, writer = multiprocessing.Pipe(duplex=False)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            reader.close()
            for _, other in _build.helpers:  # pipes of earlier helpers belong to main
                other.close()
            _build.helpers = []
            _build.role, _build.connection = "helper", writer
            _build.elsewhere = everything - shares[number]
            for name in GENERATOR_LOGGERS:
                generator_log = logging.getLogger(name)
                for handler in list(generator_log.handlers):
                    generator_log.removeHandler(handler)
            # One capture, at the top: under ProperDocs "mkdocs" logs through "properdocs".
            top = logging.getLogger("mkdocs")
            top = top.parent if top.parent and top.parent.name == "properdocs" else top
            top.addHandler(_Capture())
            return nav
        writer.close()
        _build.helpers.append((pid, reader))
    _build.role, _build.elsewhere = "main", everything - shares[0]
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _build.role and page.file.src_uri in _build.elsewhere:
        # The one change to a page object: it is not rendered here (behind the guard).
        page.render = _skipped_render(page)  # type: ignore[method-assign]  # see above
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
    if not renders_here(page):
        page.meta["template"] = EMPTY_TEMPLATE
    return html


@event_priority(-100)
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Every process has converted its pages here. A helper says so (the search index can
    start: hooks/kb_hooks.py) and leaves the static files, the 404 page and the sitemap to
    the main process; the main process waits until all helpers are this far."""
    if _build.role == "helper":
        assert _build.connection is not None
        _build.connection.send({"rendered": True})
        for file in [f for f in files if not f.is_documentation_page()]:
            files.remove(file)
        config.theme.static_templates.clear()
        config.extra_templates.clear()
    elif _build.role == "main":
        errors = []
        for pid, connection in _build.helpers:
            result = _receive(connection)
            if not result.get("rendered"):  # the helper already stopped
                _build.results[pid] = result
                if result["error"]:
                    _replay_logs(result)
                    errors.append(result["error"])
        if errors:  # the build fails now, before the templates and the search index
            raise PluginError("Een ander bouwproces stopte met een fout: " + "; ".join(errors))
    return env


def _receive(connection: Connection) -> dict[str, Any]:
    try:
        result: dict[str, Any] = connection.recv()
        return result
    except (EOFError, OSError):
        return {"anchors": {}, "logs": [], "error": "het proces verdween zonder antwoord"}


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _build.role and page.file.src_uri == _build.last:
        if _build.role == "helper":
            _finish_helper(error=None)
        else:
            _join_helpers()
    return output


def on_build_error(error: Exception) -> None:
    if _build.role == "helper":
        _finish_helper(error=str(error) or type(error).__name__)
    elif _build.role == "main":
        import signal

        for pid, connection in _build.helpers:
            connection.close()
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        _build.helpers = []


def _finish_helper(error: str | None) -> None:
    """Send the main process the anchors and log messages of this share; then stop."""
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


def _replay_logs(result: dict[str, Any]) -> None:
    for name, level, message in result["logs"]:
        logging.getLogger(name).log(level, message)


def _join_helpers() -> None:
    """Wait for the helpers, replay their log messages and take over their pages' anchors."""
    assert _build.files is not None
    files = _build.files
    errors = []
    for pid, connection in _build.helpers:
        try:
            result = _build.results.pop(pid, None) or _receive(connection)
        finally:
            connection.close()
            os.waitpid(pid, 0)
        _replay_logs(result)
        for src, (present, links) in result["anchors"].items():
            file = files.get_file_from_path(src)
            page = file.page if file is not None else None
            if page is None:  # the helper built a page this process does not list
                continue
            page.present_anchor_ids = present
            page.links_to_anchors = {
                target_file: found
                for target, found in links.items()
                if (target_file := files.get_file_from_path(target)) is not None
            }
        if result["error"]:
            errors.append(result["error"])
    _build.helpers = []
    _build.errors = errors  # raised in on_post_build, so no page is blamed for them


@event_priority(100)  # before the search index and the other post-build work
def on_post_build(config: MkDocsConfig) -> None:
    errors, _build.errors = _build.errors, []
    if errors:
        raise PluginError("Een ander bouwproces stopte met een fout: " + "; ".join(errors))
