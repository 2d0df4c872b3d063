"""MkDocs hook: while ``mkdocs serve`` runs, a save rebuilds only what it changes
(``kb_mkdocs.live``, behind the MkDocs version guard of ``kb_mkdocs.guard``)."""

from kb_mkdocs.live import (  # noqa: F401 - MkDocs calls these by name
    on_config,
    on_env,
    on_nav,
    on_post_build,
    on_serve,
    on_shutdown,
    on_startup,
)
