"""The article admin's workflow: roles, review, publishing and scheduling,
preview links, refusing saves over someone else's, and a list that stays quick
on a big table.

ArticleAdmin, its inlines and the section and quote admins mix these in; the
rules themselves are articles.workflow, so every path asks the same question.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _

from articles import preview, workflow
from articles.forms import ArticleAdminForm
from articles.models import Article, Status
from articles.pagination import EstimatedCountPaginator

WORKFLOW_MEDIA = forms.Media(
    css={"all": ["articles/admin-workflow.css"]}, js=["articles/admin-workflow.js"]
)


class WorkflowStateFilter(admin.SimpleListFilter):
    title = _("workflow")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("review", _("Waiting for review")),
            ("draft", _("Drafts")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published")),
            ("archived", _("Archived")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "review":
                return queryset.filter(status=Status.IN_REVIEW)
            case "draft":
                return queryset.filter(status=Status.DRAFT)
            case "scheduled":
                return queryset.scheduled()
            case "live":
                return queryset.published()
            case "archived":
                return queryset.filter(status=Status.ARCHIVED)
        return queryset  # nothing chosen, or junk in the URL


class OwnArticlesFilter(admin.SimpleListFilter):
    title = _("author")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("Mine"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return workflow.own_articles(request.user, queryset)
        return queryset


class ArticleChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # Each row keeps its article's whole text for search (search_text_ar,
        # …); a page of 100 rows must not fetch 100 articles' text it never shows.
        search_columns = [
            field.attname
            for field in Article._meta.concrete_fields
            if field.name.startswith("search_")
        ]
        return super().get_queryset(request, exclude_parameters).defer(*search_columns)


class ArticleWorkflowAdminMixin:
    """Roles, statuses and publishing on the article's list and change form."""

    form = ArticleAdminForm
    # Ours (the review notice) over reversion's, which it extends.
    change_list_template = "admin/articles/article/change_list.html"
    # The list must not COUNT a table of 100,000 articles on every view.
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    actions = ["submit_selected_for_review", "publish_selected"]
    workflow_filters = [WorkflowStateFilter, OwnArticlesFilter]

    @property
    def media(self) -> forms.Media:
        return super().media + WORKFLOW_MEDIA

    # Who may do what. The checks hold for every request, whatever the page shows.

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit_article(request.user, obj)
        )

    def has_publish_permission(self, request) -> bool:
        return workflow.can_publish(request.user)

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None:
            # The status and time as stored when the request began: a restore
            # from history rewrites the row before its form is saved.
            stored = request.__dict__.setdefault("_article_workflow_at_start", {})
            stored.setdefault(article.pk, (article.status, article.published_at))
        return article

    def _stored_workflow(self, request, article):
        if article is None or article.pk is None:
            return None, None
        stored = request.__dict__.get("_article_workflow_at_start", {})
        return stored.get(article.pk, (article.status, article.published_at))

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "created_by"]
        if not workflow.can_publish(request.user):
            fields.append("published_at")
            status, _time = self._stored_workflow(request, obj)
            if status in workflow.LOCKED_STATUSES:
                fields.append("status")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            allowed = workflow.allowed_statuses(request.user)
            kwargs["choices"] = [c for c in Status.choices if c[0] in allowed]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = list(options["fields"])
            if obj is not None and "status" in fields:
                fields.append("created_by")
            fieldsets.append((name, {**options, "fields": fields}))
        if obj is not None and self.has_change_permission(request, obj):
            name, options = fieldsets[0]
            fields = [*options["fields"], "opened_version"]
            fieldsets[0] = (name, {**options, "fields": fields})
        return fieldsets

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_list_filter(self, request):
        return [*self.workflow_filters, *super().get_list_filter(request)]

    # Saving: who started it, statuses only editors give, publishing last.

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        self._hold_workflow_fields(request, obj, form, change)
        super().save_model(request, obj, form, change)

    def _hold_workflow_fields(self, request, article, form, change) -> None:
        user = request.user
        before_status, before_time = self._stored_workflow(request, article)
        if change and "status" not in form.fields:
            article.status = before_status
        if change and "published_at" not in form.fields:
            article.published_at = before_time
        workflow.check_status_change(
            user, before=before_status or Status.DRAFT, after=article.status
        )
        wants_publishing = "_publish" in request.POST or (
            article.status == Status.PUBLISHED and before_status != Status.PUBLISHED
        )
        if wants_publishing:
            # Saved unpublished first; save_related publishes once the sections
            # are saved too, through the checklist, or says what is missing.
            if article.status == Status.PUBLISHED:
                article.status = before_status or Status.DRAFT
            article._workflow_step = "publish"
        elif "_submit_for_review" in request.POST and article.status == Status.DRAFT:
            article._workflow_step = "submit"

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        self._take_workflow_step(request, form.instance)

    def _take_workflow_step(self, request, article: Article) -> None:
        step = getattr(article, "_workflow_step", None)
        try:
            if step == "publish":
                article.publish(by=request.user)
                messages.success(request, self._published_message(article))
            elif step == "submit":
                article.submit_for_review(by=request.user)
                messages.success(request, _("Submitted for review."))
        except ValidationError as refusal:
            article._workflow_refusal = refusal
            for message in refusal.messages:
                messages.error(request, message)

    def _published_message(self, article: Article) -> str:
        if article.is_scheduled:
            return _("Scheduled: readers will see it from %(time)s.") % {
                "time": _local_time(article.published_at)
            }
        return _("Published: readers can see it now.")

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self._back_to_form_if_refused(request, obj, response)

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        return self._back_to_form_if_refused(request, obj, response)

    def _back_to_form_if_refused(self, request, article, response):
        # The refusal lists what is missing; the form is where to add it.
        if getattr(article, "_workflow_refusal", None) and response.status_code == 302:
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[article.pk])
            )
        return response

    # What the pages show.

    @admin.display(description=_("status"), ordering="status")
    def workflow_state(self, obj: Article) -> str:
        state = "scheduled" if obj.is_scheduled else obj.status
        label = _("Scheduled") if obj.is_scheduled else obj.get_status_display()
        return format_html(
            '<span class="workflow-state workflow-state-{}">{}</span>', state, label
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context.update(self._workflow_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _workflow_context(self, request, article: Article | None) -> dict:
        user = request.user
        if article is None:
            return {
                "can_submit_for_review": True,
                "can_publish_now": workflow.can_publish(user),
            }
        editable = workflow.can_edit_article(user, article)
        unpublished = article.status != Status.PUBLISHED
        return {
            "can_submit_for_review": editable and article.status == Status.DRAFT,
            "can_publish_now": editable and unpublished and workflow.can_publish(user),
            "workflow_state": self.workflow_state(article),
            "publication_missing": (
                workflow.missing_for_publication(article) if unpublished else []
            ),
            "preview_links": [
                {
                    "language": code,
                    "name": get_language_info(code)["name_local"],
                    "staff_url": preview.staff_url(article, code),
                    "signed_url": request.build_absolute_uri(
                        preview.signed_url(article, code)
                    ),
                }
                for code in article.languages
            ],
            "preview_link_hours": int(preview.LINK_MAX_AGE.total_seconds() // 3600),
        }

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if workflow.can_publish(request.user):
            # One indexed count, for the editor's "what waits for me".
            extra_context["waiting_for_review"] = Article.objects.filter(
                status=Status.IN_REVIEW
            ).count()
        return super().changelist_view(request, extra_context)

    # List actions: each article goes through its model method, one by one.

    @admin.action(
        description=_("Submit selected drafts for review"), permissions=["change"]
    )
    def submit_selected_for_review(self, request, queryset) -> None:
        submitted = 0
        for article in queryset.filter(status=Status.DRAFT):
            article.submit_for_review(by=request.user)
            submitted += 1
        skipped = queryset.count() - submitted
        if submitted:
            messages.success(
                request,
                ngettext(
                    "%(count)d article submitted for review.",
                    "%(count)d articles submitted for review.",
                    submitted,
                )
                % {"count": submitted},
            )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d article was not a draft and was left as it was.",
                    "%(count)d articles were not drafts and were left as they were.",
                    skipped,
                )
                % {"count": skipped},
            )

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish_selected(self, request, queryset) -> None:
        published = 0
        already = queryset.filter(status=Status.PUBLISHED).count()
        for article in queryset.exclude(status=Status.PUBLISHED).select_related(
            "hero_image"
        ):
            try:
                article.publish(by=request.user)
            except workflow.NotReadyToPublish as refusal:
                messages.error(request, refusal.message)
            else:
                published += 1
        if published:
            messages.success(
                request,
                ngettext(
                    "%(count)d article published.",
                    "%(count)d articles published.",
                    published,
                )
                % {"count": published},
            )
        if already:
            messages.info(
                request,
                ngettext(
                    "%(count)d article was already published or scheduled.",
                    "%(count)d articles were already published or scheduled.",
                    already,
                )
                % {"count": already},
            )


class ArticlePartInlineMixin:
    """Sections, quotes, byline and corrections change only with their article."""

    def has_add_permission(self, request, obj=None) -> bool:
        return super().has_add_permission(request, obj) and _editable(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and _editable(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and _editable(request, obj)


class CorrectionInlineMixin(ArticlePartInlineMixin):
    """Corrections are notes on what readers have seen: published articles only."""

    # Dated when it is made: a correction is never backdated.
    readonly_fields = ["noted_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return (
            obj is not None
            and obj.status in workflow.LOCKED_STATUSES
            and super().has_add_permission(request, obj)
        )


class ArticlePartAdminMixin:
    """A section or quote edited on its own page follows its article's rules,
    and counts as an edit of that article (its form open elsewhere is refused).
    """

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit_article(request.user, obj.article)
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and (
            obj is None or workflow.can_edit_article(request.user, obj.article)
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article":
            kwargs["queryset"] = workflow.editable_articles(
                request.user, Article.objects.all()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        moved_from = form.initial.get("article") if change else None
        for article_id in {obj.article_id, moved_from} - {None}:
            Article(pk=article_id).touch()

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        Article(pk=obj.article_id).touch()

    def delete_queryset(self, request, queryset) -> None:
        article_ids = set(queryset.values_list("article_id", flat=True))
        super().delete_queryset(request, queryset)
        for article_id in article_ids:
            Article(pk=article_id).touch()


def _editable(request, article: Article | None) -> bool:
    return article is None or workflow.can_edit_article(request.user, article)


def _local_time(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")
