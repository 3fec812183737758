"""The reader site page by page: what each shows, its metadata, its redirects,
its languages and what it costs in queries."""

import datetime as dt
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.views.defaults import server_error
from PIL import Image as PILImage

from articles.models import (
    Article,
    Correction,
    CorrectionKind,
    Image,
    QuoteKind,
    Status,
)
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PersonFactory,
    QuoteFactory,
    SectionFactory,
    TagFactory,
    TopicFactory,
    add_byline,
)

FSI, PDI = "\u2068", "\u2069"
# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO): never to be used.
BIDI_EMBEDDINGS = set("\u202a\u202b\u202c\u202d\u202e")


def page(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def url(obj, language: str = "ar") -> str:
    return obj.get_absolute_url(language)


def in_language(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(f"articles:{name}", kwargs=kwargs)


def bilingual_article(**kwargs) -> Article:
    """A published article with text in Arabic and English."""
    article = ArticleFactory(**kwargs)
    article.headline_en = kwargs.get("headline_en") or f"English headline {article.pk}"
    article.slug_en = kwargs.get("slug_en") or f"english-{article.pk}"
    article.standfirst_en = "A short English standfirst."
    article.save()
    return article


def make_image(*, alt_ar: str = "صورة", alt_en: str = "") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), (11, 85, 99)).save(buffer, format="PNG")
    return Image.objects.create(
        file=ContentFile(buffer.getvalue(), name="picture.png"),
        alt_text_ar=alt_ar,
        alt_text_en=alt_en or None,
        credit="Agency",
    )


def headlines(html: BeautifulSoup, selector: str = "") -> list[str]:
    return [a.get_text(strip=True) for a in html.select(f"{selector} .card-headline a")]


def json_ld(html: BeautifulSoup) -> dict:
    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def alternates(html: BeautifulSoup) -> dict[str, str]:
    return {
        link["hreflang"]: link["href"]
        for link in html.select('link[rel="alternate"][hreflang]')
    }


def meta(html: BeautifulSoup, key: str) -> str:
    tag = html.select_one(f'meta[property="{key}"], meta[name="{key}"]')
    assert tag is not None, key
    return tag["content"]


pytestmark = pytest.mark.django_db


# Home


def test_home_has_lead_latest_and_a_rail_per_topic(client):
    ai, cloud = TopicFactory(name_ar="ذكاء"), TopicFactory(name_ar="سحابة")
    TopicFactory(name_ar="فارغ")  # no articles: no rail
    now = timezone.now()
    older = [
        ArticleFactory(topic=ai, published_at=now - dt.timedelta(hours=n))
        for n in range(2, 8)
    ]
    cloud_story = ArticleFactory(topic=cloud, published_at=now - dt.timedelta(days=2))
    lead = ArticleFactory(topic=cloud, published_at=now - dt.timedelta(minutes=5))

    html = page(client.get("/ar/"))

    assert headlines(html, ".home-lead") == [lead.headline_ar]
    assert headlines(html, ".home-latest") == [a.headline_ar for a in older] + [
        cloud_story.headline_ar
    ]
    rails = {
        rail.select_one(".rail-title").get_text(strip=True): headlines(rail)
        for rail in html.select(".home-rail")
    }
    # Each rail: its topic's four newest articles, newest first.
    assert rails == {
        "ذكاء": [a.headline_ar for a in older[:4]],
        "سحابة": [lead.headline_ar, cloud_story.headline_ar],
    }


def test_english_home_lists_only_articles_with_english_text(client):
    english = bilingual_article(headline_en="Cloud prices fall")
    ArticleFactory(headline_ar="خبر بالعربية فقط", topic=english.topic)

    html = page(client.get("/en/"))

    assert set(headlines(html)) == {"Cloud prices fall"}
    assert html.select_one(".home-lead h3")["lang"] == "en"


def test_home_with_no_articles_says_so(client):
    html = page(client.get("/en/"))
    assert html.select(".card") == []
    assert html.select_one("main p").get_text(strip=True)


# The article page


def test_byline_links_every_author_to_their_page_in_order(client):
    article = ArticleFactory()
    first, second = AuthorFactory(name_ar="ليلى"), AuthorFactory(name_ar="سامي")
    add_byline(article, first, second)

    html = page(client.get(url(article)))

    links = html.select(".byline a")
    assert [a.get_text(strip=True) for a in links] == ["ليلى", "سامي"]
    assert [a["href"] for a in links] == [url(first), url(second)]
    author_page = page(client.get(links[0]["href"]))
    assert headlines(author_page) == [article.headline_ar]


