"""Finding work: lists with filters, search without diacritics, sorting, pages; inbox; dashboard; history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import CoordinationArea, CoordinationRequest, Notification
from coordination.models import RequestState as S
from coordination.services import requests as request_services
from coordination.text_search import normalize

from .helpers import advance

LIST = reverse("coordination:request_list")


@pytest.fixture
def people(bcsd_staff, bcsd_leader, du_staff, du_leader):
    return {"a_staff": bcsd_staff, "a_leader": bcsd_leader, "b_staff": du_staff, "b_leader": du_leader}


def _titles(response):
    return [r.title for r in response.context["page"].object_list]


def test_normalize_strips_vietnamese_diacritics():
    assert normalize("Hội nghị Đảng ủy ĐỀ NGHỊ") == "hoi nghi dang uy de nghi"


@pytest.mark.parametrize("query", ["hoi nghi", "Hội nghị", "HOI NGHI quan triet", "quán triệt"])
def test_search_ignores_diacritics_and_case(client_for, make_request, bcsd_staff, query):
    make_request(bcsd_staff, title="Hội nghị quán triệt Nghị quyết", content="Tổ chức trực tuyến")
    make_request(bcsd_staff, title="Nhận xét cán bộ", content="Cán bộ diện quản lý")
    assert _titles(client_for(bcsd_staff).get(LIST, {"q": query})) == ["Hội nghị quán triệt Nghị quyết"]


def test_filters_by_state_area_overdue_and_dates(client_for, make_request, people):
    old = advance(make_request(people["a_staff"], title="Quá hạn",
                               reply_deadline=timezone.localdate() - datetime.timedelta(days=2)), S.SENT, **people)
    make_request(people["a_staff"], title="Dự thảo", area=CoordinationArea.objects.get(article_number=3))
    client = client_for(people["a_staff"])
    assert _titles(client.get(LIST, {"state": S.SENT})) == ["Quá hạn"]
    assert _titles(client.get(LIST, {"overdue": "on"})) == ["Quá hạn"]
    area3 = CoordinationArea.objects.get(article_number=3)
    assert _titles(client.get(LIST, {"area": area3.pk})) == ["Dự thảo"]
    CoordinationRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    since = (timezone.localdate() - datetime.timedelta(days=5)).isoformat()
    assert _titles(client.get(LIST, {"date_from": since})) == ["Dự thảo"]
    html = client.get(LIST).content.decode()
    assert 'class="row-overdue"' in html


def test_direction_filter_and_sorting(client_for, make_request, people, du, bcsd):
    make_request(people["a_staff"], title="B đề nghị", requesting=bcsd, requested=du)
    other = request_services.request_create(by=people["b_staff"], requesting_party=du, requested_party=bcsd,
                                    area=CoordinationArea.objects.first(), title="A nhận", content="x")
    advance_b = {"a_staff": people["b_staff"], "a_leader": people["b_leader"], "b_staff": people["a_staff"],
                 "b_leader": people["a_leader"]}
    advance(other, S.SENT, **advance_b)
    client = client_for(people["a_staff"])
    assert _titles(client.get(LIST, {"direction": "received"})) == ["A nhận"]
    assert _titles(client.get(LIST, {"direction": "made"})) == ["B đề nghị"]
    assert _titles(client.get(LIST, {"sort": "title"})) == ["A nhận", "B đề nghị"]


def test_list_is_paginated_with_a_constant_number_of_queries(client_for, make_request, bcsd_staff,
                                                             django_assert_max_num_queries):
    for i in range(25):
        make_request(bcsd_staff, title=f"Đề nghị {i:02d}", reply_deadline=timezone.localdate())
    client = client_for(bcsd_staff)
    client.get(LIST)
    with django_assert_max_num_queries(15):
        response = client.get(LIST)
    assert len(response.context["page"].object_list) == 20
    assert len(_titles(client.get(LIST, {"page": 2}))) == 5


def test_inbox_and_dashboard_have_a_constant_number_of_queries(client_for, make_request, people,
                                                               django_assert_max_num_queries):
    for i in range(6):
        advance(make_request(people["a_staff"], title=f"Đề nghị {i}"), S.SENT, **people)
    client = client_for(people["b_leader"])
    client.get(reverse("coordination:inbox"))
    with django_assert_max_num_queries(15):
        client.get(reverse("coordination:inbox"))
    with django_assert_max_num_queries(15):
        client.get(reverse("coordination:dashboard"))


def test_inbox_lists_what_waits_for_each_person(client_for, make_request, people):
    req = make_request(people["a_staff"], title="Chờ duyệt")
    request_services.request_submit(by=people["a_staff"], request=req)
    waiting = client_for(people["a_leader"]).get(reverse("coordination:inbox")).context["waiting"]
    assert [r.title for r in waiting] == ["Chờ duyệt"]
    assert list(client_for(people["b_staff"]).get(reverse("coordination:inbox")).context["waiting"]) == []
    advance(req, S.SENT, **people)
    waiting = client_for(people["b_staff"]).get(reverse("coordination:inbox")).context["waiting"]
    assert [r.title for r in waiting] == ["Chờ duyệt"]


def test_opening_a_notification_marks_it_read(client_for, make_request, people):
    req = make_request(people["a_staff"])
    request_services.request_submit(by=people["a_staff"], request=req)
    note = Notification.objects.get(recipient=people["a_leader"])
    response = client_for(people["a_leader"]).post(reverse("coordination:notification_open", args=[note.pk]))
    assert response.url == reverse("coordination:request_detail", args=[req.pk])
    note.refresh_from_db()
    assert note.read_at is not None
    assert client_for(people["b_staff"]).post(
        reverse("coordination:notification_open", args=[note.pk])).status_code == 404


def test_home_page_shows_what_waits_for_me(client_for, make_request, people):
    req = make_request(people["a_staff"], title="Việc chờ lãnh đạo")
    request_services.request_submit(by=people["a_staff"], request=req)
    html = client_for(people["a_leader"]).get("/").content.decode()
    assert "Việc chờ tôi xử lý" in html and "Việc chờ lãnh đạo" in html


def test_dashboard_counts_open_by_area_and_the_share_answered_on_time(client_for, make_request, people):
    on_time = advance(make_request(people["a_staff"], reply_deadline=timezone.localdate() + datetime.timedelta(3)),
                      S.ANSWERED, **people)
    late = advance(make_request(people["a_staff"], reply_deadline=timezone.localdate() + datetime.timedelta(3)),
                   S.ANSWERED, **people)
    CoordinationRequest.objects.filter(pk=late.pk).update(reply_deadline=timezone.localdate() - datetime.timedelta(1))
    advance(make_request(people["a_staff"], reply_deadline=timezone.localdate() - datetime.timedelta(1)), S.SENT,
            **people)
    response = client_for(people["a_leader"]).get(reverse("coordination:dashboard"))
    ctx = response.context
    assert ctx["totals"]["with_deadline"] == 2 and ctx["totals"]["on_time"] == 1 and ctx["on_time_share"] == 50
    assert ctx["open_total"] == 3 and len(ctx["overdue_list"]) == 1
    area_row = next(r for r in ctx["rows"] if r["area"].pk == on_time.area_id)
    assert area_row["total"] == 3
    assert "<svg" in response.content.decode()


def test_history_tab_shows_field_level_changes_in_vietnamese(client_for, make_request, people):
    req = make_request(people["a_staff"], title="Tiêu đề cũ")
    request_services.request_update(by=people["a_staff"], request=req, title="Tiêu đề mới")
    advance(req, S.SENT, **people)
    html = client_for(people["b_staff"]).get(reverse("coordination:request_history", args=[req.pk])).content.decode()
    assert "Tiêu đề cũ" in html and "Tiêu đề mới" in html
    assert "Trạng thái" in html and "Chờ lãnh đạo duyệt" in html and "Đã gửi, chờ tiếp nhận" in html
    assert "Duyệt và gửi" in html


def test_timeline_on_the_request_page(client_for, make_request, people):
    req = advance(make_request(people["a_staff"]), S.CLOSED, **people)
    html = client_for(people["a_staff"]).get(reverse("coordination:request_detail", args=[req.pk])).content.decode()
    for label in ("Tạo dự thảo", "Đã trình lãnh đạo", "Đã duyệt và gửi", "Đã tiếp nhận, cử cán bộ",
                  "Đã duyệt và gửi trả lời", "Chấp nhận và kết thúc"):
        assert label in html


def test_article_page_provider_lists_requests_of_that_area(make_request, people):
    from coordination.sections import article_requests

    req = make_request(people["a_staff"])
    section = article_requests(people["a_staff"], req.area.article_number)
    assert section["requests"] == [req]
    assert article_requests(people["b_staff"], req.area.article_number) is None


def test_tuyet_mat_refused_through_the_upload_form(client_for, make_request, people, pdf_file):
    from coordination.models import Document

    req = make_request(people["a_staff"])
    response = client_for(people["a_staff"]).post(reverse("coordination:request_attach", args=[req.pk]), {
        "doc_type": "CV", "issued_on": "2026-11-26", "summary": "Tài liệu mật", "confidentiality": 3, "urgency": 0,
        "file": pdf_file(),
    })
    assert response.status_code == 200
    assert "không bao giờ được đưa vào hệ thống" in response.content.decode()
    assert not Document.objects.exists()


def test_wrong_file_renamed_pdf_refused_through_the_upload_form(client_for, make_request, people, pdf_file):
    from coordination.models import Document

    req = make_request(people["a_staff"])
    response = client_for(people["a_staff"]).post(reverse("coordination:request_attach", args=[req.pk]), {
        "doc_type": "CV", "issued_on": "2026-11-26", "summary": "Giả PDF", "confidentiality": 0, "urgency": 0,
        "file": pdf_file("virus.pdf", b"MZ\x90\x00\x03"),
    })
    assert "hệ thống kiểm tra nội dung tệp" in response.content.decode()
    assert not Document.objects.exists()


def test_oversize_file_refused_through_the_upload_form(client_for, make_request, people, pdf_file, settings):
    from coordination.models import Document

    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    req = make_request(people["a_staff"])
    response = client_for(people["a_staff"]).post(reverse("coordination:request_attach", args=[req.pk]), {
        "doc_type": "CV", "issued_on": "2026-11-26", "summary": "Lớn", "confidentiality": 0, "urgency": 0,
        "file": pdf_file("lon.pdf", b"%PDF-1.4\n" + b"0" * 500),
    })
    assert "dung lượng tối đa được chấp nhận là 100" in response.content.decode()
    assert not Document.objects.exists()


def test_notifications_are_written_in_vietnamese_whatever_the_actors_language(make_request, people):
    from django.utils import translation

    req = make_request(people["a_staff"], title="Đề nghị thử")
    with translation.override("en"):
        request_services.request_submit(by=people["a_staff"], request=req)
    note = Notification.objects.get(recipient=people["a_leader"])
    assert note.subject == "Đề nghị chờ đồng chí duyệt: Đề nghị thử"


def test_history_names_the_officers_assigned(client_for, make_request, people):
    req = advance(make_request(people["a_staff"]), S.ACKNOWLEDGED, **people)
    html = client_for(people["b_staff"]).get(reverse("coordination:request_history", args=[req.pk])).content.decode()
    assert "Cán bộ được cử của bên được đề nghị".lower() in html.lower()
    assert people["b_staff"].get_full_name() in html


def test_member_of_both_bodies_chooses_the_requesting_body_and_its_officers(client_for, make_member, bcsd, du,
                                                                            area, bcsd_staff):
    from coordination.models import Role

    both = make_member("hai.ben", (bcsd, Role.STAFF), (du, Role.LEADER))
    data = {"requesting_party": du.pk, "requested_party": bcsd.pk, "area": area.pk, "kind": "opinion",
            "title": "Xin ý kiến", "content": "x", "exchange_form": "direct", "urgency": 0, "confidentiality": 0}
    client = client_for(both)
    wrong = client.post(reverse("coordination:request_create"), {**data, "requesting_officers": [bcsd_staff.pk]})
    assert wrong.status_code == 200 and "phải là thành viên" in wrong.content.decode()
    assert client.post(reverse("coordination:request_create"),
                       {**data, "requesting_officers": [both.pk]}).status_code == 302
    req = CoordinationRequest.objects.get()
    assert req.requesting_party == du and list(req.requesting_officers.all()) == [both]


def test_request_page_names_the_unit_each_officer_comes_from(client_for, bcsd_staff, bcsd, du, area):
    from coordination.models import Membership, OrgUnit
    from coordination.services import requests as request_services

    unit = OrgUnit.objects.get(name_vi="Văn phòng VKSND tối cao")
    membership = Membership.objects.get(user=bcsd_staff)
    membership.unit = unit
    membership.save()
    req = request_services.request_create(by=bcsd_staff, requesting_party=bcsd, requested_party=du, area=area,
                                  kind="coordination", title="Đơn vị cán bộ", content="Nội dung",
                                  requesting_officers=[bcsd_staff])
    html = client_for(bcsd_staff).get(f"/phoi-hop/de-nghi/{req.pk}/").content.decode()
    assert "(Văn phòng VKSND tối cao)" in html


def test_member_of_both_bodies_sees_in_which_capacity_they_act_on_a_request(client_for, make_member, bcsd_staff,
                                                                             bcsd, du, area):
    from coordination.models import Role
    from coordination.services import requests as request_services

    both = make_member("hai.ben", (bcsd, Role.STAFF), (du, Role.LEADER))
    req = request_services.request_create(by=bcsd_staff, requesting_party=bcsd, requested_party=du, area=area,
                                  kind="coordination", title="Tư cách", content="Nội dung")
    html = client_for(both).get(f"/phoi-hop/de-nghi/{req.pk}/").content.decode()
    assert "Bạn làm việc ở đây với tư cách:" in html
    assert "Chuyên viên · Ban cán sự đảng" in html.split("với tư cách:")[1]
