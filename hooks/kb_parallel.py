"""MkDocs hook: large sites are rendered in several processes (``kb_mkdocs.parallel``,
behind the MkDocs version guard of ``kb_mkdocs.guard``)."""

from kb_mkdocs.parallel import (  # noqa: F401 - MkDocs calls these by name
    on_build_error,
    on_env,
    on_nav,
    on_page_content,
    on_post_build,
    on_post_page,
    on_pre_page,
    on_startup,
)
