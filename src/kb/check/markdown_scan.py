"""Find links, images, raw HTML and headings in a page body, with line numbers.

Uses markdown-it-py (a CommonMark parser), so code blocks and inline code are
never mistaken for links or HTML. Indented code blocks are switched off because
the site's Markdown (admonitions, tabs) indents ordinary content by four spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token


# Only the rules that find links, images, raw HTML and headings, plus the ones that keep
# code and lists from being misread (fewer rules: a faster parse).
class _Parser(MarkdownIt):
    """Every link target becomes a token, javascript: included (markdown-it drops those
    silently, while Python-Markdown, which builds the site, keeps them): the policy
    decides. Targets stay as written (entities and escapes resolved, not percent-encoded),
    so a backslash stays a backslash and the policy sees what a browser would make of it."""

    def validateLink(self, url: str) -> bool:  # markdown-it's method name
        return True

    def normalizeLink(self, url: str) -> str:  # markdown-it's method name
        return url


_PARSER = _Parser("zero", {"html": True}).enable(
    [
        "fence", "heading", "lheading", "html_block", "list", "blockquote", "table",
        "reference", "backticks", "link", "image", "autolink", "html_inline", "escape",
        "entity", "newline",
    ]
)  # fmt: skip
# Inline content is parsed only where it can hold a link, an image or HTML (see scan_body).
_PARSER.core.ruler.disable("inline")
_INLINE_MARKERS = ("[", "<")


@dataclass(frozen=True)
class Reference:
    target: str
    line: int
    kind: str  # "link" or "image"


@dataclass(frozen=True)
class HtmlFragment:
    html: str
    line: int
    inline: bool


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass
class BodyScan:
    references: list[Reference] = field(default_factory=list)
    html: list[HtmlFragment] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


def scan_body(body: str, first_line: int = 1) -> BodyScan:
    """Scan ``body``; ``first_line`` is the file line of the body's first line."""
    result = BodyScan()
    lines = body.split("\n")
    env: dict[str, object] = {}
    tokens = _PARSER.parse(body, env)
    for index, token in enumerate(tokens):
        start = token.map[0] if token.map else 0
        if token.type == "html_block":
            result.html.append(HtmlFragment(token.content, first_line + start, inline=False))
        elif token.type == "heading_open":
            inline = tokens[index + 1]
            result.headings.append(
                Heading(int(token.tag[1]), inline.content.strip(), first_line + start)
            )
        elif token.type == "inline" and any(m in token.content for m in _INLINE_MARKERS):
            # Links, images and inline HTML all start with "[" or "<" ("![" for images,
            # "<https://...>" for autolinks); other lines are not parsed inline at all.
            children: list[Token] = []
            _PARSER.inline.parse(token.content, _PARSER, env, children)
            end = token.map[1] if token.map else start + 1
            _scan_inline(children, lines, start, end, first_line, result)
    if "<" in body:
        seen = {fragment.html for fragment in result.html}
        seen |= {
            tag for fragment in result.html for tag in _PYTHON_MARKDOWN_TAG.findall(fragment.html)
        }
        seen = {f"<{s}>" if not s.startswith("<") else s for s in seen}
        result.html.extend(_python_markdown_tags(body, first_line, seen))
    return result


# Python-Markdown (which builds the site) reads more as inline HTML than CommonMark does:
# any `<` + letter up to `>` without `<`, `>`, `@` or a space in the name, such as
# `<back-ups.md#kop>`. The sanitiser would drop such a "tag" and its text would be lost.
_PYTHON_MARKDOWN_TAG = re.compile(r"<(/?[a-zA-Z][^<>@ ]*(?: [^<>]*)?)>")
_AUTOLINK = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]{1,31}:")


def _python_markdown_tags(body: str, first_line: int, found: set[str]) -> list[HtmlFragment]:
    text = without_code(body, comments=True)
    out = []
    for match in _PYTHON_MARKDOWN_TAG.finditer(text):
        if _AUTOLINK.match(match.group(1)) or match.group(0) in found:
            continue
        out.append(
            HtmlFragment(match.group(0), first_line + text.count("\n", 0, match.start()), True)
        )
    return out


def _line_of(needle: str, lines: list[str], start: int, end: int) -> int:
    for number in range(start, min(end, len(lines))):
        if needle in lines[number]:
            return number
    return start


def _scan_inline(
    children: list[Token],
    lines: list[str],
    start: int,
    end: int,
    first_line: int,
    result: BodyScan,
) -> None:
    for child in children:
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            line = _line_of(href, lines, start, end)
            result.references.append(Reference(href, first_line + line, "link"))
        elif child.type == "image":
            src = str(child.attrGet("src") or "")
            line = _line_of(src, lines, start, end)
            result.references.append(Reference(src, first_line + line, "image"))
        elif child.type == "html_inline":
            line = _line_of(child.content, lines, start, end)
            result.html.append(HtmlFragment(child.content, first_line + line, inline=True))


_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str, quotations: bool = False, comments: bool = False) -> str:
    """``text`` with fenced code and code spans blanked out (and, if asked, quotations
    and HTML comments); every line stays on its line, so positions keep their line."""
    if comments:
        text = _COMMENT.sub(_blank, text)
    lines = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence or (quotations and line.lstrip().startswith(">")):
            lines.append("")
            continue
        lines.append(_CODE_SPAN.sub(_blank, line))
    return "\n".join(lines)


# Python-Markdown's attribute lists: `{: #id .class key=value }` or `{ ... }`.
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*[#.A-Za-z_][^{}\n]*\}")


def attribute_lists(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """Every attribute list outside code, with its file line."""
    text = without_code(body)
    return [
        (first_line + text.count("\n", 0, m.start()), m.group(0))
        for m in ATTRIBUTE_LIST.finditer(text)
    ]


def section_text(body: str, title: str) -> str:
    """The Markdown under the ``## title`` heading, up to the next heading of level 1-2."""
    lines = body.split("\n")
    out: list[str] = []
    inside = False
    for line in lines:
        heading = re.match(r"^(#{1,2})\s+(.*?)\s*#*\s*$", line)
        if heading:
            if inside:
                break
            inside = len(heading.group(1)) == 2 and heading.group(2).rstrip(":") == title
            continue
        if inside:
            out.append(line)
    return "\n".join(out).strip()
