from django.urls import path, register_converter

from articles import feeds, preview, search, views
from articles.converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")
app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("topics/<uslug:slug>/", views.TopicArticleListView.as_view(), name="topic"),
    path("tags/<uslug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("authors/<uslug:slug>/", views.AuthorArticleListView.as_view(), name="author"),
    path("people/<uslug:slug>/", views.PersonQuoteListView.as_view(), name="person"),
    path("articles/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("archive/", views.ArchiveIndexView.as_view(), name="archive"),
    path("archive/<int:year>/", views.ArchiveYearView.as_view(), name="archive_year"),
    path(
        "archive/<int:year>/<int:month>/",
        views.ArchiveMonthView.as_view(),
        name="archive_month",
    ),
    path("search/", search.SearchView.as_view(), name="search"),
    path("preview/<int:pk>/", preview.ArticlePreviewView.as_view(), name="preview"),
    path(
        "preview/link/<str:token>/",
        preview.ArticlePreviewLinkView.as_view(),
        name="preview_link",
    ),
    path("feeds/rss/", feeds.ArticleFeed(), name="rss"),
    path("feeds/atom/", feeds.ArticleAtomFeed(), name="atom"),
    path("topics/<uslug:slug>/feeds/rss/", feeds.TopicFeed(), name="topic_rss"),
    path("topics/<uslug:slug>/feeds/atom/", feeds.TopicAtomFeed(), name="topic_atom"),
]