def test_article_page_shows_reading_time_and_arabic_date(client):
    article = ArticleFactory(published_at=dt.datetime(2024, 2, 5, 8, 0, tzinfo=dt.UTC))
    words = " ".join(["كلمة"] * 300)  # 300 words at 138 a minute: 3 minutes
    SectionFactory(article=article, body_ar=f"<p>{words}</p>")

    html = page(client.get(url(article)))

    dateline = html.select_one(".dateline")
    assert dateline.select_one("time").get_text() == "5 فبراير 2024"
    assert dateline.select_one("time")["datetime"] == "2024-02-05T08:00:00+00:00"
    assert "3" in dateline.select_one(".reading-time").get_text()


def test_table_of_contents_links_to_each_headed_section(client):
    article = ArticleFactory()
    SectionFactory(article=article, position=0, heading_ar="")
    SectionFactory(article=article, position=1, heading_ar="Timeline")
    SectionFactory(article=article, position=2, heading_ar="عواقب")

    html = page(client.get(url(article)))

    entries = html.select(".toc a")
    assert [a.get_text() for a in entries] == ["Timeline", "عواقب"]
    for entry in entries:
        target = html.select_one(entry["href"])
        assert target is not None and target.name == "section"
        assert target.select_one("h2").get_text() == entry.get_text()


def test_quotes_pull_as_aside_attributed_as_blockquote_citing_the_person(client):
    article = ArticleFactory()
    section = SectionFactory(article=article)
    speaker = PersonFactory(name_ar="ماثيو برنس", role_ar="رئيس Cloudflare")
    QuoteFactory(
        article=article, kind=QuoteKind.PULL, speaker=None, after_section=section
    )
    QuoteFactory(article=article, speaker=speaker, after_section=section)

    html = page(client.get(url(article)))

    assert html.select_one("aside.pull-quote p").get_text()
    figure = html.select_one("figure.quote")
    assert figure.select_one("blockquote p").get_text() == "قول مأثور في المقال."
    cite = figure.select_one("figcaption cite a")
    assert cite.get_text(strip=True) == "ماثيو برنس"
    assert cite["href"] == url(speaker)
    assert "رئيس Cloudflare" in figure.select_one("figcaption").get_text()


def test_hero_and_section_images_are_figures_with_size_and_credit(client):
    article = ArticleFactory(hero_image=make_image(alt_ar="البطل"))
    SectionFactory(article=article, image=make_image(alt_ar="داخل النص"))

    html = page(client.get(url(article)))

    hero, inline = html.select("article.article figure.figure")
    hero_img, inline_img = hero.select_one("img"), inline.select_one("img")
    assert hero_img["alt"] == "البطل"
    assert (hero_img["width"], hero_img["height"]) == ("320", "180")
    assert hero_img["loading"] == "eager"
    assert inline_img["alt"] == "داخل النص"
    assert inline_img["loading"] == "lazy"
    assert inline.select_one("figcaption .credit").get_text(strip=True) == "Agency"


def test_syndicated_translation_shows_its_source(client):
    article = ArticleFactory(
        source_publisher="ZephyrNet",
        source_url="https://example.com/original",
        source_language="en",
        translator="machine translation",
    )

    html = page(client.get(url(article)))

    provenance = html.select_one(".provenance")
    link = provenance.select_one("a")
    assert link["href"] == "https://example.com/original"
    assert link.get_text(strip=True) == "ZephyrNet"
    values = [dd.get_text(strip=True) for dd in provenance.select("dd")]
    assert values[1:] == ["الإنجليزية", "machine translation"]


def test_corrections_are_shown_with_kind_date_and_text(client):
    article = ArticleFactory()
    Correction.objects.create(
        article=article,
        kind=CorrectionKind.CORRECTION,
        text_ar="صُحح اسم الشركة.",
        noted_at=dt.datetime(2024, 3, 1, tzinfo=dt.UTC),
    )

    html = page(client.get(url(article)))

    item = html.select_one(".corrections li")
    assert "صُحح اسم الشركة." in item.get_text()
    assert item.select_one("time")["datetime"] == "2024-03-01T00:00:00+00:00"


