"""A follow-up action of the closed evaluation becomes a coordination request to the body in charge."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from coordination.models import CoordinationArea, Party, RequestKind
from coordination.services.requests import request_create_sent

from .. import permissions
from ..messages import MSG_ALREADY_REQUESTED, MSG_NOT_CLOSED
from ..models import AnnualEvaluation, FollowUpAction, InvalidTransition
from .common import _save

# An action without an area (the form asks for one; the model allows none) is filed under Article 8,
# meetings and the information regime: where the bodies' joint follow-up is discussed.
UNFILED_ACTION_ARTICLE = 8


def action_make_request(*, by, action, reply_deadline=None):
    """Turn a follow-up action into a coordination request sent to the body in charge of it."""
    if action.evaluation.state != AnnualEvaluation.State.CLOSED:
        raise InvalidTransition(action.evaluation.state, "make_request", MSG_NOT_CLOSED)
    if action.request_id:
        raise InvalidTransition(action.evaluation.state, "make_request", MSG_ALREADY_REQUESTED)
    if not permissions.can_make_request(by, action):
        raise PermissionDenied
    with transaction.atomic():
        action = (
            FollowUpAction.objects.select_for_update().select_related("evaluation", "owner_party").get(pk=action.pk)
        )
        if action.request_id:
            raise InvalidTransition(action.evaluation.state, "make_request", MSG_ALREADY_REQUESTED)
        title, origin = _request_wording(action)
        creq = request_create_sent(
            by=by, requesting_party=_party(permissions.requesting_party_for(by, action)),
            requested_party=action.owner_party,
            area=action.area or CoordinationArea.objects.get(article_number=UNFILED_ACTION_ARTICLE),
            kind=RequestKind.COORDINATION, title=title, content=action.content,
            reply_deadline=reply_deadline or action.deadline,
            origin=origin,
        )
        action.request = creq
        _save(action, by, "action_make_request")
    return action


def _party(pk):
    return Party.objects.get(pk=pk)


def _request_wording(action):
    """Title and origin of the request: a record both bodies read, so in the site language."""
    first_line = action.content.strip().splitlines()[0] if action.content.strip() else ""
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Follow-up of the %(year)s evaluation: %(text)s") % {
            "year": action.evaluation.year, "text": first_line}
        return title[:300], str(action.evaluation)
