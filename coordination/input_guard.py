"""Keeps unreadable input away from the views: no control characters in query strings or form fields, and a
body that cannot be decoded answered with the app's own 400 page instead of an error deeper down.

PostgreSQL text cannot hold NUL, so one `?q=%00` used to be a 500; a form body declared in another charset
made Django raise BadRequest on every later read of request.POST, past the middleware that could answer it.
"""

import logging

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import QueryDict
from django.http.multipartparser import MultiPartParserError

logger = logging.getLogger("coordination.input")

# C0 controls but tab, line feed and carriage return (text areas keep their lines), DEL, and C1 controls.
CONTROL = dict.fromkeys([c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + list(range(0x7F, 0xA0)))


def without_controls(text):
    return text.translate(CONTROL)


def _cleaned(query_dict):
    if not any(without_controls(k) != k or any(without_controls(v) != v for v in values)
               for k, values in query_dict.lists()):
        return query_dict
    cleaned = QueryDict(mutable=True, encoding=query_dict.encoding)
    for key, values in query_dict.lists():
        cleaned.setlist(without_controls(key), [without_controls(v) for v in values])
    cleaned._mutable = False
    return cleaned


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if without_controls(request.path_info) != request.path_info:
            # No page has a control character in its address; a NUL in a path argument (a calendar feed's
            # token) would otherwise reach PostgreSQL.
            from config.views import page_not_found

            return page_not_found(request)
        request.GET = _cleaned(request.GET)
        if request.method == "POST":
            try:
                post = request.POST
            except (BadRequest, MultiPartParserError, SuspiciousOperation) as exc:
                logger.warning("Unreadable request body on %s: %s", request.path, exc)
                request._mark_post_parse_error()  # nothing downstream reads the broken body again
                from config.views import bad_request

                return bad_request(request, exc)
            request.POST = _cleaned(post)
        return self.get_response(request)