def test_tags_link_to_tag_pages_that_list_the_article(client):
    article = ArticleFactory()
    tag = TagFactory(name_ar="مايكروسوفت")
    article.tags.add(tag)
    ArticleFactory()  # untagged

    html = page(client.get(url(article)))

    link = html.select_one(".tags a")
    assert link.get_text() == "مايكروسوفت"
    assert link["href"] == url(tag)
    tag_page = page(client.get(link["href"]))
    assert tag_page.select_one("h1").get_text() == "مايكروسوفت"
    assert headlines(tag_page) == [article.headline_ar]


def test_related_articles_rank_shared_tags_first_and_latest_rail_excludes_self(
    client,
):
    topic = TopicFactory()
    tags = [TagFactory() for _ in range(2)]
    article = ArticleFactory(topic=topic)
    article.tags.set(tags)
    now = timezone.now()
    both = ArticleFactory(published_at=now - dt.timedelta(days=3))
    both.tags.set(tags)
    one = ArticleFactory(published_at=now - dt.timedelta(days=2))
    one.tags.set(tags[:1])
    same_topic = ArticleFactory(topic=topic, published_at=now - dt.timedelta(days=1))
    unrelated = ArticleFactory()

    html = page(client.get(url(article)))

    assert headlines(html, ".related") == [
        both.headline_ar,
        one.headline_ar,
        same_topic.headline_ar,
    ]
    latest = headlines(html, ".latest")
    assert article.headline_ar not in latest
    assert latest[0] == unrelated.headline_ar


# Redirects


def test_changed_slug_keeps_old_links_working_with_a_permanent_redirect(client):
    article = bilingual_article(slug_en="old-english")
    old_ar = url(article, "ar")
    old_en = url(article, "en")
    article.slug_ar = "عنوان-جديد"
    article.slug_en = "new-english"
    article.save()

    for old, language in ((old_ar, "ar"), (old_en, "en")):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == url(article, language)
        assert page(client.get(response["Location"])).h1


def test_slug_renamed_twice_still_reaches_the_article(client):
    article = ArticleFactory(slug_ar="first")
    for slug in ("second", "third"):
        article.slug_ar = slug
        article.save()

    for old in ("first", "second"):
        response = client.get(in_language("ar", "detail", slug=old))
        assert response.status_code == 301
        assert response["Location"] == in_language("ar", "detail", slug="third")


def test_old_slug_of_an_unpublished_article_is_not_found(client):
    article = ArticleFactory(slug_ar="before")
    article.slug_ar = "after"
    article.status = Status.DRAFT
    article.save()

    assert client.get(in_language("ar", "detail", slug="before")).status_code == 404


def test_other_languages_slug_redirects_to_the_canonical_url(client):
    article = bilingual_article(slug_en="english-slug")

    response = client.get(in_language("en", "detail", slug=article.slug_ar))

    assert response.status_code == 301
    assert response["Location"] == "/en/articles/english-slug/"


@pytest.mark.parametrize(
    "path",
    [
        "/ar/articles/nope/",
        "/en/articles/nope/",
        "/ar/articles/a%00b/",
        "/ar/articles/" + "x" * 5000 + "/",
        "/ar/topics/%3Cscript%3E/",
        "/ar/people/' OR 1=1 --/",
        "/ar/authors/nope/",
        "/ar/tags/nope/",
    ],
)
def test_unknown_or_junk_slugs_are_not_found(client, path):
    assert client.get(path).status_code == 404


# Metadata


def test_bilingual_article_has_canonical_and_both_hreflang_alternates(client):
    article = bilingual_article()

    for language in ("ar", "en"):
        html = page(client.get(url(article, language)))
        canonical = html.select_one('link[rel="canonical"]')["href"]
        assert canonical == f"http://testserver{url(article, language)}"
        assert alternates(html) == {
            "ar": f"http://testserver{url(article, 'ar')}",
            "en": f"http://testserver{url(article, 'en')}",
            "x-default": f"http://testserver{url(article, 'ar')}",
        }


def test_arabic_only_article_has_no_english_alternate(client):
    article = ArticleFactory()

    html = page(client.get(url(article)))

    assert set(alternates(html)) == {"ar", "x-default"}
    switch = html.select_one(".language-switch a")
    # No English page to switch to: the English home page instead.
    assert switch["href"] == "/en/"


def test_language_switch_links_to_the_same_article_in_the_other_language(client):
    article = bilingual_article()

    html = page(client.get(url(article, "ar")))

    switch = html.select_one(".language-switch a")
    assert switch["href"] == url(article, "en")
    assert (switch["lang"], switch["hreflang"]) == ("en", "en")


