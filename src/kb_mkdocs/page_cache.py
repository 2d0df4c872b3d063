"""Converted pages kept between builds, keyed by what went into them (the hook
``hooks/kb_cache.py``, behind the MkDocs version guard of ``kb_mkdocs.guard``).

Converting Markdown to HTML is the largest part of a build. Most builds convert the same
pages as the build before (a pull request changes a few pages, ``make serve`` starts with
a full build, a saved page often goes back to an earlier text). So each page's
conversion is stored in ``.cache/kb-paginas/`` under the hash of everything it depends
on, and the next build takes it from there instead of converting again:

* the Markdown MkDocs converts (after the ``kb`` hook added its generated parts), the
  page's source path, address and inclusion;
* the Markdown settings (extensions and their options, the glossary of ``abbr``
  included), the link validation settings, ``use_directory_urls`` and the versions of
  MkDocs, Python-Markdown, pymdown-extensions and Pygments;
* every other file the page's links looked up, with the address it had (or that it did
  not exist). A stored conversion is used only if each of those lookups gives the same
  answer now: renaming a page that others link to converts those pages again.

What MkDocs keeps of a conversion is stored and restored as it was: the HTML, the table
of contents, the title from the first heading, the anchors on the page and its links to
anchors elsewhere (MkDocs checks them after the last page). A page whose conversion
logged anything (a broken link, say) is never stored, so its message comes back in
every build. The ``kb`` hook's own steps (sanitiser, search copy) run on the HTML
either way. The tests build the same project with and without the cache and compare the
sites byte for byte.

``KB_CACHE=uit`` switches the cache off (``kb.model.settings.cache_folder``). A full
``mkdocs build`` removes the entries it did not use; ``mkdocs serve`` only adds. The
published site (``deploy.yml``) is built on a fresh checkout, so never from a cache.

MkDocs internals used (1.6.1): ``Page.render`` is replaced per page in ``on_pre_page``
(as the parallel build does), it looks up link targets only through
``Files.get_file_from_path``, and it sets ``content``, ``toc``, ``_title_from_render``,
``present_anchor_ids`` and ``links_to_anchors``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from kb.model.filecache import FileCache, fingerprint
from kb.model.settings import cache_folder
from kb_mkdocs import parallel
from kb_mkdocs.guard import internals_allowed

FOLDER = "kb-paginas"
FEATURE = "De cache van omgezette pagina's"
PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "pygments")

pages_log = logging.getLogger("mkdocs.structure.pages")  # MkDocs' logger for links
log = logging.getLogger("mkdocs.plugins.kb_cache")


@dataclass
class _Build:
    command: str = "build"
    dirty: bool = False
    cache: FileCache | None = None
    started: float = 0.0


_build = _Build()


def on_startup(command: str, dirty: bool) -> None:
    _build.command, _build.dirty = command, dirty


@event_priority(-100)  # after the kb hook has given abbr its glossary
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _build.cache, _build.started = None, time.time()
    folder = cache_folder(Path(config.config_file_path).parent, FOLDER)
    if folder is not None and internals_allowed(FEATURE):
        _build.cache = FileCache(folder, fingerprint(conversion_settings(config)))
    return config


def conversion_settings(config: MkDocsConfig) -> dict[str, Any]:
    """Everything of the configuration and the installed packages a conversion uses."""
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    return {
        "versions": versions,
        "extensions": config.markdown_extensions,
        "options": config.mdx_configs,
        "directory_urls": config.use_directory_urls,
        "links": {k: int(v) for k, v in config.validation.links.items()},
    }


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _build.cache is not None and parallel.renders_here(page):
        page.render = _cached_render(page, page.render, _build.cache)  # type: ignore[method-assign]
    return page


@event_priority(-100)  # after the other post-build work: the build succeeded
def on_post_build(config: MkDocsConfig) -> None:
    cache = _build.cache
    if cache is None or parallel.is_helper():
        return
    if _build.command == "build" and not _build.dirty:
        removed = cache.prune(_build.started)
        log.debug("Paginacache: %d uit de cache, %d bewaard, %d verwijderd.",
                  cache.hits, cache.stored, removed)  # fmt: skip


# --------------------------------------------------------------------- one page


def page_key(page: Page, cache: FileCache) -> str:
    file = page.file
    return cache.key(file.src_uri, file.url, file.inclusion.name, page.markdown or "")


def _cached_render(
    page: Page, real_render: Callable[[MkDocsConfig, Files], None], cache: FileCache
) -> Any:
    def render(config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None or pages_log.getEffectiveLevel() <= logging.DEBUG:
            real_render(config, files)  # -v: every message of a conversion is shown
            return
        key = page_key(page, cache)
        entry = cache.get(key)
        if entry is not None and _still_valid(entry, files):
            try:
                _restore(page, entry, files)
                return
            except (KeyError, TypeError, ValueError):  # not as _entry writes it: convert
                pass
        lookups = _Lookups(files)
        with _Messages() as messages:
            real_render(config, lookups)  # type: ignore[arg-type]  # a Files in all it uses
        if not messages.records:
            cache.put(key, _entry(page, lookups.seen))

    return render


class _Lookups:
    """``Files`` as the conversion sees it, noting each link target it looks up."""

    def __init__(self, files: Files) -> None:
        self._files = files
        self.seen: dict[str, list[str] | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self._files.get_file_from_path(path)
        self.seen[path] = _answer(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


def _answer(file: File | None) -> list[str] | None:
    return None if file is None else [file.url, file.inclusion.name]


def _still_valid(entry: dict[str, Any], files: Files) -> bool:
    lookups = entry.get("lookups")
    if not isinstance(lookups, dict):
        return False
    return all(_answer(files.get_file_from_path(p)) == a for p, a in lookups.items())


class _Messages(logging.Handler):
    """Everything above DEBUG MkDocs' page logger says while a page is converted, whatever
    the log level (with ``-q`` a broken link makes no record at all, and such a conversion
    must not be kept), and INFO and up from any other logger. On leaving, the page logger's
    messages are passed on as MkDocs would have passed them."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        self._others = [logging.getLogger(), logging.getLogger("mkdocs")]

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == pages_log.name or record.levelno >= logging.INFO:
            self.records.append(record)

    def __enter__(self) -> _Messages:
        self._saved = pages_log.level, pages_log.propagate
        self._effective = pages_log.getEffectiveLevel()
        # Above DEBUG: MkDocs records links to anchors only then (and, under -v, a page
        # is always converted: see _cached_render).
        pages_log.setLevel(logging.DEBUG + 1)
        pages_log.propagate = False
        for logger in [pages_log, *self._others]:
            logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for logger in [pages_log, *self._others]:
            logger.removeHandler(self)
        pages_log.setLevel(self._saved[0])
        pages_log.propagate = self._saved[1]
        for record in self.records:
            if record.name == pages_log.name and record.levelno >= self._effective:
                pages_log.handle(record)


