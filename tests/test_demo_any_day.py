"""The demo loads whatever the day and hour: every step it replays must lie in the past.

Its story is counted from the real today in Vietnam (coordination.demo.clock), so a step placed "the working
day after" a recent one lands on today on a Monday, and before its hour on a Monday morning that step would
be in the future and `make run` would fail. Each moment below is a real time the demo could be loaded at."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from coordination.demo import clock, load_demo
from coordination.models import CoordinationRequest
from meetings.models import Meeting

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# A Monday just after midnight and early morning, a Sunday evening, a Saturday morning (local time).
MOMENTS = [datetime.datetime(2026, 11, 30, 0, 15, tzinfo=HANOI), datetime.datetime(2026, 11, 30, 8, 40, tzinfo=HANOI),
           datetime.datetime(2026, 11, 29, 23, 50, tzinfo=HANOI), datetime.datetime(2026, 11, 28, 6, 0, tzinfo=HANOI)]


@pytest.mark.django_db
@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.strftime("%a-%H%M"))
def test_the_demo_loads_at_any_hour_of_any_day(moment, monkeypatch):
    shift = moment - clock.real_now()
    real_now = clock.real_now
    monkeypatch.setattr(clock, "real_now", lambda: real_now() + shift)
    with time_machine.travel(moment, tick=True):
        load_demo()
    assert CoordinationRequest.objects.exists() and Meeting.objects.exists()
