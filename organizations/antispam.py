"""Spam protection for public forms without third-party services: a signed start time and cache-based rate limits."""

import hashlib
import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache

FORM_TOKEN_SALT = "organizations.registration.started"
# Nobody reads and fills in the registration form in under five seconds; robots do.
MIN_FILL_SECONDS = 5
# A page left open overnight gets a fresh token (and keeps what was typed) instead of being accepted.
MAX_FILL_SECONDS = 12 * 60 * 60


class FormTokenError(Exception):
    """The form's start token is missing, forged, too recent or too old; the message is for the visitor."""


def form_token_make(*, now=None):
    """A signed record of when the form was shown."""
    return signing.dumps(int(now if now is not None else time.time()), salt=FORM_TOKEN_SALT)


def form_token_check(token, *, now=None):
    """Raise FormTokenError unless the form was shown between MIN_FILL_SECONDS and MAX_FILL_SECONDS ago."""
    try:
        started = int(signing.loads(token or "", salt=FORM_TOKEN_SALT))
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise FormTokenError("invalid") from error
    elapsed = (now if now is not None else time.time()) - started
    if elapsed < MIN_FILL_SECONDS:
        raise FormTokenError("too_fast")
    if elapsed > MAX_FILL_SECONDS:
        raise FormTokenError("expired")


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per `window` seconds for one identifier (an IP address, an email, a user id).

    Counts live in Django's cache: with several processes, configure a shared
    cache (Redis, Memcached or the database cache) or each process counts alone.
    """

    scope: str
    limit: int
    window: int

    def _key(self, identifier):
        digest = hashlib.sha256(str(identifier).strip().lower().encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}"

    def is_exceeded(self, identifier):
        return cache.get(self._key(identifier), 0) >= self.limit

    def hit(self, identifier):
        """Count one use; return True when this use goes over the limit."""
        key = self._key(identifier)
        # add() starts the window only for the first hit, so the window does not slide with each use.
        if cache.add(key, 1, timeout=self.window):
            return self.limit < 1
        try:
            return cache.incr(key) > self.limit
        except ValueError:  # The key expired between add() and incr().
            cache.add(key, 1, timeout=self.window)
            return False


def client_ip(request):
    """The address the request came from; behind a reverse proxy, have it set REMOTE_ADDR (never trust headers)."""
    return request.META.get("REMOTE_ADDR", "")
