"""Serve benchmark: how long after a save `make serve` serves the change (used by
``scripts/benchmark.py``).

It starts the command of ``make serve`` (``mkdocs serve --no-strict --livereload`` with
``KB_SITE_URL``) in a project on 127.0.0.1, saves edits the way an editor does and times,
from the save, until the served HTML shows every effect of the edit: the page itself, a
page in the same folder (its navigation), the role overview that lists it; a renamed or
deleted page answers 404. MkDocs' server holds requests while it builds, so a request
returns the state after the build. The search index is made after the reload; its lag is
the time from the save until the server logs "Zoekindex bijgewerkt".

The same body edit is timed on vanilla Material's ``mkdocs serve`` (a full rebuild per
save), and a session of many body edits reports the server's memory after the first and
after the last edit.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROLES = ("planner", "budgetbeheerder", "technisch", "pedagogisch")
KINDS = ("body", "title", "roles", "new", "rename", "delete", "recreate")
STRUCTURAL = ("title", "roles", "new", "rename", "delete")


@dataclass
class Edit:
    kind: str
    seconds: float
    mode: str  # "snel" (incremental), "volledig" (full build) or "?"
    search_seconds: float | None = None


@dataclass
class ServeResult:
    start_seconds: float = 0.0
    edits: list[Edit] = field(default_factory=list)
    session_edits: int = 0
    session_seconds: list[float] = field(default_factory=list)
    rss_first: int = 0  # bytes, after the first edit of the session
    rss_last: int = 0  # after the last
    rss_peak: int = 0  # VmHWM of the server process
    failures: list[str] = field(default_factory=list)


class Server:
    """``mkdocs serve`` in ``root``; its log lines with the moment they arrived."""

    def __init__(self, command: list[str], root: Path, env: dict[str, str], log: Path) -> None:
        self.lines: list[tuple[float, str]] = []
        self.log = log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True,
        )  # fmt: skip
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append((time.monotonic(), line.rstrip("\n")))
            self.log.write(line)
            self.log.flush()

    def line_after(self, moment: float, pattern: str) -> tuple[float, str] | None:
        for at, line in list(self.lines):
            if at >= moment and re.search(pattern, line):
                return at, line
        return None

    def memory(self) -> tuple[int, int]:
        """Resident memory now and its peak (bytes) of the server process."""
        values = {}
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                name, _, rest = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    values[name] = int(rest.split()[0]) * 1024
        return values.get("VmRSS", 0), values.get("VmHWM", 0)

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.reader.join(timeout=5)
        self.log.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=900) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def wait_until(check: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.05)
    return False


def url_of(src: str) -> str:
    """The served path of a page (directory URLs)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def save(path: Path, text: str) -> float:
    """Write as an editor does; returns the moment of the save."""
    moment = time.monotonic()
    path.write_text(text, encoding="utf-8")
    return moment


def front(text: str, key: str) -> str:
    match = re.search(rf"(?m)^{key}: (.*)$", text)
    return match.group(1) if match else ""


def set_front(text: str, key: str, value: str) -> str:
    return re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)


def roles_of(text: str) -> list[str]:
    return [r.strip() for r in front(text, "roles").strip("[]").split(",") if r.strip()]


def pick_pages(docs: Path) -> tuple[str, str]:
    """Two synthetic advice pages in the same folder (page and sibling)."""
    for folder in sorted(p for p in (docs / "adviezen").iterdir() if p.is_dir()):
        pages = sorted(p for p in folder.glob("*.md") if p.name != "index.md")
        if len(pages) >= 2:
            return tuple(p.relative_to(docs).as_posix() for p in pages[:2])  # type: ignore[return-value]
    raise RuntimeError("geen map met twee synthetische adviezen")


