"""How complete and how current each article's English version is, in the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Section, TranslationStatus
from tests.admin_forms import admin_errors, form_data, page
from tests.factories import ArticleFactory, QuoteFactory, SectionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def translated_article(**kwargs) -> Article:
    """An article with every Arabic text translated into English."""
    article = ArticleFactory(
        headline_en="Why Microsoft needs the OpenAI team",
        standfirst_en="A short standfirst.",
        **kwargs,
    )
    SectionFactory(
        article=article, position=0, heading_en="Timeline", body_en="<p>Friday</p>"
    )
    QuoteFactory(article=article, text_en="A saying.", speaker_role_en="CEO")
    return article


def status_of(article: Article) -> str:
    return Article.objects.get(pk=article.pk).translation_status


def listed_statuses(client, **params) -> dict[str, str]:
    """Each listed article's headline and the status its English column shows."""
    html = page(client.get(reverse(CHANGELIST), params))
    rows = {}
    for row in html.select("#result_list tbody tr"):
        headline = row.select_one("th a, td a").get_text(strip=True)
        badge = row.select_one(".field-english_translation .translation-status")
        rows[headline] = next(
            cls.removeprefix("translation-status-")
            for cls in badge["class"]
            if cls.startswith("translation-status-")
        )
    return rows


def save_in_admin(client, article: Article, **changes: str):
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(client.get(url), "article_form")
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, admin_errors(response)


def test_article_with_everything_translated_is_complete():
    assert status_of(translated_article()) == TranslationStatus.COMPLETE


def test_article_with_some_english_is_partial():
    article = ArticleFactory(headline_en="Only the headline")
    SectionFactory(article=article, position=0)

    assert status_of(article) == TranslationStatus.PARTIAL


def test_article_without_english_is_missing():
    article = ArticleFactory()
    SectionFactory(article=article, position=0)

    assert status_of(article) == TranslationStatus.MISSING


def test_a_section_added_without_english_makes_a_complete_article_partial():
    article = translated_article()

    SectionFactory(article=article, position=1)

    assert status_of(article) == TranslationStatus.PARTIAL


def test_deleting_the_untranslated_section_makes_the_article_complete_again():
    article = translated_article()
    untranslated = SectionFactory(article=article, position=1)

    untranslated.delete()

    assert status_of(article) == TranslationStatus.COMPLETE


def test_an_empty_editor_paragraph_counts_as_no_english():
    article = ArticleFactory(headline_en="Headline", standfirst_en="Standfirst")
    SectionFactory(
        article=article, position=0, heading_ar="", body_en="<p></p>", heading_en=""
    )

    assert status_of(article) == TranslationStatus.PARTIAL


def test_changing_the_arabic_after_the_english_makes_it_stale_until_retranslated(
    editor_client,
):
    article = translated_article()
    assert status_of(article) == TranslationStatus.COMPLETE

    save_in_admin(editor_client, article, headline_ar="عنوان جديد بعد الترجمة")

    assert status_of(article) == TranslationStatus.STALE
    assert listed_statuses(editor_client)["عنوان جديد بعد الترجمة"] == "stale"

    save_in_admin(editor_client, article, headline_en="A new headline, retranslated")

    assert status_of(article) == TranslationStatus.COMPLETE
    assert listed_statuses(editor_client)["عنوان جديد بعد الترجمة"] == "complete"


def test_changing_arabic_and_english_together_is_not_stale(editor_client):
    article = translated_article()

    save_in_admin(
        editor_client,
        article,
        **{
            "sections-0-body_ar": "<p>نص جديد</p>",
            "sections-0-body_en": "<p>New text</p>",
        },
    )

    assert status_of(article) == TranslationStatus.COMPLETE


def test_a_changed_arabic_section_body_makes_the_article_stale(editor_client):
    article = translated_article()

    save_in_admin(editor_client, article, **{"sections-0-body_ar": "<p>تعديل</p>"})

    assert status_of(article) == TranslationStatus.STALE


def test_a_quote_changed_in_arabic_by_a_plain_save_makes_the_article_stale():
    article = translated_article()
    quote = article.quotes.get()

    quote.text_ar = "قول معدل"
    quote.save()

    assert status_of(article) == TranslationStatus.STALE


