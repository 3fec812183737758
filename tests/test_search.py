import datetime as dt
import io
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from articles.models import Article, Status
from articles.search import MAX_QUERY_LENGTH, TEXT_SEARCH_CONFIGS, search_vector
from tests.factories import ArticleFactory, QuoteFactory, SectionFactory

pytestmark = pytest.mark.django_db


def search(client, query: str, *, language: str = "ar", page: int | None = None):
    params = {"q": query}
    if page is not None:
        params["page"] = page
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def result_links(soup: BeautifulSoup) -> list[str]:
    return [a["href"] for a in soup.select(".search-results h2 a")]


def article_with_body(body: str, **fields) -> Article:
    article = ArticleFactory(**fields)
    SectionFactory(article=article, body_ar=f"<p>{body}</p>")
    return article


# Each pair: a word as the text spells it, and the query a reader types.
SPELLINGS = [
    pytest.param("الذَّكَـاءُ الاصطناعيّ", "الذكاء", id="tashkeel-and-tatweel-in-text"),
    pytest.param("الذكاء الاصطناعي", "الذَّكَاءُ", id="tashkeel-in-query"),
    pytest.param("الذكاء الاصطناعي", "الذكـــاء", id="tatweel-in-query"),
    pytest.param("احمد", "أحمد", id="hamza-above-alef-in-query"),
    pytest.param("أحمد", "احمد", id="hamza-above-alef-in-text"),
    pytest.param("إدارة", "ادارة", id="hamza-below-alef-in-text"),
    pytest.param("آلات", "الات", id="madda-alef-in-text"),
    pytest.param("مستشفي", "مستشفى", id="alef-maqsura-in-query"),
    pytest.param("مستشفى", "مستشفي", id="alef-maqsura-in-text"),
    pytest.param("مكتبه", "مكتبة", id="taa-marbuta-in-query"),
    pytest.param("مكتبة", "مكتبه", id="taa-marbuta-in-text"),
]


@pytest.mark.parametrize(("text", "query"), SPELLINGS)
def test_arabic_query_matches_whatever_the_spelling(client, text, query):
    wanted = article_with_body(f"جملة فيها {text} وكلام آخر.")
    other = article_with_body("جملة لا علاقة لها بالموضوع.")

    _response, soup = search(client, query)

    links = result_links(soup)
    assert wanted.get_absolute_url("ar") in links
    assert other.get_absolute_url("ar") not in links


def test_search_finds_words_in_headline_standfirst_headings_and_quotes(client):
    by_headline = ArticleFactory(headline_ar="حوسبة سحابية جديدة")
    by_standfirst = ArticleFactory(standfirst_ar="عن الحوسبة السحابية اليوم")
    by_heading = SectionFactory(heading_ar="السحابية في الشرق").article
    by_quote = QuoteFactory(text_ar="نؤمن بالسحابية").article

    _response, soup = search(client, "السحابية")

    links = set(result_links(soup))
    assert {
        by_headline.get_absolute_url("ar"),
        by_standfirst.get_absolute_url("ar"),
        by_heading.get_absolute_url("ar"),
        by_quote.get_absolute_url("ar"),
    } <= links


def test_every_word_of_the_query_must_match(client):
    both = article_with_body("شركة مايكروسوفت تنافس شركة جوجل.")
    article_with_body("شركة مايكروسوفت وحدها.")

    _response, soup = search(client, "مايكروسوفت جوجل")

    assert result_links(soup) == [both.get_absolute_url("ar")]


def test_headline_match_ranks_above_body_only_match(client):
    now = timezone.now()
    in_headline = ArticleFactory(
        headline_ar="الروبوتات في المصانع", published_at=now - dt.timedelta(days=3)
    )
    # Newer, and naming the word three times, but only in its body.
    in_body = article_with_body(
        "الروبوتات هنا، الروبوتات هناك، الروبوتات في كل مكان.",
        published_at=now - dt.timedelta(hours=1),
    )

    _response, soup = search(client, "الروبوتات")

    assert result_links(soup) == [
        in_headline.get_absolute_url("ar"),
        in_body.get_absolute_url("ar"),
    ]


def test_matched_words_are_highlighted_in_their_original_spelling(client):
    ArticleFactory(
        headline_ar="الذَّكَـاءُ الاصطناعيّ يغيّر العالم",
        standfirst_ar="كيف يعمل الذكاء الاصطناعي",
    )

    _response, soup = search(client, "الذكاء")

    result = soup.select_one(".search-result")
    assert [mark.get_text() for mark in result.select("h2 mark")] == ["الذَّكَـاءُ"]
    assert [mark.get_text() for mark in result.select(".card-standfirst mark")] == [
        "الذكاء"
    ]
    assert result.select_one("h2").get_text() == "الذَّكَـاءُ الاصطناعيّ يغيّر العالم"


