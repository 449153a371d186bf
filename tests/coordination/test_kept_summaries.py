"""The dashboard's counts and the calendar's deadlines are kept between visits (coordination.figures_cache), yet
never miss what has changed since, never show what another person sees, and a cache that is down never costs
the page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import Clearance, Confidentiality, Role
from coordination.models import RequestState as S
from coordination.services import requests as request_services

from .helpers import advance

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("coordination:dashboard")


@pytest.fixture
def people(bcsd_staff, bcsd_leader, du_staff, du_leader):
    return {"a_staff": bcsd_staff, "a_leader": bcsd_leader, "b_staff": du_staff, "b_leader": du_leader}


def _open(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.context["open_total"], response.context["totals"]["answered"]


def test_each_workflow_step_shows_at_once_on_a_dashboard_already_seen(client_for, make_request, people):
    leader = client_for(people["b_leader"])
    assert _open(leader) == (0, 0)
    req = advance(make_request(people["a_staff"], title="Phối hợp mới"), S.SENT, **people)
    assert _open(leader) == (1, 0)
    advance(req, S.ANSWERED, **people)
    assert _open(leader) == (1, 1)  # answered, open until the requesting body closes it
    request_services.request_close(by=people["a_staff"], creq=req)
    assert _open(leader) == (0, 1)
    assert _open(client_for(people["a_leader"])) == (0, 1)


def test_people_who_see_different_requests_never_share_figures(client_for, make_request, make_member, bcsd,
                                                                people):
    # Same body, same role: only the clearance differs, and with it the requests counted.
    cleared = people["a_leader"]  # Tối mật
    uncleared = make_member("bcsd.leader2", (bcsd, Role.LEADER, Clearance.NONE))
    advance(make_request(people["a_staff"], title="Thường"), S.SENT, **people)
    advance(make_request(people["a_staff"], title="Mật", confidentiality=Confidentiality.MAT), S.SENT, **people)
    assert _open(client_for(uncleared)) == (1, 0)
    assert _open(client_for(cleared)) == (2, 0)
    assert _open(client_for(uncleared)) == (1, 0)
    # The other body sees the two sent requests too, through its own groups.
    assert _open(client_for(people["b_leader"])) == (2, 0)


def test_the_dashboard_is_served_when_the_shared_cache_is_down(client_for, make_request, people, settings, caplog):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.2}}}
    advance(make_request(people["a_staff"]), S.SENT, **people)
    assert _open(client_for(people["b_leader"])) == (1, 0)
    assert "Summaries not cached" in caplog.text


def test_a_request_sent_now_shows_its_deadline_on_a_calendar_month_already_seen(client_for, make_request, people):
    next_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=10)
    month = reverse("meetings:calendar_month") + f"?thang={next_month:%Y-%m}"
    advance(make_request(people["a_staff"], title="Đề nghị thứ nhất", reply_deadline=next_month), S.SENT, **people)
    html = client_for(people["b_staff"]).get(month).content.decode()
    assert "Đề nghị thứ nhất" in html and "Đề nghị thứ hai" not in html
    advance(make_request(people["a_staff"], title="Đề nghị thứ hai", reply_deadline=next_month + datetime.timedelta(1)),
            S.SENT, **people)
    html = client_for(people["b_staff"]).get(month).content.decode()
    assert "Đề nghị thứ nhất" in html and "Đề nghị thứ hai" in html
