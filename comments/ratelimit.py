"""Rate limits kept in the cache, so they hold across processes (Redis)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The sender's address; behind a proxy, the last hop the proxy recorded."""
    value = request.META.get(settings.COMMENTS_CLIENT_IP_HEADER, "")
    return value.rsplit(",", 1)[-1].strip()


def hit(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt under `key`; False once `limit` are used this window.

    cache.add creates the counter only if it is missing and cache.incr is
    atomic in Redis and in the local-memory cache, so parallel requests from
    any number of processes never share a count.
    """
    if limit <= 0:
        return True
    bucket = f"comments:rate:{key}:{int(time.time() // window)}"
    cache.add(bucket, 0, timeout=window)
    try:
        count = cache.incr(bucket)
    except ValueError:
        # The counter expired between add and incr: this is a fresh window.
        cache.add(bucket, 1, timeout=window)
        count = 1
    return count <= limit


def within_limits(*, ip_hash: str, email: str) -> bool:
    """One more comment from this address and this e-mail is allowed."""
    window = settings.COMMENTS_RATE_LIMIT_WINDOW
    email_key = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return hit(
        f"ip:{ip_hash}", limit=settings.COMMENTS_RATE_LIMIT_IP, window=window
    ) and hit(
        f"email:{email_key}", limit=settings.COMMENTS_RATE_LIMIT_EMAIL, window=window
    )
