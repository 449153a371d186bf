"""Notices between the bodies, read receipts, and the reporting schedule."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.models import Party, Role
from coordination.paging import CappedPaginator
from coordination.permissions import member_party_ids
from coordination.security import get_visible_or_404, require

from .. import permissions, selectors, services
from ..forms import DocumentUploadForm, NoticeForm, ObligationForm
from ..history import notice_history_rows
from ..models import NoticeKind, ReportingObligation
from ..selectors.notices import recipient_members
from .common import documents_for, get_notice, run

# The page's Vietnamese box names in the address → the selector's.
PAGE_BOXES = {"den": "incoming", "di": "outgoing", "chua-doc": "unread"}


def notice_list(request):
    box = request.GET.get("hop", "")
    kind = request.GET.get("loai", "")
    qs = selectors.notice_list(request.user, box=PAGE_BOXES.get(box, ""),
                               kind=kind if kind in NoticeKind.values else "")
    mine = member_party_ids(request.user)
    page = CappedPaginator(qs, 20).get_page(request.GET.get("page"))
    for notice in page:
        notice.is_unread = notice.is_sent and notice.recipient_party_id in mine and not notice.has_read
    return render(request, "meetings/notice_list.html", {
        "page": page, "box": box, "kind": kind, "kinds": NoticeKind.choices,
        "can_draft": permissions.can_draft_notice(request.user),
        "unread": selectors.unread_notice_count(request.user),
    })


def _periods_for(user):
    today = timezone.localdate()
    rows = selectors.reporting_schedule(user, today.year) + selectors.reporting_schedule(user, today.year - 1)
    senders = member_party_ids(user, *permissions.ORGANISERS)
    return [r for r in rows if r.notice is None and r.obligation.reporting_party_id in senders
            and r.obligation.is_active and r.period_start <= today]


def _notice_form(request, data=None, initial=None):
    parties = Party.objects.filter(pk__in=member_party_ids(request.user, *permissions.ORGANISERS))
    if len(parties) == 1:
        other = Party.objects.exclude(pk=parties[0].pk).first()
        initial = {"sender_party": parties[0].pk, "recipient_party": other and other.pk, **(initial or {})}
    return NoticeForm(data, initial=initial, parties=parties, periods=_periods_for(request.user))


def _notice_fields(form):
    data = form.cleaned_data
    return {k: data[k] for k in ("recipient_party", "kind", "title", "summary", "obligation", "period_start")}


def notice_create(request):
    require(permissions.can_draft_notice(request.user))
    initial = {"kind": NoticeKind.REPORT}
    if request.GET.get("ky"):
        initial["report_period"] = request.GET["ky"]
    form = _notice_form(request, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, notice = run(request, lambda: services.notice_create(
            by=request.user, sender_party=form.cleaned_data["sender_party"], **_notice_fields(form),
        ), _("The notice was saved as a draft. Attach its documents, then send it."))
        if ok:
            return redirect("meetings:notice_detail", notice.pk)
    return render(request, "meetings/notice_form.html", {"form": form, "title": _("New notice")})


def _period_key(notice):
    return f"{notice.obligation_id}:{notice.period_start:%Y-%m-%d}" if notice.obligation_id else ""


def notice_edit(request, pk):
    notice = get_notice(request, pk)
    require(permissions.can_edit_notice(request.user, notice))
    initial = {"sender_party": notice.sender_party_id, "recipient_party": notice.recipient_party_id,
               "kind": notice.kind, "title": notice.title, "summary": notice.summary,
               "report_period": _period_key(notice)}
    form = _notice_form(request, request.POST or None, initial=initial)
    if notice.obligation_id:
        form.fields["report_period"].choices += [(initial["report_period"], str(notice.obligation))]
    form.fields["sender_party"].disabled = True
    if request.method == "POST" and form.is_valid():
        fields = _notice_fields(form)
        if notice.obligation_id and form.cleaned_data.get("report_period") == initial["report_period"]:
            fields["obligation"], fields["period_start"] = notice.obligation, notice.period_start
        ok, _n = run(request, lambda: services.notice_change(by=request.user, notice=notice, **fields),
                     _("The notice was saved."))
        if ok:
            return redirect("meetings:notice_detail", notice.pk)
    return render(request, "meetings/notice_form.html",
                  {"form": form, "notice": notice, "title": _("Change the notice")})


def notice_detail(request, pk):
    notice = get_notice(request, pk)
    services.notice_mark_read(user=request.user, notice=notice)
    see_receipts = permissions.can_see_read_receipts(request.user, notice) and notice.is_sent
    receipts = {r.user_id: r for r in notice.receipts.all()}
    members = [(m, receipts.get(m.user_id)) for m in recipient_members(notice)] if see_receipts else []
    return render(request, "meetings/notice_detail.html", {
        "notice": notice, **documents_for(request.user, notice.document_links.select_related("document")),
        "members": members, "see_receipts": see_receipts,
        "read_count": sum(1 for _m, r in members if r),
        "can_edit": permissions.can_edit_notice(request.user, notice),
        "can_send": permissions.can_send_notice(request.user, notice),
    })


@require_POST
def notice_send(request, pk):
    notice = get_notice(request, pk)
    require(permissions.can_send_notice(request.user, notice))
    run(request, lambda: services.notice_send(by=request.user, notice=notice),
        _("The notice was sent; its members will see it in their information box."))
    return redirect("meetings:notice_detail", notice.pk)


def notice_document_add(request, pk):
    notice = get_notice(request, pk)
    require(permissions.can_edit_notice(request.user, notice))
    form = DocumentUploadForm(request.POST or None, request.FILES or None, allow_secret=False)
    if request.method == "POST" and form.is_valid():
        ok, _link = run(request, lambda: services.notice_attach_document(
            by=request.user, notice=notice, **form.cleaned_data), _("The document was attached."))
        if ok:
            return redirect("meetings:notice_detail", notice.pk)
    return render(request, "meetings/document_form.html", {
        "form": form, "object": notice, "back": notice.get_absolute_url(),
        "secret_note": _("Secret material (Mật and above) is excepted from the information regime."),
    })


def notice_history(request, pk):
    notice = get_notice(request, pk)
    rows = notice_history_rows(notice, request.user)
    return render(request, "meetings/history.html",
                  {"object": notice, "rows": rows, "back": notice.get_absolute_url()})


def notice_schedule(request):
    today = timezone.localdate()
    first, last = selectors.schedule_years(request.user, today)
    try:
        year = int(request.GET.get("nam", today.year))
    except ValueError:
        year = today.year
    if not first <= year <= last:  # a year outside the schedule: show the nearest one that has it
        return redirect(reverse("meetings:notice_schedule") + f"?nam={min(max(year, first), last)}")
    rows = selectors.reporting_schedule(request.user, year)
    for row in rows:
        row.overdue = row.is_overdue(today)
        row.due_now = not row.is_sent and row.period_end < today
    obligations = ReportingObligation.objects.filter(
        reporting_party_id__in=member_party_ids(request.user, Role.ADMIN)).select_related("reporting_party")
    return render(request, "meetings/notice_schedule.html", {
        "rows": rows, "year": year, "today": today, "obligations": obligations,
        "previous_year": year - 1 if year > first else None, "next_year": year + 1 if year < last else None,
        "can_manage": permissions.can_manage_reporting_schedule(request.user),
        "can_draft": permissions.can_draft_notice(request.user),
        "my_sending_parties": member_party_ids(request.user, *permissions.ORGANISERS),
    })


def notice_schedule_add(request):
    require(permissions.can_manage_reporting_schedule(request.user))
    parties = Party.objects.filter(pk__in=member_party_ids(request.user, Role.ADMIN))
    form = ObligationForm(request.POST or None, parties=parties, initial={"starts_on": timezone.localdate().replace(
        month=1, day=1)})
    if request.method == "POST" and form.is_valid():
        ok, _o = run(request, lambda: services.obligation_create(by=request.user, **form.cleaned_data),
                     _("The line was added to the reporting schedule."))
        if ok:
            return redirect("meetings:notice_schedule")
    return render(request, "meetings/obligation_form.html", {"form": form})


@require_POST
def notice_schedule_toggle(request, pk):
    mine = member_party_ids(request.user, Role.ADMIN)
    obligation = get_visible_or_404(request, ReportingObligation.objects.filter(reporting_party_id__in=mine), pk=pk)
    run(request, lambda: services.obligation_set_active(by=request.user, obligation=obligation,
                                                        is_active=not obligation.is_active),
        _("The reporting schedule was updated."))
    return redirect("meetings:notice_schedule")
