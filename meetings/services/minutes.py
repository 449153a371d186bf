"""Minutes: the secretary drafts and submits, a leader of each body approves or returns; conclusions."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.models import Party, RequestKind, Role
from coordination.notifications import notify
from coordination.security import require
from coordination.selectors.parties import party_members
from coordination.services.requests import request_create_sent
from coordination.workflow import approving_parties

from .. import permissions
from ..models import ApprovalDecision, Conclusion, Minutes, MinutesApproval
from ..models.base import InvalidTransition
from .common import save, site_text

RETURN_NEEDS_COMMENT = gettext_lazy("Say what must change: a return needs a comment.")
NOT_YOUR_BODY = gettext_lazy("You cannot decide for this body on these minutes.")
ALREADY_TURNED = gettext_lazy("This conclusion has already become a request.")


def _url(meeting):
    return reverse("meetings:meeting_detail", args=[meeting.pk])


def minutes_save(*, by, meeting, content) -> Minutes:
    require(permissions.can_edit_minutes(by, meeting))
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
        if minutes is None:
            minutes = Minutes(meeting=meeting, drafted_by=by)
        elif not minutes.is_draft:
            raise InvalidTransition(minutes.state, "save", _("Only draft minutes can be changed."))
        minutes.content = content
        return save(minutes, by=by, reason="minutes_save")


def minutes_submit(*, by, meeting) -> Minutes:
    require(permissions.can_submit_minutes(by, meeting))
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().get(meeting=meeting)
        minutes.submit()
        save(minutes, by=by, reason="minutes_submit")
        leaders = [u for pid in permissions.meeting_party_ids(meeting) for u in party_members(pid, Role.LEADER)]
        notify(
            recipients=leaders, actor=by, url=_url(meeting),
            subject=site_text(gettext_lazy("Minutes awaiting your approval: %(title)s"), title=meeting.title),
            body=gettext_lazy("The minutes of the meeting are ready for approval by a leader of each body."),
        )
    return minutes


def _decide(*, by, minutes, party, decision, comment):
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    if party.pk not in permissions.approvable_party_ids(by, minutes):
        minutes.check_awaiting(decision)
        raise InvalidTransition(minutes.state, decision, NOT_YOUR_BODY)
    save(
        MinutesApproval(minutes=minutes, round=minutes.round, party=party, decided_by=by, decision=decision,
                        comment=comment.strip()),
        by=by, reason=f"minutes_{decision}",
    )
    return minutes


def minutes_approve(*, by, minutes, party, comment="") -> Minutes:
    require(permissions.can_approve_minutes(by, minutes))
    with transaction.atomic():
        minutes = _decide(by=by, minutes=minutes, party=party, decision=ApprovalDecision.APPROVED, comment=comment)
        approved = approving_parties(minutes.approvals.all(), round=minutes.round)
        minutes.approve_if_complete(approved, permissions.meeting_party_ids(minutes.meeting))
        save(minutes, by=by, reason="minutes_approve")
        if minutes.is_approved:
            meeting = minutes.meeting
            pids = permissions.meeting_party_ids(meeting)
            members = [u for pid in pids for u in party_members(pid, *permissions.ORGANISERS)]
            notify(
                recipients=members, actor=by, url=_url(meeting),
                subject=site_text(gettext_lazy("Minutes approved: %(title)s"), title=meeting.title),
                body=gettext_lazy("Both bodies have approved the minutes; the conclusions can now become requests."),
            )
    return minutes


def minutes_return(*, by, minutes, party, comment) -> Minutes:
    require(permissions.can_return_minutes(by, minutes))
    if not comment.strip():
        raise InvalidTransition(minutes.state, "return", RETURN_NEEDS_COMMENT)
    with transaction.atomic():
        minutes = _decide(by=by, minutes=minutes, party=party, decision=ApprovalDecision.RETURNED, comment=comment)
        minutes.return_to_draft()
        save(minutes, by=by, reason="minutes_return")
        meeting = minutes.meeting
        notify(
            recipients=party_members(meeting.convening_party, Role.STAFF), actor=by, url=_url(meeting),
            subject=site_text(gettext_lazy("Minutes returned with comments: %(title)s"), title=meeting.title),
            body=comment.strip(),
        )
    return minutes


def conclusion_add(*, by, meeting, text, area, owner_party, deadline) -> Conclusion:
    require(permissions.can_edit_minutes(by, meeting))
    with transaction.atomic():
        last = meeting.conclusions.order_by("-order").values_list("order", flat=True).first() or 0
        return save(
            Conclusion(meeting=meeting, order=last + 1, text=text, area=area, owner_party=owner_party,
                       deadline=deadline),
            by=by, reason="conclusion_add",
        )


def conclusion_remove(*, by, conclusion) -> None:
    require(permissions.can_edit_minutes(by, conclusion.meeting))
    with transaction.atomic():
        conclusion._history_user = by
        conclusion.delete()


def conclusion_create_request(*, by, conclusion):
    """One step: the approved conclusion becomes a request sent to the body in charge, and stays linked to it."""
    require(permissions.can_create_followup(by, conclusion))
    with transaction.atomic():
        conclusion = Conclusion.objects.select_for_update().select_related("meeting").get(pk=conclusion.pk)
        if conclusion.request_id is not None:
            raise InvalidTransition("linked", "create_request", ALREADY_TURNED)
        title, origin = _followup_wording(conclusion)
        request = request_create_sent(
            by=by,
            requesting_party=Party.objects.get(pk=permissions.followup_requesting_party_id(conclusion)),
            requested_party=conclusion.owner_party,
            area=conclusion.area,
            kind=RequestKind.COORDINATION,
            title=title,
            content=conclusion.text,
            reply_deadline=conclusion.deadline,
            origin=origin,
        )
        conclusion.request = request
        save(conclusion, by=by, reason="conclusion_create_request")
    return request


def _followup_wording(conclusion):
    """Title and origin of the follow-up request: a record both bodies read, so in the site language."""
    meeting = conclusion.meeting
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Follow-up to the meeting of %(date)s: %(text)s") % {
            "date": f"{timezone.localtime(meeting.starts_at):%d/%m/%Y}", "text": conclusion.text[:200]}
        origin = _("Conclusion %(n)s of the meeting “%(title)s”") % {"n": conclusion.order, "title": meeting.title}
    return title, origin
