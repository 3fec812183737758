import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Article, Quote, QuoteKind, Section
from tests.admin_forms import admin_errors, form_data
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [
    "article",
    "section",
    "quote",
    "topic",
    "tag",
    "author",
    "person",
    "image",
]


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_admin_is_arabic_and_right_to_left(editor_client):
    html = BeautifulSoup(editor_client.get("/ar/admin/").content, "html.parser")

    assert html.html["lang"] == "ar"
    assert html.html["dir"] == "rtl"


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_every_newsroom_model_has_a_working_list_and_add_page(editor_client, model):
    assert (
        editor_client.get(reverse(f"admin:articles_{model}_changelist")).status_code
        == 200
    )
    assert editor_client.get(reverse(f"admin:articles_{model}_add")).status_code == 200


def test_article_form_shows_arabic_and_english_fields_with_local_jquery_ui(
    editor_client,
):
    response = editor_client.get(reverse("admin:articles_article_add"))
    html = BeautifulSoup(response.content, "html.parser")

    for name in (
        "headline_ar",
        "headline_en",
        "sections-__prefix__-body_ar",
        "sections-__prefix__-body_en",
        "quotes-__prefix__-text_en",
    ):
        assert html.find(attrs={"name": name}), name
    scripts = [s.get("src", "") for s in html.find_all("script")]
    assert any(src.endswith("vendor/jquery-ui/jquery-ui.min.js") for src in scripts)
    assert all(src.startswith("/") for src in scripts if src)


def test_editor_writes_an_article_with_sections_and_quotes_in_the_admin(editor_client):
    topic = TopicFactory()
    add_url = reverse("admin:articles_article_add")
    data = form_data(editor_client.get(add_url), "article_form")
    data.update(
        {
            "headline_ar": "لماذا تحتاج Microsoft إلى فريق OpenAI؟",
            "slug_ar": "لماذا-تحتاج-microsoft",
            "headline_en": "Why Microsoft needs the OpenAI team",
            "slug_en": "why-microsoft-needs-openai",
            "topic": str(topic.pk),
            "status": "draft",
            "sections-TOTAL_FORMS": "2",
            "sections-0-position": "0",
            "sections-0-body_ar": "<p>المقدمة<script>x()</script></p>",
            "sections-1-position": "1",
            "sections-1-heading_ar": "Timeline",
            "sections-1-body_ar": "<p>يوم الجمعة</p>",
            "sections-1-body_en": "<p>On Friday</p>",
            "quotes-TOTAL_FORMS": "1",
            "quotes-0-kind": "pull",
            "quotes-0-text_ar": "اقتباس بارز",
            "quotes-0-position": "0",
        }
    )

    response = editor_client.post(add_url, data)

    assert response.status_code == 302, admin_errors(response)
    article = Article.objects.get(slug_ar="لماذا-تحتاج-microsoft")
    assert article.headline_en == "Why Microsoft needs the OpenAI team"
    sections = list(article.sections.all())
    assert [s.heading_ar or "" for s in sections] == ["", "Timeline"]
    assert sections[0].body_ar == "<p>المقدمة</p>"
    assert sections[1].body_en == "<p>On Friday</p>"
    assert Quote.objects.get(article=article).kind == QuoteKind.PULL


def test_quote_can_only_be_placed_after_a_section_of_its_own_article(editor_client):
    article = ArticleFactory()
    own = Section.objects.create(article=article, position=0, body_ar="<p>أ</p>")
    other = Section.objects.create(
        article=ArticleFactory(), position=0, body_ar="<p>ب</p>"
    )

    response = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )
    html = BeautifulSoup(response.content, "html.parser")
    options = {
        o["value"]
        for o in html.select('select[name="quotes-__prefix__-after_section"] option')
    }

    assert str(own.pk) in options
    assert str(other.pk) not in options


def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
