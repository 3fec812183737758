import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from articles.demo import load_demo
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    Image,
    Person,
    Quote,
    QuoteKind,
    Section,
    Status,
    Tag,
    Topic,
)

pytestmark = pytest.mark.django_db

DEMO_MODELS = (
    Topic,
    Tag,
    Author,
    Person,
    Image,
    Article,
    Section,
    Quote,
    Correction,
    ArticleAuthor,
)


@pytest.fixture(autouse=True)
def _one_small_rendition(settings):
    # Renditions are the image pipeline's business, tested with it; one small
    # width instead of five big ones keeps each demo load quick.
    settings.IMAGE_RENDITION_WIDTHS = [320]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in DEMO_MODELS}


def media_files(media_root) -> list[str]:
    return sorted(str(p) for p in Path(media_root).rglob("*") if p.is_file())


# --- Loading ----------------------------------------------------------------


def test_loading_twice_gives_the_same_counts_of_every_model():
    load()
    first = counts()

    output = load()

    assert counts() == first
    assert all(first.values()), first
    assert "drawn now: 0" in output


def test_loading_twice_leaves_no_file_behind(settings):
    load()
    files = media_files(settings.MEDIA_ROOT)

    load()

    assert media_files(settings.MEDIA_ROOT) == files
    stored = [name for image in Image.objects.all() for name in image.stored_names()]
    assert files == sorted(str(Path(settings.MEDIA_ROOT) / name) for name in stored)


