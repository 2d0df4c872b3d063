"""MkDocs hooks: a thin adapter between MkDocs and the ``kb`` content model.

All rules live in the ``kb`` package (also used by the ``kb`` command). This file
only reads MkDocs' objects, calls ``kb`` and logs or inserts what it returns.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page as MkPage

from kb import dates, exports, gitdates, html_policy, overviews, redirects, search_index, views
from kb.files import symlink_findings
from kb.findings import Finding
from kb.glossary import load_glossary
from kb.pages import Page, read_page
from kb.project import Project
from kb.redirects import load_redirects
from kb.search_jobs import SearchJobs
from kb.search_keys import KeyMaker, SearchConfig, markdown_words
from kb.status import translation_status
from kb.theme_meta import as_html as theme_text
from kb.theme_meta import theme_meta

log = logging.getLogger("mkdocs.plugins.kb")

_state: dict[str, Any] = {}


def _project() -> Project:
    return _state["project"]


def _log(finding: Finding) -> None:
    text = finding.as_text()
    if finding.severity == "error":
        log.error(text)
    else:
        log.warning(text)


def on_startup(command: str, dirty: bool) -> None:
    _state["dirty"] = dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    links = symlink_findings(root)
    if links:  # stop before MkDocs lists (and would follow) them
        raise PluginError(
            "Symbolische links in de inhoud worden nooit gevolgd; de bouw stopt:\n"
            + "\n".join(f.as_text() for f in links)
        )
    _state["project"] = Project.load(root, Path(config.docs_dir))
    _state["glossary"] = {}
    if "abbr" in config.markdown_extensions:  # tooltips; problems are reported with the pages
        _state["glossary"] = load_glossary(root)[0]
        config.mdx_configs.setdefault("abbr", {})["glossary"] = _state["glossary"]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = _project()
    publishable = project.scan_files()
    navigation = project.navigation_findings()
    # The navigation plugin reads .pages itself: it must not read one that is unsafe, and
    # it stops with an English traceback on an entry it cannot find. Titles are escaped
    # and links to other sites removed (on_nav), so those errors need not stop the build.
    unsafe = [f for f in navigation if f.code not in ("geen-gewone-tekst", "nav-link")]
    if unsafe:
        raise PluginError(
            "De navigatie (.pages) kan niet gebouwd worden; de bouw stopt:\n"
            + "\n".join(f.as_text() for f in unsafe)
        )
    refused = {f.path for f in project.file_findings()}
    docs_dir = Path(config.docs_dir)
    for file in list(files):
        from_docs = not file.generated_by and Path(file.abs_src_path or "").is_relative_to(docs_dir)
        if from_docs and (file.src_uri not in publishable or project.rel_path(file.src_uri) in refused):
            files.remove(file)  # never copied to the site
    sources = [f.src_uri for f in files.documentation_pages()]
    words = _WordKeys(project)
    # The pages' words become search keys in this process while others validate the pages.
    project.load_pages(sources, meanwhile=lambda: words.add_pages(sorted(sources)))
    for finding in project.findings():
        _log(finding)
    _state["index_sources"] = Path(tempfile.mkdtemp(prefix="kb-zoekindex-"))
    _state["sources_owner"] = os.getpid()  # not a helper process (hooks/kb_parallel.py)
    today = dates.today()
    _state["today"] = today
    _state["changed"] = changed = gitdates.last_changed(project.root)
    _state["pages"] = pages = list(project.pages.values())
    site_url = config.site_url or "/"
    vocabulary = project.vocabulary
    generated: dict[str, str | bytes] = {"status/index.md": views.status_page(project, today)}
    for level in vocabulary.keys("levels"):
        generated[f"niveaus/{level}.md"] = overviews.level_page(
            pages, level, vocabulary, _state["glossary"]
        )
    events = [p for p in pages if p.type == "evenement" and p.is_valid]
    generated["agenda.ics"] = exports.event_calendar(events, site_url, config.site_name)
    for event in events:
        if overviews.is_confirmed(event):
            ics = event.src.removesuffix(".md") + ".ics"
            generated[ics] = exports.event_calendar([event], site_url, config.site_name)
    generated["feed.xml"] = exports.atom_feed(pages, site_url, config.site_name, changed)
    generated["api/pages.json"] = exports.dumps(
        exports.catalogue(pages, project.registries, project.root, vocabulary, site_url, today)
    )
    generated["api/pages.schema.json"] = exports.dumps(exports.catalogue_schema(vocabulary))
    mapping = load_redirects(project.root)[0]  # problems are reported with the findings
    made = set(generated)
    for old, new in mapping.items():
        if old not in publishable and old not in made and (new in publishable or new in made):
            target = project.pages.get(new)
            generated[redirects.stub_path(old)] = redirects.redirect_stub(
                old, new, site_url, target.title if target else ""
            )
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    generated_pages = {
        src: text
        for src, text in generated.items()
        if isinstance(text, str) and src.endswith(".md")
    }
    _state["generated_pages"] = {}
    for src, text in generated_pages.items():  # their front matter is not text
        record = read_page(project.docs_dir, src, project.root, text=text)
        _state["generated_pages"][src] = record
        words.add(record)
    _state["search"] = (words.maker, words.page_keys, words.maker.refine(words.vocabulary))
    return files


class _WordKeys:
    """Search keys of every page's words, generated pages included; compound parts are
    added in on_post_page. Everything the key table needs is known before the pages are
    rendered, whichever process renders a page (hooks/kb_parallel.py)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.maker = KeyMaker(SearchConfig.load(project.root))
        self.page_keys: dict[str, list[str]] = {}
        self.vocabulary: set[str] = set()

    def add_pages(self, sources: list[str]) -> None:
        project = self.project
        for src in sources:
            self.add(read_page(project.docs_dir, src, project.root))

    def add(self, page: Page) -> None:
        keys = self.maker.word_keys(markdown_words(f"{page.title} {page.description} {page.body}"))
        self.page_keys[page.src] = keys
        self.vocabulary.update(keys)


