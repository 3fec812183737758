"""What a page tells search engines and social sites: canonical URL, language
alternates, OpenGraph/Twitter fields and NewsArticle JSON-LD."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from articles.models import Article, Image, language_codes, page_language
from articles.text import isolate

# OpenGraph wants a territory; these are the usual ones for each language.
OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    # language → absolute URL, only languages the page exists in.
    alternates: dict[str, str]
    og_type: str = "website"
    image_url: str = ""
    image_alt: str = ""
    published_at: str = ""
    modified_at: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    json_ld: dict[str, Any] | None = None

    @property
    def x_default(self) -> str:
        return self.alternates.get(language_codes()[0], "")

    @property
    def locale(self) -> str:
        return OG_LOCALES.get(page_language(), page_language())

    @property
    def other_locales(self) -> list[str]:
        return [
            OG_LOCALES.get(code, code)
            for code in self.alternates
            if code != page_language()
        ]


def iso(moment: datetime | None) -> str:
    return moment.replace(microsecond=0).isoformat() if moment else ""


def absolute(request: HttpRequest, url: str) -> str:
    return request.build_absolute_uri(url)


def image_url(request: HttpRequest, image: Image | None) -> str:
    return absolute(request, image.file.url) if image and image.file else ""


def article_meta(article: Article, *, request: HttpRequest) -> PageMeta:
    language = page_language()
    alternates = {
        code: absolute(request, article.get_absolute_url(code))
        for code in article.languages
    }
    return PageMeta(
        title=isolate(article.headline),
        description=article.standfirst or article.headline,
        canonical=alternates.get(language)
        or absolute(request, article.get_absolute_url()),
        alternates=alternates,
        og_type="article",
        image_url=image_url(request, article.hero_image),
        image_alt=article.hero_image.alt_text if article.hero_image else "",
        published_at=iso(article.published_at),
        modified_at=iso(article.updated_at),
        section=article.topic.name if article.topic else "",
        tags=[tag.name for tag in article.tags.all()],
        json_ld=news_article_ld(article, request=request),
    )


def publisher_ld(request: HttpRequest) -> dict[str, Any]:
    return {
        "@type": "NewsMediaOrganization",
        "name": _("Newsroom"),
        "url": absolute(request, reverse("articles:home")),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(request, static("favicon.svg")),
        },
    }


def news_article_ld(article: Article, *, request: HttpRequest) -> dict[str, Any]:
    """schema.org NewsArticle for the page of an article in the active language."""
    language = page_language()
    url = absolute(request, article.get_absolute_url(language))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": article.headline,
        "inLanguage": language,
        "datePublished": iso(article.published_at) or None,
        "dateModified": iso(article.updated_at),
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                "url": absolute(request, byline.author.get_absolute_url(language)),
            }
            for byline in article.bylines
        ],
        "publisher": publisher_ld(request),
    }
    if article.standfirst:
        data["description"] = article.standfirst
    if article.hero_image:
        data["image"] = [image_url(request, article.hero_image)]
    if article.topic:
        data["articleSection"] = article.topic.name
    if keywords := [tag.name for tag in article.tags.all()]:
        data["keywords"] = keywords
    data.update(source_ld(article, language=language))
    return {key: value for key, value in data.items() if value is not None}


def source_ld(article: Article, *, language: str) -> dict[str, Any]:
    """isBasedOn / translationOfWork for syndicated and translated pieces."""
    if not article.is_syndicated:
        return {}
    original: dict[str, Any] = {"@type": "CreativeWork"}
    if article.source_url:
        original["url"] = article.source_url
    if article.source_language:
        original["inLanguage"] = article.source_language
    if article.source_publisher:
        original["publisher"] = {
            "@type": "Organization",
            "name": article.source_publisher,
        }
    fields: dict[str, Any] = {"isBasedOn": article.source_url or original}
    # A page in the original's own language is a reprint, not a translation.
    is_translated = (
        article.source_language != language
        if article.source_language
        else bool(article.translator)
    )
    if is_translated:
        fields["translationOfWork"] = original
    return fields
