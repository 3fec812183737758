import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ORIGIN = "http://testserver"


def fetch_xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def urls_by_location(root: ET.Element) -> dict[str, ET.Element]:
    return {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}


def alternates(url: ET.Element) -> dict[str, str]:
    return {
        link.get("hreflang"): link.get("href")
        for link in url.findall(f"{XHTML}link")
        if link.get("rel") == "alternate"
    }


@pytest.fixture
def articles():
    topic = TopicFactory(name_en="Cloud", slug_en="cloud")
    arabic_only = ArticleFactory(topic=topic)
    bilingual = ArticleFactory(topic=topic, headline_en="Chips", slug_en="chips")
    return arabic_only, bilingual


def test_sitemap_index_points_at_every_section(client, articles):
    root = fetch_xml(client, "/sitemap.xml")

    assert root.tag == f"{SITEMAP}sitemapindex"
    locations = [s.findtext(f"{SITEMAP}loc") for s in root.findall(f"{SITEMAP}sitemap")]
    assert locations == [
        f"{ORIGIN}/sitemap-pages.xml",
        f"{ORIGIN}/sitemap-topics.xml",
        f"{ORIGIN}/sitemap-articles.xml",
    ]
    for location in locations:
        assert fetch_xml(client, location.removeprefix(ORIGIN)) is not None
    lastmods = [
        dt.datetime.fromisoformat(s.findtext(f"{SITEMAP}lastmod"))
        for s in root.findall(f"{SITEMAP}sitemap")
    ]
    newest = max(a.updated_at for a in articles)
    assert lastmods == [newest, newest, newest]


def test_articles_list_alternates_only_for_their_languages(client, articles):
    arabic_only, bilingual = articles

    urls = urls_by_location(fetch_xml(client, "/sitemap-articles.xml"))

    arabic_url = ORIGIN + arabic_only.get_absolute_url("ar")
    bilingual_ar = ORIGIN + bilingual.get_absolute_url("ar")
    bilingual_en = f"{ORIGIN}/en/articles/chips/"
    assert set(urls) == {arabic_url, bilingual_ar, bilingual_en}
    assert alternates(urls[arabic_url]) == {"ar": arabic_url}
    expected = {"ar": bilingual_ar, "en": bilingual_en}
    assert alternates(urls[bilingual_ar]) == expected
    assert alternates(urls[bilingual_en]) == expected


def test_article_lastmod_is_its_last_change(client, articles):
    arabic_only, _bilingual = articles
    later = timezone.now() + dt.timedelta(days=3)
    with time_machine.travel(later):
        arabic_only.headline_ar = "عنوان معدل"
        arabic_only.save()

    urls = urls_by_location(fetch_xml(client, "/sitemap-articles.xml"))

    url = urls[ORIGIN + arabic_only.get_absolute_url("ar")]
    assert url.findtext(f"{SITEMAP}lastmod") == later.date().isoformat()


def test_unpublished_articles_are_not_in_the_sitemaps(client):
    draft = ArticleFactory(status=Status.DRAFT)
    scheduled = ArticleFactory(published_at=timezone.now() + dt.timedelta(hours=1))

    urls = urls_by_location(fetch_xml(client, "/sitemap-articles.xml"))
    news = urls_by_location(fetch_xml(client, "/news-sitemap.xml"))

    for article in (draft, scheduled):
        assert ORIGIN + article.get_absolute_url("ar") not in urls
        assert ORIGIN + article.get_absolute_url("ar") not in news


def test_topics_with_published_articles_are_listed_in_their_languages(client):
    both = TopicFactory(name_en="AI", slug_en="ai")
    arabic_only = TopicFactory(name_en="", slug_en=None)
    empty = TopicFactory()
    ArticleFactory(topic=both)
    ArticleFactory(topic=arabic_only)
    ArticleFactory(topic=empty, status=Status.DRAFT)

    urls = urls_by_location(fetch_xml(client, "/sitemap-topics.xml"))

    both_ar, both_en = ORIGIN + both.get_absolute_url("ar"), f"{ORIGIN}/en/topics/ai/"
    only_ar = ORIGIN + arabic_only.get_absolute_url("ar")
    assert set(urls) == {both_ar, both_en, only_ar}
    assert alternates(urls[both_en]) == {"ar": both_ar, "en": both_en}
    assert alternates(urls[only_ar]) == {"ar": only_ar}


