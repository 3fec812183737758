"""RSS and Atom feeds of published articles, whole site and per topic, per language.

The language prefix of the URL decides the feed's language; an English feed
lists only articles that have English text.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, ArticleAuthor, Topic, page_language
from articles.text import isolate
from articles.views import slug_lookup

FEED_ITEMS = 30


def _in_language(obj, field: str, language: str) -> str:
    """A field in language, isolated when it fell back to another language."""
    own = getattr(obj, build_localized_fieldname(field, language), None)
    return own or isolate(getattr(obj, field) or "")


def feed_articles(language: str) -> QuerySet[Article]:
    """The newest published articles with text in language, bylines and tags."""
    return (
        Article.objects.published()
        .in_language(language)
        .defer(*Article.SEARCH_FIELDS)
        .select_related("topic")
        .prefetch_related(
            Prefetch(
                "articleauthor_set",
                queryset=ArticleAuthor.objects.select_related("author"),
                to_attr="bylines",
            ),
            "tags",
        )
    )


class ArticleFeed(Feed):
    """RSS 2.0 feed of the latest articles in the page's language."""

    feed_type = Rss201rev2Feed

    def title(self) -> str:
        return gettext("Newsroom: latest articles")

    def description(self) -> str:
        return gettext("Technology news in Arabic and English.")

    def link(self) -> str:
        return reverse("articles:home")

    def items(self) -> QuerySet[Article]:
        return feed_articles(page_language())[:FEED_ITEMS]

    def item_title(self, item: Article) -> str:
        return _in_language(item, "headline", page_language())

    def item_description(self, item: Article) -> str:
        # Only the feed language's standfirst: no stray Arabic in English feeds.
        return getattr(item, build_localized_fieldname("standfirst", page_language()))

    def item_link(self, item: Article) -> str:
        return item.get_absolute_url(page_language())

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        language = page_language()
        names = [
            _in_language(byline.author, "name", language) for byline in item.bylines
        ]
        # Translators: separates author names in a feed, as in "A, B".
        return gettext(", ").join(names) or None

    def item_categories(self, item: Article) -> list[str]:
        categories = [item.topic.name] if item.topic else []
        return categories + [tag.name for tag in item.tags.all()]


class ArticleAtomFeed(ArticleFeed):
    """The same articles as an Atom 1.0 feed."""

    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()


class TopicFeed(ArticleFeed):
    """RSS 2.0 feed of one topic's latest articles in the page's language."""

    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        return get_object_or_404(Topic, slug_lookup(slug))

    def title(self, obj: Topic) -> str:
        return gettext("Newsroom: %(topic)s") % {
            "topic": isolate(obj.name),
        }

    def description(self, obj: Topic) -> str:
        own = getattr(obj, build_localized_fieldname("description", page_language()))
        return own or gettext("Latest articles on %(topic)s.") % {
            "topic": isolate(obj.name)
        }

    def link(self, obj: Topic) -> str:
        return obj.get_absolute_url(page_language())

    def items(self, obj: Topic) -> QuerySet[Article]:
        return feed_articles(page_language()).filter(topic=obj)[:FEED_ITEMS]


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: Topic) -> str:
        return self.description(obj)
