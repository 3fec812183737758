"""Admin behaviour shared by the translated models: direction, staleness, history.

Kept apart from admin.py so ArticleAdmin only names these in its bases.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from reversion.models import Version
from reversion_compare.admin import CompareVersionAdmin
from reversion_compare.helpers import html_diff

from articles.history import ARTICLE_FOLLOWS
from articles.models import Article, TranslationStatus
from articles.workflow import can_edit_article

ADMIN_MEDIA = forms.Media(css={"all": ["articles/admin.css"]}, js=["articles/admin.js"])


def language_attrs(language: str) -> dict[str, str]:
    """`lang` and `dir` for text in a language, whatever the interface language."""
    is_rtl = get_language_info(language)["bidi"]
    return {"lang": language, "dir": "rtl" if is_rtl else "ltr"}


class StaleTranslationFormMixin(forms.BaseForm):
    """Flags each English field whose Arabic changed after it was translated."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            return
        for name in instance.stale_translation_fields():
            field = self.fields.get(name)
            if field is None:
                continue
            classes = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{classes} translation-stale".strip()
            field.help_text = format_html(
                '<strong class="translation-stale-note">{}</strong> {}',
                _(
                    "Out of date: the Arabic text changed after this translation "
                    "was saved."
                ),
                field.help_text,
            )


def with_stale_marks(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    return type(form_class.__name__, (StaleTranslationFormMixin, form_class), {})


class TranslatedFieldsMixin:
    """Each translated input types in its own language's direction.

    Arabic inputs are dir="rtl" lang="ar" and English ones dir="ltr" lang="en"
    even in the Arabic interface. The rich-text editor ignores a dir on its
    textarea, so admin.css copies the direction onto the editing surface.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)  # set on translation fields
        if formfield is not None and language:
            formfield.widget.attrs.update(language_attrs(language))
        return formfield

    @property
    def media(self) -> forms.Media:
        return super().media + ADMIN_MEDIA


class StaleMarkingAdminMixin(TranslatedFieldsMixin):
    """A model admin whose change form flags stale translations."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if hasattr(self.model, "stale_translation_fields"):
            form = with_stale_marks(form)
        return form


class StaleMarkingInlineMixin(TranslatedFieldsMixin):
    """An inline whose rows flag stale translations."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if hasattr(self.model, "stale_translation_fields"):
            formset.form = with_stale_marks(formset.form)
        return formset


class NewsroomTranslationAdmin(StaleMarkingAdminMixin, TabbedTranslationAdmin):
    """Arabic and English side by side in tabs, each in its own direction."""


class NewsroomStackedInline(StaleMarkingInlineMixin, TranslationStackedInline):
    pass


class NewsroomTabularInline(StaleMarkingInlineMixin, TranslationTabularInline):
    pass


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("English translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return TranslationStatus.choices

    def queryset(self, request, queryset):
        # Anything but a known status (junk in the URL) filters nothing.
        if self.value() in TranslationStatus.values:
            return queryset.filter(translation_status=self.value())
        return queryset


class TranslationStatusAdminMixin:
    """The article list shows and filters how current the English version is."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "english_translation"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationStatusFilter]

    @admin.display(description=_("English"), ordering="translation_status")
    def english_translation(self, obj: Article) -> str:
        return format_html(
            '<span class="translation-status translation-status-{}">{}</span>',
            obj.translation_status,
            obj.get_translation_status_display(),
        )

    def save_related(self, request, form, formsets, change) -> None:
        # Refreshed once the inlines are all saved, counting them as they are.
        with form.instance.refreshing_once():
            super().save_related(request, form, formsets, change)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Added here, not in `actions`, so ArticleAdmin may list its own.
        if (
            self.actions is not None
            and IS_POPUP_VAR not in request.GET
            and self.has_change_permission(request)
        ):
            action = self.get_action("confirm_translation")
            actions.setdefault(action[1], action)
        return actions

    @admin.action(
        description=_("Mark the English translation as checked and up to date"),
        permissions=["change"],
    )
    def confirm_translation(self, request, queryset) -> None:
        """For a translator who checked the English and found it still right."""
        confirmed = refused = 0
        for article in queryset.filter(translation_status=TranslationStatus.STALE):
            if can_edit_article(request.user, article):
                article.confirm_translation()
                confirmed += 1
            else:
                refused += 1
        if confirmed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article’s English translation is now up to date.",
                    "%(count)d articles’ English translations are now up to date.",
                    confirmed,
                )
                % {"count": confirmed},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article was left alone: you cannot change it.",
                    "%(count)d articles were left alone: you cannot change them.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )


def related_field_diffs(old: Version, new: Version) -> list[dict]:
    """The fields that differ between two versions of a section or quote."""
    model = new._model
    # modeltranslation's untranslated copy duplicates the Arabic column.
    copies = set(getattr(model, "tracked_translation_fields", ()))
    diffs = []
    for field in model._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name in copies:
            continue
        if field.many_to_one and field.related_model is Article:
            continue
        before = old.field_dict.get(field.attname)
        after = new.field_dict.get(field.attname)
        if before == after:
            continue
        if field.many_to_one:
            related = field.related_model._default_manager
            before = related.filter(pk=before).first() if before else None
            after = related.filter(pk=after).first() if after else None
        diffs.append(
            {
                "label": field.verbose_name,
                "diff": html_diff(
                    "" if before is None else before, "" if after is None else after
                ),
            }
        )
    return diffs


class ArticleHistoryAdminMixin(CompareVersionAdmin):
    """Revisions of an article with its byline, sections and quotes.

    Restoring goes through the change form, but the permission must be judged
    on the article as it is now: judged on the old version, a writer could
    take over someone's published article by restoring a draft of it.
    """

    history_latest_first = True

    @property
    def compare_exclude(self) -> list[str]:
        # Bookkeeping columns; the untranslated copies modeltranslation keeps
        # beside headline_ar/headline_en (show each language once); and related
        # rows a revision does not hold (comments, corrections), which would
        # only be read to say they cannot be compared.
        hidden = [f.name for f in self.model._meta.fields if not f.editable]
        unfollowed = [
            rel.name
            for rel in self.model._meta.related_objects
            if rel.get_accessor_name() not in ARTICLE_FOLLOWS
        ]
        return [*hidden, *unfollowed, "updated_at", "headline", "slug", "standfirst"]

    def compare_ManyToOneRel(self, obj_compare) -> str:  # noqa: N802 (hook name)
        """Sections and quotes: which fields of each changed row, per language."""
        info = obj_compare.get_m2o_change_info()
        changed = [
            {"item": new, "fields": related_field_diffs(old, new)}
            for old, new in info["changed_items"]
        ]
        return render_to_string(
            "admin/articles/compare_related.html",
            {"changed": changed, "change_info": info},
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and not self._may_restore(request, article):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = Version.objects.get_deleted(self.model).filter(pk=version_id).first()
        if version is not None:
            article = version._object_version.object
            if not self._may_restore(request, article):
                raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def _may_restore(self, request, article: Article) -> bool:
        return self.has_change_permission(request, article) and can_edit_article(
            request.user, article
        )
