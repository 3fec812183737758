"""purge_comment_ips: hashed addresses are kept only for the retention period."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment
from tests.comments.support import CommentFactory

pytestmark = pytest.mark.django_db


def test_purge_erases_sources_older_than_the_retention_period(settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 30
    now = timezone.now()
    old = CommentFactory(ip_hash="a" * 64, created_at=now - dt.timedelta(days=31))
    recent = CommentFactory(ip_hash="b" * 64, created_at=now - dt.timedelta(days=29))
    out = StringIO()

    call_command("purge_comment_ips", stdout=out)

    assert Comment.objects.get(pk=old.pk).ip_hash == ""
    assert Comment.objects.get(pk=recent.pk).ip_hash == "b" * 64
    assert "1 comments" in out.getvalue()
    # The comments themselves stay.
    assert Comment.objects.count() == 2


def test_purge_takes_the_period_from_the_command_line():
    CommentFactory(ip_hash="a" * 64, created_at=timezone.now() - dt.timedelta(days=2))

    call_command("purge_comment_ips", "--days", "1", stdout=StringIO())

    assert Comment.objects.get().ip_hash == ""


def test_purge_refuses_a_negative_period():
    with pytest.raises(CommandError):
        call_command("purge_comment_ips", "--days", "-1")
