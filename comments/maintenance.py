import datetime as dt

from django.utils import timezone

from comments.models import Comment


def purge_ip_hashes(*, older_than_days: int) -> int:
    """Erase the hashed source of comments older than the retention period."""
    cutoff = timezone.now() - dt.timedelta(days=older_than_days)
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .exclude(ip_hash="")
        .update(ip_hash="")
    )
