"""The client's address, read through exactly as many reverse proxies as the operator trusts.

Every proxy appends the address it received the connection from to X-Forwarded-For; anything to the
left of what our own proxies wrote was written by the client and is worth nothing. So with
TRUSTED_PROXY_COUNT = N the client is the Nth entry from the right, and with 0 (no proxy) it is the
connection's own address. The security log, download records and django-axes all read it here.
"""

import ipaddress

from django.conf import settings


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    if request is None:
        return None
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    entries = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
    if len(entries) < count:
        # Fewer hops than proxies: the request skipped ours, so no entry can be trusted.
        return remote
    return _valid(entries[-count]) or remote
