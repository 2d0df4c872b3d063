"""Self-assessments (``zelfscan``): YAML files in ``data/zelfscans/``.

A scan is read with the same hardened YAML loader as front matter and validated with the
one schema (``kb.model.schema``, type ``zelfscan``). Its record is a ``Page`` whose
``path`` is the YAML file (so findings name it, with lines) and whose ``src`` is the page
the site generates for it, ``werkinstrumenten/<id>.md``: role, topic and level views,
the catalogue and the review queue take it like any other page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.model.files import read_text
from kb.model.frontmatter import ParsedDocument, parse_yaml
from kb.model.pages import Page
from kb.model.schema import SCAN_ID_PATTERN, SCAN_TYPE

SCANS_DIR = "data/zelfscans"
SCANS_SECTION = "werkinstrumenten"


def scan_source(scan_id: str) -> str:
    """The generated page of a scan, relative to docs/."""
    return f"{SCANS_SECTION}/{scan_id}.md"


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    score: int


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    help: str
    weight: int
    answers: tuple[Answer, ...]
    action: str
    advice: tuple[str, ...]
    refs: tuple[str, ...]

    @property
    def lowest(self) -> int:
        return min(a.score for a in self.answers)

    @property
    def highest(self) -> int:
        return max(a.score for a in self.answers)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Scan:
    """A scan as the site renders it (built only from a scan without schema errors)."""

    id: str
    record: Page
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    @property
    def version(self) -> int:
        return int(self.record.meta.get("version", 1))

    @property
    def sources(self) -> list[str]:
        return self.record.values("sources")


def scan_files(root: Path) -> list[str]:
    """The scan files, project-relative (``data/zelfscans/<id>.yml``), sorted."""
    folder = root / SCANS_DIR
    if not folder.is_dir():
        return []
    return sorted(
        f"{SCANS_DIR}/{path.name}"
        for path in folder.iterdir()
        if path.suffix in (".yml", ".yaml") and path.is_file() and not path.is_symlink()
    )


def scan_id(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def valid_id(scan: str) -> bool:
    return re.match(SCAN_ID_PATTERN, scan) is not None


def load_record(root: Path, path: str) -> Page:
    """The record of one scan file: its data plus ``type: zelfscan``; YAML problems are in
    ``page.doc.errors`` (with lines), as for a page's front matter."""
    text = read_text(root, path)
    doc = parse_yaml(text if text is not None else "")
    meta = {**doc.meta, "type": SCAN_TYPE} if isinstance(doc.meta, dict) else None
    parsed = ParsedDocument(meta=meta, body="", body_line=1, lines=doc.lines,
                            errors=doc.errors, has_front_matter=True, text=doc.text)  # fmt: skip
    return Page(scan_source(scan_id(path)), path, parsed)


def build_scan(record: Page) -> Scan | None:
    """The scan's structure, or None when its sections do not have the schema's shape."""
    sections = record.meta.get("sections")
    if not isinstance(sections, list):
        return None
    try:
        return Scan(
            scan_id(record.path),
            record,
            tuple(
                Section(str(s["id"]), str(s["title"]), tuple(_question(q) for q in s["questions"]))
                for s in sections
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _question(raw: dict[str, Any]) -> Question:
    return Question(
        id=str(raw["id"]),
        text=str(raw["text"]),
        help=str(raw.get("help") or ""),
        weight=int(raw["weight"]),
        answers=tuple(
            Answer(str(a["id"]), str(a["label"]), int(a["score"])) for a in raw["answers"]
        ),  # fmt: skip
        action=str(raw["action"]),
        advice=tuple(str(p) for p in raw["advice"]),
        refs=tuple(str(r) for r in raw.get("refs") or ()),
    )
