"""The image library: checked uploads, renditions, in-use images, the figure.

Every file is made here, in memory: with Pillow, or for the decompression
bomb by hand (a real 12000×12000 PNG compresses to a few KB, but building it
with Pillow would first allocate the 144 MB it decodes to).
"""

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from PIL import ImageSequence

from articles.images import prepare_upload, store_image
from articles.models import Article, Image
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db

ALT_AR = "شعار مايكروسوفت على واجهة مبنى"


# Files ------------------------------------------------------------------


def picture_bytes(
    image_format: str = "JPEG",
    size: tuple[int, int] = (64, 48),
    colour="red",
    mode: str = "RGB",
    **options,
) -> bytes:
    out = io.BytesIO()
    PILImage.new(mode, size, colour).save(out, image_format, **options)
    return out.getvalue()


def noisy_jpeg(size: tuple[int, int]) -> bytes:
    """A JPEG that does not compress to nothing, for the byte limit."""
    out = io.BytesIO()
    PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(
        out, "JPEG", quality=95
    )
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def bilevel_png(width: int, height: int, *, truncate_data: bool = False) -> bytes:
    """A valid black 1-bit PNG: all zeros compress to almost nothing."""
    row = b"\x00" + bytes((width + 7) // 8)  # filter byte, then the pixels
    data = zlib.compress(row * height, 9)
    if truncate_data:
        data = data[: len(data) // 2]
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def rotated_photo() -> bytes:
    """40×20, red on the left, blue on the right, to be turned a quarter
    clockwise (EXIF orientation 6), with GPS, a comment and XMP on board."""
    photo = PILImage.new("RGB", (40, 20), "blue")
    photo.paste("red", (0, 0, 20, 20))
    exif = PILImage.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    out = io.BytesIO()
    photo.save(out, "JPEG", exif=exif, comment=b"secret-comment", xmp=b"<x:xmpmeta/>")
    return out.getvalue()


def animated_gif() -> bytes:
    palette = [255, 0, 0, 0, 255, 0, 0, 0, 255] + [0] * 759
    frames = []
    for index in range(3):
        frame = PILImage.new("P", (60, 40), index)
        frame.putpalette(palette)
        frames.append(frame)
    out = io.BytesIO()
    frames[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment=b"secret-comment",
    )
    return out.getvalue()


SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(document.cookie)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


# Admin helpers ------------------------------------------------------------


@pytest.fixture
def editor_client(client, django_user_model):
    # No password: hashing one costs more than most of these tests.
    editor = django_user_model.objects.create(
        username="editor", is_staff=True, is_superuser=True
    )
    client.force_login(editor)
    return client


def upload(client, name: str, data: bytes, *, language: str = "ar", **fields: str):
    fields = {
        "alt_text_ar": ALT_AR,
        "alt_text_en": "",
        "caption_ar": "",
        "caption_en": "",
        "credit": "",
        **fields,
    }
    with translation.override(language):
        url = reverse("admin:articles_image_add")
    return client.post(url, {"file": SimpleUploadedFile(name, data), **fields})


def file_errors(response) -> list[ValidationError]:
    assert response.status_code == 200, "the upload should have been refused"
    return response.context["adminform"].form.errors.as_data().get("file", [])


def error_codes(response) -> list[str]:
    return [error.code for error in file_errors(response)]


def stored_files() -> list[Path]:
    media = Path(settings.MEDIA_ROOT)
    return sorted(path for path in media.rglob("*") if path.is_file())


def assert_nothing_saved() -> None:
    assert Image.objects.count() == 0
    assert stored_files() == []


def the_image() -> Image:
    return Image.objects.get()


def open_stored(name: str) -> PILImage.Image:
    return PILImage.open(Path(settings.MEDIA_ROOT) / name)


# Refused uploads ----------------------------------------------------------


@pytest.mark.parametrize(
    "size",
    [(7000, 7000), (12000, 12000), (20000, 20000)],
    ids=["over-our-limit", "pillow-only-warns", "pillow-refuses"],
)
def test_decompression_bomb_is_refused_and_nothing_is_saved(editor_client, size):
    bomb = bilevel_png(*size)
    assert len(bomb) < 100_000  # tiny on disk, huge decoded
    assert struct.unpack(">II", bomb[16:24]) == size

    response = upload(editor_client, "innocent.png", bomb)

    assert error_codes(response) == ["too_many_pixels"]
    assert_nothing_saved()


@override_settings(IMAGE_MAX_PIXELS=500_000_000)
def test_pillows_bomb_warning_is_an_error_even_under_a_higher_limit_of_ours(
    editor_client,
):
    # 144 megapixels: Pillow only warns (its error starts at 179).
    response = upload(editor_client, "bomb.png", bilevel_png(12000, 12000))

    assert error_codes(response) == ["too_many_pixels"]
    assert_nothing_saved()


def test_pixel_limit_is_checked_before_anything_is_decoded(editor_client):
    # Half its pixel data is missing: decoding would call it damaged instead.
    response = upload(
        editor_client, "bomb.png", bilevel_png(12000, 12000, truncate_data=True)
    )

    assert error_codes(response) == ["too_many_pixels"]


def test_pixel_limit_error_names_the_size_and_the_limit(editor_client):
    big = bilevel_png(7000, 7000)
    PILImage.open(io.BytesIO(big)).load()  # a real PNG, which Pillow would decode

    response = upload(editor_client, "big.png", big, language="en")

    (message,) = file_errors(response)[0].messages
    assert "7000×7000" in message
    assert "40 megapixels" in message


@override_settings(IMAGE_MAX_PIXELS=1000)
def test_pixel_limit_comes_from_settings(editor_client):
    response = upload(editor_client, "photo.jpg", picture_bytes(size=(40, 30)))

    assert error_codes(response) == ["too_many_pixels"]
    assert_nothing_saved()


def test_html_renamed_jpg_is_refused(editor_client):
    response = upload(editor_client, "photo.jpg", HTML, language="en")

    assert error_codes(response) == ["not_an_image"]
    assert "not a JPEG, PNG, WebP or GIF image" in file_errors(response)[0].messages[0]
    assert_nothing_saved()


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_svg_is_refused_even_under_another_name(editor_client, name):
    response = upload(editor_client, name, SVG, language="en")

    assert error_codes(response) == ["svg"]
    assert "SVG" in file_errors(response)[0].messages[0]
    assert_nothing_saved()


def test_other_real_image_formats_are_refused(editor_client):
    response = upload(editor_client, "scan.jpg", picture_bytes("TIFF"))

    assert error_codes(response) == ["not_an_image"]
    assert_nothing_saved()


@override_settings(IMAGE_MAX_UPLOAD_BYTES=20_000)
def test_file_over_the_byte_limit_is_refused(editor_client):
    photo = noisy_jpeg((200, 200))
    assert len(photo) > 20_000

    response = upload(editor_client, "photo.jpg", photo, language="en")

    assert error_codes(response) == ["too_big"]
    assert "19.5" in file_errors(response)[0].messages[0]  # the limit, in KB
    assert_nothing_saved()


def test_empty_file_is_refused(editor_client):
    response = upload(editor_client, "photo.jpg", b"")

    assert error_codes(response) == ["empty"]
    assert_nothing_saved()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "GIF", "WEBP"])
