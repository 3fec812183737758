from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

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


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    fields = ["position", "heading", "body", "image"]
    autocomplete_fields = ["image"]


class QuoteInline(TranslationStackedInline):
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


class CorrectionInline(TranslationTabularInline):
    model = Correction
    extra = 0


@admin.register(Article)
class ArticleAdmin(TabbedTranslationAdmin):
    list_display = ["headline", "status", "published_at", "topic", "updated_at"]
    list_filter = ["status", "topic"]
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
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_ar", "name_en"]


@admin.register(Tag)
class TagAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_ar", "name_en", "slug_ar", "slug_en"]


@admin.register(Author)
class AuthorAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name_ar", "name_en"]
    autocomplete_fields = ["photo"]


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ["name", "role"]
    search_fields = ["name_ar", "name_en", "role_ar", "role_en"]


@admin.register(Image)
class ImageAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "width", "height", "credit", "created_at"]
    search_fields = ["alt_text_ar", "alt_text_en", "caption_ar", "caption_en", "credit"]
    readonly_fields = ["width", "height"]


@admin.register(Section)
class SectionAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "article", "position"]
    list_select_related = ["article"]
    search_fields = ["heading_ar", "heading_en"]
    autocomplete_fields = ["article", "image"]


@admin.register(Quote)
class QuoteAdmin(TabbedTranslationAdmin):
    list_display = ["__str__", "kind", "speaker", "article"]
    list_filter = ["kind"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text_ar", "text_en"]
    autocomplete_fields = ["article", "speaker", "after_section"]
