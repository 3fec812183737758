"""The image library in the admin: checked uploads, renditions, where used.

Kept apart from admin.py so ImageAdmin only names this in its bases.
"""

from __future__ import annotations

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from articles.forms import ImageForm
from articles.models import Article, Author, Image, Section

RENDITION_LABELS = {"webp": "WebP", "jpeg": "JPEG", "png": "PNG"}


def usage_entries(image: Image) -> list[SafeString]:
    """Every place readers see the image, each linked to its change page."""
    entries = []
    for article in Article.objects.filter(hero_image=image).order_by("pk"):
        entries.append(_linked(article, "article", _("hero image")))
    sections = Section.objects.filter(image=image).select_related("article")
    for section in sections.order_by("article_id", "position"):
        role = _("image of the section “%(section)s”") % {"section": section}
        entries.append(_linked(section.article, "article", role))
    for author in Author.objects.filter(photo=image).order_by("pk"):
        entries.append(_linked(author, "author", _("author’s photo")))
    return entries


def _linked(obj: Article | Author, model: str, role: str) -> SafeString:
    url = reverse(f"admin:articles_{model}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a> ({})', url, obj, role)


def pixel_size(image: Image) -> SafeString:
    # Left to right even in the Arabic admin, where 1600×900 would read 900×1600.
    return format_html('<span dir="ltr">{}×{}</span>', image.width, image.height)


def rendition_img(image: Image, *, box: int) -> SafeString | None:
    """A WebP rendition fitted into a box×box square, sharp on 1.5× screens."""
    webp = image.renditions_in("webp")
    if not webp:
        return None
    shown = next((r for r in webp if r["width"] >= box * 1.5), webp[-1])
    scale = min(1, box / shown["width"], box / shown["height"])
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" loading="lazy">',
        image.file.storage.url(shown["name"]),
        max(1, round(shown["width"] * scale)),
        max(1, round(shown["height"] * scale)),
    )


class ImageLibraryAdminMixin:
    """The newsroom's image library on top of the translation admin."""

    form = ImageForm
    list_display = [
        "thumbnail",
        "__str__",
        "format",
        "dimensions",
        "size",
        "credit",
        "created_at",
    ]
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["format", "is_animated"]
    search_fields = ["alt_text_ar", "alt_text_en", "caption_ar", "caption_en", "credit"]
    fieldsets = [
        (None, {"fields": ["file", "alt_text", "caption", "credit"]}),
        (_("Renditions and use"), {"fields": ["preview", "details", "usage"]}),
    ]
    readonly_fields = ["preview", "details", "usage"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        # Before the upload there is nothing to preview and no use to list.
        return fieldsets if obj is not None else fieldsets[:1]

    @admin.display(description=_("preview"))
    def thumbnail(self, image: Image) -> str:
        return rendition_img(image, box=80) or "—"

    @admin.display(description=_("size in pixels"), ordering="width")
    def dimensions(self, image: Image) -> str:
        return pixel_size(image)

    @admin.display(description=_("file size"), ordering="file_size")
    def size(self, image: Image) -> str:
        return filesizeformat(image.file_size)

    @admin.display(description=_("preview"))
    def preview(self, image: Image) -> str:
        picture = rendition_img(image, box=320)
        if not picture:
            return _("No renditions yet: run the make_renditions command.")
        if not image.is_animated:
            return picture
        return format_html(
            "{}<p>{}</p>",
            picture,
            _(
                "Animated: readers see the original animation; the renditions "
                "(previews, sharing) show its first frame."
            ),
        )

    @admin.display(description=_("file and renditions"))
    def details(self, image: Image) -> str:
        original = format_html(
            '<a href="{}">{}</a> · {} · {}',
            image.file.url,
            image.get_format_display() or "?",
            pixel_size(image),
            filesizeformat(image.file_size),
        )
        rows = [
            (
                RENDITION_LABELS[kind],
                format_html_join(
                    " · ",
                    '<a href="{}">{}</a>',
                    (
                        (image.file.storage.url(r["name"]), r["width"])
                        for r in image.renditions_in(kind)
                    ),
                ),
            )
            for kind in RENDITION_LABELS
            if image.renditions_in(kind)
        ]
        widths = format_html_join("", "<li>{}: {}</li>", rows)
        return format_html("{}<ul>{}</ul>", original, widths)

    @admin.display(description=_("used in"))
    def usage(self, image: Image) -> str:
        entries = usage_entries(image)
        if not entries:
            return _("Not used yet.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((e,) for e in entries))
        )

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        if protected:
            # Where each image is used, instead of Django's "would require
            # deleting the following protected related objects".
            images = list(objs)
            if len(images) == 1:
                friendly: list = usage_entries(images[0])
            else:
                friendly = []
                for image in images:
                    if entries := usage_entries(image):
                        friendly += [format_html("{}", image), entries]
            protected = friendly or protected
        return deleted, counts, perms_needed, protected

    def delete_queryset(self, request, queryset) -> None:
        # One by one: Image.delete() removes each image's files with it.
        for image in queryset:
            image.delete()
