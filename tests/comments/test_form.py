"""The reader's comment form: posting, errors, and the anti-abuse checks."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone, translation
from django.utils.translation import ngettext

from articles.models import Status
from comments.models import Comment, CommentStatus, Rule
from tests.comments.support import (
    WAITING,
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

TEXT_KEPT = "رأيي الطويل الذي كتبته بعناية"
REQUIRED = "This field is required."


def too_long() -> str:
    with translation.override("ar"):
        return ngettext(
            "Ensure this value has at most %(limit_value)d character (it has "
            "%(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has "
            "%(show_value)d).",
            3000,
        ) % {"limit_value": 3000, "show_value": 3001}


TOO_LONG = object()  # stands for too_long(), which needs the settings loaded
TOO_QUICK = "That was quick! Please check your comment, then send it again."
EXPIRED = "This form has expired. Your text is kept: please send it again."
TOO_MANY = (
    "You have sent many comments in a short time. Your text is kept: please "
    "wait a few minutes, then send it again."
)


def field_error(html, name: str) -> str:
    """The error shown beside one field (Django ties it to the field's id)."""
    errors = html.find(id=f"id_{name}_error")
    return errors.get_text(" ", strip=True) if errors else ""


def form_errors(html) -> str:
    box = html.select_one("#comment-form .form-errors")
    return box.get_text(" ", strip=True) if box else ""


def kept_body(html) -> str:
    return html.find("textarea", attrs={"name": "body"}).get_text().strip()


def test_valid_comment_waits_for_moderation_and_the_page_says_so(client):
    article = ArticleFactory()

    response = post_comment(client, article, name="سارة", body="تحليل ممتاز")

    assert response.status_code == 302
    assert response["Location"] == f"{article_url(article)}#comments"
    comment = Comment.objects.get()
    assert (comment.article, comment.name, comment.body) == (
        article,
        "سارة",
        "تحليل ممتاز",
    )
    assert comment.status == CommentStatus.PENDING
    notice = soup(client.get(response["Location"])).select_one(".comment-notice")
    assert notice.get_text(strip=True) == translated(WAITING)
    assert notice["role"] == "status"


def test_the_notice_is_in_the_language_of_the_page(client):
    article = ArticleFactory(headline_en="English headline", slug_en="english")

    response = post_comment(client, article, language="en")

    assert response["Location"] == f"{article_url(article, 'en')}#comments"
    page = soup(client.get(response["Location"]))
    assert page.html["lang"] == "en"
    assert page.select_one(".comment-notice").get_text(strip=True) == WAITING


def test_a_pending_comment_is_not_shown_to_readers(client):
    article = ArticleFactory()

    response = post_comment(client, article, body="لم يراجع بعد")

    assert "لم يراجع بعد" not in client.get(response["Location"]).text


def test_the_ip_address_is_stored_only_as_a_keyed_hash(client):
    article = ArticleFactory()

    post_comment(client, article, ip="198.51.100.23")

    stored = Comment.objects.get().ip_hash
    assert len(stored) == 64
    assert "198.51.100.23" not in stored


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", REQUIRED),
        ({"name": "\u202e\u2066 "}, "name", REQUIRED),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"email": ""}, "email", REQUIRED),
        ({"body": "   "}, "body", REQUIRED),
        ({"body": "ب" * 3001}, "body", TOO_LONG),
    ],
    ids=["no-name", "name-of-controls", "bad-email", "no-email", "blank", "too-long"],
)
def test_each_error_is_shown_beside_its_field_and_the_text_is_kept(
    client, fields, field, message
):
    article = ArticleFactory()
    sent = {"name": "سارة", "email": "sara@example.com", "body": TEXT_KEPT, **fields}

    response = post_comment(client, article, **sent)

    assert response.status_code == 400
    html = soup(response)
    expected = too_long() if message is TOO_LONG else translated(message)
    assert field_error(html, field) == expected
    assert html.find(id=f"id_{field}")["aria-invalid"] == "true"
    if field != "body":
        assert kept_body(html) == TEXT_KEPT
    if field != "email":
        assert html.find("input", attrs={"name": "email"})["value"] == sent["email"]
    assert not Comment.objects.exists()


