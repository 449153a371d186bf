"""Writes for coordination requests: create, edit, each workflow step, officers, opinions, comments,
attached documents. Each use case is one transaction; each step is logged on the timeline and tells
whoever must act next."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..grants import grant_view
from ..models import (
    Comment,
    Confidentiality,
    CoordinationRequest,
    ExchangeForm,
    Opinion,
    RequestDocument,
    RequestEvent,
    RequestKind,
    RequestState,
    Role,
    Urgency,
)
from ..models.requests import REQUESTED, REQUESTING, TRANSITIONS
from ..notifications import notify
from ..permissions import (
    REDRAFTING,
    WORKING_ROLES,
    attach_side,
    can_comment,
    can_create_request,
    can_edit_request,
    can_give_opinion,
    can_set_officers,
    can_view_document,
    is_active_member,
    may_act,
)
from ..selectors.parties import party_members
from .documents import document_create, document_grant_view
from .documents import refuse_top_secret as refuse_if_top_secret

COMMENT_REQUIRED = _("Please write the reason or comments for this step.")
OPINIONS_PENDING = _("Not every leader asked has given an opinion yet; the consolidated answer waits for them.")
RESPONSE_EMPTY = _("Write the response before submitting it.")
SAME_BODY = _("A body cannot send a request to itself.")
OFFICER_NOT_MEMBER = _("Officers must be members of the body that assigns them.")
EDITABLE_FIELDS = ("area", "kind", "title", "content", "exchange_form", "reply_deadline", "urgency", "confidentiality",
                   "requested_party", "origin", "origin_url")


def _grant(creq, party):
    grant_view(creq, [party], WORKING_ROLES)


def _url(creq):
    return reverse("coordination:request_detail", args=[creq.pk])


def _tell(creq, recipients, subject, actor, body=""):
    notify(recipients=recipients, subject=format_lazy("{}: {}", subject, creq.title), body=body or creq.title,
           url=_url(creq), actor=actor)


def _check_officers(party, officers):
    members = set(party_members(party, Role.STAFF, Role.LEADER).values_list("pk", flat=True))
    if any(o.pk not in members for o in officers):
        raise ValidationError(OFFICER_NOT_MEMBER, code="officer")


def _save(creq, by, reason):
    creq.refresh_search_text()
    creq._history_user = by
    creq._change_reason = reason[:100]
    creq.full_clean(exclude=["created_by", "requesting_officers", "requested_officers"])
    creq.save()


def request_create(*, by, requesting_party, requested_party, area, title, content, kind=RequestKind.COORDINATION,
                   exchange_form=ExchangeForm.WRITING, reply_deadline=None, urgency=Urgency.NORMAL,
                   confidentiality=Confidentiality.NORMAL, requesting_officers=(), origin="",
                   origin_url="") -> CoordinationRequest:
    """A draft of the requesting body; only its staff and leaders see it until it is sent."""
    if not can_create_request(by, requesting_party):
        raise PermissionDenied
    refuse_if_top_secret(confidentiality)
    if requesting_party.pk == requested_party.pk:
        raise ValidationError(SAME_BODY, code="same_body")
    _check_officers(requesting_party, requesting_officers)
    with transaction.atomic():
        creq = CoordinationRequest(
            requesting_party=requesting_party, requested_party=requested_party, area=area, kind=kind, title=title,
            content=content, exchange_form=exchange_form, reply_deadline=reply_deadline, urgency=urgency,
            confidentiality=confidentiality, origin=origin, origin_url=origin_url, created_by=by,
        )
        _save(creq, by, "create")
        creq.requesting_officers.set(requesting_officers)
        _grant(creq, requesting_party)
        RequestEvent.objects.create(request=creq, action="create", to_state=creq.state, by=by)
    return creq


def request_update(*, by, creq, requesting_officers=None, **fields) -> CoordinationRequest:
    if not can_edit_request(by, creq):
        raise PermissionDenied
    refuse_if_top_secret(fields.get("confidentiality"))
    party = fields.get("requested_party", creq.requested_party)
    if party.pk == creq.requesting_party_id:
        raise ValidationError(SAME_BODY, code="same_body")
    if requesting_officers is not None:
        _check_officers(creq.requesting_party, requesting_officers)
    with transaction.atomic():
        creq = CoordinationRequest.objects.select_for_update().get(pk=creq.pk)
        if creq.state != RequestState.DRAFT:
            raise PermissionDenied
        for name in EDITABLE_FIELDS:
            if name in fields:
                setattr(creq, name, fields[name])
        _save(creq, by, "update")
        if requesting_officers is not None:
            creq.requesting_officers.set(requesting_officers)
    return creq


def request_create_sent(*, by, requesting_party, requested_party, area, kind, title, content, reply_deadline=None,
                        origin="", origin_url="", exchange_form=ExchangeForm.WRITING,
                        urgency=Urgency.NORMAL, confidentiality=Confidentiality.NORMAL) -> CoordinationRequest:
    """A request already agreed by both bodies' leaders (a meeting conclusion, an evaluation follow-up):
    created directly in the "sent" state, seen by both bodies, the requested body's staff told.

    `by` is an active member of the requesting body, or None when the system creates it (a scheduled
    task acting on something already agreed); the timeline then shows "System".
    """
    if by is not None and not is_active_member(by, requesting_party):
        raise PermissionDenied
    refuse_if_top_secret(confidentiality)
    if requesting_party.pk == requested_party.pk:
        raise ValidationError(SAME_BODY, code="same_body")
    with transaction.atomic():
        creq = CoordinationRequest(
            requesting_party=requesting_party, requested_party=requested_party, area=area, kind=kind, title=title,
            content=content, exchange_form=exchange_form, reply_deadline=reply_deadline, urgency=urgency,
            confidentiality=confidentiality, origin=origin, origin_url=origin_url, created_by=by,
            state=RequestState.SENT, sent_at=timezone.now(),
        )
        _save(creq, by, "create_sent")
        _grant(creq, requesting_party)
        _grant(creq, requested_party)
        RequestEvent.objects.create(request=creq, action="create_sent", to_state=creq.state, by=by,
                                    comment=origin)
        _tell(creq, party_members(requested_party, Role.STAFF), _("New coordination request"), by)
    return creq


def _step(*, by, creq, action, comment="", before=None, after=None):
    """One workflow step in one transaction: check the role, lock the row, move the state (the model
    refuses a wrong state with InvalidTransition), save with history, log the event, run the effects."""
    transition = TRANSITIONS[action]
    if not may_act(by, creq, action):
        raise PermissionDenied
    comment = (comment or "").strip()
    if transition.needs_comment and not comment:
        raise ValidationError(COMMENT_REQUIRED, code="comment_required")
    with transaction.atomic():
        locked = CoordinationRequest.objects.select_for_update().get(pk=creq.pk)
        from_state = locked.state
        locked.apply(action)
        if before:
            before(locked)
        _save(locked, by, action)
        if from_state != locked.state or action != "draft_response":
            RequestEvent.objects.create(request=locked, action=action, from_state=from_state, to_state=locked.state,
                                        by=by, comment=comment)
        if after:
            after(locked)
    creq.refresh_from_db()  # the caller's object shows the new state too
    return creq


def _requester_people(creq):
    people = list(creq.requesting_officers.all())
    return people + ([creq.created_by] if creq.created_by else [])


def _requested_people(creq):
    return list(creq.requested_officers.all()) or list(party_members(creq.requested_party, Role.STAFF))


def request_submit(*, by, creq, comment=""):
    def after(r):
        _tell(r, party_members(r.requesting_party, Role.LEADER), _("Request awaiting your approval"), by, comment)

    return _step(by=by, creq=creq, action="submit", comment=comment, after=after)


def request_return_draft(*, by, creq, comment):
    def after(r):
        _tell(r, _requester_people(r), _("Request returned with comments"), by, comment)

    return _step(by=by, creq=creq, action="return_draft", comment=comment, after=after)


def request_approve_send(*, by, creq, comment=""):
    def after(r):
        _grant(r, r.requested_party)
        for link in r.attachments.filter(side=REQUESTING).select_related("document"):
            document_grant_view(document=link.document, parties=[r.requested_party])
        _tell(r, party_members(r.requested_party, Role.STAFF), _("New coordination request"), by, r.content)
        _tell(r, _requester_people(r), _("Request approved and sent"), by, comment)

    return _step(by=by, creq=creq, action="approve_send", comment=comment, after=after)


def request_cancel(*, by, creq, comment):
    def after(r):
        _tell(r, _requester_people(r), _("Request cancelled"), by, comment)

    return _step(by=by, creq=creq, action="cancel", comment=comment, after=after)


def request_acknowledge(*, by, creq, officers=(), consulted_leaders=(), comment=""):
    """The requested body acknowledges receipt and assigns its officers; for a request for opinion it
    names the leaders whose opinions the consolidated answer will gather."""
    _check_officers(creq.requested_party, officers)
    leader_ids = set(party_members(creq.requested_party, Role.LEADER).values_list("pk", flat=True))
    if any(leader.pk not in leader_ids for leader in consulted_leaders):
        raise ValidationError(OFFICER_NOT_MEMBER, code="officer")

    def after(r):
        r.requested_officers.set(officers)
        for leader in consulted_leaders:
            if not Opinion.objects.filter(request=r, leader=leader).exists():
                opinion = Opinion(request=r, leader=leader)
                opinion._history_user = by
                opinion._change_reason = "opinion_ask"
                opinion.save()
        _tell(r, officers, _("You are assigned to a coordination request"), by, comment)
        _tell(r, consulted_leaders, _("Your opinion is asked"), by, r.content)
        _tell(r, _requester_people(r), _("Request acknowledged by the requested body"), by, comment)

    return _step(by=by, creq=creq, action="acknowledge", comment=comment, after=after)


def request_save_response(*, by, creq, response_content):
    def before(r):
        r.response_content = response_content

    return _step(by=by, creq=creq, action="draft_response", before=before)


def request_submit_response(*, by, creq, comment=""):
    def before(r):
        if not r.response_content.strip():
            raise ValidationError(RESPONSE_EMPTY, code="response_empty")
        if r.opinions.filter(given_at__isnull=True).exists():
            raise ValidationError(OPINIONS_PENDING, code="opinions_pending")

    def after(r):
        _tell(r, party_members(r.requested_party, Role.LEADER), _("Response awaiting your approval"), by, comment)

    return _step(by=by, creq=creq, action="submit_response", comment=comment, before=before, after=after)


def request_return_response(*, by, creq, comment):
    def after(r):
        _tell(r, _requested_people(r), _("Response returned with comments"), by, comment)

    return _step(by=by, creq=creq, action="return_response", comment=comment, after=after)


def request_approve_response(*, by, creq, comment=""):
    def after(r):
        for link in r.attachments.filter(side=REQUESTED).select_related("document"):
            document_grant_view(document=link.document, parties=[r.requesting_party])
        _tell(r, _requester_people(r), _("Your request was answered"), by, r.response_content)

    return _step(by=by, creq=creq, action="approve_response", comment=comment, after=after)


def request_ask_more(*, by, creq, comment):
    def after(r):
        _tell(r, _requested_people(r), _("More is asked on a request"), by, comment)

    return _step(by=by, creq=creq, action="ask_more", comment=comment, after=after)


def request_close(*, by, creq, comment=""):
    def after(r):
        _tell(r, _requested_people(r), _("Request accepted and closed"), by, comment)

    return _step(by=by, creq=creq, action="close", comment=comment, after=after)


def _last_approved_response(creq):
    return creq.history.filter(state=RequestState.ANSWERED).order_by("-history_date", "-history_id").values_list(
        "response_content", flat=True).first()


def request_withdraw(*, by, creq, comment):
    def before(r):
        # Withdrawn while the requested body was redrafting after "ask for more": the request keeps the
        # response its leader approved, not the unapproved redraft (which stays in the history, for that body).
        previous_state = r.history.order_by("-history_date", "-history_id").values_list("state", flat=True).first()
        if previous_state in REDRAFTING:
            r.response_content = _last_approved_response(r) or ""

    def after(r):
        _tell(r, _requested_people(r), _("Request withdrawn"), by, comment)

    return _step(by=by, creq=creq, action="withdraw", comment=comment, before=before, after=after)


STEP_SERVICES = {
    "submit": request_submit, "return_draft": request_return_draft, "approve_send": request_approve_send,
    "cancel": request_cancel, "submit_response": request_submit_response, "return_response": request_return_response,
    "approve_response": request_approve_response, "ask_more": request_ask_more, "close": request_close,
    "withdraw": request_withdraw,
}


def request_set_officers(*, by, creq, side, officers):
    """Change the officers a body assigns (kept in the history, many-to-many included)."""
    party = creq.side_party(side)
    if not can_set_officers(by, creq, side):
        raise PermissionDenied
    _check_officers(party, officers)
    with transaction.atomic():
        creq._history_user = by
        creq._change_reason = "officers"
        field = creq.requesting_officers if side == REQUESTING else creq.requested_officers
        field.set(officers)
        _tell(creq, officers, _("You are assigned to a coordination request"), by)
    return creq


def comment_add(*, by, creq, body) -> Comment:
    if not can_comment(by, creq):
        raise PermissionDenied
    if not body.strip():
        raise ValidationError(COMMENT_REQUIRED, code="comment_required")
    with transaction.atomic():
        comment = Comment(request=creq, author=by, body=body.strip())
        comment._history_user = by
        comment._change_reason = "comment_add"
        comment.save()
        people = _requester_people(creq)
        if creq.sent_at:
            people += _requested_people(creq)
        _tell(creq, people, _("New comment"), by, comment.body)
    return comment


def opinion_give(*, by, creq, content) -> Opinion:
    if not can_give_opinion(by, creq):
        raise PermissionDenied
    if not content.strip():
        raise ValidationError(COMMENT_REQUIRED, code="comment_required")
    with transaction.atomic():
        opinion, _made = Opinion.objects.select_for_update().get_or_create(request=creq, leader=by)
        opinion.content, opinion.given_at = content.strip(), timezone.now()
        opinion._history_user = by
        opinion._change_reason = "opinion_give"
        opinion.save()
        _tell(creq, _requested_people(creq), _("A leader gave an opinion"), by, opinion.content)
    return opinion


def request_attach_document(*, by, creq, document) -> RequestDocument:
    side = attach_side(by, creq)
    if side is None or not can_view_document(by, document):
        raise PermissionDenied
    with transaction.atomic():
        link = RequestDocument.objects.filter(request=creq, document=document).first()
        if link is None:
            link = RequestDocument(request=creq, document=document, side=side, added_by=by)
            link._history_user = by
            link._change_reason = "attach"
            link.save()
        document_grant_view(document=document, parties=[creq.side_party(side)])
    return link


def request_add_new_document(*, by, creq, **document_fields) -> RequestDocument:
    """Register a new document of the acting side and attach it, in one transaction."""
    side = attach_side(by, creq)
    if side is None:
        raise PermissionDenied
    party = creq.side_party(side)
    with transaction.atomic():
        document_fields.setdefault("issuing_party", party)
        document = document_create(by=by, owner_party=party, **document_fields)
        return request_attach_document(by=by, creq=creq, document=document)

