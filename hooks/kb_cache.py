"""MkDocs hook: converted pages are kept between builds, keyed by what went into them
(``kb_mkdocs.page_cache``, behind the MkDocs version guard of ``kb_mkdocs.guard``)."""

from kb_mkdocs.page_cache import (  # noqa: F401 - MkDocs calls these by name
    on_config,
    on_post_build,
    on_pre_page,
    on_startup,
)
