"""Writes the security log (failed logins, denied accesses, permission changes) and refuses steps."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from .client_address import client_ip
from .models import SecurityEvent


def log_event(kind, *, request=None, user=None, username="", detail=""):
    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=username or (user.get_username() if user else ""),
        ip_address=client_ip(request),
        path=(request.get_full_path()[:500] if request is not None else ""),
        detail=detail,
    )


def log_denied(request, detail=""):
    log_event(SecurityEvent.Kind.ACCESS_DENIED, request=request, detail=detail)


def require(allowed, message=""):
    """Refuse with 403 unless `allowed`. The 403 handler (config.views.permission_denied) writes the
    security log entry, so every refusal of every app is logged in one place."""
    if not allowed:
        raise PermissionDenied(message)


def get_visible_or_404(request, visible_qs, **lookup):
    """The object from the user's visible queryset, or 404; a hidden-but-existing object is logged."""
    try:
        return visible_qs.get(**lookup)
    except (ValueError, TypeError, ValidationError):  # `abc` or `1.5` for an id (an API path takes any text)
        raise Http404 from None
    except visible_qs.model.DoesNotExist:
        if visible_qs.model._default_manager.filter(**lookup).exists():
            log_denied(request, f"{visible_qs.model._meta.label} {lookup}")
        raise Http404 from None