class Session:
    """One served project and the edits made in it."""

    def __init__(self, server: Server, root: Path, base: str, timeout: float) -> None:
        self.server, self.root, self.base, self.timeout = server, root, base, timeout
        self.docs = root / "docs"

    def get(self, src_or_url: str) -> tuple[int, str]:
        url = url_of(src_or_url) if src_or_url.endswith(".md") else src_or_url
        return fetch(self.base + url)

    def has(self, where: str, *texts: str) -> bool:
        status, html = self.get(where)
        return status == 200 and all(t in html for t in texts)

    def lacks(self, where: str, text: str) -> bool:
        status, html = self.get(where)
        return status == 200 and text not in html

    def gone(self, src: str) -> bool:
        return self.get(src)[0] == 404

    def timed(self, kind: str, edit: Callable[[], float], done: Callable[[], bool],
              search: bool = True) -> Edit:  # fmt: skip
        saved = edit()
        if not wait_until(done, self.timeout):
            raise RuntimeError(f"{kind}: the served site did not show the edit in time")
        seconds = time.monotonic() - saved
        mode = "?"
        if self.server.line_after(saved, "Snel herbouwd"):
            mode = "snel"
        if self.server.line_after(saved, r"Documentation built in"):
            mode = "volledig"
        result = Edit(kind, seconds, mode)
        if search and mode == "snel":
            found = None
            if wait_until(lambda: bool(self.server.line_after(saved, "Zoekindex bijgewerkt")),
                          self.timeout):  # fmt: skip
                found = self.server.line_after(saved, "Zoekindex bijgewerkt")
            result.search_seconds = found[0] - saved if found else None
        return result


def start(command: list[str], root: Path, env: dict[str, str], log: Path, base: str,
          timeout: float) -> tuple[Server, float]:  # fmt: skip
    started = time.monotonic()
    server = Server(command, root, env, log)
    if not wait_until(lambda: fetch(base)[0] == 200 or server.proc.poll() is not None, timeout):
        server.stop()
        raise RuntimeError(f"mkdocs serve did not start within {timeout:.0f} s (see {log})")
    if server.proc.poll() is not None:
        server.stop()
        raise RuntimeError(f"mkdocs serve stopped (see {log})")
    return server, time.monotonic() - started


def serve_command(python: str, port: int, templates: Path | None) -> list[str]:
    """What ``make serve`` runs (Makefile), on another port."""
    command = [python, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr",
               f"127.0.0.1:{port}", "--livereload"]  # fmt: skip
    if templates is not None:
        command += ["--watch", str(templates)]
    return command


def measure_ours(
    root: Path, python: str, env: dict[str, str], templates: Path, logs: Path,
    repeats: int, session: int, timeout: float, progress: Callable[[str], None],
) -> ServeResult:  # fmt: skip
    result = ServeResult()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**env, "KB_SITE_URL": base}
    server, result.start_seconds = start(
        serve_command(python, port, templates), root, env, logs / "serve-ours.log", base, timeout
    )
    progress(f"  serve ours: first build {result.start_seconds:.1f} s")
    try:
        run = Session(server, root, base, timeout)
        for index in range(repeats):
            for edit in _edits(run, index):
                result.edits.append(edit)
                search = f", search {edit.search_seconds:.1f} s" if edit.search_seconds else ""
                progress(
                    f"  serve ours: {edit.kind:<9} {edit.seconds:6.2f} s ({edit.mode}{search})"
                )
        for edit in _full_edits(run):
            result.edits.append(edit)
            progress(f"  serve ours: {edit.kind:<9} {edit.seconds:6.2f} s ({edit.mode})")
        _session(run, result, session, progress)
    except RuntimeError as error:
        result.failures.append(f"serve: {error}")
    finally:
        result.rss_peak = server.memory()[1]
        server.stop()
    return result


