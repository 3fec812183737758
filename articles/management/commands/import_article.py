from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from articles.importer import ArticleImportError, ImportReport, import_article
from articles.models import QuoteKind, language_codes


class Command(BaseCommand):
    help = (
        "Import an article from a plain-text file or a saved web page, "
        "as a draft unless --publish is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a .txt or .html file, UTF-8")
        parser.add_argument(
            "--language",
            required=True,
            choices=language_codes(),
            help="the language of the file's text",
        )
        parser.add_argument("--topic", default="", help="a topic slug, in any language")
        parser.add_argument("--publisher", default="", help="the original publisher")
        parser.add_argument(
            "--source-url", default="", help="the original article's URL"
        )
        parser.add_argument(
            "--source-language", default="", help="the original's language code"
        )
        parser.add_argument("--translator", default="", help="who translated it")
        parser.add_argument(
            "--publish", action="store_true", help="publish instead of saving a draft"
        )
        parser.add_argument(
            "--date", default="", help="publication date, YYYY-MM-DD (midnight)"
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="replace the content of the article with the same --source-url",
        )

    def handle(self, *args, **options) -> None:
        try:
            report = import_article(
                Path(options["file"]),
                language=options["language"],
                topic_slug=options["topic"],
                publisher=options["publisher"],
                source_url=options["source_url"],
                source_language=options["source_language"],
                translator=options["translator"],
                publish=options["publish"],
                published_on=parse_day(options["date"]),
                update=options["update"],
            )
        except ArticleImportError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(describe(report))


def parse_day(value: str | date | None) -> date | None:
    if not value or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--date must be a day written YYYY-MM-DD, not “%(value)s”")
            % {"value": value}
        ) from None


def describe(report: ImportReport) -> str:
    """What was saved, a line per fact, for the person running the import."""
    article, parsed = report.article, report.parsed
    pull_count = sum(quote.kind == QuoteKind.PULL for quote in parsed.quotes)
    speakers = sorted({quote.speaker for quote in parsed.quotes if quote.speaker})
    summary = (
        _("Created article %(id)d (%(state)s): %(headline)s")
        if report.is_new
        else _("Updated article %(id)d (%(state)s): %(headline)s")
    )
    state = article.get_status_display()
    if article.published_at:
        when = timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M %Z")
        state = f"{state}, {when}"
    slug = getattr(article, build_localized_fieldname("slug", report.language))
    lines = [
        summary % {"id": article.pk, "state": state, "headline": parsed.headline},
        _("slug: %(slug)s") % {"slug": slug},
        _("sections: %(count)d") % {"count": len(parsed.sections)},
        _("headings: %(count)d (%(headings)s)")
        % {"count": len(parsed.headings), "headings": " | ".join(parsed.headings)},
        _("quotes: %(count)d (pull: %(pull)d, attributed: %(attributed)d%(who)s)")
        % {
            "count": len(parsed.quotes),
            "pull": pull_count,
            "attributed": len(parsed.quotes) - pull_count,
            "who": f" — {', '.join(speakers)}" if speakers else "",
        },
        _("paragraphs: %(count)d") % {"count": parsed.paragraph_count},
    ]
    if parsed.source_format == "text":
        lines.append(
            _("image slots dropped: %(count)d") % {"count": parsed.image_count}
        )
    else:
        captions = "; ".join(caption for caption in parsed.image_captions if caption)
        lines.append(
            _("image places: %(count)d (captions: %(captions)s)")
            % {"count": parsed.image_count, "captions": captions or "—"}
        )
    lines += [_("warning: %(text)s") % {"text": text} for text in parsed.warnings]
    return "\n".join(lines)
