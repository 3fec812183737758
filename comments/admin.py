from django.contrib import admin
from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils.html import format_html, linebreaks
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from comments.models import Comment, CommentStatus, ModerationRecord
from comments.text import strip_direction_controls


def excerpt(text: str, length: int) -> str:
    return format_html(
        '<bdi dir="auto">{}</bdi>',
        Truncator(strip_direction_controls(text)).chars(length),
    )


class ModerationRecordInline(admin.TabularInline):
    model = ModerationRecord
    fields = ["decided_at", "moderator", "from_status", "to_status", "rule"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """The moderation queue: pending first, newest first."""

    list_display = [
        "short_body",
        "status",
        "name",
        "article_link",
        "in_reply_to",
        "created_at",
        "rule",
        "source",
    ]
    list_display_links = ["short_body"]
    list_filter = [
        "status",
        ("article", admin.RelatedOnlyFieldListFilter),
        "created_at",
        "rule",
    ]
    date_hierarchy = "created_at"
    search_fields = ["body", "name", "email"]
    list_select_related = ["article", "parent"]
    list_per_page = 50
    ordering = [
        Case(When(status=CommentStatus.PENDING, then=Value(0)), default=Value(1)),
        "-created_at",
        "-id",
    ]
    actions = ["approve", "reject", "mark_spam"]
    fields = [
        "status",
        "article_link",
        "in_reply_to",
        "name",
        "email",
        "full_body",
        "is_by_staff",
        "user",
        "rule",
        "source",
        "created_at",
    ]
    # A reader's words and details are theirs: moderators decide, not rewrite.
    readonly_fields = [name for name in fields if name != "status"]
    inlines = [ModerationRecordInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm("comments.moderate_comment")

    def get_readonly_fields(self, request, obj=None):
        if self.has_moderate_permission(request):
            return self.readonly_fields
        return [*self.readonly_fields, "status"]

    def save_model(self, request, obj, form, change) -> None:
        # The status is the only editable field; changing it is a decision.
        if "status" in form.changed_data:
            obj.moderate(form.cleaned_data["status"], by=request.user)

    @admin.display(description=_("comment"))
    def short_body(self, obj: Comment) -> str:
        return excerpt(obj.body, 120)

    @admin.display(description=_("comment"))
    def full_body(self, obj: Comment) -> str:
        return format_html(
            '<div dir="auto">{}</div>',
            linebreaks(strip_direction_controls(obj.body), autoescape=True),
        )

    @admin.display(description=_("article"), ordering="article")
    def article_link(self, obj: Comment) -> str:
        return format_html(
            '<a href="{}"><bdi>{}</bdi></a>',
            obj.article.get_absolute_url(),
            obj.article,
        )

    @admin.display(description=_("in reply to"))
    def in_reply_to(self, obj: Comment) -> str:
        if obj.parent is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> ({})',
            reverse("admin:comments_comment_change", args=[obj.parent_id]),
            excerpt(obj.parent.body, 60),
            obj.parent.get_status_display(),
        )

    @admin.display(description=_("source"))
    def source(self, obj: Comment) -> str:
        return obj.ip_hash[:8] or "—"

    @admin.action(description=_("Approve selected comments"), permissions=["moderate"])
    def approve(self, request, queryset) -> None:
        self.decide(request, queryset, CommentStatus.APPROVED)

    @admin.action(description=_("Reject selected comments"), permissions=["moderate"])
    def reject(self, request, queryset) -> None:
        self.decide(request, queryset, CommentStatus.REJECTED)

    @admin.action(
        description=_("Mark selected comments as spam"), permissions=["moderate"]
    )
    def mark_spam(self, request, queryset) -> None:
        self.decide(request, queryset, CommentStatus.SPAM)

    def decide(self, request, queryset, status: str) -> None:
        changed = queryset.moderate(status, by=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d comment is now “%(status)s”.",
                "%(count)d comments are now “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": CommentStatus(status).label},
        )


@admin.register(ModerationRecord)
class ModerationRecordAdmin(admin.ModelAdmin):
    """Every decision, read-only: who, when, what."""

    list_display = [
        "decided_at",
        "comment_link",
        "moderator",
        "from_status",
        "to_status",
        "rule",
    ]
    list_filter = ["to_status", "rule", "decided_at"]
    list_select_related = ["comment", "moderator"]
    date_hierarchy = "decided_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("comment"))
    def comment_link(self, obj: ModerationRecord) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:comments_comment_change", args=[obj.comment_id]),
            excerpt(obj.comment.body, 80),
        )
