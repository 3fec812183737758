from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.admin_mixins import (
    ArticleHistoryAdminMixin,
    NewsroomStackedInline,
    NewsroomTabularInline,
    NewsroomTranslationAdmin,
    TranslationStatusAdminMixin,
)
from articles.admin_workflow import (
    ArticlePartAdminMixin,
    ArticlePartInlineMixin,
    ArticleWorkflowAdminMixin,
    CorrectionInlineMixin,
)
from articles.image_admin import ImageLibraryAdminMixin
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Correction,
    Image,
    Person,
    Quote,
    Section,
    Tag,
    Topic,
)

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Newsroom administration")


class ArticleAuthorInline(ArticlePartInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]


class SectionInline(ArticlePartInlineMixin, NewsroomStackedInline):
    model = Section
    extra = 0
    fields = ["position", "heading", "body", "image"]
    autocomplete_fields = ["image"]


class QuoteInline(ArticlePartInlineMixin, NewsroomStackedInline):
    model = Quote
    extra = 0
    fields = [
        "kind",
        "text",
        "speaker",
        "speaker_role",
        "source_url",
        "after_section",
        "position",
    ]
    autocomplete_fields = ["speaker"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only this article's sections can be a quote's place.
        if db_field.name == "after_section":
            article_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Section.objects.filter(article_id=article_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CorrectionInline(CorrectionInlineMixin, NewsroomTabularInline):
    model = Correction
    extra = 0


@admin.register(Article)
class ArticleAdmin(
    ArticleWorkflowAdminMixin,
    TranslationStatusAdminMixin,
    ArticleHistoryAdminMixin,
    NewsroomTranslationAdmin,
):
    list_display = ["headline", "workflow_state", "published_at", "topic", "updated_at"]
    list_filter = ["topic"]  # and the workflow filters, first
    list_select_related = ["topic"]
    search_fields = ["headline_ar", "headline_en"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["topic", "tags", "hero_image"]
    inlines = [ArticleAuthorInline, SectionInline, QuoteInline, CorrectionInline]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "topic", "tags"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "is_commenting_open"]}),
        (_("Image"), {"fields": ["hero_image"]}),
        (
            _("Source"),
            {
                "fields": [
                    "source_publisher",
                    "source_url",
                    "source_language",
                    "translator",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug_ar": ["headline_ar"], "slug_en": ["headline_en"]}


@admin.register(Topic)
class TopicAdmin(NewsroomTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_ar", "name_en"]


@admin.register(Tag)
class TagAdmin(NewsroomTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_ar", "name_en", "slug_ar", "slug_en"]


@admin.register(Author)
class AuthorAdmin(NewsroomTranslationAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name_ar", "name_en"]
    autocomplete_fields = ["photo"]


@admin.register(Person)
class PersonAdmin(NewsroomTranslationAdmin):
    list_display = ["name", "role"]
    search_fields = ["name_ar", "name_en", "role_ar", "role_en"]


@admin.register(Image)
class ImageAdmin(ImageLibraryAdminMixin, NewsroomTranslationAdmin):
    """Checked uploads, renditions, and where each image is used."""


@admin.register(Section)
class SectionAdmin(ArticlePartAdminMixin, NewsroomTranslationAdmin):
    list_display = ["__str__", "article", "position"]
    list_select_related = ["article"]
    search_fields = ["heading_ar", "heading_en"]
    autocomplete_fields = ["article", "image"]


@admin.register(Quote)
class QuoteAdmin(ArticlePartAdminMixin, NewsroomTranslationAdmin):
    list_display = ["__str__", "kind", "speaker", "article"]
    list_filter = ["kind"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text_ar", "text_en"]
    autocomplete_fields = ["article", "speaker", "after_section"]
