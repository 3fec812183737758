"""The article editor: text direction per language, the rich-text editor, safety."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Section
from tests.admin_forms import (
    admin_errors,
    form_data,
    is_local,
    loaded_urls,
    page,
)
from tests.factories import ArticleFactory, QuoteFactory, SectionFactory, TopicFactory

pytestmark = pytest.mark.django_db

ARABIC_FIELDS = [
    "headline_ar",
    "slug_ar",
    "standfirst_ar",
    "sections-0-heading_ar",
    "sections-0-body_ar",
    "sections-__prefix__-heading_ar",
    "sections-__prefix__-body_ar",
    "quotes-0-text_ar",
    "quotes-0-speaker_role_ar",
    "quotes-__prefix__-text_ar",
    "corrections-__prefix__-text_ar",
]
ENGLISH_FIELDS = [name.replace("_ar", "_en") for name in ARABIC_FIELDS]

HOSTILE_HTML = (
    '<p onclick="steal()">نص آمن <script>alert("xss")</script>'
    '<a href="javascript:alert(1)">رابط</a> '
    '<a href="data:text/html;base64,PHNjcmlwdD4=">بيانات</a>'
    '<img src="x" onerror="alert(2)">'
    '<span style="position:fixed">ملون</span>'
    '<iframe src="https://evil.example/"></iframe>'
    "<blink>قديم</blink><marquee>متحرك</marquee>"
    "<style>body{display:none}</style>"
    '<svg onload="alert(3)"></svg><object data="x.swf"></object></p>'
)
HOSTILE_MARKS = [
    "<script",
    "alert",
    "onclick",
    "onerror",
    "onload",
    "javascript:",
    "data:",
    "style",
    "<iframe",
    "evil.example",
    "<img",
    "<blink",
    "<marquee",
    "<svg",
    "<object",
]


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def article():
    article = ArticleFactory(headline_en="A headline", standfirst_en="A standfirst")
    SectionFactory(article=article, position=0, heading_en="Heading")
    QuoteFactory(article=article, text_en="A quote")
    return article


def change_url(article: Article, interface_language: str = "ar") -> str:
    with translation.override(interface_language):
        return reverse("admin:articles_article_change", args=[article.pk])


def post_new_article(client, **fields: str):
    """Save a new article through the admin's add form, as a browser would."""
    add_url = reverse("admin:articles_article_add")
    data = form_data(client.get(add_url), "article_form")
    data.update(
        {
            "headline_ar": "عنوان تجريبي",
            "slug_ar": "عنوان-تجريبي",
            "topic": str(TopicFactory().pk),
            "status": "draft",
            "sections-TOTAL_FORMS": "1",
            "sections-0-position": "0",
            **fields,
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, admin_errors(response)
    return Article.objects.get(slug_ar="عنوان-تجريبي")


@pytest.mark.parametrize("interface_language", ["ar", "en"])
def test_arabic_inputs_are_right_to_left_and_english_left_to_right(
    editor_client, article, interface_language
):
    html = page(editor_client.get(change_url(article, interface_language)))

    for name in ARABIC_FIELDS:
        field = html.find(attrs={"name": name})
        assert (field["dir"], field["lang"]) == ("rtl", "ar"), name
    for name in ENGLISH_FIELDS:
        field = html.find(attrs={"name": name})
        assert (field["dir"], field["lang"]) == ("ltr", "en"), name


def test_section_bodies_get_the_rich_text_editor_in_both_language_tabs(
    editor_client, article
):
    html = page(editor_client.get(change_url(article)))

    for name in (
        "sections-0-body_ar",
        "sections-0-body_en",
        "sections-__prefix__-body_ar",
        "sections-__prefix__-body_en",
    ):
        textarea = html.find("textarea", attrs={"name": name})
        assert textarea.has_attr("data-django-prose-editor-configurable"), name
    scripts = [script.get("src", "") for script in html.find_all("script")]
    assert any(src.endswith("django_prose_editor/configurable.js") for src in scripts)
    styles = [link["href"] for link in html.find_all("link", rel="stylesheet")]
    assert any(href.endswith("articles/admin.css") for href in styles)


def test_rich_text_editor_offers_bold_italic_links_lists_and_subheadings(
    editor_client, article
):
    html = page(editor_client.get(change_url(article)))
    textarea = html.find("textarea", attrs={"name": "sections-0-body_ar"})
    config = textarea["data-django-prose-editor-configurable"]

    for extension in ("Bold", "Italic", "Link", "BulletList", "OrderedList"):
        assert f'"{extension}"' in config
    assert '"Heading":{"levels":[2,3]}' in config


def test_everything_the_editor_makes_survives_a_save(editor_client):
    body = (
        "<h2>عنوان فرعي</h2><h3>عنوان أصغر</h3>"
        "<p><strong>غامق</strong> <em>مائل</em> "
        '<a href="https://example.com/news">رابط</a><br>سطر</p>'
        "<ul><li>أولاً</li></ul><ol><li>ثانياً</li></ol>"
    )

    article = post_new_article(editor_client, **{"sections-0-body_ar": body})

    stored = BeautifulSoup(Section.objects.get(article=article).body_ar, "html.parser")
    assert {tag.name for tag in stored.find_all(True)} == {
        "h2", "h3", "p", "strong", "em", "a", "br", "ul", "ol", "li"
    }  # fmt: skip
    assert stored.a["href"] == "https://example.com/news"
    assert stored.get_text() == BeautifulSoup(body, "html.parser").get_text()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_hostile_html_posted_through_the_admin_never_survives(editor_client, language):
    article = post_new_article(
        editor_client,
        **{
            "headline_en": "Test headline",
            f"sections-0-body_{language}": HOSTILE_HTML,
        },
    )

    stored = getattr(Section.objects.get(article=article), f"body_{language}")
    for mark in HOSTILE_MARKS:
        assert mark not in stored, mark
    assert "نص آمن" in stored
    assert "رابط" in stored


def test_hostile_html_in_an_added_section_of_an_existing_article_never_survives(
    editor_client, article
):
    url = change_url(article)
    data = form_data(editor_client.get(url), "article_form")
    data.update(
        {
            "sections-TOTAL_FORMS": "2",
            "sections-1-position": "1",
            "sections-1-body_ar": HOSTILE_HTML,
            "sections-1-body_en": HOSTILE_HTML,
        }
    )

    response = editor_client.post(url, data)

    assert response.status_code == 302, admin_errors(response)
    added = Section.objects.get(article=article, position=1)
    for mark in HOSTILE_MARKS:
        assert mark not in added.body_ar, mark
        assert mark not in added.body_en, mark


def test_article_pages_of_the_admin_load_nothing_from_another_host(
    editor_client, article
):
    urls = [
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        change_url(article),
        change_url(article, "en"),
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_section_change", args=[article.sections.get().pk]),
    ]

    for url in urls:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        loaded = loaded_urls(response)
        assert loaded, url
        assert [src for src in loaded if not is_local(src)] == [], url