def test_news_article_json_ld(client):
    author = AuthorFactory(name_ar="ليلى")
    article = bilingual_article(hero_image=make_image())
    add_byline(article, author)
    article.tags.add(TagFactory(name_ar="سحابة"))

    html = page(client.get(url(article)))
    data = json_ld(html)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.headline_ar
    assert data["inLanguage"] == "ar"
    assert data["url"] == f"http://testserver{url(article)}"
    published = dt.datetime.fromisoformat(data["datePublished"])
    assert published == article.published_at.replace(microsecond=0)
    assert dt.datetime.fromisoformat(data["dateModified"]) >= published
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "ليلى",
            "url": f"http://testserver{url(author)}",
        }
    ]
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert data["publisher"]["name"]
    assert data["image"] == [f"http://testserver{article.hero_image.file.url}"]
    assert data["keywords"] == ["سحابة"]
    assert "isBasedOn" not in data and "translationOfWork" not in data

    english = json_ld(page(client.get(url(article, "en"))))
    assert english["inLanguage"] == "en"
    assert english["headline"] == article.headline_en
    assert english["author"][0]["url"] == f"http://testserver{url(author, 'en')}"


def test_translated_article_json_ld_points_at_its_original(client):
    article = ArticleFactory(
        source_publisher="ZephyrNet",
        source_url="https://example.com/original",
        source_language="en",
        translator="machine translation",
    )

    data = json_ld(page(client.get(url(article))))

    assert data["isBasedOn"] == "https://example.com/original"
    original = data["translationOfWork"]
    assert original["url"] == "https://example.com/original"
    assert original["inLanguage"] == "en"
    assert original["publisher"]["name"] == "ZephyrNet"


def test_syndicated_article_in_its_original_language_is_no_translation(client):
    article = ArticleFactory(
        source_publisher="Wire",
        source_url="https://example.com/a",
        source_language="ar",
    )

    data = json_ld(page(client.get(url(article))))

    assert data["isBasedOn"] == "https://example.com/a"
    assert "translationOfWork" not in data


def test_json_ld_cannot_break_out_of_its_script_element(client):
    hostile = '</script><script>alert("x")</script><!-- & '
    article = ArticleFactory(headline_ar=hostile, slug_ar="hostile")

    response = client.get(url(article))
    html = page(response)

    script = html.select_one('script[type="application/ld+json"]')
    assert "</script" not in script.string.lower()
    assert "<!--" not in script.string
    assert json.loads(script.string)["headline"] == hostile
    # Only the JSON-LD script element exists: nothing was injected.
    assert len(html.select("script")) == 1


def test_open_graph_and_twitter_card_tags(client):
    article = bilingual_article(hero_image=make_image(alt_ar="وصف الصورة"))

    html = page(client.get(url(article)))

    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == f"{FSI}{article.headline_ar}{PDI}"
    assert meta(html, "og:url") == f"http://testserver{url(article)}"
    assert meta(html, "og:description") == article.standfirst_ar
    assert meta(html, "og:locale") == "ar_AR"
    assert meta(html, "og:locale:alternate") == "en_US"
    assert meta(html, "og:image") == f"http://testserver{article.hero_image.file.url}"
    assert meta(html, "og:image:alt") == "وصف الصورة"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:title") == f"{FSI}{article.headline_ar}{PDI}"
    assert dt.datetime.fromisoformat(meta(html, "article:published_time"))


def test_title_isolates_the_headline_and_never_uses_embeddings(client):
    article = bilingual_article(
        headline_ar="لماذا تحتاج Microsoft إلى Sam Altman؟",
        headline_en="Why Microsoft needs Sam Altman",
    )

    for language, headline in (
        ("ar", article.headline_ar),
        ("en", article.headline_en),
    ):
        html = page(client.get(url(article, language)))
        title = html.title.get_text()
        assert title.startswith(f"{FSI}{headline}{PDI}")
        assert not BIDI_EMBEDDINGS & set(html.decode())


def test_topic_title_isolates_an_arabic_name_on_an_english_page(client):
    topic = TopicFactory(name_en=None, slug_en=None, name_ar="أمن")
    bilingual_article(topic=topic)

    html = page(client.get(url(topic, "en")))

    assert html.title.get_text().startswith(f"{FSI}أمن{PDI}")
    heading = html.select_one("h1")
    assert (heading["lang"], heading["dir"]) == ("ar", "rtl")


