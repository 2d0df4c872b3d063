"""Property-based tests (hypothesis): generated front matter, `.pages` files and bodies.

* ``kb check`` never raises; every problem is a Dutch finding with a line.
* Validation and sanitiser agree: for every body that ``kb check`` accepts, converting
  it as the build does leaves nothing for the sanitiser to remove.
* Through MkDocs and Material (titles, descriptions and navigation rendered by the
  theme): a small project of generated pages builds, the build reports no content that
  validation let through and the sanitiser then removed, and the built site holds nothing
  that runs or loads (tests/support/sitescan.py).

The number of examples is bounded so the file runs in about a minute.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support.project import ROOT, run_build
from support.sitescan import scan_site

from kb.check import html_policy
from kb.check.markdown_render import renderer
from kb.check.navigation import check_navigation_file
from kb.check.project import check_page
from kb.model.project import Project
from kb.model.settings import load_settings

# Pieces an attacker (or a clumsy editor) puts into text.
PIECES = [
    "<script>alert(1)</script>", "&lt;script&gt;", "&amp;", "&#60;", '"', "'", "&", "<", ">",
    "<b>", "</title>", "<img src=x onerror=alert(1)>", "\x07", "\x00", "\u200b", "\u2028",
    "\ufeff", "\r", "\t", "](https://evil.example) [", "{: onclick=x }", "javascript:",
    ": ", "#", "*", "&a", "!!python/object", "- ", "[", "]", "{", "}", "|", ">", "%", "@",
    "`", "é", "ë", "中", "😀", "\\", "\\\\evil.example", "//evil.example", "~", "null",
    "2026-02-30", "9999-12-31",
]  # fmt: skip
nasty = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=6).map("".join)
words = st.text(alphabet="abcdefghij klmnopqrstuvwxyz", min_size=1, max_size=20).filter(
    lambda s: s.strip() != ""
)


def _quoted(value: str) -> st.SearchStrategy[str]:
    single = "'" + value.replace("'", "''") + "'"
    return st.sampled_from([value, single, json.dumps(value)])


scalar = nasty.flatmap(_quoted)
yaml_value = st.recursive(
    scalar
    | st.sampled_from(["[]", "{}", "~", "true", "12", "&anker x", "*anker", "!!binary aGk="]),
    lambda inner: st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
    max_leaves=6,
)
KEYS = ["title", "description", "type", "roles", "topics", "levels", "tags", "authors",
        "reviewed", "review_by", "location", "organizer", "to_verify", "hide", "template",
        "~", "? [a, b]", "1", "title"]  # fmt: skip


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 7))):
        key = draw(st.sampled_from(KEYS) | words)
        lines.append(f"{key}: {draw(yaml_value)}")
    if draw(st.booleans()):
        lines.append("deep: " + "[" * draw(st.integers(1, 40)) + "]" * 40)
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return ending.join(["---", *lines, "---", "", "Tekst."]) + ending


URLS = ["https://example.org/", "http://example.org/x", "mailto:a@example.org", "tel:123",
        "javascript:alert(1)", "JaVaScRiPt:x", "java\tscript:x", "data:text/html,x", "ftp://x",
        "//evil.example/p.png", "\\\\evil.example/p.png", "\\/evil.example", "../adviezen/back-ups.md",
        "back-ups.md#kop", "#kop", "/absoluut.md", "vbscript:x", " https://spatie.example/"]  # fmt: skip
HTML = ["<kbd>Ctrl</kbd>", "<span class='x'>t</span>", "<b onclick='x()'>b</b>", "<iframe src='x'>",
        "<img src='https://evil.example/p.png'>", "<img src='../p.png' alt='p'>", "<svg></svg>",
        "<a href='javascript:x'>a</a>", "<details><summary>s</summary>d</details>",
        "<div style='color:red'>d</div>", "<p title='x'>p</p>", "<br>", "<!-- opmerking -->",
        "<script>alert(1)</script>", "<abbr title='a'>A</abbr>", "<a href='https://x.be' target='_blank'>x</a>"]  # fmt: skip
ATTRIBUTE_LISTS = ["{: .klasse }", "{: #anker }", "{ onclick='x' }", "{: style='a' }",
                   "{: title='t' }", "{: data-x=1 }", "{: lang=nl }", "{: href='javascript:x' }"]  # fmt: skip


@st.composite
def body(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 8))
        text = draw(nasty)
        url = draw(st.sampled_from(URLS))
        if kind == 0:
            blocks.append(f"Tekst [{draw(words)}]({url}) {text}")
        elif kind == 1:
            blocks.append(f"![{draw(words)}]({url})")
        elif kind == 2:
            blocks.append(f"Een {draw(st.sampled_from(HTML))} in de tekst.")
        elif kind == 3:
            blocks.append(draw(st.sampled_from(HTML)))
        elif kind == 4:
            blocks.append(f"## {draw(words)} {draw(st.sampled_from(ATTRIBUTE_LISTS))}")
        elif kind == 5:
            blocks.append(f"Alinea {draw(words)}\n{draw(st.sampled_from(ATTRIBUTE_LISTS))}")
        elif kind == 6:
            blocks.append(f"```\n{text}\n<script>in code</script>\n```")
        elif kind == 7:
            blocks.append(f'!!! note "{draw(words)}"\n    {text} [{draw(words)}]({url})')
        else:
            blocks.append(f"- {text}\n- <{url}>")
    return "\n\n".join(blocks) + "\n"


class _Project(Project):
    def __repr__(self) -> str:  # hypothesis prints its arguments
        return "Project(ROOT)"


@pytest.fixture(scope="module")
def project() -> Project:
    project = _Project.load(ROOT)
    project.scan_files()
    return project


def _located(project: Project, text: str) -> None:
    page = check_page(project, "proef/pagina.md", text)
    for finding in page.findings:
        assert finding.line is not None or finding.code == "bestandsnaam", finding
        assert finding.message and "Traceback" not in finding.message
        assert not re.search(r"\b(is not|expected|found|could not|None)\b", finding.message), (
            finding
        )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=front_matter())
def test_kb_check_never_raises_on_front_matter(project: Project, text: str) -> None:
    _located(project, text)


@settings(max_examples=150, deadline=None)
@given(head=front_matter(), content=body())
def test_kb_check_never_raises_on_bodies(project: Project, head: str, content: str) -> None:
    _located(project, head.rsplit("Tekst.", 1)[0] + content)


NAV_ENTRIES = st.sampled_from(["index.md", "back-ups.md", "...", "bestaat-niet.md", "../x.md",
                               "Extern: https://evil.example/", "Script: javascript:x",
                               "'<b>Titel</b>': back-ups.md", "- geneste"])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(title=scalar, entries=st.lists(NAV_ENTRIES, max_size=5), extra=st.sampled_from(
    ["", "collapse: 3", "order: desc", "onbekend: x", "nav: x", "hide: true"]))  # fmt: skip
def test_navigation_files_never_raise(title: str, entries: list[str], extra: str) -> None:
    text = (
        f"title: {title}\n"
        + (("nav:\n" + "".join(f"  - {e}\n" for e in entries)) if entries else "")
        + extra
    )
    findings = check_navigation_file("docs/adviezen/.pages", "adviezen", text,
                                     {"adviezen/back-ups.md", "adviezen/index.md"}, {"adviezen", ""})  # fmt: skip
    assert all(f.line is not None for f in findings), findings


VALID_HEAD = (
    "---\ntitle: Proefpagina\ndescription: Een proefpagina.\ntype: overzicht\n---\n\n# Proef\n\n"
)


@settings(max_examples=300, deadline=None)
@given(content=body())
def test_validation_and_sanitiser_agree(project: Project, content: str) -> None:
    page = check_page(project, "proef/pagina.md", VALID_HEAD + content)
    if not page.is_valid:
        return
    render = renderer(load_settings(ROOT))
    assert render is not None
    assert html_policy.check_fragment(render(page.body)) == [], content


# --------------------------------------------------------------------------- built by MkDocs


SMALL_PROJECT = ("mkdocs.yml", "data", "includes", "hooks", "overrides", "sources")


def _yaml(value: str) -> str:
    """A YAML scalar for ``value`` (written by the YAML library: always valid YAML)."""
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


@st.composite
def small_site(draw: st.DrawFn) -> dict[str, str]:
    pages = {}
    for number in range(draw(st.integers(1, 4))):
        title = draw(nasty.filter(lambda t: "\n" not in t and "\r" not in t))
        description = draw(nasty.filter(lambda t: "\n" not in t and "\r" not in t))
        head = (
            f"---\ntitle: {_yaml(title or 'Titel')}\n"
            f"description: {_yaml(description or 'Beschrijving.')}\ntype: overzicht\n---\n\n"
        )
        pages[f"proef/pagina-{number}.md"] = head + draw(body())
    section = draw(nasty.filter(lambda t: "\n" not in t and "\r" not in t))
    pages["proef/.pages"] = f"title: {_yaml(section or 'Proef')}\n"
    return pages


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=small_site())
def test_built_pages_hold_nothing_that_runs_or_loads(pages: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        for part in SMALL_PROJECT:
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
        for folder in ("javascripts", "stylesheets"):
            shutil.copytree(ROOT / "docs" / folder, root / "docs" / folder)
        (root / "docs/index.md").write_text(
            "---\ntitle: Start\ndescription: Startpagina.\ntype: overzicht\n---\n\n# Start\n\nWelkom.\n"
        )
        for src, text in pages.items():
            path = root / "docs" / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = run_build(root, strict=False)
        event(f"build returncode {result.returncode}")
        if result.returncode != 0:  # only an unreadable .pages stops it, in Dutch
            assert "De navigatie (.pages) kan niet gebouwd worden" in result.output, result.output
            assert "Traceback" not in result.output
            return
        assert "de inhoud werd verwijderd" not in result.output, result.output
        assert scan_site(result.site) == []
