"""Last commit date of every file under a folder, in one ``git log`` pass (linear)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path


def last_changed(root: Path, folder: str = "docs") -> dict[str, datetime]:
    """Map docs-relative path -> date of the newest commit that touched it."""
    try:
        proc = subprocess.run(
            ["git", "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if proc.returncode != 0:
        return {}
    result: dict[str, datetime] = {}
    current: datetime | None = None
    prefix = folder.rstrip("/") + "/"
    for line in proc.stdout.splitlines():
        if line.startswith("\x00"):
            current = datetime.fromisoformat(line[1:])
        elif line and current and line.startswith(prefix):
            result.setdefault(line[len(prefix) :], current)
    return result
