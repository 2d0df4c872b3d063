"""Navigation titles as the theme needs them.

Titles from ``.pages`` files and folder names are text; Material writes navigation
titles as HTML. Sections and links get their title escaped; a page keeps the title
``kb.render.theme_meta`` gave it, unless a ``.pages`` file set another one (MkDocs keeps
such a title on the page itself: an internal detail, behind the version guard). Links to
other sites never reach the menu (they are reported as errors too).
"""

from __future__ import annotations

from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page

from kb.check.html_policy import is_other_host
from kb.render.theme_meta import as_html
from kb_mkdocs.guard import internals_allowed


def escape_titles(nav: Navigation) -> Navigation:
    _escape(list(nav.items), internals_allowed("Menutitels uit .pages-bestanden"))
    return nav


def _escape(items: list[object], page_titles: bool) -> None:
    for item in items:
        if isinstance(item, Page):
            if page_titles and "title" in item.__dict__:  # set by the .pages file
                item.title = as_html(str(item.__dict__["title"]))
            continue
        title = getattr(item, "title", None)
        setattr(item, "title", as_html(str(title or "")))  # noqa: B010
        if isinstance(item, Link) and is_other_host(item.url):
            item.url = "#"
        _escape(list(getattr(item, "children", None) or []), page_titles)
