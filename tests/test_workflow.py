"""The newsroom's workflow through the admin: review, the publishing checklist,
scheduling, previews, two people on one article, corrections, and a list that
stays quick on a big table."""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Correction, Section, Status
from articles.pagination import EstimatedCountPaginator
from tests.admin_forms import admin_errors, form_data, page
from tests.factories import ArticleFactory, TopicFactory
from tests.workflow_support import (
    change_url,
    changelist_url,
    hero_image,
    member,
    messages_of,
    ready_article,
)

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def writer():
    return member("Writers", "wafa")


@pytest.fixture
def editor():
    return member("Editors", "hala")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def in_english(url_name: str, *args) -> str:
    """An admin URL whose pages and messages are in English, for comparing text."""
    with translation.override("en"):
        return reverse(url_name, args=args)


def post_form(client, url: str, **changes):
    data = form_data(client.get(url), "article_form")
    data.update(changes)
    return client.post(url, data)


# Review -----------------------------------------------------------------------


def test_writer_submits_a_draft_for_review_with_the_form_button(writer):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=writer)
    client = client_for(writer)

    response = post_form(
        client, change_url(article), headline_ar="جاهز للمراجعة", _submit_for_review="1"
    )

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert (article.status, article.headline_ar) == (Status.IN_REVIEW, "جاهز للمراجعة")


def test_submit_action_moves_drafts_only(writer):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    live = ArticleFactory()

    response = client_for(writer).post(
        in_english("admin:articles_article_changelist"),
        {
            "action": "submit_selected_for_review",
            "_selected_action": [draft.pk, live.pk],
        },
        follow=True,
    )

    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.status, live.status) == (Status.IN_REVIEW, Status.PUBLISHED)
    assert "1 article submitted for review." in messages_of(response)


def test_editor_sees_what_waits_for_review_and_filters_it(editor):
    waiting = ArticleFactory(status=Status.IN_REVIEW, published_at=None)
    ArticleFactory(status=Status.DRAFT, published_at=None)
    ArticleFactory()
    client = client_for(editor)

    notice = page(client.get(in_english("admin:articles_article_changelist")))
    filtered = client.get(changelist_url(), {"state": "review"})

    link = notice.select_one(".workflow-notice a")
    assert link.get_text(strip=True) == "One article is waiting for review."
    assert link["href"] == "?state=review"
    assert list(filtered.context["cl"].result_list) == [waiting]


def test_junk_in_the_list_filters_is_ignored(editor):
    response = client_for(editor).get(changelist_url(), {"state": "<script>"})

    assert response.status_code in {200, 302}


# The publishing checklist -------------------------------------------------------


def test_publishing_an_unready_article_lists_everything_missing_and_keeps_edits(
    editor,
):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, topic=None)
    url = in_english("admin:articles_article_change", article.pk)
    client = client_for(editor)

    response = post_form(client, url, standfirst_ar="مقدمة جديدة", status="published")

    assert response.status_code == 302, admin_errors(response)
    assert response["Location"] == url  # back to the form, where to fix it
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.standfirst_ar == "مقدمة جديدة"
    shown = messages_of(client.get(url))
    assert any(
        "was not published: it still needs at least one section with text, "
        "a hero image and a topic." in message
        for message in shown
    ), shown


