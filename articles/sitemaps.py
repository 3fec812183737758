"""Sitemaps for crawlers: pages with their language versions, and Google News.

An article or topic lists as alternates only the languages it has text in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Topic, language_codes

NEWS_WINDOW = dt.timedelta(hours=48)
# Google News reads at most this many URLs from one news sitemap.
NEWS_LIMIT = 1000


def latest_update() -> dt.datetime | None:
    """When a published article last changed: the site's lastmod."""
    return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class HomeSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "hourly"
    priority = 1.0

    def items(self) -> list[str]:
        return ["articles:home"]

    def location(self, item: str) -> str:
        return reverse(item)

    def get_latest_lastmod(self) -> dt.datetime | None:
        return latest_update()


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self) -> QuerySet[Article]:
        return (
            Article.objects.published()
            .defer(*Article.SEARCH_FIELDS)
            .order_by("-published_at", "-id")
        )

    def get_languages_for_item(self, item: Article) -> list[str]:
        return item.languages

    def location(self, item: Article) -> str:
        return item.get_absolute_url(translation.get_language())

    def lastmod(self, item: Article) -> dt.datetime:
        return item.updated_at

    def get_latest_lastmod(self) -> dt.datetime | None:
        return latest_update()


class TopicSitemap(Sitemap):
    """Topics with at least one published article; lastmod is their newest."""

    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self) -> QuerySet[Topic]:
        newest = (
            Article.objects.published()
            .filter(topic=OuterRef("pk"))
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )
        return (
            Topic.objects.annotate(latest_update=Subquery(newest))
            .filter(latest_update__isnull=False)
            .order_by("position", "id")
        )

    def get_languages_for_item(self, item: Topic) -> list[str]:
        return [
            code
            for code in language_codes()
            if getattr(item, build_localized_fieldname("name", code))
        ]

    def location(self, item: Topic) -> str:
        return item.get_absolute_url(translation.get_language())

    def lastmod(self, item: Topic) -> dt.datetime:
        return item.latest_update

    def get_latest_lastmod(self) -> dt.datetime | None:
        return latest_update()


SITEMAPS = {"pages": HomeSitemap, "topics": TopicSitemap, "articles": ArticleSitemap}


@dataclass(frozen=True)
class NewsEntry:
    """One language version of a recent article, as Google News lists it."""

    article: Article
    language: str
    title: str
    publication_name: str

    @property
    def published_at(self) -> dt.datetime:
        return self.article.published_at


class NewsSitemap(Sitemap):
    """Articles published in the last 48 hours, each language version apart."""

    limit = NEWS_LIMIT

    def items(self) -> list[NewsEntry]:
        since = timezone.now() - NEWS_WINDOW
        articles = (
            Article.objects.published()
            .defer(*Article.SEARCH_FIELDS)
            .filter(published_at__gte=since)
            .order_by("-published_at", "-id")
        )
        entries = []
        for article in articles[:NEWS_LIMIT]:
            for language in article.languages:
                with translation.override(language):
                    name = gettext("Newsroom")
                title = getattr(
                    article, build_localized_fieldname("headline", language)
                )
                entries.append(NewsEntry(article, language, title, name))
        return entries[:NEWS_LIMIT]

    def location(self, item: NewsEntry) -> str:
        return item.article.get_absolute_url(item.language)

    def lastmod(self, item: NewsEntry) -> dt.datetime:
        return item.article.updated_at
