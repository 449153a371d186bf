"""The permission matrix of docs/permissions.md, row by row, through HTTP.

Meetings are convened by BCSĐ ("own" body = BCSĐ, "other" = ĐU); notices go from BCSĐ to ĐU.
403 = forbidden action, 404 = an object the user may not see (its existence does not leak).
"""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from meetings import services

pytestmark = pytest.mark.django_db

USERS = ["bcsd_staff", "bcsd_leader", "du_staff", "du_leader", "reg_admin", "outsider"]


def expect(**by_user):
    """Expected status per user; users not named get the `rest` value."""
    rest = by_user.pop("rest", None)
    return [(user, by_user.get(user, rest)) for user in USERS]


# (action, state, {user: expected status})
MATRIX = [
    ("view meeting", "scheduled", expect(outsider=404, rest=200)),
    ("convene meeting", "-", expect(reg_admin=403, outsider=403, rest=200)),
    ("change meeting", "scheduled", expect(bcsd_staff=200, bcsd_leader=200, outsider=404, rest=403)),
    ("change meeting", "minutes awaiting approval", expect(outsider=404, rest=403)),
    ("cancel meeting", "scheduled", expect(bcsd_staff=200, bcsd_leader=200, outsider=404, rest=403)),
    ("cancel meeting", "minutes drafted", expect(outsider=404, rest=403)),
    ("record attendance", "meeting day reached", expect(bcsd_staff=200, bcsd_leader=200, outsider=404, rest=403)),
    ("record attendance", "before the meeting day", expect(outsider=404, rest=403)),
    ("draft minutes", "meeting day reached", expect(bcsd_staff=200, outsider=404, rest=403)),
    ("draft minutes", "minutes awaiting approval", expect(outsider=404, rest=403)),
    ("submit minutes", "minutes drafted", expect(bcsd_staff=302, outsider=404, rest=403)),
    ("approve minutes for own body", "minutes awaiting approval",
     expect(bcsd_leader=302, du_leader=302, outsider=404, rest=403)),
    ("approve minutes", "minutes approved", expect(outsider=404, rest=403)),
    ("return minutes for own body", "minutes awaiting approval",
     expect(bcsd_leader=302, du_leader=302, outsider=404, rest=403)),
    ("create follow-up request (ĐU in charge)", "minutes approved",
     expect(bcsd_staff=302, bcsd_leader=302, outsider=404, rest=403)),
    ("create follow-up request", "minutes awaiting approval", expect(outsider=404, rest=403)),
    ("attach document to meeting", "scheduled", expect(bcsd_staff=200, bcsd_leader=200, outsider=404, rest=403)),
    ("attach document to meeting", "minutes drafted",
     expect(bcsd_staff=200, bcsd_leader=200, outsider=404, rest=403)),
    ("attach document to meeting", "minutes awaiting approval", expect(outsider=404, rest=403)),
    ("attach document to meeting", "minutes approved", expect(outsider=404, rest=403)),
    ("download meeting .ics", "scheduled", expect(outsider=404, rest=200)),
    ("view meeting history", "scheduled", expect(outsider=404, rest=200)),
    ("view notice", "draft", expect(bcsd_staff=200, bcsd_leader=200, reg_admin=200, rest=404)),
    ("view notice", "sent", expect(outsider=404, rest=200)),
    ("draft notice", "-", expect(reg_admin=403, outsider=403, rest=200)),
    ("change notice", "draft", expect(bcsd_staff=200, bcsd_leader=200, reg_admin=403, rest=404)),
    ("send notice", "draft", expect(bcsd_staff=302, bcsd_leader=302, reg_admin=403, rest=404)),
    ("change notice", "sent", expect(outsider=404, rest=403)),
    ("attach document to notice", "draft", expect(bcsd_staff=200, bcsd_leader=200, reg_admin=403, rest=404)),
    ("attach document to notice", "sent", expect(outsider=404, rest=403)),
    ("add reporting schedule line", "-", expect(reg_admin=200, rest=403)),
    ("calendar feed settings", "-", expect(rest=200)),
    ("month calendar (shows only what the user may see)", "-", expect(rest=200)),
]

ROWS = [(action, state, user, status) for action, state, cells in MATRIX for user, status in cells]