# Topic, tag, author and person pages


def test_topic_page_in_english_excludes_arabic_only_articles(client):
    topic = TopicFactory()
    english = bilingual_article(topic=topic)
    ArticleFactory(topic=topic)

    ar = page(client.get(url(topic, "ar")))
    en = page(client.get(url(topic, "en")))

    assert len(headlines(ar)) == 2
    assert headlines(en) == [english.headline_en]
    assert en.select_one('link[rel="canonical"]')["href"].endswith(url(topic, "en"))
    assert ar.select_one(".language-switch a")["href"] == url(topic, "en")


def test_tag_page_in_english_excludes_arabic_only_articles(client):
    tag = TagFactory()
    english = bilingual_article()
    english.tags.add(tag)
    ArticleFactory().tags.add(tag)

    assert headlines(page(client.get(url(tag, "en")))) == [english.headline_en]
    assert len(headlines(page(client.get(url(tag, "ar"))))) == 2


def test_author_page_shows_bio_and_their_published_articles(client):
    author = AuthorFactory(bio_ar="تكتب عن السحابة.")
    mine = ArticleFactory()
    add_byline(mine, author)
    add_byline(ArticleFactory(status=Status.DRAFT), author)
    ArticleFactory()  # someone else's

    html = page(client.get(url(author)))

    assert html.select_one("h1").get_text() == author.name_ar
    assert html.select_one(".page-description").get_text() == "تكتب عن السحابة."
    assert headlines(html) == [mine.headline_ar]


def test_person_page_gathers_their_quotes_across_articles(client):
    person = PersonFactory(name_ar="سام ألتمان", role_ar="رئيس OpenAI")
    now = timezone.now()
    older = ArticleFactory(published_at=now - dt.timedelta(days=2))
    newer = bilingual_article(published_at=now - dt.timedelta(days=1))
    QuoteFactory(article=older, speaker=person, text_ar="القول الأول")
    QuoteFactory(article=newer, speaker=person, text_ar="القول الثاني")
    QuoteFactory(
        article=ArticleFactory(status=Status.DRAFT), speaker=person, text_ar="مسودة"
    )
    QuoteFactory(article=older, text_ar="شخص آخر")

    html = page(client.get(url(person)))

    assert html.select_one("h1").get_text() == "سام ألتمان"
    quotes = html.select(".quote-list figure")
    assert [q.select_one("blockquote").get_text(strip=True) for q in quotes] == [
        "القول الثاني",
        "القول الأول",
    ]
    assert [q.select_one("figcaption a")["href"] for q in quotes] == [
        url(newer),
        url(older),
    ]
    english = page(client.get(url(person, "en")))
    # The English page lists quotes from articles that have English text.
    assert [a["href"] for a in english.select(".quote-list figcaption a")] == [
        url(newer, "en")
    ]


def test_quote_text_and_speaker_link_to_the_person_page(client):
    person = PersonFactory()
    quote = QuoteFactory(speaker=person)

    html = page(client.get(url(quote.article)))

    assert html.select_one("figure.quote cite a")["href"] == url(person)
    person_page = page(client.get(url(person)))
    assert person_page.select_one(".quote-list blockquote").get_text(strip=True) == (
        quote.text_ar
    )


# The date archive


def test_archive_lists_months_and_each_month_its_articles(client):
    november = ArticleFactory(published_at=dt.datetime(2023, 11, 20, tzinfo=dt.UTC))
    march = bilingual_article(published_at=dt.datetime(2024, 3, 2, tzinfo=dt.UTC))

    index = page(client.get("/ar/archive/"))
    months = [a["href"] for a in index.select(".month-list a")]
    assert months == ["/ar/archive/2024/3/", "/ar/archive/2023/11/"]
    assert [a.get_text() for a in index.select(".month-list a")] == [
        "مارس",
        "نوفمبر",
    ]

    month = page(client.get("/ar/archive/2023/11/"))
    assert headlines(month) == [november.headline_ar]
    assert month.select_one("h1").get_text() == "نوفمبر 2023"
    year = page(client.get("/ar/archive/2024/"))
    assert headlines(year) == [march.headline_ar]
    english = page(client.get("/en/archive/2024/3/"))
    assert english.select_one("h1").get_text() == "March 2024"
    assert headlines(english) == [march.headline_en]
    # November's only article has no English text.
    assert client.get("/en/archive/2023/11/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/ar/archive/2023/13/",
        "/ar/archive/2023/0/",
        "/ar/archive/0/",
        "/ar/archive/99999999999999999999/",
        "/ar/archive/2019/",  # no articles that year
        "/ar/archive/2023/10/",  # nor that month
    ],
)
def test_archive_outside_its_dates_is_not_found(client, path):
    ArticleFactory(published_at=dt.datetime(2023, 11, 20, tzinfo=dt.UTC))
    assert client.get(path).status_code == 404