def _entry(page: Page, lookups: dict[str, list[str] | None]) -> dict[str, Any]:
    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return {
        "content": page.content,
        "toc": [_toc_item(item) for item in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": links,
        "lookups": lookups,
    }


def _toc_item(item: AnchorLink) -> list[Any]:
    return [item.title, item.id, item.level, [_toc_item(child) for child in item.children]]


def _toc_link(item: list[Any]) -> AnchorLink:
    title, id_, level, children = item
    link = AnchorLink(title, id_, level)
    link.children = [_toc_link(child) for child in children]
    return link


def _restore(page: Page, entry: dict[str, Any], files: Files) -> None:
    """Set what ``Page.render`` sets, from a stored conversion."""
    page.content = entry["content"]
    items = [_toc_link(item) for item in entry["toc"]]
    if items:  # as MkDocs' get_toc: the first item is marked active
        items[0].active = True  # type: ignore[attr-defined]
    page.toc = TableOfContents(items)
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    page.links_to_anchors = dict(_links(entry["links"], files))  # not under -v (see above)


def _links(links: dict[str, dict[str, str]], files: Files) -> Iterator[tuple[File, dict[str, str]]]:
    for src, anchors in links.items():
        target = files.get_file_from_path(src)
        if target is not None:
            yield target, dict(anchors)
