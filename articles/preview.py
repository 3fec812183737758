"""An article exactly as readers will see it, before they can.

People who may change articles open /<lang>/preview/<pk>/ from the admin. For
someone outside the newsroom the change form offers a signed link that works
without logging in until it expires; an expired or altered link gets a page
that says so, never an error.
"""

import datetime as dt

from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from articles.models import (
    Article,
    ArticleQuerySet,
    localized_reverse,
)
from articles.views import ArticleDetailView
from articles.workflow import CHANGE_PERMISSION

LINK_MAX_AGE = dt.timedelta(hours=48)
# Keeps these signatures apart from every other use of SECRET_KEY.
LINK_SALT = "articles.preview"


def signed_token(article: Article) -> str:
    return signing.TimestampSigner(salt=LINK_SALT).sign(str(article.pk))


def read_token(token: str) -> tuple[int, dt.datetime]:
    """The article a link was signed for and when the link expires.

    Raises SignatureExpired, or BadSignature for a link that was altered.
    """
    signer = signing.TimestampSigner(salt=LINK_SALT)
    value = signer.unsign(token, max_age=LINK_MAX_AGE)
    # Sound now that the signature checked out: "<pk>:<timestamp>:<signature>".
    signed_at = int(signing.b62_decode(token.rsplit(signer.sep, 2)[1]))
    expires_at = dt.datetime.fromtimestamp(signed_at, tz=dt.UTC) + LINK_MAX_AGE
    return int(value), expires_at


def staff_url(article: Article, language: str | None = None) -> str:
    return localized_reverse("articles:preview", language, pk=article.pk)


def signed_url(article: Article, language: str | None = None) -> str:
    return localized_reverse(
        "articles:preview_link", language, token=signed_token(article)
    )


def refused(request: HttpRequest, *, status: int, reason: str) -> HttpResponse:
    response = TemplateResponse(
        request,
        "articles/preview_refused.html",
        {"reason": reason, "status": status},
        status=status,
    )
    add_never_cache_headers(response)
    return response


class ArticlePreviewView(ArticleDetailView):
    """The reader page of any article, whatever its status, for the newsroom."""

    template_name = "articles/preview.html"

    def get(self, request, *args, **kwargs) -> HttpResponse:
        refusal = self.refusal()
        if refusal is not None:
            return refusal
        self.object = get_object_or_404(self.get_queryset(), pk=self.article_id())
        # TemplateView's get, not the reader page's: that one looks for a
        # published article by slug and redirects between languages.
        response = TemplateView.get(self, request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def refusal(self) -> HttpResponse | None:
        user = self.request.user
        if not user.is_authenticated:
            return redirect_to_login(
                self.request.get_full_path(), reverse("admin:login")
            )
        if not (user.is_active and user.is_staff and user.has_perm(CHANGE_PERMISSION)):
            return refused(
                self.request,
                status=403,
                reason=_("Only people who may edit articles can preview them."),
            )
        return None

    def article_id(self) -> int:
        return self.kwargs["pk"]

    def get_queryset(self) -> ArticleQuerySet:
        # What the reader page loads (ArticleDetailView), for any status.
        return Article.objects.with_page_content()

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_preview=True, **kwargs)


class ArticlePreviewLinkView(ArticlePreviewView):
    """The same page through a signed link, for someone without an account."""

    def refusal(self) -> HttpResponse | None:
        try:
            self.signed_article_id, self.expires_at = read_token(self.kwargs["token"])
        except signing.SignatureExpired:
            return refused(
                self.request,
                status=410,
                reason=_(
                    "This preview link has expired. Ask the newsroom for a new one."
                ),
            )
        except signing.BadSignature:
            return refused(
                self.request,
                status=403,
                reason=_(
                    "This preview link is not valid. Check that it was copied "
                    "completely, or ask the newsroom for a new one."
                ),
            )
        return None

    def article_id(self) -> int:
        return self.signed_article_id

    def get_context_data(self, **kwargs):
        return super().get_context_data(link_expires_at=self.expires_at, **kwargs)
