"""The nh3-based HTML policy: what contributors may write and what gets published."""

from __future__ import annotations

import pytest

from kb.check.html_policy import check_fragment, sanitize


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<script>alert(1)</script>", "`<script>`"),
        ('<a href="javascript:alert(1)">x</a>', "`javascript:`"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "`javascript:`"),
        ('<p onmouseover="x()">x</p>', "`onmouseover`"),
        ('<iframe src="https://example.org"></iframe>', "`<iframe>`"),
        ('<object data="x"></object>', "`<object>`"),
        ('<embed src="x">', "`<embed>`"),
        ('<svg><circle onload="x()"/></svg>', "`<svg>`"),
        ('<img src="https://example.org/x.png">', "example.org"),
        ('<img src="//example.org/x.png">', "example.org"),
        ('<div style="background:url(https://x.org/a.png)">x</div>', "`style`"),
        ('<form action="https://x.org"><input></form>', "`<form>`"),
        ('<link rel="stylesheet" href="https://x.org/a.css">', "`<link>`"),
    ],
)
def test_dangerous_html_is_reported(fragment: str, expected: str) -> None:
    problems = check_fragment(fragment)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "fragment",
    [
        "<kbd>Ctrl</kbd>",
        "<details><summary>Meer</summary>tekst</details>",
        '<abbr title="Aanspreekpunt informatieveiligheid">AIV</abbr>',
        '<a href="https://www.vicli.be/">Vicli</a>',
        '<a href="../adviezen/back-ups.md">lokaal</a>',
        '<img src="../img/schema.png" alt="Schema">',
        "<br>",
        '<span class="x" id="y">z</span>',
    ],
)
def test_harmless_html_is_allowed(fragment: str) -> None:
    assert check_fragment(fragment) == []


def test_sanitize_removes_everything_that_could_run() -> None:
    dirty = (
        '<p onclick="steal()">tekst</p><script>steal()</script>'
        '<a href="javascript:steal()">x</a><img src="https://tracker.example/p.gif">'
        '<svg onload="steal()"></svg><iframe src="https://example.org"></iframe>'
    )
    clean = sanitize(dirty)
    for needle in ("onclick", "<script", "javascript:", "tracker.example", "<svg", "<iframe"):
        assert needle not in clean
    assert "<p>tekst</p>" in clean


def test_sanitize_keeps_what_markdown_and_the_theme_produce() -> None:
    rendered = (
        '<h2 id="aanpak">Aanpak<a class="headerlink" href="#aanpak" title="Link">¶</a></h2>'
        '<div class="admonition tip"><p class="admonition-title">Tip</p><p>x</p></div>'
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" '
        'id="__tabbed_1_1" name="__tabbed_1" type="radio"><div class="tabbed-labels">'
        '<label for="__tabbed_1_1">A</label></div></div>'
        '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
        '<input type="checkbox" disabled checked><span class="task-list-indicator"></span>'
        "</label> klaar</li></ul>"
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>'
        '<table><thead><tr><th align="left">a</th></tr></thead></table>'
    )
    clean = sanitize(rendered)
    for needle in (
        'class="headerlink"',
        'data-tabs="1:2"',
        'type="radio"',
        'for="__tabbed_1_1"',
        'type="checkbox"',
        'href="#fn:1"',
        'class="admonition tip"',
    ):
        assert needle in clean, needle


@pytest.mark.parametrize(
    "fragment",
    [
        '<p hidden onclick="x()">tekst</p>',  # a boolean attribute next to a removed one
        '<br onclick="x()" />',  # XHTML-style void tag
        '<p>&para; &#x27;citaat&#x27;</p><img src="a.png" onerror="x()" />',
        '<p title="&lt;b&gt;">&lt;script&gt;</p><script>x()</script>',  # escaped twin
    ],
)
def test_a_removal_is_reported_whatever_the_serialisation(fragment: str) -> None:
    # The quick comparison that skips parsing must never hide what nh3 removes.
    assert check_fragment(fragment) != []
    assert check_fragment(fragment, sanitize(fragment)) == check_fragment(fragment)


def test_serialisation_alone_is_not_a_removal() -> None:
    fragment = (
        '<p>Zie &para; en &#x27;x&#x27;<br /></p><details open=""><summary>s</summary></details>'
    )
    assert check_fragment(fragment) == []