@pytest.fixture
def world(make_meeting, bcsd_staff, bcsd_leader, du_leader, area, bcsd, du):
    """Builds the object in the state a row needs; returns (method, url, data)."""

    def past_with_minutes(submit=False, approve=False):
        meeting = make_meeting(days=-1)
        services.minutes_save(by=bcsd_staff, meeting=meeting, content="Diễn biến")
        conclusion = services.conclusion_add(by=bcsd_staff, meeting=meeting, text="ĐU thực hiện", area=area,
                                             owner_party=du, deadline=datetime.date(2026, 12, 31))
        if submit or approve:
            minutes = services.minutes_submit(by=bcsd_staff, meeting=meeting)
            if approve:
                services.minutes_approve(by=bcsd_leader, minutes=minutes, party=bcsd)
                services.minutes_approve(by=du_leader, minutes=minutes, party=du)
        return meeting, conclusion

    def notice(sent=False):
        n = services.notice_create(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="report",
                                   title="Báo cáo", summary="...")
        return services.notice_send(by=bcsd_staff, notice=n) if sent else n

    def build(action, state, user):
        own_party = du if user.username.startswith("du.") else bcsd
        if action.startswith("view meeting") or action.startswith("download") or action == "change meeting" \
                and state == "scheduled" or action == "cancel meeting" and state == "scheduled":
            m = make_meeting()
            name = {"view meeting": "meeting_detail", "download meeting .ics": "meeting_ics",
                    "view meeting history": "meeting_history", "change meeting": "meeting_edit",
                    "cancel meeting": "meeting_cancel"}[action]
            return "get", reverse(f"meetings:{name}", args=[m.pk]), None
        if action == "convene meeting":
            return "get", reverse("meetings:meeting_create"), None
        if action in ("change meeting", "cancel meeting", "draft minutes") and state != "meeting day reached":
            m, _c = past_with_minutes(submit=state == "minutes awaiting approval")
            name = {"change meeting": "meeting_edit", "cancel meeting": "meeting_cancel",
                    "draft minutes": "minutes_edit"}[action]
            return "get", reverse(f"meetings:{name}", args=[m.pk]), None
        if action in ("record attendance", "draft minutes"):
            m = make_meeting(days=-1 if state == "meeting day reached" else 3)
            name = "attendance" if action == "record attendance" else "minutes_edit"
            return "get", reverse(f"meetings:{name}", args=[m.pk]), None
        if action == "submit minutes":
            m, _c = past_with_minutes()
            return "post", reverse("meetings:minutes_submit", args=[m.pk]), {}
        if action.startswith("approve minutes") or action.startswith("return minutes"):
            m, _c = past_with_minutes(submit=True, approve=state == "minutes approved")
            name = "minutes_approve" if action.startswith("approve") else "minutes_return"
            return "post", reverse(f"meetings:{name}", args=[m.pk]), {"party": own_party.pk, "comment": "Ý kiến"}
        if action.startswith("create follow-up"):
            m, c = past_with_minutes(submit=True, approve=state == "minutes approved")
            return "post", reverse("meetings:conclusion_create_request", args=[m.pk, c.pk]), {}
        if action == "view notice":
            return "get", notice(sent=state == "sent").get_absolute_url(), None
        if action == "draft notice":
            return "get", reverse("meetings:notice_create"), None
        if action == "change notice":
            return "get", reverse("meetings:notice_edit", args=[notice(sent=state == "sent").pk]), None
        if action == "send notice":
            return "post", reverse("meetings:notice_send", args=[notice().pk]), {}
        if action == "add reporting schedule line":
            return "get", reverse("meetings:notice_schedule_add"), None
        if action == "attach document to meeting":
            if state == "scheduled":
                m = make_meeting()
            else:
                m, _c = past_with_minutes(submit=state != "minutes drafted", approve=state == "minutes approved")
            return "get", reverse("meetings:meeting_document_add", args=[m.pk]), None
        if action == "attach document to notice":
            return "get", reverse("meetings:notice_document_add", args=[notice(sent=state == "sent").pk]), None
        if action.startswith("month calendar"):
            return "get", reverse("meetings:calendar_month"), None
        if action == "calendar feed settings":
            return "get", reverse("meetings:calendar_feed_settings"), None
        raise AssertionError(action)

    return build


@pytest.mark.parametrize(("action", "state", "user_fixture", "status"), ROWS,
                         ids=[f"{a}|{s}|{u}" for a, s, u, _ in ROWS])
def test_permission_matrix(request, client_for, world, action, state, user_fixture, status):
    user = request.getfixturevalue(user_fixture)
    method, url, data = world(action, state, user)
    response = getattr(client_for(user), method)(url, data or {})
    assert response.status_code == status
    if method == "post" and status == 302:  # allowed steps really happen, they are not refused with a message
        levels = [m.level_tag for m in get_messages(response.wsgi_request)]
        assert levels == ["success"]
