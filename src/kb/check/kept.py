"""A page's findings kept between runs (``.cache/kb-controles``): the build and
``kb check`` check again only what changed.

An entry is found under a hash of the page's path and bytes plus everything else its
findings depend on (``context_fingerprint``): the other files of the site (links), the
data, source snapshots and settings, both dates, the package versions and the code of
``kb`` itself. A change to any of these simply finds no entry, so every page is checked
again. ``KB_CACHE=uit`` switches this off, as the other caches (``kb.model.settings``).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

from kb.check.page_rules import Context
from kb.model.filecache import FileCache, fingerprint
from kb.model.findings import SEVERITY_LABEL, Finding
from kb.model.project import Project
from kb.model.settings import cache_folder

CACHE = "kb-controles"
INPUT_FOLDERS = ("data", "sources", "includes")  # what the registries and vocabulary read
PACKAGES = ("jsonschema", "markdown", "nh3", "pymdown-extensions", "pyyaml", "simplemma")
_CODE = Path(__file__).resolve().parents[1]  # the kb package


def findings_cache(project: Project, checks: Context) -> FileCache | None:
    folder = cache_folder(project.root, CACHE)
    if folder is None:
        return None
    return FileCache(folder, context_fingerprint(project, checks))


def context_fingerprint(project: Project, checks: Context) -> str:
    return fingerprint({
        "files": sorted(checks.known_files),
        "inputs": _tree_hash(project.root, INPUT_FOLDERS),
        "settings": asdict(project.settings),
        "today": checks.today.isoformat(),
        "clock": checks.clock_today.isoformat(),
        "phrases": list(checks.editorial_phrases),
        "schemes": sorted(checks.link_schemes),
        "rendered": checks.render_markdown is not None,
        "versions": [_version(name) for name in PACKAGES],
        "code": _tree_hash(_CODE, (".",), "*.py"),
    })  # fmt: skip


def kept_findings(cache: FileCache, key: str) -> list[Finding] | None:
    """The findings kept under ``key``, or None (not kept, or not as ``keep`` wrote it)."""
    entry = cache.get(key)
    items = entry.get("findings") if entry is not None else None
    if not isinstance(items, list):
        return None
    try:
        found = [Finding(**item) for item in items]
    except TypeError:  # not an object, or a field missing or unknown
        return None
    return found if all(map(_well_formed, found)) else None


def keep(cache: FileCache, key: str, findings: list[Finding]) -> None:
    cache.put(key, {"findings": [asdict(finding) for finding in findings]})


def _well_formed(finding: Finding) -> bool:
    return (
        isinstance(finding.path, str) and isinstance(finding.code, str)
        and isinstance(finding.message, str) and finding.severity in SEVERITY_LABEL
        and (finding.line is None or type(finding.line) is int)
    )  # fmt: skip


def _tree_hash(root: Path, folders: tuple[str, ...], pattern: str = "*") -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((root / folder).rglob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""
