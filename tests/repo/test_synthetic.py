"""The benchmark's synthetic pages stay valid as the content model evolves."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import random
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from support.project import FIXED_TODAY, ROOT

from kb.check import network
from kb.check.personal_data import contact_details
from kb.check.project import check_pages
from kb.model import schema
from kb.model.dates import add_months
from kb.model.frontmatter import parse_document
from kb.model.project import Project
from kb.model.vocabulary import Vocabulary

NEW_TYPE = "werkwijze"


def _synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "scripts" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _page_types(root: Path) -> set[str]:
    """Every type of the vocabulary except the overview pages and the self-assessments
    (data files in data/zelfscans/, not pages)."""
    return set(Vocabulary.load(root).keys("types")) - {schema.OVERVIEW_TYPE, schema.SCAN_TYPE}


def _kb_check(root: Path) -> None:
    env = {**os.environ, "KB_TODAY": FIXED_TODAY}
    proc = subprocess.run(
        [sys.executable, "-m", "kb.cli", "check"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "geen problemen" in proc.stderr, proc.stderr


def _add_type(root: Path) -> None:
    """A type that the vocabulary gains later, with a section and nothing else."""
    path = root / "data" / "vocabulary.yml"
    text = path.read_text(encoding="utf-8")
    entry = (
        f"  {NEW_TYPE}:\n    label: Werkwijze\n    plural: Werkwijzen\n"
        "    section: werkwijzen\n    description: Een beproefde werkwijze.\n"
    )
    path.write_text(text.replace("  overzicht:\n", entry + "  overzicht:\n", 1), encoding="utf-8")


def test_synthetic_pages_of_every_type_pass_kb_check(project_copy: Path) -> None:
    before = {p.relative_to(project_copy) for p in (project_copy / "docs").rglob("*.md")}
    written = _synthetic().generate(20, project_copy, seed=7)

    assert len(written) == 20
    assert not {p.relative_to(project_copy) for p in written} & before, "overwrote a real page"
    docs = [parse_document(p.read_text(encoding="utf-8")) for p in written]
    types = Counter(doc.meta["type"] for doc in docs if doc.meta)
    assert set(types) == _page_types(ROOT), types
    assert {"praktijk", "vraag", "profiel"} <= set(types)  # the network's types too
    # Weighted towards content pages (of 20 pages, 9 go to one page of each type).
    assert sum(types[t] for t in schema.CONTENT_TYPES) > 10, types
    assert max(types, key=lambda t: types[t]) in {"artikel", "advies"}, types
    for doc in docs:
        words = len(doc.body.split())
        assert 600 <= words <= 1200, words
        assert doc.body.lstrip().startswith("# ")
        assert "\n## " in doc.body
        assert "](" in doc.body  # internal links between synthetic pages
    bodies = "\n".join(doc.body for doc in docs)
    for marker in ("\n- ", "\n1. ", "\n!!! "):
        assert marker in bodies, marker
    _kb_check(project_copy)


def test_network_pages_have_their_sections_and_refer_to_pages_that_exist(
    project_copy: Path,
) -> None:
    """Practices, questions and profiles: the body sections of the vocabulary in their
    order, `related` and a practice's `contact` naming pages that exist (profiles directly
    in netwerk/mensen/), no private contact details in a profile, consent not lapsed."""
    docs_dir = project_copy / "docs"
    written = _synthetic().generate(150, project_copy, seed=2)
    vocabulary = Vocabulary.load(ROOT)
    files = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    counts: Counter[str] = Counter()
    for path in written:
        doc = parse_document(path.read_text(encoding="utf-8"))
        assert doc.meta is not None
        page_type = doc.meta["type"]
        term = vocabulary.term("types", page_type)
        assert term is not None
        headings = [line[3:] for line in doc.body.splitlines() if line.startswith("## ")]
        assert [h for h in headings if h in term.sections] == list(term.sections), path
        for target in doc.meta.get("related", []):
            assert target in files, (path, target)
            counts["related"] += 1
        if page_type == "praktijk":
            for person in doc.meta.get("contact", []):
                assert f"{network.PEOPLE_FOLDER}/{person}.md" in files, (path, person)
                counts["contact"] += 1
        if page_type == schema.PEOPLE_TYPE:
            assert path.parent == docs_dir / network.PEOPLE_FOLDER
            assert not contact_details(path.read_text(encoding="utf-8")), path
            given = date.fromisoformat(str(doc.meta["consent"]["date"]))
            assert (
                given <= date.fromisoformat(FIXED_TODAY) < add_months(given, schema.CONSENT_MONTHS)
            )
            counts["profiel"] += 1
    assert counts["related"] and counts["contact"] and counts["profiel"], counts
    _kb_check(project_copy)


def test_a_profile_with_contact_details_is_drawn_again(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synthetic = _synthetic()
    from synthetic_pages import render

    real_body = render.body
    spoiled: list[str] = []

    def body(plan: Any, *args: Any) -> str:
        text = real_body(plan, *args)
        if plan.type == schema.PEOPLE_TYPE and plan.src not in spoiled:
            spoiled.append(plan.src)
            text += "\nBel gerust naar 0470 12 34 56.\n"
        return text

    monkeypatch.setattr(render, "body", body)
    written = synthetic.generate(20, project_copy, seed=7)
    profiles = [p for p in written if f"/{network.PEOPLE_FOLDER}/" in p.as_posix()]
    assert spoiled and profiles
    for path in profiles:
        assert not contact_details(path.read_text(encoding="utf-8")), path


def test_a_type_added_to_the_vocabulary_gets_valid_pages(project_copy: Path) -> None:
    _add_type(project_copy)
    written = _synthetic().generate(20, project_copy, seed=11)

    new = [p for p in written if p.relative_to(project_copy / "docs").parts[0] == "werkwijzen"]
    assert new, "no page of the new type"
    meta = parse_document(new[0].read_text(encoding="utf-8")).meta
    assert meta is not None and meta["type"] == NEW_TYPE
    assert meta["title"] and meta["description"]
    _kb_check(project_copy)


def test_a_type_added_to_the_schema_gets_its_required_fields(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if the type were added to kb.model.schema with fields of its own: the pages
    get those fields from the schema and pass its validation."""
    _add_type(project_copy)
    own = frozenset({NEW_TYPE})
    steps = {"type": "string", "minLength": 1, "format": schema.TEXT_FORMAT, "maxLength": 60}
    fields = [
        dataclasses.replace(
            f,
            applies=f.applies | own,
            required=f.required | own if f.required == schema.ALL else f.required,
        )
        if f.applies == schema.ALL
        else f
        for f in schema.FIELDS
    ]
    fields += [
        schema.Field(
            "steps",
            {"type": "array", "items": steps, "minItems": 2, "uniqueItems": True},
            "Stappen.",
            "[Eerst dit, dan dat]",
            own,
            own,
        ),
        schema.Field(
            "since", {"type": "string", "format": "date"}, "Sinds.", "2026-01-01", own, own
        ),
        schema.Field(
            "audience",
            lambda vocabulary: {"type": "string", "enum": vocabulary.keys("levels")},
            "Niveau.",
            "secundair",
            own,
            own,
            values_from="levels",
        ),
        schema.Field(
            "homepage", {"type": "string", "pattern": schema.URL_PATTERN}, "", "", own, own
        ),
    ]
    monkeypatch.setattr(schema, "FIELDS", tuple(fields))
    monkeypatch.setattr(schema, "ALL_TYPES", schema.ALL_TYPES | own)
    monkeypatch.setenv("KB_TODAY", FIXED_TODAY)

    written = _synthetic().generate(20, project_copy, seed=11)
    new = [p for p in written if f"/{NEW_TYPE}n/" in p.as_posix()]
    assert new
    meta = parse_document(new[0].read_text(encoding="utf-8")).meta
    assert meta is not None
    assert {"steps", "since", "audience", "homepage"} <= set(meta), meta
    assert len(meta["steps"]) >= 2
    project = Project.load(project_copy)
    findings = [f for page in check_pages(project) for f in page.findings]
    assert findings == [], findings


