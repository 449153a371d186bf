"""Fixtures for meetings: a meeting convened by BCSĐ with members of both bodies invited."""

import datetime

import pytest
from django.utils import timezone

from coordination.models import MEETINGS_AND_INFORMATION_ARTICLE, CoordinationArea
from meetings import services


def at(days, hour=8, minute=0):
    """An aware datetime `days` from today at hour:minute in Asia/Ho_Chi_Minh."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def area(db):
    return CoordinationArea.objects.get(article_number=MEETINGS_AND_INFORMATION_ARTICLE)


@pytest.fixture
def make_meeting(bcsd, du, bcsd_staff, bcsd_leader, du_staff, du_leader):
    def make(days=7, by=None, party=None, invitees=None, **extra):
        fields = {
            "kind": "regular", "title": "Họp liên tịch quý IV", "place": "Phòng họp số 1",
            "starts_at": at(days, 8), "ends_at": at(days, 11, 30), "chair": bcsd_leader,
        }
        fields.update(extra)
        return services.meeting_convene(
            by=by or bcsd_staff, convening_party=party or bcsd,
            invitees=invitees if invitees is not None else [
                (bcsd_leader, bcsd), (bcsd_staff, bcsd), (du_leader, du), (du_staff, du)],
            **fields,
        )

    return make


@pytest.fixture
def meeting(make_meeting):
    return make_meeting()


@pytest.fixture
def past_meeting(make_meeting):
    return make_meeting(days=-2)


@pytest.fixture
def submitted_minutes(past_meeting, bcsd_staff, area, du):
    services.minutes_save(by=bcsd_staff, meeting=past_meeting, content="Hai bên đã thống nhất các nội dung.")
    services.conclusion_add(by=bcsd_staff, meeting=past_meeting, text="Đảng ủy xây dựng kế hoạch học tập nghị quyết.",
                            area=area, owner_party=du, deadline=timezone.localdate() + datetime.timedelta(days=30))
    return services.minutes_submit(by=bcsd_staff, meeting=past_meeting)


@pytest.fixture
def approved_minutes(submitted_minutes, bcsd_leader, du_leader, bcsd, du):
    services.minutes_approve(by=bcsd_leader, minutes=submitted_minutes, party=bcsd)
    return services.minutes_approve(by=du_leader, minutes=submitted_minutes, party=du)
