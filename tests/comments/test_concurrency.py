"""Comments posted at the same moment: none accepted is ever lost.

Threads, each with its own database connection, post through the whole
request stack at once. Only PostgreSQL serves parallel connections the way
production does, so these tests skip on SQLite.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.comments.support import article_url, form_fields, soup
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="parallel posts need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 16


REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_cache(settings):
    """The production cache backend, on a key prefix no one else uses."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"comment-tests-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield
    # Remove only our own keys: the Redis is shared.
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def post_in_parallel(article, count: int, *, same_sender: bool) -> dict[str, int]:
    """Post `count` distinct comments at once; each body with its status code."""
    action, form = form_fields(soup(Client().get(article_url(article))))

    def post(n: int) -> tuple[str, int]:
        body = f"تعليق رقم {n}"
        try:
            response = Client().post(
                action,
                {
                    **form,
                    "name": f"قارئ {n}",
                    "email": "same@example.com" if same_sender else f"r{n}@ex.com",
                    "body": body,
                },
                REMOTE_ADDR="192.0.2.1"
                if same_sender
                else f"10.0.{n // 200}.{n % 200}",
            )
            return body, response.status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(THREADS) as pool:
        return dict(pool.map(post, range(count)))


def stored_bodies(article) -> set[str]:
    return set(Comment.objects.filter(article=article).values_list("body", flat=True))


def test_every_comment_accepted_in_parallel_is_in_the_database(settings):
    settings.COMMENTS_RATE_LIMIT_IP = 0  # off: every post should be accepted
    settings.COMMENTS_RATE_LIMIT_EMAIL = 0
    article = ArticleFactory()

    results = post_in_parallel(article, 120, same_sender=False)

    accepted = {body for body, status in results.items() if status == 302}
    assert len(accepted) == 120
    assert stored_bodies(article) == accepted
    assert Comment.objects.count() == 120


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request):
    """Each cache backend the rate limits may live in."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


@pytest.mark.usefixtures("shared_cache")
def test_the_rate_limit_holds_under_parallel_posts_and_loses_nothing_accepted(
    settings,
):
    settings.COMMENTS_RATE_LIMIT_IP = 7
    settings.COMMENTS_RATE_LIMIT_EMAIL = 100
    article = ArticleFactory()

    # Time stands still so every post falls in the same rate-limit window.
    with time_machine.travel(timezone.now(), tick=False):
        results = post_in_parallel(article, 60, same_sender=True)

    accepted = {body for body, status in results.items() if status == 302}
    refused = [body for body, status in results.items() if status == 429]
    assert len(accepted) == 7
    assert len(refused) == 53
    assert stored_bodies(article) == accepted
