"""Fixtures for requests and documents: a coordination area, files of each kind, ready-made requests."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coordination.models import CoordinationArea
from coordination.services import requests as request_services

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360"
                          "000002000001e221bc330000000049454e44ae426082")


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "_rels/.rels": "<r/>"})


def xlsx_bytes():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


def odt_bytes():
    return zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})


@pytest.fixture
def pdf_file():
    def make(name="cong-van.pdf", data=PDF_BYTES):
        return SimpleUploadedFile(name, data, content_type="application/pdf")

    return make


@pytest.fixture
def area(db):
    return CoordinationArea.objects.get(article_number=5)


@pytest.fixture
def make_request(bcsd, du, area):
    def make(by, *, requesting=None, requested=None, title="Phối hợp nhận xét cán bộ", **extra):
        extra.setdefault("area", area)
        requesting = requesting or bcsd
        requested = requested or (du if requesting == bcsd else bcsd)
        fields = {"kind": "coordination", "content": "Đề nghị Đảng ủy phối hợp nhận xét, đánh giá cán bộ."}
        fields.update(extra)
        return request_services.request_create(by=by, requesting_party=requesting, requested_party=requested,
                                       title=title, **fields)

    return make


@pytest.fixture
def sent_request(make_request, bcsd_staff, bcsd_leader):
    req = make_request(bcsd_staff)
    request_services.request_submit(by=bcsd_staff, request=req)
    return request_services.request_approve_send(by=bcsd_leader, request=req)
