"""What the build inserts into a page: the error block, the notices under its title
(translation banner, review notice, event facts), the "Nog na te gaan" box, the
generated list of a landing page and the contributor guide's generated parts.

``page_markdown`` returns a page's Markdown with all of them; ``page_depends`` says what
that depends on besides the page itself (for live editing). The MkDocs hook and `kb`
call these; they know no MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from kb.model.pages import Page
from kb.model.project import Project
from kb.model.schema import LISTED_TYPES
from kb.model.vocabulary import VOCABULARY_FILE
from kb.export import documents
from kb.model.pages import url_for
from kb.model.schema import TEMPLATE_TYPE
from kb.model.zelfscans import build_scan
from kb.render import network, notices, reference, zelfscan
from kb.render.markup import esc, link, widget_marker
from kb.review.translation_status import translation_status
from kb.site.outputs import BODY, GLOSSARY_FILE, LIST_FIELDS, REGISTRIES, BuildSettings, Depends
from kb.model.vocabulary import Vocabulary
from kb.render.agenda import agenda_section, event_facts
from kb.render.contracts import contracts_section
from kb.render.lists import (
    TAGS_PAGE,
    level_links,
    recent_section,
    role_section,
    tags_section,
    topic_section,
    type_section,
)


def landing_section(
    src: str,
    pages: list[Page],
    vocabulary: Vocabulary,
    today: date,
    changed: dict[str, datetime],
    glossary: Mapping[str, str] | None = None,
) -> str:
    """The generated list a landing page gets, chosen by the page's place in docs/.

    Home: recent changes; ``rollen/<role>/index.md`` and ``themas/<topic>/index.md``: every
    page with that role or topic; ``niveaus/index.md``: the level pages; ``agenda/`` and
    ``raamcontracten/``: the agenda and the contracts table; the index page of a type's
    section (``adviezen/``, ``vertalingen/``, ...): every page of that type.
    """
    parts = src.split("/")
    if src == "index.md":
        return recent_section(pages, changed, src)
    if src == TAGS_PAGE:
        return tags_section(pages, src, vocabulary)
    if len(parts) == 3 and parts[2] == "index.md":
        if parts[0] == "rollen" and parts[1] in vocabulary.keys("roles"):
            return role_section(pages, parts[1], src, vocabulary, glossary)
        if parts[0] == "themas" and parts[1] in vocabulary.keys("topics"):
            return topic_section(pages, parts[1], src, vocabulary, glossary)
    if len(parts) == 2 and parts[1] == "index.md":
        if parts[0] == "niveaus":
            return level_links(vocabulary)
        if parts[0] == "agenda":
            return agenda_section(pages, src, today)
        if parts[0] == "raamcontracten":
            return contracts_section(pages, src, today, vocabulary)
        if parts[0] == TOOLS_SECTION:  # every tool: the scans and the templates
            return "".join(type_section(pages, t, src, vocabulary, glossary) for t in TOOL_TYPES)
        for page_type in vocabulary.keys("types"):
            term = vocabulary.term("types", page_type)
            if term and term.section == parts[0]:
                return type_section(pages, page_type, src, vocabulary, glossary)
    return ""


TOOLS_SECTION = "werkinstrumenten"
TOOL_TYPES = ("zelfscan", TEMPLATE_TYPE)
ASK_TYPES = frozenset({"advies"})  # pages that end with "Stel je vraag aan het netwerk"


@dataclass
class PageParts:
    """What the build makes of a page: its Markdown, extra theme fields (last updated,
    structured data) and widgets, HTML that goes in after the sanitiser."""

    markdown: str
    meta: dict[str, str] = field(default_factory=dict)
    widgets: dict[str, str] = field(default_factory=dict)
    fill_ins: bool = False  # mark [[...]] places (templates)

    def finish(self, html: str) -> str:
        """The sanitised HTML with what comes after the sanitiser: widgets, fill-ins."""
        html = insert_widgets(html, self.widgets)
        return documents.mark_fill_ins(html) if self.fill_ins else html

    def widget(self, name: str, html: str) -> str:
        marker = widget_marker(name)
        self.widgets[marker] = html
        return f"\n{marker}\n"


def insert_widgets(html: str, widgets: dict[str, str]) -> str:
    for marker, content in widgets.items():
        html = html.replace(marker, content, 1)
    return html


@dataclass
class SiteIndex:
    """What every page's inserts read, made once per state of the pages (a build, or a
    rebuild while serving), so a page's parts cost does not grow with the site."""

    pages: list[Page]
    people: network.People
    cases_by_topic: dict[str, list[Page]]
    questions_by_subject: dict[str, list[Page]]

    @classmethod
    def of(cls, project: Project, today: date) -> SiteIndex:
        pages = project.listed_pages()
        cases: dict[str, list[Page]] = {}
        questions: dict[str, list[Page]] = {}
        for page in pages:
            if page.type == "praktijk":
                for topic in page.values("topics"):
                    cases.setdefault(topic, []).append(page)
            elif page.type == "vraag":
                for subject in page.values("related"):
                    questions.setdefault(subject, []).append(page)
        return cls(pages, network.People.of(pages, today), cases, questions)

    def cases_for(self, page: Page) -> list[Page]:
        found = {p.src: p for t in page.values("topics") for p in self.cases_by_topic.get(t, [])}
        return list(found.values())


