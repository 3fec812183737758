"""Reader search: normalised per-language documents, ranked and highlighted.

Each article stores, per language, its headline and the rest of its text
(standfirst, section headings and bodies, quotes) as search_words(); queries go
through the same function. PostgreSQL matches them with full-text search
(stemmed, GIN-indexed, headline weighted above the rest); other databases fall
back to substring matching with the same weighting.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.views.generic import ListView
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Quote, Section, language_codes, page_language
from articles.text import isolate, normalize_arabic

MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 30
SNIPPET_WORDS_BEFORE = 8
TEXT_SEARCH_CONFIGS = {"ar": "arabic", "en": "english"}
# ts_rank weights for D, C, B, A: a headline match (A) outranks any number
# of matches in the rest of the text (B).
RANK_WEIGHTS = [0.025, 0.05, 0.1, 1.0]

# A word as typed or stored: letters and digits with their Arabic marks and
# tatweel, which normalisation removes later.
RAW_WORD = re.compile(r"[^\W_][\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*")
NORMALISED_WORD = re.compile(r"[^\W_]+")
BLOCK_END = re.compile(r"<(?:br|/p|/li|/h\d|/blockquote|/pre)\b[^>]*>", re.IGNORECASE)

# The definite article with the particles fused to it. PostgreSQL's arabic
# stemmer strips it from some words only (البيانات → بيان, but بيانات → يانا),
# so search_words() removes it first and every form reaches the stemmer alike.
# Longest first: the first that fits is the one stripped.
ARTICLE_PREFIXES = tuple("وبال فبال وال فال بال كال لل ال".split())
MIN_REMAINDER = 2
# Particles and endings stripped only to decide which words to highlight; the
# database does its own matching.
PARTICLE_PREFIXES = tuple("و ب ف ل ك".split())
WORD_SUFFIXES = tuple("يه ات ون ين ان ها هم ه ي ing es ed s".split())
MIN_STEM = 3


def plain_text(rich_text: str) -> str:
    """Sanitised rich text as one line of plain text, blocks kept apart."""
    spaced = BLOCK_END.sub(lambda match: match.group(0) + " ", rich_text or "")
    return " ".join(html.unescape(strip_tags(spaced)).split())


def _without_article(word: str) -> str:
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_REMAINDER:
            return word[len(prefix) :]
    return word


def search_words(text: str) -> list[str]:
    """Words as search compares them, for documents and queries alike.

    normalize_arabic() first (the one normalisation), then the definite
    article and particles fused to it are removed.
    """
    return [
        _without_article(word)
        for word in NORMALISED_WORD.findall(normalize_arabic(text))
    ]


def _localized(obj, field: str, language: str) -> str:
    """A field's text in one language, without modeltranslation's fallback."""
    return getattr(obj, build_localized_fieldname(field, language), None) or ""


def body_text(
    sections: Iterable[Section], quotes: Iterable[Quote], language: str
) -> str:
    """An article's text below the standfirst, in one language, as plain text."""
    parts: list[str] = []
    for section in sections:
        parts.append(_localized(section, "heading", language))
        parts.append(plain_text(_localized(section, "body", language)))
    parts.extend(_localized(quote, "text", language) for quote in quotes)
    return " ".join(part for part in parts if part)


def search_documents(
    article: Article, *, sections: Sequence[Section], quotes: Sequence[Quote]
) -> dict[str, str]:
    """The stored search fields of an article: normalised text per language."""
    documents: dict[str, str] = {}
    for language in language_codes():
        headline = _localized(article, "headline", language)
        rest = ""
        if headline:
            standfirst = _localized(article, "standfirst", language)
            rest = f"{standfirst} {body_text(sections, quotes, language)}"
        documents[f"search_headline_{language}"] = " ".join(search_words(headline))
        documents[f"search_text_{language}"] = " ".join(search_words(rest))
    return documents


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    terms: tuple[str, ...]
    is_truncated: bool


def parse_query(raw: str) -> ParsedQuery:
    """Clean a typed query: no control characters, bounded length, normalised."""
    # Control and format characters (NUL, bidi controls) are never words, and
    # PostgreSQL refuses NUL outright.
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw
    )
    text = " ".join(printable.split())
    is_truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    terms = dict.fromkeys(search_words(text))
    return ParsedQuery(text=text, terms=tuple(terms), is_truncated=is_truncated)


def search_articles(query: ParsedQuery, language: str) -> QuerySet[Article]:
    """Published articles in language matching every term, best first."""
    if not query.terms:
        return Article.objects.none()
    articles = (
        Article.objects.published()
        .in_language(language)
        .defer(*Article.SEARCH_FIELDS)
        .select_related("topic")
        .prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("position")),
            Prefetch("quotes", queryset=Quote.objects.order_by("position", "id")),
        )
    )
    if connection.vendor == "postgresql":
        articles = _full_text_search(articles, query.terms, language)
    else:
        articles = _substring_search(articles, query.terms, language)
    return articles.order_by("-rank", "-published_at", "-id")


