"""Public and admin forms."""

import datetime as dt

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from articles.images import EXTENSIONS, PreparedImage, prepare_upload
from articles.models import Article, Image, Status

ACCEPTED_TYPES = ",".join(f"image/{name.lower()}" for name in EXTENSIONS)


class ImageUploadField(forms.FileField):
    """An image judged by what Pillow decodes, within our byte and pixel limits.

    Its cleaned value is the re-encoded file that will be stored."""

    def to_python(self, data) -> PreparedImage | None:
        upload = super().to_python(data)  # refuses an empty file already
        if upload is None:
            return None
        return prepare_upload(upload)


class ImageForm(forms.ModelForm):
    file = ImageUploadField(
        label=_("file"),
        help_text=Image._meta.get_field("file").help_text,
        widget=AdminFileWidget(attrs={"accept": ACCEPTED_TYPES}),
    )

    class Meta:
        model = Image
        fields = [
            "file",
            "alt_text_ar",
            "alt_text_en",
            "caption_ar",
            "caption_en",
            "credit",
        ]


def edit_token(*, lock_version: int, updated_at: dt.datetime | None) -> str:
    """A value that changes with every save of an article, restores included."""
    # The count alone could come back after a history restore puts an old row
    # back; the time of the save that follows the restore cannot.
    return f"{lock_version}@{updated_at.isoformat() if updated_at else ''}"


class ArticleAdminForm(forms.ModelForm):
    """The article's change form: a save based on an outdated copy is refused."""

    # The article's edit_token when the form was opened, sent back on save.
    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_version"].initial = edit_token(
                lock_version=self.instance.lock_version,
                updated_at=self.instance.updated_at,
            )

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            self._refuse_outdated_save()
            self._keep_publication_time(cleaned_data)
        return cleaned_data

    def _refuse_outdated_save(self) -> None:
        rows = Article.objects.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(Article)).in_atomic_block:
            # Held until the admin's transaction ends: two saves sent at the
            # same moment are judged one after the other (PostgreSQL).
            rows = rows.select_for_update()
        current = rows.values("lock_version", "updated_at").first()
        if current is None:
            return  # deleted meanwhile; the admin reports that itself
        if self.cleaned_data.get("opened_version") == edit_token(**current):
            return
        raise ValidationError(
            _(
                "Someone else saved this article at %(time)s, after you opened "
                "it. Your changes have not been saved; they are still in the "
                "form below. Open the article again in a new tab, copy your "
                "changes into it and save there."
            )
            % {
                "time": date_format(
                    timezone.localtime(current["updated_at"]), "DATETIME_FORMAT"
                )
            },
            code="outdated",
        )

    def _keep_publication_time(self, cleaned_data: dict) -> None:
        # A live article without a time would silently vanish from the site.
        if (
            "published_at" in self.fields
            and cleaned_data.get("status") == Status.PUBLISHED
            and self.initial.get("status") == Status.PUBLISHED
            and not cleaned_data.get("published_at")
        ):
            self.add_error(
                "published_at", _("A published article needs its publication time.")
            )
