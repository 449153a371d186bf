"""Links in emails are absolute: a mail client has no page to resolve "/danh-gia/1/" against."""

import re

import pytest
from django.conf import settings
from django.core import mail

from coordination.notifications import notify

pytestmark = pytest.mark.django_db

ABSOLUTE = re.compile(r"https?://[^/\s]+/")


def test_notification_email_links_to_the_page_with_an_absolute_address(bcsd_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[bcsd_staff], subject="Đánh giá năm đã mở", body="Mời đồng chí xem.", url="/danh-gia/1/")
    assert f"{settings.SITE_URL}/danh-gia/1/" in mail.outbox[0].body
    assert ABSOLUTE.match(settings.SITE_URL + "/")


def test_invitation_emails_link_to_the_meeting_with_an_absolute_address(make_meeting,
                                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = make_meeting()
    assert mail.outbox
    for message in mail.outbox:
        assert f"{settings.SITE_URL}{meeting.get_absolute_url()}" in message.body
