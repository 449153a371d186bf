"""Office archives are judged from what they declare: a zip bomb is refused at once, without inflating it."""

import io
import struct
import time
import tracemalloc
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from coordination.archives import TOO_BIG_INFLATED, TOO_MANY_PARTS
from coordination.models import Document
from coordination.uploads import check_upload

MiB = 1024 * 1024
GiB = 1024 * MiB


def _deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def _deflated_zeros(size):
    """A valid deflate stream of `size` zero bytes in about a second: one compressed MiB flushed to a byte
    boundary chains with copies of itself, so the gigabyte is never built in memory."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(bytes(MiB)) + c.flush(zlib.Z_FULL_FLUSH)
    crc, chunk = 0, bytes(MiB)
    for _ in range(size // MiB):
        crc = zlib.crc32(chunk, crc)
    return block * (size // MiB) + c.flush(zlib.Z_FINISH), crc, size


def build_zip(members):
    """A zip file from (name, (deflated, crc, size)) pairs, written by hand as any zip tool would."""
    out, directory = io.BytesIO(), b""
    for name, (data, crc, size) in members:
        encoded, offset = name.encode(), out.tell()
        out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, 8, 0, 0x21, crc, len(data), size,
                              len(encoded), 0) + encoded + data)
        directory += struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 0, 20, 0, 0, 8, 0, 0x21, crc, len(data),
                                 size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    start = out.tell()
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), start, 0))
    return out.getvalue()


def odt_bomb():
    return build_zip([("mimetype", _deflated_zeros(GiB)), ("content.xml", _deflate(b"<office/>"))])


def docx_bomb():
    return build_zip([("[Content_Types].xml", _deflate(b"<Types/>")), ("_rels/.rels", _deflate(b"<r/>")),
                      ("word/document.xml", _deflated_zeros(GiB))])


@pytest.mark.parametrize("make", [odt_bomb, docx_bomb], ids=["odt mimetype", "docx document.xml"])
def test_a_one_megabyte_archive_that_unpacks_to_a_gibibyte_is_refused_in_a_second_with_little_memory(make):
    data = make()
    assert len(data) < 1.1 * MiB
    upload = SimpleUploadedFile("bao-cao.odt", data)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ValidationError) as caught:
            check_upload(upload)
        elapsed = time.monotonic() - started
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == "archive_refused"
    assert elapsed < 1.0
    assert peak < 50 * MiB


def test_the_refusal_is_a_vietnamese_form_error_and_the_form_is_kept(client_for, make_request, bcsd_staff):
    req = make_request(bcsd_staff)
    response = client_for(bcsd_staff).post(reverse("coordination:request_attach", args=[req.pk]), {
        "doc_type": "CV", "issued_on": "01/12/2026", "summary": "Báo cáo tổng hợp quý IV", "confidentiality": 0,
        "urgency": 0, "file": SimpleUploadedFile("bao-cao.docx", docx_bomb()),
    })
    assert response.status_code == 200
    html = response.content.decode()
    assert "khi giải nén sẽ thành 1,0" in html and "Báo cáo tổng hợp quý IV" in html
    assert not Document.objects.exists()


def test_real_office_documents_still_pass():
    import docx

    document = docx.Document()
    for n in range(200):
        document.add_paragraph(f"Điều {n}. Đảng ủy phối hợp với Ban cán sự đảng trong công tác cán bộ. " * 5)
    buffer = io.BytesIO()
    document.save(buffer)
    info = check_upload(SimpleUploadedFile("quy-che.docx", buffer.getvalue()))
    assert info[1] == "docx"


@override_settings(UPLOAD_ARCHIVE_MAX_UNPACKED=10 * MiB)
def test_the_unpacked_limit_is_a_setting():
    data = build_zip([("[Content_Types].xml", _deflate(b"<Types/>")), ("word/document.xml", _deflated_zeros(11 * MiB))])
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile("a.docx", data))
    assert caught.value.messages[0].startswith(str(TOO_BIG_INFLATED).split("%")[0])


@override_settings(UPLOAD_ARCHIVE_MAX_MEMBERS=10)
def test_an_archive_of_too_many_parts_is_refused_before_they_are_listed():
    members = [("[Content_Types].xml", _deflate(b"<Types/>")), ("word/document.xml", _deflate(b"<w/>"))]
    members += [(f"x/{n}.xml", _deflate(b"")) for n in range(20)]
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile("a.docx", build_zip(members)))
    assert caught.value.messages == [str(TOO_MANY_PARTS) % {"limit": 10}]


def test_a_part_compressed_a_thousandfold_is_refused_even_when_small_in_total():
    data = build_zip([("[Content_Types].xml", _deflate(b"<Types/>")), ("word/document.xml", _deflated_zeros(8 * MiB))])
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile("a.docx", data))
    assert "bom nén" in str(caught.value.messages[0]) or "zip bomb" in caught.value.messages[0]


def test_the_regulation_word_import_refuses_a_bomb_before_python_docx_inflates_it(reg_admin, bcsd, du):
    from regulation.services.importer import regulation_import_docx

    started = time.monotonic()
    with pytest.raises(ValidationError) as caught:
        regulation_import_docx(by=reg_admin, upload=SimpleUploadedFile("quy-che.docx", docx_bomb()),
                               parties=[bcsd, du])
    assert caught.value.code == "archive_refused" and time.monotonic() - started < 2
