from modeltranslation.translator import TranslationOptions, register

from articles.models import (
    Article,
    Author,
    Correction,
    Image,
    Person,
    Quote,
    Section,
    Tag,
    Topic,
)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    required_languages = ("ar",)
    empty_values = {"slug": None}


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "slug")
    required_languages = ("ar",)
    empty_values = {"slug": None}


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("name", "bio")
    required_languages = ("ar",)


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "role")
    required_languages = ("ar",)


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = ("ar",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("headline", "slug", "standfirst")
    required_languages = ("ar",)
    # NULL, not "", for a missing translation: the per-language unique
    # constraint on slug must let many articles lack an English slug.
    empty_values = {"slug": None, "headline": None}


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")


@register(Quote)
class QuoteTranslationOptions(TranslationOptions):
    fields = ("text", "speaker_role")
    required_languages = ("ar",)


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("ar",)
