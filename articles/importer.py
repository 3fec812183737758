"""Turn an article file (plain text or a saved web page) into one Article.

Parsing is pure (text in, ParsedArticle out); import_article() reads and checks
the file, then saves the article, its sections and quotes in one transaction.

Plain-text chrome. Aggregators wrap the article in page furniture that survives
a copy as lines of text; these never become content:

- LOGO_LINE: a short first line naming the publisher's logo ("شعار زيفيرنت");
- DATE_LINE: the date line around the headline ("التاريخ:"); a date it carries
  becomes the publication date;
- IMAGE_SLOT_LINE: image placeholders the aggregator lost ("بقعة_صورة");
  counted and reported, nothing else;
- RAIL_HEADING_LINE: the aggregator's "latest intelligence" rail; it and
  everything after it are dropped;
- END_MARK: the original publisher's ® end mark closing the last paragraph.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from articles.models import (
    Article,
    Person,
    Quote,
    QuoteKind,
    Section,
    Topic,
    language_codes,
)

LOGO_LINE = re.compile(r"^(?:شعار|logo)\b", re.IGNORECASE)
LOGO_MAX_WORDS = 4
DATE_LINE = re.compile(
    r"^(?:التاريخ|تاريخ النشر|date|published)\s*:(?P<value>.*)$", re.IGNORECASE
)
IMAGE_SLOT_LINE = re.compile(r"^(?:بقعة_صورة|image[ _]spot)$", re.IGNORECASE)
RAIL_HEADING_LINE = re.compile(
    r"^(?:أحدث المعلومات الاستخباراتية|latest intelligence)$", re.IGNORECASE
)
END_MARK = re.compile(r"\s*®\s*$")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")

HEADING_MAX_WORDS = 6
HEADING_MAX_CHARS = 60
PULL_QUOTE_MIN_RATIO = 0.8
CLOSING_MARKS = "\"'»”’)]"
# A heading may be a question; any other ending makes the line a sentence.
NOT_HEADING_ENDINGS = tuple(".!…:;؛،," + CLOSING_MARKS)
SENTENCE_ENDINGS = tuple(".!?؟…:;؛،," + CLOSING_MARKS)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?؟…])\s+")
ATTRIBUTION_DASHES = "—–―-~ "

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
HTML_SNIFF = re.compile(
    r"^\s*<(?:!doctype\s+html|html|head|body|article|main|h1|meta)\b", re.IGNORECASE
)
# Page furniture and active content: never article text, wherever it sits.
HTML_CHROME_TAGS = [
    "script", "style", "noscript", "iframe", "frame", "form", "nav", "aside",
    "template", "object", "embed", "svg", "canvas", "button", "input", "select",
    "textarea", "dialog", "link", "meta", "address",
]  # fmt: skip
INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn",
    "em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span",
    "strong", "sub", "sup", "time", "u", "var", "wbr",
}  # fmt: skip
HEADING_TAGS = {"h2", "h3"}
MINOR_HEADING_TAGS = {"h4", "h5", "h6"}
KEPT_BLOCK_TAGS = {"ul", "ol", "pre"}
IMAGE_TAGS = ["img", "picture", "video"]


class ArticleImportError(Exception):
    """A file or option that cannot become an article; the message is one line."""


@dataclass
class ParsedQuote:
    text: str
    kind: str
    speaker: str = ""
    role: str = ""
    source_url: str = ""


@dataclass
class ParsedSection:
    heading: str = ""
    blocks: list[str] = field(default_factory=list)  # HTML, one per paragraph
    quotes_after: list[ParsedQuote] = field(default_factory=list)


@dataclass
class ParsedArticle:
    headline: str
    sections: list[ParsedSection]
    source_format: str  # "text" or "html"
    published_on: date | datetime | None = None
    image_captions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        return [section.heading for section in self.sections if section.heading]

    @property
    def quotes(self) -> list[ParsedQuote]:
        return [quote for section in self.sections for quote in section.quotes_after]

    @property
    def paragraph_count(self) -> int:
        return sum(
            block.startswith("<p>")
            for section in self.sections
            for block in section.blocks
        )

    @property
    def image_count(self) -> int:
        return len(self.image_captions)


@dataclass
class ImportReport:
    article: Article
    parsed: ParsedArticle
    language: str
    is_new: bool


class _FlowBuilder:
    """Keeps the reading order: a quote is shown after a whole section, so
    whatever follows a quote continues in a new section without a heading."""

    def __init__(self) -> None:
        self.sections: list[ParsedSection] = []
        self._is_open = False

    def heading(self, text: str) -> None:
        self.sections.append(ParsedSection(heading=text))
        self._is_open = True

    def block(self, html_block: str) -> None:
        if not self._is_open:
            self.sections.append(ParsedSection())
            self._is_open = True
        self.sections[-1].blocks.append(html_block)

    def quote(self, quote: ParsedQuote) -> None:
        if not self.sections:
            self.sections.append(ParsedSection())
        self.sections[-1].quotes_after.append(quote)
        self._is_open = False


# Reading the file


def read_article_text(path: Path) -> str:
    """The file's text, or ArticleImportError saying in one line why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleImportError(
            _("File not found: %(path)s") % {"path": path}
        ) from None
    except IsADirectoryError:
        raise ArticleImportError(
            _("%(path)s is a directory, not a file") % {"path": path}
        ) from None
    except OSError as error:
        raise ArticleImportError(
            _("Cannot read %(path)s: %(error)s")
            % {"path": path, "error": error.strerror}
        ) from None
    if not data:
        raise ArticleImportError(_("%(path)s is empty") % {"path": path})
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleImportError(
            _("%(path)s is UTF-16 text; save it as UTF-8") % {"path": path}
        )
    if b"\x00" in data:
        raise ArticleImportError(
            _("%(path)s looks binary (it contains NUL bytes), not an article")
            % {"path": path}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleImportError(
            _(
                "%(path)s is not UTF-8 text (byte 0x%(byte)02X at offset %(offset)d);"
                " save it as UTF-8"
            )
            % {"path": path, "byte": data[error.start], "offset": error.start}
        ) from None
    if not text.strip():
        raise ArticleImportError(
            _("%(path)s has no text, only whitespace") % {"path": path}
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_html(text: str, *, filename: str = "") -> bool:
    return Path(filename).suffix.lower() in HTML_SUFFIXES or bool(
        HTML_SNIFF.match(text)
    )


def parse_article(
    text: str, *, filename: str = "", base_url: str = ""
) -> ParsedArticle:
    if is_html(text, filename=filename):
        return parse_html(text, base_url=base_url)
    return parse_plain_text(text)


# Plain text


def parse_plain_text(text: str) -> ParsedArticle:
    """Blocks separated by blank lines: chrome dropped, then headline, then body.

    A body block is a heading when it is one line of at most HEADING_MAX_WORDS
    words and HEADING_MAX_CHARS characters that does not end like a sentence
    (a question mark is allowed). It is a pull quote when it is one line, not a
    heading, without terminal punctuation, and nearly repeats a sentence of
    another paragraph (see is_pull_quote). Everything else is a paragraph.
    """
    blocks, image_slots = _text_blocks(text)
    headline, date_text, body = _split_header(blocks)
    if headline is None:
        raise ArticleImportError(_("No headline found: the file has no text lines"))
    if "\n" in headline or len(headline) > _max_length(Article, "headline"):
        raise ArticleImportError(
            _("No headline found: the first text is a paragraph (“%(start)s”)")
            % {"start": _preview(headline)}
        )
    if body:
        body[-1] = END_MARK.sub("", body[-1])
    body = [block for block in body if block]
    texts = [_one_line(block) for block in body if not is_heading(block)]
    builder = _FlowBuilder()
    for block in body:
        if is_heading(block):
            builder.heading(block)
        elif is_pull_quote(block, [other for other in texts if other != block]):
            builder.quote(ParsedQuote(text=block, kind=QuoteKind.PULL))
        else:
            builder.block(f"<p>{html.escape(_one_line(block), quote=False)}</p>")
    published_day = _parse_date_text(date_text) if date_text else None
    return ParsedArticle(
        headline=_one_line(headline),
        sections=builder.sections,
        source_format="text",
        published_on=published_day,
        image_captions=[""] * image_slots,
        warnings=[_("date line not understood: %(text)s") % {"text": date_text}]
        if date_text and not published_day
        else [],
    )


def _text_blocks(text: str) -> tuple[list[str], int]:
    """Blank-line separated blocks (lines joined by newlines) and the number
    of image slots; chrome lines are dropped and end a block."""
    blocks: list[str] = []
    lines: list[str] = []
    image_slots = 0
    is_in_rail = False
    for raw_line in text.split("\n"):
        line = " ".join(raw_line.split())
        is_chrome = bool(IMAGE_SLOT_LINE.match(line) or RAIL_HEADING_LINE.match(line))
        image_slots += bool(IMAGE_SLOT_LINE.match(line))
        is_in_rail = is_in_rail or bool(RAIL_HEADING_LINE.match(line))
        if line and not is_chrome and not is_in_rail and line != "®":
            lines.append(line)
            continue
        if lines:
            blocks.append("\n".join(lines))
            lines = []
    if lines:
        blocks.append("\n".join(lines))
    return blocks, image_slots


def _split_header(blocks: list[str]) -> tuple[str | None, str | None, list[str]]:
    """(headline, date text, body): the logo line and date lines around the
    headline are chrome."""
    rest = list(blocks)
    if len(rest) > 1 and LOGO_LINE.match(rest[0]):
        if len(rest[0].split()) <= LOGO_MAX_WORDS:
            rest.pop(0)
    headline: str | None = None
    date_text: str | None = None
    while rest:
        match = DATE_LINE.match(rest[0])
        if match:
            date_text = date_text or match["value"].strip()
            rest.pop(0)
        elif headline is None:
            headline = rest.pop(0)
        else:
            break
    return headline, date_text, rest


def is_heading(block: str) -> bool:
    return (
        "\n" not in block
        and len(block) <= HEADING_MAX_CHARS
        and len(block.split()) <= HEADING_MAX_WORDS
        and not block.endswith(NOT_HEADING_ENDINGS)
        and not block.startswith(tuple("\"'«“‘"))
    )


def is_pull_quote(block: str, other_paragraphs: list[str]) -> bool:
    """A standalone line without terminal punctuation that nearly repeats
    words said elsewhere: punctuation stripped, its words match at a
    difflib ratio of at least PULL_QUOTE_MIN_RATIO a run of about as many
    words (±2) inside one sentence of another paragraph. Pull quotes are
    lifted from the middle of longer sentences, hence the word runs."""
    if "\n" in block or is_heading(block) or block.endswith(SENTENCE_ENDINGS):
        return False
    words = _bare_words(block)
    return any(
        _repeats_within(words, _bare_words(sentence))
        for paragraph in other_paragraphs
        for sentence in SENTENCE_SPLIT.split(paragraph)
    )


def _bare_words(text: str) -> list[str]:
    kept = (
        " " if unicodedata.category(char)[0] in "PS" else char for char in text.lower()
    )
    return "".join(kept).split()


def _repeats_within(words: list[str], sentence: list[str]) -> bool:
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(" ".join(words))  # the matcher caches facts about seq2
    for size in range(max(1, len(words) - 2), len(words) + 3):
        for start in range(max(1, len(sentence) - size + 1)):
            matcher.set_seq1(" ".join(sentence[start : start + size]))
            # The cheap upper bounds rule out most runs before ratio() runs.
            if (
                matcher.real_quick_ratio() >= PULL_QUOTE_MIN_RATIO
                and matcher.quick_ratio() >= PULL_QUOTE_MIN_RATIO
                and matcher.ratio() >= PULL_QUOTE_MIN_RATIO
            ):
                return True
    return False


def _parse_date_text(text: str) -> date | None:
    match = ISO_DATE.search(text)
    try:
        return date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _preview(text: str) -> str:
    return Truncator(_one_line(text)).chars(40)


# HTML


def parse_html(text: str, *, base_url: str = "") -> ParsedArticle:
    """h1 is the headline; h2/h3 start sections; p, lists and pre are body;
    blockquotes are quotes (attributed by a cite or footer inside them, pull
    quotes otherwise or when classed "pull"/"pullquote"); figures and images
    are image places, reported and left out of the text."""
    soup = BeautifulSoup(text, "html.parser")
    for node in soup.find_all(string=lambda string: isinstance(string, Comment)):
        node.extract()
    for tag in soup.find_all(HTML_CHROME_TAGS):
        if not tag.decomposed:  # already gone with an enclosing chrome tag
            tag.decompose()
    for tag in soup.find_all("footer"):
        # A footer inside a quote or figure names the speaker; any other one
        # is the page's or the article's furniture.
        if not tag.decomposed and not tag.find_parent(["blockquote", "figure"]):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    headline_tag = _headline_tag(soup, root)
    headline = _one_line(headline_tag.get_text(" ")) if headline_tag else ""
    if not headline and soup.title:
        headline = _one_line(soup.title.get_text(" "))
    if not headline:
        raise ArticleImportError(_("No headline found: the page has no h1 or title"))
    walker = _HtmlWalker(base_url=base_url, skip=headline_tag)
    walker.walk(root)
    return ParsedArticle(
        headline=headline,
        sections=walker.flow.sections,
        source_format="html",
        published_on=_header_time(root),
        image_captions=walker.image_captions,
    )


class _HtmlWalker:
    """Walks the article in document order, feeding a _FlowBuilder."""

    def __init__(self, *, base_url: str, skip: Tag | None) -> None:
        self.base_url = base_url
        self.skip = skip
        self.flow = _FlowBuilder()
        self.image_captions: list[str] = []

    def walk(self, container: Tag) -> None:
        inline_run: list[NavigableString | Tag] = []
        for child in list(container.children):
            if isinstance(child, NavigableString) or child.name in INLINE_TAGS:
                inline_run.append(child)
                continue
            self._paragraph(inline_run)
            inline_run = []
            self._element(child)
        self._paragraph(inline_run)

    def _element(self, tag: Tag) -> None:
        name = tag.name
        if tag is self.skip or name in {"header", "hr", "title", "head"}:
            # The article's header holds the headline, byline and date, which
            # are read elsewhere; none of it is body text.
            return
        if name in HEADING_TAGS or name == "h1":
            if heading := _one_line(tag.get_text(" ")):
                self.flow.heading(heading)
        elif name in MINOR_HEADING_TAGS:
            self._paragraph(list(tag.contents), wrapper="h4")
        elif name == "p":
            self._paragraph(list(tag.contents))
        elif name in KEPT_BLOCK_TAGS:
            self._drop_images(tag)
            self._fix_links(tag)
            if tag.get_text(strip=True):
                self.flow.block(str(tag))
        elif name == "blockquote":
            self._quote(tag, attribution=None)
        elif name == "figure":
            self._figure(tag)
        elif name in IMAGE_TAGS:
            self.image_captions.append(_alt(tag))
        else:
            self.walk(tag)

    def _paragraph(
        self, nodes: list[NavigableString | Tag], wrapper: str = "p"
    ) -> None:
        holder = BeautifulSoup("", "html.parser").new_tag(wrapper)
        for node in nodes:
            holder.append(node.extract())
        self._drop_images(holder)
        self._fix_links(holder)
        if holder.get_text(strip=True):
            inner = "".join(str(child) for child in holder.contents).strip()
            self.flow.block(f"<{wrapper}>{inner}</{wrapper}>")

    def _figure(self, figure: Tag) -> None:
        caption_tag = figure.find("figcaption")
        quote = figure.find("blockquote")
        if quote is not None:
            self._quote(quote, attribution=caption_tag)
            return
        caption = _one_line(caption_tag.get_text(" ")) if caption_tag else ""
        image = figure.find(IMAGE_TAGS)
        self.image_captions.append(caption or (_alt(image) if image else ""))

    def _quote(self, blockquote: Tag, *, attribution: Tag | None) -> None:
        attribution = (
            attribution or blockquote.find("footer") or blockquote.find("cite")
        )
        by = _one_line(attribution.extract().get_text(" ")) if attribution else ""
        by = by.lstrip(ATTRIBUTION_DASHES)
        self._drop_images(blockquote)
        paragraphs = [_one_line(p.get_text(" ")) for p in blockquote.find_all("p")]
        text = "\n\n".join(p for p in paragraphs if p) or _one_line(
            blockquote.get_text(" ")
        )
        if not text:
            return
        classes = set(blockquote.get("class", []))
        is_pull = not by or bool(classes & {"pull", "pullquote"})
        speaker, role = _split_attribution(by)
        self.flow.quote(
            ParsedQuote(
                text=text,
                kind=QuoteKind.PULL if is_pull else QuoteKind.ATTRIBUTED,
                speaker=speaker,
                role=role,
                source_url=_absolute_http_url(
                    blockquote.get("cite", ""), self.base_url
                ),
            )
        )

    def _drop_images(self, tag: Tag) -> None:
        # An img inside a picture is one of its sources, not another image.
        images = [
            image
            for image in tag.find_all(IMAGE_TAGS)
            if image.find_parent("picture") is None
        ]
        for image in images:
            self.image_captions.append(_alt(image))
            image.decompose()

    def _fix_links(self, tag: Tag) -> None:
        # Only absolute web links survive; relative ones are resolved against
        # the source page, anything else (javascript:, data:, mailto:) unwrapped.
        for link in tag.find_all("a"):
            href = _absolute_http_url(link.get("href", ""), self.base_url)
            if href:
                link.attrs = {"href": href}
            else:
                link.unwrap()


def _alt(image: Tag) -> str:
    inner = image if image.name == "img" else image.find("img")
    return _one_line(inner.get("alt", "")) if inner else ""


def _split_attribution(text: str) -> tuple[str, str]:
    """(name, role) from “Name, role”, with a Latin or an Arabic comma."""
    comma = re.search(r"[,،]", text)
    if comma is None:
        return text.strip(), ""
    return text[: comma.start()].strip(), text[comma.end() :].strip()


def _headline_tag(soup: BeautifulSoup, root: Tag) -> Tag | None:
    """The article's h1; on a page without an article element, a page
    header's h1 is usually the site's name, so an h1 outside headers wins."""
    candidates = root.find_all("h1") or soup.find_all("h1")
    outside_headers = [tag for tag in candidates if tag.find_parent("header") is None]
    return (outside_headers or candidates or [None])[0]


def _absolute_http_url(href: str, base_url: str) -> str:
    href = href.strip()
    if not href or href.startswith("#"):
        return ""
    scheme = urlsplit(href).scheme.lower()
    if not scheme and base_url:
        href = urljoin(base_url, href)
        scheme = urlsplit(href).scheme.lower()
    return href if scheme in {"http", "https"} else ""


def _header_time(root: Tag) -> date | datetime | None:
    stamp = root.select_one("header time[datetime]")
    value = stamp["datetime"].strip() if stamp else ""
    try:
        return (parse_datetime(value) or parse_date(value)) if value else None
    except ValueError:  # well-formed but impossible, like month 13
        return None


# Saving


def import_article(
    path: Path,
    *,
    language: str,
    topic_slug: str = "",
    publisher: str = "",
    source_url: str = "",
    source_language: str = "",
    translator: str = "",
    publish: bool = False,
    published_on: date | None = None,
    update: bool = False,
) -> ImportReport:
    """One article with its sections and quotes from one file, all or nothing.

    An article with the same source URL is refused, or with update=True its
    headline, sections and quotes are replaced in place (same row, same slug).
    """
    _check_options(
        language=language,
        source_url=source_url,
        source_language=source_language,
        publisher=publisher,
        translator=translator,
        update=update,
    )
    parsed = parse_article(
        read_article_text(path), filename=path.name, base_url=source_url
    )
    _check_lengths(parsed)
    with transaction.atomic():
        # Refusals are worded in the caller's language, so they come first.
        topic = _topic(topic_slug) if topic_slug else None
        article = _existing_article(
            source_url, headline=parsed.headline, language=language, update=update
        )
        is_new = article is None
        with translation.override(language):
            article = _save_article(
                article or Article(),
                parsed=parsed,
                language=language,
                topic=topic,
                sources={
                    "source_publisher": publisher,
                    "source_url": source_url,
                    "source_language": source_language,
                    "translator": translator,
                },
                published_on=published_on,
                publish=publish,
            )
    return ImportReport(
        article=article, parsed=parsed, language=language, is_new=is_new
    )


def _save_article(
    article: Article,
    *,
    parsed: ParsedArticle,
    language: str,
    topic: Topic | None,
    sources: dict[str, str],
    published_on: date | None,
    publish: bool,
) -> Article:
    _fill_article(article, parsed=parsed, language=language, topic=topic)
    for name, value in sources.items():
        if value:
            setattr(article, name, value)
    published_at = _start_of_day_or_time(published_on or parsed.published_on)
    if published_at:
        article.published_at = published_at
    article.save()
    if publish:
        article.publish(at=published_at)
    with article.refreshing_once():
        _replace_body(article, parsed=parsed, language=language)
    return article


def _check_options(
    *,
    language: str,
    source_url: str,
    source_language: str,
    publisher: str,
    translator: str,
    update: bool,
) -> None:
    if language not in language_codes():
        raise ArticleImportError(
            _("Unknown language “%(language)s”; use one of: %(choices)s")
            % {"language": language, "choices": ", ".join(language_codes())}
        )
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            raise ArticleImportError(
                _("Not a web address: %(url)s") % {"url": source_url}
            ) from None
    known_languages = dict(Article._meta.get_field("source_language").choices)
    if source_language and source_language not in known_languages:
        raise ArticleImportError(
            _("Unknown source language code “%(code)s”") % {"code": source_language}
        )
    _check_length(source_url, Article, "source_url")
    _check_length(publisher, Article, "source_publisher")
    _check_length(translator, Article, "translator")


def _check_lengths(parsed: ParsedArticle) -> None:
    _check_length(parsed.headline, Article, "headline")
    for heading in parsed.headings:
        _check_length(heading, Section, "heading")
    for quote in parsed.quotes:
        _check_length(quote.speaker, Person, "name")
        _check_length(quote.role, Quote, "speaker_role")
        _check_length(quote.source_url, Quote, "source_url")


def _check_length(value: str, model: type[models.Model], field_name: str) -> None:
    limit = _max_length(model, field_name)
    if len(value) > limit:
        raise ArticleImportError(
            _(
                "Too long for %(field)s (%(length)d characters, at most %(limit)d):"
                " “%(start)s”"
            )
            % {
                "field": model._meta.get_field(field_name).verbose_name,
                "length": len(value),
                "limit": limit,
                "start": _preview(value),
            }
        )


def _max_length(model: type[models.Model], field_name: str) -> int:
    return model._meta.get_field(field_name).max_length


def _topic(slug: str) -> Topic:
    lookup = Q(slug=slug)
    for code in language_codes():
        lookup |= Q(**{build_localized_fieldname("slug", code): slug})
    topic = Topic.objects.rewrite(False).filter(lookup).first()
    if topic is None:
        known = [
            known for known in Topic.objects.values_list("slug", flat=True) if known
        ]
        raise ArticleImportError(
            _("Unknown topic “%(slug)s”; known topics: %(known)s")
            % {"slug": slug, "known": ", ".join(known) or _("none yet")}
        )
    return topic


def _existing_article(
    source_url: str, *, headline: str, language: str, update: bool
) -> Article | None:
    """The article this file was imported as before: same source URL, or, for a
    file with no URL, the same headline in the same language."""
    if source_url:
        found = Article.objects.filter(source_url=source_url)
        origin = source_url
    else:
        found = Article.objects.filter(
            **{build_localized_fieldname("headline", language): headline}
        )
        origin = _("the same headline")
    article = found.order_by("pk").first()
    if article and not update:
        raise ArticleImportError(
            _(
                "Article %(id)d “%(headline)s” was already imported from %(url)s;"
                " use --update to replace its content"
            )
            % {
                "id": article.pk,
                "headline": _preview(article.headline),
                "url": origin,
            }
        )
    return article


def _fill_article(
    article: Article, *, parsed: ParsedArticle, language: str, topic: Topic | None
) -> None:
    setattr(article, build_localized_fieldname("headline", language), parsed.headline)
    slug_field = build_localized_fieldname("slug", language)
    if not getattr(article, slug_field):
        # Re-imports keep their slug: published URLs must not move.
        setattr(
            article, slug_field, _unique_slug(parsed.headline, language, article.pk)
        )
    if topic is not None:
        article.topic = topic


def _unique_slug(headline: str, language: str, own_pk: int | None) -> str:
    """The headline's slug, or slug-2, slug-3... when taken, in any slug column."""
    limit = _max_length(Article, "slug") - 6
    base = slugify(headline, allow_unicode=True)[:limit].strip("-") or "article"
    slug_field = build_localized_fieldname("slug", language)
    # The untranslated column is unique too and holds one language's slug.
    taken = Article.objects.rewrite(False).exclude(pk=own_pk)
    candidate, number = base, 1
    while taken.filter(Q(slug=candidate) | Q(**{slug_field: candidate})).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _start_of_day_or_time(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.combine(value, time.min))


def _replace_body(article: Article, *, parsed: ParsedArticle, language: str) -> None:
    article.quotes.all().delete()
    article.sections.all().delete()
    quote_position = 0
    for position, parsed_section in enumerate(parsed.sections):
        section = Section(article=article, position=position)
        setattr(
            section,
            build_localized_fieldname("heading", language),
            parsed_section.heading,
        )
        setattr(
            section,
            build_localized_fieldname("body", language),
            "\n".join(parsed_section.blocks),
        )
        section.save()
        for parsed_quote in parsed_section.quotes_after:
            _save_quote(
                parsed_quote,
                article=article,
                after=section,
                position=quote_position,
                language=language,
            )
            quote_position += 1


def _save_quote(
    parsed: ParsedQuote,
    *,
    article: Article,
    after: Section,
    position: int,
    language: str,
) -> Quote:
    quote = Quote(
        article=article,
        kind=parsed.kind,
        speaker=_speaker(parsed.speaker, role=parsed.role, language=language),
        source_url=parsed.source_url,
        after_section=after,
        position=position,
    )
    setattr(quote, build_localized_fieldname("text", language), parsed.text)
    setattr(quote, build_localized_fieldname("speaker_role", language), parsed.role)
    quote.save()
    return quote


def _speaker(name: str, *, role: str, language: str) -> Person | None:
    """The Person called name (matched by name or slug), created when new."""
    slug = slugify(name, allow_unicode=True)[: _max_length(Person, "slug")]
    if not slug:
        return None
    name_field = build_localized_fieldname("name", language)
    role_field = build_localized_fieldname("role", language)
    person = Person.objects.filter(Q(slug=slug) | Q(**{name_field: name})).first()
    person = person or Person(slug=slug)
    if not getattr(person, name_field):
        setattr(person, name_field, name)
    if role and not getattr(person, role_field):
        setattr(person, role_field, role)
    person.save()
    return person
