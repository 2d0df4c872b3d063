"""Live editing: after any sequence of edits, the site `mkdocs serve` serves equals a full
build of the same files, byte for byte; and a save only rebuilds what it changes."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support.live_harness import Served, differences, full_build
from support.project import FIXED_TODAY, copy_project

pytestmark = pytest.mark.slow

WORDS = ["wifi", "back-up", "laptops", "beleid", "wachtwoord", "klas", "toestel", "netwerk"]
ROLES = ["planner", "budgetbeheerder", "technisch", "pedagogisch"]
EDITED = ["adviezen/back-ups.md", "adviezen/tablets-beheren.md", "artikels/digisprong.md",
          "praktijk/atlas-college-genk-ransomware-zonder-losgeld.md",
          "vragen/moet-ik-een-datalek-altijd-binnen-72-uur-melden.md",
          "organisaties/vicli.md"]  # fmt: skip
NEW = "adviezen/live-test-{n}.md"
FOLDER = "livemap"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                    *args], cwd=root, check=True, capture_output=True)  # fmt: skip


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    base = tmp_path_factory.mktemp("live")
    root = copy_project(base / "project")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "basis")
    site = Served(root, base / "served", FIXED_TODAY)
    yield site
    site.close()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    moment = time.time_ns()
    os.utime(path, ns=(moment, moment))  # a save a moment later, as an editor makes it


def _created(root: Path) -> list[Path]:
    return sorted((root / "docs" / "adviezen").rglob("live-test-*.md"))


def _new_page(root: Path, n: int, word: str, folder: bool) -> None:
    # In a folder of its own, the page makes a section of the navigation (pruned for
    # the pages of other sections).
    path = root / "docs" / NEW.format(n=n)
    if folder:
        path = path.parent / FOLDER / path.name
    _write(path, (
        f"---\ntitle: Livetest {n} over {word}\ndescription: Een pagina van de livetest.\n"
        "type: advies\nroles: [technisch]\ntopics: [beveiliging]\nauthors: [Test]\n"
        "reviewed: 2026-11-01\n---\n\n"
        f"# Livetest {n} over {word}\n\nZie [Back-ups op school]"
        f"({'../' if folder else ''}back-ups.md) over {word}.\n"
    ))  # fmt: skip


def _apply(root: Path, kind: str, data: st.DataObject) -> None:
    docs = root / "docs"
    created = _created(root)
    pages = [docs / p for p in EDITED] + created
    word = data.draw(st.sampled_from(WORDS))
    if kind == "body":
        page = data.draw(st.sampled_from(pages))
        extra = f"\nEen extra alinea over {word}."
        if created and data.draw(st.booleans()):
            target = data.draw(st.sampled_from(created))
            extra += f" Lees ook [{word}]({os.path.relpath(target, page.parent)})."
        text = page.read_text(encoding="utf-8").rstrip("\n")
        _write(page, text + extra + "\n")
    elif kind == "title":
        page = data.draw(st.sampled_from(pages))
        text = page.read_text(encoding="utf-8")
        title = f"Titel over {word} {data.draw(st.integers(1, 99))}"
        _write(page, re.sub(r"(?m)^title: .*$", f"title: {title}", text, count=1))
    elif kind == "roles":
        page = data.draw(st.sampled_from([p for p in pages if "organisaties" not in p.as_posix()]))
        roles = data.draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=4, unique=True))
        text = page.read_text(encoding="utf-8")
        _write(page, re.sub(r"(?m)^roles: .*$", f"roles: [{', '.join(roles)}]", text, count=1))
    elif kind == "new" or (kind in ("delete", "rename") and not created):
        numbers = [int(p.stem.rsplit("-", 1)[1]) for p in created]
        _new_page(root, max(numbers, default=0) + 1, word, data.draw(st.booleans()))
    elif kind == "delete":
        data.draw(st.sampled_from(created)).unlink()
    elif kind == "rename":
        page = data.draw(st.sampled_from(created))
        numbers = [int(p.stem.rsplit("-", 1)[1]) for p in created]
        page.rename(page.parent / Path(NEW.format(n=max(numbers) + 1)).name)
    elif kind == "broken-link":
        page = data.draw(st.sampled_from(pages))
        text = page.read_text(encoding="utf-8").rstrip("\n")
        _write(page, text + f"\n\nZie [kapot](bestaat-niet-{word}.md).\n")
    elif kind == "fix-links":
        for page in pages:
            text = page.read_text(encoding="utf-8")
            if "bestaat-niet-" in text:
                _write(page, re.sub(r"\n\nZie \[kapot\]\(bestaat-niet-[^)]*\)\.\n", "\n", text))
    elif kind == "registry":
        registry = root / "data" / "sources.yml"
        _write(registry, registry.read_text(encoding="utf-8") + f"\n# livetest {word}\n")


KINDS = ["body", "title", "roles", "new", "delete", "rename", "broken-link", "fix-links",
         "registry"]  # fmt: skip


# Each example ends with a full build (about 10 s); shrinking would take many minutes, and the
# failing sequence is printed anyway. KB_LIVE_EXAMPLES=30 for a longer run.
@settings(
    max_examples=int(os.environ.get("KB_LIVE_EXAMPLES", "6")),
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_after_any_edits_the_served_site_equals_a_full_build(
    served: Served, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    # Every sequence starts from the committed files (the reset is a save too).
    _git(served.root, "checkout", "-q", "--", ".")
    _git(served.root, "clean", "-fdq", "--", "docs", "data")
    served.save()
    steps = data.draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6), label="edits")
    for kind in steps:
        _apply(served.root, kind, data)
        served.save()
    served.settle()
    full = tmp_path_factory.mktemp("vol") / "site"
    full_build(served.root, full, FIXED_TODAY)
    assert differences(served.site, full) == [], steps


def test_a_body_edit_converts_and_renders_one_page(served: Served) -> None:
    page = served.root / "docs" / "adviezen" / "back-ups.md"
    _write(page, page.read_text(encoding="utf-8") + "\nNog een zin voor de livetest.\n")
    done = served.save()
    assert done["mode"] == "snel"
    assert done["converted"] == ["adviezen/back-ups.md"]
    assert done["rendered"] == ["adviezen/back-ups.md"]
    html = (served.site / "adviezen" / "back-ups" / "index.html").read_text(encoding="utf-8")
    assert "Nog een zin voor de livetest." in html


def test_a_title_edit_renders_the_pages_that_show_it(served: Served) -> None:
    page = served.root / "docs" / "adviezen" / "tablets-beheren.md"
    text = page.read_text(encoding="utf-8")
    _write(page, re.sub(r"(?m)^title: .*$", "title: Tablets beheren (livetest)", text, count=1))
    done = served.save()
    assert done["mode"] == "snel"
    assert "adviezen/tablets-beheren.md" in done["converted"]
    assert "adviezen/back-ups.md" in done["rendered"]  # a sibling: its navigation shows it
    assert "artikels/digisprong.md" not in done["rendered"]  # another section
    html = (served.site / "adviezen" / "back-ups" / "index.html").read_text(encoding="utf-8")
    assert "Tablets beheren (livetest)" in html


def test_a_data_edit_rebuilds_fully(served: Served) -> None:
    from kb_mkdocs.state import shared

    copies = shared.search.copies  # the page copies kept for live rebuilds
    assert any(copies.rglob("*.html"))
    vocabulary = served.root / "data" / "vocabulary.yml"
    _write(vocabulary, vocabulary.read_text(encoding="utf-8") + "\n# livetest\n")
    done = served.save()
    assert done["mode"] == "volledig" and "data/vocabulary.yml" in done["reason"]
    # A long session does not fill the temporary folder: each full build drops the
    # previous build's copies.
    assert not copies.exists() and shared.search.copies.is_dir()


def test_an_error_shows_on_the_page_and_in_the_terminal(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    page = served.root / "docs" / "adviezen" / "back-ups.md"
    text = page.read_text(encoding="utf-8")
    with caplog.at_level(logging.INFO):
        _write(page, text.replace("type: advies", "type: adviesje", 1))
        served.save()
    html = (served.site / "adviezen" / "back-ups" / "index.html").read_text(encoding="utf-8")
    assert "Deze pagina bevat" in html and "adviesje" in html
    assert "docs/adviezen/back-ups.md:" in caplog.text and "adviesje" in caplog.text
    assert (served.site / "adviezen" / "tablets-beheren" / "index.html").is_file()
    _write(page, text)
    served.save()
    html = (served.site / "adviezen" / "back-ups" / "index.html").read_text(encoding="utf-8")
    assert "Deze pagina bevat" not in html
