"""People in the newsroom's roles and articles at each step, for the workflow tests."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage

from articles.models import Article, Image, Status
from tests.factories import ArticleFactory, SectionFactory


def member(role: str, username: str, **fields) -> object:
    """A staff account in one of the groups the roles migration made."""
    # No password: hashing one costs most of a test's time, and tests log in
    # with force_login.
    user = get_user_model().objects.create_user(
        username=username, password=None, **{"is_staff": True, **fields}
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def hero_image(*, alt_text_ar: str = "لوحة مفاتيح على مكتب") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), "teal").save(buffer, "PNG")
    return Image.objects.create(
        file=ContentFile(buffer.getvalue(), name="hero.png"), alt_text_ar=alt_text_ar
    )


def ready_article(**fields) -> Article:
    """A draft with everything publishing asks for."""
    fields = {
        "status": Status.DRAFT,
        "published_at": None,
        "hero_image": hero_image(),
        **fields,
    }
    article = ArticleFactory(**fields)
    SectionFactory(article=article, position=0, body_ar="<p>نص المقال.</p>")
    return article


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def changelist_url() -> str:
    return reverse("admin:articles_article_changelist")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
