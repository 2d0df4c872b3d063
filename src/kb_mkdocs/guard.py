"""One guard for everything that depends on MkDocs internals.

The parallel build (``kb_mkdocs.parallel``) relies on the order in which MkDocs 1.6.1
populates, converts and renders pages, on a log text and on page attributes that are
not public API (its contract is in ``parallel``'s docstring and tested in
``tests/site/test_mkdocs_contract.py``). On any other MkDocs version those uses switch
off: the site is built in one process, as MkDocs does by itself, and one notice is
logged at INFO level (a warning would fail the strict build).
"""

from __future__ import annotations

import logging

TESTED_MKDOCS = "1.6.1"

log = logging.getLogger("mkdocs.plugins.kb")
_told: set[str] = set()


def mkdocs_version() -> str:
    from mkdocs import __version__

    return str(__version__)


def internals_allowed(feature: str) -> bool:
    """Whether ``feature`` may use MkDocs internals (only on the tested version)."""
    version = mkdocs_version()
    if version == TESTED_MKDOCS:
        return True
    if feature not in _told:
        _told.add(feature)
        log.info(
            "%s staat uit: getest met MkDocs %s, dit is MkDocs %s. De site wordt gebouwd "
            "zonder dit onderdeel.",
            feature,
            TESTED_MKDOCS,
            version,
        )
    return False
