"""One error format for every API answer that is not a success: `{"detail": "…", "errors": {field: ["…"]}}`.

Messages are in the caller's language. Every refusal (403) is written to the security log, as the pages'
403 handler does; a hidden object answers 404 and is logged where it is looked up (get_visible_or_404)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from ..models import InvalidTransition
from ..security import log_denied


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"


def _as_drf(exc):
    if isinstance(exc, exceptions.ParseError):  # DRF's says "JSON parse error - Expecting value…", untranslated
        return exceptions.ParseError(_("The request body could not be read. Send JSON (or form data for uploads) "
                                       "that matches the Content-Type header. Nothing was changed."))
    if isinstance(exc, Http404):  # Django's message names the model ("No Party matches…"): say it plainly
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, InvalidTransition):
        return Conflict(str(exc.message))
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError({field: [str(m) for e in errors for m in e.messages]
                                               for field, errors in exc.error_dict.items()})
        return exceptions.ValidationError({"non_field_errors": [str(m) for m in exc.messages]})
    return exc


def _field_errors(data, field="non_field_errors", into=None):
    """{field: [message, …]}, nested serializers' fields named by their path (`items[1].title`)."""
    into = {} if into is None else into
    top = field == "non_field_errors"
    if isinstance(data, dict):
        for name, value in data.items():
            if isinstance(name, int):  # a list field's errors, by the index of the item
                _field_errors(value, f"{'' if top else field}[{name}]", into)
            else:
                _field_errors(value, str(name) if top else f"{field}.{name}", into)
    elif isinstance(data, list) and any(isinstance(item, dict | list) for item in data):
        for index, item in enumerate(data):
            if item:  # a list serializer answers {} for each valid item
                _field_errors(item, f"{'' if top else field}[{index}]", into)
    else:
        into.setdefault(field, []).extend(str(m) for m in (data if isinstance(data, list) else [data]))
    return into


def exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DjangoPermissionDenied | exceptions.PermissionDenied) and request is not None:
        log_denied(request, str(exc)[:200])
    exc = _as_drf(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": _("The data sent is not valid. Nothing was changed."),
                         "errors": _field_errors(exc.detail)}
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else response.data
        response.data = {"detail": str(detail), "errors": {}}
    return response