def _edits(run: Session, index: int) -> list[Edit]:
    """Body, title, roles, new, rename, delete and delete-and-recreate, with checks."""
    docs = run.docs
    page, sibling = pick_pages(docs)
    path = docs / page
    text = path.read_text(encoding="utf-8")
    token = f"livemeting{index}x{int(time.time() * 1000) % 100000}"
    out = []

    body = f"{text.rstrip()}\n\nEen zin voor de meting {token}.\n"
    out.append(run.timed("body", lambda: save(path, body), lambda: run.has(page, token)))

    title = f"Livemeting titel {token}"
    titled = set_front(body, "title", f'"{title}"')
    role = roles_of(text)[0]
    overview = f"rollen/{role}/"
    out.append(run.timed(
        "title", lambda: save(path, titled),
        lambda: run.has(page, title) and run.has(sibling, title) and run.has(overview, title),
    ))  # fmt: skip

    new_role = next((r for r in ROLES if r not in roles_of(text)), ROLES[0])
    old_roles = [r for r in roles_of(text) if r != new_role]
    moved = set_front(titled, "roles", f"[{new_role}]")
    out.append(run.timed(
        "roles", lambda: save(path, moved),
        lambda: run.has(f"rollen/{new_role}/", title)
        and all(run.lacks(f"rollen/{r}/", title) for r in old_roles),
    ))  # fmt: skip

    folder = Path(page).parent.as_posix()
    new_src = f"{folder}/livemeting-nieuw-{token}.md"
    new_title = f"Livemeting nieuw {token}"
    new_text = (
        f'---\ntitle: "{new_title}"\ndescription: "Een pagina van de meting."\ntype: advies\n'
        f"roles: [{role}]\ntopics: [{front(text, 'topics').strip('[]').split(',')[0].strip()}]\n"
        'authors: ["Redactie Kennisbank ICT-coördinatoren"]\nreviewed: 2026-11-01\n---\n\n'
        f"# {new_title}\n\nEen nieuwe pagina voor de meting.\n"
    )
    out.append(run.timed(
        "new", lambda: save(docs / new_src, new_text),
        lambda: run.has(new_src, new_title) and run.has(sibling, new_title)
        and run.has(overview, new_title),
    ))  # fmt: skip

    renamed = f"{folder}/livemeting-hernoemd-{token}.md"

    def rename() -> float:
        moment = time.monotonic()
        os.replace(docs / new_src, docs / renamed)
        return moment

    slug_old, slug_new = Path(new_src).stem, Path(renamed).stem
    out.append(run.timed(
        "rename", rename,
        lambda: run.gone(new_src) and run.has(renamed, new_title)
        and run.has(sibling, slug_new) and run.lacks(sibling, slug_old),
    ))  # fmt: skip

    def delete() -> float:
        moment = time.monotonic()
        (docs / renamed).unlink()
        return moment

    out.append(run.timed(
        "delete", delete,
        lambda: run.gone(renamed) and run.lacks(sibling, new_title)
        and run.lacks(overview, new_title),
    ))  # fmt: skip

    again = f"{text.rstrip()}\n\nOpnieuw aangemaakt {token}.\n"

    def recreate() -> float:  # an editor that deletes the file and writes it anew
        moment = time.monotonic()
        path.unlink()
        path.write_text(again, encoding="utf-8")
        return moment

    out.append(
        run.timed("recreate", recreate, lambda: run.has(page, f"Opnieuw aangemaakt {token}"))
    )
    # Back to the original, and its search index made, before the next round.
    run.timed("restore", lambda: save(path, text), lambda: run.lacks(page, token))
    return out


