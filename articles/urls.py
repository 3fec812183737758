from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("topics/<str:slug>/", views.TopicArticleListView.as_view(), name="topic"),
    path("articles/<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
