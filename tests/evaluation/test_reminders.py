"""Reminders and the daily digest: whoever has not done their part, once per day at most, safe to run twice."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coordination import tasks as coordination_tasks
from coordination.jobs import recorded_run
from coordination.models import JobRun, Notification, ReminderSent
from coordination.models.requests import RequestState
from meetings import tasks as meetings_tasks
from meetings.evaluation import tasks

from .factories import local, make_meeting, make_request

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 11, 23)




@pytest.fixture
def due(bcsd, du):
    """Requests ĐU must answer, seen from Monday 23/11/2026 (digest horizon: 3 working days = 26/11)."""
    return {
        "soon": make_request(bcsd, du, 3, sent=local(2026, 11, 16), deadline=datetime.date(2026, 11, 25),
                             title="Sắp đến hạn"),
        "overdue": make_request(bcsd, du, 4, sent=local(2026, 11, 2), deadline=datetime.date(2026, 11, 20),
                                title="Đã quá hạn", state=RequestState.ACKNOWLEDGED),
        "later": make_request(bcsd, du, 3, sent=local(2026, 11, 16), deadline=datetime.date(2026, 12, 15),
                              title="Còn lâu"),
        "answered": make_request(bcsd, du, 3, sent=local(2026, 11, 2), deadline=datetime.date(2026, 11, 20),
                                 answered=local(2026, 11, 19), title="Đã trả lời"),
    }


@pytest.fixture
def visible(due):
    from guardian.shortcuts import assign_perm

    from coordination.groups import party_groups

    for request in due.values():
        for party in (request.requesting_party, request.requested_party):
            for group in party_groups(party):
                assign_perm("coordination.view_coordinationrequest", group, request)
    return due


def test_the_digest_is_one_email_per_person_listing_every_item_due_or_overdue(visible, du_staff, bcsd_staff):
    coordination_tasks.send_daily_digests.delay(MONDAY.isoformat())
    [message] = [m for m in mail.outbox if m.to == [du_staff.email]]
    assert "Sắp đến hạn" in message.body and "Đã quá hạn" in message.body and "QUÁ HẠN" in message.body
    assert "Còn lâu" not in message.body and "Đã trả lời" not in message.body
    assert message.subject == "Đề nghị sắp đến hạn và quá hạn ngày 23/11/2026"
    assert not [m for m in mail.outbox if m.to == [bcsd_staff.email]]  # nothing waits for BCSĐ
    assert ReminderSent.objects.get(kind="digest", user=du_staff).items == 2


def test_the_digest_runs_twice_and_sends_once(visible, du_staff):
    coordination_tasks.send_daily_digests.delay(MONDAY.isoformat())
    coordination_tasks.send_daily_digests.delay(MONDAY.isoformat())
    coordination_tasks.send_digest.delay(du_staff.pk, MONDAY.isoformat())
    assert len([m for m in mail.outbox if m.to == [du_staff.email]]) == 1
    coordination_tasks.send_digest.delay(du_staff.pk, (MONDAY + datetime.timedelta(days=1)).isoformat())
    assert len([m for m in mail.outbox if m.to == [du_staff.email]]) == 2  # a new day, a new digest


def test_the_digest_horizon_counts_working_days_over_tet(bcsd, du, du_staff):
    from coordination.workdays import add_working_days

    # from Friday 13/02/2026, three working days reach Wednesday 25/02 (Tết 16–20/02)
    assert add_working_days(datetime.date(2026, 2, 13), 3) == datetime.date(2026, 2, 25)


def test_the_bodies_that_have_not_sent_their_self_assessment_are_reminded_once_a_day(
        evaluation, part_of, bcsd, bcsd_staff, bcsd_leader, du_staff, du_leader):
    from meetings.evaluation import services

    services.assessment_submit(by=du_staff, part=part_of(du_staff.memberships.get().party))
    assert tasks.remind_evaluation_parts.delay(MONDAY.isoformat()).get() == 2
    reminded = set(ReminderSent.objects.filter(kind="evaluation").values_list("user__username", flat=True))
    assert reminded == {"bcsd.staff", "bcsd.leader"}  # ĐU has done its part
    subject = Notification.objects.filter(recipient=bcsd_leader).latest("pk").subject
    assert subject.startswith("Nhắc việc: Ban cán sự đảng") and "2026" in subject
    assert tasks.remind_evaluation_parts.delay(MONDAY.isoformat()).get() == 0  # safe to run twice


def test_leaders_are_reminded_of_the_approval_their_body_owes(advance, bcsd, du, bcsd_leader, du_leader):
    from meetings.evaluation import services

    evaluation = advance("awaiting")
    services.evaluation_approve(by=bcsd_leader, part=evaluation.parts.get(party=bcsd))
    tasks.remind_evaluation_parts.delay(MONDAY.isoformat())
    assert list(ReminderSent.objects.filter(kind="evaluation").values_list("user__username", flat=True)) == [
        "du.leader"]


def test_minutes_waiting_for_a_body_remind_its_leaders(bcsd, du, bcsd_staff, bcsd_leader, du_leader):
    from meetings.models import Invitation, MinutesApproval

    meeting = make_meeting(bcsd, bcsd_staff, local(2026, 11, 10), [3], minutes_state="awaiting_approval")
    Invitation.objects.create(meeting=meeting, user=du_leader, party=du)
    minutes = meeting.minutes
    minutes.round, minutes.submitted_at = 1, timezone.now() - datetime.timedelta(days=3)
    minutes.save()
    MinutesApproval.objects.create(minutes=minutes, round=1, party=bcsd, decided_by=bcsd_leader, decision="approved")
    assert meetings_tasks.remind_minutes_awaiting_approval.delay(MONDAY.isoformat()).get() == 1
    note = Notification.objects.get(recipient=du_leader)
    assert note.url == reverse("meetings:meeting_detail", args=[meeting.pk]) and "Họp" in note.subject
    assert meetings_tasks.remind_minutes_awaiting_approval.delay(MONDAY.isoformat()).get() == 0


def test_a_report_due_and_not_sent_reminds_the_reporting_body(bcsd, du, bcsd_staff, du_staff):
    from meetings.models import ReportingObligation

    ReportingObligation.objects.create(reporting_party=du, recipient_party=bcsd, title="Báo cáo quý",
                                       frequency="quarterly", starts_on=datetime.date(2026, 7, 1))
    assert meetings_tasks.remind_reports_due.delay("2026-10-05").get() == 1  # Q3 ended, not sent; only ĐU staff
    note = Notification.objects.get(recipient=du_staff)
    assert "Báo cáo quý" in note.subject and "30/09/2026" in note.subject
    assert meetings_tasks.remind_reports_due.delay("2026-10-05").get() == 0


def test_every_job_writes_its_run_and_a_failure_shows_to_admins(client_for, reg_admin, bcsd_leader):
    meetings_tasks.remind_reports_due.delay("2026-10-05")
    with pytest.raises(RuntimeError), recorded_run("meetings.evaluation.coordination_tasks.send_daily_digests"):
        raise RuntimeError("SMTP server unreachable")
    assert JobRun.objects.get(task__endswith="remind_reports_due").outcome == JobRun.Outcome.SUCCESS
    html = client_for(reg_admin).get(reverse("coordination:job_runs")).content.decode()
    assert "RuntimeError: SMTP server unreachable" in html and "Thất bại" in html
    assert "open-annual-evaluations" in html and "chưa chạy lần nào" in html  # jobs never run are listed too
    assert client_for(bcsd_leader).get(reverse("coordination:job_runs")).status_code == 403
