"""`make serve` (``mkdocs serve``): the preview has the search index, and an edited page
is rebuilt with it. The server runs on 127.0.0.1 and is stopped at the end."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from support.project import FIXED_TODAY

pytestmark = pytest.mark.slow

PREFIX = "/kennisbank/"  # the path of site_url in mkdocs.yml


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()  # type: ignore[no-any-return]
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(
    check: Callable[[], bytes | None | bool],
    what: str,
    proc: subprocess.Popen[str],
    seconds: float = 180,
) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            output = proc.stdout.read() if proc.stdout else ""
            pytest.fail(f"mkdocs serve stopped ({proc.returncode}) before {what}:\n{output}")
        found = check()
        if isinstance(found, bytes) and found:
            return found
        if found is True:
            return b""
        time.sleep(0.5)
    pytest.fail(f"mkdocs serve: {what} did not happen within {seconds:.0f} s")


def _serve(root: Path, temporary: Path) -> tuple[subprocess.Popen[str], str]:
    """``mkdocs serve`` of ``root`` on a free port, with its own TMPDIR; returns the
    process and the site's address."""
    port = _free_port()
    temporary.mkdir()
    env = {**os.environ, "KB_TODAY": FIXED_TODAY, "TMPDIR": str(temporary)}
    env.pop("KB_SITE_URL", None)  # mkdocs.yml's site_url: served under PREFIX
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return proc, f"http://127.0.0.1:{port}{PREFIX}"


def _stop(proc: subprocess.Popen[str]) -> str:
    """Stop the server as Ctrl-C in the terminal does; returns what it printed."""
    proc.send_signal(signal.SIGINT)
    try:
        output, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
    return output


def test_serve_has_search_and_rebuilds_it_after_an_edit(project_copy: Path, tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    proc, base = _serve(project_copy, temporary)
    try:
        entry = _wait_for(
            lambda: _get(base + "pagefind/pagefind-entry.json"), "the search index", proc
        )
        assert b'"nl"' in entry  # the Dutch index
        assert _get(base + "zoeken/config.json")  # the Dutch key table
        assert b"kb-search" in (_get(base + "adviezen/back-ups/") or b"")

        # An edited page is rebuilt, and so is the search index.
        page = project_copy / "docs/adviezen/back-ups.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\nProefwoord zoekindexvernieuwing.\n",
            encoding="utf-8",
        )
        _wait_for(
            lambda: b"zoekindexvernieuwing" in (_get(base + "adviezen/back-ups/") or b""),
            "the rebuild of the edited page",
            proc,
        )
        new_entry = _wait_for(
            lambda: (e := _get(base + "pagefind/pagefind-entry.json")) != entry and e,
            "a new search index",
            proc,
        )
        assert b'"nl"' in new_entry

        # An edit outside docs/ (the glossary in includes/) also rebuilds the site.
        glossary = project_copy / "includes/afkortingen.md"
        glossary.write_text(
            glossary.read_text(encoding="utf-8") + "*[Proefwoord]: Een woord om te testen\n",
            encoding="utf-8",
        )
        _wait_for(
            lambda: b'title="Een woord om te testen"' in (_get(base + "adviezen/back-ups/") or b""),
            "the rebuild after an edit in includes/",
            proc,
        )
    finally:
        _stop(proc)
    # The page copies kept for live rebuilds (and every build's) are gone afterwards.
    assert not list(temporary.glob("kb-zoekindex-*"))


def test_stopping_the_server_while_the_search_is_made_leaves_nothing_behind(
    project_copy: Path, tmp_path: Path
) -> None:
    temporary = tmp_path / "tmp"
    proc, base = _serve(project_copy, temporary)
    try:
        _wait_for(lambda: _get(base + "pagefind/pagefind-entry.json"), "the search index", proc)
        page = project_copy / "docs/adviezen/back-ups.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
        deadline = time.monotonic() + 120
        while not list(temporary.glob("kb-zoekindex-live-*")):  # the index is being made
            assert time.monotonic() < deadline, "no search round started after the save"
            assert proc.poll() is None
            time.sleep(0.01)
    finally:
        output = _stop(proc)  # Ctrl-C, in the middle of that round
    assert proc.returncode == 0, output
    assert not list(temporary.glob("kb-zoekindex-*"))
    assert "zoekindex:" not in output  # stopping it is not an error