@pytest.mark.parametrize(
    ("lack", "missing"),
    [
        ("headline", "a headline"),
        ("sections", "at least one section with text"),
        ("empty_section", "at least one section with text"),
        ("hero_image", "a hero image"),
        ("alt_text", "alt text for the hero image"),
        ("topic", "a topic"),
    ],
)
def test_publish_action_names_the_one_thing_missing(editor, lack, missing):
    article = ready_article()
    if lack == "headline":
        Article.objects.filter(pk=article.pk).update(headline_ar="", headline_en=None)
    elif lack == "sections":
        Section.objects.filter(article=article).delete()
    elif lack == "empty_section":
        Section.objects.filter(article=article).update(body_ar="<p>&nbsp;</p>")
    elif lack == "hero_image":
        Article.objects.filter(pk=article.pk).update(hero_image=None)
    elif lack == "alt_text":
        article.hero_image.alt_text_ar = " "
        article.hero_image.save()
    elif lack == "topic":
        Article.objects.filter(pk=article.pk).update(topic=None)

    response = client_for(editor).post(
        in_english("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
        follow=True,
    )

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    errors = [m for m in messages_of(response) if "was not published" in m]
    assert len(errors) == 1
    assert errors[0].endswith(f"it still needs {missing}."), errors


def test_publish_action_publishes_the_ready_and_reports_the_rest(editor):
    ready = ready_article()
    unready = ArticleFactory(status=Status.IN_REVIEW, published_at=None, topic=None)

    response = client_for(editor).post(
        in_english("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )

    ready.refresh_from_db()
    unready.refresh_from_db()
    assert ready.is_published
    assert unready.status == Status.IN_REVIEW
    assert "1 article published." in messages_of(response)


def test_change_form_shows_what_publishing_still_needs(editor):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, topic=None)

    html = page(
        client_for(editor).get(in_english("admin:articles_article_change", article.pk))
    )

    items = [li.get_text(strip=True) for li in html.select(".workflow-checklist li")]
    assert items == ["at least one section with text", "a hero image", "a topic"]


def test_editor_publishes_a_ready_article_now_with_the_button(editor):
    article = ready_article()

    with time_machine.travel(NOON, tick=False):
        response = post_form(client_for(editor), change_url(article), _publish="1")

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.PUBLISHED, NOON)


def test_editor_publishes_with_sections_written_in_the_same_save(editor):
    article = ArticleFactory(
        status=Status.DRAFT, published_at=None, hero_image=hero_image()
    )

    response = post_form(
        client_for(editor),
        change_url(article),
        status="published",
        **{
            "sections-TOTAL_FORMS": "1",
            "sections-0-position": "0",
            "sections-0-body_ar": "<p>كتب وينشر في حفظة واحدة.</p>",
        },
    )

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert article.is_published


# Scheduling -------------------------------------------------------------------


def test_editor_schedules_an_article_that_readers_see_only_from_its_time(editor):
    article = ready_article()
    client = client_for(editor)

    with time_machine.travel(NOON, tick=False):
        response = post_form(
            client,
            change_url(article),
            status="published",
            published_at_0="2026-05-02",
            published_at_1="09:00:00",
        )
        assert response.status_code == 302, admin_errors(response)
        listed = page(client.get(in_english("admin:articles_article_changelist")))
        reader_before = Client().get(article.get_absolute_url("ar"))

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at == dt.datetime(2026, 5, 2, 9, 0, tzinfo=dt.UTC)
    state = listed.select_one(".workflow-state-scheduled")
    assert state is not None and state.get_text(strip=True) == "Scheduled"
    assert reader_before.status_code == 404
    with time_machine.travel(dt.datetime(2026, 5, 2, 9, 0, 1, tzinfo=dt.UTC)):
        assert Client().get(article.get_absolute_url("ar")).status_code == 200


def test_scheduled_and_live_articles_filter_apart(editor):
    with time_machine.travel(NOON, tick=False):
        live = ArticleFactory(published_at=NOON - dt.timedelta(hours=1))
        later = ArticleFactory(published_at=NOON + dt.timedelta(hours=1))
        client = client_for(editor)

        scheduled = client.get(changelist_url(), {"state": "scheduled"})
        published = client.get(changelist_url(), {"state": "live"})

    assert list(scheduled.context["cl"].result_list) == [later]
    assert list(published.context["cl"].result_list) == [live]


def test_a_live_article_cannot_lose_its_publication_time(editor):
    article = ready_article(status=Status.PUBLISHED, published_at=NOON)

    response = post_form(
        client_for(editor), change_url(article), published_at_0="", published_at_1=""
    )

    assert response.status_code == 200
    assert "published_at" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.published_at == NOON


# Preview ----------------------------------------------------------------------


def preview_url(article: Article, language: str = "ar") -> str:
    with translation.override(language):
        return reverse("articles:preview", kwargs={"pk": article.pk})


def signed_link(editor, article: Article) -> str:
    html = page(client_for(editor).get(change_url(article)))
    return html.find("input", id="preview-link-ar")["value"]


def test_staff_preview_shows_a_draft_as_readers_will_see_it(writer):
    article = ready_article(headline_ar="مسودة للمعاينة")

    response = client_for(writer).get(preview_url(article))

    assert response.status_code == 200
    html = page(response)
    assert html.select_one(".preview-banner")
    assert html.find("h1").get_text(strip=True) == "مسودة للمعاينة"
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_preview_of_a_published_article_is_the_reader_page_with_a_banner(writer):
    article = ready_article(status=Status.PUBLISHED, published_at=NOON)

    reader = page(Client().get(article.get_absolute_url("ar")))
    preview = page(client_for(writer).get(preview_url(article)))

    def body(html):
        parts = [html.select_one(".article-header"), *html.select(".section")]
        return [str(part) for part in parts]

    assert body(preview) == body(reader)
    assert not reader.select_one(".preview-banner")


def test_staff_preview_asks_a_visitor_to_log_in(client):
    article = ready_article()

    response = client.get(preview_url(article))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_change_form_offers_a_preview_link_that_works_without_logging_in(editor):
    article = ready_article(headline_ar="للعرض الخارجي")

    link = signed_link(editor, article)
    response = Client().get(link)

    assert link.startswith("http://testserver/ar/preview/link/")
    assert response.status_code == 200
    html = page(response)
    assert html.find("h1").get_text(strip=True) == "للعرض الخارجي"
    assert html.select_one(".preview-banner")
    assert "no-store" in response["Cache-Control"]


def test_preview_link_expires_after_two_days(editor):
    article = ready_article()
    with time_machine.travel(NOON, tick=False):
        link = signed_link(editor, article)
    with time_machine.travel(NOON + dt.timedelta(hours=47), tick=False):
        still_valid = Client().get(link)
    with time_machine.travel(NOON + dt.timedelta(hours=49), tick=False):
        expired = Client().get(link)

    assert still_valid.status_code == 200
    assert expired.status_code == 410
    assert page(expired).find("h1").get_text(strip=True)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: str(int(token.split(":")[0]) + 1) + token[token.index(":") :],
        lambda token: "junk",
        lambda token: token.split(":")[0],
    ],
    ids=["signature", "article", "junk", "unsigned"],
)
def test_altered_preview_link_is_refused_clearly(editor, tamper):
    article = ready_article()
    ArticleFactory(status=Status.DRAFT, published_at=None)  # the next pk exists
    token = signed_link(editor, article).rstrip("/").rsplit("/", 1)[1]

    with translation.override("ar"):
        url = reverse("articles:preview_link", kwargs={"token": tamper(token)})
    response = Client().get(url)

    assert response.status_code == 403
    assert page(response).find("h1")


