"""Small HTML builders for generated blocks: every value escaped exactly once.

Generated lists and boxes are HTML blocks inside the page's Markdown, not Markdown:
a title such as ``ICT-dag](https://evil.example) [`` stays text instead of becoming a
link, and a newline in a value cannot break the block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

_CODE = re.compile(r"`([^`\n]+)`")


WIDGET = "<!--kb-widget:{name}-->"  # where a widget goes; filled in after the sanitiser


def widget_marker(name: str) -> str:
    return WIDGET.format(name=name)


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def with_code(text: str) -> str:
    """A Dutch message as HTML: escaped, with its `backtick` parts as <code>."""
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", esc(text))


def link(href: str, text_html: str) -> str:
    return f'<a href="{esc(href)}">{text_html}</a>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """A table; ``rows`` hold HTML cells (escape values before)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    klass = f' class="{esc(css)}"' if css else ""
    return f"<table{klass}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"


def admonition(kind: str, title: str, inner_html: str, extra_class: str = "") -> str:
    """Material's admonition markup, as the admonition extension writes it."""
    classes = f"admonition {kind}" + (f" {extra_class}" if extra_class else "")
    return (
        f'<div class="{esc(classes)}">\n<p class="admonition-title">{esc(title)}</p>\n'
        f"{inner_html}\n</div>\n"
    )


def items(values: Iterable[str]) -> str:
    """A list of HTML items."""
    return "<ul>\n" + "\n".join(f"<li>{value}</li>" for value in values) + "\n</ul>"


def front_matter(title: str, description: str, page_type: str = "overzicht") -> str:
    """The front matter of a generated page (YAML written by the YAML library)."""
    import yaml

    data = {"title": title, "description": description, "type": page_type}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"