def test_truncated_file_is_refused_as_damaged(editor_client, image_format):
    whole = noisy_jpeg((300, 200))
    if image_format != "JPEG":
        out = io.BytesIO()
        PILImage.open(io.BytesIO(whole)).save(out, image_format)
        whole = out.getvalue()

    response = upload(editor_client, "photo.img", whole[: len(whole) // 2])

    assert error_codes(response) == ["broken"]
    assert_nothing_saved()


def test_alt_text_in_arabic_is_required(editor_client):
    response = upload(editor_client, "photo.jpg", picture_bytes(), alt_text_ar="")

    assert response.status_code == 200
    assert "alt_text_ar" in response.context["adminform"].form.errors
    assert_nothing_saved()


def test_alt_text_in_english_is_optional(editor_client):
    response = upload(editor_client, "photo.jpg", picture_bytes())

    assert response.status_code == 302
    assert the_image().alt_text_ar == ALT_AR


# Accepted uploads ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "image_format", "stored_as"),
    [
        ("photo.jpg", "PNG", ".png"),
        ("photo.JPG", "JPEG", ".jpg"),
        ("anim.jpg", "GIF", ".gif"),
        ("picture.png", "WEBP", ".webp"),
        ("no-extension", "PNG", ".png"),
    ],
)
def test_image_is_stored_under_the_extension_of_its_real_format(
    editor_client, name, image_format, stored_as
):
    response = upload(editor_client, name, picture_bytes(image_format))

    assert response.status_code == 302
    image = the_image()
    assert image.file.name.endswith(stored_as)
    assert image.format == image_format
    assert open_stored(image.file.name).format == image_format


def test_exif_rotated_photo_is_stored_upright_without_metadata(editor_client):
    response = upload(editor_client, "photo.jpg", rotated_photo())

    assert response.status_code == 302
    image = the_image()
    assert (image.width, image.height) == (20, 40)
    stored = open_stored(image.file.name)
    assert stored.size == (20, 40)
    # A quarter turn clockwise brings the red left half to the top.
    red, blue = stored.getpixel((10, 5)), stored.getpixel((10, 35))
    assert red[0] > 200 and red[2] < 60
    assert blue[2] > 200 and blue[0] < 60
    assert not stored.getexif()
    assert not stored.getexif().get_ifd(0x8825)  # no GPS
    data = (Path(settings.MEDIA_ROOT) / image.file.name).read_bytes()
    assert b"Exif" not in data
    assert b"PhoneMaker" not in data
    assert b"secret-comment" not in data
    assert b"xmpmeta" not in data


def test_cmyk_jpeg_is_accepted_and_its_renditions_are_rgb(editor_client):
    cmyk_red = picture_bytes("JPEG", (900, 600), (0, 255, 255, 0), "CMYK")

    response = upload(editor_client, "print.jpg", cmyk_red)

    assert response.status_code == 302
    image = the_image()
    original = open_stored(image.file.name)
    assert original.mode == "CMYK"
    assert original.convert("RGB").getpixel((5, 5))[0] > 200  # still red
    for rendition in image.renditions:
        stored = open_stored(rendition["name"]).convert("RGBA")
        assert open_stored(rendition["name"]).mode == "RGB"
        r, g, b, _a = stored.getpixel((5, 5))
        assert r > 200 and g < 60 and b < 60


def test_animated_gif_keeps_its_animation_and_renditions_show_the_first_frame(
    editor_client,
):
    response = upload(editor_client, "dance.gif", animated_gif())

    assert response.status_code == 302
    image = the_image()
    assert image.is_animated
    stored = open_stored(image.file.name)
    assert stored.format == "GIF"
    assert stored.n_frames == 3
    durations = [frame.info["duration"] for frame in ImageSequence.Iterator(stored)]
    assert durations == [100, 200, 300]
    data = (Path(settings.MEDIA_ROOT) / image.file.name).read_bytes()
    assert b"secret-comment" not in data
    assert image.renditions
    for rendition in image.renditions:
        first_frame = open_stored(rendition["name"])
        assert getattr(first_frame, "n_frames", 1) == 1
        r, g, b = first_frame.convert("RGB").getpixel((5, 5))
        assert r > 200 and g < 60 and b < 60


@override_settings(IMAGE_MAX_ANIMATION_PIXELS=5000)
def test_animation_over_the_frame_pixel_budget_is_refused(editor_client):
    # 3 frames of 60×40 are 7200 pixels in all.
    response = upload(editor_client, "dance.gif", animated_gif())

    assert error_codes(response) == ["animation_too_large"]
    assert_nothing_saved()


# Renditions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "widths"),
    [
        ((2000, 1000), [320, 480, 800, 1200, 1600]),
        ((1000, 700), [320, 480, 800, 1000]),
        ((100, 50), [100]),
    ],
)
def test_renditions_exist_in_webp_and_jpeg_and_are_never_upscaled(
    editor_client, size, widths
):
    upload(editor_client, "photo.jpg", picture_bytes("JPEG", size))

    image = the_image()
    for kind, pillow_format in [("webp", "WEBP"), ("jpeg", "JPEG")]:
        renditions = image.renditions_in(kind)
        assert [r["width"] for r in renditions] == widths
        for rendition in renditions:
            stored = open_stored(rendition["name"])
            assert stored.format == pillow_format
            assert stored.size == (rendition["width"], rendition["height"])
            assert stored.width <= image.width
            assert rendition["height"] == round(rendition["width"] * size[1] / size[0])


