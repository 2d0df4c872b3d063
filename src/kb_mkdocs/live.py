"""Live editing: while ``mkdocs serve`` runs, a save rebuilds only what it changes.

MkDocs rebuilds the whole site after every save (its ``--dirty`` mode is known to leave
navigation and generated lists stale). This module replaces the server's builder (the
``on_serve`` event, hook ``hooks/kb_live.py``) with one that keeps the last build in
memory: MkDocs' files, navigation, template environment and pages, and kb's project,
site entry and search. After a save it compares the watched files with the previous state
and:

* for changes to Markdown pages in ``docs/`` only (edited, added, deleted, renamed):
  checks the changed pages again (and pages whose text names an added or deleted file),
  makes the site entry again (generated outputs are written when their bytes changed),
  recomputes the inserted parts of the pages that can read the changed pages (overviews,
  advice, network pages), converts again exactly the pages whose source or parts changed,
  rebuilds the navigation when titles or pages changed, and renders the template again
  for every page whose navigation as the theme shows it (``navigation.prune``: the
  children of the page's ancestors, its path, previous and next), search keys or content
  changed. Deleted pages' files are removed;
* for anything else (``data/``, ``includes/``, ``overrides/``, ``mkdocs.yml``, ``.pages``
  files, static files, a new day, a profile in the directory of people, many files at
  once as after ``git checkout``): the full build MkDocs would run.

The search index (Pagefind and the key table) is made again in a background thread after
the rebuild returns, so the browser reloads first: from a snapshot of its inputs (page
copies linked, key tables copied), written beside the served index and swapped in; saves
that come meanwhile are taken together in its next round, and a rebuild never waits for it. ``tests/site/test_live.py`` proves with
random sequences of edits that the served site equals a full build byte for byte.

Uses MkDocs internals (``_populate_page``, ``_build_page``, ``_build_theme_template``,
the server's ``builder``): behind ``kb_mkdocs.guard``; on another MkDocs version serving
rebuilds fully, as MkDocs does.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import Popen
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkPage

from kb.check.network import PEOPLE_FOLDER
from kb.check.project import check_page, check_scans
from kb.model import dates
from kb.model.findings import Finding
from kb.model.pages import Page
from kb.search import index as search_index
from kb.site.build import Site, source_for_mkdocs
from kb.site.inserts import PageParts
from kb_mkdocs.guard import internals_allowed
from kb_mkdocs.state import BuildState

log = logging.getLogger("mkdocs.plugins.kb")
FEATURE = "Snel herbouwen tijdens mkdocs serve"
CLOSE_WAIT = 10  # seconds the server waits at Ctrl-C for a stopped search round
MAX_CHANGES = 60  # more changed files at once (git checkout, pull): a full build
WATCHED_DIRS = ("data", "includes", "overrides", "sources", "src/kb/templates")
LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "info": logging.INFO}
# Page types whose inserted parts read other pages of a type (besides overviews).
READERS_OF = {"praktijk": {"advies"}, "vraag": {"advies", "artikel", "vertaling",
              "raamcontract", "organisatie"}, "profiel": {"praktijk", "vraag"}}  # fmt: skip


# --------------------------------------------------------------------------- files


Stamp = tuple[int, int]  # mtime in ns, size


def snapshot(root: Path, docs_dir: Path, config_file: Path) -> dict[str, Stamp]:
    """The watched files: docs/ and the data, theme and template folders, mkdocs.yml."""
    found: dict[str, Stamp] = {}
    places = [docs_dir, *(root / d for d in WATCHED_DIRS)]
    for place in places:
        if not place.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(place):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") or d == ".pages"]
            for name in filenames:
                path = Path(dirpath) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    if config_file.is_file():
        stat = config_file.stat()
        found[config_file.name] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed_paths(before: dict[str, Stamp], after: dict[str, Stamp]) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


# --------------------------------------------------------------------------- navigation


def _entry(item: Any) -> tuple[Any, ...]:
    """What a navigation item shows: title, address, kind, and for a section the address
    it opens (its first page's; Material's pruned section shows the section's own title)
    and whether it holds anything. The items of an open section (an ancestor of the page)
    are in the page's view one by one, so their number and order count there."""
    if isinstance(item, Section):
        first = next(iter(item.children), None)
        while isinstance(first, Section):
            first = next(iter(first.children), None)
        return ("section", item.title, bool(item.children), getattr(first, "url", None))
    return (type(item).__name__, item.title, getattr(item, "url", None),
            getattr(item, "is_index", False))  # fmt: skip


def nav_view(
    page: MkPage, nav: Navigation, seen: dict[int, tuple[Any, ...]] | None = None
) -> tuple[Any, ...]:
    """The navigation as page ``page`` shows it (pruned: the children of its ancestors,
    the top level, its path, the previous and next page). ``seen``: the entries of the
    levels already looked at, when the views of many pages of one navigation are made
    (the pages of a folder share them)."""
    seen = {} if seen is None else seen

    def level(key: Any, items: Any) -> tuple[Any, ...]:
        if id(key) not in seen:
            seen[id(key)] = tuple(_entry(item) for item in items)
        return seen[id(key)]

    ancestors = list(page.ancestors)
    levels = [level(nav, nav.items)]
    levels += [level(section, getattr(section, "children", None) or []) for section in ancestors]
    path = tuple(_entry(section) for section in ancestors)
    neighbours = tuple(
        (other.title, other.url) if other is not None else None
        for other in (page.previous_page, page.next_page)
    )
    return (tuple(levels), path, neighbours, page.title, page.url)


# --------------------------------------------------------------------------- state


@dataclass
class MkState:
    """MkDocs' objects of the last build."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any


@dataclass
class LiveSite:
    """The last build, and how to bring it up to date after a save."""

    state: BuildState
    full_build: Callable[[], None]
    mk: MkState | None = None
    stamps: dict[str, Stamp] = field(default_factory=dict)
    views: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # src -> nav view
    keys: dict[str, tuple[list[str], str, str] | None] = field(default_factory=dict)
    today: Any = None
    build_lock: threading.Lock = field(default_factory=threading.Lock)  # a rebuild runs
    search_cond: threading.Condition = field(default_factory=threading.Condition)
    search_thread: threading.Thread | None = None
    search_wanted: bool = False
    search_busy: bool = False
    search_process: Popen[str] | None = None  # Pagefind, while a round runs
    closing: bool = False  # the server stops
    last: dict[str, Any] = field(default_factory=dict)  # what the last rebuild did

    # ----------------------------------------------------------------- entry

    def rebuild(self) -> None:
        """The server's builder: incremental when it can be, a full build otherwise."""
        with self.build_lock:
            self._rebuild()

    def _rebuild(self) -> None:
        started = time.monotonic()
        if self.mk is None:
            return self._full(started, "eerste bouw")
        config = self.mk.config
        root = Path(config.config_file_path).parent
        stamps = snapshot(root, Path(config.docs_dir), Path(config.config_file_path))
        changes = changed_paths(self.stamps, stamps)
        reason = self._needs_full(changes, root, Path(config.docs_dir))
        if reason:
            return self._full(started, reason)
        self.stamps = stamps
        try:
            done = self._incremental(changes, root)
        except Exception as error:  # never leave a half-updated site: build it whole
            log.warning("Snel herbouwen lukte niet (%s); de hele site wordt gebouwd.", error)
            return self._full(started, "fout bij snel herbouwen")
        self.last = {"mode": "snel", "seconds": time.monotonic() - started, **done}
        log.info(
            "Snel herbouwd in %.2f s: %s omgezet, %s opnieuw opgemaakt, %s bijgewerkt.",
            self.last["seconds"], _count(done["converted"], "pagina", "pagina's"),
            _count(done["rendered"], "pagina", "pagina's"),
            _count(done["outputs"], "gegenereerd bestand", "gegenereerde bestanden"),
        )  # fmt: skip
        self._start_search()

    def _needs_full(self, changes: set[str], root: Path, docs_dir: Path) -> str:
        if not changes:
            return ""
        if not internals_allowed(FEATURE):
            return "andere MkDocs-versie"
        if dates.today() != self.today:
            return "nieuwe dag"
        if len(changes) > MAX_CHANGES:
            return f"{len(changes)} bestanden tegelijk gewijzigd"
        docs = docs_dir.relative_to(root).as_posix() + "/"
        for path in changes:
            if not path.startswith(docs) or not path.endswith(".md"):
                return f"{path} gewijzigd"
            if path.removeprefix(docs).startswith(PEOPLE_FOLDER + "/"):
                return "profiel gewijzigd"
        return ""

    def _full(self, started: float, reason: str) -> None:
        self._stop_search()
        self.mk = None
        self.full_build()  # MkDocs' own build; the hooks call remember() at its end
        self.last = {"mode": "volledig", "reason": reason, "seconds": time.monotonic() - started}

    # ----------------------------------------------------------------- after a full build

    def remember(self, config: MkDocsConfig, files: Files, nav: Navigation, env: Any) -> None:
        """Called at the end of a full build (in serve mode): keep what the next save needs."""
        root = Path(config.config_file_path).parent
        self.mk = MkState(config, files, nav, env)
        self.today = dates.today()
        self.stamps = snapshot(root, Path(config.docs_dir), Path(config.config_file_path))
        seen: dict[int, tuple[Any, ...]] = {}
        self.views = {
            f.src_uri: nav_view(f.page, nav, seen) for f in files.documentation_pages() if f.page
        }
        self.keys = dict(self.state.converted)

    def start_stamps(self, config: MkDocsConfig) -> None:
        """At the start of a full build: changes made during it count for the next one."""
        root = Path(config.config_file_path).parent
        self.stamps = snapshot(root, Path(config.docs_dir), Path(config.config_file_path))

    # ----------------------------------------------------------------- incremental

    def _incremental(self, changes: set[str], root: Path) -> dict[str, Any]:
        from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
        from mkdocs.structure.files import set_exclusions
        from mkdocs.structure.nav import get_navigation

        assert self.mk is not None
        mk, state = self.mk, self.state
        config, files = mk.config, mk.files
        project = state.project
        docs = Path(config.docs_dir).relative_to(root).as_posix() + "/"
        srcs = {path.removeprefix(docs) for path in changes}
        before = {src: project.pages.get(src) for src in srcs}
        added = {s for s in srcs if before[s] is None and (Path(config.docs_dir) / s).is_file()}
        deleted = {s for s in srcs if not (Path(config.docs_dir) / s).is_file()}
        edited = srcs - added - deleted

        # kb: the changed pages, and pages whose text names an added or deleted file.
        for src in deleted:
            project.pages.pop(src, None)
            project.known_files.discard(src)
        for src in sorted(added | edited):
            check_page(project, src, (Path(config.docs_dir) / src).read_bytes())
        relinked: set[str] = set()
        if added or deleted:
            # Pages that name the file, and pages with a finding (a broken link's "Bedoelde
            # je ...?" suggestion depends on every file).
            names = {Path(s).stem for s in added | deleted}
            for src, page in list(project.pages.items()):
                if src not in srcs and (page.findings or any(n in page.doc.text for n in names)):
                    before[src] = page
                    check_page(project, src, (Path(config.docs_dir) / src).read_bytes())
                    relinked.add(src)
        check_scans(project)
        for src in sorted(added | edited | relinked):
            for finding in project.pages[src].findings:
                _log(finding)

        # The site entry: generated outputs and pages.
        old_site = state.site
        pairs = [(before[s], project.pages.get(s)) for s in sorted(srcs | relinked)]
        site = Site.make(project, config.site_url, previous=old_site, changes=pairs)
        state.made = site
        outputs_written = self._update_outputs(old_site, site, files, config)
        generated_pages = {p for p in outputs_written if p.endswith(".md")}

        # MkDocs' files: added and deleted pages.
        for src in deleted:
            file = files.get_file_from_path(src)
            if file is not None:
                _remove_output(file)
                files.remove(file)
                state.parts.pop(src, None)
                state.converted.pop(src, None)
                self.views.pop(src, None)
                self.keys.pop(src, None)
                state.search.page_keys.pop(src, None)
                _remove(state.search.copies / file.dest_uri)
        for src in sorted(added):
            files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))
        if added or deleted or outputs_written:
            set_exclusions(files, config)  # as MkDocs does after on_files
            files = mk.files = _in_build_order(files, Path(config.docs_dir), list(site.outputs))

        titles_changed = any(_differ(before[s], project.pages.get(s), "title") for s in srcs)
        structure = bool(added or deleted or titles_changed or outputs_written & {
            p for p in outputs_written if p.endswith(".md")})  # fmt: skip
        nav = mk.nav
        if structure:
            nav = get_navigation(files, config)
            nav = config.plugins.on_nav(nav, config=config, files=files)
            mk.nav = nav

        # Parts: recompute for the pages that can read what changed; convert again where
        # the source or the parts differ.
        meta_changed = bool(added or deleted) or any(
            _differ(before[s], project.pages.get(s), "meta")
            or _differ(before[s], project.pages.get(s), "is_valid")
            for s in srcs
        )
        convert = set(added | edited | relinked | generated_pages)
        convert |= self._parts_changed(srcs | relinked, before, meta_changed)
        convert = {s for s in convert if files.get_file_from_path(s) is not None}

        # Search keys of the changed pages; the vocabulary of the whole site.
        for src in sorted(added | edited | relinked | generated_pages):
            record = site.record(src)
            if record is not None:
                state.search.add(record)
        vocabulary_before = state.search.vocabulary
        state.search.words = {k for keys in state.search.page_keys.values() for k in keys}
        state.search.refine()

        doc_files = files.documentation_pages()
        for src in sorted(convert):
            file = files.get_file_from_path(src)
            if file is not None and file.page is None:
                MkPage(None, file, config)
            assert file is not None and file.page is not None
            _populate_page(file.page, config, files, dirty=False)
        # Pages that were not converted again but whose search keys changed (only when
        # the site's vocabulary did: a page's keys come from its words and that).
        rekeyed = set()
        if state.search.vocabulary != vocabulary_before:
            rekeyed = self._rekey(doc_files, convert)

        # Templates: converted pages, and pages whose navigation or keys changed.
        render = set(convert) | rekeyed
        if structure:  # otherwise the navigation is the same object as before
            views: dict[str, tuple[Any, ...]] = {}
            seen: dict[int, tuple[Any, ...]] = {}
            for file in doc_files:
                if file.page is None:
                    continue
                view = nav_view(file.page, nav, seen)
                views[file.src_uri] = view
                if self.views.get(file.src_uri) != view:
                    render.add(file.src_uri)
            self.views = views
        for file in doc_files:
            if file.src_uri in render and file.page is not None:
                _build_page(file.page, config, doc_files, nav, mk.env, dirty=False)
        if structure or render:
            for template in config.theme.static_templates:
                _build_theme_template(template, mk.env, files, config, nav)
        self.keys = dict(state.converted)
        return {"converted": sorted(convert), "rendered": sorted(render),
                "outputs": sorted(outputs_written)}  # fmt: skip

    def _update_outputs(self, old: Site, new: Site, files: Files, config: MkDocsConfig) -> set[str]:
        """Write generated files whose bytes changed; add and remove generated files."""
        written = set()
        for path, output in new.outputs.items():
            previous = old.outputs.get(path)
            if previous is not None and previous.content == output.content:
                continue
            written.add(path)
            file = files.get_file_from_path(path)
            if file is None:
                file = File.generated(config, path, content=output.content)
                files.append(file)
            else:
                file.content_bytes = (
                    output.content.encode("utf-8") if isinstance(output.content, str) else output.content
                )  # fmt: skip
            if not output.is_page:
                file.copy_file()
        for path in old.outputs.keys() - new.outputs.keys():
            file = files.get_file_from_path(path)
            if file is not None:
                _remove_output(file)
                files.remove(file)
            written.add(path)
        return written

    def _parts_changed(
        self, changed: set[str], before: dict[str, Page | None], meta_changed: bool
    ) -> set[str]:
        """Docs pages whose inserted parts differ now (recomputed for the pages that can
        read the changed pages)."""
        state = self.state
        project, site = state.project, state.site
        types = {p.type for p in before.values() if p is not None}
        types |= {project.pages[s].type for s in changed if s in project.pages}
        readers = {t for changed_type in types for t in READERS_OF.get(changed_type, set())}
        candidates = set(changed)
        if meta_changed:
            for src, page in project.pages.items():
                if page.type == "overzicht" or page.type in readers or src.endswith("index.md"):
                    candidates.add(src)
        out = set()
        for src in sorted(candidates):
            record = project.pages.get(src)
            if record is None:
                continue
            parts = site.page_parts(record, self._markdown_of(record))
            if not _same_parts(state.parts.get(src), parts):
                out.add(src)
        return out

    @staticmethod
    def _markdown_of(record: Page) -> str:
        """A page's Markdown as MkDocs has it (``on_page_read_source``, ``get_data``)."""
        from mkdocs.utils import meta

        markdown, _ = meta.get_data(source_for_mkdocs(record))
        return markdown

    def _rekey(self, doc_files: Sequence[File], converted: set[str]) -> set[str]:
        """Pages whose final search keys changed with the site's vocabulary: their search
        copy is written again (from their HTML) and their template rendered again."""
        state = self.state
        out = set()
        for file in doc_files:
            src = file.src_uri
            page = file.page
            if src in converted or page is None or src not in state.converted:
                continue
            record = state.site.record(src)
            if record is None or page.content is None:
                continue
            keys = state.search.keys_of(src, page.markdown or "")
            if keys == state.search.final_keys_of(src):
                continue
            html = state.sanitized.get(src)
            if html is None:
                continue
            description = record.description if state.site.is_checked(record) else ""
            tags = [str(tag) for tag in page.meta.get("tags") or []]
            state.converted[src] = state.search.page_converted(
                src, file.dest_uri, html, page.markdown or "", record.title, description, tags
            )
            out.add(src)
        return out

    # ----------------------------------------------------------------- search

    def _start_search(self) -> None:
        """Ask for a new search index. A worker thread makes it after the rebuild has
        returned (the browser reloads first); saves that come while it works are taken
        together in its next round, and a rebuild never waits for it."""
        with self.search_cond:
            self.search_wanted = True
            self.search_cond.notify_all()
            if self.search_thread is None or not self.search_thread.is_alive():
                self.search_thread = threading.Thread(
                    target=self._search_worker, name="kb-zoekindex", daemon=True
                )
                self.search_thread.start()

    def _search_worker(self) -> None:
        while True:
            with self.search_cond:
                self.search_cond.wait_for(lambda: self.search_wanted or self.closing)
                if self.closing:
                    return
            with self.build_lock:  # the inputs as the last rebuild left them
                with self.search_cond:
                    if not self.search_wanted or self.mk is None:
                        continue
                    self.search_wanted, self.search_busy = False, True
                site_dir = Path(self.mk.config.site_dir)
                staging = Path(tempfile.mkdtemp(prefix="kb-zoekindex-live-"))
                started = time.monotonic()
                search = self.state.search
                try:
                    maker = search.snapshot(staging / "pagina")
                    vocabulary = set(search.vocabulary)
                except BaseException:
                    self._search_done(staging)
                    raise
            try:
                search_index.build_pagefind(
                    site_dir, staging / "pagina", output=staging / "pagefind",
                    started=self._pagefind_started,
                )  # fmt: skip
                search_index.write_browser_files(staging, maker, vocabulary)
                with self.search_cond:
                    if self.search_busy and self.mk is not None:
                        _swap(staging / "pagefind", site_dir / "pagefind")
                        _swap(staging / search_index.SEARCH_DIR, site_dir / search_index.SEARCH_DIR)
                seconds = time.monotonic() - started
                self.last["search_seconds"] = seconds
                log.info("Zoekindex bijgewerkt in %.1f s.", seconds)
            except Exception as error:  # the served site keeps its previous index
                if not self.closing:
                    log.error("zoekindex: %s", error)
            finally:
                self._search_done(staging)

    def _pagefind_started(self, process: Popen[str]) -> None:
        with self.search_cond:
            self.search_process = process
        if self.closing:  # the server stopped while this round prepared
            process.kill()

    def _search_done(self, staging: Path) -> None:
        shutil.rmtree(staging, ignore_errors=True)
        with self.search_cond:
            self.search_busy, self.search_process = False, None
            self.search_cond.notify_all()

    def close(self) -> None:
        """The server stops (Ctrl-C): a search round that runs is stopped, and its
        temporary files go with it (the worker thread would otherwise die with the
        process and leave them)."""
        with self.search_cond:
            self.closing, self.search_wanted = True, False
            process = self.search_process
            self.search_cond.notify_all()
        if process is not None and process.poll() is None:
            process.kill()
        thread = self.search_thread
        if thread is not None and thread.is_alive():
            thread.join(timeout=CLOSE_WAIT)

    def _stop_search(self) -> None:
        """Before a full build (which makes its own index): drop what is asked, and wait
        for a round that is running."""
        with self.search_cond:
            self.search_wanted = False
            self.search_cond.wait_for(lambda: not self.search_busy)

    def wait(self) -> None:
        """Until the search index of the last rebuild is written (tests, benchmarks)."""
        with self.search_cond:
            self.search_cond.wait_for(lambda: not self.search_wanted and not self.search_busy)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target`` with two renames (no moment without one)."""
    old = target.with_name(target.name + ".oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _count(items: Sequence[str], one: str, more: str) -> str:
    return f"{len(items)} {one if len(items) == 1 else more}"


def _differ(old: Page | None, new: Page | None, attribute: str) -> bool:
    if old is None or new is None:
        return True
    return bool(getattr(old, attribute) != getattr(new, attribute))


def _same_parts(old: PageParts | None, new: PageParts) -> bool:
    return old is not None and (old.markdown, old.meta, old.widgets, old.fill_ins) == (
        new.markdown, new.meta, new.widgets, new.fill_ins)  # fmt: skip


def _remove_output(file: File) -> None:
    """Remove a page's output and the folders it leaves empty (as a full build has none)."""
    path = Path(file.abs_dest_path)
    _remove(path)
    site = Path(file.dest_dir)
    folder = path.parent
    while folder != site and folder.is_relative_to(site) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _walk_key(src: str) -> tuple[tuple[int, Any], ...]:
    """The position of a docs file in MkDocs' walk of docs/: a folder's files (index and
    README first, then by name) before its subfolders (by name)."""
    from mkdocs.structure.files import _file_sort_key

    *folders, name = src.split("/")
    return (*((1, folder) for folder in folders), (0, _file_sort_key(name)))


