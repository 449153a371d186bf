"""The one place that answers "may this user do X": parties, members, the security log, requests, documents.

Other apps build their own permissions.py on `is_active_member` and `clearance_for`.
"""

from django.db.models import Q

from .grants import can_view
from .memberships import active_memberships, forget_memberships  # noqa: F401 - part of this module's contract
from .models import Clearance, Confidentiality, RequestKind, RequestState, Role
from .models.requests import REQUESTED, REQUESTING, TRANSITIONS


def is_active_member(user, party, *roles):
    """True when the user has a membership in force in `party`, with one of `roles` if given."""
    party_id = getattr(party, "pk", party)
    return any(m.party_id == party_id and (not roles or m.role in roles) for m in active_memberships(user))


def is_member_of_any(user, *roles):
    return any(not roles or m.role in roles for m in active_memberships(user))


def member_party_ids(user, *roles):
    return {m.party_id for m in active_memberships(user) if not roles or m.role in roles}


def clearance_for(user, party=None):
    """The highest clearance the user holds (in `party` when given) through memberships in force."""
    party_id = getattr(party, "pk", party)
    levels = [m.clearance for m in active_memberships(user) if party_id is None or m.party_id == party_id]
    return max(levels, default=Clearance.NONE)


def has_clearance(user, level, party=None):
    """May the user read material marked `level`? Tuyệt mật is never readable: it is never stored."""
    if level >= Confidentiality.TUYET_MAT:
        return False
    return clearance_for(user, party) >= level


def can_manage_members(user, party=None):
    """Regulation admins manage the members of the bodies they administer."""
    if party is None:
        return is_member_of_any(user, Role.ADMIN)
    return is_active_member(user, party, Role.ADMIN)


def manageable_party_ids(user):
    return member_party_ids(user, Role.ADMIN)


def can_view_security_log(user):
    return is_member_of_any(user, Role.LEADER, Role.ADMIN)



# ---- Coordination requests and documents ----
# Seeing an object comes from django-guardian grants to the (party, role) groups (coordination.grants);
# acting on it comes from the user's role in the requesting or requested body (the TRANSITIONS table).

WORKING_ROLES = (Role.STAFF, Role.LEADER)
S = RequestState


def on_side(user, creq, side, *roles):
    return is_active_member(user, creq.side_party(side), *(roles or WORKING_ROLES))


# -- requests --
def can_create_request(user, party=None):
    if party is None:
        return is_member_of_any(user, *WORKING_ROLES)
    return is_active_member(user, party, *WORKING_ROLES)


def can_view_request(user, creq):
    return can_view(user, creq) and has_clearance(user, creq.confidentiality)


def may_act(user, creq, action):
    """The role rule of a step (side and roles from TRANSITIONS); the state is checked by the model."""
    transition = TRANSITIONS.get(action)
    return bool(transition) and can_view_request(user, creq) and on_side(
        user, creq, transition.side, *transition.roles
    )


def can_transition(user, creq, action):
    """May the user take this step now (right role AND right state)? Used for the buttons."""
    return creq.state in TRANSITIONS[action].sources and may_act(user, creq, action)


def can_edit_request(user, creq):
    return creq.state == S.DRAFT and can_view_request(user, creq) and on_side(user, creq, REQUESTING)


# After "ask for more" the requested body drafts again in the same field: until its leader approves,
# the requesting body sees no response (it would be the new, unapproved draft).
REDRAFTING = (S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL)


def can_view_response(user, creq):
    if not can_view_request(user, creq):
        return False
    return on_side(user, creq, REQUESTED) or (creq.answered_at is not None and creq.state not in REDRAFTING)


def can_view_response_drafts(user, creq):
    """The response's drafts (its history before each approval) are the requested body's own."""
    return can_view_request(user, creq) and on_side(user, creq, REQUESTED)


def response_visible_q(user):
    """The rule of `can_view_response` as a filter, for the requests the user already sees: searches
    match the response only where the page would show it."""
    return Q(requested_party_id__in=member_party_ids(user, *WORKING_ROLES)) | (
        Q(answered_at__isnull=False) & ~Q(state__in=REDRAFTING))


def can_comment(user, creq):
    return creq.is_open and can_view_request(user, creq) and (
        on_side(user, creq, REQUESTING) or on_side(user, creq, REQUESTED)
    )


def can_give_opinion(user, creq):
    return (
        creq.kind == RequestKind.OPINION
        and creq.state in (S.ACKNOWLEDGED, S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL)
        and can_view_request(user, creq)
        and on_side(user, creq, REQUESTED, Role.LEADER)
    )


def attach_side(user, creq):
    """The side as which the user may attach a document now, or None."""
    if not can_view_request(user, creq):
        return None
    if creq.state in (S.DRAFT, S.AWAITING_APPROVAL) and on_side(user, creq, REQUESTING):
        return REQUESTING
    if creq.state in (S.ACKNOWLEDGED, S.RESPONDING) and on_side(user, creq, REQUESTED):
        return REQUESTED
    return None


def can_attach_document(user, creq):
    return attach_side(user, creq) is not None


def can_set_officers(user, creq, side):
    """A body changes its own officers while the request is open: A from its creation, B once it
    has acknowledged the request."""
    if not (creq.is_open and can_view_request(user, creq) and on_side(user, creq, side)):
        return False
    return side == REQUESTING or creq.acknowledged_at is not None


def can_view_dashboard(user):
    return is_member_of_any(user, Role.LEADER)


# -- documents --
def can_view_document(user, document):
    return can_view(user, document) and has_clearance(user, document.confidentiality)


def can_create_document(user, party):
    return is_active_member(user, party, *WORKING_ROLES)


def can_add_document_version(user, document):
    return can_view_document(user, document) and is_active_member(user, document.owner_party, *WORKING_ROLES)


def can_view_job_runs(user):
    """Regulation admins (and Django superusers) watch the scheduled jobs."""
    return bool(getattr(user, "is_superuser", False)) or is_member_of_any(user, Role.ADMIN)


# -- personal API tokens --
# A token acts with its owner's rights at the time of each call, never more, so anyone signed in may make one.
def can_create_token(user):
    return bool(user.is_authenticated and user.is_active)


def can_view_all_tokens(user):
    """Regulation admins see everyone's active tokens, to revoke one that leaked or outlived its purpose."""
    return can_manage_members(user)


def can_revoke_token(user, token):
    return token.user_id == user.pk or can_view_all_tokens(user)
