"""Rate limits per token (API_RATE_PER_TOKEN, default 600 calls a minute), per person for session calls.

Counts live in the default cache: per process unless CACHE_URL names a shared cache (docs/deployment.md).
When that shared cache cannot be reached, calls are let through and the outage logged: a rate limit
that fails must not turn every API call into a server error."""

import logging

from redis.exceptions import RedisError
from rest_framework.throttling import SimpleRateThrottle

from ..client_address import client_ip
from ..models import ApiToken

logger = logging.getLogger(__name__)


class PerTokenThrottle(SimpleRateThrottle):
    scope = "api"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.lookup}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            # The one client-address function (TRUSTED_PROXY_COUNT), not DRF's, which believes X-Forwarded-For.
            ident = f"ip-{client_ip(request._request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError):
            logger.warning("API rate limits not counted: the cache (CACHE_URL) cannot be reached", exc_info=True)
            return True
