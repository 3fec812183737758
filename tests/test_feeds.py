import datetime as dt
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.feeds import FEED_ITEMS
from articles.models import Status
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    TagFactory,
    TopicFactory,
    add_byline,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FSI, PDI = "\u2068", "\u2069"
# Embeddings and overrides (LRE RLE PDF LRO RLO, LRI RLI are fine but unused).
OLD_BIDI_CONTROLS = re.compile("[\u202a-\u202e]")


def fetch(client, url: str, content_type: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def rss(client, url: str) -> ET.Element:
    return fetch(client, url, "application/rss+xml").find("channel")


def atom(client, url: str) -> ET.Element:
    return fetch(client, url, "application/atom+xml")


def all_text(element: ET.Element) -> str:
    texts = [*element.itertext()]
    for node in element.iter():
        texts.extend(node.attrib.values())
    return " ".join(texts)


@pytest.fixture
def bilingual_article():
    topic = TopicFactory(name_en="Cloud", slug_en="cloud")
    article = ArticleFactory(
        topic=topic,
        headline_en="Cloud prices fall",
        slug_en="cloud-prices-fall",
        standfirst_en="Storage is cheaper this year.",
        standfirst_ar="التخزين أرخص هذا العام.",
    )
    user = get_user_model().objects.create_user("writer", email="writer@example.com")
    add_byline(
        article,
        AuthorFactory(name_ar="سارة", name_en="Sara", user=user),
        AuthorFactory(name_ar="خالد", name_en=""),
    )
    article.tags.add(TagFactory(name_ar="أمازون", name_en="Amazon"))
    return article


def test_rss_feed_lists_published_articles_with_their_fields(client, bilingual_article):
    ArticleFactory(status=Status.DRAFT)
    ArticleFactory(published_at=timezone.now() + dt.timedelta(hours=1))

    channel = rss(client, "/ar/feeds/rss/")

    assert channel.findtext("language") == "ar"
    assert channel.findtext("link") == "http://testserver/ar/"
    items = channel.findall("item")
    assert len(items) == 1
    item = items[0]
    assert item.findtext("title") == bilingual_article.headline_ar
    assert item.findtext("link") == (
        "http://testserver" + bilingual_article.get_absolute_url("ar")
    )
    assert item.findtext("description") == "التخزين أرخص هذا العام."
    # Every author, in byline order, with the page language's list comma.
    assert re.split("[،,] ", item.findtext(f"{DC}creator")) == ["سارة", "خالد"]
    assert parsedate_to_datetime(item.findtext("pubDate")) == (
        bilingual_article.published_at.replace(microsecond=0)
    )
    assert [c.text for c in item.findall("category")] == [
        bilingual_article.topic.name_ar,
        "أمازون",
    ]


def test_english_atom_feed_lists_only_articles_with_english(client, bilingual_article):
    ArticleFactory()  # Arabic only

    feed = atom(client, "/en/feeds/atom/")

    assert feed.get(XML_LANG) == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}title") == "Cloud prices fall"
    assert entry.find(f"{ATOM}link").get("href") == (
        "http://testserver/en/articles/cloud-prices-fall/"
    )
    assert entry.findtext(f"{ATOM}summary") == "Storage is cheaper this year."
    assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == (
        bilingual_article.published_at
    )
    bilingual_article.refresh_from_db()
    assert dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == (
        bilingual_article.updated_at
    )
    # The author without an English name keeps the Arabic one, isolated.
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == f"Sara, {FSI}خالد{PDI}"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == [
        "Cloud",
        "Amazon",
    ]


def test_english_rss_feed_uses_only_english_text(client, bilingual_article):
    bilingual_article.standfirst_en = ""
    bilingual_article.save()

    channel = rss(client, "/en/feeds/rss/")

    assert channel.findtext("language") == "en"
    item = channel.find("item")
    assert item.findtext("title") == "Cloud prices fall"
    assert not item.findtext("description")


def test_arabic_atom_feed_declares_arabic(client, bilingual_article):
    feed = atom(client, "/ar/feeds/atom/")

    assert feed.get(XML_LANG) == "ar"
    link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link == "http://testserver" + bilingual_article.get_absolute_url("ar")