def test_no_editorial_phrase_in_the_running_text(project_copy: Path) -> None:
    """Phrases of data/editorial_phrases.yml (here two that the lexicon often writes)
    never reach the text of a page."""
    phrases = project_copy / "data" / "editorial_phrases.yml"
    added = ("op afstand", "via SSO")
    extra = "".join(f"  - {phrase}\n" for phrase in added)
    phrases.write_text(phrases.read_text(encoding="utf-8") + extra, encoding="utf-8")
    written = _synthetic().generate(15, project_copy, seed=5)
    for path in written:
        text = " ".join(path.read_text(encoding="utf-8").lower().split())
        assert not [phrase for phrase in added if phrase.lower() in text], path


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    synthetic = _synthetic()
    runs = [synthetic.generate(30, tmp_path / name, seed=3, project=ROOT) for name in "ab"]
    first, second = (
        {p.relative_to(tmp_path / name): p.read_bytes() for p in files}
        for name, files in zip("ab", runs, strict=True)
    )
    assert first == second
    other = synthetic.generate(30, tmp_path / "c", seed=4, project=ROOT)
    assert {p.relative_to(tmp_path / "c"): p.read_bytes() for p in other} != first


def test_every_template_of_the_lexicon_expands() -> None:
    _synthetic()
    from synthetic_pages import lexicon
    from synthetic_pages.text import Writer

    words = lexicon.load()
    writer = Writer(words, random.Random(1))
    templates = [
        *words.topical,
        *words.sentences,
        *words.instructions,
        *words.heading_templates,
        *(item for items in words.lists.values() for item in items),
        *(item for items in words.field_values.values() for item in items),
    ]
    for template in templates:
        for _ in range(5):
            text = writer.expand(template)
            assert text.strip() and "{" not in text and "  " not in text, (template, text)
    fields = {name: writer.field_text(name) for name in words.field_values if name != "*"}
    for page_type in words.pages:
        for _ in range(20):
            title, description = writer.page_text(page_type, fields)
            assert title and description and "{" not in title + description
