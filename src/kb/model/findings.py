"""Findings: what validation reports about a page or registry, in Dutch."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

# "info": worth knowing, never a reason to fail a build (e.g. a profile whose consent
# lapsed is simply not published).
Severity = Literal["error", "warning", "info"]

SEVERITY_LABEL: dict[str, str] = {"error": "fout", "warning": "waarschuwing", "info": "info"}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located by file (relative to the project root) and line."""

    path: str
    line: int | None
    code: str
    message: str
    severity: Severity = "error"

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def as_text(self) -> str:
        return f"{self.location()}: {SEVERITY_LABEL[self.severity]}: {self.message}"

    def as_github(self) -> str:
        """A GitHub Actions workflow command that annotates the file in the PR."""
        level = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        props = [f"file={_escape_property(self.path)}"]
        if self.line:
            props.append(f"line={self.line}")
        props.append(f"title={_escape_property('kb check: ' + self.code)}")
        return f"::{level} {','.join(props)}::{_escape_data(self.message)}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.code, f.message))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def format_findings(findings: Iterable[Finding], fmt: str = "text") -> str:
    items = sort_findings(findings)
    if fmt == "json":
        return json.dumps([f.as_dict() for f in items], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(f.as_github() for f in items)
    return "\n".join(f.as_text() for f in items)


def summary_line(findings: Iterable[Finding], files_checked: int) -> str:
    items = list(findings)
    errors = sum(1 for f in items if f.severity == "error")
    warnings = sum(1 for f in items if f.severity == "warning")
    pages = "pagina" if files_checked == 1 else "pagina's"
    if not items:
        return f"{files_checked} {pages} nagekeken: geen problemen gevonden."
    return (
        f"{files_checked} {pages} nagekeken: {errors} "
        f"{'fout' if errors == 1 else 'fouten'}, {warnings} "
        f"{'waarschuwing' if warnings == 1 else 'waarschuwingen'}."
    )
