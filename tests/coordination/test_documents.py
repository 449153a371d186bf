"""Documents: numbering at issue, file checks by content, versions, downloads and who may see them."""

import datetime
import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from coordination.models import Confidentiality, Document, DocumentDownload, DocumentVersion
from coordination.services import documents as document_services
from coordination.uploads import WRONG_TYPE

from .conftest import PDF_BYTES, PNG_BYTES, docx_bytes, odt_bytes, xlsx_bytes, zip_bytes


def _doc(by, party, file, **extra):
    extra.setdefault("doc_type", "CV")
    extra.setdefault("summary", "V/v phối hợp công tác")
    return document_services.document_create(by=by, issuing_party=party, file=file, **extra)


def test_numbers_count_per_body_and_year_from_one(bcsd_staff, du_staff, bcsd, du, pdf_file):
    first = _doc(bcsd_staff, bcsd, pdf_file())
    second = _doc(bcsd_staff, bcsd, pdf_file(), doc_type="BC")
    other_body = _doc(du_staff, du, pdf_file())
    next_year = _doc(bcsd_staff, bcsd, pdf_file(), issued_on=datetime.date(2027, 1, 4))
    assert [first.number_symbol, second.number_symbol] == ["Số 1-CV/BCSĐ", "Số 2-BC/BCSĐ"]
    assert other_body.number_symbol == "Số 1-CV/ĐU"
    assert next_year.number_symbol == "Số 1-CV/BCSĐ" and next_year.year == 2027


def test_a_failed_issue_does_not_skip_a_number(bcsd_staff, bcsd, pdf_file):
    _doc(bcsd_staff, bcsd, pdf_file())
    with pytest.raises(ValidationError):
        _doc(bcsd_staff, bcsd, pdf_file(data=b"not a document at all"))
    assert _doc(bcsd_staff, bcsd, pdf_file()).sequence == 2


def test_received_document_keeps_the_number_typed_by_hand(du_staff, bcsd, du, pdf_file):
    doc = document_services.document_create(by=du_staff, owner_party=du, issuing_party=bcsd, doc_type="TB",
                                   summary="Thông báo kết luận", number_symbol="Số 45-TB/BCSĐ", file=pdf_file())
    assert doc.is_incoming and doc.sequence is None and doc.number_symbol == "Số 45-TB/BCSĐ"


def test_a_body_cannot_number_a_document_of_the_other_body(du_staff, bcsd, du, pdf_file):
    with pytest.raises(ValidationError):
        document_services.document_create(by=du_staff, owner_party=du, issuing_party=bcsd, doc_type="CV", summary="x",
                                 file=pdf_file())


def test_outsider_cannot_register_a_document(outsider, bcsd, pdf_file):
    with pytest.raises(PermissionDenied):
        _doc(outsider, bcsd, pdf_file())


def test_top_secret_is_refused_with_an_explanation_and_nothing_is_stored(bcsd_staff, bcsd, pdf_file):
    with pytest.raises(ValidationError) as caught:
        _doc(bcsd_staff, bcsd, pdf_file(), confidentiality=Confidentiality.TUYET_MAT)
    assert "Tuyệt mật" in str(caught.value.messages[0])
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()


