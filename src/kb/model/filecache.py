"""A folder of JSON entries named after the hash of what went into them (the build's
caches between builds: converted pages, search keys).

An entry is found only under the hash of its inputs plus the cache's fingerprint (the
settings and package versions that also shape it), so a stale entry is never read: it is
simply not found. Each entry is written to a temporary file and moved into place, so
parallel build processes never see half an entry. A damaged or unreadable entry counts
as absent. ``prune`` removes what a build did not use (``get`` marks what it used).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

FORMAT = 1  # raise when the layout of entries changes


class FileCache:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.hits = 0
        self.stored = 0

    def key(self, *parts: str | bytes) -> str:
        digest = hashlib.sha256(self.fingerprint.encode("utf-8"))
        for part in parts:
            digest.update(b"\0")
            digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        path = self.path(key)
        try:
            entry = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # used by this build: prune keeps it
        self.hits += 1
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            text = json.dumps({**entry, "format": FORMAT}, ensure_ascii=False)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
            self.stored += 1
        except OSError:  # a full disk or a read-only checkout: the build goes on without
            pass

    def prune(self, started: float) -> int:
        """Remove the entries not used or written since ``started`` (a time.time())."""
        removed = 0
        for entry in self.folder.glob("*/*"):
            try:
                if entry.stat().st_mtime < started - 1:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


def fingerprint(settings: object) -> str:
    """A hash of JSON-able settings (anything else by its repr: never equal twice when
    that repr holds an address, so such a cache is simply not used)."""
    text = json.dumps(settings, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
