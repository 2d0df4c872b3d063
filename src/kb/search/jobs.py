"""Build the search index next to the rest of the build.

As soon as every page is converted (and its copy for Pagefind written, see
``search_index.article_copy``), the Pagefind binary starts indexing in its own process and
the Dutch key table is written in a forked one, while the build renders the theme's
templates. At its end the build waits for both (``finish``); a failed build stops them
(``cancel``).
"""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from subprocess import Popen

from kb.search import index as search_index
from kb.search.keys import KeyMaker


class SearchJobs:
    def __init__(
        self, site_dir: Path, sources: Path, maker: KeyMaker, vocabulary: set[str],
        keep_sources: bool = False,
    ) -> None:  # fmt: skip
        self.site_dir = site_dir
        self.sources = sources  # the pages' copies for Pagefind (removed at the end)
        self.keep_sources = keep_sources  # serving: the next index starts from them
        self.maker = maker
        self.vocabulary = vocabulary
        self._pagefind: threading.Thread | None = None
        self._pagefind_process: Popen[str] | None = None
        self._table: multiprocessing.process.BaseProcess | None = None
        self._table_result: Connection | None = None
        self._errors: list[BaseException] = []
        self._cancelled = False

    def start(self, fork: bool) -> None:
        """Start Pagefind; with ``fork`` also the key table, in a forked process (only
        safe while this process runs no other thread). Otherwise ``finish`` writes it."""
        if fork:
            receiver, sender = multiprocessing.Pipe(duplex=False)
            context = multiprocessing.get_context("fork")
            self._table = context.Process(
                target=_write_table, args=(sender, self), name="kb-zoektabel", daemon=True
            )
            self._table.start()
            sender.close()
            self._table_result = receiver
        self._pagefind = threading.Thread(target=self._index, name="pagefind", daemon=True)
        self._pagefind.start()

    def _index(self) -> None:
        try:
            search_index.build_pagefind(self.site_dir, self.sources, started=self._started)
        except BaseException as exc:  # handed to finish(), not lost in the thread
            self._errors.append(exc)

    def _started(self, process: Popen[str]) -> None:
        self._pagefind_process = process
        if self._cancelled:  # cancel() came before the process existed
            process.kill()

    def finish(self) -> list[search_index.SearchIndexError]:
        """Wait for both jobs. Returns Pagefind's known problems (Dutch messages); any
        other failure is raised."""
        try:
            if self._table is None:  # while Pagefind indexes in its own process
                search_index.write_browser_files(self.site_dir, self.maker, self.vocabulary)
            else:
                self._join_table()
        finally:
            if self._pagefind is not None:
                self._pagefind.join()
            if not self.keep_sources:
                shutil.rmtree(self.sources, ignore_errors=True)
        known = [e for e in self._errors if isinstance(e, search_index.SearchIndexError)]
        for error in self._errors:
            if error not in known:
                raise error
        return known

    def _join_table(self) -> None:
        assert self._table is not None and self._table_result is not None
        try:
            error = self._table_result.recv()
        except EOFError:
            error = RuntimeError(
                "Het proces dat de zoektabel schrijft, stopte zonder antwoord "
                f"(code {self._table.exitcode})."
            )
        finally:
            self._table_result.close()
            self._table.join()
        if error is not None:
            raise error

    def cancel(self) -> None:
        """The build failed: stop both jobs and leave no half-written index behind."""
        self._cancelled = True
        if self._table is not None and self._table.is_alive():
            self._table.kill()
            self._table.join()
        process = self._pagefind_process
        if process is not None and process.poll() is None:
            process.kill()
        if self._pagefind is not None:
            self._pagefind.join()
        shutil.rmtree(self.sources, ignore_errors=True)
        shutil.rmtree(self.site_dir / "pagefind", ignore_errors=True)


def _write_table(result: Connection, jobs: SearchJobs) -> None:
    """In the forked process: write the key table, then report success or the error."""
    try:
        search_index.write_browser_files(jobs.site_dir, jobs.maker, jobs.vocabulary)
    except BaseException as exc:
        try:
            result.send(exc)
        except Exception:  # an error that cannot be pickled: its text
            result.send(RuntimeError(f"De zoektabel kon niet geschreven worden: {exc}"))
    else:
        result.send(None)
    finally:
        result.close()
