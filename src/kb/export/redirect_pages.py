"""The page at an old address (``data/redirects.yml``).

A same-site meta refresh and a link, with a Content Security Policy that allows nothing
else, so it needs no script (the stubs of mkdocs-redirects carried an inline script).
"""

from __future__ import annotations

import posixpath

from kb.model.pages import url_for
from kb.render.markup import esc


def stub_path(old: str) -> str:
    """Where the stub for the old page is written (``adviezen/oud/index.html``)."""
    return url_for(old) + "index.html"


def redirect_stub(old: str, new: str, site_url: str, title: str = "") -> str:
    """The page at the old address: a meta refresh to the new page and a link to it."""
    target = posixpath.relpath(url_for(new) or ".", url_for(old) or ".")
    target = "./" if target == "." else target + "/"
    canonical = site_url.rstrip("/") + "/" + url_for(new) if site_url.startswith("http") else ""
    canonical_tag = f'<link rel="canonical" href="{esc(canonical)}">\n' if canonical else ""
    return (
        "<!doctype html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "base-uri 'none'; form-action 'none'\">\n"
        '<meta name="robots" content="noindex">\n'
        "<title>Deze pagina is verhuisd</title>\n"
        f"{canonical_tag}"
        f'<meta http-equiv="refresh" content="0; url={esc(target)}">\n'
        "</head>\n<body>\n"
        f'<p>Deze pagina is verhuisd naar <a href="{esc(target)}">{esc(title or target)}</a>.</p>\n'
        "</body>\n</html>\n"
    )
