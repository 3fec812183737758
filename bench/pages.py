"""Time reader and admin pages at two data sizes, as ratios to a baseline.

    .venv/bin/python bench/pages.py [--articles 5000] [--rounds 20]

Runs against a throwaway SQLite database (or DATABASE_URL's server, in a
database of its own) and prints, per page, the median time for the small and
the large data set, each divided by the median of /robots.txt measured in the
same run. Wall-clock seconds vary with the machine; the ratios are what to
compare between runs.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("NEWSROOM_VAR_DIR", tempfile.mkdtemp(prefix="newsroom-bench-"))


def median_seconds(client, url: str, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings)


def grow(articles: int, *, start: int = 0) -> None:
    """Add articles in bulk: the pages must not slow with their number."""
    from django.utils import timezone

    from articles.models import Article, Status, Topic

    topic = Topic.objects.first()
    now = timezone.now()
    Article.objects.bulk_create(
        Article(
            headline_ar=f"مقال رقم {n} عن الحوسبة السحابية",
            slug_ar=f"bench-{start + n}",
            standfirst_ar="نص تجريبي لقياس السرعة.",
            topic=topic,
            status=Status.PUBLISHED,
            published_at=now - timezone.timedelta(days=30, minutes=start + n),
        )
        for n in range(articles)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from articles.models import Article

    setup_test_environment()
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        editor = get_user_model().objects.create_superuser("bench", "", "x")
        client = Client()
        admin = Client()
        admin.force_login(editor)
        article = Article.objects.published().filter(slug_en__isnull=False).first()
        pages = {
            "home": (client, "/ar/"),
            "article": (client, article.get_absolute_url()),
            "topic": (client, article.topic.get_absolute_url()),
            "search": (client, "/ar/search/?q=سحابة"),
            "rss": (client, "/ar/feeds/rss/"),
            "admin changelist": (admin, "/ar/admin/articles/article/"),
        }
        results = {}
        # Even the small set fills every list page, so the two sets show the
        # same number of items and differ only in what lies behind them.
        for size, articles, start in (
            ("small", 150, 0),
            ("large", args.articles, 150),
        ):
            grow(articles, start=start)
            baseline = median_seconds(client, "/robots.txt", args.rounds)
            for name, (who, url) in pages.items():
                seconds = median_seconds(who, url, args.rounds)
                results.setdefault(name, {})[size] = seconds / baseline
        total = Article.objects.count()
        print(f"{connection.vendor}: 164 articles, then {total}")
        print(f"{'page':<18}{'small ×base':>12}{'large ×base':>12}{'large/small':>12}")
        for name, ratio in results.items():
            print(
                f"{name:<18}{ratio['small']:>12.1f}{ratio['large']:>12.1f}"
                f"{ratio['large'] / ratio['small']:>12.2f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