def _full_edits(run: Session) -> list[Edit]:
    """A data file, and a git checkout of many pages: full builds."""
    out = []
    vocabulary = run.root / "data" / "vocabulary.yml"
    original = vocabulary.read_text(encoding="utf-8")
    moment = [0.0]

    def data() -> float:
        moment[0] = save(vocabulary, original + "\n# livemeting\n")
        return moment[0]

    out.append(run.timed(
        "data", data,
        lambda: bool(run.server.line_after(moment[0], "Documentation built in")), search=False,
    ))  # fmt: skip
    save(vocabulary, original)
    wait_until(lambda: len([1 for at, line in run.server.lines
                            if at > moment[0] and "Documentation built in" in line]) >= 2,
               run.timeout)  # fmt: skip

    pages = sorted(p for p in (run.docs / "adviezen").rglob("*.md") if p.parent.name != "adviezen")
    pages = pages[:100]
    samples = [
        pages[0].relative_to(run.docs).as_posix(),
        pages[-1].relative_to(run.docs).as_posix(),
    ]

    def many() -> float:
        start = time.monotonic()
        for page in pages:
            page.write_text(page.read_text(encoding="utf-8") + "\nGewijzigd door pull.\n",
                            encoding="utf-8")  # fmt: skip
        return start

    out.append(run.timed("pull-100", many,
                         lambda: all(run.has(s, "Gewijzigd door pull.") for s in samples),
                         search=False))  # fmt: skip

    def checkout() -> float:
        start = time.monotonic()
        subprocess.run(["git", "checkout", "-q", "--", "docs"], cwd=run.root, check=True)
        return start

    out.append(run.timed("checkout", checkout,
                         lambda: all(run.lacks(s, "Gewijzigd door pull.") for s in samples),
                         search=False))  # fmt: skip
    return out


def _session(run: Session, result: ServeResult, edits: int,
             progress: Callable[[str], None]) -> None:  # fmt: skip
    """Many body edits in a row, without waiting for the search index."""
    if edits <= 0:
        return
    docs = run.docs
    pages = sorted(p for p in (docs / "artikels").rglob("*.md") if p.parent.name != "artikels")[:5]
    texts = [p.read_text(encoding="utf-8") for p in pages]
    for index in range(edits):
        n = index % len(pages)
        src = pages[n].relative_to(docs).as_posix()
        marker = f"Sessiebewerking {index}."
        new_text = texts[n] + f"\n{marker}\n"
        edit = run.timed("session", partial(save, pages[n], new_text),
                         partial(run.has, src, marker), search=False)  # fmt: skip
        result.session_seconds.append(edit.seconds)
        if index == 0:
            result.rss_first = run.server.memory()[0]
        if (index + 1) % 50 == 0:
            progress(f"  serve ours: session edit {index + 1}/{edits}, "
                     f"RSS {run.server.memory()[0] / 2**20:.0f} MB")  # fmt: skip
    run.server.lines.clear()  # the log of a long session is not needed any more
    result.rss_last = run.server.memory()[0]
    result.session_edits = edits
    for page, text in zip(pages, texts, strict=True):
        page.write_text(text, encoding="utf-8")


def measure_vanilla(
    root: Path, python: str, env: dict[str, str], logs: Path, repeats: int, timeout: float,
    progress: Callable[[str], None],
) -> list[Edit]:  # fmt: skip
    """The same body edit on vanilla Material's ``mkdocs serve``: a full rebuild."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server, seconds = start(serve_command(python, port, None), root, env,
                            logs / "serve-vanilla.log", base, timeout)  # fmt: skip
    progress(f"  serve vanilla: first build {seconds:.1f} s")
    out = []
    try:
        run = Session(server, root, base, timeout)
        page, _ = pick_pages(run.docs)
        path = run.docs / page
        text = path.read_text(encoding="utf-8")
        for index in range(repeats):
            token = f"vanillameting{index}"
            body = f"{text.rstrip()}\n\nEen zin voor de meting {token}.\n"
            edit = run.timed("body", partial(save, path, body), partial(run.has, page, token),
                             search=False)  # fmt: skip
            edit.mode = "volledig"
            out.append(edit)
            progress(f"  serve vanilla: body {edit.seconds:6.2f} s")
        path.write_text(text, encoding="utf-8")
    finally:
        server.stop()
    return out
