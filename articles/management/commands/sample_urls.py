"""Print the reader pages that `make pagecheck` measures, one path a line."""

from urllib.parse import urlencode

from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Topic, language_codes


def sample_paths() -> list[str]:
    """Home, a topic, the sample (syndicated) article, an English article, search."""
    arabic = language_codes()[0]
    with translation.override(arabic):
        paths = [reverse("articles:home")]
        published = Article.objects.published()
        topic = Topic.objects.filter(articles__in=published).first()
        if topic:
            paths.append(topic.get_absolute_url(arabic))
        sample = (
            published.exclude(translator="").first()
            or published.exclude(source_url="").first()
            or published.first()
        )
        if sample:
            paths.append(sample.get_absolute_url(arabic))
        english = published.in_language("en").first()
        if english:
            paths.append(english.get_absolute_url("en"))
        word = sample.headline_ar.split()[0] if sample else "تقنية"
        paths.append(f"{reverse('articles:search')}?{urlencode({'q': word})}")
    return paths


class Command(BaseCommand):
    help = "Print the paths of the reader pages checked by `make pagecheck`."

    def handle(self, *args, **options) -> None:
        for path in sample_paths():
            self.stdout.write(path)
