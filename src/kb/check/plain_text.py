"""Plain text from contributors (titles, descriptions, names, places): no markup.

Such values are shown as text wherever they appear (page, navigation, tabs, search,
generated lists, feed, calendar, catalogue); the build escapes them exactly once. So
what looks like HTML (a tag or a character reference) is refused, as are control
characters and values that look empty.
"""

from __future__ import annotations

import re
import unicodedata

# What an HTML parser reads as the start of a tag, a comment or a declaration.
_TAG = re.compile(r"<[A-Za-z/!?]")
# A character reference such as &lt; &#60; &#x3c; (with its final ';': "R&D" is text).
_REFERENCE = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _is_invisible(ch: str) -> bool:
    # Spaces, format characters (zero-width space, joiners, BOM, bidi marks) and the like.
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp", "Mn", "Cc")


def text_problem(value: str) -> str | None:
    """A Dutch description of why ``value`` is not plain one-line text, or None."""
    control = _CONTROL.search(value)
    if control is not None:
        if control.group() in "\n\r":
            return "bevat een regeleinde; schrijf de waarde op één regel"
        return f"bevat een onzichtbaar stuurteken (U+{ord(control.group()):04X}); verwijder het"
    if not value or all(_is_invisible(ch) for ch in value):
        return "is leeg (alleen spaties of onzichtbare tekens)"
    if _TAG.search(value):
        return (
            "bevat HTML (`<` gevolgd door een letter); schrijf gewone tekst, zonder tags. "
            "Wil je het teken < tonen, zet er dan een spatie na"
        )
    reference = _REFERENCE.search(value)
    if reference is not None:
        return (
            f"bevat de HTML-code `{reference.group()}`; schrijf het teken zelf "
            "(bv. `&` of `<`), de site zet het juist om"
        )
    return None
