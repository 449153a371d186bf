"""Finding the request a URL names, exactly as the request pages do (`views.requests.get_request_or_404`):
404 when the caller may not see it (logged when it exists), and 404 for an id that is not a number."""

import re

from django.http import Http404

from ...views.requests import get_request_or_404

ID = re.compile(r"[0-9]{1,18}")


def request_or_404(request, pk):
    if not ID.fullmatch(str(pk)):
        raise Http404
    return get_request_or_404(request, int(pk))
