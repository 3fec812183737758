from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from django.views.static import serve

from articles.sitemaps import SITEMAPS, NewsSitemap


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico on every page, the admin's included."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view()),
    path("i18n/", include("django.conf.urls.i18n")),
    # For crawlers, at the root: one set of files whatever the language.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="news_sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain; charset=utf-8"
        ),
        name="robots",
    ),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    prefix_default_language=True,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
