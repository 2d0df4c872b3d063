"""Our copies of Material's templates (``overrides/partials``) differ from the theme only
where their header comment says. When Material is upgraded, this test fails until the
copy is made again from the new file."""

from __future__ import annotations

import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
THEME = Path(material.__file__).parent / "templates"
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def _body(text: str) -> str:
    return HEADER.sub("", text, count=1)


def test_the_navigation_item_is_materials_with_whitespace_control_only() -> None:
    ours = _body((ROOT / "overrides" / "partials" / "nav-item.html").read_text("utf-8"))
    theirs = _body((THEME / "partials" / "nav-item.html").read_text("utf-8"))
    assert ours != theirs  # the change is there
    assert ours.replace("{%-", "{%").replace("-%}", "%}") == theirs