def test_a_long_comment_is_measured_with_line_breaks_counted_once(client):
    article = ArticleFactory()
    body = "\r\n".join(["ب" * 99] * 30)  # 2,999 characters once saved

    response = post_comment(client, article, body=body)

    assert response.status_code == 302
    assert len(Comment.objects.get().body) == 2999


def test_the_form_is_refused_on_the_article_page_itself(client):
    article = ArticleFactory(headline_ar="عنوان لا ينسى")

    html = soup(post_comment(client, article, email="x"))

    assert html.find("h1").get_text(strip=True) == "عنوان لا ينسى"
    assert html.find(id="comment-form") is not None


def test_honeypot_post_looks_accepted_but_is_kept_as_spam(client, mailoutbox):
    article = ArticleFactory()

    response = post_comment(client, article, website="http://spam.example")

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.status, comment.rule) == (CommentStatus.SPAM, Rule.HONEYPOT)
    assert comment.moderation_records.get().rule == Rule.HONEYPOT
    assert mailoutbox == []


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(client):
    html = soup(client.get(article_url(ArticleFactory())))

    trap = html.find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(class_="comment-hp")["aria-hidden"] == "true"


def test_a_post_faster_than_a_person_types_is_refused_then_accepted(client, settings):
    settings.COMMENTS_MIN_SECONDS = 5
    article = ArticleFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        page = client.get(article_url(article))
        action, data = form_fields(soup(page))
        data.update(name="سارة", email="sara@example.com", body=TEXT_KEPT)

        too_fast = client.post(action, data)

        assert too_fast.status_code == 400
        html = soup(too_fast)
        assert translated(TOO_QUICK) in form_errors(html)
        assert kept_body(html) == TEXT_KEPT
        assert not Comment.objects.exists()

        traveller.shift(6)
        _, again = form_fields(html)
        assert client.post(action, again).status_code == 302
    assert Comment.objects.get().body == TEXT_KEPT


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-2] + ("aa" if not token.endswith("aa") else "bb"),
        lambda token: "eyJhcnRpY2xlIjoxLCJhdCI6MH0:1aaaaa:forged",
        lambda token: "",
        lambda token: "junk\x00",
    ],
    ids=["altered-signature", "forged", "missing", "junk"],
)
def test_a_tampered_timestamp_is_refused_with_the_text_kept(client, forge):
    article = ArticleFactory()
    page = client.get(article_url(article))
    action, data = form_fields(soup(page))
    data.update(name="سارة", email="sara@example.com", body=TEXT_KEPT)
    data["issued"] = forge(data["issued"])

    response = client.post(action, data)

    assert response.status_code == 400
    html = soup(response)
    assert translated(EXPIRED) in form_errors(html)
    assert kept_body(html) == TEXT_KEPT
    assert not Comment.objects.exists()
    # A fresh timestamp comes with the refusal: sending again works.
    _, again = form_fields(html)
    assert client.post(action, again).status_code == 302


def test_a_timestamp_older_than_the_limit_is_refused(client, settings):
    settings.COMMENTS_FORM_MAX_AGE = 3600
    article = ArticleFactory()
    page = client.get(article_url(article))
    action, data = form_fields(soup(page))
    data.update(name="سارة", email="sara@example.com", body=TEXT_KEPT)

    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        response = client.post(action, data)

    assert response.status_code == 400
    assert translated(EXPIRED) in form_errors(soup(response))


