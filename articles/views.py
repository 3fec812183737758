"""Reader pages. Each starts from Article.objects.published() and costs a fixed
number of queries whatever the number of articles, sections, quotes or tags."""

import datetime as dt
import operator
from functools import reduce
from itertools import groupby

from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from modeltranslation.utils import build_localized_fieldname

from articles.metadata import PageMeta, absolute, article_meta
from articles.models import (
    Article,
    ArticleQuerySet,
    Author,
    Person,
    Quote,
    Tag,
    Topic,
    language_codes,
    localized_reverse,
    localized_slug,
    page_language,
)
from articles.text import isolate


def reader_articles() -> ArticleQuerySet:
    """Published articles in the page's language, with what a card shows."""
    return (
        Article.objects.published()
        .in_language(page_language())
        .select_related("topic", "hero_image")
        .defer(*Article.SEARCH_FIELDS)
    )


def slug_lookup(slug: str) -> Q:
    """Match a slug in any language, so a shared link works in both."""
    query = Q()
    for language in language_codes():
        query |= Q(**{build_localized_fieldname("slug", language): slug})
    return query


def get_first(queryset: QuerySet) -> Model:
    """The first object, or a 404 (never MultipleObjectsReturned)."""
    found = list(queryset[:1])
    if not found:
        raise Http404
    return found[0]


def get_by_slug(queryset: QuerySet, slug: str) -> Model:
    """The object with this slug in any language; 404 if none."""
    return get_first(queryset.filter(slug_lookup(slug)))


class ReaderPageMixin:
    """Canonical URL, language alternates and sharing metadata for a page."""

    title: str = ""
    description: str = ""

    def alternate_urls(self) -> dict[str, str]:
        """This page in each language (relative URLs); all languages by default."""
        return {
            code: localized_reverse(
                self.request.resolver_match.view_name, code, **self.kwargs
            )
            for code in language_codes()
        }

    def page_meta(self, context: dict) -> PageMeta:
        alternates = context["alternates"]
        page = context.get("page_obj")
        canonical = absolute(self.request, alternates[page_language()])
        title = isolate(str(self.get_title()))
        if page and page.number > 1:
            canonical += f"?page={page.number}"
            title = _("%(title)s, page %(number)s") % {
                "title": title,
                "number": page.number,
            }
        return PageMeta(
            title=title,
            description=str(self.get_description()),
            canonical=canonical,
            # A later page has no equivalent in the other language.
            alternates={}
            if page and page.number > 1
            else {
                code: absolute(self.request, url) for code, url in alternates.items()
            },
        )

    def get_title(self) -> str:
        return self.title

    def get_description(self) -> str:
        return self.description or _("Technology news in Arabic and English.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alternates"] = self.alternate_urls()
        context["meta"] = self.page_meta(context)
        return context


class HomeView(ReaderPageMixin, TemplateView):
    template_name = "articles/home.html"
    latest_count = 10
    rail_count = 4
    rail_candidates = 300

    def get_context_data(self, **kwargs):
        articles = list(reader_articles()[: 1 + self.latest_count])
        # The rails pick from the newest stories only: a per-topic window over
        # every article ever published grows with the archive, this does not.
        recent = reader_articles().values("pk")[: self.rail_candidates]
        rails = Prefetch(
            "articles",
            queryset=reader_articles().filter(pk__in=recent)[: self.rail_count],
            to_attr="rail",
        )
        topics = [t for t in Topic.objects.prefetch_related(rails) if t.rail]
        return super().get_context_data(
            lead=articles[0] if articles else None,
            latest=articles[1:],
            topics=topics,
            **kwargs,
        )


