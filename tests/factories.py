import datetime as dt

import factory
from django.utils import timezone
from django.utils.text import slugify

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Person,
    Quote,
    QuoteKind,
    Section,
    Status,
    Tag,
    Topic,
)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name_ar = factory.Sequence(lambda n: f"موضوع {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug_ar = factory.LazyAttribute(lambda o: slugify(o.name_ar, allow_unicode=True))
    slug_en = factory.LazyAttribute(lambda o: slugify(o.name_en))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name_ar = factory.Sequence(lambda n: f"وسم {n}")
    slug_ar = factory.LazyAttribute(lambda o: slugify(o.name_ar, allow_unicode=True))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name_ar = factory.Sequence(lambda n: f"كاتب {n}")
    name_en = factory.Sequence(lambda n: f"Writer {n}")
    slug = factory.Sequence(lambda n: f"writer-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    role_ar = "رئيس تنفيذي"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    headline_ar = factory.Sequence(lambda n: f"عنوان المقال {n}")
    slug_ar = factory.LazyAttribute(
        lambda o: slugify(o.headline_ar, allow_unicode=True)
    )
    standfirst_ar = "مقدمة قصيرة للمقال."
    topic = factory.SubFactory(TopicFactory)
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n)
    heading_ar = factory.Sequence(lambda n: f"عنوان فرعي {n}")
    body_ar = "<p>فقرة من نص القسم.</p>"


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    article = factory.SubFactory(ArticleFactory)
    kind = QuoteKind.ATTRIBUTED
    text_ar = "قول مأثور في المقال."
    speaker = factory.SubFactory(PersonFactory)


def add_byline(article: Article, *authors: Author) -> None:
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
