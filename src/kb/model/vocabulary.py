"""The controlled vocabularies in ``data/vocabulary.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

VOCABULARY_FILE = "data/vocabulary.yml"
LISTS = (
    "types",
    "roles",
    "topics",
    "levels",
    "tags",
    "organisation_kinds",
    "translation_kinds",
    "contract_kinds",
    "regions",
    "school_sizes",
    "school_networks",
    "cost_periods",
    "availability",
    "contact_kinds",
    "template_licenses",
)


@dataclass(frozen=True)
class Term:
    key: str
    label: str
    description: str = ""
    plural: str = ""
    section: str = ""
    sections: tuple[str, ...] = ()  # body sections (## headings) a page of the type needs


@dataclass(frozen=True, eq=False)
class Vocabulary:
    lists: dict[str, dict[str, Term]]

    def keys(self, name: str) -> list[str]:
        return list(self.lists[name])

    def label(self, name: str, key: str) -> str:
        term = self.lists.get(name, {}).get(key)
        return term.label if term else key

    def term(self, name: str, key: str) -> Term | None:
        return self.lists.get(name, {}).get(key)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Vocabulary:
        lists: dict[str, dict[str, Term]] = {}
        for name in LISTS:
            raw = data.get(name) or {}
            if not isinstance(raw, dict):
                raise ValueError(f"{VOCABULARY_FILE}: `{name}` moet een lijst van sleutels zijn")
            lists[name] = {
                str(key): Term(
                    key=str(key),
                    label=str((value or {}).get("label", key)),
                    description=str((value or {}).get("description", "")),
                    plural=str((value or {}).get("plural", "")),
                    section=str((value or {}).get("section", "")),
                    sections=tuple(str(h) for h in (value or {}).get("sections") or ()),
                )
                for key, value in raw.items()
            }
        return cls(lists)

    @classmethod
    def load(cls, root: Path) -> Vocabulary:
        from kb.model.files import read_text
        from kb.model.frontmatter import load_yaml_data

        text = read_text(root, VOCABULARY_FILE)
        if text is None:
            raise ValueError("het bestand ontbreekt of is een symbolische link")
        data, errors = load_yaml_data(text)
        if errors:
            raise ValueError(f"regel {errors[0].line}: {errors[0].message}")
        if not isinstance(data, dict):
            raise ValueError("het bestand moet lijsten met sleutels bevatten")
        return cls.from_mapping(data)