def test_the_change_form_marks_stale_english_fields(editor_client):
    article = translated_article()
    section = Section.objects.get(article=article)
    section.body_ar = "<p>نص عربي معدل</p>"
    section.save()

    html = page(
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )

    stale = {field["name"] for field in html.select(".translation-stale[name]")}
    assert stale == {"sections-0-body_en"}
    note = html.find(id="id_sections-0-body_en_helptext")
    assert "translation-stale-note" in str(note)
    assert "translation-stale" not in html.find(id="id_headline_en")["class"]


def test_the_change_form_marks_nothing_when_translations_are_current(editor_client):
    article = translated_article()

    html = page(
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )

    assert html.select(".translation-stale") == []


@pytest.mark.parametrize("status", TranslationStatus.values)
def test_the_article_list_filters_by_english_status(editor_client, status):
    complete = translated_article(headline_ar="مكتمل")
    partial = ArticleFactory(headline_ar="جزئي", headline_en="Partial")
    missing = ArticleFactory(headline_ar="مفقود")
    stale = translated_article(headline_ar="قديم")
    stale.headline_ar = "قديم معدل"
    stale.save()
    expected = {
        "complete": {complete.headline_ar: "complete"},
        "partial": {partial.headline_ar: "partial"},
        "missing": {missing.headline_ar: "missing"},
        "stale": {stale.headline_ar: "stale"},
    }

    assert listed_statuses(editor_client, translation=status) == expected[status]


def test_the_article_list_shows_every_status_without_a_filter(editor_client):
    translated_article(headline_ar="مكتمل")
    ArticleFactory(headline_ar="مفقود")

    assert listed_statuses(editor_client) == {
        "مكتمل": "complete",
        "مفقود": "missing",
    }


def test_a_junk_status_in_the_url_filters_nothing(editor_client):
    translated_article(headline_ar="مكتمل")
    ArticleFactory(headline_ar="مفقود")

    response = editor_client.get(reverse(CHANGELIST), {"translation": "<junk>"})

    assert response.status_code == 200
    assert len(page(response).select("#result_list tbody tr")) == 2


def test_the_status_filter_runs_in_sql_with_the_same_queries_for_any_list_size(
    editor_client, django_assert_num_queries
):
    def articles(count: int) -> None:
        for _ in range(count):
            translated_article()

    url = reverse(CHANGELIST)
    articles(2)
    with CaptureQueriesContext(connection) as small:
        assert editor_client.get(url, {"translation": "complete"}).status_code == 200
    articles(10)

    # Whatever else the page asks (session, user, counts, the page of rows,
    # the date drill-down), the English column and filter add no query per row.
    with django_assert_num_queries(len(small.captured_queries)) as large:
        response = editor_client.get(url, {"translation": "complete"})

    assert len(page(response).select("#result_list tbody tr")) == 12
    assert any(
        "translation_status" in query["sql"] and "WHERE" in query["sql"]
        for query in large.captured_queries
    )


def stale_article(**kwargs) -> Article:
    article = translated_article(**kwargs)
    article.headline_ar = f"{article.headline_ar} معدل"
    article.save()
    assert status_of(article) == TranslationStatus.STALE
    return article


def confirm_in_list(client, *articles: Article):
    return client.post(
        reverse(CHANGELIST),
        {
            "action": "confirm_translation",
            "_selected_action": [str(article.pk) for article in articles],
        },
    )


def test_a_checked_translation_can_be_marked_up_to_date_from_the_list(
    editor_client,
):
    article = stale_article()

    response = confirm_in_list(editor_client, article)

    assert response.status_code == 302
    assert status_of(article) == TranslationStatus.COMPLETE
    html = page(
        editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    )
    assert html.select(".translation-stale") == []


def test_marking_up_to_date_keeps_missing_english_missing(editor_client):
    article = stale_article()
    SectionFactory(article=article, position=1)

    confirm_in_list(editor_client, article)

    assert status_of(article) == TranslationStatus.PARTIAL


def test_a_writer_cannot_mark_someone_elses_published_translation_up_to_date(
    client, django_user_model
):
    article = stale_article()
    writer = django_user_model.objects.create_user(
        username="writer", password="x", is_staff=True
    )
    writer.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "change_article"],
        )
    )
    client.force_login(writer)

    confirm_in_list(client, article)

    assert status_of(article) == TranslationStatus.STALE
