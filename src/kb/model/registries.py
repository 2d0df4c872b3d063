"""The source registry (``data/sources.yml``) and licence registry (``data/licenses.yml``).

Sources are foreign advisories that live outside git (web pages, PDFs). Each has
an archived text snapshot under ``sources/`` whose sha256 is recorded, so a hand
edit is detected and a changed original can be compared section by section.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from kb.model.files import read_text, safe_path
from kb.model.findings import Finding
from kb.model.frontmatter import ParsedDocument, parse_yaml

SOURCES_FILE = "data/sources.yml"
SOURCE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LICENSES_FILE = "data/licenses.yml"

VERDICTS: dict[str, str] = {
    "allowed": "toegestaan",
    "non-commercial": "toegestaan (niet-commercieel)",
    "permission-required": "toestemming vereist",
    "forbidden": "verboden",
}

LICENSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "url": {"type": ["string", "null"], "pattern": r"^https?://"},
        "translation": {"enum": list(VERDICTS)},
        "attribution": {"type": "string", "minLength": 1},
        "notes": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["name", "translation", "attribution"],
    "additionalProperties": False,
}

SOURCE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "publisher": {"type": "string", "minLength": 1},
        "url": {"type": "string", "pattern": r"^https?://"},
        "language": {"type": "string", "pattern": r"^[a-z]{2}(-[A-Z]{2})?$"},
        "published": {"type": "string", "minLength": 1},
        "license": {"type": "string", "minLength": 1},
        "retrieved": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "snapshot": {"type": "string", "pattern": r"^sources/[a-z0-9-]+\.(md|txt)$"},
        "sha256": {"type": "string", "pattern": r"^[0-9a-f]{64}$"},
        "notes": {"type": "string"},
    },
    "required": [
        "title", "publisher", "url", "language", "published",
        "license", "retrieved", "snapshot", "sha256",
    ],
    "additionalProperties": False,
}  # fmt: skip


@dataclass(frozen=True)
class License:
    id: str
    name: str
    url: str
    translation: str
    attribution: str
    notes: tuple[str, ...] = ()

    @property
    def verdict_label(self) -> str:
        return VERDICTS.get(self.translation, self.translation)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    language: str
    published: str
    license: str
    retrieved: str
    snapshot: str
    sha256: str
    line: int = 1


@dataclass
class Registries:
    sources: dict[str, Source] = field(default_factory=dict)
    licenses: dict[str, License] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load(root: Path, name: str, findings: list[Finding]) -> tuple[dict[str, Any], ParsedDocument]:
    text = read_text(root, name)
    if text is None:
        return {}, ParsedDocument(meta={}, body="", body_line=1)
    doc = parse_yaml(text)
    for error in doc.errors:
        findings.append(Finding(name, error.line, error.code, error.message))
    return (doc.meta or {}), doc


def _entry_findings(
    name: str, key: str, entry: object, schema: dict[str, Any], doc: ParsedDocument
) -> list[Finding]:
    if not isinstance(entry, dict):
        return [
            Finding(name, doc.line_of((key,)), "register-ongeldig", f"`{key}` moet velden hebben.")
        ]
    out = []
    for error in Draft202012Validator(schema).iter_errors(_stringify(entry)):
        path = (key, *error.absolute_path)
        field_name = ".".join(str(p) for p in error.absolute_path) or key
        if error.validator == "required":
            missing = [k for k in error.validator_value if k not in error.instance]
            message = f"`{key}`: verplicht veld {', '.join(f'`{m}`' for m in missing)} ontbreekt."
        elif error.validator == "additionalProperties":
            extra = [k for k in error.instance if k not in schema["properties"]]
            message = f"`{key}`: onbekend veld {', '.join(f'`{e}`' for e in extra)}."
        elif error.validator == "enum":
            allowed = ", ".join(f"`{v}`" for v in error.validator_value)
            message = (
                f"`{key}.{field_name}`: `{error.instance}` is geen geldige waarde ({allowed})."
            )
        else:
            message = f"`{key}.{field_name}`: ongeldige waarde `{error.instance}`."
        out.append(Finding(name, doc.line_of(path), "register-ongeldig", message))
    return out


def _stringify(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (str(v) if isinstance(v, int | float) and k != "notes" else v) for k, v in entry.items()
    }


def load_registries(root: Path, verify_snapshots: bool = True) -> Registries:
    registries = Registries()
    findings = registries.findings
    raw_licenses, lic_doc = _load(root, LICENSES_FILE, findings)
    for key, entry in raw_licenses.items():
        key = str(key)
        problems = _entry_findings(LICENSES_FILE, key, entry, LICENSE_SCHEMA, lic_doc)
        findings.extend(problems)
        if problems or not isinstance(entry, dict):
            continue
        registries.licenses[key] = License(
            id=key,
            name=entry["name"],
            url=entry.get("url") or "",
            translation=entry["translation"],
            attribution=entry["attribution"].strip(),
            notes=tuple(entry.get("notes") or ()),
        )
    raw_sources, src_doc = _load(root, SOURCES_FILE, findings)
    for key, entry in raw_sources.items():
        key = str(key)
        line = src_doc.line_of((key,))
        if not SOURCE_ID.match(key):
            findings.append(
                Finding(
                    SOURCES_FILE,
                    line,
                    "bron-id-ongeldig",
                    f"`{key}` is geen geldige bron-id: gebruik kleine letters, cijfers en "
                    "koppeltekens, bv. `ncsc-school-staff-training` (de id wordt een mapnaam "
                    "onder sources/).",
                )
            )
            continue
        problems = _entry_findings(SOURCES_FILE, key, entry, SOURCE_SCHEMA, src_doc)
        findings.extend(problems)
        if problems or not isinstance(entry, dict):
            continue
        source = Source(id=key, line=line, **{k: str(entry[k]) for k in SOURCE_SCHEMA["required"]})
        registries.sources[key] = source
        if source.license not in raw_licenses:
            findings.append(
                Finding(
                    SOURCES_FILE,
                    src_doc.line_of((key, "license")),
                    "licentie-onbekend",
                    f"Bron `{key}`: licentie `{source.license}` staat niet in {LICENSES_FILE}. "
                    "Voeg ze daar toe (met wat ze toelaat) of kies een bestaande licentie.",
                )
            )
        if verify_snapshots:
            findings.extend(verify_snapshot(root, source, src_doc.line_of((key, "sha256"))))
    return registries


def verify_snapshot(root: Path, source: Source, line: int | None = None) -> list[Finding]:
    snapshot = safe_path(root, source.snapshot)
    if snapshot is None or not snapshot.is_file():
        return [
            Finding(
                SOURCES_FILE,
                line or source.line,
                "snapshot-ontbreekt",
                f"Bron `{source.id}`: het archief `{source.snapshot}` bestaat niet. Maak het met "
                f"`kb sources update {source.id} BESTAND_OF_URL`.",
            )
        ]
    actual = sha256_file(snapshot)
    if actual != source.sha256:
        return [
            Finding(
                SOURCES_FILE,
                line or source.line,
                "snapshot-gewijzigd",
                f"Bron `{source.id}`: het archief `{source.snapshot}` komt niet meer overeen met "
                f"zijn sha256 (verwacht {source.sha256[:12]}…, gevonden {actual[:12]}…). Iemand "
                "heeft het met de hand aangepast. Zet het terug (`git checkout "
                f"{source.snapshot}`) of werk de bron bij met `kb sources update {source.id} "
                "BESTAND_OF_URL`.",
            )
        ]
    return []
