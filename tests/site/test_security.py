"""Security: what a pull request can try, and what must hold (issue "Security first").

Every fixture in tests/fixtures/aanvallen/ is an attack or an edge case that once got
through. kb check names each with its file and line (all at once); the strict build
fails on them; a build that still shows them (mkdocs serve, --no-strict) publishes
nothing that runs script or loads a third party (tests/support/sitescan.py), and text
stays text, escaped exactly once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.project import FIXED_TODAY, FIXTURES, BuildResult, copy_project, run_build
from support.sitescan import other_host, scan_site

from kb.check import html_policy
from kb.check.project import check_pages, project_findings
from kb.model.findings import format_findings
from kb.model.frontmatter import parse_document
from kb.model.project import Project

ATTACKS = FIXTURES / "aanvallen"
SECTION_TITLE = 'Adviezen & "tips" van \'t net'
KB = [sys.executable, "-m", "kb.cli"]


def kb(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KB_TODAY": FIXED_TODAY}
    return subprocess.run([*KB, *args], cwd=root, env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


def add_attacks(root: Path) -> None:
    """Every attack fixture in docs/aanval/."""
    target = root / "docs/aanval"
    target.mkdir()
    for path in ATTACKS.iterdir():
        if path.name != "navigatie.pages":
            shutil.copy(path, target / path.name)
    shutil.copy(ATTACKS / "navigatie.pages", target / ".pages")
    quoted = "'" + SECTION_TITLE.replace("'", "''") + "'"
    (root / "docs/adviezen/.pages").write_text(f"title: {quoted}\n", encoding="utf-8")
    (root / "data/redirects.yml").write_text(
        "../../buiten/omleiding.md: adviezen/back-ups.md\n"
        "status/index.md: adviezen/back-ups.md\n"
        "adviezen/oude-back-ups.md: adviezen/back-ups.md\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path]:
    root = copy_project(tmp_path_factory.mktemp("aanval") / "project")
    add_attacks(root)
    project = Project.load(root)
    check_pages(project)
    return project, root


def codes(project: Project, name: str) -> set[tuple[int | None, str]]:
    return {
        (f.line, f.code) for f in project_findings(project) if f.path.endswith("aanval/" + name)
    }


# --------------------------------------------------------------------------- kb check


EXPECTED = {
    "beschrijving-script.md": {(3, "geen-gewone-tekst")},
    "titel-doorsturen.md": {(2, "geen-gewone-tekst")},
    "titel-entiteit.md": {(2, "geen-gewone-tekst")},
    "links-en-attributen.md": {
        (9, "onveilige-link"),
        (11, "onveilige-link"),
        (11, "externe-afbeelding"),
        (13, "onveilige-html"),
        (16, "onveilige-html"),
    },  # fmt: skip
    "evenement-html.md": {(7, "geen-gewone-tekst"), (8, "geen-gewone-tekst")},
    "datum-ver.md": {(8, "datum-buiten-bereik")},
    "datum-oud.md": {(8, "datum-buiten-bereik")},
    "stuurteken.md": {(2, "geen-gewone-tekst")},
    "diep.md": {(5, "yaml-te-diep")},
    "aliasbom.md": {(5, "yaml-alias")},
    "vreemde-sleutels.md": {(2, "veldnaam-ongeldig"), (3, "veldnaam-ongeldig")},
    "leeg-onzichtbaar.md": {
        (2, "geen-gewone-tekst"),
        (3, "geen-gewone-tekst"),
        (7, "geen-gewone-tekst"),
    },  # fmt: skip
    "met-script.svg": {(2, "onveilige-svg"), (3, "onveilige-svg")},
    "pagina.html": {(None, "bestandstype-niet-toegestaan")},
    "script.js": {(None, "bestandstype-niet-toegestaan")},
    "geen-afbeelding.png": {(None, "bestandsinhoud-klopt-niet")},
    ".pages": {(1, "geen-gewone-tekst"), (4, "nav-link"), (5, "nav-link")},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_attack_is_named_with_file_and_line(attacked: tuple[Project, Path], name: str) -> None:
    project, _ = attacked
    assert EXPECTED[name] <= codes(project, name), format_findings(
        f for f in project_findings(project) if "aanval/" in f.path
    )


@pytest.mark.parametrize("name", ["onschuldig.md", "evenement-kaper.md", "vierkant.svg",
                                  "alleen-cr.md"])  # fmt: skip
def test_harmless_text_and_files_pass(attacked: tuple[Project, Path], name: str) -> None:
    project, _ = attacked
    assert codes(project, name) == set()


def test_cr_only_line_endings_are_read() -> None:
    doc = parse_document((ATTACKS / "alleen-cr.md").read_text(encoding="utf-8"))
    assert doc.meta == {"title": "Oude Mac", "description": "Alleen CR als regeleinde.",
                        "type": "overzicht"}  # fmt: skip


def test_yaml_alias_bomb_is_refused_before_it_expands() -> None:
    doc = parse_document((ATTACKS / "aliasbom.md").read_text(encoding="utf-8"))
    assert doc.meta is None and [e.code for e in doc.errors] == ["yaml-alias"]
    assert "niet toegestaan" in doc.errors[0].message


def test_odd_keys_get_dutch_messages_on_their_line() -> None:
    doc = parse_document((ATTACKS / "vreemde-sleutels.md").read_text(encoding="utf-8"))
    assert [(e.line, e.code) for e in doc.errors] == [(2, "veldnaam-ongeldig"),
                                                     (3, "veldnaam-ongeldig")]  # fmt: skip
    assert all("geen geldige veldnaam" in e.message for e in doc.errors)


def test_redirect_keys_must_stay_in_docs_and_not_replace_generated_pages(
    attacked: tuple[Project, Path],
) -> None:
    project, _ = attacked
    found = {(f.line, f.code) for f in project_findings(project) if f.path == "data/redirects.yml"}
    assert (1, "omleiding-ongeldig") in found
    assert (2, "omleiding-naar-gemaakte-pagina") in found
    assert not any(line == 3 for line, _ in found)


def test_kb_check_reports_all_attacks_at_once(attacked: tuple[Project, Path]) -> None:
    _, root = attacked
    result = kb(root, "check")
    assert result.returncode == 1
    for name in EXPECTED:
        assert f"docs/aanval/{name}" in result.stdout, name
    assert "Traceback" not in result.stdout + result.stderr


# --------------------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def shown(attacked: tuple[Project, Path]) -> BuildResult:
    """The attacked project built as `mkdocs serve` would show it (not strict)."""
    _, root = attacked
    result = run_build(root, strict=False)
    assert result.returncode == 0, result.output
    return result


def test_strict_build_fails_and_names_the_attacks(
    attacked: tuple[Project, Path], tmp_path: Path
) -> None:
    _, root = attacked
    copy = tmp_path / "project"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site"))
    result = run_build(copy)
    assert result.returncode != 0
    for name in ("beschrijving-script.md:3", "links-en-attributen.md:13", "met-script.svg:2",
                 "pagina.html", "aanval/.pages:1"):  # fmt: skip
        assert name in result.output, name
    assert "Traceback" not in result.output


def test_nothing_in_the_shown_site_runs_or_loads_a_third_party(shown: BuildResult) -> None:
    assert scan_site(shown.site) == []


def test_refused_files_are_not_published(shown: BuildResult) -> None:
    for name in ("pagina.html", "script.js", "met-script.svg", "geen-afbeelding.png"):
        assert not (shown.site / "aanval" / name).exists(), name
    assert (shown.site / "aanval/vierkant.svg").exists()


def test_nothing_is_written_outside_the_site(shown: BuildResult) -> None:
    assert not (shown.root.parent / "buiten").exists()
    assert not (shown.root / "buiten").exists()


def test_contributed_values_reach_the_head_escaped(shown: BuildResult) -> None:
    html = shown.html("aanval/beschrijving-script/")
    soup = BeautifulSoup(html, "html.parser")
    description = soup.find("meta", attrs={"name": "description"})
    assert description["content"] == '"><script src="https://evil.example/x.js"></script>'
    assert 'evil.example/x.js"></script>' not in html.split("<body", 1)[0].replace("&quot;", "")
    refresh = shown.html("aanval/titel-doorsturen/")
    assert '<meta http-equiv="refresh"' not in refresh


def test_text_is_escaped_exactly_once_where_readers_see_it(shown: BuildResult) -> None:
    title = "Wat \"cloud\" & 'SaaS' betekenen"
    soup = BeautifulSoup(shown.html("aanval/onschuldig/"), "html.parser")
    assert soup.title.get_text() == f"{title} - Kennisbank ICT-coördinatoren"
    topic = soup.select_one('[data-md-component="header-topic"]')
    assert topic is not None and topic.get_text().strip() == title
    assert soup.find("h1").get_text().replace("¶", "").strip() == title
    nav = [a.get_text().strip() for a in soup.select("nav.md-nav a.md-nav__link")]
    assert title in nav
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == "Wat \"cloud\" betekent > kort uitgelegd, met & en 'aanhalingstekens'."
    # A section title from a .pages file, in the tabs and the navigation.
    advice = BeautifulSoup(shown.html("adviezen/back-ups/"), "html.parser")
    tabs = [a.get_text().strip() for a in advice.select(".md-tabs a")]
    navigation = advice.select_one("nav.md-nav--primary")
    assert navigation is not None and SECTION_TITLE in tabs
    assert SECTION_TITLE in [
        " ".join(e.get_text().split()) for e in navigation.select(".md-nav__link")
    ]
    # The CSP is the first thing after <meta charset>, before the description.
    head = str(soup.head)
    assert head.index("Content-Security-Policy") < head.index('name="description"')


def test_entities_in_a_title_are_not_turned_back_into_markup(shown: BuildResult) -> None:
    html = shown.html("aanval/titel-entiteit/")
    assert "<script>alert(1)" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title.get_text().startswith("&lt;script&gt;alert(1)&lt;/script&gt;")


def test_section_title_from_pages_is_text_and_external_links_leave_the_menu(
    shown: BuildResult,
) -> None:
    html = shown.html("aanval/onschuldig/")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(4)&gt; Aanval" in html
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [str(a.get("href", "")) for a in soup.select("nav a")]
    assert not [h for h in hrefs if "evil.example" in h or "javascript" in h.lower()]


def test_a_missing_navigation_entry_stops_the_build_with_a_dutch_message(
    tmp_path: Path,
) -> None:
    root = copy_project(tmp_path / "project")
    (root / "docs/adviezen/.pages").write_text("nav:\n  - back-ups.md\n  - bestaat-niet.md\n")
    result = run_build(root, strict=False)
    assert result.returncode != 0
    assert "docs/adviezen/.pages:3: fout: `bestaat-niet.md` bestaat niet" in result.output
    assert "Traceback" not in result.output


def test_event_title_cannot_hijack_the_agenda_link(shown: BuildResult) -> None:
    agenda = BeautifulSoup(shown.html("agenda/"), "html.parser")
    hrefs = [str(a.get("href")) for a in agenda.find_all("a")]
    assert not [h for h in hrefs if "evil.example" in h]
    assert "ICT-dag](https://evil.example/phish) [" in agenda.get_text()


def test_pages_with_impossible_dates_and_control_characters_are_still_shown(
    shown: BuildResult,
) -> None:
    for url in ("aanval/datum-ver/", "aanval/datum-oud/", "aanval/stuurteken/"):
        assert "Deze pagina bevat" in shown.html(url), url
    feed = (shown.site / "feed.xml").read_text(encoding="utf-8")
    assert "0001-" not in feed and "9999-" not in feed and "\x07" not in feed


def test_redirect_stubs_run_no_script_and_carry_a_csp(shown: BuildResult) -> None:
    stub = (shown.site / "adviezen/oude-back-ups/index.html").read_text(encoding="utf-8")
    assert "<script" not in stub
    assert 'http-equiv="Content-Security-Policy"' in stub
    assert 'http-equiv="refresh" content="0; url=../back-ups/"' in stub
    assert '<a href="../back-ups/">Back-ups op school</a>' in stub
    # A key naming a generated page does not replace it.
    assert "Status voor beheerders" in shown.html("status/")


def test_a_vocabulary_label_with_a_colon_keeps_level_pages_valid(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    vocabulary = root / "data/vocabulary.yml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("label: Deeltijds kunstonderwijs",
                                       'label: "Kunstonderwijs: deeltijds"'))  # fmt: skip
    result = run_build(root)
    assert result.returncode == 0, result.output
    assert "<title>Kunstonderwijs: deeltijds - " in result.html("niveaus/dko/")


# --------------------------------------------------------------------------- symlinks


@pytest.mark.parametrize(
    ("where", "target"),
    [
        ("docs/adviezen/host.md", "/etc/hostname"),
        ("docs/adviezen/omgeving.md", "/proc/self/environ"),
        ("docs/extern", "/etc"),
        ("data/woorden.yml", "../../buiten.md"),
        ("includes/extra.md", "/etc/hostname"),
        ("sources/kopie.md", "/etc/passwd"),
    ],
)
def test_symlinks_are_reported_and_never_followed(tmp_path: Path, where: str, target: str) -> None:
    root = copy_project(tmp_path / "project")
    (tmp_path / "buiten.md").write_text("---\ntitle: Buiten\n---\ngeheim\n")
    link = root / where
    link.symlink_to(target)
    result = kb(root, "check")
    assert result.returncode == 1
    assert f"{where}: fout: Dit is een symbolische link" in result.stdout
    build = run_build(root, strict=False)
    assert build.returncode != 0 and "symbolische link" in build.output
    assert not build.site.exists() or not any(build.site.rglob("*host*"))


# --------------------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    "url",
    ["\\\\evil.example/p.png", "\\/evil.example/p.png", "/\\evil.example/p.png",
     " //evil.example/p.png", "/\t/evil.example/p.png"],
)  # fmt: skip
def test_urls_a_browser_reads_as_another_host_are_refused(url: str) -> None:
    assert other_host(url)  # the scanner's own reading agrees with the browser's
    assert html_policy.is_other_host(url)
    assert "evil" not in html_policy.sanitize(f'<img src="{url}" alt="x">')


# --------------------------------------------------------------------------- the CLI


def test_source_ids_that_are_paths_are_refused(project_copy: Path, tmp_path: Path) -> None:
    registry = project_copy / "data/sources.yml"
    entry = registry.read_text(encoding="utf-8").split("\n\n")[-1]
    first_id = next(line for line in entry.splitlines() if line and not line.startswith((" ", "#")))
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "\n" + entry.replace(first_id, '"../../../tmp/kb-uit-de-repo":'),
        encoding="utf-8",
    )  # fmt: skip
    result = kb(project_copy, "check")
    assert "bron-id-ongeldig" not in result.stdout  # text output: the Dutch message
    assert "is geen geldige bron-id" in result.stdout
    (tmp_path / "nieuw.txt").write_text("# Nieuw\n\nTekst\n")
    update = kb(project_copy, "sources", "update", "../../../tmp/kb-uit-de-repo",
                str(tmp_path / "nieuw.txt"))  # fmt: skip
    assert update.returncode == 2
    assert not Path("/tmp/kb-uit-de-repo").exists()


def test_kb_new_stays_inside_docs(project_copy: Path) -> None:
    result = kb(project_copy, "new", "advies", "Buiten de map", "--dir", "../..")
    assert result.returncode == 2 and "geen map onder docs/" in result.stderr
    assert not (project_copy.parent / "buiten-de-map.md").exists()


# --------------------------------------------------------------------------- whole sites


def test_the_real_site_holds_nothing_that_runs_or_loads(real_site: BuildResult) -> None:
    assert scan_site(real_site.site) == []


def test_the_scan_would_see_an_attack(tmp_path: Path) -> None:
    """The scanner itself can fail: each of these is flagged."""
    site = tmp_path / "site"
    (site / "x").mkdir(parents=True)
    csp = '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="x">'
    cases = {
        "a": '<img src="\\\\evil.example/p.png">',
        "b": '<link rel="stylesheet" href="https://evil.example/x.css">',
        "c": '<p onclick="x()">p</p>',
        "d": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "e": "<script>alert(1)</script>",
        "f": '<div style="background:url(//evil.example/p.png)">d</div>',
        "g": '<img srcset="a.png 1x, https://evil.example/b.png 2x">',
        "h": '<iframe src="../x/"></iframe>',
    }
    for name, html in cases.items():
        (site / "x" / f"{name}.html").write_text(
            f"<html><head>{csp}</head><body>{html}</body></html>"
        )
    (site / "x" / "late.html").write_text(
        '<html><head><meta charset="utf-8"><meta name="description" content="x">'
        '<meta http-equiv="Content-Security-Policy" content="x"></head></html>'
    )
    problems = scan_site(site)
    for name in [*cases, "late"]:
        assert any(p.startswith(f"x/{name}.html") for p in problems), name


# --------------------------------------------------------------------------- ownership


def _owners(path: str) -> list[str]:
    """Owners of ``path`` by .github/CODEOWNERS (the last matching line wins)."""
    from support.project import ROOT

    owners: list[str] = []
    for line in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        prefix = pattern.rstrip("*").lstrip("/")
        if (
            pattern == "*"
            or path.startswith(prefix)
            or ("**/" in pattern and path.endswith(pattern.rsplit("/", 1)[-1]))
        ):
            owners = names
    return owners


@pytest.mark.parametrize(
    "path",
    ["docs/javascripts/kb-search.js", "docs/stylesheets/kb.css", "overrides/main.html",
     "hooks/kb_hooks.py", "src/kb/model/files.py", "src/kb_mkdocs/parallel.py", ".github/workflows/ci.yml", "mkdocs.yml",
     "requirements.lock", "Makefile", ".ci/run"],
)  # fmt: skip
def test_the_sites_own_code_belongs_to_the_maintainers(path: str) -> None:
    from kb.check.static_files import MAINTAINER_FOLDERS

    assert "@kennisbank-ict/techniek" in _owners(path), path
    for folder in MAINTAINER_FOLDERS:
        assert "@kennisbank-ict/techniek" in _owners(f"docs/{folder}/x"), folder


def test_vulnerabilities_are_reported_privately() -> None:
    from support.project import ROOT

    policy = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "Report a vulnerability" in policy and "privé" in policy
    guide = (ROOT / "docs/bijdragen/veiligheid.md").read_text(encoding="utf-8")
    assert "pull_request_target" in guide and "CODEOWNERS" in guide
    assert "veiligheid.md" in (ROOT / "docs/bijdragen/.pages").read_text(encoding="utf-8")