def page_parts(
    project: Project, page: Page, markdown: str, settings: BuildSettings,
    index: SiteIndex | None = None,
) -> PageParts:  # fmt: skip
    """The page's Markdown as the build converts it, with everything the build adds."""
    index = index or SiteIndex.of(project, settings.today)
    pages, people = index.pages, index.people
    kb_settings = project.settings.kb
    generators = {
        "veldenreferentie": lambda: reference.field_reference(project.vocabulary),
        "sjablonen": lambda: reference.templates_markdown(project),
        "verwerkingsverantwoordelijke": lambda: controller(kb_settings.get("controller")),
    }
    parts = PageParts(reference.expand_placeholders(markdown, generators))
    parts.meta["git_revision_date_localized"] = notices.last_updated(
        settings.changed.get(page.src), settings.today
    )
    top = ""
    if page.type == "vertaling":
        status = translation_status(page, project.registries, project.root, settings.today)
        top += notices.translation_banner(status)  # says "te herzien" when overdue
    else:
        top += notices.review_notice(page, settings.today)
    if page.type == "evenement" and page.is_valid:
        top += event_facts(page)
    if page.type == TEMPLATE_TYPE:
        parts.fill_ins = True
        if page.is_valid:
            top += download_links(page)
    text = notices.insert_after_title(parts.markdown, top)
    if page.type == "praktijk":
        text = text.rstrip("\n") + "\n" + network.contacts(page, people)
    if page.type == "vraag":
        text = text.rstrip("\n") + "\n" + network.answer_details(page, people)
        parts.meta["kb_jsonld"] = network.faq_jsonld(page, short_answer(page))
    box = notices.to_verify_box(page)
    if box:
        text = text.rstrip("\n") + "\n\n" + box
    if page.type == "advies":
        text = text.rstrip("\n") + "\n" + network.other_schools(page, index.cases_for(page), page.src)
    if page.type in QUESTION_SUBJECTS:
        subjects = index.questions_by_subject.get(page.src, [])
        text = text.rstrip("\n") + "\n" + network.questions_about(page, subjects, page.src)
    if page.src == network.DIRECTORY:
        text += parts.widget("wie-helpt", network.directory(
            pages, people, project.vocabulary, settings.today, page.src))  # fmt: skip
    elif page.src == network.PRACTICE_INDEX:
        text += parts.widget("praktijk", network.practice_list(pages, project.vocabulary, page.src))
    else:
        text = text.rstrip("\n") + "\n" + landing_section(
            page.src, pages, project.vocabulary, settings.today, settings.changed,
            project.glossary,
        )  # fmt: skip
    if asks(page):
        text = text.rstrip("\n") + "\n\n" + network.ask_box(
            page.title, str(kb_settings.get("discussions") or ""),
            str(kb_settings.get("questions_email") or ""), page.src,
        )  # fmt: skip
    parts.markdown = notices.error_block(page.findings) + text
    return parts