def _in_build_order(files: Files, docs_dir: Path, outputs: list[str]) -> Files:
    """The files in the order of a full build: docs/ as MkDocs walks it, then the theme's
    files, then the generated outputs in the site entry's order."""
    generated = {path: index for index, path in enumerate(outputs)}
    docs, theme, made = [], [], []
    for file in files:
        if file.src_uri in generated and file.generated_by:
            made.append(file)
        elif (
            file.abs_src_path
            and Path(file.abs_src_path).is_relative_to(docs_dir)
            and not file.generated_by
        ):
            docs.append(file)
        else:
            theme.append(file)
    docs.sort(key=lambda f: _walk_key(f.src_uri))
    made.sort(key=lambda f: generated[f.src_uri])
    return Files([*docs, *theme, *made])


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def _log(finding: Finding) -> None:
    log.log(LEVELS[finding.severity], finding.as_text())


# --------------------------------------------------------------------------- hooks

_live: LiveSite | None = None
_seen: dict[str, Any] = {}  # this build's navigation, files and template environment


def current() -> LiveSite | None:
    return _live


def on_startup(command: str, dirty: bool) -> None:
    global _live
    if command == "serve" and not dirty:
        from kb_mkdocs.state import shared

        _live = LiveSite(shared, full_build=lambda: None)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _live is not None:
        _live.start_stamps(config)
    return config


@event_priority(-200)  # after every other handler: the navigation as it is rendered
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _seen["nav"], _seen["files"] = nav, files
    return nav


@event_priority(-200)
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    _seen["env"] = env
    return env


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if _live is not None and {"nav", "files", "env"} <= _seen.keys():
        _live.remember(config, _seen["files"], _seen["nav"], _seen["env"])
    _seen.clear()


def on_shutdown() -> None:
    if _live is not None:
        _live.close()


def on_serve(server: Any, config: MkDocsConfig, builder: Callable[..., None]) -> Any:
    """Replace the server's builder by the live one."""
    if _live is None or not internals_allowed(FEATURE) or not hasattr(server, "builder"):
        return server
    _live.full_build = lambda: builder()
    server.builder = _live.rebuild
    return server
