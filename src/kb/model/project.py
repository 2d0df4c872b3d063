"""A knowledge-base project on disk: settings, vocabulary, registries, files and pages.

Loading only: the checks (``kb.check.project``) and the generated outputs (``kb.site``)
take a Project and return findings and views.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kb.model.files import NAVIGATION_FILE
from kb.model.glossary import load_glossary
from kb.model.pages import Page, read_page
from kb.model.registries import Registries, load_registries
from kb.model.settings import Settings, load_settings
from kb.model.vocabulary import VOCABULARY_FILE, Vocabulary
from kb.model.zelfscans import load_record, scan_files

DOCS_DIR = "docs"


class ProjectError(Exception):
    """The directory is not a knowledge-base project (Dutch message)."""


def find_root(start: Path | None = None) -> Path:
    """The nearest directory upwards that holds mkdocs.yml and the vocabulary."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "mkdocs.yml").exists() and (candidate / VOCABULARY_FILE).exists():
            return candidate
    raise ProjectError(
        f"Geen kennisbank gevonden in {here} of een bovenliggende map "
        f"(verwacht mkdocs.yml en {VOCABULARY_FILE})."
    )


def load_scans(root: Path) -> dict[str, Page]:
    records = (load_record(root, path) for path in scan_files(root))
    return {record.src: record for record in records}


@dataclass
class Project:
    root: Path
    docs_dir: Path
    vocabulary: Vocabulary
    registries: Registries
    settings: Settings = field(default_factory=Settings)
    glossary: dict[str, str] = field(default_factory=dict)  # abbreviation -> meaning
    pages: dict[str, Page] = field(default_factory=dict)  # by docs-relative path
    known_files: set[str] = field(default_factory=set)
    # Self-assessments (data/zelfscans/), by the page the site generates for them.
    scans: dict[str, Page] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, docs_dir: Path | None = None) -> Project:
        root = root.resolve()
        try:
            vocabulary = Vocabulary.load(root)
        except (OSError, ValueError) as exc:
            raise ProjectError(f"Kan {VOCABULARY_FILE} niet lezen: {exc}") from exc
        return cls(
            root=root,
            docs_dir=(docs_dir or root / DOCS_DIR).resolve(),
            vocabulary=vocabulary,
            registries=load_registries(root),
            settings=load_settings(root),
            glossary=load_glossary(root)[0],
            scans=load_scans(root),
        )

    # ----------------------------------------------------------------- files

    def scan_files(self) -> set[str]:
        """Every file of docs/ that may be published (symbolic links are never followed
        nor listed); problems of the static files are kept for ``findings``."""
        known: set[str] = set()
        if self.docs_dir.is_symlink():
            self.known_files = known
            return known
        for dirpath, dirnames, filenames in os.walk(self.docs_dir, followlinks=False):
            here = Path(dirpath)
            dirnames[:] = sorted(
                d for d in dirnames if not d.startswith(".") and not (here / d).is_symlink()
            )
            rel = here.relative_to(self.docs_dir).as_posix()
            for name in filenames:
                if (name.startswith(".") and name != NAVIGATION_FILE) or (here / name).is_symlink():
                    continue
                known.add(name if rel == "." else f"{rel}/{name}")
        self.known_files = known
        return known

    def rel_path(self, src: str) -> str:
        """A docs-relative path as a path relative to the project root."""
        try:
            return (self.docs_dir / src).relative_to(self.root).as_posix()
        except ValueError:
            return f"{DOCS_DIR}/{src}"

    def content(self, src: str) -> bytes:
        """The bytes of one page of docs/ as they are on disk."""
        return (self.docs_dir / src).read_bytes()

    def read(self, src: str, text: str | bytes | None = None) -> Page:
        """Read one page of docs/ (or ``text`` as that page), without checking it."""
        return read_page(self.docs_dir, src, self.root, text=text)

    def listed_pages(self) -> list[Page]:
        """The pages of docs/ and the records of the self-assessments: what the views,
        the catalogue and the status page list."""
        return [*self.pages.values(), *self.scans.values()]

    def markdown_sources(self) -> list[str]:
        if not self.known_files:
            self.scan_files()
        return sorted(f for f in self.known_files if f.endswith(".md"))
