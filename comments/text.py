"""Plain-text comment bodies: what is stored and how it is shown."""

import re

from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

# Embeddings, overrides, isolates and direction marks (U+202A–U+202E,
# U+2066–U+2069, U+200E, U+200F, U+061C): any of them could reverse or reorder
# the text around a comment, so none survives into the page.
DIRECTION_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n?")


def strip_direction_controls(text: str) -> str:
    return DIRECTION_CONTROLS.sub("", text or "")


def clean_plain_text(text: str) -> str:
    """What we store: no direction controls, Unix line ends, no outer blanks."""
    return _NEWLINES.sub("\n", strip_direction_controls(text)).strip()


def body_html(text: str) -> SafeString:
    """Escaped text with its line breaks kept and links that pass no rank."""
    linked = urlize(
        strip_direction_controls(text),
        trim_url_limit=60,
        nofollow=True,
        autoescape=True,
    )
    # urlize has escaped the text; linebreaks must not escape it again. A
    # literal rel="nofollow" typed by a reader cannot survive escaping (its
    # quotes become &quot;), so only our own links are rewritten here.
    html = linebreaks(linked, autoescape=False)
    return mark_safe(html.replace('rel="nofollow"', 'rel="nofollow ugc noopener"'))
