"""Split a text snapshot into sections by heading and compare two versions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def split_sections(text: str) -> dict[str, str]:
    """Map heading path (e.g. ``Inleiding › Wachtwoorden``) to the section's text."""
    sections: dict[str, list[str]] = {"(begin)": []}
    stack: list[tuple[int, str]] = []
    current = "(begin)"
    in_fence = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            level, title = len(match.group(1)), match.group(2).strip()
            stack = [(lvl, t) for lvl, t in stack if lvl < level] + [(level, title)]
            current = " › ".join(t for _, t in stack)
            base, n = current, 2
            while current in sections:
                current = f"{base} ({n})"
                n += 1
            sections[current] = []
            continue
        sections[current].append(line)
    return {
        name: "\n".join(lines).strip()
        for name, lines in sections.items()
        if name != "(begin)" or "\n".join(lines).strip()
    }


@dataclass
class SectionDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, str] = field(default_factory=dict)  # section -> short unified diff

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def names(self) -> list[str]:
        return self.added + list(self.changed) + self.removed

    def as_text(self) -> str:
        if self.is_empty:
            return "Geen inhoudelijke wijzigingen per sectie."
        out = []
        for name in self.added:
            out.append(f"+ toegevoegd: {name}")
        for name in self.removed:
            out.append(f"- verwijderd: {name}")
        for name, diff in self.changed.items():
            out.append(f"~ gewijzigd: {name}")
            out.extend("    " + line for line in diff.splitlines())
        return "\n".join(out)


def diff_sections(old: str, new: str, context: int = 1, max_lines: int = 12) -> SectionDiff:
    before, after = split_sections(old), split_sections(new)
    result = SectionDiff()
    result.added = [name for name in after if name not in before]
    result.removed = [name for name in before if name not in after]
    for name in after:
        if name in before and _normalise(before[name]) != _normalise(after[name]):
            lines = list(
                difflib.unified_diff(
                    _wrap(before[name]), _wrap(after[name]), lineterm="", n=context
                )
            )[2:]
            if len(lines) > max_lines:
                lines = lines[:max_lines] + [f"… ({len(lines) - max_lines} regels meer)"]
            result.changed[name] = "\n".join(lines)
    return result


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str) -> list[str]:
    """Sentence-ish lines, so a diff of a long paragraph stays short."""
    flat = _normalise(text)
    return [part for part in re.split(r"(?<=[.!?])\s+", flat) if part]
