"""Notices between the bodies, read receipts, the reporting schedule and what is due."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from coordination.models import Confidentiality, Notification
from meetings import selectors, services
from meetings.models import InvalidTransition, NoticeState, ReportFrequency
from meetings.services.notices import NOTICE_SECRET_REFUSED

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def notice(bcsd_staff, bcsd, du):
    return services.notice_create(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="report",
                                  title="Báo cáo sơ kết 6 tháng", summary="Kết quả 6 tháng đầu năm")


@pytest.fixture
def quarterly(reg_admin, bcsd, du):
    return services.obligation_create(by=reg_admin, reporting_party=bcsd, recipient_party=du,
                                      title="Báo cáo quý", frequency=ReportFrequency.QUARTERLY, days_after_period=15,
                                      starts_on=datetime.date(2026, 1, 1))


def test_draft_is_seen_by_the_sender_only(notice, bcsd_leader, du_staff):
    assert notice in selectors.visible_notices(bcsd_leader)
    assert notice not in selectors.visible_notices(du_staff)


def test_sending_shows_it_to_the_other_body_and_notifies(notice, bcsd_staff, du_staff, du_leader):
    stale = notice
    notice = services.notice_send(by=bcsd_staff, notice=notice)
    assert notice in selectors.visible_notices(du_staff)
    assert Notification.objects.filter(recipient=du_leader, url=notice.get_absolute_url()).exists()
    with pytest.raises(InvalidTransition):  # sending twice with a stale copy: refused, nothing changes
        services.notice_send(by=bcsd_staff, notice=stale)
    notice.refresh_from_db()
    with pytest.raises(PermissionDenied):  # already sent: no longer editable
        services.notice_send(by=bcsd_staff, notice=notice)


def test_other_body_cannot_send_or_edit(notice, du_staff):
    with pytest.raises(PermissionDenied):
        services.notice_send(by=du_staff, notice=notice)
    with pytest.raises(PermissionDenied):
        services.notice_change(by=du_staff, notice=notice, title="x")


def test_read_receipt_once_per_member_of_the_receiving_body(notice, bcsd_staff, du_staff, bcsd_leader):
    assert services.notice_mark_read(user=du_staff, notice=notice) is None  # not sent yet
    notice = services.notice_send(by=bcsd_staff, notice=notice)
    first = services.notice_mark_read(user=du_staff, notice=notice)
    again = services.notice_mark_read(user=du_staff, notice=notice)
    assert first == again and notice.receipts.count() == 1
    assert services.notice_mark_read(user=bcsd_leader, notice=notice) is None  # the sender does not count
    assert selectors.unread_notice_count(du_staff) == 0


def test_unread_count(notice, bcsd_staff, du_staff, du_leader):
    notice = services.notice_send(by=bcsd_staff, notice=notice)
    assert selectors.unread_notice_count(du_leader) == 1
    assert selectors.unread_notice_count(bcsd_staff) == 0


def test_secret_material_is_refused(notice, bcsd_staff):
    with pytest.raises(InvalidTransition) as exc:
        services.notice_attach_document(by=bcsd_staff, notice=notice, doc_type="BC", summary="Báo cáo mật",
                                        file=SimpleUploadedFile("bc.pdf", PDF), confidentiality=Confidentiality.MAT)
    assert exc.value.message == NOTICE_SECRET_REFUSED
    assert notice.document_links.count() == 0


def test_attached_document_becomes_visible_to_the_other_body_when_sent(notice, bcsd_staff, du_staff):
    from coordination.permissions import can_view_document

    link = services.notice_attach_document(by=bcsd_staff, notice=notice, doc_type="BC", summary="Báo cáo",
                                           file=SimpleUploadedFile("bc.pdf", PDF, content_type="application/pdf"))
    assert not can_view_document(du_staff, link.document)
    notice = services.notice_send(by=bcsd_staff, notice=notice)
    du_staff.__dict__.pop("_active_memberships", None)
    assert can_view_document(du_staff, link.document)


def test_periods_of_each_frequency(quarterly):
    assert [p[2] for p in quarterly.periods(2026)] == [
        datetime.date(2026, 4, 15), datetime.date(2026, 7, 15), datetime.date(2026, 10, 15), datetime.date(2027, 1, 15)]
    quarterly.frequency = ReportFrequency.SEMIANNUAL
    assert [(p[0], p[1]) for p in quarterly.periods(2026)] == [
        (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 7, 1), datetime.date(2026, 12, 31)),
    ]
    quarterly.frequency = ReportFrequency.YEARLY
    assert len(quarterly.periods(2026)) == 1 and quarterly.periods(2025) == []


def test_reports_due_lists_ended_periods_not_yet_sent(quarterly, bcsd_staff, bcsd, du):
    due = selectors.reports_due(datetime.date(2026, 7, 10))
    assert [(r.period_start, r.due_date) for r in due] == [
        (datetime.date(2026, 1, 1), datetime.date(2026, 4, 15)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 7, 15)),
    ]
    assert due[0].is_overdue(datetime.date(2026, 7, 10)) and not due[1].is_overdue(datetime.date(2026, 7, 10))
    report = services.notice_create(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="report",
                                    title="Báo cáo quý I", summary="...", obligation=quarterly,
                                    period_start=datetime.date(2026, 1, 1))
    assert len(selectors.reports_due(datetime.date(2026, 7, 10))) == 2  # a draft does not count as sent
    services.notice_send(by=bcsd_staff, notice=report)
    assert [r.period_start for r in selectors.reports_due(datetime.date(2026, 7, 10))] == [datetime.date(2026, 4, 1)]


def test_one_notice_per_reporting_period(quarterly, bcsd_staff, bcsd, du):
    kwargs = dict(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="report", title="Q1", summary="...",
                  obligation=quarterly, period_start=datetime.date(2026, 1, 1))
    services.notice_create(**kwargs)
    with pytest.raises(InvalidTransition):
        services.notice_create(**kwargs)


def test_only_admins_of_the_reporting_body_manage_the_schedule(bcsd_leader, bcsd, du):
    with pytest.raises(PermissionDenied):
        services.obligation_create(by=bcsd_leader, reporting_party=bcsd, recipient_party=du, title="x",
                                   frequency=ReportFrequency.YEARLY, days_after_period=10,
                                   starts_on=datetime.date(2026, 1, 1))


def test_suspended_line_is_not_due(quarterly, reg_admin):
    services.obligation_set_active(by=reg_admin, obligation=quarterly, is_active=False)
    assert selectors.reports_due(datetime.date(2026, 12, 31)) == []


def test_sent_state(notice, bcsd_staff):
    sent = services.notice_send(by=bcsd_staff, notice=notice)
    assert sent.state == NoticeState.SENT and sent.sent_by == bcsd_staff


def test_sent_notice_is_announced_in_vietnamese_whatever_language_the_sender_reads(notice, bcsd_staff, du_staff):
    with translation.override("en"):
        services.notice_send(by=bcsd_staff, notice=notice)
    subject = Notification.objects.get(recipient=du_staff).subject
    assert subject == f"Thông báo mới của {notice.sender_party.name_vi}: {notice.title}"