def search_vector(language: str) -> SearchVector:
    """The expression the GIN index of migration 0003 covers, term for term."""
    config = TEXT_SEARCH_CONFIGS[language]
    return SearchVector(
        f"search_headline_{language}", config=config, weight="A"
    ) + SearchVector(f"search_text_{language}", config=config, weight="B")


def _full_text_search(
    articles: QuerySet[Article], terms: Sequence[str], language: str
) -> QuerySet[Article]:
    query = SearchQuery(
        " ".join(terms), config=TEXT_SEARCH_CONFIGS[language], search_type="plain"
    )
    return (
        articles.alias(document=search_vector(language))
        .filter(document=query)
        .annotate(rank=SearchRank(F("document"), query, weights=RANK_WEIGHTS))
    )


def _substring_search(
    articles: QuerySet[Article], terms: Sequence[str], language: str
) -> QuerySet[Article]:
    headline, text = f"search_headline_{language}", f"search_text_{language}"
    # contains escapes % _ and \ itself, so a typed wildcard matches only itself.
    matches = Q()
    rank = Value(0, output_field=IntegerField())
    for term in terms:
        in_headline = Q(**{f"{headline}__contains": term})
        in_text = Q(**{f"{text}__contains": term})
        matches &= in_headline | in_text
        rank += Case(When(in_headline, then=Value(10)), default=Value(0))
        rank += Case(When(in_text, then=Value(1)), default=Value(0))
    return articles.filter(matches).annotate(rank=rank)


def _stem(word: str) -> str:
    for prefix in PARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            word = word[len(prefix) :]
            break
    for suffix in WORD_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def _is_match(raw_word: str, terms: Sequence[str]) -> bool:
    """Whether a word of the text, as written, answers one of the query's terms."""
    word = _without_article(normalize_arabic(raw_word))
    for term in terms:
        if word == term:
            return True
        if len(term) >= MIN_STEM and (
            word.startswith(term) or _stem(word) == _stem(term)
        ):
            return True
    return False


def highlight(text: str, terms: Sequence[str]) -> SafeString:
    """The original text, escaped, with each word answering the query in <mark>."""
    pieces: list[str] = []
    done = 0
    for word in RAW_WORD.finditer(text):
        if _is_match(word.group(), terms):
            pieces.append(escape(text[done : word.start()]))
            pieces.append(format_html("<mark>{}</mark>", word.group()))
            done = word.end()
    pieces.append(escape(text[done:]))
    return mark_safe("".join(pieces))  # noqa: S308 -- every piece escaped above


def snippet(text: str, terms: Sequence[str]) -> SafeString:
    """About SNIPPET_WORDS words of text around its first match, highlighted."""
    words = list(RAW_WORD.finditer(text))
    if not words:
        return mark_safe("")
    first = next(
        (index for index, word in enumerate(words) if _is_match(word.group(), terms)),
        0,
    )
    start = max(0, min(first - SNIPPET_WORDS_BEFORE, len(words) - SNIPPET_WORDS))
    end = min(len(words), start + SNIPPET_WORDS)
    excerpt = highlight(text[words[start].start() : words[end - 1].end()], terms)
    before = "… " if start > 0 else ""
    after = " …" if end < len(words) else ""
    return format_html("{}{}{}", before, excerpt, after)


@dataclass(frozen=True)
class SearchResult:
    article: Article
    url: str
    headline: SafeString
    standfirst: SafeString
    snippet: SafeString


def search_result(
    article: Article, terms: Sequence[str], language: str
) -> SearchResult:
    body = body_text(article.sections.all(), article.quotes.all(), language)
    return SearchResult(
        article=article,
        url=article.get_absolute_url(language),
        headline=highlight(_localized(article, "headline", language), terms),
        standfirst=highlight(_localized(article, "standfirst", language), terms),
        snippet=snippet(body, terms),
    )


class SearchView(ListView):
    """/search/?q=: published articles in the page's language matching q."""

    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 10

    def get_queryset(self) -> QuerySet[Article]:
        self.query = parse_query(self.request.GET.get("q", ""))
        self.language = page_language(get_language())
        return search_articles(self.query, self.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        context["results"] = [
            search_result(article, self.query.terms, self.language)
            for article in context["object_list"]
        ]
        context["max_query_length"] = MAX_QUERY_LENGTH
        context["title_query"] = isolate(self.query.text)
        return context
