"""Telling moderators that comments wait, without flooding their inboxes."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from comments.models import Comment

logger = logging.getLogger(__name__)

THROTTLE_KEY = "comments:moderators-notified"


def moderator_emails() -> list[str]:
    users = get_user_model().objects.with_perm("comments.moderate_comment")
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def notify_moderators(*, queue_url: str) -> bool:
    """E-mail the moderators that comments wait, at most once per interval.

    cache.add succeeds for one caller per interval across every process, so
    a burst of comments sends one message, not one per comment.
    """
    if not cache.add(THROTTLE_KEY, True, timeout=settings.COMMENTS_NOTIFY_INTERVAL):
        return False
    recipients = moderator_emails()
    if not recipients:
        return False
    waiting = Comment.objects.pending().count()
    # Moderators work in the admin's language, not the reader's.
    with translation.override(settings.LANGUAGE_CODE):
        subject = ngettext(
            "%(count)d comment is waiting for moderation",
            "%(count)d comments are waiting for moderation",
            waiting,
        ) % {"count": waiting}
        body = render_to_string(
            "comments/email/moderators_notice.txt",
            {"waiting": waiting, "queue_url": queue_url},
        )
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        # The mail server is down: let the next comment try again.
        logger.exception("Could not tell moderators that comments wait")
        cache.delete(THROTTLE_KEY)
        return False
    return True
