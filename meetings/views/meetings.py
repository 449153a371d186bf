"""Meetings: list, convene, change, cancel, agenda, attendance, documents, history, .ics."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.models import Party
from coordination.paging import CappedPaginator
from coordination.permissions import member_party_ids
from coordination.security import require
from coordination.selectors.requests import requests_visible

from .. import ical, permissions, selectors, services
from ..forms import AgendaItemForm, AttendanceForm, CancelForm, DocumentUploadForm, MeetingForm
from ..history import meeting_history_rows
from ..models import MeetingKind
from .common import documents_for, get_meeting, run

WHEN = {"upcoming", "past", "all"}


def meeting_list(request):
    when = request.GET.get("khi", "upcoming")
    when = when if when in WHEN else "upcoming"
    kind = request.GET.get("loai", "")
    mine = request.GET.get("cua-toi") == "1"
    qs = selectors.meeting_list(request.user, when=when, kind=kind if kind in MeetingKind.values else "", mine=mine)
    page = CappedPaginator(qs, 20).get_page(request.GET.get("page"))
    return render(request, "meetings/meeting_list.html", {
        "page": page, "when": when, "kind": kind, "kinds": MeetingKind.choices, "mine": mine,
        "can_convene": permissions.can_convene_meeting(request.user), "now": timezone.now(),
    })


def _meeting_form(request, data=None, initial=None):
    parties = Party.objects.filter(pk__in=member_party_ids(request.user, *permissions.ORGANISERS))
    if initial is None and len(parties) == 1:  # the only body the user can convene for
        initial = {"convening_party": parties[0].pk}
    return MeetingForm(data, initial=initial, parties=parties, memberships=list(selectors.meeting_invitees_choices()))


def meeting_create(request):
    require(permissions.can_convene_meeting(request.user))
    form = _meeting_form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, meeting = run(request, lambda: services.meeting_convene(
            by=request.user, convening_party=form.cleaned_data["convening_party"], invitees=form.invitee_pairs(),
            **form.meeting_fields(),
        ), _("The meeting was convened and the invitations are on their way."))
        if ok:
            return redirect("meetings:meeting_detail", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "title": _("Convene a meeting")})


def meeting_edit(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_change_meeting(request.user, meeting))
    initial = MeetingForm.initial_for(meeting)
    memberships = list(selectors.meeting_invitees_choices())
    invited = {(i.user_id, i.party_id) for i in meeting.invitations.all()}
    initial["invitees"] = [str(m.pk) for m in memberships if (m.user_id, m.party_id) in invited]
    form = _meeting_form(request, request.POST or None, initial=initial)
    form.fields["convening_party"].disabled = True
    if request.method == "POST" and form.is_valid():
        ok, _meeting = run(request, lambda: services.meeting_change(
            by=request.user, meeting=meeting, invitees=form.invitee_pairs(), **form.meeting_fields(),
        ), _("The meeting was changed; the invitees receive the updated calendar event."))
        if ok:
            return redirect("meetings:meeting_detail", meeting.pk)
    return render(request, "meetings/meeting_form.html",
                  {"form": form, "meeting": meeting, "title": _("Change the meeting")})


def meeting_detail(request, pk):
    meeting = get_meeting(request, pk)
    user = request.user
    reader = selectors.meeting_for_reader(user, meeting)
    minutes = reader["minutes"]
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting, "minutes": minutes, "conclusions": reader["conclusions"],
        "invitations": meeting.invitations.all(), "agenda": reader["agenda"],
        **documents_for(user, meeting.document_links.select_related("document")),
        "approvals": list(minutes.approvals.all()) if minutes else [],
        "approvable_parties": Party.objects.filter(pk__in=reader["approvable_party_ids"]),
        "visible_request_ids": reader["visible_request_ids"],
        "can_change": reader["can_change"], "can_cancel": reader["can_cancel"],
        "can_attendance": reader["can_record_attendance"], "can_edit_minutes": reader["can_edit_minutes"],
        "can_submit_minutes": reader["can_submit_minutes"], "can_attach": reader["can_attach_document"],
        # The form only names the requests (their titles): no related rows joined.
        "agenda_form": AgendaItemForm(requests_qs=_requests_for_agenda(user).select_related(None).only("pk", "title"))
        if reader["can_change"] else None,
    })


def _requests_for_agenda(user):
    return requests_visible(user).order_by("-created_at")[:200]


def meeting_cancel(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_cancel_meeting(request.user, meeting))
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _m = run(request, lambda: services.meeting_cancel(
            by=request.user, meeting=meeting, reason=form.cleaned_data["reason"]),
            _("The meeting was cancelled; the invitees' calendars are updated."))
        if ok:
            return redirect("meetings:meeting_detail", meeting.pk)
    return render(request, "meetings/meeting_cancel.html", {"form": form, "meeting": meeting})


@require_POST
def agenda_add(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_change_meeting(request.user, meeting))
    form = AgendaItemForm(request.POST, requests_qs=_requests_for_agenda(request.user))
    if form.is_valid():
        data = form.cleaned_data
        run(request, lambda: services.agenda_item_add(
            by=request.user, meeting=meeting, title=data["title"], area=data["area"],
            presenter_party=data["presenter_party"], notes=data["notes"], requests=data.get("requests") or (),
        ), _("The item was added to the agenda."))
    else:
        messages.error(request, _("The agenda item was not added: fill in the content and the area."))
    return redirect(meeting.get_absolute_url() + "#agenda")


@require_POST
def agenda_remove(request, pk, item_pk):
    meeting = get_meeting(request, pk)
    item = get_object_or_404(meeting.agenda_items, pk=item_pk)
    require(permissions.can_change_meeting(request.user, meeting))
    run(request, lambda: services.agenda_item_remove(by=request.user, item=item), _("The item was removed."))
    return redirect("meetings:meeting_detail", meeting.pk)


def attendance(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_record_attendance(request.user, meeting))
    form = AttendanceForm(request.POST or None, invitations=meeting.invitations.all())
    if request.method == "POST" and form.is_valid():
        ok, _r = run(request, lambda: services.attendance_record(
            by=request.user, meeting=meeting, entries=form.entries()), _("Attendance was recorded."))
        if ok:
            return redirect("meetings:meeting_detail", meeting.pk)
    return render(request, "meetings/attendance_form.html", {"form": form, "meeting": meeting})


def document_add(request, pk):
    meeting = get_meeting(request, pk)
    require(permissions.can_attach_meeting_document(request.user, meeting))
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ok, _link = run(request, lambda: services.meeting_attach_document(
            by=request.user, meeting=meeting, **form.cleaned_data), _("The document was attached."))
        if ok:
            return redirect("meetings:meeting_detail", meeting.pk)
    return render(request, "meetings/document_form.html", {"form": form, "object": meeting,
                                                            "back": meeting.get_absolute_url()})


def meeting_history(request, pk):
    meeting = get_meeting(request, pk)
    rows = meeting_history_rows(meeting, request.user)
    return render(request, "meetings/history.html",
                  {"object": meeting, "rows": rows, "back": meeting.get_absolute_url()})


def meeting_ics(request, pk):
    meeting = get_meeting(request, pk)
    url = request.build_absolute_uri(meeting.get_absolute_url())
    data = ical.calendar_bytes([meeting], url_for=lambda m: url)
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cuoc-hop-{meeting.pk}.ics"'
    return response
