"""A page as Markdown: YAML front matter and a body with H1, H2 sections, lists,
admonitions and links to other synthetic pages. The sections a type requires (``sections``
in the vocabulary) come right after the introduction and the lexicon's lead sections, in
their order, each with text."""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any

from synthetic_pages import rules
from synthetic_pages.lexicon import Lexicon
from synthetic_pages.plan import PagePlan
from synthetic_pages.text import Writer

WORDS_PER_PAGE = (700, 900)  # body length in words, drawn per page
BLOCKS = ("bullets", "numbered", "admonition", "links")  # each at most once per page
BLOCK_SHARE = 0.6  # sections that get the next block
LINK_SHARE = 0.6  # sections whose paragraph ends with a link
MORE_TEXT_SHARE = 0.7  # sections with a second paragraph
SUBSECTION_SHARE = 0.2  # sections with an H3
HEADING_TRIES = 20  # headings drawn before a repeated one is accepted

# Strings that YAML reads as they are (vocabulary keys, dates, moments); others are quoted.
_PLAIN = re.compile(
    r"^(?:[a-z][a-z0-9-]*|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2}|Z))?)$"
)
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    text = str(value)
    if _PLAIN.match(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _entries(meta: dict[str, Any], indent: str = "") -> list[str]:
    lines = []
    for key, value in meta.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines += _entries(value, indent + "  ")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{indent}{key}:")  # a list of objects, one block item each
            for item in value:
                first, *rest = _entries(item, indent + "    ")
                lines += [f"{indent}  - {first.lstrip()}", *rest]
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return lines


def front_matter(meta: dict[str, Any]) -> str:
    return "\n".join(["---", *_entries(meta), "---"]) + "\n"


def _link(plan: PagePlan, other: PagePlan) -> str:
    target = posixpath.relpath(other.src, posixpath.dirname(plan.src))
    return f"[{other.title.rstrip('?')}]({target})"


def body(plan: PagePlan, links: list[PagePlan], writer: Writer, lexicon: Lexicon) -> str:
    rng = writer.rng
    target_words = rng.randint(*WORDS_PER_PAGE)
    parts: list[str] = [f"# {plan.title}", "", writer.paragraph((3, 5)), ""]
    parts += rules.body_lines(plan.type)
    lead = lexicon.lead_sections.get(plan.type, ())
    for heading in lead:
        parts += [f"## {heading}", "", writer.paragraph((2, 4)), ""]
    for heading in plan.sections:
        parts += [f"## {heading}", "", writer.paragraph((3, 5)), ""]
        if rng.random() < MORE_TEXT_SHARE:
            parts += [writer.paragraph((2, 4)), ""]
    words = sum(len(p.split()) for p in parts)
    pending = list(links)
    used = {*lead, *plan.sections, *plan.closing_sections, lexicon.closing_heading}
    blocks = list(BLOCKS)
    tries = 0
    while words < target_words:
        heading = writer.heading()
        tries += 1
        if heading in used and tries < HEADING_TRIES:
            continue
        used.add(heading)
        tries = 0
        section = [f"## {heading}", "", writer.paragraph()]
        if pending and rng.random() < LINK_SHARE:
            section[-1] += f" {writer.item('link_intro')} {_link(plan, pending.pop())}."
        section.append("")
        kind = blocks.pop(0) if blocks and rng.random() < BLOCK_SHARE else "text"
        if kind == "bullets":
            section += [f"- {writer.instruction()}" for _ in range(rng.randint(3, 6))] + [""]
        elif kind == "numbered":
            count = rng.randint(3, 6)
            section += [f"{i}. {writer.instruction()}" for i in range(1, count + 1)] + [""]
        elif kind == "admonition":
            name = rng.choice(list(lexicon.admonitions))
            section += [
                f'!!! {name} "{lexicon.admonitions[name]}"',
                "",
                f"    {writer.sentence()} {writer.sentence()}",
                "",
            ]
        elif kind == "links" and pending:
            section += [lexicon.reading_list, ""]
            section += [f"- {_link(plan, other)}" for other in pending] + [""]
            pending = []
        if rng.random() < MORE_TEXT_SHARE:
            section += [writer.paragraph((2, 5)), ""]
        if rng.random() < SUBSECTION_SHARE:
            section += [f"### {writer.heading()}", "", writer.paragraph((2, 4)), ""]
        parts += section
        words += sum(len(line.split()) for line in section)
    for heading in plan.closing_sections:
        parts += [f"## {heading}", "", writer.paragraph((3, 5)), ""]
    if pending:
        parts += [f"## {lexicon.closing_heading}", ""]
        parts += [f"- {_link(plan, other)}" for other in pending] + [""]
    return "\n".join(parts).rstrip() + "\n"
