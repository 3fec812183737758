from django.core.management.base import BaseCommand

from articles.models import Article


class Command(BaseCommand):
    help = (
        "Rebuild every article's stored search text (after an upgrade, or after "
        "bulk changes that bypassed the models' save())."
    )

    def handle(self, *args, **options):
        count = 0
        for article in Article.objects.order_by("pk").iterator():
            article.refresh_search_document()
            count += 1
        self.stdout.write(f"Rebuilt the search text of {count} article(s).")
