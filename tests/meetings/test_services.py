"""Meeting, minutes and conclusion use cases: permissions, transitions, notifications, e-mails."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from coordination.models import CoordinationRequest, Notification, RequestState
from coordination.selectors.requests import inbox
from meetings import selectors, services
from meetings.models import ApprovalDecision, AttendanceStatus, CalendarFeedToken, InvalidTransition, MinutesState

pytestmark = pytest.mark.django_db(transaction=False)


def test_convening_lets_both_bodies_see_the_meeting(meeting, du_staff, bcsd_leader, outsider):
    assert meeting in selectors.visible_meetings(du_staff)
    assert meeting in selectors.visible_meetings(bcsd_leader)
    assert meeting not in selectors.visible_meetings(outsider)


def test_only_organisers_of_the_convening_body_convene(make_meeting, du_staff, reg_admin, bcsd):
    with pytest.raises(PermissionDenied):
        make_meeting(by=du_staff, party=bcsd)
    with pytest.raises(PermissionDenied):
        make_meeting(by=reg_admin, party=bcsd)


def test_invitations_are_emailed_with_the_ics_after_commit(make_meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting()
    assert len(mail.outbox) == 4
    message = mail.outbox[0]
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert b"METHOD:REQUEST" in content.encode() if isinstance(content, str) else b"METHOD:REQUEST" in content
    assert meeting.title in message.subject
    assert Notification.objects.filter(url=meeting.get_absolute_url()).count() == 3  # the actor is not notified


def test_no_email_when_the_transaction_rolls_back(make_meeting, django_capture_on_commit_callbacks, bcsd_staff):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_meeting()
    assert callbacks and not mail.outbox


def test_change_bumps_the_sequence_and_mails_an_update(meeting, bcsd_staff, django_capture_on_commit_callbacks):
    invitees = [(i.user, i.party) for i in meeting.invitations.all()]
    with django_capture_on_commit_callbacks(execute=True):
        changed = services.meeting_change(by=bcsd_staff, meeting=meeting, invitees=invitees, place="Phòng họp số 2")
    assert changed.sequence == meeting.sequence + 1
    assert changed.uid == meeting.uid
    assert all("SEQUENCE:1" in m.attachments[0][1] for m in mail.outbox)


def test_removed_invitee_gets_a_cancellation(meeting, bcsd_staff, du_staff, django_capture_on_commit_callbacks):
    invitees = [(i.user, i.party) for i in meeting.invitations.all() if i.user != du_staff]
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_change(by=bcsd_staff, meeting=meeting, invitees=invitees)
    to_du_staff = [m for m in mail.outbox if du_staff.email in m.to]
    assert len(to_du_staff) == 1 and "METHOD:CANCEL" in to_du_staff[0].attachments[0][1]


def test_cancel_needs_a_reason_and_mails_cancel(meeting, bcsd_staff, django_capture_on_commit_callbacks):
    with pytest.raises(InvalidTransition):
        services.meeting_cancel(by=bcsd_staff, meeting=meeting, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.meeting_cancel(by=bcsd_staff, meeting=meeting, reason="Trùng lịch công tác")
    assert cancelled.is_cancelled and cancelled.sequence == 1
    assert all("STATUS:CANCELLED" in m.attachments[0][1] for m in mail.outbox)


def test_calendar_email_task_is_safe_to_run_twice(meeting):
    from meetings.tasks import send_meeting_calendar_email

    ids = [i.user_id for i in meeting.invitations.all()]
    assert send_meeting_calendar_email(meeting.pk, ids, "REQUEST", meeting.sequence) == 4
    assert send_meeting_calendar_email(meeting.pk, ids, "REQUEST", meeting.sequence) == 0
    assert len(mail.outbox) == 4


def test_agenda_item_links_area_and_requests(meeting, bcsd_staff, area):
    item = services.agenda_item_add(by=bcsd_staff, meeting=meeting, title="Chế độ thông tin", area=area)
    assert item.order == 1 and item.area.article_number == 8


def test_attendance_absent_needs_a_reason_and_nothing_is_saved(past_meeting, bcsd_staff):
    first, second = list(past_meeting.invitations.all())[:2]
    with pytest.raises(InvalidTransition):
        services.attendance_record(by=bcsd_staff, meeting=past_meeting, entries=[
            (first, AttendanceStatus.PRESENT, "", ""), (second, AttendanceStatus.ABSENT, "", "")])
    first.refresh_from_db()
    assert first.attendance == AttendanceStatus.INVITED


def test_attendance_not_before_the_meeting_day(meeting, bcsd_staff):
    with pytest.raises(PermissionDenied):
        services.attendance_record(by=bcsd_staff, meeting=meeting, entries=[])


def test_attendance_represented(past_meeting, bcsd_staff):
    inv = past_meeting.invitations.first()
    services.attendance_record(by=bcsd_staff, meeting=past_meeting,
                               entries=[(inv, AttendanceStatus.REPRESENTED, "Đi công tác", "Đ/c Phó Văn phòng")])
    inv.refresh_from_db()
    assert inv.represented_by == "Đ/c Phó Văn phòng" and inv.absence_reason == "Đi công tác"


def test_only_staff_of_convening_body_drafts_minutes(past_meeting, du_staff, bcsd_leader):
    for user in (du_staff, bcsd_leader):
        with pytest.raises(PermissionDenied):
            services.minutes_save(by=user, meeting=past_meeting, content="x")


def test_minutes_approved_only_when_a_leader_of_each_body_approved(submitted_minutes, bcsd_leader, du_leader, bcsd,
                                                                   du):
    assert submitted_minutes.state == MinutesState.AWAITING_APPROVAL
    minutes = services.minutes_approve(by=bcsd_leader, minutes=submitted_minutes, party=bcsd)
    assert minutes.state == MinutesState.AWAITING_APPROVAL
    with pytest.raises(PermissionDenied):  # the same body cannot approve twice
        services.minutes_approve(by=bcsd_leader, minutes=minutes, party=bcsd)
    minutes = services.minutes_approve(by=du_leader, minutes=minutes, party=du)
    assert minutes.state == MinutesState.APPROVED and minutes.approved_at


def test_leader_cannot_decide_for_the_other_body(submitted_minutes, bcsd_leader, du):
    with pytest.raises(InvalidTransition):
        services.minutes_approve(by=bcsd_leader, minutes=submitted_minutes, party=du)


def test_staff_cannot_approve(submitted_minutes, du_staff, du):
    with pytest.raises(PermissionDenied):
        services.minutes_approve(by=du_staff, minutes=submitted_minutes, party=du)


def test_return_needs_a_comment_and_goes_back_to_draft(submitted_minutes, du_leader, bcsd_staff, du, bcsd_leader,
                                                        bcsd):
    with pytest.raises(InvalidTransition):
        services.minutes_return(by=du_leader, minutes=submitted_minutes, party=du, comment=" ")
    minutes = services.minutes_return(by=du_leader, minutes=submitted_minutes, party=du, comment="Bổ sung ý kiến")
    assert minutes.state == MinutesState.DRAFT
    services.minutes_save(by=bcsd_staff, meeting=minutes.meeting, content="Đã bổ sung.")
    minutes = services.minutes_submit(by=bcsd_staff, meeting=minutes.meeting)
    assert minutes.round == 2
    assert [a.decision for a in minutes.approvals.all()] == [ApprovalDecision.RETURNED]
    assert selectors.minutes_awaiting_approval()[0].pending_parties == [bcsd, minutes.meeting.invitations.get(
        user=du_leader).party]


def test_conclusion_becomes_a_request_in_the_other_bodys_inbox(approved_minutes, bcsd_staff, du_staff, du, bcsd):
    conclusion = approved_minutes.meeting.conclusions.get()
    request = services.conclusion_create_request(by=bcsd_staff, conclusion=conclusion)
    assert request.state == RequestState.SENT
    assert request.requesting_party == bcsd and request.requested_party == du
    assert request.reply_deadline == conclusion.deadline
    assert request in inbox(user=du_staff)["waiting"]
    conclusion.refresh_from_db()
    assert conclusion.request == request
    with pytest.raises(PermissionDenied):
        services.conclusion_create_request(by=bcsd_staff, conclusion=conclusion)
    assert CoordinationRequest.objects.count() == 1


def test_no_request_before_the_minutes_are_approved(submitted_minutes, bcsd_staff):
    conclusion = submitted_minutes.meeting.conclusions.get()
    with pytest.raises(PermissionDenied):
        services.conclusion_create_request(by=bcsd_staff, conclusion=conclusion)


def test_conclusion_owned_by_the_convening_body_is_requested_by_the_other(past_meeting, bcsd_staff, du_staff, area,
                                                                           bcsd_leader, du_leader, bcsd, du):
    services.minutes_save(by=bcsd_staff, meeting=past_meeting, content="Nội dung")
    conclusion = services.conclusion_add(by=bcsd_staff, meeting=past_meeting, text="BCSĐ ban hành quy định",
                                         area=area, owner_party=bcsd, deadline=timezone.localdate())
    minutes = services.minutes_submit(by=bcsd_staff, meeting=past_meeting)
    services.minutes_approve(by=bcsd_leader, minutes=minutes, party=bcsd)
    services.minutes_approve(by=du_leader, minutes=minutes, party=du)
    conclusion.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.conclusion_create_request(by=bcsd_staff, conclusion=conclusion)
    request = services.conclusion_create_request(by=du_staff, conclusion=conclusion)
    assert request.requesting_party == du and request.requested_party == bcsd


def test_minutes_awaiting_my_approval(submitted_minutes, bcsd_leader, du_leader, bcsd, du_staff):
    assert selectors.minutes_awaiting_my_approval(du_leader) == [submitted_minutes]
    services.minutes_approve(by=bcsd_leader, minutes=submitted_minutes, party=bcsd)
    assert selectors.minutes_awaiting_my_approval(bcsd_leader) == []
    assert selectors.minutes_awaiting_my_approval(du_staff) == []


def test_calendar_feed_token_regenerate_and_revoke(du_staff):
    first = services.calendar_feed_regenerate(user=du_staff).token
    second = services.calendar_feed_regenerate(user=du_staff).token
    assert first != second
    services.calendar_feed_revoke(user=du_staff)
    assert not CalendarFeedToken.objects.filter(user=du_staff).exists()


def test_upcoming_meetings_skip_cancelled(meeting, make_meeting, bcsd_staff, du_staff):
    other = make_meeting(days=3, title="Phiên làm việc")
    services.meeting_cancel(by=bcsd_staff, meeting=other, reason="Hoãn")
    assert list(selectors.upcoming_meetings(du_staff)) == [meeting]


def test_month_calendar_places_meetings_on_their_local_day(du_staff, make_meeting):
    meeting = make_meeting(days=1)
    day = timezone.localdate(meeting.starts_at)
    weeks = selectors.calendar_month(du_staff, day.year, day.month)
    cell = next(d for week in weeks for d in week if d.day == day)
    assert meeting in cell.meetings
    assert datetime.date(day.year, day.month, 1) in [d.day for week in weeks for d in week]


def test_notifications_are_stored_in_vietnamese_whatever_language_the_actor_reads(
        make_meeting, past_meeting, bcsd_staff, bcsd_leader, du_leader, bcsd, du, area):
    """notify() stores the site language; a subject translated eagerly in the actor's language would defeat it."""
    with translation.override("en"):
        meeting = make_meeting()
        services.meeting_cancel(by=bcsd_staff, meeting=meeting, reason="Trùng lịch")
        services.minutes_save(by=bcsd_staff, meeting=past_meeting, content="Hai bên đã thống nhất.")
        minutes = services.minutes_submit(by=bcsd_staff, meeting=past_meeting)
        services.minutes_approve(by=bcsd_leader, minutes=minutes, party=bcsd)
        services.minutes_approve(by=du_leader, minutes=minutes, party=du)
    subjects = set(Notification.objects.values_list("subject", flat=True))
    bodies = set(Notification.objects.values_list("body", flat=True))
    assert "Giấy mời: Họp liên tịch quý IV" in subjects
    assert "Hủy cuộc họp: Họp liên tịch quý IV" in subjects
    assert not any(s.startswith(("Invitation", "Meeting cancelled", "Minutes")) for s in subjects)
    assert not any(b.startswith(("The minutes", "Both bodies")) for b in bodies)


