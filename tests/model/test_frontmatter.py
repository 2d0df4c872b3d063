"""Splitting front matter from the body, with line numbers."""

from __future__ import annotations

from kb.model.frontmatter import parse_document


def test_lines_of_keys_and_list_items() -> None:
    doc = parse_document("---\ntitle: A\nroles:\n  - planner\n  - technisch\n---\n\nTekst\n")
    assert doc.meta == {"title": "A", "roles": ["planner", "technisch"]}
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("roles", 1)) == 5
    assert doc.body_line == 7
    assert doc.body.strip() == "Tekst"


def test_dates_stay_strings_so_impossible_dates_do_not_crash() -> None:
    doc = parse_document("---\nreviewed: 2025-02-30\n---\nx\n")
    assert doc.errors == []
    assert doc.meta == {"reviewed": "2025-02-30"}


def test_no_front_matter() -> None:
    doc = parse_document("# Titel\n\nTekst\n")
    assert doc.meta is None and not doc.has_front_matter and doc.body_line == 1


def test_unclosed_front_matter() -> None:
    doc = parse_document("---\ntitle: A\n\nTekst\n")
    assert doc.errors and doc.errors[0].code == "yaml-niet-afgesloten"


def test_colon_in_value_gets_a_hint() -> None:
    doc = parse_document("---\ntitle: Wifi: gasten\n---\nx\n")
    assert doc.errors[0].code == "yaml-dubbelpunt"
    assert "aanhalingstekens" in doc.errors[0].message
    assert doc.errors[0].line == 2


def test_windows_line_endings() -> None:
    doc = parse_document("---\r\ntitle: A\r\n---\r\nTekst\r\n")
    assert doc.meta == {"title": "A"} and doc.body.strip() == "Tekst"
