"""Helpers the services share: saving with history, absolute links."""

from django.conf import settings
from django.utils.functional import lazy


def save(obj, *, by, reason):
    """Every audited write goes through here so history always has who and why."""
    obj.full_clean()
    obj._history_user = by
    obj._change_reason = reason
    obj.save()
    return obj


def _interpolate(message, params):
    return str(message) % params if params else str(message)


# notify() renders subjects and bodies in the site language; a message translated here, in the
# actor's language, would reach every recipient in whatever language the actor happened to read.
site_text = lazy(lambda message, **params: _interpolate(message, params), str)
site_text.__doc__ = "A lazy `message % params`, translated only when notify() stores it (in the site language)."


def absolute(url):
    base = getattr(settings, "SITE_URL", "")
    return base.rstrip("/") + url if base else url
