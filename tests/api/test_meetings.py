"""Meetings, minutes, conclusions and notices through the API: exactly what the pages show each user, no more.

The convening body is BCSĐ; a notice goes from BCSĐ to ĐU (the conventions of docs/permissions.md)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from coordination.models import MEETINGS_AND_INFORMATION_ARTICLE, Confidentiality, CoordinationArea, SecurityEvent
from meetings import services
from meetings.models import Conclusion, NoticeReceipt

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_rate_limits():
    """test_foundation's rate-limit test leaves its 3/min rate on the throttle class (it reloads the settings
    while they are still overridden); start every test here from the configured rate."""
    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def at(days, hour=8, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


def denials():
    return SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ACCESS_DENIED).count()


@pytest.fixture
def area(db):
    return CoordinationArea.objects.get(article_number=MEETINGS_AND_INFORMATION_ARTICLE)


@pytest.fixture
def make_meeting(bcsd, du, bcsd_staff, bcsd_leader, du_staff, du_leader):
    def make(days=7, invitees=None, **extra):
        fields = {"kind": "regular", "title": "Họp liên tịch quý IV", "place": "Phòng họp số 1",
                  "starts_at": at(days, 8), "ends_at": at(days, 11, 30), "chair": bcsd_leader, **extra}
        if invitees is None:
            invitees = [(bcsd_leader, bcsd), (bcsd_staff, bcsd), (du_leader, du), (du_staff, du)]
        return services.meeting_convene(by=bcsd_staff, convening_party=bcsd, invitees=invitees, **fields)

    return make


@pytest.fixture
def past_meeting(make_meeting):
    return make_meeting(days=-2)


@pytest.fixture
def submitted_minutes(past_meeting, bcsd_staff, area, du):
    services.minutes_save(by=bcsd_staff, meeting=past_meeting, content="Hai bên đã thống nhất các nội dung.")
    services.conclusion_add(by=bcsd_staff, meeting=past_meeting, text="Đảng ủy xây dựng kế hoạch.", area=area,
                            owner_party=du, deadline=timezone.localdate() + datetime.timedelta(days=30))
    return services.minutes_submit(by=bcsd_staff, meeting=past_meeting)


@pytest.fixture
def make_notice(bcsd, du, bcsd_staff):
    def make(send=True, title="Kế hoạch công tác quý"):
        notice = services.notice_create(by=bcsd_staff, sender_party=bcsd, recipient_party=du, kind="plan",
                                        title=title, summary="Nội dung tóm tắt")
        return services.notice_send(by=bcsd_staff, notice=notice) if send else notice

    return make


# Meetings


def test_signed_out_calls_get_401(anon_api, make_meeting):
    meeting = make_meeting()
    assert anon_api.get("/api/v1/meetings/").status_code == 401
    assert anon_api.get(f"/api/v1/meetings/{meeting.pk}/").status_code == 401


def test_members_of_both_bodies_see_the_meeting_and_an_outsider_does_not(api_for, make_meeting, du_staff, outsider):
    meeting = make_meeting()
    rows = api_for(du_staff).get("/api/v1/meetings/").json()["results"]
    assert [r["id"] for r in rows] == [meeting.pk] and rows[0]["minutes_state"] is None
    assert api_for(outsider).get("/api/v1/meetings/").json()["results"] == []
    before = denials()
    response = api_for(outsider).get(f"/api/v1/meetings/{meeting.pk}/")
    assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}
    assert denials() == before + 1


def test_a_meeting_of_one_body_is_hidden_from_the_other_in_list_and_detail(api_for, make_meeting, bcsd_leader,
                                                                            bcsd_staff, du_leader, bcsd):
    own = make_meeting(invitees=[(bcsd_leader, bcsd)])
    client = api_for(du_leader)
    assert client.get("/api/v1/meetings/?when=all").json()["count"] == 0
    for path in ("", "minutes/", "conclusions/"):
        assert client.get(f"/api/v1/meetings/{own.pk}/{path}").status_code == 404
    assert api_for(bcsd_staff).get(f"/api/v1/meetings/{own.pk}/").status_code == 200


def test_the_list_filters_as_the_page_does(api_for, make_meeting, du_staff, bcsd_leader, bcsd):
    upcoming = make_meeting(days=3)
    past = make_meeting(days=-3, kind="working")
    not_invited = make_meeting(days=4, invitees=[(bcsd_leader, bcsd)])
    client = api_for(bcsd_leader)
    ids = lambda query: [r["id"] for r in client.get(f"/api/v1/meetings/{query}").json()["results"]]  # noqa: E731
    assert ids("") == [upcoming.pk, not_invited.pk]
    assert ids("?when=past") == [past.pk]
    assert ids("?when=all&kind=working") == [past.pk]
    assert set(ids("?when=all")) == {upcoming.pk, past.pk, not_invited.pk}
    mine = [r["id"] for r in api_for(du_staff).get("/api/v1/meetings/?when=all&mine=true").json()["results"]]
    assert set(mine) == {upcoming.pk, past.pk}


def test_the_detail_is_the_page_for_this_reader_with_an_etag(api_for, submitted_minutes, du_leader, du_staff, du):
    meeting = submitted_minutes.meeting
    response = api_for(du_leader).get(f"/api/v1/meetings/{meeting.pk}/")
    assert response.status_code == 200 and response["ETag"].startswith('"')
    body = response.json()
    assert body["minutes"]["state"] == "awaiting_approval"
    assert body["minutes"]["approvable_parties"] == [du.pk]
    assert len(body["invitations"]) == 4 and len(body["conclusions"]) == 1
    assert body["can_change"] is False and body["can_edit_minutes"] is False
    staff = api_for(du_staff).get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert staff["minutes"]["approvable_parties"] == []


def test_minutes_awaiting_approval_are_shown_to_both_bodies_as_on_the_page(api_for, client_for, submitted_minutes,
                                                                          du_staff):
    """The meeting page shows the proceedings in every state to whoever may see the meeting; so does the API."""
    meeting = submitted_minutes.meeting
    page = client_for(du_staff).get(meeting.get_absolute_url()).content.decode()
    minutes = api_for(du_staff).get(f"/api/v1/meetings/{meeting.pk}/minutes/")
    assert minutes.status_code == 200 and minutes["ETag"]
    assert minutes.json()["content"] in page and minutes.json()["round"] == 1


def test_minutes_not_yet_drafted_answer_404_with_a_reason(api_for, make_meeting, du_staff):
    meeting = make_meeting()
    response = api_for(du_staff).get(f"/api/v1/meetings/{meeting.pk}/minutes/")
    assert response.status_code == 404 and "biên bản" in response.json()["detail"].lower()


def test_conclusions_and_their_follow_up_request(api_for, submitted_minutes, bcsd_staff, bcsd_leader, du_leader,
                                                 bcsd, du):
    meeting = submitted_minutes.meeting
    [row] = api_for(bcsd_staff).get(f"/api/v1/meetings/{meeting.pk}/conclusions/").json()
    assert row["can_create_request"] is False and row["has_request"] is False and row["request"] is None
    services.minutes_approve(by=bcsd_leader, minutes=submitted_minutes, party=bcsd)
    services.minutes_approve(by=du_leader, minutes=submitted_minutes, party=du)
    [row] = api_for(bcsd_staff).get(f"/api/v1/meetings/{meeting.pk}/conclusions/").json()
    assert row["can_create_request"] is True
    created = services.conclusion_create_request(by=bcsd_staff, conclusion=Conclusion.objects.get(meeting=meeting))
    [row] = api_for(bcsd_staff).get(f"/api/v1/meetings/{meeting.pk}/conclusions/").json()
    assert row["has_request"] is True and row["request"] == created.pk and row["can_create_request"] is False


def test_a_document_above_the_readers_clearance_is_only_counted(api_for, make_meeting, bcsd_staff, du_staff):
    meeting = make_meeting()
    services.meeting_attach_document(by=bcsd_staff, meeting=meeting, doc_type="BC", summary="Báo cáo mật",
                                     file=SimpleUploadedFile("a.pdf", PDF, "application/pdf"),
                                     confidentiality=Confidentiality.MAT)
    staff = api_for(du_staff).get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert staff["documents"] == [] and staff["hidden_documents"] == 1
    own = api_for(bcsd_staff).get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert [d["summary"] for d in own["documents"]] == ["Báo cáo mật"] and own["documents"][0]["can_open"] is True


@pytest.mark.parametrize("query", ["when=soon", "kind=party", "mine=perhaps", "page=abc&page_size=-3",
                                   "page=99999999999999999999", "when=&kind="])
def test_junk_filters_answer_400_or_a_page_never_500(api_for, make_meeting, du_staff, query):
    make_meeting()
    response = api_for(du_staff).get(f"/api/v1/meetings/?{query}")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]


@pytest.mark.parametrize("path", ["abc/", "99999999999999999999999/", "-1/", "1.5/", "0/minutes/",
                                  "99999999999999999999999/conclusions/"])
def test_junk_ids_answer_404_never_500(api_for, du_staff, path):
    for resource in ("meetings", "notices"):
        assert api_for(du_staff).get(f"/api/v1/{resource}/{path}").status_code == 404


def test_writes_are_not_offered(api_for, make_meeting, bcsd_staff):
    meeting = make_meeting()
    client = api_for(bcsd_staff)
    assert client.post("/api/v1/meetings/", {"title": "x"}, format="json").status_code == 405
    assert client.patch(f"/api/v1/meetings/{meeting.pk}/", "junk", content_type="text/plain").status_code in (405, 415)
    assert client.delete(f"/api/v1/notices/{meeting.pk}/").status_code == 405


def _queries(client, path):
    client.get(path)  # the token's first use is recorded once; measure the steady state
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_meeting_list_does_not_query_per_row(api_for, make_meeting, du_staff, submitted_minutes):
    client = api_for(du_staff)
    for _i in range(4):
        make_meeting()
    few = _queries(client, "/api/v1/meetings/?when=all&page_size=100")
    for _i in range(45):
        make_meeting()
    assert _queries(client, "/api/v1/meetings/?when=all&page_size=100") == few <= 12


# Notices


def test_a_draft_notice_is_seen_by_the_sending_body_only(api_for, make_notice, bcsd_staff, du_staff):
    draft = make_notice(send=False)
    assert api_for(du_staff).get("/api/v1/notices/").json()["count"] == 0
    before = denials()
    assert api_for(du_staff).get(f"/api/v1/notices/{draft.pk}/").status_code == 404
    assert api_for(du_staff).get(f"/api/v1/notices/{draft.pk}/receipts/").status_code == 404
    assert denials() == before + 2
    row = api_for(bcsd_staff).get("/api/v1/notices/").json()["results"][0]
    assert row["state"] == "draft" and row["read_count"] is None and row["sent_at"] is None


def test_reading_a_notice_records_one_receipt_as_opening_its_page(api_for, client_for, make_notice, du_staff,
                                                                  bcsd_staff):
    notice = make_notice()
    client = api_for(du_staff)
    assert client.get("/api/v1/notices/?box=unread").json()["results"][0]["is_unread"] is True
    first = client.get(f"/api/v1/notices/{notice.pk}/")
    assert first.status_code == 200 and first["ETag"] and first.json()["read_count"] == 1
    client.get(f"/api/v1/notices/{notice.pk}/")
    client_for(du_staff).get(notice.get_absolute_url())
    assert NoticeReceipt.objects.filter(notice=notice).count() == 1
    assert client.get("/api/v1/notices/?box=unread").json()["count"] == 0
    api_for(bcsd_staff).get(f"/api/v1/notices/{notice.pk}/")  # the sender reading records nothing
    assert NoticeReceipt.objects.filter(notice=notice).count() == 1


def test_the_sending_body_sees_the_receipts_and_the_receiving_body_is_refused(api_for, make_notice, du_staff,
                                                                              du_leader, bcsd_leader, outsider):
    notice = make_notice()
    api_for(du_staff).get(f"/api/v1/notices/{notice.pk}/")
    body = api_for(bcsd_leader).get(f"/api/v1/notices/{notice.pk}/receipts/").json()
    read = {m["user"]["id"]: m["read_at"] for m in body["members"]}
    assert body["read_count"] == 1 and read[du_staff.pk] and read[du_leader.pk] is None
    before = denials()
    refused = api_for(du_leader).get(f"/api/v1/notices/{notice.pk}/receipts/")
    assert refused.status_code == 403 and refused.json()["detail"]
    assert denials() == before + 1
    assert api_for(outsider).get(f"/api/v1/notices/{notice.pk}/receipts/").status_code == 404
    assert api_for(du_leader).get(f"/api/v1/notices/{notice.pk}/").json()["can_see_receipts"] is False


def test_the_notice_boxes_filter_as_the_page_does(api_for, make_notice, bcsd_staff, du_staff):
    sent, draft = make_notice(title="Đã gửi"), make_notice(send=False, title="Nháp")
    ids = lambda client, q: {r["id"] for r in client.get(f"/api/v1/notices/{q}").json()["results"]}  # noqa: E731
    sender, receiver = api_for(bcsd_staff), api_for(du_staff)
    assert ids(sender, "?box=outgoing") == {sent.pk, draft.pk}
    assert ids(sender, "?box=incoming") == set()
    assert ids(receiver, "?box=incoming") == {sent.pk} == ids(receiver, "?kind=plan")
    assert ids(receiver, "?kind=report") == set()
    assert api_for(du_staff).get("/api/v1/notices/?box=inbox").status_code == 400


def test_the_notice_list_does_not_query_per_row(api_for, make_notice, du_staff):
    client = api_for(du_staff)
    for _i in range(5):
        make_notice()
    few = _queries(client, "/api/v1/notices/?page_size=100")
    for _i in range(45):
        make_notice()
    assert _queries(client, "/api/v1/notices/?page_size=100") == few <= 12
