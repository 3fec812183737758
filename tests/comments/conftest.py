import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _comment_settings(settings):
    """Known rules for every test, and no rate counts left from another test.

    The cache is a private local-memory one: clearing it must never flush a
    Redis that CACHE_URL points at and others share.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "comment-tests",
        }
    }
    cache.clear()
    settings.COMMENTS_MIN_SECONDS = 0
    settings.COMMENTS_FORM_MAX_AGE = 2 * 86400
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    settings.COMMENTS_MAX_LINKS = 2
    settings.COMMENTS_MODERATION_WORDS = []
    settings.COMMENTS_BLOCK_WORDS = []
    settings.COMMENTS_AUTO_APPROVE_KNOWN = False
    settings.COMMENTS_RATE_LIMIT_IP = 10
    settings.COMMENTS_RATE_LIMIT_EMAIL = 5
    settings.COMMENTS_RATE_LIMIT_WINDOW = 600
    settings.COMMENTS_NOTIFY_INTERVAL = 900
    settings.COMMENTS_CLIENT_IP_HEADER = "REMOTE_ADDR"