def test_snippet_shows_the_body_around_the_match_highlighted(client):
    filler = " ".join(["كلام"] * 60)
    article_with_body(f"{filler} وهنا ذكرنا الحوسبة الكمومية أخيرا. {filler}")

    _response, soup = search(client, "الكمومية")

    snippet = soup.select_one(".search-snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["الكمومية"]
    assert snippet.get_text().startswith("… ")
    assert snippet.get_text().endswith(" …")
    assert len(snippet.get_text().split()) < 40


def test_text_around_highlights_is_escaped(client):
    ArticleFactory(
        headline_ar="عنوان",
        headline_en="Python <script>alert(1)</script> & tips",
        slug_en="python-tips",
    )

    response, soup = search(client, "python", language="en")

    headline = soup.select_one(".search-results h2")
    assert headline.get_text() == "Python <script>alert(1)</script> & tips"
    assert [mark.get_text() for mark in headline.select("mark")] == ["Python"]
    assert b"<script>alert(1)</script>" not in response.content


def test_drafts_archived_and_scheduled_articles_are_not_found(client):
    now = timezone.now()
    article_with_body("الشبكات العصبية", status=Status.DRAFT)
    article_with_body("الشبكات العصبية", status=Status.ARCHIVED)
    scheduled = article_with_body(
        "الشبكات العصبية", published_at=now + dt.timedelta(hours=2)
    )

    _response, soup = search(client, "العصبية")
    assert result_links(soup) == []

    with time_machine.travel(now + dt.timedelta(hours=2, minutes=1)):
        _response, soup = search(client, "العصبية")
    assert result_links(soup) == [scheduled.get_absolute_url("ar")]


def test_english_search_lists_only_articles_with_english_text(client):
    english = ArticleFactory(
        headline_en="Cloud prices fall",
        slug_en="cloud-prices-fall",
        standfirst_en="Cheaper cloud storage.",
    )
    arabic_only = article_with_body("أسعار Cloud تنخفض")

    _response, soup = search(client, "cloud", language="en")
    assert result_links(soup) == [english.get_absolute_url("en")]
    assert result_links(soup)[0].startswith("/en/articles/cloud-prices-fall/")

    _response, soup = search(client, "cloud", language="ar")
    assert result_links(soup) == [arabic_only.get_absolute_url("ar")]


def test_english_search_uses_english_text_only(client):
    ArticleFactory(
        headline_ar="الخوادم",
        headline_en="Servers",
        slug_en="servers",
    )

    _response, soup = search(client, "الخوادم", language="en")

    assert result_links(soup) == []


def test_results_are_paginated_and_pages_keep_the_query(client):
    for _ in range(12):
        article_with_body("معالجات رسومية")

    response, soup = search(client, "رسومية")
    assert len(result_links(soup)) == 10
    assert response.context["paginator"].count == 12
    assert "12" in soup.select_one(".search-count").get_text()

    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert parse_qs(urlsplit(next_link).query) == {"q": ["رسومية"], "page": ["2"]}

    _response, soup = search(client, "رسومية", page=2)
    assert len(result_links(soup)) == 2
    previous = soup.select_one('.pagination a[rel="prev"]')["href"]
    assert parse_qs(urlsplit(previous).query)["q"] == ["رسومية"]


def test_form_has_a_label_and_keeps_the_query(client):
    _response, soup = search(client, 'شبكات "5G"')

    field = soup.select_one("form.search-form input[name=q]")
    assert field["value"] == 'شبكات "5G"'
    assert soup.select_one(f"label[for={field['id']}]").get_text().strip()


def test_empty_query_shows_the_form_without_results(client, django_assert_num_queries):
    ArticleFactory()

    # Only the site's topic navigation in base.html.
    with django_assert_num_queries(1):
        _response, soup = search(client, "")

    assert soup.select_one("form.search-form")
    assert result_links(soup) == []
    assert soup.select_one(".search-count") is None


JUNK = [
    pytest.param("' OR 1=1 --", id="sql"),
    pytest.param("'; DROP TABLE articles_article; --", id="sql-drop"),
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param('"><img src=x onerror=alert(1)>', id="attribute-breakout"),
    pytest.param("'", id="lone-quote"),
    pytest.param('"', id="lone-double-quote"),
    pytest.param("%", id="percent"),
    pytest.param("_", id="underscore"),
    pytest.param("\\", id="backslash"),
    pytest.param("\x00", id="nul"),
    pytest.param("مكتبة\x00%' OR '1'='1", id="nul-inside-words"),
    pytest.param("!@#$^&*()[]{}|<>?~`", id="punctuation"),
    pytest.param("\u202eإخفاء", id="bidi-override"),
    pytest.param("a & b | c:* !d", id="tsquery-operators"),
]


@pytest.mark.parametrize("query", JUNK)
def test_junk_queries_give_a_normal_page(client, query):
    article_with_body("نص عادي عن مكتبة كبيرة.")

    response, soup = search(client, query)

    assert b"Traceback" not in response.content
    assert b"<script>" not in response.content
    assert soup.find("img") is None
    assert soup.select_one("form.search-form input[name=q]") is not None
    assert "\x00" not in soup.select_one("form.search-form input[name=q]")["value"]


def test_wildcards_are_not_wildcards(client):
    article_with_body("نص عادي")

    _response, soup = search(client, "%")
    assert result_links(soup) == []

    _response, soup = search(client, "_")
    assert result_links(soup) == []


def test_nul_byte_in_the_url_gives_a_normal_page(client):
    response = client.get("/ar/search/?q=%00%27")

    assert response.status_code == 200


def test_very_long_query_is_shortened_and_the_reader_told(client):
    wanted = article_with_body("البيانات الضخمة")

    _response, soup = search(client, "البيانات " + "x" * 10_000)

    field = soup.select_one("form.search-form input[name=q]")
    assert len(field["value"]) == MAX_QUERY_LENGTH
    assert soup.select_one(".search-notice")
    # Only the first 200 characters count: "البيانات" and a long run of x.
    assert field["value"] == ("البيانات " + "x" * 10_000)[:MAX_QUERY_LENGTH]
    assert wanted.get_absolute_url("ar") not in result_links(soup)


def test_short_query_is_not_shortened(client):
    _response, soup = search(client, "البيانات")

    assert soup.select_one(".search-notice") is None


def test_editing_a_section_updates_what_search_finds(client):
    section = SectionFactory(body_ar="<p>كلمة قديمة</p>")
    url = section.article.get_absolute_url("ar")

    section.body_ar = "<p>كلمة جديدة</p>"
    section.save()

    assert result_links(search(client, "جديدة")[1]) == [url]
    assert result_links(search(client, "قديمة")[1]) == []

    section.delete()
    assert result_links(search(client, "جديدة")[1]) == []


def test_deleting_a_quote_removes_its_words_from_search(client):
    quote = QuoteFactory(text_ar="تصريح استثنائي")
    url = quote.article.get_absolute_url("ar")
    assert result_links(search(client, "استثنائي")[1]) == [url]

    quote.delete()

    assert result_links(search(client, "استثنائي")[1]) == []


def test_editing_the_headline_updates_what_search_finds(client):
    article = ArticleFactory(headline_ar="عنوان أول")

    article.headline_ar = "عنوان مختلف"
    article.save()

    assert result_links(search(client, "مختلف")[1]) == [article.get_absolute_url("ar")]


def test_refresh_search_command_rebuilds_lost_documents(client):
    article = article_with_body("الأمن السيبراني")
    Article.objects.update(search_text_ar="", search_headline_ar="")
    assert result_links(search(client, "السيبراني")[1]) == []

    output = io.StringIO()
    call_command("refresh_search", stdout=output)

    assert "1 article(s)" in output.getvalue()

    assert result_links(search(client, "السيبراني")[1]) == [
        article.get_absolute_url("ar")
    ]


def make_large_article(number: int) -> None:
    article = ArticleFactory(headline_ar=f"الحوسبة الطرفية {number}")
    for _ in range(5):
        SectionFactory(article=article, body_ar="<p>الحوسبة الطرفية والسحابة</p>")
    for _ in range(3):
        QuoteFactory(article=article, text_ar="الحوسبة الطرفية مهمة")


@pytest.mark.parametrize("articles", [1, 15], ids=["small", "large"])
def test_search_page_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries, articles
):
    for number in range(articles):
        make_large_article(number)

    # The site's topic navigation (base.html), the paginator's count, the page
    # of articles with their topics, and the page's sections and quotes (one
    # query each) for the snippets.
    with django_assert_num_queries(5):
        _response, soup = search(client, "الطرفية")

    assert len(result_links(soup)) == min(articles, 10)


def test_search_with_no_results_costs_a_fixed_number_of_queries(
    client, django_assert_num_queries
):
    ArticleFactory()

    # The topic navigation and the count; an empty page needs no query.
    with django_assert_num_queries(2):
        _response, soup = search(client, "غيرموجود")

    assert result_links(soup) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="GIN indexes exist on PostgreSQL only"
)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_postgres_full_text_search_uses_the_gin_index(language):
    matching = (
        Article.objects.alias(document=search_vector(language))
        .filter(
            document=SearchQuery("ذكاء cloud", config=TEXT_SEARCH_CONFIGS[language])
        )
        .order_by()
    )
    with connection.cursor() as cursor:
        # On a near-empty table a scan is cheaper; forbid it to see whether
        # the index's expression is the one the search builds.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = matching.explain()

    assert f"article_search_{language}_idx" in plan


def test_header_search_box_shows_the_cleaned_query_not_the_raw_one(client):
    response = client.get("/ar/search/", {"q": "ذكاء\x00" + "ب" * 5000})

    html = BeautifulSoup(response.content, "html.parser")
    value = html.select_one("#site-search-q")["value"]
    assert "\x00" not in value
    assert len(value) <= 200
