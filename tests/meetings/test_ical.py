"""The .ics output parses with a real iCalendar library and carries Asia/Ho_Chi_Minh times."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from meetings import ical, services

from .conftest import at

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def _events(data):
    cal = icalendar.Calendar.from_ical(data)
    return cal, [c for c in cal.walk("VEVENT")]


def test_meeting_event_has_local_times_with_tzid_and_vtimezone(meeting):
    cal, (event,) = _events(ical.calendar_bytes([meeting]))
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(hours=7)
    assert (start.hour, start.minute) == (8, 0) and (end.hour, end.minute) == (11, 30)
    assert start == meeting.starts_at and end == meeting.ends_at
    assert event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert str(event["uid"]) == f"{meeting.uid}@{ical.UID_DOMAIN}"
    assert event["summary"] == meeting.title and event["location"] == meeting.place
    assert cal["method"] == "PUBLISH"


def test_change_keeps_the_uid_and_bumps_sequence(meeting, bcsd_staff):
    _cal, (before,) = _events(ical.calendar_bytes([meeting]))
    invitees = [(i.user, i.party) for i in meeting.invitations.all()]
    changed = services.meeting_change(by=bcsd_staff, meeting=meeting, invitees=invitees,
                                      starts_at=at(8, 14), ends_at=at(8, 16))
    _cal, (after,) = _events(ical.calendar_bytes([changed]))
    assert after["uid"] == before["uid"]
    assert int(after["sequence"]) == int(before["sequence"]) + 1
    assert after.decoded("dtstart").astimezone(HCM).hour == 14


def test_cancellation_is_method_cancel_and_status_cancelled(meeting, bcsd_staff):
    cancelled = services.meeting_cancel(by=bcsd_staff, meeting=meeting, reason="Hoãn")
    cal, (event,) = _events(ical.calendar_bytes([cancelled], method=ical.CANCEL))
    assert cal["method"] == "CANCEL" and event["status"] == "CANCELLED"
    assert int(event["sequence"]) == 1


def test_invitation_email_ics_lists_the_attendee(meeting, du_leader):
    from meetings.tasks import _message

    message = _message(meeting, du_leader, ical.REQUEST)
    cal, (event,) = _events(message.attachments[0][1])
    assert cal["method"] == "REQUEST"
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == [f"mailto:{du_leader.email}"]
    assert str(event["organizer"]).startswith("mailto:")


def test_feed_works_without_a_session_and_lists_my_meetings(client, meeting, make_meeting, du_staff, bcsd_staff):
    not_invited = make_meeting(invitees=[(bcsd_staff, meeting.convening_party)], title="Chỉ BCSĐ")
    token = services.calendar_feed_regenerate(user=du_staff).token
    response = client.get(reverse("meetings:calendar_feed", args=[token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    _cal, events = _events(response.content)
    uids = {str(e["uid"]) for e in events}
    assert ical.meeting_uid(meeting) in uids and ical.meeting_uid(not_invited) not in uids


def test_feed_shows_cancelled_meetings_as_cancelled(client, meeting, du_staff, bcsd_staff):
    services.meeting_cancel(by=bcsd_staff, meeting=meeting, reason="Hoãn")
    token = services.calendar_feed_regenerate(user=du_staff).token
    _cal, (event,) = _events(client.get(reverse("meetings:calendar_feed", args=[token])).content)
    assert event["status"] == "CANCELLED"


def test_revoked_or_regenerated_token_stops_working(client, meeting, du_staff):
    old = services.calendar_feed_regenerate(user=du_staff).token
    new = services.calendar_feed_regenerate(user=du_staff).token
    assert client.get(reverse("meetings:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("meetings:calendar_feed", args=[new])).status_code == 200
    services.calendar_feed_revoke(user=du_staff)
    assert client.get(reverse("meetings:calendar_feed", args=[new])).status_code == 404


def test_feed_of_a_member_whose_membership_ended_is_empty(client, meeting, du_staff):
    token = services.calendar_feed_regenerate(user=du_staff).token
    for membership in du_staff.memberships.all():
        membership.active_to = datetime.date.today()
        membership.save()
    _cal, events = _events(client.get(reverse("meetings:calendar_feed", args=[token])).content)
    assert events == []


def test_single_meeting_download_needs_login(client, meeting, client_for, du_staff):
    url = reverse("meetings:meeting_ics", args=[meeting.pk])
    assert client.get(url).status_code == 302
    response = client_for(du_staff).get(url)
    assert response.status_code == 200 and b"BEGIN:VEVENT" in response.content
