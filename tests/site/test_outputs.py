"""The site entry: every generated output knows what it is made from."""

from __future__ import annotations

from kb.check.project import check_pages
from kb.model.pages import read_page
from kb.model.project import Project
from kb.site.inserts import page_depends
from kb.site.outputs import BuildSettings, affected, generated_sources, site_outputs
from support.project import ROOT

ADVICE = (
    "---\ntitle: {title}\ndescription: D.\ntype: advies\nroles: [technisch]\ntopics: [cloud]\n"
    "levels: [{level}]\nauthors: [R]\nreviewed: 2026-01-01\n---\n\n# T\n\n{body}\n"
)


def _outputs():  # type: ignore[no-untyped-def]
    project = Project.load(ROOT)
    check_pages(project)
    return project, site_outputs(project, BuildSettings.for_project(project, "/"))


def test_every_generated_source_is_an_output() -> None:
    project, outputs = _outputs()
    assert generated_sources(project) <= set(outputs) | {
        p.removesuffix(".md") + ".ics" for p in project.pages if p.startswith("agenda/")
    }
    assert {"status/index.md", "feed.xml", "agenda.ics", "api/pages.json"} <= set(outputs)


def test_a_changed_page_affects_exactly_the_outputs_that_read_it() -> None:
    project, outputs = _outputs()

    def page(**values: str):  # type: ignore[no-untyped-def]
        text = ADVICE.format(**{"title": "T", "level": "secundair", "body": "Tekst.", **values})
        return read_page(project.docs_dir, "adviezen/proef.md", project.root, text=text)

    before = page()
    body_only = affected(outputs, before, page(body="Andere tekst."))
    assert body_only == []  # nothing generated reads an advice's text
    retitled = set(affected(outputs, before, page(title="Nieuw")))
    assert {"feed.xml", "api/pages.json", "status/index.md", "niveaus/secundair.md"} <= retitled
    assert "agenda.ics" not in retitled and "api/pages.schema.json" not in retitled
    moved = set(affected(outputs, before, page(level="basisonderwijs")))
    assert {"niveaus/secundair.md", "niveaus/basisonderwijs.md"} <= moved
    assert "feed.xml" not in moved
    added = set(affected(outputs, None, before))
    assert "feed.xml" in added and "agenda.ics" not in added


def test_landing_pages_depend_on_the_pages_they_list() -> None:
    project = Project.load(ROOT)
    role = page_depends(project, "rollen/technisch/index.md")
    assert role.types is not None and "advies" in role.types and "roles" in role.fields
    assert page_depends(project, "agenda/index.md").types == frozenset({"evenement"})
    assert page_depends(project, "adviezen/back-ups.md").types == frozenset()


def test_a_rebuild_takes_over_only_the_outputs_an_edit_leaves_as_they_were() -> None:
    # Live editing: Site.make with the previous site makes again what the edit touches.
    from kb.check.project import check_page
    from kb.site.build import Site

    project = Project.load(ROOT)
    check_pages(project)
    first = Site.make(project, "/")
    src = "adviezen/back-ups.md"
    source = (project.docs_dir / src).read_text(encoding="utf-8")

    def edit(text: str) -> Site:
        before = project.pages[src]
        check_page(project, src, text.encode("utf-8"))
        return Site.make(project, "/", previous=first, changes=[(before, project.pages[src])])

    body = edit(source + "\nNog een zin.\n")
    level = "niveaus/secundair.md"
    assert body.outputs[level] is first.outputs[level]  # taken over, not made again
    assert body.outputs["api/pages.json"] is first.outputs["api/pages.json"]
    titled = edit(source.replace("title: Back-ups op school", "title: Back-ups herzien", 1))
    assert titled.outputs[level] is not first.outputs[level]
    assert "Back-ups herzien" in str(titled.outputs[level].content)
    fresh = Site.make(project, "/")  # the same outputs as a site made from scratch
    assert {p: o.content for p, o in titled.outputs.items()} == {
        p: o.content for p, o in fresh.outputs.items()
    }