def test_home_pages_are_listed_with_each_other_as_alternates(client):
    urls = urls_by_location(fetch_xml(client, "/sitemap-pages.xml"))

    home = {"ar": f"{ORIGIN}/ar/", "en": f"{ORIGIN}/en/"}
    assert set(urls) == set(home.values())
    assert alternates(urls[home["ar"]]) == home


def test_news_sitemap_lists_articles_of_the_last_48_hours(client):
    now = timezone.now()
    fresh = ArticleFactory(
        published_at=now - dt.timedelta(hours=47),
        headline_en="Fresh <news> & more",
        slug_en="fresh",
    )
    old = ArticleFactory(published_at=now - dt.timedelta(hours=49))

    with time_machine.travel(now):
        root = fetch_xml(client, "/news-sitemap.xml")

    urls = urls_by_location(root)
    fresh_ar = ORIGIN + fresh.get_absolute_url("ar")
    fresh_en = f"{ORIGIN}/en/articles/fresh/"
    assert set(urls) == {fresh_ar, fresh_en}
    assert ORIGIN + old.get_absolute_url("ar") not in urls
    for location, language, title in [
        (fresh_ar, "ar", fresh.headline_ar),
        (fresh_en, "en", "Fresh <news> & more"),
    ]:
        news = urls[location].find(f"{NEWS}news")
        publication = news.find(f"{NEWS}publication")
        assert publication.findtext(f"{NEWS}name")
        assert publication.findtext(f"{NEWS}language") == language
        published = news.findtext(f"{NEWS}publication_date")
        assert dt.datetime.fromisoformat(published) == fresh.published_at
        assert news.findtext(f"{NEWS}title") == title


def test_news_sitemap_forgets_an_article_after_48_hours(client):
    article = ArticleFactory(published_at=timezone.now())
    location = ORIGIN + article.get_absolute_url("ar")

    with time_machine.travel(article.published_at + dt.timedelta(hours=47)):
        assert location in urls_by_location(fetch_xml(client, "/news-sitemap.xml"))
    with time_machine.travel(article.published_at + dt.timedelta(hours=49)):
        assert location not in urls_by_location(fetch_xml(client, "/news-sitemap.xml"))


def test_robots_txt_allows_readers_pages_and_names_the_sitemaps(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = [line.strip() for line in response.content.decode().splitlines()]
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert [line for line in lines if line.startswith("Disallow:")] == [
        "Disallow: /ar/admin/",
        "Disallow: /en/admin/",
    ]
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: {ORIGIN}/sitemap.xml",
        f"Sitemap: {ORIGIN}/news-sitemap.xml",
    ]


def make_articles(count: int) -> None:
    topics = [TopicFactory() for _ in range(3)]
    for n in range(count):
        ArticleFactory(
            topic=topics[n % 3],
            headline_en=f"Story {n}" if n % 2 else None,
            slug_en=f"story-{n}" if n % 2 else None,
        )


@pytest.mark.parametrize("count", [1, 30], ids=["small", "large"])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # Pages: latest change; topics: topics with their newest article,
        # latest change; articles: articles, latest change.
        ("/sitemap.xml", 5),
        ("/sitemap-pages.xml", 0),
        ("/sitemap-topics.xml", 1),
        ("/sitemap-articles.xml", 1),
        ("/news-sitemap.xml", 1),
    ],
)
def test_sitemaps_cost_a_fixed_number_of_queries(
    client, django_assert_num_queries, count, url, queries
):
    make_articles(count)

    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200
