import os
import re
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone, translation

from articles import importer
from articles.models import Article, Person, Quote, QuoteKind, Section, Status, Topic

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_NAME = "syndicated-ar-microsoft-altman.txt"
SAMPLE_HEADLINE = "لماذا تحتاج Microsoft إلى Sam Altman وفريق OpenAI المخلص له؟"
SAMPLE_HEADINGS = [
    "Timeline",
    "منافس آخر؟",
    "يمكنه فقط العودة",
    "عواقب",
    "الموت والازدهار",
]
SAMPLE_CHROME = [
    "شعار زيفيرنت",
    "التاريخ",
    "أحدث المعلومات الاستخباراتية",
    "بقعة_صورة",
    "®",
]
PULL_QUOTE_START = "إن جعل جداول بيانات Office 365"
HTML_HEADLINE = "هل تستطيع مياه البحر تبريد مراكز البيانات في الخليج؟"


@pytest.fixture
def sample_path() -> Path:
    """The project's sample article; its absence fails CI and skips elsewhere."""
    corpus = os.environ.get("NEWSROOM_CORPUS_DIR") or (
        settings.BASE_DIR.parent / "shared" / "corpus"
    )
    path = Path(corpus) / SAMPLE_NAME
    if not path.is_file():
        message = f"sample article not found at {path}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def sample_article(sample_path: Path) -> Article:
    run_import(sample_path)
    return Article.objects.get()


def run_import(path: Path | str, **options) -> str:
    options.setdefault("language", "ar")
    out = StringIO()
    # English messages, whatever catalogues exist: the tests read the output.
    with translation.override("en"):
        call_command("import_article", str(path), stdout=out, **options)
    return out.getvalue()


def model_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count() for model in apps.get_models()
    }


def stored_texts() -> list[str]:
    """Every non-empty value of every text column of the article models."""
    texts = []
    for model in (Article, Section, Quote, Person):
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model.objects.rewrite(False).values_list(*names):
            texts += [value for value in row if value]
    return texts


def body_paragraphs(article: Article, language: str = "ar") -> list[str]:
    paragraphs = []
    for section in article.sections.order_by("position"):
        body = BeautifulSoup(getattr(section, f"body_{language}") or "", "html.parser")
        paragraphs += [" ".join(p.get_text().split()) for p in body.find_all("p")]
    return paragraphs


def headings(article: Article, language: str = "ar") -> list[str]:
    sections = article.sections.order_by("position")
    return [
        getattr(section, f"heading_{language}")
        for section in sections
        if getattr(section, f"heading_{language}")
    ]


