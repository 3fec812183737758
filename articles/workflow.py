"""Who may do what to an article, and when an article is ready to publish.

Roles are Django groups made by a migration (see docs/roles.md): Writers draft
and submit for review, Editors also publish and correct, Moderators touch
comments only. Every path that changes an article (admin forms, inlines, list
actions, history restore, the model's own methods) asks these functions, so
each rule lives here once.
"""

from html import unescape

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.html import strip_tags
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, ArticleAuthor, Status, language_codes

PUBLISH_PERMISSION = "articles.publish_article"
CHANGE_PERMISSION = "articles.change_article"
# Once readers have (or will have) seen an article it belongs to the desk:
# besides editors, only its own writers may still change it.
LOCKED_STATUSES = frozenset({Status.PUBLISHED, Status.ARCHIVED})
WRITER_STATUSES = (Status.DRAFT, Status.IN_REVIEW)


class NotReadyToPublish(ValidationError):
    """Publishing was refused; `missing` says what the article still needs."""

    def __init__(self, article: Article, missing: list[str]):
        self.missing = missing
        super().__init__(
            _("“%(headline)s” was not published: it still needs %(missing)s.")
            % {
                "headline": article.headline or article.pk,
                "missing": get_text_list([str(item) for item in missing], _("and")),
            }
        )


def can_publish(user) -> bool:
    return bool(user.is_active and user.has_perm(PUBLISH_PERMISSION))


def is_own_article(user, article: Article) -> bool:
    """Started by the user, or bylined to an author linked to their account."""
    if not user.is_authenticated:
        return False
    if article.created_by_id == user.pk:
        return True
    return (
        article.pk is not None
        and ArticleAuthor.objects.filter(article=article, author__user=user).exists()
    )


def can_edit_article(user, article: Article | None) -> bool:
    """May the user change this article: its text, sections, quotes and byline?

    The history restore asks this too, before putting an old version back.
    """
    if not (user.is_active and user.has_perm(CHANGE_PERMISSION)):
        return False
    if article is None or article.status not in LOCKED_STATUSES:
        return True
    if can_publish(user):
        return True
    # Asked many times while one page renders; the answer is fixed per request.
    cache = article.__dict__.setdefault("_editable_by", {})
    if user.pk not in cache:
        cache[user.pk] = is_own_article(user, article)
    return cache[user.pk]


def editable_articles(user, queryset: QuerySet) -> QuerySet:
    """can_edit_article as SQL, for choosing among many articles."""
    if not (user.is_active and user.has_perm(CHANGE_PERMISSION)):
        return queryset.none()
    if can_publish(user):
        return queryset
    bylined = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return queryset.filter(
        ~Q(status__in=LOCKED_STATUSES) | Q(created_by=user) | Exists(bylined)
    )


def own_articles(user, queryset: QuerySet) -> QuerySet:
    """is_own_article as SQL: the user's list of their own work."""
    bylined = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return queryset.filter(Q(created_by=user) | Exists(bylined))


def allowed_statuses(user) -> tuple[str, ...]:
    """The statuses the user may give an article through a form."""
    return tuple(Status.values) if can_publish(user) else WRITER_STATUSES


def check_can_publish(user, article: Article) -> None:
    if not can_publish(user):
        raise PermissionDenied(_("You do not have permission to publish articles."))
    if missing := missing_for_publication(article):
        raise NotReadyToPublish(article, missing)


def check_can_submit(user, article: Article) -> None:
    if not can_edit_article(user, article):
        raise PermissionDenied(_("You cannot change this article."))
    if article.status != Status.DRAFT:
        raise ValidationError(_("Only drafts can be submitted for review."))


def check_status_change(user, *, before: str | None, after: str) -> None:
    """A status only a publisher may give or take away stays theirs to change."""
    if before == after or can_publish(user):
        return
    if before in LOCKED_STATUSES or after not in WRITER_STATUSES:
        raise PermissionDenied(_("Only editors can publish, unpublish or archive."))


def missing_for_publication(article: Article) -> list[str]:
    """What the article lacks before readers may see it; empty when it is ready."""
    languages = language_codes()
    missing = []
    if not any(_has_text(article, "headline", language) for language in languages):
        missing.append(_("a headline"))
    if not any(
        _has_text(section, "body", language, html=True)
        for section in article.sections.all()
        for language in languages
    ):
        missing.append(_("at least one section with text"))
    image = article.hero_image
    if image is None:
        missing.append(_("a hero image"))
    elif not any(_has_text(image, "alt_text", language) for language in languages):
        missing.append(_("alt text for the hero image"))
    if article.topic_id is None:
        missing.append(_("a topic"))
    return missing


def _has_text(obj, field: str, language: str, *, html: bool = False) -> bool:
    value = getattr(obj, build_localized_fieldname(field, language)) or ""
    # An empty editor still sends markup such as <p>&nbsp;</p>.
    return bool((unescape(strip_tags(value)) if html else value).strip())
