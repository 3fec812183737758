from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from comments.maintenance import purge_ip_hashes


class Command(BaseCommand):
    help = "Erase the hashed IP addresses of comments older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days (default: COMMENTS_IP_RETENTION_DAYS).",
        )

    def handle(self, *args, days: int | None, **options):
        days = settings.COMMENTS_IP_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be zero or more.")
        erased = purge_ip_hashes(older_than_days=days)
        self.stdout.write(
            f"Erased the source of {erased} comments older than {days} days."
        )