@pytest.mark.parametrize("name, data, expected", [
    ("a.pdf", PDF_BYTES, "application/pdf"),
    ("a.png", PNG_BYTES, "image/png"),
    ("a.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("a.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("a.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ("no-extension", PDF_BYTES, "application/pdf"),
])
def test_accepted_files_are_recognised_by_content(bcsd_staff, bcsd, name, data, expected):
    doc = _doc(bcsd_staff, bcsd, SimpleUploadedFile(name, data))
    version = doc.versions.get()
    assert version.content_type == expected
    assert version.sha256 == hashlib.sha256(data).hexdigest()


def test_jpeg_is_accepted(bcsd_staff, bcsd):
    jpeg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")
    assert _doc(bcsd_staff, bcsd, SimpleUploadedFile("anh.jpg", jpeg)).versions.get().content_type == "image/jpeg"


@pytest.mark.parametrize("data", [
    b"MZ\x90\x00 an executable renamed to .pdf",
    b"<html><script>alert(1)</script></html>",
    zip_bytes({"readme.txt": "a plain zip is not an office document"}),
])
def test_wrong_content_renamed_to_pdf_is_refused(bcsd_staff, bcsd, data):
    with pytest.raises(ValidationError) as caught:
        _doc(bcsd_staff, bcsd, SimpleUploadedFile("bao-cao.pdf", data, content_type="application/pdf"))
    assert caught.value.messages == [str(WRONG_TYPE)]


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1024)
def test_oversize_file_is_refused(bcsd_staff, bcsd):
    with pytest.raises(ValidationError) as caught:
        _doc(bcsd_staff, bcsd, SimpleUploadedFile("lon.pdf", PDF_BYTES + b"0" * 2000))
    assert caught.value.code == "too_large"


def test_path_in_the_name_is_dropped_and_the_file_stored_under_a_generated_name(bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd, SimpleUploadedFile("../../../etc/passwd.pdf", PDF_BYTES))
    version = doc.versions.get()
    assert version.original_name == "passwd.pdf"
    stored = Path(version.file.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve() / "documents")
    assert "passwd" not in stored.name and len(stored.stem) == 32


def test_new_version_keeps_every_earlier_one_downloadable(client_for, bcsd_staff, bcsd, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file("ban-1.pdf"))
    document_services.document_add_version(
        by=bcsd_staff, document=doc, file=pdf_file("ban-2.pdf", PDF_BYTES + b"%v2\n"),
                                  note="Sửa theo ý kiến lãnh đạo")
    first, second = doc.versions.all()
    assert first.file.name != second.file.name and (first.number, second.number) == (1, 2)
    client = client_for(bcsd_staff)
    for version, data in ((1, PDF_BYTES), (2, PDF_BYTES + b"%v2\n")):
        response = client.get(reverse("coordination:document_download", args=[doc.pk, version]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == data
    assert DocumentDownload.objects.filter(user=bcsd_staff).count() == 2


def test_download_is_an_attachment_with_an_rfc6266_vietnamese_name(client_for, bcsd_staff, bcsd):
    doc = _doc(bcsd_staff, bcsd, SimpleUploadedFile("Công văn số 1.pdf", PDF_BYTES))
    response = client_for(bcsd_staff).get(reverse("coordination:document_download", args=[doc.pk, 1]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''C%C3%B4ng%20v%C4%83n%20s%E1%BB%91%201.pdf" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"


def test_document_page_shows_the_sha256(client_for, bcsd_staff, bcsd, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file())
    html = client_for(bcsd_staff).get(reverse("coordination:document_detail", args=[doc.pk])).content.decode()
    assert hashlib.sha256(PDF_BYTES).hexdigest() in html


def test_other_body_cannot_see_or_download_a_document_not_granted(client_for, bcsd_staff, du_staff, bcsd, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file())
    client = client_for(du_staff)
    assert client.get(reverse("coordination:document_detail", args=[doc.pk])).status_code == 404
    assert client.get(reverse("coordination:document_download", args=[doc.pk, 1])).status_code == 404
    assert not DocumentDownload.objects.exists()


def test_grant_view_lets_the_other_body_see_it(client_for, bcsd_staff, du_staff, bcsd, du, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file())
    document_services.document_grant_view(document=doc, parties=[du])
    assert client_for(du_staff).get(reverse("coordination:document_download", args=[doc.pk, 1])).status_code == 200


def test_secret_document_needs_the_clearance(client_for, bcsd_staff, du_staff, du_leader, bcsd, du, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file(), confidentiality=Confidentiality.MAT)
    document_services.document_grant_view(document=doc, parties=[du])
    url = reverse("coordination:document_download", args=[doc.pk, 1])
    assert client_for(du_staff).get(url).status_code == 404  # no clearance
    assert client_for(du_leader).get(url).status_code == 200  # Tối mật clearance


def test_other_body_cannot_add_a_version(client_for, bcsd_staff, du_staff, bcsd, du, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file())
    document_services.document_grant_view(document=doc, parties=[du])
    response = client_for(du_staff).post(reverse("coordination:document_detail", args=[doc.pk]),
                                         {"file": pdf_file(), "note": "x"})
    assert response.status_code == 403
    assert doc.versions.count() == 1


def test_document_history_tab_shows_versions(client_for, bcsd_staff, bcsd, pdf_file):
    doc = _doc(bcsd_staff, bcsd, pdf_file())
    document_services.document_add_version(by=bcsd_staff, document=doc, file=pdf_file("v2.pdf"))
    html = client_for(bcsd_staff).get(reverse("coordination:document_history", args=[doc.pk])).content.decode()
    assert "Phiên bản 2" in html and "Vào sổ văn bản" in html
