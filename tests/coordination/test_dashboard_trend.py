"""The leaders' dashboard shows the year month by month: sent, answered, answered on time, per body asked."""

import datetime

from django.urls import reverse
from django.utils import timezone

from coordination.models import RequestState as S

from .helpers import advance

DASHBOARD = reverse("coordination:dashboard")


def _at(year, month, day):
    return datetime.datetime(year, month, day, 9, tzinfo=timezone.get_current_timezone())


def _request(make_request, people, title, *, sent, answered=None, deadline):
    req = advance(make_request(people["a_staff"], title=title), S.ANSWERED if answered else S.SENT, **people)
    req.refresh_from_db()
    req.sent_at, req.answered_at, req.reply_deadline = sent, answered, deadline
    req.save()
    return req


def test_dashboard_trend_counts_each_month_for_the_body_asked(client_for, make_request, bcsd_staff, bcsd_leader,
                                                              du_staff, du_leader, du, django_assert_max_num_queries):
    people = {"a_staff": bcsd_staff, "a_leader": bcsd_leader, "b_staff": du_staff, "b_leader": du_leader}
    year = timezone.localdate().year
    _request(make_request, people, "Đúng hạn", sent=_at(year, 3, 2), answered=_at(year, 4, 1),
             deadline=datetime.date(year, 4, 10))
    _request(make_request, people, "Muộn", sent=_at(year, 3, 20), answered=_at(year, 5, 5),
             deadline=datetime.date(year, 4, 30))
    _request(make_request, people, "Chưa trả lời", sent=_at(year, 6, 1), deadline=datetime.date(year, 12, 31))
    _request(make_request, people, "Năm trước", sent=_at(year - 1, 3, 1), answered=_at(year - 1, 3, 9),
             deadline=datetime.date(year - 1, 3, 20))
    client = client_for(du_leader)
    client.get(DASHBOARD)
    with django_assert_max_num_queries(16):
        response = client.get(DASHBOARD)
    [trend] = response.context["trends"]
    assert trend.party == du
    by_month = {m["month"]: (m["sent"], m["answered"], m["on_time"]) for m in trend.months}
    assert by_month[3] == (2, 0, 0) and by_month[4] == (0, 1, 1) and by_month[5] == (0, 1, 0)
    assert by_month[6] == (1, 0, 0) and by_month[1] == (0, 0, 0)
    assert trend.total == {"sent": 3, "answered": 2, "on_time": 1}
    html = response.content.decode()
    chart = html[html.index('class="trend-chart"'):html.index("</svg>", html.index('class="trend-chart"'))]
    assert chart.count("<rect") == 5 and "style=" not in chart and "<script" not in chart
    assert '<td class="num">·</td>' not in html  # empty cells are empty, not dotted


def test_dashboard_without_requests_this_year_says_so(client_for, du_leader):
    response = client_for(du_leader).get(DASHBOARD)
    assert response.context["trends"] == []
