"""Taking in a reader's comment: a workflow across comments, rules and mail."""

from django.conf import settings
from django.db import transaction

from articles.models import Article
from comments.models import Comment, CommentStatus, ModerationRecord, Rule, hash_ip
from comments.notifications import notify_moderators
from comments.rules import Verdict, classify


def is_known_commenter(email: str) -> bool:
    return Comment.objects.approved().filter(email__iexact=email).exists()


def submit_comment(
    *,
    article: Article,
    name: str,
    email: str,
    body: str,
    parent: Comment | None = None,
    user=None,
    ip: str = "",
    is_bot: bool = False,
    queue_url: str = "",
) -> Comment:
    """Store a comment in the status the rules give it; tell moderators if held."""
    if not (user and user.is_authenticated):
        user = None
    is_staff = bool(user and user.is_staff)
    if is_bot:
        # Stored, not dropped: a person who tripped the honeypot by accident
        # can still be found and approved in the spam folder.
        verdict = Verdict(CommentStatus.SPAM, Rule.HONEYPOT)
    else:
        verdict = classify(
            name=name,
            email=email,
            body=body,
            is_moderator=bool(is_staff and user.has_perm("comments.moderate_comment")),
            is_known_commenter=(
                settings.COMMENTS_AUTO_APPROVE_KNOWN and is_known_commenter(email)
            ),
        )
    with transaction.atomic():
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            name=name,
            email=email,
            body=body,
            status=verdict.status,
            rule=verdict.rule,
            user=user,
            is_by_staff=is_staff,
            ip_hash=hash_ip(ip),
        )
        if verdict.rule:
            ModerationRecord.objects.create(
                comment=comment, to_status=verdict.status, rule=verdict.rule
            )
    if comment.status == CommentStatus.PENDING:
        transaction.on_commit(lambda: notify_moderators(queue_url=queue_url))
    return comment