# Pages a vraag can rest on (``related``) and that list those questions at their end.
QUESTION_SUBJECTS = frozenset({"advies", "artikel", "vertaling", "raamcontract", "organisatie"})


def download_links(page: Page) -> str:
    """'Download als Word (.docx)' and '... OpenDocument (.odt)' under a template's title."""
    base = url_for(page.src)
    links = [
        f'<a class="md-button" href="{esc(relative_file(base, documents.document_path(page.src, fmt)))}">'
        f"Download als {esc(name)} (.{fmt})</a>"
        for fmt, name in documents.FORMATS.items()
    ]
    return '<p class="kb-downloads">' + " ".join(links) + "</p>\n\n"


def relative_file(from_url: str, path: str) -> str:
    import posixpath

    return posixpath.relpath(path, from_url or ".")


def generated_parts(project: Project, page: Page, markdown: str) -> PageParts:
    """What the build adds to a generated page: a scan's questionnaire."""
    parts = PageParts(markdown)
    record = project.scans.get(page.src)
    scan = build_scan(record) if record is not None else None
    if scan is not None:
        titles = {p.src: p.title for p in project.pages.values()}
        parts.widgets[widget_marker(zelfscan.WIDGET_NAME)] = zelfscan.scan_form(scan, titles)
    return parts


def asks(page: Page) -> bool:
    """Topic pages, advice and the questions' page offer to ask the network."""
    parts = page.src.split("/")
    topic_page = len(parts) == 3 and parts[0] == "themas" and parts[2] == "index.md"
    return topic_page or page.type in ASK_TYPES or page.src == "vragen/index.md"


def short_answer(page: Page) -> str:
    """The plain text of a vraag's "Kort antwoord" section."""
    from kb.check.markdown_scan import section_text

    return plain_text_of(section_text(page.body, "Kort antwoord"))


def plain_text_of(markdown: str) -> str:
    import markdown as python_markdown
    from bs4 import BeautifulSoup

    html = python_markdown.markdown(markdown)
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def controller(value: object) -> str:
    """Who is responsible for the directory (``extra.kb.controller`` in mkdocs.yml)."""
    if not isinstance(value, dict) or not value.get("name"):
        return (
            '\n!!! failure "Verwerkingsverantwoordelijke ontbreekt"\n'
            "    Zet `extra.kb.controller` (naam en webadres) in mkdocs.yml.\n"
        )
    name = esc(str(value["name"]))
    url = str(value.get("url") or "")
    shown = link(url, name) if url.startswith("https://") else name
    return f"\n<p><strong>Verantwoordelijk:</strong> {shown}</p>\n"


def page_depends(project: Project, src: str) -> Depends:
    """What a page's inserted parts read besides the page itself."""
    parts = src.split("/")
    vocabulary = project.vocabulary
    every_list = Depends(LISTED_TYPES, LIST_FIELDS | {"roles", "topics"},
                         frozenset({VOCABULARY_FILE, GLOSSARY_FILE}))  # fmt: skip
    if src == "index.md":
        return Depends(LISTED_TYPES, frozenset({"title", "type", "reviewed"}), git=True)
    if len(parts) == 2 and parts[1] == "index.md":
        if parts[0] == "agenda":
            return Depends(frozenset({"evenement"}), frozenset({"title", "start", "end",
                           "date_confirmed", "expected", "location", "organizer"}), today=True)  # fmt: skip
        if parts[0] == "raamcontracten":
            return Depends(frozenset({"raamcontract"}), frozenset({"*"}), today=True)
        if parts[0] == "niveaus":
            return Depends(data=frozenset({VOCABULARY_FILE}))
        return every_list
    if len(parts) == 3 and parts[2] == "index.md" and parts[0] in ("rollen", "themas"):
        return every_list
    page = project.pages.get(src)
    if page is not None and page.type == "vertaling":
        return Depends(data=REGISTRIES, today=True)
    if src.startswith("bijdragen/"):  # field reference and templates
        return Depends(data=frozenset({VOCABULARY_FILE}), fields=frozenset({BODY}))
    return Depends(today=page is not None and page.is_dated)
