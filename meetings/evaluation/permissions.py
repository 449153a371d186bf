"""The one place that decides who may do what with the annual evaluation.

Both bodies evaluate together, so every member of a body taking part sees the whole evaluation;
each body writes and sends only its own self-assessment, and only a leader approves for a body.
"""

from coordination.models import Role
from coordination.permissions import is_active_member, is_member_of_any

WRITERS = (Role.STAFF, Role.LEADER)


def can_view_evaluations(user):
    return is_member_of_any(user)


def _party_ids(evaluation):
    parts = getattr(evaluation, "_prefetched_objects_cache", {}).get("parts")
    if parts is not None:
        return [p.party_id for p in parts]
    return list(evaluation.parts.values_list("party_id", flat=True))


def _open(evaluation):
    return evaluation.state == evaluation.State.OPEN


def can_edit_assessment(user, part):
    """Staff and leaders of a body write its self-assessment until the body sends it."""
    return _open(part.evaluation) and part.submitted_at is None and is_active_member(user, part.party_id, *WRITERS)


def can_submit_assessment(user, part):
    return can_edit_assessment(user, part)


def can_reopen_assessment(user, part):
    """A leader takes the body's self-assessment back while the evaluation is still open."""
    return (
        _open(part.evaluation) and part.submitted_at is not None
        and is_active_member(user, part.party_id, Role.LEADER)
    )


def can_edit_conclusion(user, evaluation):
    """The joint conclusion and its follow-up actions are drafted by staff or leaders of either body."""
    return _open(evaluation) and any(is_active_member(user, pid, *WRITERS) for pid in _party_ids(evaluation))


def can_submit_for_approval(user, evaluation):
    return can_edit_conclusion(user, evaluation)


def can_approve(user, part):
    return (
        part.evaluation.state == part.evaluation.State.AWAITING_APPROVAL
        and part.approved_at is None
        and is_active_member(user, part.party_id, Role.LEADER)
    )


def can_return(user, evaluation):
    """Any leader of a body taking part may send the evaluation back for changes before it closes."""
    return evaluation.state == evaluation.State.AWAITING_APPROVAL and any(
        is_active_member(user, pid, Role.LEADER) for pid in _party_ids(evaluation)
    )


def can_recompute_statistics(user, evaluation):
    """Figures are frozen once the evaluation closes; until then any writer may refresh them."""
    return evaluation.state != evaluation.State.CLOSED and any(
        is_active_member(user, pid, *WRITERS) for pid in _party_ids(evaluation)
    )


def can_make_request(user, action):
    """Once closed, a member of the other body turns a follow-up action into a request to the body in charge."""
    evaluation = action.evaluation
    return (
        evaluation.state == evaluation.State.CLOSED
        and action.request_id is None
        and any(
            pid != action.owner_party_id and is_active_member(user, pid, *WRITERS) for pid in _party_ids(evaluation)
        )
    )


def requesting_party_for(user, action):
    """The body the request will come from: the user's body that is not in charge of the action."""
    ids = [pid for pid in _party_ids(action.evaluation) if pid != action.owner_party_id]
    return next((pid for pid in ids if is_active_member(user, pid, *WRITERS)), None)
