"""Spam and hold rules, WordPress-style, with no outside service."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from articles.text import normalize_arabic
from comments.models import CommentStatus, Rule

# "https://…" and "www.…" each count as one link, however they are glued to
# the words around them.
_LINK = re.compile(r"https?://|(?<!//)\bwww\.", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Verdict:
    status: str
    rule: str = Rule.NONE


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


def word_sequence(text: str) -> str:
    """The text's words, normalised like search and padded for whole-word tests.

    Invisible format characters (zero-width spaces and joiners, direction
    marks) are dropped first, so they cannot split a banned word in two.
    """
    visible = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " " + " ".join(_WORD.findall(normalize_arabic(visible))) + " "


def contains_any(words: str, terms: Iterable[str]) -> bool:
    """Whether a term (a word or a phrase) occurs as whole words in `words`."""
    for term in terms:
        wanted = word_sequence(term)
        if wanted.strip() and wanted in words:
            return True
    return False


def classify(
    *,
    name: str,
    email: str,
    body: str,
    is_moderator: bool = False,
    is_known_commenter: bool = False,
) -> Verdict:
    """The status a new comment starts in, and the rule that chose it."""
    if is_moderator:
        return Verdict(CommentStatus.APPROVED, Rule.MODERATOR)
    words = word_sequence(f"{name}\n{email}\n{body}")
    if contains_any(words, settings.COMMENTS_BLOCK_WORDS):
        return Verdict(CommentStatus.SPAM, Rule.BLOCK_WORD)
    if count_links(body) > settings.COMMENTS_MAX_LINKS:
        return Verdict(CommentStatus.PENDING, Rule.LINKS)
    if contains_any(words, settings.COMMENTS_MODERATION_WORDS):
        return Verdict(CommentStatus.PENDING, Rule.MODERATION_WORD)
    if is_known_commenter:
        return Verdict(CommentStatus.APPROVED, Rule.KNOWN_COMMENTER)
    return Verdict(CommentStatus.PENDING)
