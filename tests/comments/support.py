"""Factories and helpers shared by the comment tests."""

import factory
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from comments.models import Comment, CommentStatus
from tests.factories import ArticleFactory


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = factory.Sequence(lambda n: f"قارئ {n}")
    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    body = "تعليق مفيد على المقال."
    status = CommentStatus.APPROVED


def article_url(article, language: str = "ar") -> str:
    with translation.override(language):
        return article.get_absolute_url()


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def form_fields(html: BeautifulSoup) -> tuple[str, dict[str, str]]:
    """The comment form's action and what a browser would send back."""
    form = html.find("form", id="comment-form")
    assert form is not None, "no comment form on the page"
    data = {}
    for field in form.find_all(["input", "textarea"]):
        if field.get("name") and field.get("type") != "submit":
            data[field["name"]] = (
                field.get_text() if field.name == "textarea" else field.get("value", "")
            )
    return form["action"], data


def post_comment(
    client,
    article,
    *,
    language: str = "ar",
    ip: str = "203.0.113.7",
    page: str | None = None,
    **fields,
):
    """Open the article page, fill in its comment form, send it."""
    response = client.get(page or article_url(article, language))
    assert response.status_code == 200
    action, data = form_fields(soup(response))
    data.update(
        {
            "name": "سارة",
            "email": "sara@example.com",
            "body": "مقال ممتاز، شكرا.",
            **fields,
        }
    )
    return client.post(action, data, REMOTE_ADDR=ip)


def staff_user(django_user_model, username: str, *groups: str, **extra):
    extra.setdefault("email", f"{username}@newsroom.test")
    user = django_user_model.objects.create_user(
        username=username,
        password=None,  # signed in with force_login: no slow hashing
        is_staff=True,
        **extra,
    )
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def translated(message: str, language: str = "ar") -> str:
    """A message as the page shows it, whether or not a catalogue has it yet."""
    with translation.override(language):
        return gettext(message)


WAITING = (
    "Thank you. Your comment is waiting for moderation and will appear once a "
    "moderator approves it."
)