def test_preview_link_of_a_deleted_article_is_not_found(editor):
    article = ready_article()
    link = signed_link(editor, article)
    article.delete()

    assert Client().get(link).status_code == 404


# Two people on one article ------------------------------------------------------


def test_second_save_over_a_newer_version_is_refused_and_keeps_its_text(editor):
    article = ready_article(headline_ar="الأصل")
    colleague = member("Editors", "karim")
    first, second = client_for(editor), client_for(colleague)
    first_data = form_data(first.get(change_url(article)), "article_form")
    second_data = form_data(second.get(change_url(article)), "article_form")
    first_data["headline_ar"] = "نسخة هالة"
    second_data["headline_ar"] = "نسخة كريم"
    second_data["sections-0-body_ar"] = "<p>فقرة كريم الجديدة</p>"

    saved = first.post(change_url(article), first_data)
    refused = second.post(change_url(article), second_data)

    assert saved.status_code == 302, admin_errors(saved)
    assert refused.status_code == 200
    form = refused.context["adminform"].form
    assert [e.code for e in form.non_field_errors().as_data()] == ["outdated"]
    html = page(refused)
    assert html.select_one(".errornote")
    assert html.find("input", attrs={"name": "headline_ar"})["value"] == "نسخة كريم"
    body = html.find("textarea", attrs={"name": "sections-0-body_ar"}).get_text()
    assert "فقرة كريم الجديدة" in body
    article.refresh_from_db()
    assert article.headline_ar == "نسخة هالة"
    assert article.sections.get().body_ar == "<p>نص المقال.</p>"


def test_a_change_to_sections_alone_also_refuses_an_older_form(editor):
    article = ready_article()
    colleague = member("Editors", "karim")
    first, second = client_for(editor), client_for(colleague)
    first_data = form_data(first.get(change_url(article)), "article_form")
    second_data = form_data(second.get(change_url(article)), "article_form")
    first_data["sections-0-body_ar"] = "<p>تعديل في القسم فقط</p>"
    second_data["headline_ar"] = "عنوان آخر"

    assert first.post(change_url(article), first_data).status_code == 302
    refused = second.post(change_url(article), second_data)

    assert refused.status_code == 200
    article.refresh_from_db()
    assert article.headline_ar != "عنوان آخر"


def test_a_section_saved_on_its_own_page_refuses_an_older_article_form(editor):
    article = ready_article()
    section = article.sections.get()
    client = client_for(editor)
    article_data = form_data(client.get(change_url(article)), "article_form")
    section_url = reverse("admin:articles_section_change", args=[section.pk])
    section_data = form_data(client.get(section_url), "section_form")
    section_data["body_ar"] = "<p>من صفحة القسم</p>"

    assert client.post(section_url, section_data).status_code == 302
    article_data["headline_ar"] = "عنوان قديم الأساس"
    refused = client.post(change_url(article), article_data)

    assert refused.status_code == 200
    assert Section.objects.get(pk=section.pk).body_ar == "<p>من صفحة القسم</p>"


