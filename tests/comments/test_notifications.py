"""Moderators hear about waiting comments by e-mail, once per interval."""

import datetime as dt

import pytest
import time_machine
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation
from django.utils.translation import ngettext

from comments.models import Comment, CommentStatus
from tests.comments.support import post_comment, staff_user
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def subject(waiting: int) -> str:
    # Moderators are written to in the site's default language.
    with translation.override("ar"):
        return ngettext(
            "%(count)d comment is waiting for moderation",
            "%(count)d comments are waiting for moderation",
            waiting,
        ) % {"count": waiting}


class BrokenMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("no mail server")


@pytest.fixture
def moderators(django_user_model):
    return [
        staff_user(django_user_model, "mona", "Moderators"),
        staff_user(django_user_model, "eid", "Editors"),
    ]


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Post a comment and run what waits for the transaction to commit."""

    def post(article=None, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            response = post_comment(client, article or ArticleFactory(), **fields)
        assert response.status_code == 302
        return response

    return post


def test_moderators_get_one_email_when_a_comment_waits(
    send, moderators, mailoutbox, django_user_model
):
    staff_user(django_user_model, "wafa", "Writers")
    staff_user(django_user_model, "nomail", "Moderators", email="")

    send()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["eid@newsroom.test", "mona@newsroom.test"]
    assert "http://testserver/ar/admin/comments/comment/?status__exact=pending" in (
        message.body
    )
    assert message.subject == subject(1)


def test_a_burst_of_comments_sends_one_email_per_interval(
    send, moderators, mailoutbox, settings
):
    settings.COMMENTS_NOTIFY_INTERVAL = 600
    article = ArticleFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for n in range(4):
            send(article, email=f"r{n}@example.com")
        assert len(mailoutbox) == 1

        traveller.shift(dt.timedelta(seconds=601))
        send(article, email="late@example.com")

    assert len(mailoutbox) == 2
    # The second message counts everything still waiting.
    assert mailoutbox[1].subject == subject(5)
    assert Comment.objects.pending().count() == 5


def test_spam_and_published_comments_send_no_email(
    send, moderators, mailoutbox, settings, client
):
    settings.COMMENTS_BLOCK_WORDS = ["كازينو"]
    send(body="كازينو")
    send(website="http://bot.example")
    client.force_login(moderators[0])
    send()

    assert sorted(Comment.objects.values_list("status", flat=True)) == [
        CommentStatus.APPROVED,
        CommentStatus.SPAM,
        CommentStatus.SPAM,
    ]
    assert mailoutbox == []


def test_a_mail_server_failure_loses_no_comment_and_retries_later(
    send, moderators, mailoutbox, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailBackend"
    send(body="الأول")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    send(body="الثاني")

    assert Comment.objects.count() == 2
    assert len(mailoutbox) == 1