@pytest.mark.parametrize(
    "url", ["/ar/feeds/rss/", "/en/feeds/atom/", "/en/topics/cloud/feeds/rss/"]
)
def test_feeds_never_show_email_addresses(client, bilingual_article, url):
    response = client.get(url)

    assert b"@" not in response.content


@pytest.mark.parametrize("language", ["ar", "en"])
def test_topic_feeds_list_only_that_topics_articles(client, language):
    topic = TopicFactory(name_en="Security", slug_en="security")
    ours = [
        ArticleFactory(
            topic=topic,
            headline_en=f"Patch {n}",
            slug_en=f"patch-{n}",
            standfirst_en="",
        )
        for n in range(3)
    ]
    ArticleFactory(headline_en="Elsewhere", slug_en="elsewhere")
    slug = topic.slug_ar if language == "ar" else topic.slug_en

    channel = rss(client, f"/{language}/topics/{slug}/feeds/rss/")
    feed = atom(client, f"/{language}/topics/{slug}/feeds/atom/")

    expected = {"http://testserver" + a.get_absolute_url(language) for a in ours}
    assert {item.findtext("link") for item in channel.findall("item")} == expected
    assert {
        entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")
    } == expected
    assert channel.findtext("language") == language
    assert channel.findtext("link") == "http://testserver" + topic.get_absolute_url(
        language
    )


def test_topic_name_in_feed_titles_is_isolated(client):
    # No English name: the Arabic one shows in the English feed's title.
    topic = TopicFactory(name_ar="الأمن", name_en="", slug_en="security")
    ArticleFactory(topic=topic, headline_en="Patch", slug_en="patch")

    channel = rss(client, "/en/topics/security/feeds/rss/")
    feed = atom(client, "/en/topics/security/feeds/atom/")

    assert f"{FSI}الأمن{PDI}" in channel.findtext("title")
    assert f"{FSI}الأمن{PDI}" in feed.findtext(f"{ATOM}title")
    assert not OLD_BIDI_CONTROLS.search(all_text(channel))
    assert not OLD_BIDI_CONTROLS.search(all_text(feed))


def test_unknown_topic_feed_is_not_found(client):
    assert client.get("/ar/topics/nothing-here/feeds/rss/").status_code == 404
    assert client.get("/en/topics/nothing-here/feeds/atom/").status_code == 404


def test_feed_holds_the_newest_articles_only(client):
    now = timezone.now()
    articles = [
        ArticleFactory(published_at=now - dt.timedelta(hours=n + 1))
        for n in range(FEED_ITEMS + 5)
    ]

    channel = rss(client, "/ar/feeds/rss/")

    links = [item.findtext("link") for item in channel.findall("item")]
    assert links == [
        "http://testserver" + a.get_absolute_url("ar") for a in articles[:FEED_ITEMS]
    ]


def make_articles(count: int, topic) -> None:
    for n in range(count):
        article = ArticleFactory(
            topic=topic, headline_en=f"Story {n}", slug_en=f"story-{n}"
        )
        add_byline(article, AuthorFactory(), AuthorFactory(), AuthorFactory())
        article.tags.add(TagFactory(), TagFactory())


@pytest.mark.parametrize("count", [1, 25], ids=["small", "large"])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # Articles with their topics, then bylines with authors, then tags.
        ("/ar/feeds/rss/", 3),
        ("/en/feeds/atom/", 3),
        # The topic first, then the same three.
        ("/ar/topics/{slug}/feeds/rss/", 4),
        ("/en/topics/{slug}/feeds/atom/", 4),
    ],
)
def test_feeds_cost_a_fixed_number_of_queries(
    client, django_assert_num_queries, count, url, queries
):
    topic = TopicFactory(name_en="AI", slug_en="ai")
    make_articles(count, topic)
    slug = topic.slug_en if url.startswith("/en/") else topic.slug_ar

    with django_assert_num_queries(queries):
        response = client.get(url.format(slug=slug))

    assert response.status_code == 200
