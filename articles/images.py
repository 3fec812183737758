"""Uploaded images: the checks every stored image passes, and its renditions.

Every path that stores an image through our code ends in prepare_upload(): the
admin form (articles.forms.ImageUploadField), store_image() for code such as
the demo loader, and Image.save() for an unchecked file assigned by hand.
What is stored is re-encoded by us: upright, without EXIF, GPS, XMP or
comments, under the extension of its decoded format, never its given name.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import (
    ImageCms,
    ImageOps,
    ImageSequence,
    JpegImagePlugin,
    UnidentifiedImageError,
)

if TYPE_CHECKING:
    from articles.models import Image

logger = logging.getLogger(__name__)

# The formats we accept, by what Pillow decodes (not the file's name), and
# the extension each is stored under.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
# Phones save photos as multi-picture JPEGs; the first picture is the photo.
ALIASES = {"MPO": "JPEG"}
# What Pillow raises on damaged or truncated data, whatever the format.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)
# Of the original's metadata, only what it needs to look right survives.
KEPT_INFO = ("icc_profile", "transparency", "background")
# Renditions readers are served, by format: WebP first, then the fallback.
RENDITION_FORMATS = {"webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}

MESSAGES = {
    "empty": _("The file is empty."),
    "too_big": _(
        "This file is %(size)s; an image may be at most %(limit)s. "
        "Save it smaller and upload it again."
    ),
    "svg": _(
        "SVG drawings are not accepted, because they can carry scripts. "
        "Export the picture as PNG or WebP and upload that."
    ),
    "not_an_image": _(
        "This file is not a JPEG, PNG, WebP or GIF image, whatever its name "
        "says. Upload a picture in one of those formats."
    ),
    "too_many_pixels": _(
        "This image is %(width)s×%(height)s pixels, more than the "
        "%(limit)s megapixels allowed. Make it smaller and upload it again."
    ),
    "too_many_pixels_unmeasured": _(
        "This image has more than the %(limit)s megapixels allowed. "
        "Make it smaller and upload it again."
    ),
    "animation_too_large": _(
        "This animation is too large: %(frames)s frames of %(width)s×%(height)s "
        "pixels. Shorten it or make it smaller, then upload it again."
    ),
    "broken": _(
        "This image is damaged or incomplete, so it cannot be read. Export it "
        "again from your image editor and upload the new file."
    ),
}


def refusal(code: str, **params: Any) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:g}"


class PreparedImage(ContentFile):
    """Image bytes that passed our checks, named after their decoded format."""

    def __init__(
        self,
        content: bytes,
        *,
        name: str,
        format: str,
        width: int,
        height: int,
        is_animated: bool,
    ) -> None:
        super().__init__(content, name=name)
        self.format = format
        self.width = width
        self.height = height
        self.is_animated = is_animated


@dataclass
class StoredImage:
    """What we know of a stored file once its renditions are made."""

    format: str
    width: int
    height: int
    is_animated: bool
    file_size: int
    renditions: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def pillow_errors() -> Iterator[None]:
    """Pillow's complaints as form errors; its bomb warning as an error too."""
    # Pillow only warns between one and two times its own pixel limit.
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            yield
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ValidationError(
                MESSAGES["too_many_pixels_unmeasured"],
                code="too_many_pixels",
                params={"limit": megapixels(settings.IMAGE_MAX_PIXELS)},
            ) from None
        except UnidentifiedImageError:
            raise refusal("not_an_image") from None
        except DECODE_ERRORS as error:
            logger.info("Unreadable image: %r", error)
            raise refusal("broken") from error


def open_checked(data: bytes) -> PILImage.Image:
    """Read only the header, and refuse too many pixels before decoding any.

    Call inside pillow_errors()."""
    picture = PILImage.open(io.BytesIO(data), formats=list(EXTENSIONS))
    width, height = picture.size
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise refusal(
            "too_many_pixels",
            width=width,
            height=height,
            limit=megapixels(settings.IMAGE_MAX_PIXELS),
        )
    return picture


def decoded_format(picture: PILImage.Image) -> str:
    return ALIASES.get(picture.format or "", picture.format or "")


def is_animation(picture: PILImage.Image) -> bool:
    return decoded_format(picture) != "JPEG" and getattr(picture, "is_animated", False)


