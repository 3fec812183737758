"""The thread under an article: what readers see, and what they never see."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment, CommentStatus
from tests.comments.support import (
    CommentFactory,
    article_url,
    form_fields,
    post_comment,
    soup,
    staff_user,
    translated,
)
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

DIRECTION_CONTROLS = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


def thread(client, article, language: str = "ar"):
    response = client.get(article_url(article, language))
    assert response.status_code == 200
    return soup(response).find(id="comments")


def bodies(section) -> list[str]:
    return [b.get_text(strip=True) for b in section.select(".comment-body")]


def test_approved_comments_show_oldest_first_and_nothing_else(client):
    article = ArticleFactory()
    now = timezone.now()
    CommentFactory(article=article, body="الثاني", created_at=now)
    CommentFactory(article=article, body="الأول", created_at=now - dt.timedelta(1))
    for status in ("pending", "rejected", "spam"):
        CommentFactory(article=article, body=f"مخفي {status}", status=status)
    CommentFactory(body="تعليق على مقال آخر")

    assert bodies(thread(client, article)) == ["الأول", "الثاني"]


def test_the_article_shows_its_count_of_approved_comments(client):
    article = ArticleFactory(headline_en="Two comments", slug_en="two-comments")
    parent = CommentFactory(article=article)
    CommentFactory(article=article, parent=parent)
    CommentFactory(article=article, status=CommentStatus.PENDING)

    english = thread(client, article, "en").find(id="comments-heading")
    arabic = thread(client, article, "ar").find(id="comments-heading")

    assert english.get_text(strip=True) == "2 comments"
    assert arabic.get_text(strip=True) == "تعليقان"  # Arabic's dual form


def test_replies_sit_under_their_parent(client):
    article = ArticleFactory()
    first = CommentFactory(article=article, body="سؤال")
    second = CommentFactory(article=article, body="رأي آخر")
    CommentFactory(article=article, parent=first, body="جواب")
    CommentFactory(article=article, parent=first, body="جواب ثان")
    CommentFactory(
        article=article, parent=second, body="رد ينتظر", status=CommentStatus.PENDING
    )

    section = thread(client, article)

    items = section.select(".comment-list > li")
    assert [bodies(item.select_one(".comment-replies") or item) for item in items] == [
        ["جواب", "جواب ثان"],
        ["رأي آخر"],
    ]
    assert items[0].select_one(":scope > article .comment-body").get_text() == "سؤال"


def test_a_staff_reply_is_marked_and_a_reader_one_is_not(client):
    article = ArticleFactory()
    parent = CommentFactory(article=article)
    CommentFactory(article=article, parent=parent, is_by_staff=True, name="المحرر")

    section = thread(client, article)

    marked = section.select(".comment-staff")
    assert len(marked) == 1
    assert marked[0].select_one(".comment-author").get_text() == "المحرر"
    assert marked[0].select_one(".comment-badge").get_text() == translated("Staff")


def test_a_staff_member_posting_while_signed_in_is_marked(client, django_user_model):
    client.force_login(staff_user(django_user_model, "wafa", "Writers"))
    article = ArticleFactory()

    post_comment(client, article)

    comment = Comment.objects.get()
    assert comment.is_by_staff
    # A writer cannot moderate, so even staff comments wait.
    assert comment.status == CommentStatus.PENDING


def test_email_addresses_never_reach_the_page(client):
    article = ArticleFactory()
    parent = CommentFactory(article=article, email="hidden.person@example.com")
    CommentFactory(article=article, parent=parent, email="reply.person@example.com")

    html = client.get(article_url(article)).text

    assert "hidden.person" not in html
    assert "reply.person" not in html


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>x</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ request }} {% debug %}",
    "<iframe src=//evil.example></iframe>",
    "data:text/html,<script>alert(1)</script>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_comment_is_shown_as_text_whatever_it_contains(client, payload):
    article = ArticleFactory()
    CommentFactory(article=article, body=payload, name=payload)

    section = thread(client, article)

    comment = section.select_one(".comment")
    assert comment.find(["script", "img", "svg", "iframe"]) is None
    for element in section.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")]
    for link in comment.find_all("a", class_=False):
        assert link["href"].startswith(("http://", "https://"))
    # The reader's words are all there, as words.
    assert comment.select_one(".comment-author").get_text() == payload
    assert comment.select_one(".comment-body").get_text() == payload


def test_links_are_clickable_and_pass_no_rank(client):
    article = ArticleFactory()
    CommentFactory(article=article, body="المصدر: https://example.com/report?a=1&b=2")

    link = thread(client, article).select_one(".comment-body a")

    assert link["href"] == "https://example.com/report?a=1&b=2"
    assert link["rel"] == ["nofollow", "ugc", "noopener"]


def test_line_breaks_are_kept(client):
    article = ArticleFactory()
    CommentFactory(article=article, body="سطر أول\nسطر ثان\n\nفقرة ثانية")

    body = thread(client, article).select_one(".comment-body")

    paragraphs = body.find_all("p")
    assert len(paragraphs) == 2
    assert paragraphs[0].find("br") is not None


def test_direction_controls_are_stripped_when_a_comment_is_saved(client):
    article = ArticleFactory()

    post_comment(
        client,
        article,
        name=f"سارة{DIRECTION_CONTROLS}",
        body=f"نص \u202egnp.exe{DIRECTION_CONTROLS} آخر",
    )

    comment = Comment.objects.get()
    assert comment.name == "سارة"
    assert comment.body == "نص gnp.exe آخر"


def test_direction_controls_stored_by_other_paths_are_stripped_on_display(client):
    article = ArticleFactory()
    comment = CommentFactory(article=article)
    # update() skips save(): as if a row came from an import or an old version.
    Comment.objects.filter(pk=comment.pk).update(
        name="\u202eسارة\u2066", body=f"قبل \u202eبعد{DIRECTION_CONTROLS}"
    )

    section = thread(client, article)

    assert not set(DIRECTION_CONTROLS) & set(section.decode())
    assert section.select_one(".comment-author").get_text() == "سارة"
    assert section.select_one(".comment-body").get_text(strip=True) == "قبل بعد"


def test_each_comment_is_isolated_from_the_text_around_it(client):
    article = ArticleFactory()
    CommentFactory(article=article, name="Sam Altman", body="Microsoft ثم OpenAI")

    comment = thread(client, article).select_one(".comment")

    assert comment.select_one(".comment-author").name == "bdi"
    assert comment.select_one(".comment-body")["dir"] == "auto"


def test_page_queries_stay_the_same_with_1_or_200_comments(
    client, django_assert_num_queries
):
    small, large = ArticleFactory(), ArticleFactory()
    CommentFactory(article=small)
    parents = CommentFactory.create_batch(100, article=large)
    for parent in parents:
        CommentFactory(article=large, parent=parent)
    with CaptureQueriesContext(connection) as small_page:
        client.get(article_url(small))
    comment_queries = [
        q["sql"] for q in small_page.captured_queries if "comments_comment" in q["sql"]
    ]

    # Whatever the article page needs, plus one query for the approved
    # comments of the article, replies included.
    with django_assert_num_queries(len(small_page.captured_queries)):
        html = soup(client.get(article_url(large)))

    assert len(comment_queries) == 1
    assert len(html.select(".comment")) == 200


def test_a_reply_link_opens_the_form_as_a_reply(client):
    article = ArticleFactory()
    parent = CommentFactory(article=article, name="ليلى")
    page = f"{article_url(article)}?reply_to={parent.pk}"

    html = soup(client.get(page))
    _, data = form_fields(html)
    response = post_comment(client, article, page=page, body="أوافقك")

    assert data["parent"] == str(parent.pk)
    assert "ليلى" in html.select_one("#comment-form h3").get_text()
    assert response.status_code == 302
    assert Comment.objects.get(body="أوافقك").parent == parent


def test_replies_are_offered_only_on_top_level_comments(client):
    article = ArticleFactory()
    parent = CommentFactory(article=article)
    CommentFactory(article=article, parent=parent)

    links = thread(client, article).select(".comment-reply")

    assert [link["href"] for link in links] == [f"?reply_to={parent.pk}#comment-form"]


@pytest.mark.parametrize(
    "target",
    ["pending", "rejected", "other-article", "reply"],
)
def test_a_reply_to_a_comment_readers_cannot_answer_is_refused(client, target):
    article = ArticleFactory()
    parent = {
        "pending": lambda: CommentFactory(article=article, status="pending"),
        "rejected": lambda: CommentFactory(article=article, status="rejected"),
        "other-article": lambda: CommentFactory(),
        "reply": lambda: CommentFactory(
            article=article, parent=CommentFactory(article=article)
        ),
    }[target]()

    response = post_comment(client, article, parent=str(parent.pk), body="ردي")

    assert response.status_code == 400
    assert not Comment.objects.filter(body="ردي").exists()
    html = soup(response)
    assert html.select_one("#comment-form .form-errors").get_text(strip=True)
    # The text stays, and the form now sends it as a new comment.
    _, data = form_fields(html)
    assert (data["body"].strip(), data["parent"]) == ("ردي", "")


def test_a_closed_article_shows_its_comments_but_no_form(client):
    article = ArticleFactory(is_commenting_open=False)
    CommentFactory(article=article, body="قديم")

    section = thread(client, article)

    assert bodies(section) == ["قديم"]
    assert section.find(id="comment-form") is None
    assert section.select(".comment-reply") == []
    assert section.select_one(".comments-closed").get_text() == translated(
        "Comments on this article are closed."
    )


def test_a_comment_sent_as_the_article_closes_is_refused_and_kept(client):
    article = ArticleFactory()
    action, data = form_fields(soup(client.get(article_url(article))))
    data.update(name="سارة", email="sara@example.com", body="كتبته قبل الإغلاق")
    article.is_commenting_open = False
    article.save()

    response = client.post(action, data)

    assert response.status_code == 400
    html = soup(response)
    assert html.select_one(".form-errors").get_text(strip=True) == translated(
        "Comments on this article are closed."
    )
    assert html.find("textarea").get_text().strip() == "كتبته قبل الإغلاق"
    assert not Comment.objects.exists()


def test_comments_close_by_themselves_days_after_publication(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 14
    published = timezone.now()
    article = ArticleFactory(published_at=published)

    with time_machine.travel(published + dt.timedelta(days=13, hours=23)):
        assert thread(client, article).find(id="comment-form") is not None
        action, data = form_fields(soup(client.get(article_url(article))))
    data.update(name="سارة", email="sara@example.com", body="متأخر")
    with time_machine.travel(published + dt.timedelta(days=14, seconds=1)):
        assert thread(client, article).find(id="comment-form") is None
        assert client.post(action, data).status_code == 400
    assert not Comment.objects.exists()


def test_with_no_closing_period_comments_stay_open(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0
    article = ArticleFactory(published_at=timezone.now() - dt.timedelta(days=3650))

    assert thread(client, article).find(id="comment-form") is not None
