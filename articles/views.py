from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView
from modeltranslation.utils import build_localized_fieldname

from articles.models import (
    Article,
    ArticleAuthor,
    Quote,
    Section,
    Topic,
    language_codes,
)


def reader_articles():
    """Published articles with what a card shows, in a fixed number of queries."""
    return (
        Article.objects.published()
        .select_related("topic", "hero_image")
        .prefetch_related(
            Prefetch(
                "articleauthor_set",
                queryset=ArticleAuthor.objects.select_related("author"),
                to_attr="bylines",
            )
        )
    )


class ArticleListView(ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return reader_articles()


class TopicArticleListView(ArticleListView):
    template_name = "articles/topic_detail.html"

    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug_lookup(self.kwargs["slug"]))
        return reader_articles().filter(topic=self.topic)

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


def slug_lookup(slug: str) -> Q:
    """Match a slug in any language, so a shared link works in both."""
    query = Q()
    for language in language_codes():
        query |= Q(**{build_localized_fieldname("slug", language): slug})
    return query


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return reader_articles().prefetch_related(
            "tags",
            "corrections",
            Prefetch("sections", queryset=Section.objects.select_related("image")),
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
        )

    def get_object(self, queryset=None):
        articles = list(
            self.get_queryset().filter(slug_lookup(self.kwargs["slug"]))[:1]
        )
        if not articles:
            raise Http404
        return articles[0]

    def get_context_data(self, **kwargs):
        return super().get_context_data(flow=body_flow(self.object), **kwargs)


def body_flow(article: Article) -> list[tuple[str, object]]:
    """Sections in order, each followed by the quotes placed after it."""
    quotes_after: dict[int | None, list[Quote]] = {}
    for quote in article.quotes.all():
        quotes_after.setdefault(quote.after_section_id, []).append(quote)
    flow: list[tuple[str, object]] = []
    for section in article.sections.all():
        flow.append(("section", section))
        flow.extend(("quote", quote) for quote in quotes_after.pop(section.pk, []))
    for quotes in quotes_after.values():
        flow.extend(("quote", quote) for quote in quotes)
    return flow