def _search_keys(src: str, markdown: str) -> list[str]:
    maker, page_keys, vocabulary = _state["search"]
    keys = page_keys.get(src)
    if keys is None:  # not known when the keys were prepared
        keys = maker.word_keys(markdown_words(markdown))
    return maker.final_keys(keys, vocabulary)


def _elsewhere(page: MkPage) -> bool:
    """Another build process renders this page (hooks/kb_parallel.py)."""
    return getattr(page, "rendered_elsewhere", False)


def on_page_read_source(page: MkPage, config: MkDocsConfig) -> str | None:
    """MkDocs gets the page's body as kb read it: MkDocs never parses contributed YAML
    (kb did, with limits), a page that is not UTF-8 is still shown, and the file is read
    once. The leading newline keeps MkDocs from taking body lines for metadata."""
    record = _record(page)
    return None if record is None else "\n" + record.body


def _record(page: MkPage) -> Page | None:
    src = page.file.src_uri
    return _project().pages.get(src) or _state.get("generated_pages", {}).get(src)


@event_priority(50)  # before other plugins read page.meta (tags)
def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    project = _project()
    record = _record(page)
    if record is None:
        return markdown
    # The theme sees only known fields, with their text escaped once (kb.theme_meta).
    page.meta = theme_meta(record, project.vocabulary)
    if _elsewhere(page) or record.src not in project.pages:
        return markdown
    generators = {
        "veldenreferentie": lambda: views.field_reference(project.vocabulary),
        "sjablonen": lambda: views.templates_markdown(project),
    }
    markdown = views.expand_placeholders(markdown, generators)
    today = _state["today"]
    page.meta["git_revision_date_localized"] = views.last_updated(
        _state["changed"].get(record.src), today
    )
    top = ""
    if record.type == "vertaling":
        top += views.translation_banner(
            translation_status(record, project.registries, project.root, today)
        )
    top += views.review_notice(record, today)
    if record.type == "evenement" and record.is_valid:
        top += overviews.event_facts(record)
    markdown = views.insert_after_title(markdown, top)
    box = views.to_verify_box(record)
    if box:
        markdown = markdown.rstrip("\n") + "\n\n" + box
    markdown = (
        markdown.rstrip("\n")
        + "\n"
        + overviews.landing_section(
            record.src,
            _state["pages"],  # one list for all pages: no copy per page
            project.vocabulary,
            _state["today"],
            _state["changed"],
            _state["glossary"],
        )
    )
    return views.error_block(record.findings) + markdown


