import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import QuoteKind, Status
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    add_byline,
)

pytestmark = pytest.mark.django_db


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def detail_url(article, language="ar") -> str:
    with translation.override(language):
        return article.get_absolute_url()


def build_article(*, sections: int, quotes: int, tags: int, authors: int):
    article = ArticleFactory(headline_en="English headline")
    article.slug_en = f"english-{article.pk}"
    article.save()
    made = [SectionFactory(article=article, position=n) for n in range(sections)]
    for n in range(quotes):
        QuoteFactory(article=article, after_section=made[n % sections])
    article.tags.set([TagFactory() for _ in range(tags)])
    add_byline(article, *[AuthorFactory() for _ in range(authors)])
    return article


def test_root_redirects_to_arabic_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_root_redirects_to_the_readers_preferred_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,ar;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_home_lists_only_published_articles(client):
    visible = ArticleFactory(headline_ar="خبر منشور")
    ArticleFactory(headline_ar="مسودة", status=Status.DRAFT)
    ArticleFactory(
        headline_ar="مجدول", published_at=timezone.now() + dt.timedelta(days=1)
    )

    html = page(client.get("/ar/"))

    # The lead, the latest list and the topic rails may repeat an article.
    headlines = {h.get_text(strip=True) for h in html.select(".card-headline")}
    assert headlines == {visible.headline_ar}


def test_arabic_pages_are_right_to_left_and_english_left_to_right(client):
    assert page(client.get("/ar/")).html.attrs == {"lang": "ar", "dir": "rtl"}
    assert page(client.get("/en/")).html.attrs == {"lang": "en", "dir": "ltr"}


def test_article_page_shows_sections_and_quotes_in_order(client):
    article = ArticleFactory()
    lead = SectionFactory(article=article, position=0, heading_ar="")
    timeline = SectionFactory(article=article, position=1, heading_ar="Timeline")
    rest = SectionFactory(article=article, position=2, heading_ar="عواقب")
    QuoteFactory(
        article=article,
        kind=QuoteKind.PULL,
        speaker=None,
        text_ar="اقتباس بارز",
        after_section=timeline,
    )
    QuoteFactory(article=article, text_ar="قول منسوب", after_section=rest)

    html = page(client.get(detail_url(article)))

    flow = html.select(
        "article > .section, article > aside.pull-quote, article > figure.quote"
    )
    kinds = [(el.name, el.get_text(" ", strip=True)[:20]) for el in flow]
    assert [k for k, _ in kinds] == ["div", "section", "aside", "section", "figure"]
    assert html.select(".section h2")[0].get_text() == "Timeline"
    assert "اقتباس بارز" in flow[2].get_text()
    assert flow[4].select_one("blockquote").get_text(strip=True) == "قول منسوب"
    assert flow[4].select_one("cite")
    assert lead.body_ar in str(flow[0])


def test_draft_and_scheduled_articles_are_not_found(client):
    draft = ArticleFactory(status=Status.DRAFT)
    scheduled = ArticleFactory(published_at=timezone.now() + dt.timedelta(hours=2))

    assert client.get(detail_url(draft)).status_code == 404
    assert client.get(detail_url(scheduled)).status_code == 404


def test_arabic_fallback_on_english_page_keeps_arabic_direction(client):
    article = ArticleFactory(
        headline_en="Translated headline", slug_en="translated", standfirst_ar="تمهيد"
    )
    SectionFactory(article=article, heading_ar="عنوان عربي", body_ar="<p>نص</p>")

    html = page(client.get(detail_url(article, "en")))

    headline = html.select_one("h1")
    assert (headline["lang"], headline["dir"]) == ("en", "ltr")
    standfirst = html.select_one(".standfirst")
    assert standfirst.get_text() == "تمهيد"
    assert (standfirst["lang"], standfirst["dir"]) == ("ar", "rtl")
    heading = html.select_one(".section h2")
    assert heading.get_text() == "عنوان عربي"
    assert (heading["lang"], heading["dir"]) == ("ar", "rtl")
    assert html.html["dir"] == "ltr"


def test_arabic_only_article_under_english_prefix_goes_to_its_arabic_page(client):
    article = ArticleFactory(headline_ar="خبر عربي فقط")

    with translation.override("en"):
        url = reverse("articles:detail", kwargs={"slug": article.slug_ar})
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == detail_url(article, "ar")
    assert response["Location"].startswith("/ar/")


def test_english_translation_is_shown_on_english_page(client):
    article = ArticleFactory(headline_en="Why Microsoft needs Altman", slug_en="why")

    html = page(client.get("/en/articles/why/"))

    assert html.select_one("h1").get_text() == "Why Microsoft needs Altman"
    assert html.select_one("h1")["dir"] == "ltr"
    assert article.has_language("en")


def test_arabic_dates_use_arabic_month_names_and_western_digits(client):
    article = ArticleFactory(
        published_at=dt.datetime(2023, 11, 20, 9, 0, tzinfo=dt.UTC)
    )

    html = page(client.get(detail_url(article)))

    assert html.select_one(".dateline time").get_text() == "20 نوفمبر 2023"


def test_article_page_query_count_does_not_grow_with_its_size(
    client, django_assert_num_queries
):
    small = build_article(sections=1, quotes=1, tags=1, authors=1)
    large = build_article(sections=30, quotes=20, tags=10, authors=4)

    # article (with topic and hero image), bylines, tags, corrections,
    # sections (with images), quotes (with speakers), related articles,
    # latest articles, topics for the navigation, approved comments
    for article in (small, large):
        for language in ("ar", "en"):
            with django_assert_num_queries(10):
                page(client.get(detail_url(article, language)))


def test_home_query_count_does_not_grow_with_articles(
    client, django_assert_num_queries
):
    ArticleFactory()
    # lead and latest articles (with topic and hero image), topics, their
    # rails' articles, topics for the navigation
    for language in ("ar", "en"):
        with django_assert_num_queries(4):
            page(client.get(f"/{language}/"))
    for _ in range(25):
        add_byline(ArticleFactory(headline_en="News"), AuthorFactory())
    for language in ("ar", "en"):
        with django_assert_num_queries(4):
            page(client.get(f"/{language}/"))


def test_topic_page_lists_its_published_articles(client):
    article = ArticleFactory()
    ArticleFactory()  # another topic

    html = page(client.get(article.topic.get_absolute_url("ar")))

    assert [a.get_text() for a in html.select(".card-headline a")] == [article.headline]
