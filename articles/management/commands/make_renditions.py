from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from articles.images import make_missing_renditions


class Command(BaseCommand):
    help = (
        "Make the WebP and JPEG/PNG renditions readers are served, for images "
        "that have none yet (or for all of them with --force)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="remake every image's renditions, e.g. after IMAGE_RENDITION_WIDTHS",
        )

    def handle(self, *args, **options) -> None:
        report = make_missing_renditions(force=options["force"])
        self.stdout.write(
            _("Renditions made for %(count)d images.") % {"count": report.made}
        )
        for name, reason in report.failed.items():
            self.stderr.write(
                _("%(name)s: no renditions: %(reason)s")
                % {"name": name, "reason": reason}
            )