def sample_blocks(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    return [block for block in blocks if block]


def expected_sample_paragraphs(path: Path) -> list[str]:
    """Derived from the file without the importer: blocks before the rail,
    minus chrome, headline, headings and the pull quote, end mark removed."""
    blocks = sample_blocks(path)
    blocks = blocks[: blocks.index("أحدث المعلومات الاستخباراتية")]
    not_paragraphs = {"شعار زيفيرنت", "التاريخ:", "بقعة_صورة", SAMPLE_HEADLINE}
    not_paragraphs |= set(SAMPLE_HEADINGS)
    return [
        block.removesuffix("®").strip()
        for block in blocks
        if block not in not_paragraphs and not block.startswith(PULL_QUOTE_START)
    ]


# The sample article


def test_sample_headline_is_the_question_after_the_logo_line(sample_article):
    assert sample_article.headline_ar == SAMPLE_HEADLINE
    assert sample_article.slug_ar == (
        "لماذا-تحتاج-microsoft-إلى-sam-altman-وفريق-openai-المخلص-له"
    )


def test_sample_headings_keep_their_order_and_english_timeline(sample_article):
    assert headings(sample_article) == SAMPLE_HEADINGS


def test_sample_lead_section_has_no_heading_and_four_paragraphs(sample_article):
    lead = sample_article.sections.get(position=0)
    assert lead.heading_ar == ""
    assert lead.body_ar.count("<p>") == 4


def test_sample_every_body_paragraph_arrives_once_in_order(sample_article, sample_path):
    expected = expected_sample_paragraphs(sample_path)
    assert len(expected) == 33
    assert body_paragraphs(sample_article) == expected


def test_sample_pull_quote_sits_after_its_section_and_text_resumes_unheaded(
    sample_article, sample_path
):
    blocks = sample_blocks(sample_path)
    line_index = next(
        i for i, block in enumerate(blocks) if block.startswith(PULL_QUOTE_START)
    )
    before, after = blocks[line_index - 1], blocks[line_index + 1]
    quote = sample_article.quotes.get()
    assert quote.kind == QuoteKind.PULL
    assert quote.text_ar == blocks[line_index]
    assert quote.speaker is None
    assert before in " ".join(body_paragraphs_of(quote.after_section))
    following = sample_article.sections.get(position=quote.after_section.position + 1)
    assert following.heading_ar == ""
    assert body_paragraphs_of(following)[0] == after
    assert blocks[line_index] not in " ".join(body_paragraphs(sample_article))


def body_paragraphs_of(section: Section) -> list[str]:
    body = BeautifulSoup(section.body_ar, "html.parser")
    return [" ".join(p.get_text().split()) for p in body.find_all("p")]


def test_sample_attributed_quotes_stay_body_paragraphs(sample_article):
    assert not sample_article.quotes.filter(kind=QuoteKind.ATTRIBUTED).exists()
    assert Person.objects.count() == 0


def test_sample_chrome_never_reaches_the_database(sample_article):
    texts = stored_texts()
    for chrome in SAMPLE_CHROME:
        assert not [text for text in texts if chrome in text], chrome


def test_sample_imports_as_a_draft_with_source_fields_only_from_options(
    sample_article,
):
    assert sample_article.status == Status.DRAFT
    assert sample_article.published_at is None
    assert not Article.objects.published().exists()
    assert sample_article.source_language == ""
    assert sample_article.translator == ""
    assert sample_article.source_url == ""


def test_sample_published_with_date_is_visible_from_that_midnight(
    sample_path, settings
):
    settings.TIME_ZONE = "Asia/Riyadh"
    output = run_import(sample_path, publish=True, date="2023-11-20")
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert article.published_at == datetime(
        2023, 11, 20, tzinfo=ZoneInfo("Asia/Riyadh")
    )
    assert list(Article.objects.published()) == [article]
    assert "Published, 2023-11-20 00:00" in output


def test_sample_published_without_date_is_published_now(sample_path):
    before = timezone.now()
    run_import(sample_path, publish=True)
    article = Article.objects.get()
    assert before <= article.published_at <= timezone.now()


def test_sample_import_reports_what_it_created(sample_path):
    output = run_import(sample_path)
    assert SAMPLE_HEADLINE in output
    assert "sections: 7" in output
    assert "headings: 5 (Timeline | منافس آخر؟ | يمكنه" in output
    assert "quotes: 1 (pull: 1, attributed: 0)" in output
    assert "paragraphs: 33" in output
    assert "image slots dropped: 2" in output


def test_sample_with_bom_and_crlf_reads_the_same(sample_path, tmp_path):
    text = sample_path.read_text(encoding="utf-8")
    copy = tmp_path / "windows.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run_import(copy)
    article = Article.objects.get()
    assert article.headline_ar == SAMPLE_HEADLINE
    assert headings(article) == SAMPLE_HEADINGS
    assert body_paragraphs(article) == expected_sample_paragraphs(sample_path)
    assert not [text for text in stored_texts() if "\r" in text or "\ufeff" in text]


def test_source_options_fill_the_attribution(sample_path):
    run_import(
        sample_path,
        publisher="ZephyrNet",
        source_url="https://example.com/original",
        source_language="en",
        translator="machine translation",
    )
    article = Article.objects.get()
    assert article.source_publisher == "ZephyrNet"
    assert article.source_url == "https://example.com/original"
    assert article.source_language == "en"
    assert article.translator == "machine translation"


# Our own plain-text article


def test_plain_text_drops_a_latin_logo_line_and_reads_the_date_line():
    run_import(FIXTURES / "plain-ar.txt", publish=True)
    article = Article.objects.get()
    assert article.headline_ar == "هل يغير الذكاء الاصطناعي طريقة كتابة الأخبار؟"
    assert timezone.localtime(article.published_at) == timezone.make_aware(
        datetime(2023, 11, 20)
    )
    assert not [text for text in stored_texts() if "Logo" in text or "التاريخ" in text]


def test_date_option_wins_over_the_date_line():
    run_import(FIXTURES / "plain-ar.txt", publish=True, date="2024-01-02")
    article = Article.objects.get()
    assert timezone.localtime(article.published_at).date().isoformat() == "2024-01-02"


def test_plain_text_pull_quote_splits_the_flow():
    run_import(FIXTURES / "plain-ar.txt")
    article = Article.objects.get()
    quote = article.quotes.get()
    assert quote.kind == QuoteKind.PULL
    assert quote.text_ar == "المراجعة البشرية تبقى الخطوة التي لا يمكن الاستغناء عنها"
    assert quote.after_section.heading_ar == "التجارب الأولى"
    assert [s.heading_ar for s in article.sections.all()] == ["", "التجارب الأولى", ""]
    assert body_paragraphs(article)[-1] == (
        "ولهذا تطلب معظم المؤسسات توقيع محرر على كل خبر تكتبه الآلة."
    )


def test_heading_rule_rejects_sentences_and_long_lines():
    assert importer.is_heading("منافس آخر؟")
    assert importer.is_heading("Timeline")
    assert not importer.is_heading("هذه جملة قصيرة.")
    assert not importer.is_heading("one two three four five six seven")
    assert not importer.is_heading("«نعم»")


def test_pull_quote_rule_needs_a_near_repeat_elsewhere():
    said = [
        "He said that making spreadsheets smarter does not rally a team like theirs."
    ]
    assert importer.is_pull_quote(
        "Making spreadsheets smarter does not rally a team", said
    )
    assert not importer.is_pull_quote(
        "A standalone line that repeats nothing said", said
    )
    assert not importer.is_pull_quote(
        "Making spreadsheets smarter does not rally.", said
    )


def test_same_headline_from_other_sources_gets_a_numbered_slug():
    for n in range(3):
        run_import(FIXTURES / "plain-ar.txt", source_url=f"https://example.com/{n}")
    slugs = sorted(Article.objects.values_list("slug_ar", flat=True))
    base = "هل-يغير-الذكاء-الاصطناعي-طريقة-كتابة-الأخبار"
    assert slugs == [base, f"{base}-2", f"{base}-3"]


# HTML pages


def test_html_headline_headings_and_paragraphs():
    output = run_import(
        FIXTURES / "article-ar.html", source_url="https://example.com/a"
    )
    article = Article.objects.get()
    assert article.headline_ar == HTML_HEADLINE
    assert headings(article) == ["التجربة الأولى", "ماذا عن الملوحة؟", "Benchmarks"]
    paragraphs = body_paragraphs(article)
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("تختبر شركة سحابة الخليج")
    assert (
        paragraphs[-1]
        == "ويقول خليل إن الحكم النهائي يحتاج إلى بيانات عامين على الأقل."
    )
    assert "<strong>سحابة الخليج</strong>" in article.sections.get(position=0).body_ar
    assert "<li>استهلاك أقل للكهرباء</li>" in article.sections.last().body_ar
    assert "paragraphs: 8" in output


def test_html_blockquotes_become_quotes_of_people():
    run_import(FIXTURES / "article-ar.html")
    article = Article.objects.get()
    quotes = list(article.quotes.filter(kind=QuoteKind.ATTRIBUTED))
    assert [quote.speaker.name_ar for quote in quotes] == ["ليلى حداد", "عمر خليل"]
    assert [quote.speaker_role_ar for quote in quotes] == [
        "مديرة الهندسة في سحابة الخليج",
        "محلل في مؤسسة أبحاث الحوسبة الصحراوية",
    ]
    assert quotes[0].text_ar == (
        "«لم نتوقع أن تبقى حرارة الخوادم ثابتة إلى هذا الحد في ذروة الصيف»"
    )
    assert quotes[0].after_section.heading_ar == "التجربة الأولى"
    assert quotes[1].source_url == "https://example.com/interview"
    layla = Person.objects.get(slug="ليلى-حداد")
    assert layla.role_ar == "مديرة الهندسة في سحابة الخليج"


def test_html_speakers_are_reused_across_imports():
    run_import(FIXTURES / "article-ar.html", source_url="https://example.com/a")
    run_import(FIXTURES / "article-ar.html", source_url="https://example.com/b")
    assert Person.objects.count() == 2
    assert Quote.objects.filter(speaker__slug="عمر-خليل").count() == 2


def test_html_pull_quote_splits_the_flow():
    run_import(FIXTURES / "article-ar.html")
    article = Article.objects.get()
    pull = article.quotes.get(kind=QuoteKind.PULL)
    assert pull.text_ar == "التآكل هو الخطر الأكبر على هذا النوع من الأنظمة"
    assert pull.speaker is None
    assert pull.after_section.heading_ar == "ماذا عن الملوحة؟"
    following = article.sections.get(position=pull.after_section.position + 1)
    assert following.heading_ar == ""
    assert [quote.position for quote in article.quotes.all()] == [0, 1, 2]


def test_html_images_are_reported_not_stored():
    output = run_import(FIXTURES / "article-ar.html")
    assert "image places: 1 (captions: مضخات مياه البحر في غرفة المعدات)" in output
    texts = " ".join(stored_texts())
    assert "مضخات مياه البحر في غرفة المعدات" not in texts  # the caption
    assert "مضخات زرقاء" not in texts  # the alt text
    assert "<img" not in texts


def test_html_page_chrome_is_not_content():
    run_import(FIXTURES / "article-ar.html")
    texts = " ".join(stored_texts())
    for chrome in [
        "موقع الأخبار التجريبي",  # logo and page footer
        "الرئيسية",  # nav
        "الأكثر قراءة",  # aside
        "خبر جانبي",
        "شارك المقال",  # the article's own footer
        "بقلم",  # byline in the article header
        "متتبع",  # script
        "font-family",  # style
        "©",
    ]:
        assert chrome not in texts, chrome


def test_html_links_are_absolute_web_links():
    run_import(FIXTURES / "article-ar.html", source_url="https://example.com/news/a")
    bodies = " ".join(Section.objects.values_list("body_ar", flat=True))
    assert '<a href="https://example.com/report" rel="noopener noreferrer">' in bodies
    assert 'href="https://example.com/data/cooling.csv"' in bodies
    assert "target=" not in bodies
    assert "class=" not in bodies


def test_html_relative_links_are_unwrapped_without_a_source_url():
    run_import(FIXTURES / "article-ar.html")
    bodies = " ".join(Section.objects.values_list("body_ar", flat=True))
    assert "cooling.csv" not in bodies
    assert "جدول مفتوح" in bodies


def test_html_header_time_gives_the_publication_time():
    run_import(FIXTURES / "article-ar.html", publish=True)
    article = Article.objects.get()
    assert article.published_at == datetime(2024, 3, 5, 6, 30, tzinfo=ZoneInfo("UTC"))


def test_html_is_recognised_by_content_whatever_the_suffix(tmp_path):
    page = tmp_path / "saved-page.txt"
    page.write_bytes((FIXTURES / "article-ar.html").read_bytes())
    run_import(page)
    assert Article.objects.get().headline_ar == HTML_HEADLINE


def test_html_title_is_the_headline_only_without_h1(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>عنوان الصفحة</title></head>"
        "<body><p>فقرة وحيدة في الصفحة.</p></body></html>",
        encoding="utf-8",
    )
    run_import(page)
    article = Article.objects.get()
    assert article.headline_ar == "عنوان الصفحة"
    assert body_paragraphs(article) == ["فقرة وحيدة في الصفحة."]


def test_hostile_html_leaves_nothing_executable():
    run_import(FIXTURES / "hostile-en.html", language="en")
    article = Article.objects.get()
    assert article.headline_en == "A perfectly ordinary headline"
    assert article.headline_ar is None
    assert article.slug_en == "a-perfectly-ordinary-headline"
    texts = " ".join(stored_texts()).lower()
    for hostile in [
        "<script", "alert(", "onerror", "onclick", "onload", "onmouseover",
        "javascript:", "vbscript", "data:", "<iframe", "<object", "<svg",
        "<form", "<input", "<img", "style=",
    ]:  # fmt: skip
        assert hostile not in texts, hostile
    assert 'href="https://example.org/ok"' in texts
    assert body_paragraphs(article, "en")[0] == (
        "First paragraph with a bad link and a good one."
    )
    quote = article.quotes.get()
    assert quote.text_en == "Quoted words and a link"
    assert quote.speaker.name_en == "Eve Example"
    assert quote.speaker_role_en == "tester of things"


# Files that are not articles


BAD_FILES = {
    "empty": (b"", "is empty"),
    "whitespace": (b"  \n\n\t \r\n", "only whitespace"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "latin-1": ("Café crème\n\nUn paragraphe.".encode("latin-1"), "not UTF-8"),
    "utf-16": ("عنوان\n\nفقرة.".encode("utf-16"), "UTF-16"),
    "chrome only": ("شعار زيفيرنت\n\nالتاريخ:\n\nبقعة_صورة\n".encode(), "headline"),
    "paragraph first": (("كلمة " * 80 + ".").encode(), "headline"),
    "html without h1 or title": (b"<html><body><p>Text.</p></body></html>", "headline"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_is_a_one_line_error_and_saves_nothing(case, tmp_path):
    content, reason = BAD_FILES[case]
    path = tmp_path / ("bad.html" if "html" in case else "bad.txt")
    path.write_bytes(content)
    before = model_counts()
    with pytest.raises(CommandError, match=reason) as error:
        run_import(path)
    assert "\n" not in str(error.value)
    assert model_counts() == before


def test_nested_chrome_and_broken_markup_are_tolerated(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<nav><script>x()</script><aside><style>p{}</style></aside></nav>"
        "<article><header><h1>عنوان</h1><time datetime='2024-13-45'>?</time></header>"
        "<p>فقرة <b>غير مغلقة<p>وفقرة ثانية</article>",
        encoding="utf-8",
    )
    run_import(page)
    article = Article.objects.get()
    assert article.headline_ar == "عنوان"
    assert article.published_at is None
    assert "فقرة" in " ".join(body_paragraphs(article))


def test_same_file_without_source_url_twice_is_refused():
    run_import(FIXTURES / "plain-ar.txt")
    before = model_counts()
    with pytest.raises(CommandError, match="already imported") as error:
        run_import(FIXTURES / "plain-ar.txt")
    assert "\n" not in str(error.value)
    assert model_counts() == before


def test_update_without_source_url_finds_the_article_by_its_headline():
    first = run_import(FIXTURES / "plain-ar.txt")
    run_import(FIXTURES / "plain-ar.txt", update=True)
    article = Article.objects.get()
    assert article.sections.count() > 0
    assert "Created" in first


def test_missing_file_is_a_one_line_error(tmp_path):
    before = model_counts()
    with pytest.raises(CommandError, match="File not found") as error:
        run_import(tmp_path / "nowhere.txt")
    assert "\n" not in str(error.value)
    assert model_counts() == before


def test_bad_date_option_is_a_one_line_error():
    with pytest.raises(CommandError, match="YYYY-MM-DD") as error:
        run_import(FIXTURES / "plain-ar.txt", date="20/11/2023")
    assert "\n" not in str(error.value)
    assert not Article.objects.exists()


def test_failure_midway_rolls_everything_back(monkeypatch):
    def broken_save(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "_save_quote", broken_save)
    before = model_counts()
    with pytest.raises(RuntimeError):
        run_import(FIXTURES / "article-ar.html")
    assert model_counts() == before


# Re-imports and topics


def test_same_source_url_twice_is_refused():
    url = "https://example.com/original"
    run_import(FIXTURES / "plain-ar.txt", source_url=url)
    before = model_counts()
    with pytest.raises(CommandError, match="already imported") as error:
        run_import(FIXTURES / "plain-ar.txt", source_url=url)
    assert "\n" not in str(error.value)
    assert model_counts() == before


def test_update_replaces_the_content_in_place():
    url = "https://example.com/original"
    run_import(FIXTURES / "plain-ar.txt", source_url=url)
    article = Article.objects.get()
    output = run_import(FIXTURES / "article-ar.html", source_url=url, update=True)
    updated = Article.objects.get()
    assert updated.pk == article.pk
    assert updated.headline_ar == HTML_HEADLINE
    assert updated.slug_ar == article.slug_ar  # its URL does not move
    assert Section.objects.count() == 7
    assert list(updated.sections.values_list("position", flat=True)) == list(range(7))
    assert Quote.objects.count() == 3
    assert "Updated article" in output
    assert "الأداة" not in " ".join(body_paragraphs(updated))


def test_unknown_topic_is_refused_and_nothing_saved():
    Topic.objects.create(name_ar="سحابة", slug_ar="سحابة", slug_en="cloud")
    before = model_counts()
    with pytest.raises(CommandError, match="Unknown topic “ai”") as error:
        run_import(FIXTURES / "plain-ar.txt", topic="ai")
    assert "\n" not in str(error.value)
    assert model_counts() == before


@pytest.mark.parametrize("slug", ["سحابة", "cloud"])
def test_topic_is_found_by_its_slug_in_any_language(slug):
    topic = Topic.objects.create(name_ar="سحابة", slug_ar="سحابة", slug_en="cloud")
    run_import(FIXTURES / "plain-ar.txt", topic=slug)
    assert Article.objects.get().topic == topic
