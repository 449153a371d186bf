"""Working-day deadlines: weekends and Vietnamese public holidays, lunar Tết included, do not count."""

import datetime

import holidays
import pytest

from coordination.workdays import add_working_days, is_working_day

D = datetime.date


def test_the_holidays_library_knows_tet_2026_and_2027():
    assert {D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 20)} <= set(holidays.VN(years=2026))
    assert {D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 10)} <= set(holidays.VN(years=2027))


@pytest.mark.parametrize("start, days, expected", [
    (D(2026, 11, 26), 1, D(2026, 11, 27)),  # Thursday -> Friday
    (D(2026, 11, 27), 1, D(2026, 11, 30)),  # Friday -> Monday, the weekend skipped
    (D(2026, 2, 13), 1, D(2026, 2, 23)),  # Friday before Tết Bính Ngọ -> Monday after (16-20/2 off)
    (D(2026, 2, 12), 3, D(2026, 2, 24)),
    (D(2027, 2, 3), 1, D(2027, 2, 11)),  # Tết Đinh Mùi: 4-10/2/2027 off
    (D(2026, 4, 29), 1, D(2026, 5, 4)),  # 30/4 and 1/5, then the weekend
    (D(2026, 8, 28), 1, D(2026, 9, 3)),  # 31/8 (substitute), 1-2/9 National Day
])
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


def test_tet_days_are_not_working_days():
    assert not is_working_day(D(2026, 2, 17)) and is_working_day(D(2026, 2, 23))


def test_deadline_in_working_days_through_the_form(client_for, bcsd_staff, bcsd, du, area, monkeypatch):
    from coordination.forms import requests as request_forms
    from coordination.models import CoordinationRequest

    monkeypatch.setattr(request_forms, "today", lambda: D(2026, 2, 12))
    response = client_for(bcsd_staff).post("/phoi-hop/de-nghi/tao-moi/", {
        "requesting_party": bcsd.pk, "requested_party": du.pk, "area": area.pk, "kind": "coordination",
        "title": "Hạn theo ngày làm việc", "content": "x", "exchange_form": "writing", "urgency": 0,
        "confidentiality": 0, "reply_working_days": 3,
    })
    assert response.status_code == 302
    assert CoordinationRequest.objects.get(title="Hạn theo ngày làm việc").reply_deadline == D(2026, 2, 24)
