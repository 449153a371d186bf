"""Pure transition rules on the models: they raise InvalidTransition and save nothing."""

import datetime

import pytest

from meetings.models import (
    AttendanceStatus,
    InvalidTransition,
    Invitation,
    Meeting,
    MeetingState,
    Minutes,
    MinutesState,
    Notice,
    NoticeState,
    ReportFrequency,
    ReportingObligation,
)


def test_minutes_need_content_to_be_submitted():
    minutes = Minutes(content="  ")
    with pytest.raises(InvalidTransition):
        minutes.submit()
    assert minutes.state == MinutesState.DRAFT and minutes.round == 0


def test_each_submission_opens_a_new_round():
    minutes = Minutes(content="x")
    minutes.submit()
    minutes.return_to_draft()
    minutes.submit()
    assert minutes.round == 2 and minutes.state == MinutesState.AWAITING_APPROVAL


def test_minutes_approved_only_when_every_body_approved():
    minutes = Minutes(content="x")
    minutes.submit()
    minutes.approve_if_complete({1}, {1, 2})
    assert minutes.state == MinutesState.AWAITING_APPROVAL
    minutes.approve_if_complete({1, 2}, {1, 2})
    assert minutes.state == MinutesState.APPROVED and minutes.approved_at
    with pytest.raises(InvalidTransition):
        minutes.return_to_draft()


def test_cancel_bumps_sequence_and_cannot_repeat():
    meeting = Meeting(state=MeetingState.SCHEDULED, sequence=2)
    meeting.cancel("Trùng lịch")
    assert meeting.is_cancelled and meeting.sequence == 3
    with pytest.raises(InvalidTransition):
        meeting.cancel("again")
    with pytest.raises(InvalidTransition):
        meeting.reschedule()


def test_attendance_rules():
    invitation = Invitation()
    with pytest.raises(InvalidTransition):
        invitation.record(AttendanceStatus.REPRESENTED, "Bận", "")
    invitation.record(AttendanceStatus.REPRESENTED, "Bận", "Đ/c Phó Văn phòng")
    invitation.record(AttendanceStatus.PRESENT, "ignored", "ignored")
    assert (invitation.absence_reason, invitation.represented_by) == ("", "")


def test_notice_is_sent_once():
    notice = Notice(state=NoticeState.DRAFT)
    notice.send(by=None)
    with pytest.raises(InvalidTransition):
        notice.send(by=None)


def test_periods_start_from_the_first_period():
    line = ReportingObligation(frequency=ReportFrequency.QUARTERLY, days_after_period=10,
                               starts_on=datetime.date(2026, 5, 1))
    assert [start for start, _end, _due in line.periods(2026)] == [
        datetime.date(2026, 4, 1), datetime.date(2026, 7, 1), datetime.date(2026, 10, 1)]
