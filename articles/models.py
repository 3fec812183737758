from django.conf import global_settings, settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from articles.sanitize import clean_html


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


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def choices_check(field: str, choices: type[models.TextChoices], name: str):
    """A database constraint keeping a choice field inside its fixed set."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}), name=name
    )


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

    def get_absolute_url(self) -> str:
        return reverse("articles:topic", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Image(models.Model):
    file = models.ImageField(
        _("file"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
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


class Author(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, allow_unicode=True)
    bio = models.TextField(_("bio"), blank=True)
    photo = models.ForeignKey(
        Image, verbose_name=_("photo"), null=True, blank=True, on_delete=models.SET_NULL
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


class ArticleQuerySet(models.QuerySet):
    def published(self) -> "ArticleQuerySet":
        """What readers may see now: published, and its time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())


class Article(models.Model):
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

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish articles"))]
        constraints = [choices_check("status", Status, "article_status_valid")]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_syndicated(self) -> bool:
        return bool(self.source_publisher or self.source_url or self.translator)

    def has_language(self, language: str) -> bool:
        return bool(getattr(self, build_localized_fieldname("headline", language)))

    def publish(self, *, at=None) -> None:
        self.status = Status.PUBLISHED
        self.published_at = at or self.published_at or timezone.now()
        self.save(update_fields=["status", "published_at", "updated_at"])


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


class Section(models.Model):
    """One part of an article body; the lead has no heading."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    body = models.TextField(_("body"), blank=True)
    image = models.ForeignKey(
        Image,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sections",
    )

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
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    @property
    def anchor(self) -> str:
        return f"section-{self.position}"


class Quote(models.Model):
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

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [choices_check("kind", QuoteKind, "quote_kind_valid")]

    def __str__(self) -> str:
        return self.text[:80]

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
