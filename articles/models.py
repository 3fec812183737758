import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import global_settings, settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from articles import images
from articles.sanitize import clean_html
from articles.translation_status import (
    FieldState,
    field_states,
    overall_status,
    refreshed_sources,
    tracked_columns,
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class QuoteKind(models.TextChoices):
    PULL = "pull", _("Pull quote")
    ATTRIBUTED = "attributed", _("Attributed quote")


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", _("Update")


class TranslationStatus(models.TextChoices):
    """How far the English version has caught up with the Arabic one."""

    COMPLETE = "complete", _("Complete")
    PARTIAL = "partial", _("Partial")
    MISSING = "missing", _("Missing")
    STALE = "stale", _("Stale")


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def page_language(language: str | None = None) -> str:
    """The given or active language if the site has it, else the default one."""
    language = language or translation.get_language()
    return language if language in language_codes() else language_codes()[0]


def localized_reverse(name: str, language: str | None, **kwargs) -> str:
    """A URL under a language's prefix (the active language's by default)."""
    with translation.override(page_language(language)):
        return reverse(name, kwargs=kwargs)


def localized_slug(obj: models.Model, language: str | None) -> str:
    """A translated slug, the default language's where a language has none."""
    return getattr(
        obj, build_localized_fieldname("slug", page_language(language))
    ) or getattr(obj, build_localized_fieldname("slug", language_codes()[0]))


def choices_check(field: str, choices: type[models.TextChoices], name: str):
    """A database constraint keeping a choice field inside its fixed set."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}), name=name
    )


class TranslationTracked(models.Model):
    """Remembers which Arabic text each English field was translated from."""

    # {"headline_en": [fingerprint of the Arabic, fingerprint of the English]},
    # taken when the English was last saved (see articles.translation_status).
    translation_sources = models.JSONField(default=dict, blank=True, editable=False)
    tracked_translation_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def refresh_translation_sources(self, update_fields=None):
        """Take the fingerprints for a save; `update_fields` gains their column."""
        columns = tracked_columns(self.tracked_translation_fields)
        if update_fields is not None and not set(update_fields) & {
            *columns,
            *self.tracked_translation_fields,
        }:
            return update_fields
        self.translation_sources = refreshed_sources(
            self, self.tracked_translation_fields, self.translation_sources
        )
        if update_fields is not None:
            update_fields = {*update_fields, "translation_sources"}
        return update_fields

    def translation_states(self) -> dict[str, FieldState]:
        values = {
            name: getattr(self, name)
            for name in tracked_columns(self.tracked_translation_fields)
        }
        return field_states(
            values, self.tracked_translation_fields, self.translation_sources
        )

    def stale_translation_fields(self) -> list[str]:
        """The English columns (`headline_en`) whose Arabic changed since."""
        return [
            name
            for name, state in self.translation_states().items()
            if state is FieldState.STALE
        ]


class Topic(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in navigation.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self, language: str | None = None) -> str:
        return localized_reverse(
            "articles:topic", language, slug=localized_slug(self, language)
        )


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self, language: str | None = None) -> str:
        return localized_reverse(
            "articles:tag", language, slug=localized_slug(self, language)
        )


class ImageFormat(models.TextChoices):
    JPEG = "JPEG", "JPEG"
    PNG = "PNG", "PNG"
    WEBP = "WEBP", "WebP"
    GIF = "GIF", "GIF"


class Image(models.Model):
    file = models.ImageField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_(
            "JPEG, PNG, WebP or GIF. Location data and other hidden details are "
            "removed; an animated GIF keeps its animation."
        ),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    format = models.CharField(
        _("format"),
        max_length=4,
        choices=ImageFormat.choices,
        blank=True,
        editable=False,
    )
    file_size = models.PositiveIntegerField(_("file size"), default=0, editable=False)
    is_animated = models.BooleanField(_("animated"), default=False, editable=False)
    # [{"name", "format" (webp, jpeg or png), "width", "height"}], made once from
    # the file named in renditions_of; only a new file gets new renditions.
    renditions = models.JSONField(
        _("renditions"), default=list, blank=True, editable=False
    )
    renditions_of = models.CharField(max_length=255, blank=True, editable=False)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_text or self.file.name

    def save(self, *args, **kwargs) -> None:
        # A new file passes the upload checks on every path, the admin's or not.
        is_new_file = bool(self.file) and not self.file._committed
        if is_new_file:
            upload = self.file.file
            if not isinstance(upload, images.PreparedImage):
                upload = images.prepare_upload(upload)
            self.file.save(upload.name, upload, save=False)
        replaced: list[str] = []
        # A new file may reuse the old name (a wiped media folder): compare both.
        if self.file and (is_new_file or self.file.name != self.renditions_of):
            replaced = self.stored_names()
            self.refresh_renditions()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *RENDITION_FIELDS}
        super().save(*args, **kwargs)
        current = set(self.stored_names())
        stale = [name for name in replaced if name not in current]
        if stale:
            storage = self.file.storage
            transaction.on_commit(partial(images.delete_files, storage, stale))

    def delete(self, *args, **kwargs):
        # Files go only once the row is gone for good (PROTECT may refuse).
        names, storage = self.stored_names(), self.file.storage
        result = super().delete(*args, **kwargs)
        transaction.on_commit(partial(images.delete_files, storage, names))
        return result

    def refresh_renditions(self) -> None:
        """Describe the stored file and write its renditions (old ones stay)."""
        stored = images.describe_and_render(
            storage=self.file.storage, name=self.file.name
        )
        self.format = stored.format
        self.width, self.height = stored.width, stored.height
        self.is_animated = stored.is_animated
        self.file_size = stored.file_size
        self.renditions = stored.renditions
        self.renditions_of = self.file.name

    def stored_names(self) -> list[str]:
        """The original and its renditions, as the storage names them."""
        names = [rendition["name"] for rendition in self.renditions]
        if self.renditions_of:
            names.append(self.renditions_of)
        return names

    def renditions_in(self, kind: str) -> list[dict]:
        return [r for r in self.renditions if r["format"] == kind]

    def _srcset(self, kind: str) -> str:
        storage = self.file.storage
        return ", ".join(
            f"{storage.url(r['name'])} {r['width']}w" for r in self.renditions_in(kind)
        )

    @property
    def webp_srcset(self) -> str:
        return self._srcset("webp")

    @property
    def fallback_kind(self) -> str:
        """jpeg, or png for images with transparent pixels."""
        return "png" if self.renditions_in("png") else "jpeg"

    @property
    def fallback_srcset(self) -> str:
        return self._srcset(self.fallback_kind)

    @property
    def fallback_url(self) -> str:
        """The widest fallback rendition, for browsers that ignore srcset."""
        fallbacks = self.renditions_in(self.fallback_kind)
        if not fallbacks:
            return self.file.url
        return self.file.storage.url(fallbacks[-1]["name"])


RENDITION_FIELDS = (
    "format",
    "width",
    "height",
    "is_animated",
    "file_size",
    "renditions",
    "renditions_of",
)


class Author(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, allow_unicode=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ForeignKey(
        # PROTECT: an image in use cannot be deleted from under its author.
        Image,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self, language: str | None = None) -> str:
        return localized_reverse("articles:author", language, slug=self.slug)


class Person(models.Model):
    """Someone quoted; one record gathers their quotes across articles."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, allow_unicode=True)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("e.g. CEO of Cloudflare")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self, language: str | None = None) -> str:
        return localized_reverse("articles:person", language, slug=self.slug)


# Articles whose sections and quotes are being saved in a batch: see
# Article.refreshing_once(). A context variable, not an attribute, because the
# admin's inline rows reach their article through other instances.
_articles_refreshing_once: ContextVar[frozenset[int]] = ContextVar(
    "articles_refreshing_once", default=frozenset()
)


def refresh_article_of(part: "Section | Quote") -> None:
    """Keep the article's derived state current after one of its parts changed."""
    if part.article_id not in _articles_refreshing_once.get():
        part.article.refresh_derived_state()


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        """What readers may see now: published, and its time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self) -> "ArticleQuerySet":
        """Published, but their time has not come yet."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def in_language(self, language: str) -> "ArticleQuerySet":
        """Articles with a headline in a language: a page lists only those."""
        field = build_localized_fieldname("headline", language)
        return self.exclude(
            models.Q(**{f"{field}__isnull": True}) | models.Q(**{field: ""})
        )

    def with_page_content(self) -> "ArticleQuerySet":
        """Everything the article page shows, in a fixed number of queries."""
        return (
            self.select_related("topic", "hero_image")
            .defer(*Article.SEARCH_FIELDS)
            .prefetch_related(
                models.Prefetch(
                    "articleauthor_set",
                    queryset=ArticleAuthor.objects.select_related("author"),
                    to_attr="bylines",
                ),
                "tags",
                "corrections",
                models.Prefetch(
                    "sections", queryset=Section.objects.select_related("image")
                ),
                models.Prefetch(
                    "quotes", queryset=Quote.objects.select_related("speaker")
                ),
            )
        )


class Article(TranslationTracked):
    headline = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=300, unique=True, allow_unicode=True)
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the headline."),
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("tags"), blank=True, related_name="articles"
    )
    authors = models.ManyToManyField(
        Author,
        verbose_name=_("authors"),
        through="ArticleAuthor",
        blank=True,
        related_name="articles",
    )
    hero_image = models.ForeignKey(
        Image,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hero_of",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the article."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    source_publisher = models.CharField(
        _("original publisher"), max_length=200, blank=True
    )
    source_url = models.URLField(_("original URL"), max_length=500, blank=True)
    source_language = models.CharField(
        _("original language"),
        max_length=10,
        blank=True,
        choices=global_settings.LANGUAGES,
    )
    translator = models.CharField(
        _("translated by"),
        max_length=200,
        blank=True,
        help_text=_("A person, a desk, or “machine translation”."),
    )
    is_commenting_open = models.BooleanField(_("comments open"), default=True)
    # Normalised text for search, one pair per language, kept by
    # refresh_search_document(); the headline alone ranks above the rest.
    search_headline_ar = models.TextField(editable=False, default="")
    search_text_ar = models.TextField(editable=False, default="")
    search_headline_en = models.TextField(editable=False, default="")
    search_text_en = models.TextField(editable=False, default="")
    # Only the database reads them: reader querysets defer them.
    SEARCH_FIELDS = (
        "search_headline_ar",
        "search_text_ar",
        "search_headline_en",
        "search_text_en",
    )
    # Kept by save() and refresh_translation_status() from the article, its
    # sections and quotes, so the admin list filters on it in SQL.
    translation_status = models.CharField(
        _("English translation"),
        max_length=10,
        choices=TranslationStatus.choices,
        default=TranslationStatus.MISSING,
        editable=False,
    )
    # Workflow (articles.workflow): who started the article, and a count of
    # saves that a form compares with the one it was opened at.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lock_version = models.PositiveIntegerField(
        _("edit version"), default=0, editable=False
    )

    objects = ArticleQuerySet.as_manager()
    tracked_translation_fields = ("headline", "standfirst")

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish articles"))]
        constraints = [
            choices_check("status", Status, "article_status_valid"),
            choices_check(
                "translation_status",
                TranslationStatus,
                "article_translation_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "published_at"]),
            models.Index(
                fields=["translation_status", "published_at"],
                name="article_translation_idx",
            ),
            # The admin list's default order and its sortable modified time.
            models.Index(
                fields=["-published_at", "-id"], name="article_list_order_idx"
            ),
            models.Index(fields=["updated_at"], name="article_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self._count_edit(kwargs)
        self._prepare_translation_state(kwargs)
        super().save(*args, **kwargs)
        self._remember_old_slugs(kwargs.get("update_fields"))
        update_fields = kwargs.get("update_fields")
        if update_fields is None or any(
            name.startswith(("headline", "standfirst")) for name in update_fields
        ):
            self.refresh_search_document()

    def get_absolute_url(self, language: str | None = None) -> str:
        """The article's page in a language, or in Arabic where it has no text."""
        language = page_language(language)
        if not self.has_language(language):
            language = language_codes()[0]
        return localized_reverse(
            "articles:detail", language, slug=localized_slug(self, language)
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # The slugs as stored, so save() can tell a renamed article.
        article._stored_slugs = {
            language: getattr(article, field)
            for language in language_codes()
            if (field := build_localized_fieldname("slug", language)) in field_names
        }
        return article

    def _remember_old_slugs(self, update_fields) -> None:
        """Record each replaced slug, so links shared before a rename still work."""
        stored = getattr(self, "_stored_slugs", {})
        for language in language_codes():
            field = build_localized_fieldname("slug", language)
            if update_fields is not None and not {"slug", field} & set(update_fields):
                continue
            old, new = stored.get(language), getattr(self, field)
            if old and old != new:
                ArticleSlugRedirect.objects.update_or_create(
                    language=language, old_slug=old, defaults={"article": self}
                )
            stored[language] = new
        self._stored_slugs = stored

    @property
    def languages(self) -> list[str]:
        return [code for code in language_codes() if self.has_language(code)]

    @property
    def reading_minutes(self) -> int:
        """Minutes to read the body in the active language (sections prefetched)."""
        words = sum(len(strip_tags(s.body).split()) for s in self.sections.all())
        per_minute = READING_WORDS_PER_MINUTE.get(page_language(), 200)
        return max(1, math.ceil(words / per_minute))

    @property
    def is_published(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        """Published, but its time has not come yet."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_syndicated(self) -> bool:
        return bool(self.source_publisher or self.source_url or self.translator)

    def has_language(self, language: str) -> bool:
        return bool(getattr(self, build_localized_fieldname("headline", language)))

    def _prepare_translation_state(self, save_kwargs: dict) -> None:
        """Fingerprints and status ride along with the save that changes them."""
        update_fields = save_kwargs.get("update_fields")
        update_fields = self.refresh_translation_sources(update_fields)
        if update_fields is None or "translation_sources" in update_fields:
            self.translation_status = self.current_translation_status()
            if update_fields is not None:
                update_fields = {*update_fields, "translation_status"}
        if "update_fields" in save_kwargs:
            save_kwargs["update_fields"] = update_fields

    def current_translation_status(self) -> str:
        """The status from this article as it is in memory and its stored parts."""
        states = list(self.translation_states().values())
        if self.pk and not self._state.adding:
            for model in (Section, Quote):
                fields = model.tracked_translation_fields
                rows = model.objects.filter(article_id=self.pk).values(
                    *tracked_columns(fields), "translation_sources"
                )
                for row in rows:
                    sources = row.pop("translation_sources")
                    states += field_states(row, fields, sources).values()
        return overall_status(states)

    def refresh_translation_status(self) -> None:
        """Store the status after the sections or quotes changed."""
        status = self.current_translation_status()
        # update(), not save(): bookkeeping is no edit, so updated_at stays.
        Article.objects.filter(pk=self.pk).exclude(translation_status=status).update(
            translation_status=status
        )
        self.translation_status = status

    def confirm_translation(self) -> None:
        """The English was checked against the current Arabic: nothing is stale."""
        for obj in [self, *self.sections.all(), *self.quotes.all()]:
            obj.translation_sources = refreshed_sources(
                obj, obj.tracked_translation_fields, None
            )
            type(obj).objects.filter(pk=obj.pk).update(
                translation_sources=obj.translation_sources
            )
        self.refresh_translation_status()

    @contextmanager
    def refreshing_once(self) -> Iterator[None]:
        """Sections and quotes saved inside refresh this article's search text
        and translation status once, at the end, instead of once each."""
        token = _articles_refreshing_once.set(
            _articles_refreshing_once.get() | {self.pk}
        )
        try:
            yield
        finally:
            _articles_refreshing_once.reset(token)
        self.refresh_derived_state()

    def refresh_derived_state(self) -> None:
        """Search text and translation status, after its sections or quotes changed."""
        self.refresh_search_document()
        self.refresh_translation_status()

    def refresh_search_document(self) -> None:
        """Rebuild the stored search text from the article, sections and quotes."""
        # search.py imports this module, so the import waits until needed.
        from articles.search import search_documents

        documents = search_documents(
            self,
            sections=list(Section.objects.filter(article=self)),
            quotes=list(Quote.objects.filter(article=self)),
        )
        # update(), not save(): the search text is no edit, so updated_at stays.
        Article.objects.filter(pk=self.pk).update(**documents)
        for name, value in documents.items():
            setattr(self, name, value)

    def publish(self, *, by=None, at=None) -> None:
        """Publish now, or at `at` (or the stored time) when that is in the future.

        `by` is the person publishing: without the publish permission they get
        PermissionDenied, and an article that is not ready raises
        NotReadyToPublish listing what is missing. Without `by`, a trusted
        command-line path (the importer) publishes as it is told.
        """
        # workflow imports this module, so the import waits until needed.
        from articles import workflow

        if by is not None:
            workflow.check_can_publish(by, self)
        self.status = Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at", "updated_at"])

    def submit_for_review(self, *, by) -> None:
        """Hand a draft to the editors."""
        from articles import workflow

        workflow.check_can_submit(by, self)
        self.status = Status.IN_REVIEW
        self.save(update_fields=["status", "updated_at"])

    def touch(self) -> None:
        """Record an edit made through a related row saved on its own."""
        self.updated_at = timezone.now()
        Article.objects.filter(pk=self.pk).update(
            updated_at=self.updated_at, lock_version=models.F("lock_version") + 1
        )
        self.lock_version += 1

    def _count_edit(self, save_kwargs: dict) -> None:
        """Every save makes a new version, so a form opened before it is refused."""
        self.lock_version += 1
        if save_kwargs.get("update_fields") is not None:
            save_kwargs["update_fields"] = {
                *save_kwargs["update_fields"],
                "lock_version",
            }


# Median silent reading speeds measured by Trauzettel-Klosinski et al. (2012):
# Arabic script reads markedly slower than Latin.
READING_WORDS_PER_MINUTE = {"ar": 138, "en": 228}


class ArticleSlugRedirect(models.Model):
    """A former slug of an article: its old links answer with a 301."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="slug_redirects",
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES
    )
    old_slug = models.SlugField(_("old slug"), max_length=300, allow_unicode=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("former slug")
        verbose_name_plural = _("former slugs")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "old_slug"], name="article_old_slug_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language}/{self.old_slug}"


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("byline")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="article_author_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.author)


# What the body editor offers; its sanitiser keeps exactly these, and
# articles.sanitize.clean_html (run on every save) allows them all.
BODY_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
}


class Section(TranslationTracked):
    """One part of an article body; the lead has no heading."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    body = ProseEditorField(
        _("body"),
        blank=True,
        config={"extensions": BODY_EDITOR_EXTENSIONS},
        sanitize=True,
    )
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sections",
    )

    tracked_translation_fields = ("heading", "body")

    class Meta:
        ordering = ["position"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="section_position_unique"
            )
        ]

    def __str__(self) -> str:
        return self.heading or _("Section %(position)s") % {"position": self.position}

    def save(self, *args, **kwargs) -> None:
        # Sanitised on every path that stores it: admin, importer, ORM.
        for language in language_codes():
            field = build_localized_fieldname("body", language)
            setattr(self, field, clean_html(getattr(self, field)) or None)
        kwargs["update_fields"] = self.refresh_translation_sources(
            kwargs.get("update_fields")
        )
        super().save(*args, **kwargs)
        refresh_article_of(self)

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        refresh_article_of(self)
        return deleted

    @property
    def anchor(self) -> str:
        return f"section-{self.position}"


class Quote(TranslationTracked):
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="quotes",
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=QuoteKind.choices,
        default=QuoteKind.ATTRIBUTED,
    )
    text = models.TextField(_("text"))
    speaker = models.ForeignKey(
        Person,
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    speaker_role = models.CharField(
        _("speaker's role when quoted"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the person's current role."),
    )
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    after_section = models.ForeignKey(
        Section,
        verbose_name=_("placed after section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quotes_after",
        help_text=_("Empty places the quote at the end of the article."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    tracked_translation_fields = ("text", "speaker_role")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [choices_check("kind", QuoteKind, "quote_kind_valid")]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args, **kwargs) -> None:
        kwargs["update_fields"] = self.refresh_translation_sources(
            kwargs.get("update_fields")
        )
        super().save(*args, **kwargs)
        refresh_article_of(self)

    def delete(self, *args, **kwargs):
        deleted = super().delete(*args, **kwargs)
        refresh_article_of(self)
        return deleted

    @property
    def role(self) -> str:
        return self.speaker_role or (self.speaker.role if self.speaker else "")


class Correction(models.Model):
    """A dated note on a published article, shown to readers."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    kind = models.CharField(
        _("kind"),
        max_length=15,
        choices=CorrectionKind.choices,
        default=CorrectionKind.CORRECTION,
    )
    text = models.TextField(_("text"))
    noted_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["noted_at", "id"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        constraints = [choices_check("kind", CorrectionKind, "correction_kind_valid")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
