"""File names shown and downloaded carry the detected type's extension and no control or bidi characters."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.models import DocumentVersion
from coordination.services import documents as document_services
from coordination.uploads import safe_original_name

from .conftest import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

POLYGLOT = PDF_BYTES + b"<html><body><script>alert(document.cookie)</script></body></html>"


def _upload(by, party, name, data=PDF_BYTES):
    return document_services.document_create(by=by, issuing_party=party, doc_type="CV", summary="Tài liệu",
                                    file=SimpleUploadedFile(name, data)).versions.get()


def _disposition(client, version):
    response = client.get(reverse("coordination:document_download", args=[version.document_id, version.number]))
    assert response.status_code == 200
    return response["Content-Disposition"]


def test_a_pdf_html_polyglot_named_html_is_shown_and_downloaded_as_pdf(client_for, bcsd_staff, bcsd):
    version = _upload(bcsd_staff, bcsd, "poly.html", POLYGLOT)
    assert version.content_type == "application/pdf" and version.original_name == "poly.pdf"
    client = client_for(bcsd_staff)
    assert 'filename="poly.pdf"' in _disposition(client, version)
    html = client.get(reverse("coordination:document_detail", args=[version.document_id])).content.decode()
    assert "poly.pdf" in html and "poly.html" not in html


@pytest.mark.parametrize(("name", "extension", "expected"), [
    ("poly.html", "pdf", "poly.pdf"),
    ("bao-cao", "pdf", "bao-cao.pdf"),
    ("Công văn số 1.2026", "pdf", "Công văn số 1.2026.pdf"),
    ("anh.JPEG", "jpg", "anh.JPEG"),
    ("quy-che.DOCX", "docx", "quy-che.DOCX"),
    ("bang.xlsx", "odt", "bang.odt"),
    ("hoa\u202eexe.pdf", "pdf", "hoaexe.pdf"),  # right-to-left override: would show "hoafdp.exe"
    ("a\u2066b\u2069\u200fc\u061c.pdf", "pdf", "abc.pdf"),
    ("nul\x00bell\x07c1\x85\x9b.pdf", "pdf", "nulbellc1.pdf"),
    ("\u202e", "pdf", "tai-lieu.pdf"),
    pytest.param("x" * 5000 + ".html", "pdf", "x" * 196 + ".pdf", id="5000 characters"),
])
def test_names_are_cleaned_and_end_in_the_detected_type(name, extension, expected):
    assert safe_original_name(name, extension) == expected


def test_bidi_and_control_characters_never_reach_the_page_or_the_header(client_for, bcsd_staff, bcsd):
    version = _upload(bcsd_staff, bcsd, "bien\u202ebanexe\x07.docx", docx_bytes())
    assert version.original_name == "bienbanexe.docx"
    client = client_for(bcsd_staff)
    html = client.get(reverse("coordination:document_detail", args=[version.document_id])).content.decode()
    assert "\u202e" not in html and "bienbanexe.docx" in html
    assert "bienbanexe.docx" in _disposition(client, version)


def test_a_name_stored_before_the_rule_is_cleaned_when_shown_and_downloaded(client_for, bcsd_staff, bcsd):
    version = _upload(bcsd_staff, bcsd, "cu.pdf")
    DocumentVersion.objects.filter(pk=version.pk).update(original_name="cu\u202elmth.html")  # a legacy row
    client = client_for(bcsd_staff)
    html = client.get(reverse("coordination:document_detail", args=[version.document_id])).content.decode()
    assert "\u202e" not in html and "culmth.pdf" in html
    assert 'filename="culmth.pdf"' in _disposition(client, version)
