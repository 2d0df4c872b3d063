"""Files in ``docs/`` other than pages: which may be published.

Only the listed types, checked by content (a ``.png`` must be a PNG). SVG files pass the
allow list of ``kb.check.svg_policy``. The site's own scripts and styles come only from
the folders that maintainers own (CODEOWNERS); HTML and any other type are refused.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from kb.check.svg_policy import check_svg
from kb.model.files import NAVIGATION_FILE
from kb.model.findings import Finding

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
        own = (
            "; scripts en stijlbladen van de site staan alleen in docs/javascripts/ en "
            "docs/stylesheets/ (beheerders)"
            if extension in (".js", ".css", ".mjs")
            else ""
        )
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
