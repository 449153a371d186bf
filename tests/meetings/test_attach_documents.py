"""Meeting documents are attached only before the minutes are submitted: page, link and service, through HTTP."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.models import DocumentType
from meetings import services
from meetings.models import MeetingDocument

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STATES = ["no minutes", "minutes drafted", "minutes awaiting approval", "minutes approved"]
OPEN = {"no minutes", "minutes drafted"}


@pytest.fixture
def meeting_in(make_meeting, bcsd_staff, bcsd_leader, du_leader, bcsd, du, area):
    def build(state):
        meeting = make_meeting(days=-1)
        if state == "no minutes":
            return meeting
        services.minutes_save(by=bcsd_staff, meeting=meeting, content="Diễn biến")
        services.conclusion_add(by=bcsd_staff, meeting=meeting, text="ĐU thực hiện", area=area, owner_party=du,
                                deadline=datetime.date(2026, 12, 31))
        if state != "minutes drafted":
            minutes = services.minutes_submit(by=bcsd_staff, meeting=meeting)
            if state == "minutes approved":
                services.minutes_approve(by=bcsd_leader, minutes=minutes, party=bcsd)
                services.minutes_approve(by=du_leader, minutes=minutes, party=du)
        return meeting

    return build


def _post(client, meeting):
    return client.post(reverse("meetings:meeting_document_add", args=[meeting.pk]), {
        "doc_type": DocumentType.choices[0][0], "summary": "Tài liệu bổ sung", "number_symbol": "",
        "confidentiality": 0, "file": SimpleUploadedFile("bo-sung.pdf", PDF, "application/pdf"),
    })


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("who", ["bcsd_staff", "bcsd_leader", "du_staff", "du_leader"])
def test_attaching_a_meeting_document_only_by_the_organiser_before_the_minutes_are_submitted(
        request, client_for, meeting_in, state, who):
    meeting = meeting_in(state)
    client = client_for(request.getfixturevalue(who))
    allowed = who.startswith("bcsd_") and state in OPEN
    link = reverse("meetings:meeting_document_add", args=[meeting.pk])
    assert (link in client.get(meeting.get_absolute_url()).content.decode()) is allowed
    assert client.get(link).status_code == (200 if allowed else 403)
    response = _post(client, meeting)
    assert response.status_code == (302 if allowed else 403)
    assert MeetingDocument.objects.filter(meeting=meeting).count() == (1 if allowed else 0)


def test_the_service_refuses_once_the_minutes_are_submitted(meeting_in, bcsd_staff):
    from django.core.exceptions import PermissionDenied

    meeting = meeting_in("minutes awaiting approval")
    with pytest.raises(PermissionDenied):
        services.meeting_attach_document(by=bcsd_staff, meeting=meeting, doc_type=DocumentType.choices[0][0],
                                         summary="Muộn", file=SimpleUploadedFile("x.pdf", PDF, "application/pdf"))
    assert not MeetingDocument.objects.filter(meeting=meeting).exists()
