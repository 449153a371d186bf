"""Input that used to give a 500 or Django's bare English 400: control characters, undecodable bodies,
over-long file names, pasted pages of text in a search box."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.models import CoordinationRequest, Document

from .conftest import PDF_BYTES

pytestmark = pytest.mark.django_db


def test_a_nul_in_the_document_search_is_removed_not_a_500(client_for, du_staff):
    response = client_for(du_staff).get(reverse("coordination:document_list") + "?q=%00")
    assert response.status_code == 200


def test_control_characters_never_reach_the_database(client_for, bcsd_staff, du):
    from coordination.models import CoordinationArea

    response = client_for(bcsd_staff).post(reverse("coordination:request_create"), {
        "requesting_party": bcsd_staff.memberships.get().party_id, "requested_party": du.pk,
        "area": CoordinationArea.objects.first().pk, "kind": "coordination", "exchange_form": "writing",
        "title": "Đề\x00 nghị\x07 phối hợp\x9b", "content": "Dòng một\r\nDòng\x00 hai\tcột", "urgency": 0,
        "confidentiality": 0,
    })
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    saved = CoordinationRequest.objects.get()
    assert saved.title == "Đề nghị phối hợp" and saved.content == "Dòng một\r\nDòng hai\tcột"


@pytest.mark.parametrize("content_type, body", [
    ("application/x-www-form-urlencoded; charset=latin-1", "title=\xe9t\xe9&content=x".encode("latin-1")),
    ("application/x-www-form-urlencoded; charset=utf-16", "title=x".encode("utf-16")),
    ("multipart/form-data; boundary=", b"--\r\n"),
])
def test_an_unreadable_body_gets_the_app_400_page_in_vietnamese(client_for, bcsd_staff, content_type, body):
    client = client_for(bcsd_staff)
    client.raise_request_exception = False
    response = client.generic("POST", reverse("coordination:request_create"), body, content_type=content_type)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không đọc được" in html and 'class="site-header' in html  # the app's layout, not Django's
    assert not CoordinationRequest.objects.exists()


def test_an_over_long_file_name_is_a_vietnamese_form_error_and_the_form_is_kept(client_for, make_request,
                                                                                bcsd_staff):
    req = make_request(bcsd_staff)
    response = client_for(bcsd_staff).post(reverse("coordination:request_attach", args=[req.pk]), {
        "doc_type": "CV", "issued_on": "01/12/2026", "summary": "Công văn trao đổi nhân sự", "confidentiality": 0,
        "urgency": 0, "file": SimpleUploadedFile("Công văn " * 700 + ".pdf", PDF_BYTES),
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tên tệp dài hơn 200 ký tự" in html and "Công văn trao đổi nhân sự" in html
    assert not Document.objects.exists()


@pytest.mark.parametrize("query", ["phối hợp " * 5000, "x" * 100_000, "%_" * 1000, "\u0301" * 10_000],
                         ids=["5000 words", "100k characters", "wildcards", "combining marks"])
def test_a_pasted_page_of_text_in_the_request_search_answers(client_for, du_staff, query):
    response = client_for(du_staff).get(reverse("coordination:request_list"), {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/cuoc-hop/lich/?thang=1-1", "/cuoc-hop/lich/?thang=9999-12",
                                 "/cuoc-hop/lich/?thang=99999999999999999999-1",
                                 "/cuoc-hop/thong-bao/lich-bao-cao/?nam=0",
                                 "/cuoc-hop/thong-bao/lich-bao-cao/?nam=99999999999999999999"])
def test_dates_out_of_range_in_the_calendar_and_the_schedule_fall_back_to_a_real_page(client_for, du_staff, url):
    """The calendar shows this month; the schedule sends to the nearest year it has (then answers 200)."""
    response = client_for(du_staff).get(url, follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) <= 1


@pytest.mark.parametrize("path", ["/cuoc-hop/lich/%00.ics", "/quy-che/1/dieu-%00/", "/phoi-hop/de-nghi/1/buoc/%07/"])
def test_a_control_character_in_the_address_is_a_404_even_signed_out(client, path):
    response = client.get(path)
    assert response.status_code == 404
