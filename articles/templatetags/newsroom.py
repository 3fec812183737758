"""Read-only display helpers for reader templates."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, override
from modeltranslation.utils import build_localized_fieldname

from articles.models import Topic, language_codes

register = template.Library()

# What json.dumps leaves that could end a <script> element or open a comment.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def content_language(obj, field: str) -> str:
    """The language whose text a translated field shows now (fallbacks included)."""
    active = get_language() or language_codes()[0]
    for language in [active, *language_codes()]:
        if getattr(obj, build_localized_fieldname(field, language), None):
            return language
    return active


def direction(language: str) -> str:
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


@register.simple_tag
def lang_attrs(obj, field: str) -> str:
    """lang and dir of the text actually shown, not of the interface."""
    language = content_language(obj, field)
    return format_html('lang="{}" dir="{}"', language, direction(language))


@register.filter
def machine_time(value) -> str:
    """A datetime for <time datetime>: HTML allows at most milliseconds."""
    return value.replace(microsecond=0).isoformat() if value else ""


@register.simple_tag
def json_ld(data: dict) -> SafeString:
    """A JSON-LD script element; its text cannot close the element early."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return mark_safe(  # noqa: S308 - every "<", ">" and "&" is escaped above
        '<script type="application/ld+json">'
        + text.translate(_SCRIPT_ESCAPES)
        + "</script>"
    )


@register.simple_tag
def site_topics() -> list[Topic]:
    """The topics for the site navigation (one query)."""
    return list(Topic.objects.all())


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each other language, or that language's home page.

    A view may give `alternates` (language → URL of the same page); otherwise
    the URL is translated, and a path that has no counterpart falls back to
    the other language's home page.
    """
    alternates = context.get("alternates") or {}
    request = context.get("request")
    current = get_language()
    links = []
    for language in language_codes():
        if language == current:
            continue
        url = alternates.get(language)
        if url is None and request is not None and not alternates:
            path = request.get_full_path()
            translated = translate_url(path, language)
            url = translated if translated != path else None
        if url is None:
            with override(language):
                url = reverse("articles:home")
        info = get_language_info(language)
        links.append(
            {
                "code": language,
                "url": url,
                "name": info["name_local"],
                "dir": direction(language),
            }
        )
    return links
