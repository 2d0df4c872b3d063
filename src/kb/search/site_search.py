"""The search of one build: keys prepared from the pages, a copy of each converted page
for Pagefind, and the index built while the templates are rendered.

Framework-free: the MkDocs hook calls these in the order of the build (``add_files``
while the pages are checked, ``add_all`` for the generated pages, ``refine``,
``page_converted`` for each page, ``start`` once every page is converted, ``finish`` or
``cancel`` at the end). ``kb export`` uses ``add_all`` and ``write_table`` for the same
key table without a build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from kb.model.filecache import FileCache, fingerprint
from kb.model.pages import Page
from kb.model.settings import cache_folder
from kb.search import index
from kb.search.jobs import SearchJobs
from kb.search.keys import KEYS_FORMAT, Forms, KeyMaker, SearchConfig, markdown_words

CACHE = "kb-zoeksleutels"  # keys of page texts, kept between builds (.cache/)


class SiteSearch:
    def __init__(self, root: Path) -> None:
        config = SearchConfig.load(root)
        self.maker = KeyMaker(config)
        folder = cache_folder(root, CACHE)
        self.cache = None if folder is None else FileCache(folder, _fingerprint(config))
        self.page_keys: dict[str, list[str]] = {}
        self.words: set[str] = set()
        self.vocabulary: set[str] = set()  # refined, once every page is known
        self.copies = Path(tempfile.mkdtemp(prefix="kb-zoekindex-"))  # Pagefind's input
        self.owner = os.getpid()  # helper processes of a parallel build share the copies
        self.jobs: SearchJobs | None = None
        self.keep_copies = False  # serving: the copies stay for the next index
        self.final: dict[str, list[str]] = {}  # src -> the keys its page was given

    # ----------------------------------------------------------------- keys

    def add(self, page: Page) -> None:
        """The keys of a page's words (title, description, text). Every page, generated
        ones included, is added before any page is rendered, so the key table does not
        depend on which process renders a page."""
        text = f"{page.title} {page.description} {page.body}"
        self._add(page.src, self.cache.key("tekst", text) if self.cache else "", lambda: text)

    def add_all(self, pages: Iterable[Page]) -> None:
        for page in pages:
            self.add(page)

    def add_files(
        self, sources: Iterable[str], content: Callable[[str], bytes],
        read: Callable[[str, bytes], Page],
    ) -> None:  # fmt: skip
        """``add`` for pages of ``docs/``: with the cache, a file whose bytes (``content``)
        are unchanged is not even read as a page (``read``)."""
        for src in sources:
            data = content(src)
            if self.cache is None:
                self.add(read(src, data))
                continue

            def text(src: str = src, data: bytes = data) -> str:
                page = read(src, data)
                return f"{page.title} {page.description} {page.body}"

            self._add(src, self.cache.key("bestand", data), text)

    def _add(self, src: str, cache_key: str, text: Callable[[], str]) -> None:
        entry = self.cache.get(cache_key) if self.cache and cache_key else None
        kept = _kept_keys(entry) if entry is not None else None
        if kept is not None:
            keys, forms = kept
            self.maker.take_forms(forms)
        else:
            keys, forms = self.maker.word_keys_and_forms(markdown_words(text()))
            if self.cache and cache_key:
                self.cache.put(cache_key, {"keys": keys, "same": forms.same, "table": forms.table})
        self.page_keys[src] = keys
        self.words.update(keys)

    def prune_cache(self, started: float) -> None:
        """After a full build: drop the kept keys no page of it used."""
        if self.cache is not None:
            self.cache.prune(started)

    def refine(self) -> None:
        self.vocabulary = self.maker.refine(self.words)

    def keys_of(self, src: str, markdown: str) -> list[str]:
        keys = self.page_keys.get(src)
        if keys is None:  # not known when the keys were prepared
            keys = self.maker.word_keys(markdown_words(markdown))
        return self.maker.final_keys(keys, self.vocabulary)

    def final_keys_of(self, src: str) -> list[str] | None:
        """The keys page ``src`` was given when it was converted."""
        return self.final.get(src)

    # ----------------------------------------------------------------- pages

    def page_converted(
        self, src: str, dest: str, html: str, markdown: str, title: str, description: str,
        tags: list[str],
    ) -> tuple[list[str], str, str]:  # fmt: skip
        """Write Pagefind's copy of a converted page; returns what ``page_finished``
        needs (the keys that are not words of the page, its title and description)."""
        final = self.final[src] = self.keys_of(src, markdown)
        copy, keys = index.article_copy(
            html, title=title, description=description, keys=final, tags=tags,
        )  # fmt: skip
        _write_copy(self.copies / dest, copy)
        return keys, title, description

    @staticmethod
    def page_finished(output: str, search: tuple[list[str], str, str] | None) -> str:
        """The finished page with its article marked for Pagefind and its keys."""
        if search is None:
            return output
        keys, title, description = search
        return index.add_to_page(output, keys, title, description, filtered=True)

    def copy_unchanged(self, built: Path, dest: str) -> None:
        """A ``--dirty`` build does not convert unchanged pages: their copy comes from
        their HTML of the earlier build."""
        if not built.exists():
            return
        copy = index.copy_from_site(built.read_text(encoding="utf-8"))
        if copy is not None:
            _write_copy(self.copies / dest, copy)

    # ----------------------------------------------------------------- index

    def start(self, site_dir: Path, fork: bool) -> None:
        """Every page is converted: index with Pagefind and write the key table while
        the templates are rendered (``fork``: the table in a forked process)."""
        self.jobs = SearchJobs(site_dir, self.copies, self.maker, self.vocabulary,
                               keep_sources=self.keep_copies)  # fmt: skip
        self.jobs.start(fork=fork)

    def finish(self) -> list[index.SearchIndexError]:
        jobs, self.jobs = self.jobs, None
        return jobs.finish() if jobs is not None else []

    def cancel(self) -> None:
        jobs, self.jobs = self.jobs, None
        if jobs is not None:
            jobs.cancel()
        if self.owner == os.getpid():
            shutil.rmtree(self.copies, ignore_errors=True)

    def snapshot(self, staging: Path) -> KeyMaker:
        """The index's inputs at this moment, for an index made while pages change
        (serving): the page copies linked into ``staging`` (a copy is always replaced,
        never rewritten in place, so a link keeps the text it had) and a copy of the key
        maker's tables. Returns that copy; its ``vocabulary`` is ``self.vocabulary``'s copy."""
        for source in self.copies.rglob("*.html"):
            target = staging / source.relative_to(self.copies)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:  # another file system
                shutil.copyfile(source, target)
        return self.maker.snapshot()

    def remove_copies(self) -> None:
        """Remove the page copies (kept while serving, see ``keep_copies``)."""
        if self.owner == os.getpid():
            shutil.rmtree(self.copies, ignore_errors=True)

    def write_table(self, site_dir: Path) -> None:
        """The Dutch key table alone (``kb export``)."""
        index.write_browser_files(site_dir, self.maker, self.vocabulary)
        shutil.rmtree(self.copies, ignore_errors=True)


def _kept_keys(entry: dict[str, object]) -> tuple[list[str], Forms] | None:
    """A kept entry's keys and forms, or None when it is not as ``_add`` writes it
    (it is then made again)."""
    keys, same, table = entry.get("keys"), entry.get("same"), entry.get("table")
    if not (isinstance(keys, list) and isinstance(same, list) and isinstance(table, dict)):
        return None
    strings = {str}  # the types of every element, checked in one pass each
    if not (set(map(type, keys)) <= strings and set(map(type, same)) <= strings
            and set(map(type, table.values())) <= strings):  # fmt: skip
        return None
    return keys, Forms(same, table)


def _fingerprint(config: SearchConfig) -> str:
    try:
        lemmatizer = metadata.version("simplemma")
    except metadata.PackageNotFoundError:
        lemmatizer = ""
    return fingerprint({"keys": KEYS_FORMAT, "simplemma": lemmatizer, "config": asdict(config)})


def _write_copy(target: Path, text: str) -> None:
    """Write a page copy as a new file (see ``snapshot``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + f".{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, target)