@event_priority(-50)  # after awesome-pages has set the sections' titles
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Titles from `.pages` files and folder names are text; the theme writes navigation
    titles as HTML. Links to other sites never reach the menu (also reported)."""
    _escape_titles(nav.items)
    return nav


def _escape_titles(items: list[Any]) -> None:
    for item in items:
        if isinstance(item, MkPage):
            if "title" in item.__dict__:  # a title given in a .pages file
                item.title = theme_text(str(item.__dict__["title"]))
            continue
        item.title = theme_text(str(item.title or ""))
        if isinstance(item, Link) and html_policy.is_other_host(item.url):
            item.url = "#"
        _escape_titles(getattr(item, "children", None) or [])


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    if _elsewhere(page):
        return html
    # Whatever a page contains, what is published cannot run script or load a third party.
    record = _project().pages.get(page.file.src_uri)
    if record is not None and record.is_valid:
        for problem in html_policy.check_fragment(html):  # validation missed it: say so
            log.error(f"{record.path}: fout: {problem} (de inhoud werd verwijderd)")
    html = html_policy.sanitize(html)
    if page.file.src_uri.endswith(".md"):  # Pagefind's copy, written now (see on_env)
        record = _project().pages.get(page.file.src_uri)
        title = record.title if record else (page.title or "")
        description = record.description if record else ""
        copy, keys = search_index.article_copy(
            html,
            title=title,
            description=description,
            keys=_search_keys(page.file.src_uri, page.markdown or ""),
            tags=[str(tag) for tag in page.meta.get("tags") or []],
        )
        target = _state["index_sources"] / page.file.dest_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(copy, encoding="utf-8")
        page.kb_search = (keys, title, description)  # type: ignore[attr-defined]
    return html


@event_priority(-110)  # after kb_parallel's on_env: every process has converted its pages
def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Every page is converted and has its copy: the search index is built from here on,
    while the templates are rendered (by the process that finishes the build)."""
    if getattr(files, "kb_helper_process", False):
        return env
    maker, _, vocabulary = _state["search"]
    sources: Path = _state.pop("index_sources")
    if _state.get("dirty"):  # unchanged pages were not converted: copies from the site
        _copies_of_unchanged_pages(files, Path(config.site_dir), sources)
    jobs = SearchJobs(Path(config.site_dir), sources, maker, vocabulary)
    # Forking is only safe without other threads (not under `mkdocs serve`).
    jobs.start(fork=sys.platform.startswith("linux") and threading.active_count() == 1)
    _state["search_jobs"] = jobs
    return env


def _copies_of_unchanged_pages(files: Files, site_dir: Path, sources: Path) -> None:
    for file in files.documentation_pages():
        page = file.page
        if page is None or hasattr(page, "kb_search"):
            continue
        built = site_dir / file.dest_uri
        copy = (
            search_index.copy_from_site(built.read_text(encoding="utf-8"))
            if built.exists()
            else None
        )
        if copy is not None:
            target = sources / file.dest_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    """Feed autodiscovery in every page's head; search keys in every article."""
    if _elsewhere(page):
        return output
    search = getattr(page, "kb_search", None)
    if search is not None:
        keys, title, description = search
        output = search_index.add_to_page(output, keys, title, description, filtered=True)
    depth = page.url.count("/") if page.url else 0
    href = "../" * depth + "feed.xml"
    link = (
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="{config.site_name}: adviezen en vertalingen" href="{href}">'
    )
    return output.replace("</head>", f"{link}\n</head>", 1)


def on_post_build(config: MkDocsConfig) -> None:
    """Wait for the static search: Pagefind's chunked index and the Dutch key table."""
    jobs: SearchJobs = _state.pop("search_jobs")
    for error in jobs.finish():
        log.error("zoekindex: %s", error)


def on_build_error(error: Exception) -> None:
    """Stop the search jobs of a failed build; remove the pages' copies (in the process
    that made them, not in a helper process, which shares them)."""
    jobs: SearchJobs | None = _state.pop("search_jobs", None)
    if jobs is not None:
        jobs.cancel()
    sources = _state.pop("index_sources", None)
    if sources is not None and _state.get("sources_owner") == os.getpid():
        shutil.rmtree(sources, ignore_errors=True)
