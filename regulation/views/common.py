"""Small helpers shared by the regulation views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from coordination.security import get_visible_or_404

from ..forms import DecisionForm
from ..selectors import visible_amendments, visible_regulations


def regulation_or_404(request, pk):
    return get_visible_or_404(request, visible_regulations(request.user), pk=pk)


def amendment_or_404(request, pk):
    return get_visible_or_404(request, visible_amendments(request.user), pk=pk)


def report(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)


def decide(request, action, *, approve, give_back, returned_message):
    """A leader approves or returns for one body: the same step for an amendment and a new term's draft."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    party, comment = form.cleaned_data["party"], form.cleaned_data["comment"]
    try:
        if action == "approve":
            approve(by=request.user, party=party, comment=comment)
            messages.success(request, _("Your approval for %(party)s was recorded.") % {"party": party.short_name})
        else:
            give_back(by=request.user, party=party, comment=comment)
            messages.success(request, returned_message)
    except ValidationError as exc:
        report(request, exc)
