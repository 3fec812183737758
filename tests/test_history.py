"""Article history: who changed what and when, comparing and restoring versions."""

import pytest
import reversion
from django.contrib.auth.models import Permission
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Quote, Section, Status
from tests.admin_forms import admin_errors, form_data, page
from tests.factories import ArticleFactory, QuoteFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(admin_user):
    admin_user.first_name = "Hala"
    admin_user.save()
    return admin_user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article():
    article = ArticleFactory(
        headline_ar="العنوان الأول",
        headline_en="First headline",
        status=Status.DRAFT,
    )
    SectionFactory(
        article=article,
        position=0,
        heading_ar="البداية",
        heading_en="Beginning",
        body_ar="<p>النص الأول</p>",
        body_en="<p>First text</p>",
    )
    QuoteFactory(article=article, text_ar="القول الأول", text_en="First saying")
    return article


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def save_in_admin(client, article: Article, **changes: str) -> None:
    data = form_data(client.get(change_url(article)), "article_form")
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, admin_errors(response)


def versions_of(article: Article) -> list[Version]:
    return list(Version.objects.get_for_object(article).order_by("pk"))


def make_two_versions(client, article: Article) -> list[Version]:
    save_in_admin(client, article)
    save_in_admin(
        client,
        article,
        headline_ar="العنوان الثاني",
        headline_en="Second headline",
        **{
            "sections-0-body_ar": "<p>النص الثاني</p>",
            "sections-0-body_en": "<p>Second text</p>",
            "quotes-0-text_ar": "القول الثاني",
            "quotes-0-text_en": "Second saying",
        },
    )
    return versions_of(article)


def test_each_admin_save_of_an_article_is_a_revision_with_its_sections_and_quotes(
    editor_client, editor, article
):
    versions = make_two_versions(editor_client, article)

    assert len(versions) == 2
    for version in versions:
        assert version.revision.user == editor
        models = {v.content_type.model for v in version.revision.version_set.all()}
        assert {"article", "section", "quote"} <= models


def test_history_lists_each_save_with_who_made_it(editor_client, editor, article):
    make_two_versions(editor_client, article)

    html = page(
        editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    )

    rows = html.select("#change-history tbody tr")
    assert len(rows) == 2
    for row in rows:
        assert editor.username in row.get_text()
    assert html.select("input[name=version_id1]")
    assert html.select("input[name=version_id2]")


def test_compare_shows_the_changed_fields_in_each_language(editor_client, article):
    first, second = make_two_versions(editor_client, article)

    response = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )

    assert response.status_code == 200
    html = page(response)
    diffs = {
        heading.get_text(strip=True): heading.find_next("pre").get_text()
        for heading in html.select("#content-main h3")
    }
    assert "العنوان الأول" in diffs["headline [ar]"]
    assert "العنوان الثاني" in diffs["headline [ar]"]
    assert "First headline" in diffs["headline [en]"]
    assert "Second headline" in diffs["headline [en]"]
    # Changed sections and quotes show which field changed, in each language.
    related = {
        label.get_text(strip=True): label.find_next("pre").get_text()
        for label in html.select(".compare-related p strong")
    }
    assert "Second text" in related["body [en]"]
    assert "النص الثاني" in related["body [ar]"]
    assert "Second saying" in related["text [en]"]
    # Bookkeeping and unchanged fields are no edit and stay out.
    assert set(diffs) == {"headline [ar]", "headline [en]", "sections", "quotes"}
    assert "translation_sources" not in response.content.decode()


def test_restoring_a_version_brings_back_headline_sections_and_quotes(
    editor_client, article
):
    first, _second = make_two_versions(editor_client, article)
    save_in_admin(
        editor_client,
        article,
        **{
            "sections-TOTAL_FORMS": "2",
            "sections-1-position": "1",
            "sections-1-body_ar": "<p>قسم أضيف لاحقا</p>",
        },
    )
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])

    preview = editor_client.get(revert_url)
    assert preview.status_code == 200
    response = editor_client.post(revert_url, form_data(preview, "article_form"))

    assert response.status_code == 302, admin_errors(response)
    article.refresh_from_db()
    assert (article.headline_ar, article.headline_en) == (
        "العنوان الأول",
        "First headline",
    )
    section = Section.objects.get(article=article)
    assert (section.body_ar, section.body_en) == (
        "<p>النص الأول</p>",
        "<p>First text</p>",
    )
    quote = Quote.objects.get(article=article)
    assert (quote.text_ar, quote.text_en) == ("القول الأول", "First saying")


def test_looking_at_an_old_version_changes_nothing(editor_client, article):
    first, _second = make_two_versions(editor_client, article)

    response = editor_client.get(
        reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.headline_en == "Second headline"
    assert Section.objects.get(article=article).body_en == "<p>Second text</p>"


def test_a_deleted_article_can_be_recovered_with_its_sections_and_quotes(
    editor_client, article
):
    save_in_admin(editor_client, article)
    pk = article.pk
    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()
    deleted = Version.objects.get_deleted(Article).get(object_id=str(pk))
    recover_url = reverse("admin:articles_article_recover", args=[deleted.pk])

    preview = editor_client.get(recover_url)
    response = editor_client.post(recover_url, form_data(preview, "article_form"))

    assert response.status_code == 302, admin_errors(response)
    recovered = Article.objects.get(pk=pk)
    assert recovered.headline_en == "First headline"
    assert Section.objects.get(article=recovered).body_en == "<p>First text</p>"
    assert Quote.objects.get(article=recovered).text_en == "First saying"


def writer_client(client, django_user_model):
    """A staff member who may change articles but not publish them."""
    writer = django_user_model.objects.create_user(
        username="writer", password="x", is_staff=True
    )
    writer.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="articles",
            codename__regex=r"^(view|add|change)_(article|section|quote|articleauthor)$",
        )
    )
    client.force_login(writer)
    return client


def test_a_writer_cannot_restore_someone_elses_published_article(
    client, django_user_model, editor_client, article
):
    first, _second = make_two_versions(editor_client, article)
    article.refresh_from_db()
    article.publish()
    writer = writer_client(client, django_user_model)
    revert_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])

    assert writer.get(revert_url).status_code == 403
    response = writer.post(revert_url, {"headline_ar": "عنوان مسروق"})

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline_en == "Second headline"
    assert article.status == Status.PUBLISHED


def test_saves_outside_the_admin_make_no_revision_and_do_not_fail():
    article = ArticleFactory()
    SectionFactory(article=article, position=0)
    QuoteFactory(article=article)

    article.headline_ar = "تعديل من سطر الأوامر"
    article.save()

    assert Version.objects.get_for_object(article).count() == 0


def test_saves_inside_a_revision_block_record_the_article_with_its_parts():
    article = ArticleFactory()
    SectionFactory(article=article, position=0)

    with reversion.create_revision():
        article.save()

    version = Version.objects.get_for_object(article).get()
    models = {v.content_type.model for v in version.revision.version_set.all()}
    assert models == {"article", "section"}
