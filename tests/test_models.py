import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from articles.models import Article, Section, Status, Topic
from tests.factories import ArticleFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def test_published_excludes_draft_review_and_archived_articles():
    visible = ArticleFactory()
    for status in (Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED):
        ArticleFactory(status=status)

    assert list(Article.objects.published()) == [visible]


def test_published_article_without_a_time_is_invisible():
    ArticleFactory(published_at=None)

    assert not Article.objects.published().exists()


def test_scheduled_article_is_invisible_until_its_time():
    with time_machine.travel(NOON, tick=False):
        article = ArticleFactory(published_at=NOON + dt.timedelta(minutes=30))
        assert not Article.objects.published().exists()
        assert not article.is_published

    with time_machine.travel(NOON + dt.timedelta(minutes=30), tick=False):
        assert list(Article.objects.published()) == [article]
        assert article.is_published


def test_publish_sets_status_and_keeps_a_scheduled_time():
    later = timezone.now() + dt.timedelta(days=1)
    article = ArticleFactory(status=Status.DRAFT, published_at=later)

    article.publish()

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at == later


def test_status_outside_the_fixed_set_is_refused_by_the_database():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status="deleted")


def test_slug_is_unique_within_a_language():
    ArticleFactory(slug_ar="خبر", slug_en="news")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug_ar="خبر", slug_en="other")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(slug_ar="خبر-آخر", slug_en="news")


def test_many_articles_may_lack_an_english_slug():
    ArticleFactory(slug_ar="أول")
    ArticleFactory(slug_ar="ثان")

    assert Article.objects.filter(slug_en__isnull=True).count() == 2


def test_the_same_slug_may_serve_both_languages_of_different_articles():
    ArticleFactory(slug_ar="ai", slug_en="one")
    ArticleFactory(slug_ar="two", slug_en="ai")

    assert Article.objects.count() == 2


def test_section_position_is_unique_per_article():
    section = SectionFactory(position=1)
    SectionFactory(position=1)  # another article may use the same position
    with pytest.raises(IntegrityError), transaction.atomic():
        SectionFactory(article=section.article, position=1)


def test_english_page_falls_back_to_arabic_text_of_an_untranslated_field():
    article = ArticleFactory(headline_ar="لماذا تحتاج Microsoft إلى Sam Altman؟")

    with translation.override("en"):
        assert article.headline == "لماذا تحتاج Microsoft إلى Sam Altman؟"
    assert not article.has_language("en")


def test_translated_field_reads_the_active_language():
    article = ArticleFactory(headline_ar="سحابة", headline_en="Cloud")

    with translation.override("en"):
        assert article.headline == "Cloud"
        assert Article.objects.filter(headline="Cloud").get() == article
    with translation.override("ar"):
        assert article.headline == "سحابة"
    assert article.has_language("en")


@pytest.mark.parametrize(
    "hostile",
    [
        "<p>نص<script>alert(1)</script></p>",
        '<p onclick="steal()">نص</p>',
        '<p><a href="javascript:alert(1)">نص</a></p>',
        '<p><img src="data:image/png;base64,AAAA" onerror="x()">نص</p>',
        '<p style="position:fixed">نص</p><iframe src="https://evil.test"></iframe>',
    ],
)
def test_section_body_is_sanitised_on_every_orm_save(hostile):
    section = SectionFactory(body_ar=hostile, body_en=hostile)
    stored = Section.objects.get(pk=section.pk)

    for body in (stored.body_ar, stored.body_en):
        lowered = body.lower()
        for marker in (
            "script",
            "onclick",
            "javascript:",
            "data:",
            "onerror",
            "style",
            "iframe",
        ):
            assert marker not in lowered
        assert "نص" in body


def test_section_body_keeps_allowed_markup_and_marks_links_safe():
    section = SectionFactory(
        body_ar='<p><strong>قوي</strong> <a href="https://example.com/x">رابط</a></p>'
    )
    section.refresh_from_db()

    assert "<strong>قوي</strong>" in section.body_ar
    assert 'href="https://example.com/x"' in section.body_ar
    assert 'rel="noopener noreferrer"' in section.body_ar


def test_topics_are_ordered_by_position():
    second = TopicFactory(position=2)
    first = TopicFactory(position=1)

    assert list(Topic.objects.all()) == [first, second]


def article_updates(queries) -> int:
    return sum(q["sql"].startswith('UPDATE "articles_article"') for q in queries)


def test_parts_saved_in_a_batch_refresh_their_article_once():
    article = ArticleFactory()
    with CaptureQueriesContext(connection) as batched:
        with article.refreshing_once():
            for position in range(20):
                SectionFactory(
                    article=article, position=position, body_ar=f"<p>كلمة{position}</p>"
                )

    # The search text, then the translation status: once, not once per section.
    assert article_updates(batched.captured_queries) <= 2
    article.refresh_from_db()
    assert "كلمه19" in article.search_text_ar
    assert "كلمه0" in article.search_text_ar


def test_a_part_saved_alone_refreshes_its_article_at_once():
    article = ArticleFactory()

    SectionFactory(article=article, position=0, body_ar="<p>سحابة</p>")

    article.refresh_from_db()
    assert "سحابه" in article.search_text_ar
