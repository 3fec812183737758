import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from articles.models import Article, choices_check
from comments.text import clean_plain_text

BODY_MAX_LENGTH = 3000
NAME_MAX_LENGTH = 80


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class Rule(models.TextChoices):
    """Why a comment was decided without a person, if it was."""

    NONE = "", _("None")
    LINKS = "links", _("Too many links")
    MODERATION_WORD = "moderation_word", _("Word on the moderation list")
    BLOCK_WORD = "block_word", _("Word on the block list")
    HONEYPOT = "honeypot", _("Hidden field filled in")
    KNOWN_COMMENTER = "known", _("Earlier comment approved")
    MODERATOR = "moderator", _("Posted by a moderator")


def is_open_for_comments(article: Article) -> bool:
    """Readers may comment: published, not closed by hand, not past the window."""
    if not (article.is_published and article.is_commenting_open):
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return not days or timezone.now() < article.published_at + dt.timedelta(days=days)


def hash_ip(ip: str) -> str:
    """Enough to tell one source from another; the address itself is never kept."""
    if not ip:
        return ""
    return salted_hmac("comments.ip", ip, algorithm="sha256").hexdigest()


class CommentQuerySet(models.QuerySet):
    def approved(self) -> "CommentQuerySet":
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self) -> "CommentQuerySet":
        return self.filter(status=CommentStatus.PENDING)

    @transaction.atomic
    def moderate(self, status: str, *, by) -> int:
        """Set the status of every comment here, recording each decision."""
        # A fresh queryset: FOR UPDATE refuses the outer joins an admin
        # changelist adds with select_related.
        comments = list(
            Comment.objects.filter(pk__in=self.values("pk"))
            .exclude(status=status)
            .select_for_update()
        )
        records = [
            ModerationRecord(
                comment=comment,
                from_status=comment.status,
                to_status=status,
                moderator=by,
            )
            for comment in comments
        ]
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(status=status)
        ModerationRecord.objects.bulk_create(records)
        return len(comments)


class Comment(models.Model):
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown to readers."))
    body = models.TextField(_("comment"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
    )
    rule = models.CharField(
        _("automatic rule"),
        max_length=20,
        choices=Rule.choices,
        blank=True,
        help_text=_("The spam rule that held, blocked or approved it, if any."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    is_by_staff = models.BooleanField(
        _("by staff"),
        default=False,
        help_text=_("Posted by a signed-in member of staff; marked on the page."),
    )
    ip_hash = models.CharField(
        _("source"),
        max_length=64,
        blank=True,
        help_text=_("A keyed hash of the sender's IP address, erased after a while."),
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate_comment", _("Can moderate comments"))]
        constraints = [
            choices_check("status", CommentStatus, "comment_status_valid"),
            choices_check("rule", Rule, "comment_rule_valid"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), BODY_MAX_LENGTH),
                name="comment_body_length",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["status", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.body[:60]

    def save(self, *args, **kwargs) -> None:
        # Stripped on every path that stores it, and again on display.
        self.name = clean_plain_text(self.name)
        self.body = clean_plain_text(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    def moderate(self, status: str, *, by) -> None:
        Comment.objects.filter(pk=self.pk).moderate(status, by=by)
        self.status = status


class ModerationRecord(models.Model):
    """One decision on one comment: who (empty for a rule), when, what."""

    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="moderation_records",
    )
    from_status = models.CharField(
        _("from"),
        max_length=10,
        choices=CommentStatus.choices,
        blank=True,
        help_text=_("Empty when the comment was decided as it arrived."),
    )
    to_status = models.CharField(_("to"), max_length=10, choices=CommentStatus.choices)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_records",
    )
    rule = models.CharField(
        _("automatic rule"), max_length=20, choices=Rule.choices, blank=True
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("moderation record")
        verbose_name_plural = _("moderation records")

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