def test_a_failed_load_leaves_no_file_behind(settings, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("articles.demo._article", fail)

    with pytest.raises(RuntimeError):
        load_demo()

    assert media_files(settings.MEDIA_ROOT) == []
    assert not Image.objects.exists()


def test_an_image_whose_file_went_missing_is_drawn_again():
    load()
    image = Image.objects.get(file__endswith="/demo-cloud-sky.jpg")
    image.file.storage.delete(image.file.name)

    summary = load_demo()

    image.refresh_from_db()
    assert summary.images_drawn == 1
    assert image.file.storage.exists(image.file.name)
    assert Image.objects.count() == summary.images


def test_loading_again_restores_an_edited_demo_article():
    load()
    article = Article.objects.get(slug_en="nimbus-cloud-opens-riyadh-region")
    headline = article.headline_ar
    Article.objects.filter(pk=article.pk).update(headline_ar="عنوان عدّله محرر")
    article.sections.filter(position=4).delete()
    Quote.objects.create(article=article, kind=QuoteKind.PULL, text_ar="اقتباس زائد")
    before = counts()

    load()

    article.refresh_from_db()
    assert article.headline_ar == headline
    assert article.sections.count() == 4
    assert counts()["Quote"] == before["Quote"] - 1
    assert counts()["Section"] == before["Section"] + 1


def test_base_columns_hold_the_arabic_text_whatever_the_active_language():
    with translation.override("en"):
        load_demo()

    article = Article.objects.get(
        slug_en="qalam-labs-releases-open-weights-arabic-model"
    )
    row = Article.objects.filter(pk=article.pk).values("slug", "headline").get()
    assert row == {"slug": article.slug_ar, "headline": article.headline_ar}


def test_command_prints_the_summary_counts():
    output = load()

    summary = load_demo()
    assert f"topics: {summary.topics}," in output
    assert (
        f"articles: {summary.articles} (published {summary.published}, "
        f"scheduled {summary.scheduled}, in review {summary.in_review}, "
        f"draft {summary.drafts}; in English {summary.translated})"
    ) in output
    assert summary.articles == Article.objects.count()
    assert summary.sections == Section.objects.count()


# --- The content --------------------------------------------------------------


def test_topics_authors_people_and_tags_are_bilingual():
    load()

    topics = list(Topic.objects.all())
    assert len(topics) >= 4
    assert [t.position for t in topics] == sorted({t.position for t in topics})
    assert all(t.name_ar and t.name_en and t.slug_ar for t in topics)
    assert all(t.slug_en.isascii() for t in topics)
    assert Author.objects.exclude(name_en=None).exclude(bio_ar="").count() >= 4
    assert Tag.objects.exclude(name_en=None).count() >= 8
    assert all(tag.slug_en.isascii() for tag in Tag.objects.all())
    assert all(person.name_en and person.role_ar for person in Person.objects.all())


def test_demo_has_translated_and_arabic_only_articles():
    load()

    assert Article.objects.count() >= 12
    translated = Article.objects.exclude(headline_en=None)
    arabic_only = Article.objects.filter(headline_en=None)
    assert translated.count() >= 3
    assert arabic_only.count() >= 3
    assert all(a.slug_en and a.slug_en.isascii() for a in translated)
    # NULL, not "": the per-language unique slug must allow many of these.
    assert set(arabic_only.values_list("slug_en", flat=True)) == {None}


def test_translated_articles_are_translated_throughout():
    load()

    for article in Article.objects.exclude(headline_en=None):
        assert article.standfirst_en, article.slug_en
        for section in article.sections.all():
            assert section.body_en.startswith("<p>"), (article.slug_en, section)
            assert bool(section.heading_en) == bool(section.heading_ar)
        assert all(quote.text_en for quote in article.quotes.all())


def test_readers_see_neither_the_scheduled_article_nor_the_unpublished_ones():
    load()

    scheduled = Article.objects.filter(
        status=Status.PUBLISHED, published_at__gt=timezone.now()
    )
    assert scheduled.count() == 1
    assert scheduled.get().published_at > timezone.now() + timedelta(days=2)
    assert Article.objects.filter(status=Status.DRAFT).count() == 1
    unpublished = Article.objects.exclude(status=Status.PUBLISHED)
    hidden = [*scheduled, *unpublished]
    assert (
        not Article.objects.published().filter(pk__in=[a.pk for a in hidden]).exists()
    )
    visible = Article.objects.published().count()
    assert visible == Article.objects.count() - len(hidden)


def test_published_articles_are_staggered_over_the_past_three_weeks():
    load()

    times = list(Article.objects.published().values_list("published_at", flat=True))
    assert len(times) >= 10
    assert len(set(times)) == len(times)
    assert min(times) > timezone.now() - timedelta(days=21)


def test_images_are_stored_with_their_dimensions():
    load()

    images = list(Image.objects.all())
    assert 5 <= len(images) <= 6
    for image in images:
        assert (image.width, image.height) == (1600, 900)
        assert image.file.storage.exists(image.file.name)
        assert image.alt_text_ar and image.alt_text_en
        assert image.credit == "Newsroom illustration"
    assert Article.objects.exclude(hero_image=None).count() >= 10
    assert Section.objects.exclude(image=None).exists()


def test_every_article_opens_with_an_unheaded_lead_then_headed_sections():
    load()

    for article in Article.objects.prefetch_related("sections"):
        lead, *rest = article.sections.all()
        assert not lead.heading_ar, article.slug
        assert 2 <= len(rest) <= 3, article.slug
        assert all(section.heading_ar for section in rest), article.slug
        assert all(s.body_ar.startswith("<p>") for s in [lead, *rest])


def test_section_links_are_sanitised_on_save():
    load()

    linked = Section.objects.filter(body_ar__contains="<a href")
    assert linked.exists()
    assert all('rel="noopener noreferrer"' in s.body_ar for s in linked)


def test_every_article_has_quotes_and_pull_quotes_follow_a_section():
    load()

    for article in Article.objects.all():
        assert article.quotes.exists(), article.slug
    pulls = Quote.objects.filter(kind=QuoteKind.PULL)
    assert pulls.exists()
    assert not pulls.filter(after_section=None).exists()
    assert not pulls.exclude(speaker=None).exists()
    assert not Quote.objects.filter(kind=QuoteKind.ATTRIBUTED, speaker=None).exists()
    for quote in Quote.objects.exclude(after_section=None):
        assert quote.after_section.article_id == quote.article_id


def test_some_people_are_quoted_in_several_articles():
    load()

    quoted_across = [
        person
        for person in Person.objects.all()
        if person.quotes.values("article").distinct().count() >= 2
    ]
    assert len(quoted_across) >= 3


def test_bylines_keep_their_order():
    load()

    article = Article.objects.get(slug_en="wadi-pay-gateway-flaw-exposed-merchant-data")
    bylines = ArticleAuthor.objects.filter(article=article)
    assert [b.author.slug for b in bylines] == ["salma-bouzid", "youssef-alkhatib"]
    assert [b.position for b in bylines] == [1, 2]


def test_demo_has_provenance_and_a_bilingual_correction():
    load()

    syndicated = Article.objects.filter(source_language="en").exclude(translator="")
    assert syndicated.exists()
    assert all(a.source_publisher and a.source_url for a in syndicated)
    correction = Correction.objects.get()
    assert correction.text_ar and correction.text_en
    assert correction.noted_at > correction.article.published_at


# --- Reader pages -------------------------------------------------------------


def test_arabic_home_lists_the_published_demo_headlines(client):
    load()

    response = client.get("/ar/")

    assert response.status_code == 200
    html = response.content.decode()
    for article in Article.objects.published():
        assert escape(article.headline_ar) in html
    for article in Article.objects.exclude(pk__in=Article.objects.published()):
        assert escape(article.headline_ar) not in html


def test_english_home_shows_english_headlines(client):
    load()

    response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    translated = Article.objects.published().exclude(headline_en=None)
    assert translated.exists()
    for article in translated:
        assert escape(article.headline_en) in html


def test_arabic_article_page_shows_its_section_headings(client):
    load()
    article = Article.objects.get(
        slug_en="qalam-labs-releases-open-weights-arabic-model"
    )
    with translation.override("ar"):
        url = reverse("articles:detail", kwargs={"slug": article.slug_ar})
    assert url.startswith("/ar/articles/")

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    headings = article.sections.exclude(heading_ar="").values_list(
        "heading_ar", flat=True
    )
    assert len(headings) == 3
    for heading in headings:
        assert escape(heading) in html
    assert escape(article.quotes.get(kind=QuoteKind.PULL).text_ar) in html


def test_english_article_page_shows_english_section_headings(client):
    load()
    article = Article.objects.get(slug_en="wadi-pay-gateway-flaw-exposed-merchant-data")

    response = client.get(f"/en/articles/{article.slug_en}/")

    assert response.status_code == 200
    html = response.content.decode()
    for section in article.sections.exclude(heading_en=None):
        assert escape(section.heading_en) in html
    assert escape(article.corrections.get().text_en) in html


def test_scheduled_demo_article_page_is_not_found(client):
    load()
    article = Article.objects.get(
        status=Status.PUBLISHED, published_at__gt=timezone.now()
    )

    response = client.get(f"/en/articles/{article.slug_en}/")

    assert response.status_code == 404
