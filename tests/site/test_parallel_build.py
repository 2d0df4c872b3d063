"""Large sites render half of their pages in a second process (hooks/kb_parallel.py).

``KB_BUILD_WORKERS=2`` switches that on for the small real site too, so these tests cover
it without building a thousand pages.
"""

from __future__ import annotations

import filecmp
import os
import sys
from pathlib import Path

import pytest
from support.project import BuildResult, run_build

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or not sys.platform.startswith("linux"),
    reason="the two-process build needs os.fork on Linux",
)


def _build(root: Path, workers: int, site: str, strict: bool = True) -> BuildResult:
    os.environ["KB_BUILD_WORKERS"] = str(workers)
    try:
        result = run_build(root, strict=strict, in_process=False)  # it forks
    finally:
        del os.environ["KB_BUILD_WORKERS"]
    target = root / site
    if result.site.exists():  # a build that stopped early may not have made it
        result.site.rename(target)
    return BuildResult(result.returncode, result.output, target, root)


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{name} (alleen links)" for name in cmp.left_only)
        found.extend(f"{prefix}{name} (alleen rechts)" for name in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{prefix}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


@pytest.mark.parametrize("workers", [2, 3])
def test_several_processes_build_the_same_site_as_one(project_copy: Path, workers: int) -> None:
    one = _build(project_copy, 1, "site-one")
    many = _build(project_copy, workers, "site-many")
    assert one.returncode == 0, one.output
    assert many.returncode == 0, many.output
    pages = list(many.site.rglob("index.html"))
    assert len(pages) > 60  # every page written, by one process or another
    assert _differences(one.site, many.site) == []
    assert f"De pagina's worden in {workers} processen gebouwd" in many.output
    assert "processen gebouwd" not in one.output
    assert "Page skipped" not in many.output


PAGE = """---
title: {title}
description: Een pagina om de bouw in twee processen te testen.
type: artikel
roles: [technisch]
topics: [beveiliging]
authors: [Redactie Kennisbank ICT-coördinatoren]
---

# {title}

## Bestaande kop

Zie [de andere pagina]({other}.md#bestaande-kop) en [een kop die er niet is]({other}.md#geen-kop).
"""


def test_warnings_from_every_process_fail_the_strict_build(project_copy: Path) -> None:
    # Two neighbouring pages: MkDocs' order alternates between the processes, so one of
    # them is rendered by the helper, whose messages must reach the main process.
    docs = project_copy / "docs/artikels"
    (docs / "zz-proef-a.md").write_text(
        PAGE.format(title="Proef A", other="zz-proef-b"), encoding="utf-8"
    )
    (docs / "zz-proef-b.md").write_text(
        PAGE.format(title="Proef B", other="zz-proef-a"), encoding="utf-8"
    )
    result = _build(project_copy, 2, "site-two")
    assert result.returncode != 0
    for page, other in (("a", "b"), ("b", "a")):
        assert (
            f"Doc file 'artikels/zz-proef-{page}.md' contains a link "
            f"'zz-proef-{other}.md#geen-kop', but the doc 'artikels/zz-proef-{other}.md' "
            "does not contain an anchor '#geen-kop'"
        ) in result.output, result.output
        assert f"'zz-proef-{other}.md#bestaande-kop'" not in result.output
    assert "Aborted with 2 warnings in strict mode" in result.output
    # Without strict mode both pages are still written, each by its own process.
    result = _build(project_copy, 2, "site-loose", strict=False)
    assert result.returncode == 0, result.output
    for page in ("a", "b"):
        assert "Bestaande kop" in result.html(f"artikels/zz-proef-{page}/")


FAILING_HOOK = """
import os

MAIN = os.getpid()  # the hook is loaded before the build forks


def on_page_markdown(markdown, page, config, files):
    if getattr(page, "rendered_elsewhere", False):
        return markdown
    in_main = os.getpid() == MAIN
    if in_main == {in_main}:
        raise RuntimeError("kapotte proefpagina")
    return markdown
"""


FAILING_TEMPLATE_HOOK = """
def on_post_page(output, page, config):
    if page.file.src_uri == "index.md" and not getattr(page, "rendered_elsewhere", False):
        raise RuntimeError("kapotte proefpagina")
    return output
"""


@pytest.mark.parametrize("where", ["main", "helper", "template"])
def test_a_page_that_fails_in_any_process_fails_the_build(project_copy: Path, where: str) -> None:
    """A failure while the pages are converted (in the main process or a helper) or
    while the templates are rendered (the search index is already being built then)."""
    if where == "template":
        hook = FAILING_TEMPLATE_HOOK
    else:
        hook = FAILING_HOOK.replace("{in_main}", str(where == "main"))
    (project_copy / "hooks/proef_fout.py").write_text(hook, encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - hooks/kb_parallel.py\n", "  - hooks/kb_parallel.py\n  - hooks/proef_fout.py\n"
        ),
        encoding="utf-8",
    )
    result = _build(project_copy, 3, "site-fout")
    assert result.returncode != 0
    assert "kapotte proefpagina" in result.output
    if where != "template":
        assert "': kapotte proefpagina" in result.output  # "Error reading page '...': ..."
    if where == "helper":
        assert "Een ander bouwproces stopte met een fout: kapotte proefpagina" in result.output
    # No other page is blamed, nothing is indexed, and no process is left behind.
    blamed = "Error building page 'index.md'" if where == "template" else "Error building page"
    assert result.output.count("Error building page") == (where == "template")
    assert where != "template" or blamed in result.output
    assert not (result.site / "pagefind").exists()
    assert _processes_in(project_copy) == []


def _processes_in(folder: Path) -> list[int]:
    """Processes whose working directory is ``folder`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == folder.resolve():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found