def test_a_timestamp_from_another_article_is_refused(client):
    first, second = ArticleFactory(), ArticleFactory()
    _, data = form_fields(soup(client.get(article_url(first))))
    action, _ = form_fields(soup(client.get(article_url(second))))
    data.update(name="سارة", email="sara@example.com", body=TEXT_KEPT)

    response = client.post(action, data)

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_rate_limit_per_ip_address(client, settings):
    settings.COMMENTS_RATE_LIMIT_IP = 2
    article = ArticleFactory()
    for n in range(2):
        response = post_comment(client, article, email=f"r{n}@example.com")
        assert response.status_code == 302

    refused = post_comment(client, article, email="third@example.com", body=TEXT_KEPT)
    other_ip = post_comment(client, article, email="r9@example.com", ip="192.0.2.1")

    assert refused.status_code == 429
    html = soup(refused)
    assert translated(TOO_MANY) in form_errors(html)
    assert kept_body(html) == TEXT_KEPT
    assert other_ip.status_code == 302
    assert Comment.objects.count() == 3


def test_rate_limit_per_email_address(client, settings):
    settings.COMMENTS_RATE_LIMIT_EMAIL = 2
    article = ArticleFactory()
    for n in range(2):
        ip = f"192.0.2.{n}"
        assert post_comment(client, article, ip=ip).status_code == 302

    # Same address, other case, other IP: still the same person.
    refused = post_comment(client, article, ip="192.0.2.50", email="SARA@example.com")

    assert refused.status_code == 429
    assert Comment.objects.count() == 2


def test_the_rate_limit_window_passes(client, settings):
    settings.COMMENTS_RATE_LIMIT_IP = 1
    article = ArticleFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert post_comment(client, article).status_code == 302
        assert post_comment(client, article).status_code == 429
        traveller.shift(601)
        assert post_comment(client, article).status_code == 302


def test_the_ip_comes_from_the_configured_proxy_header(client, settings):
    settings.COMMENTS_RATE_LIMIT_IP = 1
    settings.COMMENTS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    article = ArticleFactory()
    page = client.get(article_url(article))
    action, data = form_fields(soup(page))
    data.update(name="سارة", email="a@example.com", body="نص")

    first = client.post(action, data, HTTP_X_FORWARDED_FOR="spoofed, 192.0.2.8")
    data["email"] = "b@example.com"
    second = client.post(action, data, HTTP_X_FORWARDED_FOR="other, 192.0.2.8")
    data["email"] = "c@example.com"
    third = client.post(action, data, HTTP_X_FORWARDED_FOR="192.0.2.9")

    assert [first.status_code, second.status_code, third.status_code] == [
        302,
        429,
        302,
    ]


def test_an_unpublished_article_takes_no_comments(client):
    article = ArticleFactory()
    action, data = form_fields(soup(client.get(article_url(article))))
    data.update(name="سارة", email="sara@example.com", body="نص")
    article.status = Status.DRAFT
    article.save()

    assert client.post(action, data).status_code == 404
    assert not Comment.objects.exists()


def test_opening_the_posting_address_leads_back_to_the_article(client):
    article = ArticleFactory()
    action, _ = form_fields(soup(client.get(article_url(article))))

    response = client.get(action.split("#")[0])

    assert response.status_code == 302
    assert response["Location"] == f"{article_url(article)}#comments"


@pytest.mark.parametrize(
    "junk",
    [
        {"parent": "abc"},
        {"parent": "99999999999999999999999"},
        {"body": "نص\x00مخفي"},
        {"email": "a@" + "b" * 300 + ".com"},
    ],
    ids=["parent-text", "parent-huge", "nul", "long-email"],
)
def test_junk_input_gets_an_error_not_a_crash(client, junk):
    article = ArticleFactory()

    response = post_comment(client, article, **junk)

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_signed_in_moderator_reply_is_published_at_once_and_marked(
    client, django_user_model
):
    moderator = staff_user(django_user_model, "mona", "Moderators")
    client.force_login(moderator)
    parent = CommentFactory()

    response = post_comment(client, parent.article, parent=str(parent.pk))

    reply = Comment.objects.get(parent=parent)
    assert (reply.status, reply.rule, reply.is_by_staff, reply.user) == (
        CommentStatus.APPROVED,
        Rule.MODERATOR,
        True,
        moderator,
    )
    assert response["Location"] == f"{article_url(parent.article)}#comment-{reply.pk}"