def test_transparent_image_falls_back_to_png_renditions(editor_client):
    upload(
        editor_client,
        "logo.png",
        picture_bytes("PNG", (600, 300), (0, 0, 0, 0), "RGBA"),
    )

    image = the_image()
    assert image.renditions_in("jpeg") == []
    for rendition in image.renditions_in("png") + image.renditions_in("webp"):
        assert open_stored(rendition["name"]).mode == "RGBA"


def test_opaque_png_falls_back_to_jpeg_renditions(editor_client):
    upload(editor_client, "chart.png", picture_bytes("PNG", (600, 300), "navy", "RGBA"))

    image = the_image()
    assert image.renditions_in("png") == []
    assert [r["width"] for r in image.renditions_in("jpeg")] == [320, 480, 600]


def test_renditions_are_made_once_and_not_again_when_only_the_text_changes(
    editor_client,
):
    upload(editor_client, "photo.jpg", picture_bytes("JPEG", (1000, 500)))
    image = the_image()
    before = {path: path.stat().st_mtime_ns for path in stored_files()}

    with translation.override("ar"):
        url = reverse("admin:articles_image_change", args=[image.pk])
    response = editor_client.post(
        url,
        {
            "alt_text_ar": "نص بديل جديد",
            "alt_text_en": "New alt text",
            "caption_ar": "تعليق",
            "caption_en": "",
            "credit": "AP",
        },
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.alt_text_en == "New alt text"
    assert image.renditions == the_image().renditions
    after = {path: path.stat().st_mtime_ns for path in stored_files()}
    assert after == before


def test_a_new_file_gets_new_renditions_and_the_old_files_go(
    editor_client, django_capture_on_commit_callbacks
):
    upload(editor_client, "first.jpg", picture_bytes("JPEG", (500, 250)))
    image = the_image()
    old_names = [image.file.name] + [r["name"] for r in image.renditions]

    with translation.override("ar"):
        url = reverse("admin:articles_image_change", args=[image.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            url,
            {
                "file": SimpleUploadedFile(
                    "second.png", picture_bytes("PNG", (900, 300))
                ),
                "alt_text_ar": ALT_AR,
                "alt_text_en": "",
                "caption_ar": "",
                "caption_en": "",
                "credit": "",
            },
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".png")
    assert (image.width, image.height, image.format) == (900, 300, "PNG")
    assert [r["width"] for r in image.renditions_in("webp")] == [320, 480, 800, 900]
    media = Path(settings.MEDIA_ROOT)
    assert not any((media / name).exists() for name in old_names)
    current = [image.file.name] + [r["name"] for r in image.renditions]
    assert sorted(media / name for name in current) == stored_files()


def test_a_new_file_under_the_old_name_gets_new_renditions():
    image = store_image(picture_bytes("JPEG", (500, 250)), alt_text_ar=ALT_AR)
    name = Path(image.file.name).name
    for path in stored_files():  # the media folder is wiped
        path.unlink()

    image.file = prepare_upload(
        io.BytesIO(picture_bytes("JPEG", (400, 200))), name=name
    )
    image.save()

    assert Path(image.file.name).name == name

    assert [r["width"] for r in image.renditions_in("webp")] == [320, 400]
    media = Path(settings.MEDIA_ROOT)
    assert all((media / r["name"]).is_file() for r in image.renditions)


def test_make_renditions_command_fills_in_missing_renditions(editor_client):
    upload(editor_client, "photo.jpg", picture_bytes("JPEG", (700, 350)))
    Image.objects.update(renditions=[], renditions_of="")

    out = io.StringIO()
    call_command("make_renditions", stdout=out)

    image = the_image()
    assert [r["width"] for r in image.renditions_in("webp")] == [320, 480, 700]
    assert all(open_stored(r["name"]) for r in image.renditions)
    assert "1" in out.getvalue()


# Other paths that store images ------------------------------------------


def test_store_image_refuses_what_the_admin_refuses():
    with pytest.raises(ValidationError) as refused:
        store_image(HTML, alt_text_ar=ALT_AR, name="photo.jpg")

    assert refused.value.code == "not_an_image"
    assert_nothing_saved()


def test_store_image_requires_arabic_alt_text():
    with pytest.raises(ValidationError) as refused:
        store_image(picture_bytes(), alt_text_ar="", name="photo.jpg")

    assert "alt_text_ar" in refused.value.message_dict
    assert Image.objects.count() == 0


def test_store_image_stores_checked_image_with_renditions():
    image = store_image(
        rotated_photo(), alt_text_ar=ALT_AR, alt_text_en="A photo", name="p.jpeg"
    )

    assert image.pk is not None
    assert image.file.name.endswith(".jpg")
    assert (image.width, image.height) == (20, 40)
    assert not open_stored(image.file.name).getexif()
    assert image.renditions_in("webp")


def test_plain_orm_save_checks_a_new_file_too():
    with pytest.raises(ValidationError):
        Image(file=SimpleUploadedFile("photo.jpg", SVG), alt_text_ar=ALT_AR).save()

    assert_nothing_saved()


# Deleting -----------------------------------------------------------------


@pytest.fixture
def image_in_use():
    image = store_image(picture_bytes(), alt_text_ar=ALT_AR, name="used.jpg")
    hero_of = ArticleFactory(headline_ar="مقال الصورة الرئيسية", hero_image=image)
    section = SectionFactory(heading_ar="قسم مصور", image=image)
    author = AuthorFactory(name_ar="كاتبة بالصورة", photo=image)
    return image, hero_of, section, author


def test_delete_page_of_an_image_in_use_lists_where_it_is_used(
    editor_client, image_in_use
):
    image, hero_of, section, author = image_in_use
    with translation.override("ar"):
        url = reverse("admin:articles_image_delete", args=[image.pk])

    response = editor_client.get(url)

    page = BeautifulSoup(response.content, "html.parser")
    listed = page.find("ul", id="deleted-objects")
    links = {a["href"]: a.get_text() for a in listed.find_all("a")}
    with translation.override("ar"):
        assert (
            links[reverse("admin:articles_article_change", args=[hero_of.pk])]
            == "مقال الصورة الرئيسية"
        )
        assert section.article.headline_ar in links.values()
        assert links[reverse("admin:articles_author_change", args=[author.pk])] == (
            "كاتبة بالصورة"
        )
    assert "قسم مصور" in listed.get_text()
    assert page.find("input", attrs={"type": "submit"}) is None  # no way to confirm


def test_image_in_use_is_not_deleted_even_when_the_delete_is_posted(
    editor_client, image_in_use
):
    image = image_in_use[0]
    with translation.override("ar"):
        url = reverse("admin:articles_image_delete", args=[image.pk])

    editor_client.post(url, {"post": "yes"})

    assert Image.objects.filter(pk=image.pk).exists()
    assert Article.objects.filter(hero_image=image).exists()
    assert (Path(settings.MEDIA_ROOT) / image.file.name).exists()


def test_bulk_delete_of_images_in_use_lists_them_and_deletes_nothing(
    editor_client, image_in_use
):
    image, hero_of, _section, _author = image_in_use
    unused = store_image(picture_bytes(), alt_text_ar="غير مستخدمة", name="u.jpg")
    with translation.override("ar"):
        url = reverse("admin:articles_image_changelist")
    selection = {"action": "delete_selected", "_selected_action": [image.pk, unused.pk]}

    page = editor_client.post(url, selection)
    editor_client.post(url, {**selection, "post": "yes"})

    listed = BeautifulSoup(page.content, "html.parser").find("ul", id="deleted-objects")
    assert hero_of.headline_ar in listed.get_text()
    assert Image.objects.count() == 2


def test_unused_image_is_deleted_with_its_files(
    editor_client, django_capture_on_commit_callbacks
):
    image = store_image(picture_bytes("JPEG", (600, 300)), alt_text_ar=ALT_AR)
    assert len(stored_files()) == 1 + len(image.renditions)
    with translation.override("ar"):
        url = reverse("admin:articles_image_delete", args=[image.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert stored_files() == []


# Admin pages --------------------------------------------------------------


def test_change_page_shows_preview_renditions_and_where_used(
    editor_client, image_in_use
):
    image, hero_of, _section, _author = image_in_use
    with translation.override("ar"):
        url = reverse("admin:articles_image_change", args=[image.pk])

    page = BeautifulSoup(editor_client.get(url).content, "html.parser")

    preview = page.select_one(".field-preview img")
    assert preview["src"].endswith(".webp")
    details = page.select_one(".field-details").get_text()
    assert "WebP" in details and "JPEG" in details
    assert hero_of.headline_ar in page.select_one(".field-usage").get_text()


def test_image_list_costs_the_same_queries_for_3_and_30_images(
    editor_client, django_assert_num_queries
):
    with translation.override("ar"):
        url = reverse("admin:articles_image_changelist")
    for count in (3, 30):
        for index in range(count - Image.objects.count()):
            store_image(picture_bytes(size=(40, 20)), alt_text_ar=f"صورة {index}")
        # session, user, filtered count, total count, the page of images
        with django_assert_num_queries(5):
            response = editor_client.get(url)
        page = BeautifulSoup(response.content, "html.parser")
        assert len(page.select("#result_list tbody tr")) == count
        assert len(page.select("#result_list tbody img")) == count


# The figure readers see ---------------------------------------------------


def figure(image: Image, **context) -> BeautifulSoup:
    html = render_to_string(
        "articles/partials/figure.html", {"image": image, **context}
    )
    return BeautifulSoup(html, "html.parser")


def test_figure_is_a_picture_with_webp_srcset_and_a_sized_fallback():
    image = store_image(
        picture_bytes("JPEG", (2000, 1000)), alt_text_ar=ALT_AR, caption_ar="تعليق"
    )

    with translation.override("ar"):
        html = figure(image)

    source = html.select_one("figure picture source")
    assert source["type"] == "image/webp"
    candidates = [c.strip().split(" ") for c in source["srcset"].split(",")]
    assert candidates == [
        [image.file.storage.url(r["name"]), f"{r['width']}w"]
        for r in image.renditions_in("webp")
    ]
    assert len(candidates) == 5
    img = html.select_one("figure picture img")
    assert img["src"].endswith("-1600w.jpeg")
    assert all(".jpeg " in c for c in img["srcset"].split(","))
    assert (img["width"], img["height"]) == ("2000", "1000")
    assert img["alt"] == ALT_AR
    assert (img["lang"], img["dir"]) == ("ar", "rtl")
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"
    assert source["sizes"] == img["sizes"]
    assert html.select_one("figcaption").get_text(strip=True) == "تعليق"


def test_figure_takes_eager_loading_and_sizes():
    image = store_image(picture_bytes("JPEG", (900, 600)), alt_text_ar=ALT_AR)

    html = figure(image, loading="eager", sizes="50vw")

    img = html.select_one("picture img")
    assert img["loading"] == "eager"
    assert img["fetchpriority"] == "high"
    assert img["sizes"] == html.select_one("picture source")["sizes"] == "50vw"


def test_figure_alt_text_carries_its_own_language():
    image = store_image(
        picture_bytes(), alt_text_ar=ALT_AR, alt_text_en="Microsoft's logo"
    )

    with translation.override("en"):
        english = figure(image).select_one("img")
    with translation.override("en"):
        image.alt_text_en = ""
        image.save()
        fallback = figure(Image.objects.get(pk=image.pk)).select_one("img")

    assert (english["alt"], english["lang"], english["dir"]) == (
        "Microsoft's logo",
        "en",
        "ltr",
    )
    assert (fallback["alt"], fallback["lang"], fallback["dir"]) == (ALT_AR, "ar", "rtl")


def test_figure_of_an_animation_serves_the_original():
    image = store_image(animated_gif(), alt_text_ar=ALT_AR, name="dance.gif")

    html = figure(image)

    assert html.select_one("picture") is None
    assert html.select_one("img")["src"] == image.file.url


def test_article_page_serves_the_hero_image_responsively(client):
    image = store_image(picture_bytes("JPEG", (1600, 900)), alt_text_ar=ALT_AR)
    article = ArticleFactory(hero_image=image)
    SectionFactory(article=article, image=image)

    with translation.override("ar"):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    hero, in_section = page.select("figure.figure picture img")
    assert hero["loading"] == "eager"
    assert in_section["loading"] == "lazy"
    webp = page.select_one("figure.figure picture source")["srcset"]
    # Served from MEDIA: the URL names a rendition stored under MEDIA_ROOT.
    media_url = "/" + settings.MEDIA_URL.lstrip("/")
    first_webp = webp.split(",")[0].split(" ")[0]
    assert first_webp.startswith(media_url)
    assert (Path(settings.MEDIA_ROOT) / first_webp.removeprefix(media_url)).is_file()