# Pagination


def test_lists_are_paginated_with_their_own_canonical_url(client):
    topic = TopicFactory()
    for _ in range(21):
        ArticleFactory(topic=topic)

    first = page(client.get(url(topic)))
    second = page(client.get(url(topic) + "?page=2"))

    assert len(headlines(first)) == 20
    assert len(headlines(second)) == 1
    assert first.select_one('a[rel="next"]')["href"] == url(topic) + "?page=2"
    assert second.select_one('a[rel="prev"]')["href"] == url(topic)
    canonical = second.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"http://testserver{url(topic)}?page=2"
    assert client.get(url(topic) + "?page=3").status_code == 404
    assert client.get(url(topic) + "?page=junk").status_code == 404


# Query budgets: the same count for one item as for many.


def grow(topic, tag, author, person, *, count: int) -> None:
    for _ in range(count):
        article = bilingual_article(
            topic=topic, published_at=dt.datetime(2023, 11, 20, tzinfo=dt.UTC)
        )
        article.tags.add(tag, TagFactory())
        add_byline(article, author, AuthorFactory())
        QuoteFactory(article=article, speaker=person)
        SectionFactory(article=article)


@pytest.fixture
def catalogue():
    topic, tag, author, person = (
        TopicFactory(),
        TagFactory(),
        AuthorFactory(),
        PersonFactory(),
    )
    grow(topic, tag, author, person, count=1)
    return topic, tag, author, person


def list_pages(topic, tag, author, person, language):
    # page count, the page's articles (with topic and hero image), topics for
    # the navigation, and one lookup for the page's subject
    yield url(topic, language), 4
    yield url(tag, language), 4
    yield url(author, language), 4
    # the person, count, quotes (with article and speaker), navigation topics
    yield url(person, language), 4
    # months with articles, navigation topics
    yield in_language(language, "archive"), 2
    # whether any exist (else 404), count, articles, the year's months,
    # navigation topics
    yield in_language(language, "archive_year", year=2023), 5
    yield in_language(language, "archive_month", year=2023, month=11), 4


def test_list_pages_cost_the_same_queries_for_few_and_many_items(
    client, catalogue, django_assert_num_queries
):
    topic, tag, author, person = catalogue
    for grown in (False, True):
        if grown:
            grow(topic, tag, author, person, count=25)
        for language in ("ar", "en"):
            for path, queries in list_pages(topic, tag, author, person, language):
                with django_assert_num_queries(queries):
                    html = page(client.get(path))
                assert html.select(".card, .quote-list li, .month-list li"), path


# Error pages


@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("en", "ltr")])
def test_not_found_page_in_each_language(client, language, direction):
    response = client.get(f"/{language}/nope/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html.attrs == {"lang": language, "dir": direction}
    assert html.select_one("h1").get_text(strip=True)
    assert html.select_one(f'a[href="/{language}/"]')
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"


@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("en", "ltr")])
def test_server_error_page_needs_no_database_and_no_request_context(
    language, direction, django_assert_num_queries
):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html.attrs == {"lang": language, "dir": direction}
    assert html.select_one("a")["href"] == f"/{language}/"


def test_a_failing_page_answers_with_the_error_page_in_its_language(
    client, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("articles.views.HomeView.get_context_data", fail)
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html.attrs == {"lang": "en", "dir": "ltr"}


def test_favicon_ico_points_at_the_site_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


@pytest.mark.parametrize(
    ("language", "site_name", "search_label"),
    [("ar", "غرفة الأخبار", "بحث"), ("en", "Newsroom", "Search")],
)
def test_interface_strings_come_from_the_page_languages_catalogue(
    client, language, site_name, search_label
):
    html = page(client.get(f"/{language}/"))

    assert html.select_one(".site-name").get_text(strip=True) == site_name
    assert html.select_one(".site-search button").get_text(strip=True) == search_label
