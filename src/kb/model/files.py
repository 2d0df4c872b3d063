"""The project's files on disk, and how they may be read.

No symbolic link anywhere in the content folders: a link in a pull request could point
at ``/etc/…``, at the build's environment (``/proc/self/environ``, in CI its secrets) or
at a file outside the repository, and the build would publish it. Symlinks are reported
and never followed; ``safe_path`` refuses any path that passes through one, and
``read_text`` reads only through ``safe_path``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from kb.model.findings import Finding

CONTENT_FOLDERS = ("docs", "data", "includes", "sources", "overrides")

NAVIGATION_FILE = ".pages"


def symlinks(root: Path) -> Iterator[str]:
    """Every symbolic link in the content folders (paths relative to ``root``), without
    following any of them."""
    for folder in CONTENT_FOLDERS:
        top = root / folder
        if top.is_symlink():
            yield folder
            continue
        if not top.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            here = Path(dirpath)
            for name in sorted(dirnames + filenames):
                path = here / name
                if path.is_symlink():
                    yield path.relative_to(root).as_posix()
            dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]


def symlink_findings(root: Path) -> list[Finding]:
    return [
        Finding(
            path,
            None,
            "symbolische-link",
            "Dit is een symbolische link. Links naar andere bestanden of mappen worden nooit "
            "gevolgd of gepubliceerd (ze kunnen naar bestanden buiten de repository wijzen). "
            "Zet het echte bestand op deze plaats.",
        )
        for path in symlinks(root)
    ]


def safe_path(root: Path, relative: str) -> Path | None:
    """``root / relative`` if it lies inside ``root`` and passes through no symbolic link;
    otherwise None (the caller treats the file as absent; the link itself is reported)."""
    if not relative or relative.startswith("/") or "\\" in relative:
        return None
    parts = Path(relative).parts
    if ".." in parts:
        return None
    path = root
    for part in parts:
        path = path / part
        if path.is_symlink():
            return None
    return path


def read_text(root: Path, relative: str) -> str | None:
    """A project file's text, or None if it is absent or not safe to read."""
    path = safe_path(root, relative)
    if path is None or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")
