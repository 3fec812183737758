"""Read-only display helpers for the comment thread under an article."""

from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString

from articles.models import Article
from comments.forms import CommentForm
from comments.models import Comment, is_open_for_comments
from comments.text import body_html, strip_direction_controls

register = template.Library()


@dataclass
class Thread:
    comments: list[Comment]  # top level, oldest first; each has .thread_replies
    count: int
    is_open: bool
    form: CommentForm | None
    reply_to: Comment | None


@register.simple_tag(takes_context=True)
def comment_thread(context, article: Article) -> Thread:
    """Approved comments with their replies in one query, and the form to show.

    One query whatever the number of comments, so the article page's query
    count stays fixed.
    """
    approved = list(
        Comment.objects.approved()
        .filter(article=article)
        .only("pk", "parent_id", "name", "body", "is_by_staff", "created_at")
    )
    top = [comment for comment in approved if comment.parent_id is None]
    by_pk = {comment.pk: comment for comment in top}
    for comment in top:
        comment.thread_replies = []
    for comment in approved:
        # A reply whose parent was later rejected has lost its context: hidden.
        if comment.parent_id in by_pk:
            by_pk[comment.parent_id].thread_replies.append(comment)
    count = len(top) + sum(len(comment.thread_replies) for comment in top)

    is_open = is_open_for_comments(article)
    form = context.get("comment_form")
    if isinstance(form, CommentForm) and form.article.pk == article.pk:
        # Shown again after an error: it says what it was replying to.
        reply_to = by_pk.get(_as_int(form["parent"].value()))
    elif is_open:
        request = context.get("request")
        reply_to = by_pk.get(_as_int(request and request.GET.get("reply_to")))
        form = CommentForm(
            article=article, initial={"parent": reply_to.pk if reply_to else None}
        )
    else:
        form = reply_to = None
    return Thread(top, count, is_open, form, reply_to)


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@register.filter
def comment_body(text: str) -> SafeString:
    """A comment as HTML: escaped, line breaks kept, links marked nofollow ugc."""
    return body_html(text)


@register.filter
def plain(text: str) -> str:
    """A commenter's name without direction controls; autoescaping follows."""
    return strip_direction_controls(text)
