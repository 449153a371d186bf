"""Site-wide views: the home page, the health check and the error pages."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from rest_framework import exceptions as api_exceptions

from coordination import permissions
from coordination.security import log_denied
from coordination.selectors.parties import home_summary

from .celery import app as celery_app

API_PREFIX = "/api/"  # config/urls.py


def home(request):
    context = home_summary(user=request.user)
    context["can_manage_members"] = permissions.can_manage_members(request.user)
    context["can_view_security_log"] = permissions.can_view_security_log(request.user)
    return render(request, "home.html", context)


@login_not_required
@never_cache
def healthz(request):
    """For load balancers: 200 when the database and the broker answer, 503 otherwise."""
    checks = {"database": _check_database(), "broker": _check_broker()}
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return f"error: {exc.__class__.__name__}"


def _check_broker():
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return "ok"
    except Exception as exc:  # noqa: BLE001
        return f"error: {exc.__class__.__name__}"


@requires_csrf_token
def permission_denied(request, exception=None):
    """Every 403 of every app passes here, so this is where a refusal reaches the security log."""
    log_denied(request, str(exception or "")[:500])
    return render(request, "403.html", status=403)


@requires_csrf_token
def bad_request(request, exception=None):
    """A request the site cannot read (an undecodable body, a malformed upload): the app's own page, in Vietnamese."""
    if _is_api(request):
        return _api_error(api_exceptions.ParseError)
    try:
        return render(request, "400.html", status=400)
    except Exception:  # noqa: BLE001 - the request itself may be what breaks the layout (a bad Host header)
        return HttpResponseBadRequest(loader.get_template("400_plain.html").render())


@requires_csrf_token
def page_not_found(request, exception=None):
    if _is_api(request):
        return _api_error(api_exceptions.NotFound)
    return render(request, "404.html", status=404)


def _is_api(request):
    return request.path_info.startswith(API_PREFIX)


def _api_error(exception_class):
    """An address no API view answers (or one the input guard refuses) still answers in the API's error format."""
    return JsonResponse({"detail": str(exception_class.default_detail), "errors": {}},
                        status=exception_class.status_code)


@requires_csrf_token
def server_error(request):
    if _is_api(request):  # an API client reads the error format, not a page
        return JsonResponse({"detail": gettext("A server error occurred."), "errors": {}}, status=500)
    # No context processors: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
