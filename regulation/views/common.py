"""Small helpers shared by the regulation views."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from coordination.security import get_visible_or_404

from ..selectors import visible_amendments, visible_regulations


def regulation_or_404(request, pk):
    return get_visible_or_404(request, visible_regulations(request.user), pk=pk)


def amendment_or_404(request, pk):
    return get_visible_or_404(request, visible_amendments(request.user), pk=pk)


def report(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)
