"""What the theme may see of a page's front matter.

Material and MkDocs treat ``page.meta`` values and navigation titles as HTML: they write
them into ``<title>``, ``<meta name="description">``, the header, tabs, navigation, path
and ``<h1>`` without escaping. Contributors write plain text. So the theme gets only the
fields it needs, with text escaped exactly once, and only values that validation
accepts (known tags, known parts to hide); every other key (``template``, ``subtitle``,
``status``, ...) stays out of the theme, also when the page has errors (``mkdocs serve``
still shows it).
"""

from __future__ import annotations

from html import escape
from typing import Any

from kb.model.pages import Page
from kb.model.schema import PEOPLE_TYPE
from kb.model.vocabulary import Vocabulary

HIDEABLE = ("navigation", "toc", "footer", "path", "tags", "feedback")


def as_html(text: str) -> str:
    """Plain text as HTML text and attribute value (quotes included)."""
    return escape(text, quote=True)


# Where people's names appear, search engines are asked to stay away.
NOINDEX_FOLDERS = ("netwerk/",)


def theme_meta(page: Page, vocabulary: Vocabulary) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": as_html(page.title)}
    if page.type == PEOPLE_TYPE or page.src.startswith(NOINDEX_FOLDERS):
        meta["robots"] = "noindex"
    if page.description:
        meta["description"] = as_html(page.description)
    hide = [value for value in page.values("hide") if value in HIDEABLE]
    if hide:
        meta["hide"] = hide
    tags = [tag for tag in page.values("tags") if tag in vocabulary.keys("tags")]
    if tags:
        meta["tags"] = tags
    return meta


def tag_chips(page: Page, vocabulary: Vocabulary) -> list[dict[str, Any]]:
    """The tags above a page's title (the theme's ``tags`` variable), each a link to its
    list on the tags page. Labels come from the vocabulary (escaped: the theme does not)."""
    from kb.render.lists import TAGS_PAGE, tag_anchor

    tags = [tag for tag in page.values("tags") if tag in vocabulary.keys("tags")]
    target = TAGS_PAGE.removesuffix(".md") + "/"
    return [
        {"name": as_html(vocabulary.label("tags", tag)), "url": f"{target}#{tag_anchor(tag)}",
         "hidden": False}
        for tag in tags
    ]  # fmt: skip
