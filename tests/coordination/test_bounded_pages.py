"""Pages stay one page at any data size: counts come from aggregates, lists show their first rows and
link to the full, paginated list; counts stop a little past the page asked for."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import CoordinationRequest
from coordination.paging import CappedPaginator
from coordination.services import requests as request_services

pytestmark = pytest.mark.django_db
LIST = reverse("coordination:request_list")


def _submitted(make_request, staff, n, **extra):
    for i in range(n):
        request_services.request_submit(by=staff, creq=make_request(staff, title=f"Chờ duyệt {i:02d}", **extra))


def test_inbox_shows_the_count_and_first_rows_and_links_to_the_whole_list(client_for, make_request, bcsd_staff,
                                                                           bcsd_leader):
    _submitted(make_request, bcsd_staff, 13)
    client = client_for(bcsd_leader)
    response = client.get(reverse("coordination:inbox"))
    assert response.context["waiting_count"] == 13 and len(response.context["waiting"]) == 10
    html = response.content.decode()
    assert "?waiting=on&amp;sort=deadline" in html and "Xem tất cả 13 đề nghị chờ bước của tôi" in html
    listed = client.get(LIST, {"waiting": "on", "sort": "deadline"})
    assert listed.context["page"].paginator.count == 13
    assert client_for(bcsd_staff).get(LIST, {"waiting": "on"}).context["page"].paginator.count == 0


def test_dashboard_counts_every_overdue_request_and_lists_the_first(client_for, make_request, bcsd_staff,
                                                                   bcsd_leader, du_leader):
    for i in range(12):
        soon = timezone.localdate() + datetime.timedelta(3)
        req = make_request(bcsd_staff, title=f"Quá hạn {i}", reply_deadline=soon)
        request_services.request_submit(by=bcsd_staff, creq=req)
        request_services.request_approve_send(by=bcsd_leader, creq=req)
    CoordinationRequest.objects.update(reply_deadline=timezone.localdate() - datetime.timedelta(1))
    response = client_for(du_leader).get(reverse("coordination:dashboard"))
    assert response.context["overdue_count"] == 12 and len(response.context["overdue_list"]) == 10
    assert "Xem tất cả 12 đề nghị quá hạn" in response.content.decode()


def test_calendar_day_shows_three_reply_deadlines_and_a_link_to_the_rest(client_for, make_request, bcsd_staff):
    day = timezone.localdate()
    for i in range(5):
        make_request(bcsd_staff, title=f"Hạn hôm nay {i}", reply_deadline=day)
    client = client_for(bcsd_staff)
    html = client.get(reverse("meetings:calendar_month")).content.decode()
    assert html.count("Hạn hôm nay") == 2 * 3  # the grid and the list view of the month
    assert f"?deadline={day.isoformat()}&amp;sort=deadline" in html and "Thêm 2 hạn trả lời" in html
    assert client.get(LIST, {"deadline": day.isoformat()}).context["page"].paginator.count == 5


def test_list_count_stops_past_the_page_asked_for(make_request, bcsd_staff):
    for i in range(7):
        make_request(bcsd_staff, title=f"Đề nghị {i}")
    qs = CoordinationRequest.objects.order_by("-pk")
    page = CappedPaginator(qs, 2, ahead=2).get_page(1)
    assert page.paginator.capped and page.paginator.count == 5 and page.has_next()
    deep = CappedPaginator(qs, 2, ahead=2).get_page(4)
    assert not deep.paginator.capped and deep.number == 4 and len(deep) == 1


def test_a_capped_list_says_more_than(client_for, make_request, bcsd_staff, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "__init__", _small_cap)
    for i in range(4):
        make_request(bcsd_staff, title=f"Đề nghị {i}")
    html = client_for(bcsd_staff).get(LIST).content.decode()
    assert "Hơn 1 đề nghị" in html


def _small_cap(self, object_list, per_page, ahead=1000, **kwargs):
    from django.core.paginator import Paginator

    Paginator.__init__(self, object_list, 1, **kwargs)
    self.ahead, self.limit = 0, 0
