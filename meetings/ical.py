"""iCalendar (RFC 5545) for meetings: one stable UID per meeting, SEQUENCE bumped on every change.

Times carry TZID=Asia/Ho_Chi_Minh with its VTIMEZONE, so Outlook and Thunderbird show the meeting at
the hour the bodies agreed whatever the reader's own time zone.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//VKSND toi cao//Quy che phoi hop//VI"
UID_DOMAIN = "quyche-phoihop.vksndtc"

# METHOD of the calendar object: a feed publishes, an invitation requests, a cancellation cancels.
PUBLISH, REQUEST, CANCEL = "PUBLISH", "REQUEST", "CANCEL"


def meeting_uid(meeting):
    return f"{meeting.uid}@{UID_DOMAIN}"


def _local(dt):
    return timezone.localtime(dt, zoneinfo.ZoneInfo(settings.TIME_ZONE))


def _description(meeting, url):
    lines = [meeting.get_kind_display(), f"{meeting.convening_party.name}"]
    if meeting.description:
        lines += ["", meeting.description]
    items = list(meeting.agenda_items.all())
    if items:
        lines += [""] + [f"{item.order}. {item.title}" for item in items]
    if meeting.is_cancelled and meeting.cancel_reason:
        lines += ["", meeting.cancel_reason]
    if url:
        lines += ["", url]
    return "\n".join(lines)


def meeting_event(meeting, *, url="", attendees=(), method=PUBLISH):
    """The VEVENT of a meeting; `attendees` are users (with e-mail) listed for invitations."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", _local(meeting.starts_at))
    event.add("dtend", _local(meeting.ends_at))
    event.add("summary", meeting.title)
    event.add("location", meeting.place)
    event.add("description", _description(meeting, url))
    event.add("status", "CANCELLED" if meeting.is_cancelled or method == CANCEL else "CONFIRMED")
    if url:
        event.add("url", url)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(meeting.convening_party.name)
    event.add("organizer", organizer)
    for user in attendees:
        if user.email:
            attendee = vCalAddress(f"mailto:{user.email}")
            attendee.params["cn"] = vText(user.get_full_name() or user.username)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=0)
    return event


def calendar_bytes(meetings, *, method=PUBLISH, name="", url_for=None, attendees_for=None):
    """A VCALENDAR holding the meetings, with the VTIMEZONE their times refer to."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        cal.add_component(
            meeting_event(
                meeting,
                url=url_for(meeting) if url_for else "",
                attendees=attendees_for(meeting) if attendees_for else (),
                method=method,
            )
        )
    cal.add_missing_timezones()
    return cal.to_ical()
