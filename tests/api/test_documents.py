"""Documents through the API, seen from a client: the same list, checks, numbering, versions and logged download
as the documents pages, refused and logged where the pages refuse."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coordination.api.documents import DocumentUploadSerializer, NewDocumentSerializer
from coordination.forms.documents import DocumentForm
from coordination.models import (
    Clearance,
    Confidentiality,
    Document,
    DocumentCounter,
    DocumentDownload,
    DocumentVersion,
    RequestState,
    Role,
    SecurityEvent,
)
from coordination.services import documents as document_services
from coordination.services import requests as request_services
from tests.coordination import conftest as coordination_fixtures
from tests.coordination.conftest import PDF_BYTES, PNG_BYTES, zip_bytes

pytestmark = pytest.mark.django_db
# The requests' fixtures (a coordination area, a draft, a sent request), shared with tests/coordination.
area, make_request, sent_request = (coordination_fixtures.area, coordination_fixtures.make_request,
                                    coordination_fixtures.sent_request)

DOCUMENTS = "/api/v1/documents/"


def _pdf(name="cong-van.pdf", data=PDF_BYTES):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _doc(by, party, summary="V/v phối hợp công tác", **extra):
    extra.setdefault("doc_type", "CV")
    return document_services.document_create(by=by, issuing_party=party, summary=summary, file=_pdf(), **extra)


def _denied_count():
    return SecurityEvent.objects.filter(kind=SecurityEvent.Kind.ACCESS_DENIED).count()


def _docx_bomb():
    """A DOCX whose document part inflates 20 MiB from a few kilobytes: refused as a “zip bomb”."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", bytes(20 * 1024 * 1024))
    return buffer.getvalue()


@pytest.fixture
def bcsd_plain(make_member, bcsd):
    """A BCSĐ staff member with no clearance: Mật documents are not theirs to read."""
    return make_member("bcsd.plain", (bcsd, Role.STAFF))


# ---- list and detail ----

def test_the_list_shows_what_the_documents_page_shows(api_for, bcsd_staff, bcsd_plain, du_staff, bcsd, du):
    ours = _doc(bcsd_staff, bcsd)
    secret = _doc(bcsd_staff, bcsd, summary="Báo cáo mật", confidentiality=Confidentiality.MAT)
    _doc(du_staff, du, summary="Văn bản của Đảng ủy")
    ids = {d["id"] for d in api_for(bcsd_staff).get(DOCUMENTS).json()["results"]}
    assert ids == {ours.pk, secret.pk}
    assert {d["id"] for d in api_for(bcsd_plain).get(DOCUMENTS).json()["results"]} == {ours.pk}


def test_search_is_accent_free_like_the_page(api_for, bcsd_staff, bcsd):
    found = _doc(bcsd_staff, bcsd, summary="Kế hoạch phối hợp kiểm tra")
    _doc(bcsd_staff, bcsd, summary="Báo cáo tổng kết")
    body = api_for(bcsd_staff).get(DOCUMENTS, {"q": "phoi hop"}).json()
    assert [d["id"] for d in body["results"]] == [found.pk]
    assert body["results"][0]["number_symbol"] == "Số 1-CV/BCSĐ"


