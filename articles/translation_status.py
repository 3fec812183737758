"""How complete and how current an article's English translation is.

A translation goes stale when the Arabic it was made from changes. To notice,
each tracked object keeps, per translated field, two fingerprints taken when
the translation was last saved: one of the Arabic source and one of the
translation itself. A save that changes the translation records the Arabic of
that moment; a save that changes only the Arabic leaves the record alone, so
the stored source fingerprint no longer matches.

The functions here read attributes only, so migration 0002 runs them on
historical models too.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags

TAG = re.compile(r"<[^>]*>")


class FieldState(Enum):
    UNTRANSLATABLE = "untranslatable"  # no source text, nothing to translate
    MISSING = "missing"
    TRANSLATED = "translated"
    STALE = "stale"


def source_language() -> str:
    return settings.LANGUAGES[0][0]


def target_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES[1:]]


def fingerprint(text: str | None) -> str:
    """A short hash of the words a reader sees.

    Markup and spacing are left out: the rich-text editor rewrites HTML it
    loads (attribute order, rel on links), and that is no new wording.
    """
    words = " ".join(html.unescape(TAG.sub(" ", text or "")).split())
    # 64 bits are plenty to notice an edit; the JSON stays small.
    return hashlib.sha256(words.encode()).hexdigest()[:16]


def has_text(value: str | None) -> bool:
    """True when a reader would see words: "<p>&nbsp;</p>" from an editor is empty."""
    return bool(html.unescape(strip_tags(value or "")).strip())


def refreshed_sources(
    obj: Any, fields: Iterable[str], sources: Mapping[str, list[str]] | None
) -> dict[str, list[str]]:
    """The fingerprints to store when `obj` is saved as it is now."""
    result = dict(sources or {})
    for field in fields:
        source = getattr(obj, f"{field}_{source_language()}")
        for language in target_languages():
            key = f"{field}_{language}"
            text = getattr(obj, key)
            if not has_text(text):
                result.pop(key, None)
                continue
            recorded = result.get(key)
            if not recorded or recorded[1] != fingerprint(text):
                result[key] = [fingerprint(source), fingerprint(text)]
    return result


def field_states(
    values: Mapping[str, Any], fields: Iterable[str], sources: Mapping | None
) -> dict[str, FieldState]:
    """The state of each target-language column (`headline_en`) of one object."""
    sources = sources or {}
    states = {}
    for field in fields:
        source = values[f"{field}_{source_language()}"]
        for language in target_languages():
            key = f"{field}_{language}"
            if not has_text(source):
                states[key] = FieldState.UNTRANSLATABLE
            elif not has_text(values[key]):
                states[key] = FieldState.MISSING
            elif (recorded := sources.get(key)) and recorded[0] != fingerprint(source):
                states[key] = FieldState.STALE
            else:
                states[key] = FieldState.TRANSLATED
    return states


def tracked_columns(fields: Iterable[str]) -> list[str]:
    """The database columns that feed the fingerprints of these fields."""
    languages = [source_language(), *target_languages()]
    return [f"{field}_{language}" for field in fields for language in languages]


def overall_status(states: Iterable[FieldState]) -> str:
    """One word for a whole article: complete, partial, missing or stale.

    Stale wins over partial: a wrong English sentence on the site is worse
    than a missing one, so the desk should see it first.
    """
    states = [state for state in states if state is not FieldState.UNTRANSLATABLE]
    if FieldState.STALE in states:
        return "stale"
    translated = sum(state is FieldState.TRANSLATED for state in states)
    if states and translated == len(states):
        return "complete"
    return "partial" if translated else "missing"
