"""Machine-readable views: Atom feed, iCalendar agenda, JSON catalogue and its schema."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date
from typing import Any

from kb.model import schema
from kb.model.pages import Page
from kb.model.registries import Registries
from kb.model.vocabulary import Vocabulary
from kb.render.lists import levels_of
from kb.review.translation_status import translation_status


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url.lstrip("/")


# --------------------------------------------------------------------------- catalogue

_TRANSLATION_EXTRA: dict[str, Any] = {
    "status": {"enum": ["concept", "nagelezen", "verouderd", "te herzien"]},
    "source_info": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "url": {"type": "string"},
            "language": {"type": "string"},
            "published": {"type": "string"},
        },
        "required": ["id", "title", "publisher", "url"],
    },
    "license": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "url": {"type": "string"},
            "translation": {
                "enum": ["allowed", "non-commercial", "permission-required", "forbidden"]
            },
        },
        "required": ["id", "name", "translation"],
    },
}


def catalogue_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """JSON Schema of ``api/pages.json``, derived from the front-matter schema."""
    variants = []
    for page_type in sorted(schema.LISTED_TYPES):
        page = schema.page_schema(vocabulary, page_type)
        properties = dict(page["properties"])
        properties["url"] = {"type": "string", "description": "Volledig webadres van de pagina."}
        properties["path"] = {"type": "string", "description": "Bestand in de repository."}
        properties["levels"] = {
            **properties.get("levels", {}),
            "description": "Onderwijsniveaus; zonder `levels` in de front matter: alle niveaus.",
        }
        required = [*page["required"], "url", "path", "levels"]
        if schema.is_dated(page_type):
            required.append("review_by")
        if page_type == "vertaling":
            properties.update(_TRANSLATION_EXTRA)
            required += ["status", "source_info", "license"]
        variant = {**page, "properties": properties, "required": list(dict.fromkeys(required))}
        variant.pop("if", None), variant.pop("then", None), variant.pop("else", None)
        variants.append({"if": {"properties": {"type": {"const": page_type}}}, "then": variant})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Catalogus van de Kennisbank ICT-coördinatoren",
        "type": "object",
        "required": ["generated", "count", "pages"],
        "properties": {
            "generated": {"type": "string", "format": "date"},
            "count": {"type": "integer"},
            "pages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["type", "url", "title"],
                    "properties": {"type": {"enum": sorted(schema.LISTED_TYPES)}},
                    "allOf": variants,
                },
            },
        },
    }


def catalogue(
    pages: list[Page],
    people_ids: Collection[str],
    registries: Registries,
    root: Any,
    vocabulary: Vocabulary,
    site_url: str,
    today: date,
) -> dict[str, Any]:
    records = []
    for page in sorted(pages, key=lambda p: p.src):
        if page.type not in schema.LISTED_TYPES or not page.is_valid:
            continue
        record: dict[str, Any] = {k: v for k, v in page.meta.items() if k != "hide"}
        for key in ("contact", "answered_by"):  # no people in the catalogue: only names
            if page.type in ("praktijk", "vraag") and isinstance(record.get(key), list):
                record[key] = [n for n in record[key] if str(n) not in people_ids]
                if not record[key]:
                    del record[key]
        record["url"] = absolute(site_url, page.url)
        record["path"] = page.path
        record["levels"] = levels_of(page, vocabulary)
        if page.review_by:
            record["review_by"] = page.review_by.isoformat()
        if page.type == "vertaling":
            status = translation_status(page, registries, root, today)
            record["status"] = status.state
            if status.source:
                s = status.source
                record["source_info"] = {
                    "id": s.id,
                    "title": s.title,
                    "publisher": s.publisher,
                    "url": s.url,
                    "language": s.language,
                    "published": s.published,
                }
            if status.license:
                lic = status.license
                record["license"] = {
                    "id": lic.id,
                    "name": lic.name,
                    "url": lic.url,
                    "translation": lic.translation,
                }
        records.append(record)
    return {"generated": today.isoformat(), "count": len(records), "pages": records}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
