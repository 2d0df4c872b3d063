"""One schema: validation, the field reference and the catalogue schema agree."""

from __future__ import annotations

import jsonschema
import pytest
from support.project import FIXTURES, ROOT

from kb.model import schema
from kb.model.frontmatter import parse_document
from kb.model.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.load(ROOT)


def test_reference_names_every_field_and_every_value(vocabulary: Vocabulary) -> None:
    reference = schema.reference_markdown(vocabulary)
    for field in schema.FIELDS:
        assert f"`{field.name}`" in reference
    for name in ("roles", "topics", "levels", "tags", "types"):
        for key in vocabulary.keys(name):
            assert f"`{key}`" in reference, key


def test_reference_follows_the_vocabulary(vocabulary: Vocabulary) -> None:
    extended = Vocabulary.from_mapping(
        {**_raw(), "tags": {**_raw()["tags"], "nieuwe-tag": {"label": "Nieuw"}}}
    )
    assert "`nieuwe-tag`" in schema.reference_markdown(extended)
    assert "`nieuwe-tag`" not in schema.reference_markdown(vocabulary)


def _raw() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "data/vocabulary.yml").read_text(encoding="utf-8"))


def test_front_matter_schema_accepts_good_and_rejects_bad(vocabulary: Vocabulary) -> None:
    full = schema.front_matter_schema(vocabulary)
    jsonschema.Draft202012Validator.check_schema(full)
    validator = jsonschema.Draft202012Validator(full)
    for path in (FIXTURES / "good").glob("*.md"):
        meta = parse_document(path.read_text(encoding="utf-8")).meta
        assert not list(validator.iter_errors(meta)), path.name
    for name in ("onbekend-veld.md", "onbekende-waarden.md", "velden-ontbreken.md"):
        meta = parse_document((FIXTURES / "bad" / name).read_text(encoding="utf-8")).meta
        assert list(validator.iter_errors(meta)), name


def test_required_fields_per_type(vocabulary: Vocabulary) -> None:
    advies = schema.page_schema(vocabulary, "advies")
    assert {"roles", "topics", "authors", "reviewed"} <= set(advies["required"])
    vertaling = schema.page_schema(vocabulary, "vertaling")
    assert {"source", "translation"} <= set(vertaling["required"])
    contract = schema.page_schema(vocabulary, "raamcontract")
    assert {
        "purchaser",
        "suppliers",
        "category",
        "contract_kind",
        "start",
        "end",
        "eligible",
        "url",
        "reviewed",
    } <= set(contract["required"])
    assert {"url", "kind"} <= set(schema.page_schema(vocabulary, "organisatie")["required"])
    assert {"location", "organizer", "url"} <= set(
        schema.page_schema(vocabulary, "evenement")["required"]
    )
