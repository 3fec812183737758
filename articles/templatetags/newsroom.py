"""Read-only display helpers for reader templates."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from modeltranslation.utils import build_localized_fieldname

from articles.models import language_codes

register = template.Library()


def content_language(obj, field: str) -> str:
    """The language whose text a translated field shows now (fallbacks included)."""
    active = get_language() or language_codes()[0]
    for language in [active, *language_codes()]:
        if getattr(obj, build_localized_fieldname(field, language), None):
            return language
    return active


@register.simple_tag
def lang_attrs(obj, field: str) -> str:
    """lang and dir of the text actually shown, not of the interface."""
    language = content_language(obj, field)
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html('lang="{}" dir="{}"', language, direction)
