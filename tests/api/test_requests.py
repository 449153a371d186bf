"""/api/v1/requests/ seen from a client: the same matrix as the request pages (tests/coordination/
test_permissions_matrix.py, reused row by row), the response hidden where the page hides it, drafts with
ETag/If-Match, steps through the API and the page leaving the same traces, query budgets and junk input."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coordination.models import (
    Confidentiality,
    CoordinationRequest,
    Notification,
    RequestEvent,
    RequestKind,
    SecurityEvent,
)
from coordination.models import RequestState as S
from coordination.services import requests as request_services
from tests.coordination.helpers import advance
from tests.coordination.test_permissions_matrix import STEP_ROWS, STEPS, VIEW_ROWS

pytestmark = pytest.mark.django_db
DENIED = SecurityEvent.Kind.ACCESS_DENIED


def url(req=None, tail=""):
    return "/api/v1/requests/" + (f"{getattr(req, 'pk', req)}/" if req is not None else "") + tail


def step(client, req, action, user=None, **extra):
    body = {"action": action, "comment": "Ý kiến kèm theo", **extra}
    if action == "acknowledge" and user is not None:
        body.setdefault("officers", [user.pk])
    if action == "draft_response":
        body.setdefault("response_content", "Trả lời")
    return client.post(url(req, "transitions/"), body, format="json")


@pytest.fixture
def api_cast(api_for, cast):
    """api_cast("A staff") -> (user, an API client signed in as that user with a token)."""

    def make(person):
        user = cast(person)
        return user, api_for(user)

    return make


# -- the pages' matrix, row by row --
@pytest.mark.parametrize("action, person, answer", STEP_ROWS, ids=[f"{a}-{p}-{r}" for a, p, r in STEP_ROWS])
def test_workflow_step_matrix(api_cast, request_in, action, person, answer):
    start, target, _allowed = STEPS[action]
    req = request_in(start)
    user, client = api_cast(person)
    denied_before = SecurityEvent.objects.filter(kind=DENIED).count()
    response = step(client, req, action, user)
    state_after = CoordinationRequest.objects.get(pk=req.pk).state
    if answer == "ok":
        assert response.status_code == 200, response.json()
        assert state_after == target == response.json()["state"]
    else:
        assert response.status_code == answer
        assert state_after == start
        assert set(response.json()) == {"detail", "errors"}
        assert SecurityEvent.objects.filter(kind=DENIED).count() == denied_before + 1  # both 403 and 404 logged


@pytest.mark.parametrize("state, person, code", VIEW_ROWS, ids=[f"{s}-{p}-{c}" for s, p, c in VIEW_ROWS])
def test_view_request_matrix(api_cast, request_in, state, person, code):
    req = request_in(state)
    _user, client = api_cast(person)
    assert client.get(url(req)).status_code == code
    listed = [r["id"] for r in client.get(url(), {"page_size": 100}).json()["results"]]
    assert (req.pk in listed) == (code == 200)


def test_another_bodys_draft_by_id_is_404_and_logged(api_for, make_request, bcsd_staff, du_staff):
    draft = make_request(bcsd_staff)
    response = api_for(du_staff).get(url(draft))
    assert response.status_code == 404
    assert SecurityEvent.objects.filter(kind=DENIED, user=du_staff, detail__contains=str(draft.pk)).exists()
    assert api_for(du_staff).get(url(), {"q": "nhận xét"}).json()["results"] == []


def test_allowed_actions_are_the_pages_buttons(api_for, request_in, bcsd_staff, bcsd_leader, du_staff):
    req = request_in(S.AWAITING_APPROVAL)
    assert api_for(bcsd_leader).get(url(req)).json()["allowed_actions"] == ["return_draft", "approve_send", "cancel"]
    assert api_for(bcsd_staff).get(url(req)).json()["allowed_actions"] == ["cancel"]
    sent = request_in(S.SENT)
    body = api_for(du_staff).get(url(sent)).json()
    assert body["allowed_actions"] == ["acknowledge"] and body["can_comment"] and not body["can_edit"]


# -- the requested body's unapproved response --
SECRET_WORD = "Khoángsản"  # written only in the response draft


def _seen(client, req):
    detail = client.get(url(req)).json()
    found = [r["id"] for r in client.get(url(), {"q": "khoangsan"}).json()["results"]]
    return detail["response_content"], detail["response_visible"], req.pk in found


def test_unapproved_response_is_hidden_from_the_requesting_body(
        api_for, request_in, bcsd_staff, bcsd_leader, du_staff, du_leader):
    req = request_in(S.ACKNOWLEDGED)
    request_services.request_save_response(by=du_staff, creq=req, response_content=f"Dự thảo {SECRET_WORD}")
    a_staff, a_leader, b_staff = api_for(bcsd_staff), api_for(bcsd_leader), api_for(du_staff)
    for state in (S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL):
        if state == S.RESPONSE_AWAITING_APPROVAL:
            request_services.request_submit_response(by=du_staff, creq=req)
        assert _seen(a_staff, req) == (None, False, False)
        assert _seen(a_leader, req) == (None, False, False)
        assert _seen(b_staff, req) == (f"Dự thảo {SECRET_WORD}", True, True)
    request_services.request_approve_response(by=du_leader, creq=req)
    assert _seen(a_staff, req) == (f"Dự thảo {SECRET_WORD}", True, True)
    # "Ask for more": B drafts again in the same field; A no longer sees it until B's leader approves.
    request_services.request_ask_more(by=bcsd_staff, creq=req, comment="Bổ sung")
    request_services.request_save_response(by=du_staff, creq=req, response_content="Bản mới Thanhtra")
    assert _seen(a_staff, req) == (None, False, False)
    assert api_for(bcsd_staff).get(url(), {"q": "thanhtra"}).json()["results"] == []


# -- steps: refusals, wrong state, bad input --
def test_wrong_state_is_409_and_nothing_changes(api_for, make_request, bcsd_staff, bcsd_leader):
    draft = make_request(bcsd_staff)
    events = RequestEvent.objects.count()
    response = step(api_for(bcsd_leader), draft, "approve_send")
    assert response.status_code == 409 and response.json()["detail"]
    assert CoordinationRequest.objects.get(pk=draft.pk).state == S.DRAFT
    assert RequestEvent.objects.count() == events and not Notification.objects.exists()


def test_step_refused_is_403_and_logged(api_for, request_in, bcsd_staff):
    req = request_in(S.AWAITING_APPROVAL)
    response = step(api_for(bcsd_staff), req, "approve_send")
    assert response.status_code == 403
    assert SecurityEvent.objects.filter(kind=DENIED, user=bcsd_staff).count() == 1
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.AWAITING_APPROVAL


@pytest.mark.parametrize("body, field", [
    ({"action": "fly"}, "action"), ({"action": 12}, "action"), ({}, "action"),
    ({"action": "return_draft", "comment": ""}, "non_field_errors"),
    ({"action": "return_draft", "comment": {"a": 1}}, "comment"),
])
def test_bad_step_input_is_400_and_nothing_changes(api_for, request_in, bcsd_leader, body, field):
    req = request_in(S.AWAITING_APPROVAL)
    response = api_for(bcsd_leader).post(url(req, "transitions/"), body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.AWAITING_APPROVAL


def test_acknowledge_refuses_officers_of_another_body(api_for, request_in, bcsd_staff, du_staff):
    req = request_in(S.SENT)
    response = step(api_for(du_staff), req, "acknowledge", officers=[bcsd_staff.pk])
    assert response.status_code == 400 and "officers" in response.json()["errors"]
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.SENT


def test_transition_honours_an_optional_if_match(api_for, request_in, bcsd_leader):
    req = request_in(S.AWAITING_APPROVAL)
    client = api_for(bcsd_leader)
    etag = client.get(url(req))["ETag"]
    assert client.post(url(req, "transitions/"), {"action": "approve_send"}, format="json",
                       HTTP_IF_MATCH='"stale"').status_code == 412
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.AWAITING_APPROVAL
    response = client.post(url(req, "transitions/"), {"action": "approve_send"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200 and response.json()["state"] == S.SENT
    assert response["ETag"] == client.get(url(req))["ETag"]


# -- the same traces through the API and through the page --
def _traces(req):
    events = list(RequestEvent.objects.filter(request=req).order_by("pk").values_list(
        "action", "from_state", "to_state", "by", "comment"))
    history = list(req.history.order_by("history_id").values_list(
        "history_change_reason", "history_user", "history_type", "state", "response_content"))
    notes = sorted(Notification.objects.filter(url__endswith=f"/{req.pk}/").values_list(
        "recipient", "actor", "subject", "body"))
    return events, history, notes


@pytest.mark.parametrize("action, start, who", [
    ("submit", S.DRAFT, "bcsd_staff"), ("approve_send", S.AWAITING_APPROVAL, "bcsd_leader"),
    ("acknowledge", S.SENT, "du_staff"), ("draft_response", S.ACKNOWLEDGED, "du_staff"),
    ("return_response", S.RESPONSE_AWAITING_APPROVAL, "du_leader"), ("close", S.ANSWERED, "bcsd_staff"),
])
def test_a_step_through_the_api_and_the_page_leaves_the_same_traces(
        request, api_for, client_for, make_request, bcsd_staff, bcsd_leader, du_staff, du_leader, action, start, who):
    people = {"a_staff": bcsd_staff, "a_leader": bcsd_leader, "b_staff": du_staff, "b_leader": du_leader}
    by_api, by_page = (advance(make_request(bcsd_staff, title="Giống nhau"), start, **people) for _ in range(2))
    user = request.getfixturevalue(who)
    mail.outbox.clear()
    assert step(api_for(user), by_api, action, user).status_code == 200
    api_mails = len(mail.outbox)
    page = client_for(user)
    if action == "acknowledge":
        response = page.post(reverse("coordination:request_acknowledge", args=[by_page.pk]),
                             {"officers": [user.pk], "comment": "Ý kiến kèm theo"})
    elif action == "draft_response":
        response = page.post(reverse("coordination:request_response", args=[by_page.pk]),
                             {"response_content": "Trả lời"})
    else:
        response = page.post(reverse("coordination:request_step", args=[by_page.pk, action]),
                             {f"{action}-comment": "Ý kiến kèm theo"})
    assert response.status_code == 302
    assert _traces(by_api) == _traces(by_page)
    assert len(mail.outbox) - api_mails == api_mails


# -- drafts: create and edit --
def _draft_body(du, area, **extra):
    return {"requested_party": du.pk, "area": area.pk, "kind": "coordination", "title": "Đề nghị qua API",
            "content": "Nội dung", **extra}


def test_staff_create_a_draft_for_their_body(api_for, bcsd, du, area, bcsd_staff):
    response = api_for(bcsd_staff).post(url(), _draft_body(du, area, reply_working_days=5,
                                                           requesting_officers=[bcsd_staff.pk]), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    req = CoordinationRequest.objects.get(pk=body["id"])
    assert (req.state, req.requesting_party, req.created_by) == (S.DRAFT, bcsd, bcsd_staff)
    assert req.reply_deadline > timezone.localdate() and body["requesting_party"] == bcsd.pk
    assert [o["id"] for o in body["requesting_officers"]] == [bcsd_staff.pk]
    assert body["allowed_actions"] == ["submit", "cancel"] and response["ETag"]


@pytest.mark.parametrize("person, code", [
    ("A staff", 201), ("A leader", 201), ("B staff", 400), ("B leader", 400), ("admin", 403), ("outsider", 403),
])
def test_only_members_of_a_body_create_requests_for_it(api_cast, bcsd, du, area, person, code):
    _user, client = api_cast(person)
    response = client.post(url(), _draft_body(du, area, requesting_party=bcsd.pk), format="json")
    assert response.status_code == code
    assert CoordinationRequest.objects.filter(requesting_party=bcsd).exists() == (code == 201)


@pytest.mark.parametrize("extra, field", [
    ({"title": {"x": 1}}, "title"), ({"area": "abc"}, "area"), ({"area": 10**30}, "area"), ({"area": 999}, "area"),
    ({"reply_deadline": "2001-01-01"}, "reply_deadline"), ({"reply_deadline": "hôm nay"}, "reply_deadline"),
    ({"reply_deadline": "2099-01-01", "reply_working_days": 3}, "non_field_errors"),
    ({"confidentiality": 3}, "confidentiality"), ({"requested_party": "BCSD"}, "requested_party"),
    ({"requesting_officers": "all"}, "requesting_officers"), ({"kind": ["opinion"]}, "kind"),
])
def test_bad_drafts_are_400_and_nothing_is_saved(api_for, bcsd, du, area, bcsd_staff, du_staff, extra, field):
    response = api_for(bcsd_staff).post(url(), {**_draft_body(du, area), **extra}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert not CoordinationRequest.objects.exists()


def test_a_draft_cannot_name_another_bodys_officers_or_go_to_itself(api_for, bcsd, du, area, bcsd_staff, du_staff):
    client = api_for(bcsd_staff)
    response = client.post(url(), _draft_body(du, area, requesting_officers=[du_staff.pk]), format="json")
    assert response.status_code == 400 and "requesting_officers" in response.json()["errors"]
    response = client.post(url(), _draft_body(du, area, requested_party=bcsd.pk), format="json")
    assert response.status_code == 400 and "requested_party" in response.json()["errors"]
    assert not CoordinationRequest.objects.exists()


def test_editing_a_draft_needs_the_etag(api_for, make_request, bcsd_staff, bcsd_leader):
    draft = make_request(bcsd_staff)
    staff, leader = api_for(bcsd_staff), api_for(bcsd_leader)
    etag = staff.get(url(draft))["ETag"]
    assert staff.patch(url(draft), {"title": "Không có ETag"}, format="json").status_code == 428
    assert leader.patch(url(draft), {"title": "Người khác sửa trước"}, format="json",
                        HTTP_IF_MATCH=leader.get(url(draft))["ETag"]).status_code == 200
    stale = staff.patch(url(draft), {"title": "Ghi đè"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and set(stale.json()) == {"detail", "errors"}
    assert CoordinationRequest.objects.get(pk=draft.pk).title == "Người khác sửa trước"
    fresh = staff.get(url(draft))["ETag"]
    response = staff.patch(url(draft), {"title": "Đã sửa", "reply_working_days": 2}, format="json",
                           HTTP_IF_MATCH=fresh)
    assert response.status_code == 200 and response.json()["title"] == "Đã sửa"
    saved = CoordinationRequest.objects.get(pk=draft.pk)
    assert saved.title == "Đã sửa" and saved.reply_deadline is not None
    assert response["ETag"] == staff.get(url(draft))["ETag"]
    assert saved.history.first().history_change_reason == "update"


def test_put_replaces_the_whole_draft(api_for, make_request, bcsd, du, area, bcsd_staff):
    draft = make_request(bcsd_staff)
    client = api_for(bcsd_staff)
    response = client.put(url(draft), _draft_body(du, area, title="Thay cả", kind="opinion"), format="json",
                          HTTP_IF_MATCH=client.get(url(draft))["ETag"])
    assert response.status_code == 200
    assert CoordinationRequest.objects.get(pk=draft.pk).kind == RequestKind.OPINION


@pytest.mark.parametrize("state, person, code", [
    (S.DRAFT, "B staff", 404), (S.AWAITING_APPROVAL, "A staff", 403), (S.SENT, "A leader", 403),
    (S.SENT, "B staff", 403), (S.DRAFT, "admin", 404),
])
def test_only_drafts_are_edited_by_their_body(api_cast, request_in, state, person, code):
    req = request_in(state)
    _user, client = api_cast(person)
    response = client.patch(url(req), {"title": "Sửa trái phép"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == code
    assert CoordinationRequest.objects.get(pk=req.pk).title != "Sửa trái phép"
    assert SecurityEvent.objects.filter(kind=DENIED).exists()


# -- officers, comments, opinions --
@pytest.mark.parametrize("side, state, person, code", [
    ("requesting", S.SENT, "A staff", 200), ("requesting", S.SENT, "B leader", 403),
    ("requested", S.SENT, "B staff", 403), ("requested", S.ACKNOWLEDGED, "B leader", 200),
    ("requested", S.ACKNOWLEDGED, "A leader", 403), ("requesting", S.CLOSED, "A staff", 403),
    ("requesting", S.DRAFT, "B staff", 404), ("sideways", S.SENT, "A staff", 404),
])
def test_officers_matrix(api_cast, request_in, side, state, person, code):
    req = request_in(state)
    user, client = api_cast(person)
    response = client.put(url(req, f"officers/{side}/"), {"officers": [user.pk]}, format="json")
    assert response.status_code == code
    if code == 200:
        assert [o["id"] for o in response.json()["officers"]] == [user.pk]
        assert client.get(url(req, f"officers/{side}/")).json()["officers"] == response.json()["officers"]


def test_officers_must_belong_to_the_side(api_for, request_in, bcsd_staff, du_staff):
    req = request_in(S.SENT)
    response = api_for(bcsd_staff).put(url(req, "officers/requesting/"), {"officers": [du_staff.pk]}, format="json")
    assert response.status_code == 400 and "officers" in response.json()["errors"]
    client = api_for(bcsd_staff)
    etag = client.get(url(req, "officers/requesting/"))["ETag"]
    assert client.put(url(req, "officers/requesting/"), {"officers": []}, format="json",
                      HTTP_IF_MATCH='"old"').status_code == 412
    assert client.put(url(req, "officers/requesting/"), {"officers": []}, format="json",
                      HTTP_IF_MATCH=etag).status_code == 200


@pytest.mark.parametrize("state, person, code", [
    (S.DRAFT, "A staff", 201), (S.DRAFT, "B staff", 404), (S.SENT, "B staff", 201), (S.SENT, "A leader", 201),
    (S.SENT, "admin", 404), (S.CLOSED, "A staff", 403),
])
def test_comments_matrix(api_cast, request_in, state, person, code):
    req = request_in(state)
    _user, client = api_cast(person)
    response = client.post(url(req, "comments/"), {"body": "Trao đổi"}, format="json")
    assert response.status_code == code
    if code == 201:
        assert [c["body"] for c in client.get(url(req, "comments/")).json()["results"]] == ["Trao đổi"]
    assert client.post(url(req, "comments/"), {"body": "  "}, format="json").status_code in (400, code)


def test_opinions_of_consulted_leaders(api_for, make_request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    req = advance(make_request(bcsd_staff, kind=RequestKind.OPINION), S.SENT, a_staff=bcsd_staff,
                  a_leader=bcsd_leader, b_staff=du_staff, b_leader=du_leader)
    response = step(api_for(du_staff), req, "acknowledge", du_staff, consulted_leaders=[du_leader.pk])
    assert response.status_code == 200
    assert api_for(bcsd_leader).post(url(req, "opinions/"), {"content": "Đồng ý"}, format="json").status_code == 403
    assert api_for(du_staff).post(url(req, "opinions/"), {"content": "Đồng ý"}, format="json").status_code == 403
    given = api_for(du_leader).post(url(req, "opinions/"), {"content": "Đồng ý"}, format="json")
    assert given.status_code == 201 and given.json()["given_at"]
    listed = api_for(bcsd_staff).get(url(req, "opinions/")).json()["results"]
    assert [(o["leader"]["id"], o["content"]) for o in listed] == [(du_leader.pk, "Đồng ý")]


# -- query budget and junk --
def _many(make_request, user, n):
    for i in range(n):
        make_request(user, title=f"Đề nghị {i}", reply_deadline=timezone.localdate() + datetime.timedelta(days=i))


def test_the_list_runs_the_same_few_queries_with_5_and_50_requests(
        api_for, make_request, bcsd_staff, django_assert_max_num_queries, django_assert_num_queries):
    client = api_for(bcsd_staff)
    _many(make_request, bcsd_staff, 5)
    client.get(url())  # warm: content types, the token's first use
    with django_assert_max_num_queries(15) as small:
        assert len(client.get(url(), {"page_size": 100, "q": "de nghi", "sort": "deadline"}).json()["results"]) == 5
    _many(make_request, bcsd_staff, 45)
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(client.get(url(), {"page_size": 100, "q": "de nghi", "sort": "deadline"}).json()["results"]) == 50


@pytest.mark.parametrize("path", [
    "abc/", "-1/", "1.5/", "99999999999999999999999/", "9223372036854775808/", "%F0%9F%98%80/", "0/",
    "abc/transitions/", "abc/comments/", "abc/opinions/", "abc/officers/requesting/",
])
def test_junk_ids_are_404(api_for, bcsd_staff, path):
    client = api_for(bcsd_staff)
    for method in (client.get, client.post):
        response = method(url() + path, {"action": "submit"}, format="json")
        assert response.status_code in (404, 405)
        assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize("params", [
    {"party": "abc"}, {"area": "9" * 40}, {"state": "lost"}, {"direction": "up"}, {"date_from": "hôm qua"},
    {"deadline": "2026-13-45"}, {"sort": "pk"}, {"overdue": "maybe"}, {"area": ""}, {"state": ""},
])
def test_bad_filters_are_400(api_for, bcsd_staff, params):
    response = api_for(bcsd_staff).get(url(), params)
    assert response.status_code == 400 and response.json()["errors"]


@pytest.mark.parametrize("params", [
    {"page": "99999999999999999999"}, {"page": "abc"}, {"page_size": "-3"}, {"page_size": "10000000"},
    {"q": "'; drop table x; --" * 20}, {"q": "\x00"}, {"unknown": "x"},
])
def test_odd_pages_and_queries_answer(api_for, make_request, bcsd_staff, params):
    make_request(bcsd_staff)
    assert api_for(bcsd_staff).get(url(), params).status_code in (200, 400)


def test_wrong_body_shapes_are_4xx(api_for, request_in, bcsd_staff, bcsd, du, area):
    req = request_in(S.DRAFT)
    client = api_for(bcsd_staff)
    assert client.post(url(), [1, 2], format="json").status_code == 400
    assert client.post(url(), "null", content_type="application/json").status_code == 400
    assert client.post(url(), "{not json", content_type="application/json").status_code == 400
    assert client.post(url(), "x", content_type="text/plain").status_code == 415
    assert client.post(url(req, "transitions/"), ["submit"], format="json").status_code == 400
    assert client.post(url(req, "transitions/"), {"action": "acknowledge", "officers": "x"},
                       format="json").status_code == 400
    assert client.post(url(req, "comments/"), {"body": ["a"]}, format="json").status_code == 400
    assert client.put(url(req, "officers/requesting/"), {"officers": [None]}, format="json").status_code == 400
    assert client.delete(url(req)).status_code == 405
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.DRAFT


# -- history --
def _history(client, req, **params):
    response = client.get(url(req, "history/"), params)
    assert response.status_code == 200
    return response.json()


def test_history_hides_the_unapproved_response_draft_as_the_page_does(
        api_for, client_for, request_in, bcsd_staff, du_staff, make_request):
    req = request_in(S.ACKNOWLEDGED)
    request_services.request_save_response(by=du_staff, creq=req, response_content=f"Dự thảo {SECRET_WORD}")
    request_services.comment_add(by=bcsd_staff, creq=req, body="Trao đổi thêm")
    a_history, b_history = _history(api_for(bcsd_staff), req), _history(api_for(du_staff), req)
    assert SECRET_WORD not in str(a_history) and SECRET_WORD in str(b_history)
    assert a_history["count"] == len(a_history["results"]) > 3
    page = client_for(bcsd_staff).get(reverse("coordination:request_history", args=[req.pk]))
    assert len(page.context["entries"]) == a_history["count"]
    draft = make_request(bcsd_staff)
    assert api_for(du_staff).get(url(draft, "history/")).status_code == 404
    assert _history(api_for(bcsd_staff), req, page="99999999999999999999", page_size="abc")["results"]


# -- the list is the page's list --
@pytest.mark.parametrize("params", [
    {}, {"state": "open"}, {"state": "draft"}, {"direction": "made"}, {"direction": "received"}, {"waiting": "on"},
    {"q": "nhan xet"}, {"sort": "title"}, {"sort": "-deadline", "overdue": "false"}, {"date_from": "2000-01-01"},
])
def test_the_list_answers_what_the_page_lists(api_for, client_for, request_in, du_staff, params):
    for state in (S.DRAFT, S.SENT, S.RESPONDING, S.ANSWERED, S.CLOSED):
        request_in(state)
    page = client_for(du_staff).get(reverse("coordination:request_list"), params)
    api = api_for(du_staff).get(url(), params).json()
    assert [r["id"] for r in api["results"]] == [r.pk for r in page.context["page"].object_list]


def test_a_confidential_request_is_404_without_clearance(api_for, make_request, bcsd_staff, bcsd_leader, du_staff,
                                                        du_leader):
    req = make_request(bcsd_staff, confidentiality=Confidentiality.MAT)
    advance(req, S.SENT, a_staff=bcsd_staff, a_leader=bcsd_leader, b_staff=du_staff, b_leader=du_leader)
    assert api_for(du_staff).get(url(req)).status_code == 404  # ĐU staff hold no clearance
    assert api_for(du_leader).get(url(req)).status_code == 200
    assert api_for(du_staff).get(url()).json()["results"] == []


@pytest.mark.parametrize("path", ["/api/v1/requests/%C2%AD%C2%9A/", "/api/v1/requests/1/nowhere/", "/api/v1/nowhere/"])
def test_addresses_no_view_answers_are_404_in_the_error_format(api_for, bcsd_staff, path):
    response = api_for(bcsd_staff).get(path)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail", "errors"}