def test_a_fresh_form_after_a_refusal_saves(editor):
    article = ready_article()
    stale = form_data(client_for(editor).get(change_url(article)), "article_form")
    article.headline_ar = "تعديل آخر"
    article.save()
    client = client_for(editor)

    refused = client.post(change_url(article), {**stale, "headline_ar": "لي"})
    saved = post_form(client, change_url(article), headline_ar="لي بعد التحديث")

    assert refused.status_code == 200
    assert saved.status_code == 302, admin_errors(saved)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="parallel saves need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_saves_sent_at_the_same_moment_are_judged_one_after_the_other(
    django_user_model,
):
    # Superusers: a transactional test empties the tables, groups included.
    people = [
        django_user_model.objects.create_superuser(f"editor-{n}", password=None)
        for n in range(2)
    ]
    article = ready_article()
    clients = [client_for(person) for person in people]
    forms = [form_data(c.get(change_url(article)), "article_form") for c in clients]
    for n, data in enumerate(forms):
        data["headline_ar"] = f"نسخة {n}"
    start = threading.Barrier(len(clients))

    def save(n: int) -> int:
        start.wait()
        try:
            return clients[n].post(change_url(article), forms[n]).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(len(clients)) as pool:
        codes = sorted(pool.map(save, range(len(clients))))

    assert codes == [200, 302]
    article.refresh_from_db()
    assert article.headline_ar in {"نسخة 0", "نسخة 1"}


# Corrections ------------------------------------------------------------------


def test_editor_adds_a_dated_correction_in_both_languages_that_moves_updated_at(
    editor,
):
    with time_machine.travel(NOON, tick=False):
        article = ready_article(status=Status.PUBLISHED, published_at=NOON)
    later = NOON + dt.timedelta(days=1)

    with time_machine.travel(later, tick=False):
        response = post_form(
            client_for(editor),
            change_url(article),
            **{
                "corrections-TOTAL_FORMS": "1",
                "corrections-0-kind": "correction",
                "corrections-0-text_ar": "صُحّح اسم الشركة.",
                "corrections-0-text_en": "The company's name was corrected.",
            },
        )
    reader = Client().get(article.get_absolute_url("ar"))

    assert response.status_code == 302, admin_errors(response)
    correction = Correction.objects.get(article=article)
    assert (correction.text_ar, correction.text_en) == (
        "صُحّح اسم الشركة.",
        "The company's name was corrected.",
    )
    assert correction.noted_at == later
    article.refresh_from_db()
    assert article.updated_at == later
    assert "صُحّح اسم الشركة." in page(reader).get_text()


def test_corrections_are_offered_on_published_articles_only(editor):
    draft = ready_article()
    live = ready_article(status=Status.PUBLISHED, published_at=NOON)
    client = client_for(editor)

    def offers_corrections(article) -> bool:
        html = page(client.get(change_url(article)))
        return html.find(attrs={"name": "corrections-__prefix__-text_ar"}) is not None

    assert not offers_corrections(draft)
    assert offers_corrections(live)


# A quick list on a big table ------------------------------------------------------


def add_articles(count: int) -> None:
    topic = TopicFactory()
    start = Article.objects.count()
    Article.objects.bulk_create(
        Article(
            headline_ar=f"خبر رقم {n}",
            slug_ar=f"khabar-{n}",
            slug=f"khabar-{n}",
            topic=topic,
            status=Status.PUBLISHED,
            published_at=NOON - dt.timedelta(minutes=n),
        )
        for n in range(start, start + count)
    )


def test_article_list_costs_the_same_queries_for_10_and_1000_articles(
    editor, django_assert_num_queries
):
    client = client_for(editor)
    add_articles(10)
    client.get(changelist_url())  # the session and permissions warmed up alike

    # Session, user, the user's and their groups' permissions (2), articles
    # waiting for review, a savepoint (reversion's revision block), the topics
    # for the topic filter, the count, the page of articles with their topics,
    # the savepoint's release, the date hierarchy's first and last dates, and
    # the dates it offers; on PostgreSQL first the table's row estimate too.
    budget = 13 if connection.vendor == "postgresql" else 12
    with django_assert_num_queries(budget):
        small = client.get(changelist_url())
    add_articles(990)
    with CaptureQueriesContext(connection) as big:
        large = client.get(changelist_url())

    assert small.status_code == large.status_code == 200
    assert len(big) == budget
    assert len(large.context["cl"].result_list) == 100


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the row estimate is PostgreSQL's"
)
def test_unfiltered_list_of_a_big_table_is_estimated_not_counted(editor, monkeypatch):
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 500)
    add_articles(1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    client = client_for(editor)

    with CaptureQueriesContext(connection) as queries:
        unfiltered = client.get(changelist_url())
    filtered = client.get(changelist_url(), {"state": "live"})

    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert all("WHERE" in sql.upper() for sql in counts), counts  # only filtered ones
    assert 900 <= unfiltered.context["cl"].result_count <= 1100
    assert filtered.context["cl"].result_count == 1000


def test_own_articles_filter_lists_what_the_writer_started_or_signs(writer):
    mine = ArticleFactory(created_by=writer)
    ArticleFactory()

    response = client_for(writer).get(changelist_url(), {"mine": "1"})

    assert list(response.context["cl"].result_list) == [mine]
