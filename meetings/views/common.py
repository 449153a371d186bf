"""What every view of the app shares: refusing, reporting a refused step, the visible objects."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from coordination.grants import note_visible
from coordination.permissions import can_view_document, has_clearance
from coordination.security import get_visible_or_404

from .. import selectors
from ..models.base import InvalidTransition


def get_meeting(request, pk):
    return note_visible(request.user, get_visible_or_404(request, selectors.meeting_detail(request.user), pk=pk))


def get_notice(request, pk):
    return note_visible(request.user, get_visible_or_404(request, selectors.notice_detail(request.user), pk=pk))


def run(request, action, success_message=None):
    """Run a service call; a refused step becomes a translated error message and changes nothing."""
    try:
        result = action()
    except InvalidTransition as exc:
        messages.error(request, exc.message)
        return False, None
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return False, None
    if success_message:
        messages.success(request, success_message)
    return True, result


def documents_for(user, links):
    """Attached documents as the reader may meet them: those above their clearance only counted, never
    named; each shown one marked `can_open`, so only the documents the reader may open are links."""

    links = list(links)
    shown = [link for link in links if has_clearance(user, link.document.confidentiality)]
    for link in shown:
        link.can_open = can_view_document(user, link.document)
    return {"documents": shown, "hidden_documents": len(links) - len(shown)}
