"""Hold and block rules, as a reader meets them through the form."""

import pytest

from comments.models import Comment, CommentStatus, Rule
from tests.comments.support import CommentFactory, post_comment
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def posted(client, **fields) -> Comment:
    response = post_comment(client, ArticleFactory(), **fields)
    assert response.status_code == 302
    return Comment.objects.latest("pk")


def test_a_comment_with_a_few_links_simply_waits(client):
    comment = posted(client, body="انظر https://a.example و www.b.example")

    assert (comment.status, comment.rule) == (CommentStatus.PENDING, Rule.NONE)


def test_more_links_than_allowed_holds_the_comment_with_its_reason(client):
    comment = posted(
        client, body="https://a.example https://b.example,https://c.example"
    )

    assert (comment.status, comment.rule) == (CommentStatus.PENDING, Rule.LINKS)
    assert comment.moderation_records.get().rule == Rule.LINKS


def test_the_link_limit_is_a_setting(client, settings):
    settings.COMMENTS_MAX_LINKS = 0

    assert posted(client, body="www.a.example").rule == Rule.LINKS


def test_a_word_on_the_moderation_list_holds_the_comment(client, settings):
    settings.COMMENTS_MODERATION_WORDS = ["قمار"]

    comment = posted(client, body="موقع قمار جديد")

    assert (comment.status, comment.rule) == (
        CommentStatus.PENDING,
        Rule.MODERATION_WORD,
    )


@pytest.mark.parametrize(
    "body",
    [
        "اشتر كازينو الآن",
        "اشتر كَازِينُو الآن",  # tashkeel
        "اشتر كـــازيـنو الآن",  # tatweel
        "اشتر كاز\u200bينو الآن",  # a zero-width space splitting the word
        "اشتر كا\u202eزينو الآن",  # a direction override splitting it
        "CASINO bonus",
    ],
    ids=["plain", "tashkeel", "tatweel", "zero-width", "override", "latin-case"],
)
def test_a_block_word_in_any_spelling_marks_the_comment_as_spam(client, settings, body):
    settings.COMMENTS_BLOCK_WORDS = ["كازينو", "casino"]

    comment = posted(client, body=body)

    assert (comment.status, comment.rule) == (CommentStatus.SPAM, Rule.BLOCK_WORD)


def test_letter_forms_on_the_list_match_other_forms_in_the_text(client, settings):
    # The list has hamza and taa marbuta; the comment has bare alef and haa.
    settings.COMMENTS_BLOCK_WORDS = ["إعلانات مجانيّة"]

    comment = posted(client, body="اعلانات مجانيه هنا")

    assert comment.status == CommentStatus.SPAM


def test_block_words_match_whole_words_only(client, settings):
    settings.COMMENTS_BLOCK_WORDS = ["سم", "ass"]

    comment = posted(client, body="اسم الكاتب مذكور in the class")

    assert comment.status == CommentStatus.PENDING


def test_block_words_in_the_name_count_too(client, settings):
    settings.COMMENTS_BLOCK_WORDS = ["كازينو"]

    assert posted(client, name="كازينو الحظ").status == CommentStatus.SPAM


def test_the_block_list_wins_over_the_hold_rules(client, settings):
    settings.COMMENTS_BLOCK_WORDS = ["كازينو"]
    settings.COMMENTS_MAX_LINKS = 0

    assert posted(client, body="كازينو https://x.example").rule == Rule.BLOCK_WORD


def test_a_known_commenter_is_not_approved_at_once_by_default(client):
    CommentFactory(email="sara@example.com", status=CommentStatus.APPROVED)

    assert posted(client, email="sara@example.com").status == CommentStatus.PENDING


def test_with_the_setting_a_known_commenter_is_approved_at_once(client, settings):
    settings.COMMENTS_AUTO_APPROVE_KNOWN = True
    CommentFactory(email="Sara@Example.com", status=CommentStatus.APPROVED)

    comment = posted(client, email="sara@example.com")

    assert (comment.status, comment.rule) == (
        CommentStatus.APPROVED,
        Rule.KNOWN_COMMENTER,
    )


def test_with_the_setting_a_commenter_never_approved_still_waits(client, settings):
    settings.COMMENTS_AUTO_APPROVE_KNOWN = True
    CommentFactory(email="sara@example.com", status=CommentStatus.REJECTED)
    CommentFactory(email="sara@example.com", status=CommentStatus.PENDING)

    assert posted(client, email="sara@example.com").status == CommentStatus.PENDING


def test_hold_rules_still_apply_to_a_known_commenter(client, settings):
    settings.COMMENTS_AUTO_APPROVE_KNOWN = True
    settings.COMMENTS_MODERATION_WORDS = ["قمار"]
    CommentFactory(email="sara@example.com", status=CommentStatus.APPROVED)

    comment = posted(client, email="sara@example.com", body="قمار")

    assert comment.status == CommentStatus.PENDING
