"""The reporting schedule flags late reports and keeps its year pager within the schedule; every calendar
month renders, deadlines included."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services

SCHEDULE = reverse("meetings:notice_schedule")


@pytest.fixture
def quarterly(reg_admin, bcsd, du):
    return services.obligation_create(by=reg_admin, reporting_party=bcsd, recipient_party=du, title="Báo cáo quý",
                                      frequency="quarterly", days_after_period=15,
                                      starts_on=datetime.date(2024, 1, 1))


def _send_report(by, obligation, period_start, sent_on):
    notice = services.notice_create(by=by, sender_party=obligation.reporting_party,
                                    recipient_party=obligation.recipient_party, kind="report",
                                    title=f"Báo cáo {period_start}", summary="…", obligation=obligation,
                                    period_start=period_start)
    notice = services.notice_send(by=by, notice=notice)
    tz = timezone.get_current_timezone()
    notice.sent_at = datetime.datetime.combine(sent_on, datetime.time(9), tzinfo=tz)
    notice.save()
    return notice


def _status_cells(html):
    return [row for row in html.split("<tr") if "Báo cáo quý" in row]


def test_report_sent_after_its_due_date_is_flagged_late(client_for, quarterly, bcsd_staff, du_staff):
    _send_report(bcsd_staff, quarterly, datetime.date(2024, 4, 1), datetime.date(2024, 11, 29))  # due 15/07
    _send_report(bcsd_staff, quarterly, datetime.date(2024, 1, 1), datetime.date(2024, 4, 10))  # due 15/04
    client = client_for(du_staff)
    client.cookies["django_language"] = "vi"
    html = client.get(SCHEDULE + "?nam=2024", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    q1, q2 = _status_cells(html)[:2]
    assert "Gửi muộn" in q2 and "29/11/2024" in q2
    assert "Gửi muộn" not in q1 and "Đã gửi" in q1


def test_schedule_year_pager_stops_at_the_first_and_last_year(client_for, quarterly, du_staff):
    client = client_for(du_staff)
    this_year = timezone.localdate().year
    first = client.get(SCHEDULE + "?nam=2024").content.decode()
    assert "?nam=2023" not in first and "?nam=2025" in first
    last = client.get(SCHEDULE + f"?nam={this_year}").content.decode()
    assert f"?nam={this_year + 1}" not in last


@pytest.mark.parametrize("asked, shown", [("2008", 2024), ("99999", None), ("-5", 2024), ("abc", None)])
def test_schedule_year_outside_the_schedule_goes_to_the_nearest_year(client_for, quarterly, du_staff, asked, shown):
    client = client_for(du_staff)
    response = client.get(SCHEDULE + f"?nam={asked}", follow=True)
    assert response.status_code == 200
    year = shown or timezone.localdate().year
    assert response.context["year"] == year


def test_every_calendar_month_renders_with_its_report_deadlines(client_for, quarterly, du_staff):
    client = client_for(du_staff)
    for year in (2024, 2025):
        for month in range(1, 13):
            response = client.get(reverse("meetings:calendar_month") + f"?thang={year}-{month:02d}")
            assert response.status_code == 200, (year, month)
    july = client.get(reverse("meetings:calendar_month") + "?thang=2025-07").content.decode()
    assert "Báo cáo quý" in july and f"{SCHEDULE}?nam=2025" in july


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "2026-13", "abc", "-1-1"])
def test_calendar_month_out_of_range_shows_this_month(client_for, du_staff, month):
    response = client_for(du_staff).get(reverse("meetings:calendar_month") + f"?thang={month}")
    assert response.status_code == 200
    assert response.context["first"] == timezone.localdate().replace(day=1)


def test_calendar_list_shows_a_status_not_the_kind_of_meeting(client_for, make_meeting, du_staff):
    held = make_meeting(days=-1, title="Họp đã diễn ra")
    month = timezone.localdate() - datetime.timedelta(days=1)
    client = client_for(du_staff)
    html = client.get(reverse("meetings:calendar_month") + f"?thang={month:%Y-%m}").content.decode()
    as_list = html[html.index('id="h-month-list"'):]
    row = next(r for r in as_list.split("<tr") if "Họp đã diễn ra" in r)
    status_cell = row.split("<td")[-1]
    assert "Đã họp, chưa có biên bản" in status_cell and held.get_kind_display() not in status_cell


def test_meeting_without_minutes_has_no_dash_in_the_minutes_heading(client_for, make_meeting, du_staff):
    meeting = make_meeting(days=-1)
    html = client_for(du_staff).get(meeting.get_absolute_url()).content.decode()
    heading = html[html.index('id="h-minutes"'):html.index("</h2>", html.index('id="h-minutes"'))]
    assert "—" not in heading
