"""The role matrix: what writers, editors and moderators can and cannot do in
the admin, including requests that post what the interface never offers."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles.models import Article, Correction, Section, Status
from tests.admin_forms import admin_errors, form_data, page
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, add_byline
from tests.workflow_support import change_url, changelist_url, member, ready_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer():
    return member("Writers", "wafa")


@pytest.fixture
def other_writer():
    return member("Writers", "omar")


@pytest.fixture
def editor():
    return member("Editors", "hala")


@pytest.fixture
def moderator():
    return member("Moderators", "mona")


def logged_in(client, user):
    client.force_login(user)
    return client


def post_form(client, article: Article, **changes):
    """Post the change form back as the page shows it, with some changes."""
    data = form_data(client.get(change_url(article)), "article_form")
    data.update(changes)
    return client.post(change_url(article), data)


def status_options(response) -> list[str]:
    select = page(response).find("select", attrs={"name": "status"})
    return [option["value"] for option in select.find_all("option")]


def group_permissions(name: str) -> set[str]:
    return set(
        Group.objects.get(name=name).permissions.values_list("codename", flat=True)
    )


# The groups -----------------------------------------------------------------


def test_migration_makes_the_three_roles():
    writers = group_permissions("Writers")
    editors = group_permissions("Editors")

    assert {"add_article", "change_article", "add_section", "change_quote"} <= writers
    assert not {"publish_article", "delete_article", "add_correction"} & writers
    assert not {"change_topic", "change_tag", "change_author"} & writers
    assert {"publish_article", "delete_article", "add_correction"} <= editors
    assert {"change_topic", "change_tag", "change_author", "change_person"} <= editors
    assert not any(
        codename.endswith(("_article", "_section", "_quote"))
        for codename in group_permissions("Moderators")
    )


def test_roles_migration_can_run_again_without_duplicating_anything():
    migration = importlib.import_module("articles.migrations.0006_roles")
    before = {name: group_permissions(name) for name in migration.ROLES}

    migration.create_roles(apps, schema_editor=None)

    assert Group.objects.filter(name__in=migration.ROLES).count() == 3
    assert {name: group_permissions(name) for name in migration.ROLES} == before


def test_a_role_without_the_staff_flag_does_not_open_the_admin(client):
    user = member("Editors", "no-staff", is_staff=False)

    response = logged_in(client, user).get(changelist_url())

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# Writers ----------------------------------------------------------------------


def test_writer_creates_a_draft_which_is_recorded_as_theirs(client, writer):
    writer_client = logged_in(client, writer)
    add_url = reverse("admin:articles_article_add")
    data = form_data(writer_client.get(add_url), "article_form")
    data.update(headline_ar="مسودة كاتبة", slug_ar="مسودة-كاتبة", status="draft")

    response = writer_client.post(add_url, data)

    assert response.status_code == 302, admin_errors(response)
    article = Article.objects.get(slug_ar="مسودة-كاتبة")
    assert article.created_by == writer
    assert article.status == Status.DRAFT


def test_writer_is_offered_only_draft_and_review_and_no_publication_time(
    client, writer
):
    response = logged_in(client, writer).get(reverse("admin:articles_article_add"))

    assert status_options(response) == ["draft", "review"]
    assert not page(response).find(attrs={"name": "published_at_0"})
    assert not page(response).find(attrs={"name": "_publish"})


def test_writer_posting_published_status_on_a_new_article_is_refused(client, writer):
    writer_client = logged_in(client, writer)
    add_url = reverse("admin:articles_article_add")
    data = form_data(writer_client.get(add_url), "article_form")
    data.update(headline_ar="خبر", slug_ar="خبر", status="published")

    response = writer_client.post(add_url, data)

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_writer_posting_published_status_on_their_draft_changes_nothing(client, writer):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=writer)

    response = post_form(logged_in(client, writer), article, status="published")

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_writer_posting_a_publication_time_does_not_schedule_anything(client, writer):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=writer)

    response = post_form(
        logged_in(client, writer),
        article,
        status="review",
        published_at_0="2030-01-01",
        published_at_1="09:00:00",
    )

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert article.published_at is None


def test_writer_posting_the_publish_button_is_forbidden_and_saves_nothing(
    client, writer
):
    article = ArticleFactory(
        status=Status.DRAFT, published_at=None, created_by=writer, headline_ar="قبل"
    )

    response = post_form(
        logged_in(client, writer), article, headline_ar="بعد", _publish="1"
    )

    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.status, article.headline_ar) == (Status.DRAFT, "قبل")


def test_writer_cannot_use_the_publish_action(client, writer):
    article = ArticleFactory(
        status=Status.IN_REVIEW, published_at=None, created_by=writer
    )
    writer_client = logged_in(client, writer)

    actions = page(writer_client.get(changelist_url())).find(
        "select", attrs={"name": "action"}
    )
    writer_client.post(
        changelist_url(),
        {"action": "publish_selected", "_selected_action": [str(article.pk)]},
    )

    assert "publish_selected" not in [o["value"] for o in actions.find_all("option")]
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_writer_sees_another_writers_published_article_read_only(
    client, writer, other_writer
):
    article = ArticleFactory(created_by=other_writer)

    response = logged_in(client, writer).get(change_url(article))

    assert response.status_code == 200
    assert not page(response).find(attrs={"name": "headline_ar"})
    assert not page(response).find(attrs={"name": "_save"})


def test_writer_posting_to_another_writers_published_article_is_forbidden(
    client, writer, other_writer
):
    article = ArticleFactory(created_by=other_writer, headline_ar="الأصل")
    data = form_data(
        logged_in(client, other_writer).get(change_url(article)), "article_form"
    )
    data.update(headline_ar="تغيير غير مسموح", status="draft")

    response = logged_in(client, writer).post(change_url(article), data)

    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.headline_ar, article.status) == ("الأصل", Status.PUBLISHED)


def test_writer_cannot_change_sections_of_another_writers_published_article(
    client, writer, other_writer
):
    article = ArticleFactory(created_by=other_writer)
    section = SectionFactory(article=article, position=0, body_ar="<p>الأصل</p>")
    writer_client = logged_in(client, writer)
    section_url = reverse("admin:articles_section_change", args=[section.pk])

    change = writer_client.post(
        section_url,
        {"article": article.pk, "position": 0, "body_ar": "<p>تخريب</p>"},
    )
    delete = writer_client.post(
        reverse("admin:articles_section_delete", args=[section.pk]), {"post": "yes"}
    )
    bulk_delete = writer_client.post(
        reverse("admin:articles_section_changelist"),
        {"action": "delete_selected", "_selected_action": [section.pk], "post": "yes"},
    )

    assert change.status_code == 403
    assert delete.status_code == 403
    assert bulk_delete.status_code == 403
    section.refresh_from_db()
    assert section.body_ar == "<p>الأصل</p>"


def test_writer_cannot_add_a_section_to_another_writers_published_article(
    client, writer, other_writer
):
    article = ArticleFactory(created_by=other_writer)
    writer_client = logged_in(client, writer)

    response = writer_client.post(
        reverse("admin:articles_section_add"),
        {"article": article.pk, "position": 5, "body_ar": "<p>إضافة</p>"},
    )

    assert response.status_code == 200
    assert "article" in response.context["adminform"].form.errors
    assert not Section.objects.filter(article=article).exists()


def test_writer_changes_their_own_published_article_but_not_its_status(client, writer):
    article = ArticleFactory(created_by=writer)
    writer_client = logged_in(client, writer)
    form_page = writer_client.get(change_url(article))

    response = post_form(
        writer_client, article, headline_ar="عنوان مصحح", status="draft"
    )

    assert not page(form_page).find("select", attrs={"name": "status"})
    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert article.headline_ar == "عنوان مصحح"
    assert article.status == Status.PUBLISHED


def test_an_article_bylined_to_the_writers_author_is_theirs(
    client, writer, other_writer
):
    article = ArticleFactory(created_by=other_writer)
    add_byline(article, AuthorFactory(user=writer))

    response = post_form(logged_in(client, writer), article, headline_ar="مع الكاتبة")

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert article.headline_ar == "مع الكاتبة"


def test_writers_share_drafts(client, writer, other_writer):
    article = ArticleFactory(
        status=Status.DRAFT, published_at=None, created_by=other_writer
    )

    response = post_form(logged_in(client, writer), article, headline_ar="عمل مشترك")

    assert response.status_code == 302, admin_errors(response)


def test_writer_cannot_delete_articles(client, writer):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=writer)

    response = logged_in(client, writer).post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_writer_posting_a_correction_stores_nothing(client, writer):
    article = ArticleFactory(created_by=writer)

    response = post_form(
        logged_in(client, writer),
        article,
        **{
            "corrections-TOTAL_FORMS": "1",
            "corrections-INITIAL_FORMS": "0",
            "corrections-0-kind": "correction",
            "corrections-0-text_ar": "تصحيح من كاتبة",
        },
    )

    assert response.status_code in {200, 302}
    assert not Correction.objects.exists()


# Editors ----------------------------------------------------------------------


def test_editor_is_offered_every_status_and_the_publication_time(client, editor):
    response = logged_in(client, editor).get(reverse("admin:articles_article_add"))

    assert status_options(response) == ["draft", "review", "published", "archived"]
    assert page(response).find(attrs={"name": "published_at_0"})


def test_editor_changes_and_unpublishes_anyones_article(client, editor, writer):
    article = ArticleFactory(created_by=writer)

    response = post_form(
        logged_in(client, editor), article, headline_ar="بيد المحرر", status="draft"
    )

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert (article.headline_ar, article.status) == ("بيد المحرر", Status.DRAFT)


def test_editor_manages_topics_tags_authors_and_people(client, editor):
    editor_client = logged_in(client, editor)

    for model in ("topic", "tag", "author", "person"):
        assert (
            editor_client.get(reverse(f"admin:articles_{model}_add")).status_code == 200
        )


def test_writer_may_add_tags_and_people_but_not_topics_or_authors(client, writer):
    writer_client = logged_in(client, writer)

    def status(model: str) -> int:
        return writer_client.get(reverse(f"admin:articles_{model}_add")).status_code

    assert (status("tag"), status("person")) == (200, 200)
    assert (status("topic"), status("author")) == (403, 403)


# Moderators -------------------------------------------------------------------


def test_moderator_cannot_open_the_article_admin(client, moderator):
    article = ArticleFactory()
    moderator_client = logged_in(client, moderator)

    assert moderator_client.get(changelist_url()).status_code == 403
    assert moderator_client.get(change_url(article)).status_code == 403
    assert (
        moderator_client.post(change_url(article), {"headline_ar": "x"}).status_code
        == 403
    )
    assert (
        moderator_client.get(reverse("admin:articles_section_changelist")).status_code
        == 403
    )


def test_moderator_cannot_preview_articles(client, moderator):
    article = ArticleFactory(status=Status.DRAFT, published_at=None)

    response = logged_in(client, moderator).get(
        reverse("articles:preview", kwargs={"pk": article.pk})
    )

    assert response.status_code == 403


def test_publishing_through_the_model_checks_the_same_permission(writer, editor):
    article = ready_article()

    with pytest.raises(PermissionDenied):
        article.publish(by=writer)
    article.publish(by=editor)

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at <= timezone.now() + dt.timedelta(seconds=1)


# History restore --------------------------------------------------------------


def test_writer_restoring_their_published_article_keeps_it_published(
    client, writer, editor
):
    article = ready_article(created_by=writer, headline_ar="المسودة الأولى")
    writer_client = logged_in(client, writer)
    assert post_form(writer_client, article).status_code == 302  # the draft's revision
    editor_client = logged_in(Client(), editor)
    published = post_form(
        editor_client, article, headline_ar="المنشور", status="published"
    )
    assert published.status_code == 302, admin_errors(published)
    article.refresh_from_db()
    published_at = article.published_at
    draft_version = Version.objects.get_for_object(article).order_by("pk").first()
    revert_url = reverse(
        "admin:articles_article_revision", args=[article.pk, draft_version.pk]
    )

    restore_form = writer_client.get(revert_url)
    data = form_data(restore_form, "article_form")
    response = writer_client.post(revert_url, {**data, "status": "draft"})

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert article.headline_ar == "المسودة الأولى"
    assert (article.status, article.published_at) == (Status.PUBLISHED, published_at)