def test_detail_shows_the_versions_with_their_download_address(api_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    body = api_for(bcsd_staff).get(f"{DOCUMENTS}{doc.pk}/").json()
    assert body["summary"] == doc.summary and body["owner_party"] == bcsd.pk
    [version] = body["versions"]
    assert version["number"] == 1 and version["content_type"] == "application/pdf"
    assert version["download_url"].endswith(f"/api/v1/documents/{doc.pk}/versions/1/download/")


def test_another_bodys_document_answers_404_and_is_logged(api_for, du_staff, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    response = api_for(du_staff).get(f"{DOCUMENTS}{doc.pk}/")
    assert response.status_code == 404 and set(response.json()) == {"detail", "errors"}
    assert _denied_count() == 1


def test_a_mat_document_is_hidden_from_a_member_without_clearance(api_for, bcsd_plain, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd, confidentiality=Confidentiality.MAT)
    client = api_for(bcsd_plain)
    assert client.get(f"{DOCUMENTS}{doc.pk}/").status_code == 404
    assert client.get(f"{DOCUMENTS}{doc.pk}/versions/1/download/").status_code == 404
    assert not DocumentDownload.objects.exists()
    assert _denied_count() == 2


# ---- download ----

def test_download_streams_the_file_and_is_logged_like_the_page(api_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd, confidentiality=Confidentiality.MAT)
    response = api_for(bcsd_staff).get(f"{DOCUMENTS}{doc.pk}/versions/1/download/", REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff" and response["Cache-Control"] == "private, no-store"
    download = DocumentDownload.objects.get()
    assert (download.user, download.version.document, download.ip_address) == (bcsd_staff, doc, "10.1.2.3")


def test_a_client_asking_for_the_files_type_gets_the_file_or_a_json_error(api_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    client = api_for(bcsd_staff)
    found = client.get(f"{DOCUMENTS}{doc.pk}/versions/1/download/", HTTP_ACCEPT="application/pdf")
    missing = client.get(f"{DOCUMENTS}{doc.pk}/versions/9/download/", HTTP_ACCEPT="application/pdf")
    assert found.status_code == 200 and b"".join(found.streaming_content) == PDF_BYTES
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"


def test_download_of_a_missing_version_is_404_and_not_logged_as_a_download(api_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    client = api_for(bcsd_staff)
    for number in ("2", "0", "99999"):
        assert client.get(f"{DOCUMENTS}{doc.pk}/versions/{number}/download/").status_code == 404
    assert not DocumentDownload.objects.exists()


# ---- upload ----

def test_upload_registers_a_numbered_document_like_the_page(api_for, bcsd_staff, bcsd):
    client = api_for(bcsd_staff)
    first = client.post(DOCUMENTS, {"doc_type": "CV", "summary": "Công văn phối hợp", "file": _pdf()})
    second = client.post(DOCUMENTS, {"doc_type": "BC", "summary": "Báo cáo", "file": _pdf(),
                                     "issued_on": "2026-11-02", "confidentiality": "1"})
    assert first.status_code == 201, first.json()
    assert [first.json()["number_symbol"], second.json()["number_symbol"]] == ["Số 1-CV/BCSĐ", "Số 2-BC/BCSĐ"]
    doc = Document.objects.get(pk=second.json()["id"])
    assert doc.owner_party == bcsd and doc.created_by == bcsd_staff and doc.confidentiality == Confidentiality.MAT
    assert doc.versions.get().uploaded_by == bcsd_staff


def test_a_received_document_keeps_its_own_number(api_for, du_staff, du):
    response = api_for(du_staff).post(DOCUMENTS, {"doc_type": "TB", "summary": "Thông báo kết luận",
                                                  "number_symbol": "Số 45-TB/TW", "issuer_name": "Ban Bí thư",
                                                  "file": _pdf()})
    assert response.status_code == 201
    assert response.json()["number_symbol"] == "Số 45-TB/TW" and response.json()["is_incoming"] is True


@pytest.mark.parametrize("fields, field", [
    ({"file": SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 an executable renamed")}, "file"),
    ({"file": SimpleUploadedFile("a.pdf", zip_bytes({"readme.txt": "plain zip"}))}, "file"),
    ({"file": SimpleUploadedFile("bom.docx", _docx_bomb())}, "file"),
    ({"file": SimpleUploadedFile("rong.pdf", b"")}, "file"),
    ({}, "file"),
    ({"file": _pdf(), "confidentiality": "3"}, "confidentiality"),
    ({"file": _pdf(), "confidentiality": "x"}, "confidentiality"),
    ({"file": _pdf(), "doc_type": "XX"}, "doc_type"),
    ({"file": _pdf(), "summary": ""}, "summary"),
    ({"file": _pdf(), "summary": "x" * 501}, "summary"),
    ({"file": _pdf(), "issued_on": "31/02/2026"}, "issued_on"),
    ({"file": _pdf(), "owner_party": "abc"}, "owner_party"),
    ({"file": _pdf(), "owner_party": "99999999999999999999"}, "owner_party"),
])
def test_junk_uploads_answer_400_and_nothing_is_saved(api_for, bcsd_staff, fields, field):
    body = {"doc_type": "CV", "summary": "Công văn", **fields}
    for value in body.values():
        if hasattr(value, "seek"):
            value.seek(0)
    response = api_for(bcsd_staff).post(DOCUMENTS, body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()
    assert not DocumentCounter.objects.filter(last_number__gt=0).exists()


def test_json_or_plain_text_instead_of_a_file_is_refused_without_a_server_error(api_for, bcsd_staff):
    client = api_for(bcsd_staff)
    as_json = client.post(DOCUMENTS, {"doc_type": "CV", "summary": "x", "file": "not a file"}, format="json")
    assert as_json.status_code == 400 and "file" in as_json.json()["errors"]
    for body in ([1, 2], "text", 5, None):
        assert client.post(DOCUMENTS, body, format="json").status_code == 400
    as_text = client.post(DOCUMENTS, "junk", content_type="text/plain")
    assert as_text.status_code == 415
    assert not Document.objects.exists()


def test_a_member_of_both_bodies_must_say_which_registers(api_for, make_member, bcsd, du):
    both = make_member("both.staff", (bcsd, Role.STAFF), (du, Role.STAFF))
    client = api_for(both)
    refused = client.post(DOCUMENTS, {"doc_type": "CV", "summary": "Công văn", "file": _pdf()})
    assert refused.status_code == 400 and "owner_party" in refused.json()["errors"]
    done = client.post(DOCUMENTS, {"doc_type": "CV", "summary": "Công văn", "file": _pdf(), "owner_party": du.pk})
    assert done.status_code == 201 and done.json()["number_symbol"] == "Số 1-CV/ĐU"


def test_nobody_registers_for_a_body_they_do_not_work_in(api_for, du_staff, outsider, bcsd):
    other_body = api_for(du_staff).post(DOCUMENTS, {"doc_type": "CV", "summary": "x", "file": _pdf(),
                                                    "owner_party": bcsd.pk})
    assert other_body.status_code == 403 and _denied_count() == 1
    no_body = api_for(outsider).post(DOCUMENTS, {"doc_type": "CV", "summary": "x", "file": _pdf()})
    assert no_body.status_code == 403 and "không thể đăng ký" in no_body.json()["detail"] and _denied_count() == 2
    assert not Document.objects.exists()


def test_the_schemas_upload_fields_are_the_pages_form_fields():
    assert set(NewDocumentSerializer().fields) == set(DocumentForm.base_fields)
    assert set(DocumentUploadSerializer().fields) == set(DocumentForm.base_fields) | {"owner_party"}


# ---- versions ----

def test_a_new_version_never_overwrites_the_earlier_file(api_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    client = api_for(bcsd_staff)
    response = client.post(f"{DOCUMENTS}{doc.pk}/versions/", {"file": SimpleUploadedFile("anh.png", PNG_BYTES),
                                                             "note": "Bản chụp có chữ ký"})
    assert response.status_code == 201 and response.json()["number"] == 2
    first, second = doc.versions.all()
    assert first.file.name != second.file.name and second.note == "Bản chụp có chữ ký"
    assert b"".join(client.get(f"{DOCUMENTS}{doc.pk}/versions/1/download/").streaming_content) == PDF_BYTES
    assert b"".join(client.get(f"{DOCUMENTS}{doc.pk}/versions/2/download/").streaming_content) == PNG_BYTES


def test_a_body_that_only_reads_a_document_cannot_add_a_version(api_for, bcsd_staff, du_staff, bcsd, du):
    doc = _doc(bcsd_staff, bcsd)
    document_services.document_grant_view(document=doc, parties=[du])
    client = api_for(du_staff)
    assert client.get(f"{DOCUMENTS}{doc.pk}/").status_code == 200
    response = client.post(f"{DOCUMENTS}{doc.pk}/versions/", {"file": _pdf()})
    assert response.status_code == 403 and _denied_count() == 1
    assert doc.versions.count() == 1


def test_a_junk_version_answers_400_and_nothing_is_saved(api_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    client = api_for(bcsd_staff)
    for body in ({"file": SimpleUploadedFile("x.pdf", b"<html>")}, {}, {"file": _pdf(), "note": "n" * 301},
                 {"file": SimpleUploadedFile("bom.docx", _docx_bomb())}):
        assert client.post(f"{DOCUMENTS}{doc.pk}/versions/", body).status_code == 400
    assert doc.versions.count() == 1


def test_a_hidden_document_answers_404_to_a_new_version(api_for, bcsd_staff, du_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    assert api_for(du_staff).post(f"{DOCUMENTS}{doc.pk}/versions/", {"file": _pdf()}).status_code == 404


# ---- a request's documents ----

def test_request_documents_list_only_what_the_request_page_lists(api_for, make_request, bcsd_staff, bcsd_plain,
                                                                  du_staff):
    req = make_request(bcsd_staff)
    plain = request_services.request_add_new_document(by=bcsd_staff, creq=req, doc_type="CV", summary="Công văn",
                                                      file=_pdf())
    request_services.request_add_new_document(by=bcsd_staff, creq=req, doc_type="BC", summary="Báo cáo mật",
                                              file=_pdf(), confidentiality=Confidentiality.MAT)
    url = f"/api/v1/requests/{req.pk}/documents/"
    assert len(api_for(bcsd_staff).get(url).json()["results"]) == 2
    only = api_for(bcsd_plain).get(url).json()["results"]
    assert [a["document"]["id"] for a in only] == [plain.document_id] and only[0]["side"] == "requesting"
    assert api_for(du_staff).get(url).status_code == 404  # the draft is not the other body's to see


def test_attaching_a_new_document_to_a_draft(api_for, make_request, bcsd_staff):
    req = make_request(bcsd_staff)
    response = api_for(bcsd_staff).post(f"/api/v1/requests/{req.pk}/documents/",
                                        {"doc_type": "KH", "summary": "Kế hoạch", "file": _pdf()})
    assert response.status_code == 201, response.json()
    assert response.json()["document"]["number_symbol"] == "Số 1-KH/BCSĐ"
    assert req.attachments.get().document.summary == "Kế hoạch"


def test_the_requested_body_cannot_attach_before_acknowledging(api_for, sent_request, du_staff, bcsd_staff):
    assert sent_request.state == RequestState.SENT
    url = f"/api/v1/requests/{sent_request.pk}/documents/"
    response = api_for(du_staff).post(url, {"doc_type": "CV", "summary": "Trả lời", "file": _pdf()})
    assert response.status_code == 403 and _denied_count() == 1
    # …and the requesting body can no longer attach once the request is sent.
    assert api_for(bcsd_staff).post(url, {"doc_type": "CV", "summary": "x", "file": _pdf()}).status_code == 403
    assert not Document.objects.exists()


def test_a_junk_attachment_answers_400_and_attaches_nothing(api_for, make_request, bcsd_staff):
    req = make_request(bcsd_staff)
    response = api_for(bcsd_staff).post(f"/api/v1/requests/{req.pk}/documents/",
                                        {"doc_type": "CV", "summary": "x", "file": SimpleUploadedFile("a.pdf", b"")})
    assert response.status_code == 400 and not req.attachments.exists() and not Document.objects.exists()


# ---- robustness and cost ----

@pytest.mark.parametrize("url", [
    "/api/v1/documents/abc/", "/api/v1/documents/99999999999999999999/",
    "/api/v1/documents/1/versions/abc/download/", "/api/v1/documents/1/versions/99999999/download/",
    "/api/v1/documents/1/versions/-1/download/", "/api/v1/documents/%C4%91/", "/api/v1/documents/1.5/",
    "/api/v1/documents/?page=abc&page_size=-5", "/api/v1/documents/?q=" + "đ" * 5000,
    "/api/v1/documents/?q=a&q=b", "/api/v1/requests/abc/documents/", "/api/v1/requests/99999999999999999999/documents/",
])
def test_junk_addresses_never_give_a_server_error(api_for, bcsd_staff, bcsd, url):
    _doc(bcsd_staff, bcsd)
    response = api_for(bcsd_staff).get(url)
    assert response.status_code in (200, 404)
    assert response["Content-Type"] == "application/json"  # a junk id is the API's 404, not the site's HTML page


def test_signed_out_calls_get_401(anon_api, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd)
    for url in (DOCUMENTS, f"{DOCUMENTS}{doc.pk}/", f"{DOCUMENTS}{doc.pk}/versions/1/download/"):
        assert anon_api.get(url).status_code == 401
    assert anon_api.post(DOCUMENTS, {"doc_type": "CV", "summary": "x", "file": _pdf()}).status_code == 401


@pytest.mark.parametrize("rows", [5, 50])
def test_the_list_costs_the_same_queries_for_5_or_50_documents(api_for, make_member, bcsd, rows,
                                                               django_assert_max_num_queries):
    reader = make_member("bcsd.reader", (bcsd, Role.STAFF, Clearance.MAT))
    for i in range(rows):
        _doc(reader, bcsd, summary=f"Văn bản {i}")
    client = api_for(reader)
    client.get(DOCUMENTS)  # the token's first use is written once
    with django_assert_max_num_queries(6):
        body = client.get(DOCUMENTS, {"page_size": 100}).json()
    assert body["count"] == rows