def test_a_body_no_longer_invited_no_longer_sees_the_meeting(meeting, bcsd_staff, bcsd_leader, bcsd, du_staff):
    services.meeting_change(by=bcsd_staff, meeting=meeting, invitees=[(bcsd_leader, bcsd), (bcsd_staff, bcsd)])
    assert meeting not in selectors.visible_meetings(du_staff)
    assert meeting in selectors.visible_meetings(bcsd_leader)


def test_a_body_invited_later_sees_the_documents_already_attached(make_meeting, bcsd_staff, bcsd_leader, bcsd,
                                                                   du_staff, du):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from coordination.selectors.documents import documents_visible

    meeting = make_meeting(invitees=[(bcsd_leader, bcsd)])
    link = services.meeting_attach_document(
        by=bcsd_staff, meeting=meeting, doc_type="BC", summary="Dự thảo báo cáo",
        file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                                content_type="application/pdf"))
    assert link.document not in documents_visible(du_staff)
    services.meeting_change(by=bcsd_staff, meeting=meeting, invitees=[(bcsd_leader, bcsd), (du_staff, du)])
    assert link.document in documents_visible(du_staff)


def test_follow_up_request_is_worded_in_vietnamese_whatever_language_the_actor_reads(approved_minutes, bcsd_staff):
    """The request is a record both bodies read: its title and origin are in the site language."""
    with translation.override("en"):
        conclusion = approved_minutes.meeting.conclusions.get()
        request = services.conclusion_create_request(by=bcsd_staff, conclusion=conclusion)
    assert request.title.startswith("Thực hiện kết luận cuộc họp ngày ")
    assert request.origin.startswith("Kết luận 1 của cuộc họp ")
