"""The moderation queue in the admin: order, decisions, records, permissions."""

import datetime as dt

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment, CommentStatus, ModerationRecord
from tests.admin_forms import form_data
from tests.comments.support import (
    CommentFactory,
    article_url,
    soup,
    staff_user,
    translated,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

QUEUE = "/ar/admin/comments/comment/"
RECORDS = "/ar/admin/comments/moderationrecord/"


@pytest.fixture
def moderator(django_user_model):
    return staff_user(django_user_model, "mona", "Moderators")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def queue_rows(client, query: str = "") -> list[str]:
    response = client.get(QUEUE + query)
    assert response.status_code == 200
    return [
        row.select_one(".field-short_body").get_text(strip=True)
        for row in soup(response).select("#result_list tbody tr")
    ]


def act(client, action: str, *comments: Comment):
    return client.post(
        QUEUE,
        {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in comments]},
        follow=True,
    )


def test_the_queue_shows_pending_first_then_newest(moderator_client):
    now = timezone.now()

    def at(days: int, body: str, status: str) -> None:
        CommentFactory(
            body=body, status=status, created_at=now - dt.timedelta(days=days)
        )

    at(0, "approved newest", CommentStatus.APPROVED)
    at(3, "pending oldest", CommentStatus.PENDING)
    at(1, "pending newer", CommentStatus.PENDING)
    at(2, "spam", CommentStatus.SPAM)

    assert queue_rows(moderator_client) == [
        "pending newer",
        "pending oldest",
        "approved newest",
        "spam",
    ]


def test_the_queue_shows_the_article_and_the_comment_replied_to(moderator_client):
    article = ArticleFactory(headline_ar="مقال النقاش")
    parent = CommentFactory(article=article, body="التعليق الأصلي")
    CommentFactory(article=article, parent=parent, status=CommentStatus.PENDING)

    row = soup(moderator_client.get(QUEUE)).select_one("#result_list tbody tr")

    assert row.select_one(".field-article_link").get_text(strip=True) == "مقال النقاش"
    assert row.select_one(".field-article_link a")["href"] == article_url(article)
    assert "التعليق الأصلي" in row.select_one(".field-in_reply_to").get_text()


def test_a_moderator_approves_one_comment_from_its_page(moderator_client, moderator):
    comment = CommentFactory(status=CommentStatus.PENDING, body="يستحق النشر")
    change_url = f"{QUEUE}{comment.pk}/change/"
    data = form_data(moderator_client.get(change_url), "comment_form")
    data["status"] = CommentStatus.APPROVED

    response = moderator_client.post(change_url, data)

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    record = comment.moderation_records.get()
    assert (record.moderator, record.from_status, record.to_status) == (
        moderator,
        CommentStatus.PENDING,
        CommentStatus.APPROVED,
    )
    assert timezone.now() - record.decided_at < dt.timedelta(minutes=1)
    assert "يستحق النشر" in moderator_client.get(article_url(comment.article)).text


def test_the_comment_page_shows_its_decisions(moderator_client, moderator):
    comment = CommentFactory(status=CommentStatus.PENDING)
    comment.moderate(CommentStatus.SPAM, by=moderator)

    html = soup(moderator_client.get(f"{QUEUE}{comment.pk}/change/"))

    assert "mona" in html.select_one(".field-moderator").get_text()


def test_a_readers_words_cannot_be_rewritten_in_the_admin(moderator_client):
    comment = CommentFactory(body="كلماتي", name="سارة")
    change_url = f"{QUEUE}{comment.pk}/change/"
    data = form_data(moderator_client.get(change_url), "comment_form")
    data.update(body="كلمات أخرى", name="غيرها", email="other@example.com")

    moderator_client.post(change_url, data)

    comment.refresh_from_db()
    assert (comment.body, comment.name) == ("كلماتي", "سارة")
    assert not comment.moderation_records.exists()


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", CommentStatus.APPROVED),
        ("reject", CommentStatus.REJECTED),
        ("mark_spam", CommentStatus.SPAM),
    ],
)
def test_bulk_actions_decide_every_selected_comment_and_record_it(
    moderator_client, moderator, action, status
):
    chosen = CommentFactory.create_batch(3, status=CommentStatus.PENDING)
    untouched = CommentFactory(status=CommentStatus.PENDING)

    response = act(moderator_client, action, *chosen)

    assert response.status_code == 200
    assert set(Comment.objects.filter(status=status)) == set(chosen)
    untouched.refresh_from_db()
    assert untouched.status == CommentStatus.PENDING
    records = ModerationRecord.objects.all()
    assert {(r.comment, r.moderator, r.from_status, r.to_status) for r in records} == {
        (c, moderator, CommentStatus.PENDING, status) for c in chosen
    }
    # The admin speaks Arabic: "the status of 3 comments is now …".
    assert [m.message for m in response.context["messages"]] == [
        f"أصبحت حالة 3 تعليقات «{status.label}»."
    ]