def read_upload(file: IO[bytes]) -> bytes:
    """The upload's bytes, refused when empty or over the byte limit."""
    limit = settings.IMAGE_MAX_UPLOAD_BYTES
    declared = getattr(file, "size", None) or 0
    if declared > limit:
        # Refused without reading it: Django has already spooled it to disk.
        raise refusal(
            "too_big", size=filesizeformat(declared), limit=filesizeformat(limit)
        )
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(limit + 1)
    if not data:
        raise refusal("empty")
    if len(data) > limit:
        raise refusal(
            "too_big",
            size=filesizeformat(max(declared, len(data))),
            limit=filesizeformat(limit),
        )
    return data


def looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in head


def prepare_upload(file: IO[bytes], *, name: str = "") -> PreparedImage:
    """Check an upload and re-encode it for storage, or raise ValidationError."""
    data = read_upload(file)
    if looks_like_svg(data):
        raise refusal("svg")
    with pillow_errors():
        picture = open_checked(data)
        image_format = decoded_format(picture)
        animated = is_animation(picture)
        if animated:
            check_animation(picture)
        content = reencode(picture, image_format, animated=animated, data=data)
        width, height = picture.size
    stem = PurePosixPath(
        (name or getattr(file, "name", "") or "").replace("\\", "/")
    ).stem
    return PreparedImage(
        content,
        name=f"{stem[:80] or 'image'}.{EXTENSIONS[image_format]}",
        format=image_format,
        width=width,
        height=height,
        is_animated=animated,
    )


def check_animation(picture: PILImage.Image) -> None:
    # Frames are decoded one after another: their pixels add up.
    width, height = picture.size
    frames = picture.n_frames
    if frames * width * height > settings.IMAGE_MAX_ANIMATION_PIXELS:
        raise refusal("animation_too_large", frames=frames, width=width, height=height)


def reencode(
    picture: PILImage.Image, image_format: str, *, animated: bool, data: bytes
) -> bytes:
    """The picture as we store it: decoded fully, upright, without metadata."""
    icc_profile = picture.info.get("icc_profile")
    options: dict[str, Any] = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "WEBP":
        options.update(webp_original_options(data))
    out = io.BytesIO()
    if animated:
        # Frames keep their timing; EXIF orientation is not applied to
        # animations (it would turn only the first frame).
        options["save_all"] = True
        if "loop" in picture.info:  # a GIF without one plays once: keep it so
            options["loop"] = picture.info["loop"]
        if image_format == "GIF":
            options["comment"] = b""  # the GIF writer copies it otherwise
        else:
            options["duration"] = [
                frame.info.get("duration", 0)
                for frame in ImageSequence.Iterator(picture)
            ]
            picture.seek(0)
        picture.save(out, image_format, **options)
        return out.getvalue()
    if image_format == "JPEG":
        options.update(jpeg_original_options(picture))
    ImageOps.exif_transpose(picture, in_place=True)
    picture.info = {key: picture.info[key] for key in KEPT_INFO if key in picture.info}
    picture.save(out, image_format, **options)
    return out.getvalue()


def jpeg_original_options(picture: PILImage.Image) -> dict[str, Any]:
    # The original's own quantisation tables: re-encoding loses next to nothing
    # and the file does not grow.
    tables = getattr(picture, "quantization", None)
    options: dict[str, Any] = {"optimize": True, "progressive": True}
    if not tables:
        return {**options, "quality": 90}
    options["qtables"] = tables
    sampling = JpegImagePlugin.get_sampling(picture)
    if sampling != -1:
        options["subsampling"] = sampling
    return options


def webp_original_options(data: bytes) -> dict[str, Any]:
    # A lossless WebP (VP8L chunks, no lossy VP8 ones) stays lossless.
    head = data[:65536]
    if b"VP8L" in head and b"VP8 " not in head:
        return {"lossless": True}
    return {"quality": 90}


def rendition_widths(width: int) -> list[int]:
    """The configured widths below the original's, and the original's own width
    when it is narrower than the widest: never upscaled."""
    configured = settings.IMAGE_RENDITION_WIDTHS
    return sorted({w for w in configured if w < width} | {min(width, max(configured))})


