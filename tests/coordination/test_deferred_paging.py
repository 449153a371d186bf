"""DeferredPaginator (the page's ids and the capped count in one query, then the rows by id) gives the
same pages as CappedPaginator: same rows in the same order, same number, count and cap, for every page
asked for, including past the end, below 1 and not a number."""

import pytest

from coordination.models import CoordinationRequest
from coordination.paging import CappedPaginator, DeferredPaginator
from coordination.selectors import requests as request_selectors

pytestmark = pytest.mark.django_db
NUMBERS = ("1", "2", "3", "4", "5", "9", "999999999999", "0", "-1", "x", "2.5", None)


def _same(qs, per_page, ahead, **kwargs):
    for number in NUMBERS:
        plain = CappedPaginator(qs, per_page, ahead=ahead).get_page(number)
        deferred = DeferredPaginator(qs, per_page, ahead=ahead, **kwargs).get_page(number)
        assert [r.pk for r in deferred.object_list] == [r.pk for r in plain.object_list], number
        assert (deferred.number, deferred.paginator.count, deferred.paginator.capped, deferred.has_next()) == (
            plain.number, plain.paginator.count, plain.paginator.capped, plain.has_next()), number


def test_the_same_pages_as_the_capped_paginator(make_request, bcsd_staff):
    for i in range(9):
        make_request(bcsd_staff, title=f"Đề nghị {i % 4}")  # equal titles: ties broken by the id, as the list does
    for order in (("-created_at", "-pk"), ("title", "-pk"), ("-title", "-pk"), ("pk",)):
        qs = CoordinationRequest.objects.order_by(*order)
        _same(qs, 2, 2)
        _same(qs, 2, 1000)
        _same(qs, 4, 0, rows=request_selectors.request_list_rows)


def test_the_request_list_of_a_user_and_an_empty_list(make_request, bcsd_staff, du_staff):
    for i in range(5):
        make_request(bcsd_staff, title=f"Đề nghị {i}")
    for user in (bcsd_staff, du_staff):  # the drafts are seen by their body only
        _same(request_selectors.request_list(user=user), 2, 2, rows=request_selectors.request_list_rows)
    _same(CoordinationRequest.objects.none(), 2, 2)
    _same(CoordinationRequest.objects.filter(title="none such").order_by("pk"), 2, 2)