class ArticleListView(ReaderPageMixin, ListView):
    """A paginated list of article cards."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return reader_articles()


class TopicArticleListView(ArticleListView):
    template_name = "articles/topic_detail.html"

    def get_queryset(self):
        self.topic = get_by_slug(Topic.objects.all(), self.kwargs["slug"])
        return reader_articles().filter(topic=self.topic)

    def alternate_urls(self) -> dict[str, str]:
        return {code: self.topic.get_absolute_url(code) for code in language_codes()}

    def get_title(self) -> str:
        return self.topic.name

    def get_description(self) -> str:
        return self.topic.description or super().get_description()

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, hide_topic=True, **kwargs)


class TagArticleListView(ArticleListView):
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_by_slug(Tag.objects.all(), self.kwargs["slug"])
        return reader_articles().filter(tags=self.tag)

    def alternate_urls(self) -> dict[str, str]:
        return {code: self.tag.get_absolute_url(code) for code in language_codes()}

    def get_title(self) -> str:
        return self.tag.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorArticleListView(ArticleListView):
    template_name = "articles/author_detail.html"

    def get_queryset(self):
        authors = Author.objects.select_related("photo").filter(
            slug=self.kwargs["slug"]
        )
        self.author = get_first(authors)
        return reader_articles().filter(authors=self.author)

    def get_title(self) -> str:
        return self.author.name

    def get_description(self) -> str:
        return self.author.bio or super().get_description()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class PersonQuoteListView(ReaderPageMixin, ListView):
    """Everything a person was quoted saying, newest article first."""

    template_name = "articles/person_detail.html"
    context_object_name = "quotes"
    paginate_by = 20

    def get_queryset(self):
        self.person = get_first(Person.objects.filter(slug=self.kwargs["slug"]))
        return (
            Quote.objects.filter(speaker=self.person, article__in=reader_articles())
            .select_related("article", "speaker")
            .order_by("-article__published_at", "article_id", "position", "id")
        )

    def get_title(self) -> str:
        return self.person.name

    def get_description(self) -> str:
        return self.person.role or super().get_description()

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)


class ArchiveIndexView(ReaderPageMixin, TemplateView):
    """Every month with articles, grouped by year."""

    template_name = "articles/archive_index.html"
    title = _("Archive")

    def get_context_data(self, **kwargs):
        months = reader_articles().datetimes("published_at", "month", order="DESC")
        years = [
            (year, list(group)) for year, group in groupby(months, lambda m: m.year)
        ]
        return super().get_context_data(years=years, **kwargs)


class ArchiveYearView(ArticleListView):
    template_name = "articles/archive_year.html"
    allow_empty = False

    def get_queryset(self):
        return reader_articles().filter(published_at__year=self.year)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.year = kwargs["year"]
        self.month = kwargs.get("month")

    def get(self, request, *args, **kwargs):
        # Years outside what dates can hold would make the query fail, not 404.
        if (
            not 1 <= self.year <= 9999
            or self.month is not None
            and not (1 <= self.month <= 12)
        ):
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_title(self) -> str:
        return str(self.year)

    def get_context_data(self, **kwargs):
        months = reader_articles().datetimes("published_at", "month", order="ASC")
        return super().get_context_data(
            year=self.year,
            months=months.filter(published_at__year=self.year),
            **kwargs,
        )


class ArchiveMonthView(ArchiveYearView):
    template_name = "articles/archive_month.html"

    def get_queryset(self):
        return super().get_queryset().filter(published_at__month=self.month)

    def get_title(self) -> str:
        return date_format(dt.date(self.year, self.month, 1), "YEAR_MONTH_FORMAT")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            month=dt.date(self.year, self.month, 1), **kwargs
        )


class ArticleDetailView(ReaderPageMixin, TemplateView):
    template_name = "articles/article_detail.html"
    related_count = 4
    latest_count = 5

    def get_queryset(self) -> ArticleQuerySet:
        # Not limited to the page's language: an article missing from it is
        # found, then sent to the language it has.
        return Article.objects.published().with_page_content()

    def get(self, request, *args, **kwargs) -> HttpResponse:
        slug = kwargs["slug"]
        found = list(self.get_queryset().filter(slug_lookup(slug))[:1])
        if not found:
            return self.redirect_from_former_slug(slug)
        article = found[0]
        language = page_language()
        if not article.has_language(language):
            # An Arabic-only article under /en/: showing Arabic under an
            # English URL would give readers and search engines a page in the
            # wrong language. Temporary, since a translation may come later.
            return redirect(article.get_absolute_url())
        if slug != localized_slug(article, language):
            # The other language's slug under this prefix: one URL per page.
            return redirect(article.get_absolute_url(language), permanent=True)
        self.object = article
        return super().get(request, *args, **kwargs)

    def redirect_from_former_slug(self, slug: str) -> HttpResponseRedirect:
        """A renamed article's old link answers with a permanent redirect."""
        renamed = list(
            Article.objects.published()
            .filter(slug_redirects__old_slug=slug)
            .order_by("-slug_redirects__created_at")[:1]
        )
        if not renamed:
            raise Http404
        return redirect(renamed[0].get_absolute_url(), permanent=True)

    def alternate_urls(self) -> dict[str, str]:
        return {
            code: self.object.get_absolute_url(code) for code in self.object.languages
        }

    def page_meta(self, context: dict) -> PageMeta:
        return article_meta(self.object, request=self.request)

    def get_context_data(self, **kwargs):
        article = self.object
        return super().get_context_data(
            article=article,
            flow=body_flow(article),
            toc=[section for section in article.sections.all() if section.heading],
            related=list(related_articles(article)[: self.related_count]),
            latest=list(reader_articles().exclude(pk=article.pk)[: self.latest_count]),
            **kwargs,
        )


def related_articles(article: Article) -> ArticleQuerySet:
    """Articles sharing the most tags with this one, then its topic's newest."""
    tag_ids = [tag.pk for tag in article.tags.all()]
    near = [Q(tags__in=tag_ids)] if tag_ids else []
    if article.topic_id:
        near.append(Q(topic_id=article.topic_id))
    if not near:
        return Article.objects.none()
    return (
        reader_articles()
        .exclude(pk=article.pk)
        .filter(reduce(operator.or_, near))
        .annotate(shared_tags=Count("tags", filter=Q(tags__in=tag_ids), distinct=True))
        .order_by("-shared_tags", "-published_at", "-id")
    )


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
