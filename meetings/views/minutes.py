"""Minutes: the secretary drafts them with the conclusions; leaders of each body approve or return them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.security import require

from .. import permissions, services
from ..forms import ConclusionForm, DecisionForm, MinutesForm
from .common import get_meeting, run


def minutes_edit(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_edit_minutes(request.user, meeting))
    minutes = permissions.minutes_of(meeting)
    form = MinutesForm(request.POST or None, initial={"content": minutes.content if minutes else ""})
    if request.method == "POST" and form.is_valid():
        ok, _m = run(request, lambda: services.minutes_save(
            by=request.user, meeting=meeting, content=form.cleaned_data["content"]), _("The minutes were saved."))
        if ok:
            return redirect("meetings:minutes_edit", meeting.pk)
    return render(request, "meetings/minutes_form.html", {
        "form": form, "meeting": meeting, "minutes": minutes, "conclusions": meeting.conclusions.all(),
        "conclusion_form": ConclusionForm(initial={"owner_party": meeting.convening_party_id},
                                          meeting_day=timezone.localdate(meeting.starts_at)),
        "approvals": list(minutes.approvals.all()) if minutes else [],
        "can_submit": permissions.can_submit_minutes(request.user, meeting),
    })


@require_POST
def minutes_submit(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_submit_minutes(request.user, meeting))
    run(request, lambda: services.minutes_submit(by=request.user, meeting=meeting),
        _("The minutes were sent to a leader of each body for approval."))
    return redirect("meetings:meeting_detail", meeting.pk)


def _decision(request, pk, service, success):
    meeting = get_meeting(request, pk)
    minutes = permissions.minutes_of(meeting)
    require(minutes is not None and permissions.can_approve_minutes(request.user, minutes))
    form = DecisionForm(request.POST)
    if form.is_valid():
        run(request, lambda: service(by=request.user, minutes=minutes, party=form.cleaned_data["party"],
                                     comment=form.cleaned_data["comment"]), success)
    else:
        messages.error(request, _("The decision was not recorded."))
    return redirect("meetings:meeting_detail", meeting.pk)


@require_POST
def minutes_approve(request, pk):
    return _decision(request, pk, services.minutes_approve, _("Your approval was recorded."))


@require_POST
def minutes_return(request, pk):
    return _decision(request, pk, services.minutes_return,
                     _("The minutes were returned to the secretary with your comments."))


@require_POST
def conclusion_add(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_edit_minutes(request.user, meeting))
    form = ConclusionForm(request.POST, meeting_day=timezone.localdate(meeting.starts_at))
    if form.is_valid():
        run(request, lambda: services.conclusion_add(by=request.user, meeting=meeting, **form.cleaned_data),
            _("The conclusion was added."))
    elif "deadline" in form.errors and form.cleaned_data.get("text"):
        messages.error(request, form.errors["deadline"][0])
    else:
        messages.error(request, _("The conclusion was not added: fill in the text, area, body in charge and deadline."))
    return redirect("meetings:minutes_edit", meeting.pk)


@require_POST
def conclusion_remove(request, pk, conclusion_pk):
    meeting = get_meeting(request, pk)
    conclusion = get_object_or_404(meeting.conclusions, pk=conclusion_pk)
    require(permissions.can_edit_minutes(request.user, meeting))
    run(request, lambda: services.conclusion_remove(by=request.user, conclusion=conclusion),
        _("The conclusion was removed."))
    return redirect("meetings:minutes_edit", meeting.pk)


@require_POST
def conclusion_create_request(request, pk, conclusion_pk):
    meeting = get_meeting(request, pk)
    conclusion = get_object_or_404(meeting.conclusions.select_related("meeting"), pk=conclusion_pk)
    require(permissions.can_create_followup(request.user, conclusion))
    ok, created = run(request, lambda: services.conclusion_create_request(by=request.user, conclusion=conclusion),
                      _("The follow-up request was sent to the body in charge."))
    if ok:
        return redirect("coordination:request_detail", created.pk)
    return redirect("meetings:meeting_detail", meeting.pk)