def test_one_selected_comment_is_decided_alone(moderator_client):
    comment, other = CommentFactory.create_batch(2, status=CommentStatus.PENDING)

    act(moderator_client, "reject", comment)

    assert Comment.objects.get(status=CommentStatus.REJECTED) == comment
    other.refresh_from_db()
    assert other.status == CommentStatus.PENDING


def test_a_decision_that_changes_nothing_is_not_recorded_twice(moderator_client):
    approved = CommentFactory(status=CommentStatus.APPROVED)
    pending = CommentFactory(status=CommentStatus.PENDING)

    act(moderator_client, "approve", approved, pending)

    assert [r.comment for r in ModerationRecord.objects.all()] == [pending]


def test_a_comment_can_be_taken_back_from_spam(moderator_client):
    comment = CommentFactory(status=CommentStatus.SPAM)

    act(moderator_client, "approve", comment)

    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.moderation_records.get().from_status == CommentStatus.SPAM


def test_the_queue_filters_by_status_article_and_date(moderator_client):
    article = ArticleFactory()
    old = timezone.now() - dt.timedelta(days=40)
    CommentFactory(article=article, body="a-pending", status="pending")
    CommentFactory(article=article, body="a-spam-old", status="spam", created_at=old)
    CommentFactory(body="b-spam", status="spam")

    assert sorted(queue_rows(moderator_client, "?status__exact=spam")) == [
        "a-spam-old",
        "b-spam",
    ]
    assert sorted(
        queue_rows(moderator_client, f"?article__id__exact={article.pk}")
    ) == [
        "a-pending",
        "a-spam-old",
    ]
    html = soup(moderator_client.get(QUEUE))
    past_week = next(
        link["href"]
        for link in html.select("#changelist-filter a")
        if link.get_text(strip=True) == translated("Past 7 days")
    )
    assert sorted(queue_rows(moderator_client, past_week)) == ["a-pending", "b-spam"]


def test_the_queue_query_count_does_not_grow_with_comments(
    moderator_client, django_assert_num_queries
):
    parent = CommentFactory()
    CommentFactory(parent=parent, article=parent.article, status="pending")
    with CaptureQueriesContext(connection) as few:
        moderator_client.get(QUEUE)
    for _ in range(30):
        reply_to = CommentFactory()
        CommentFactory(parent=reply_to, article=reply_to.article, status="pending")

    # Session and user, permissions, counts, the page of comments with their
    # articles and parents, the status and article filters, date hierarchy.
    with django_assert_num_queries(len(few.captured_queries)):
        moderator_client.get(QUEUE)


def test_moderators_are_offered_exactly_the_three_decisions(moderator_client):
    CommentFactory()

    html = soup(moderator_client.get(QUEUE))

    offered = [o["value"] for o in html.select("select[name=action] option")]
    assert offered == ["", "approve", "reject", "mark_spam"]


def test_moderators_can_read_the_record_of_decisions(moderator_client, moderator):
    comment = CommentFactory(status=CommentStatus.PENDING, body="سجل")
    comment.moderate(CommentStatus.REJECTED, by=moderator)

    html = soup(moderator_client.get(RECORDS))

    row = html.select_one("#result_list tbody tr")
    assert "سجل" in row.get_text()
    assert "mona" in row.get_text()
    assert moderator_client.get(f"{RECORDS}add/").status_code == 403


def test_moderators_cannot_open_or_edit_articles(moderator_client):
    article = ArticleFactory()

    assert moderator_client.get("/ar/admin/articles/article/").status_code == 403
    assert moderator_client.get("/ar/admin/articles/article/add/").status_code == 403
    change = f"/ar/admin/articles/article/{article.pk}/change/"
    assert moderator_client.get(change).status_code == 403
    assert moderator_client.post(change, {"headline_ar": "x"}).status_code == 403


def test_editors_can_moderate_too(client, django_user_model):
    client.force_login(staff_user(django_user_model, "eid", "Editors"))
    comment = CommentFactory(status=CommentStatus.PENDING)

    act(client, "approve", comment)

    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED


def test_writers_cannot_moderate(client, django_user_model):
    client.force_login(staff_user(django_user_model, "wafa", "Writers"))
    comment = CommentFactory(status=CommentStatus.PENDING)

    assert client.get(QUEUE).status_code == 403
    assert client.get(f"{QUEUE}{comment.pk}/change/").status_code == 403
    assert act(client, "approve", comment).status_code == 403
    assert client.get(RECORDS).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.parametrize(
    "url",
    [QUEUE, RECORDS, "/ar/admin/", "/ar/admin/articles/article/"],
)
def test_anonymous_visitors_reach_nothing_in_the_admin(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/ar/admin/login/")


def test_anonymous_visitors_cannot_moderate(client):
    comment = CommentFactory(status=CommentStatus.PENDING)

    act(client, "approve", comment)
    client.post(f"{QUEUE}{comment.pk}/change/", {"status": "approved"})

    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert not ModerationRecord.objects.exists()
