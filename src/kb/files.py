"""The project's files on disk: what may be read, and which files ``docs/`` may publish.

* No symbolic link anywhere in the content folders: a link in a pull request could point
  at ``/etc/…``, at the build's environment (``/proc/self/environ``, in CI its secrets) or
  at a file outside the repository, and the build would publish it. Symlinks are reported
  and never followed; ``safe_path`` refuses any path that passes through one.
* Files in ``docs/`` other than pages: only the listed types, checked by content (a
  ``.png`` must be a PNG). SVG files pass the allow list of ``kb.svg_policy``. The site's
  own scripts and styles come only from the folders that maintainers own (CODEOWNERS).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from pathlib import Path

from kb.findings import Finding
from kb.svg_policy import check_svg

CONTENT_FOLDERS = ("docs", "data", "includes", "sources", "overrides")

# Static files contributors may add to docs/, by extension: what their content starts with.
_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (),  # checked below (ISO media file of brand avif)
    ".pdf": (b"%PDF-",),
}
STATIC_TYPES: dict[str, str] = {
    ".png": "PNG-afbeelding", ".jpg": "JPEG-afbeelding", ".jpeg": "JPEG-afbeelding",
    ".gif": "GIF-afbeelding", ".webp": "WebP-afbeelding", ".avif": "AVIF-afbeelding",
    ".pdf": "PDF-document", ".svg": "SVG-afbeelding (nagekeken)",
}  # fmt: skip
# Folders of docs/ that hold the site's own code; CODEOWNERS gives them to the maintainers.
MAINTAINER_FOLDERS: dict[str, frozenset[str]] = {
    "javascripts": frozenset({".js"}),
    "stylesheets": frozenset({".css"}),
}
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


def static_file_findings(docs_dir: Path, src: str, path: str) -> list[Finding]:
    """Problems of one non-page file of ``docs/`` (``src`` relative to docs/, ``path``
    relative to the project root, for the message)."""
    name = posixpath.basename(src)
    if name == NAVIGATION_FILE or src.endswith(".md"):
        return []
    extension = posixpath.splitext(name)[1].lower()
    folder = src.split("/", 1)[0] if "/" in src else ""
    if folder in MAINTAINER_FOLDERS and extension in MAINTAINER_FOLDERS[folder]:
        return []
    if extension not in STATIC_TYPES:
        allowed = ", ".join(sorted(STATIC_TYPES))
        own = "; scripts en stijlbladen van de site staan alleen in docs/javascripts/ en " \
              "docs/stylesheets/ (beheerders)" if extension in (".js", ".css", ".mjs") else ""
        return [
            Finding(
                path,
                None,
                "bestandstype-niet-toegestaan",
                f"Bestanden van het type `{extension or name}` worden niet gepubliceerd: ze "
                f"kunnen code bevatten die in de browser van lezers draait{own}. Toegelaten "
                f"naast pagina's (.md): {allowed}.",
            )
        ]
    file = docs_dir / src
    if extension == ".svg":
        return [
            Finding(path, problem.line, "onveilige-svg", problem.message)
            for problem in check_svg(file.read_bytes())
        ]
    with file.open("rb") as handle:
        head = handle.read(16)
    if not _looks_like(extension, head):
        return [
            Finding(
                path,
                None,
                "bestandsinhoud-klopt-niet",
                f"Het bestand heet `{name}` maar is geen {STATIC_TYPES[extension]}. Sla het "
                "opnieuw op in het juiste formaat, met de juiste extensie.",
            )
        ]
    return []


def _looks_like(extension: str, head: bytes) -> bool:
    if extension == ".avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    if extension == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return any(head.startswith(magic) for magic in _MAGIC[extension])