def describe_and_render(*, storage: Storage, name: str) -> StoredImage:
    """Read a stored image and write its renditions beside it, under renditions/.

    Animations get renditions of their first frame."""
    with storage.open(name, "rb") as stored:
        data = stored.read()
    written: list[str] = []
    try:
        with pillow_errors():
            picture = open_checked(data)
            width, height = picture.size
            described = StoredImage(
                format=decoded_format(picture),
                width=width,
                height=height,
                is_animated=is_animation(picture),
                file_size=len(data),
            )
            widths = rendition_widths(width)
            if described.format == "JPEG":
                # Let the JPEG decoder scale down by 2, 4 or 8 while decoding.
                picture.draft(None, (widths[-1], max(1, widths[-1] * height // width)))
            still = web_ready(picture)
            fallback = "png" if still.mode == "RGBA" else "jpeg"
            for kind in ("webp", fallback):
                for target in widths:
                    rendition = write_rendition(
                        still,
                        storage=storage,
                        name=name,
                        kind=kind,
                        width=target,
                        height=max(1, round(target * height / width)),
                    )
                    written.append(rendition["name"])
                    described.renditions.append(rendition)
    except BaseException:
        delete_files(storage, written)
        raise
    return described


def web_ready(picture: PILImage.Image) -> PILImage.Image:
    """The first frame in sRGB: RGBA only when some pixel is see-through."""
    icc_profile = picture.info.get("icc_profile")
    if picture.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit greys: scale into 8 bits instead of clipping them to white.
        picture = picture.convert("I").point(lambda value: value * (1 / 256))
        picture = picture.convert("L")
    mode = "RGB"
    if picture.has_transparency_data:
        rgba = picture.convert("RGBA")
        if rgba.getchannel("A").getextrema()[0] < 255:
            picture, mode = rgba, "RGBA"
    return to_srgb(picture, mode, icc_profile) or picture.convert(mode)


_SRGB: list[ImageCms.ImageCmsProfile] = []


def to_srgb(
    picture: PILImage.Image, mode: str, icc_profile: bytes | None
) -> PILImage.Image | None:
    """Colours converted with the image's own profile (CMYK and wide-gamut
    photos look wrong otherwise); None when it has none we can use."""
    if not icc_profile:
        return None
    if not _SRGB:
        _SRGB.append(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")))
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        space = source.profile.xcolor_space.strip()
        if space == "CMYK" and picture.mode == "CMYK":
            return ImageCms.profileToProfile(
                picture, source, _SRGB[0], outputMode="RGB"
            )
        if space == "RGB":
            picture = picture if picture.mode == mode else picture.convert(mode)
            return ImageCms.profileToProfile(picture, source, _SRGB[0], outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError) as error:
        logger.info("Colour profile not applied: %r", error)
    return None


def write_rendition(
    still: PILImage.Image,
    *,
    storage: Storage,
    name: str,
    kind: str,
    width: int,
    height: int,
) -> dict[str, Any]:
    resized = still
    if still.size != (width, height):
        resized = still.resize(
            (width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0
        )
    options: dict[str, Any] = {
        "webp": {"quality": 80, "method": 4},
        "jpeg": {"quality": 82, "optimize": True, "progressive": True},
        "png": {"optimize": True},
    }[kind]
    out = io.BytesIO()
    resized.save(out, RENDITION_FORMATS[kind], **options)
    original = PurePosixPath(name)
    target = f"{original.parent}/renditions/{original.stem}-{width}w.{kind}"
    stored_name = storage.save(target, ContentFile(out.getvalue()))
    return {"name": stored_name, "format": kind, "width": width, "height": height}


def delete_files(storage: Storage, names: list[str]) -> None:
    for name in names:
        try:
            storage.delete(name)
        except OSError as error:
            logger.warning("Could not delete %s: %r", name, error)


def store_image(
    file: IO[bytes] | bytes,
    *,
    alt_text_ar: str,
    alt_text_en: str = "",
    caption_ar: str = "",
    caption_en: str = "",
    credit: str = "",
    name: str = "",
) -> Image:
    """Check, store and render an image for code (the demo loader, importers).

    Raises ValidationError, with nothing stored, for what the admin refuses."""
    # Imported here: models imports this module for Image.save().
    from articles.models import Image

    if isinstance(file, bytes):
        file = io.BytesIO(file)
    image = Image(
        file=prepare_upload(file, name=name),
        alt_text_ar=alt_text_ar,
        alt_text_en=alt_text_en or None,
        caption_ar=caption_ar,
        caption_en=caption_en or None,
        credit=credit,
    )
    image.full_clean(exclude=["file"])
    image.save()
    return image


@dataclass
class RenditionReport:
    made: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # file name → reason


def make_missing_renditions(*, force: bool = False) -> RenditionReport:
    """Renditions for images that lack them (or all, with force): for images
    stored before renditions existed, or after the widths change."""
    from articles.models import Image

    report = RenditionReport()
    for image in Image.objects.order_by("pk").iterator():
        if not force and image.renditions and image.renditions_of == image.file.name:
            continue
        image.renditions_of = ""  # the original stays; its old renditions go
        try:
            image.save()
        except (ValidationError, OSError) as error:
            reason = "; ".join(getattr(error, "messages", [])) or str(error)
            report.failed[image.file.name] = reason
        else:
            report.made += 1
    return report
