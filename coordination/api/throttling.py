"""Rate limits per token (API_RATE_PER_TOKEN, default 600 calls a minute), per person for session calls.

Counts live in the default cache: per process unless CACHE_URL names a shared cache (docs/deployment.md)."""

from rest_framework.throttling import SimpleRateThrottle

from ..client_address import client_ip
from ..models import ApiToken


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
