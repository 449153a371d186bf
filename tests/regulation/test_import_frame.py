"""A Word regulation laid out as Party documents are: its frame lands in fields, nothing is lost or misplaced."""

import datetime
import io
import unicodedata

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.models import Party
from regulation import services
from regulation.models import Regulation

HEADER_LEFT = ["BAN CÁN SỰ ĐẢNG VKSND TỐI CAO", "ĐẢNG ỦY VKSND TỐI CAO", "*", "Số 01-QC/BCSĐ-ĐU"]
HEADER_RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 20 tháng 8 năm 2021"]
TITLE = ["QUY CHẾ", "phối hợp công tác giữa Ban cán sự đảng và Đảng ủy VKSND tối cao nhiệm kỳ 2020 - 2025"]
BASES = ["- Căn cứ Điều lệ Đảng (khóa XI);",
         "- Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng;"]
PROMULGATION = "Ban cán sự đảng và Đảng ủy VKSND tối cao thống nhất ban hành Quy chế phối hợp công tác như sau:"
BODY = [
    "Chương I", "NHỮNG QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
    "Quy chế này quy định nguyên tắc, nội dung phối hợp công tác.",
    "Quy chế áp dụng đối với tổ chức đảng, cơ quan, đơn vị thuộc VKSND tối cao.",
    "CHƯƠNG II", "NỘI DUNG PHỐI HỢP",
    "Điều 3: Lãnh đạo thực hiện nhiệm vụ chính trị",
    "1. Ban cán sự đảng lãnh đạo toàn diện.", "2. Đảng ủy lãnh đạo tổ chức đảng.",
    "Chương III. TỔ CHỨC THỰC HIỆN",
    "Điều 10. Sửa đổi, bổ sung Quy chế",
    "Trong quá trình thực hiện, nếu có vướng mắc, hai bên trao đổi, thống nhất sửa đổi, bổ sung.",
]
SIGNATURES = [["T/M ĐẢNG ỦY", "BÍ THƯ", "(Đã ký)", "Nguyễn Văn An"], ["T/M BAN CÁN SỰ ĐẢNG", "BÍ THƯ", "Lê Minh Trí"]]
RECIPIENTS = ["Nơi nhận:", "- Ban Bí thư (để báo cáo),", "- Các tổ chức đảng trực thuộc,", "- Lưu Văn phòng."]


def nfd(text):
    return unicodedata.normalize("NFD", text)


def _table(document, columns):
    table = document.add_table(rows=1, cols=len(columns))
    for cell, lines in zip(table.rows[0].cells, columns, strict=True):
        cell.paragraphs[0].text = nfd(lines[0])
        for line in lines[1:]:
            cell.add_paragraph(nfd(line))


def party_regulation_docx(recipients_in_table=False):
    """The shape of a real regulation: header table, two-line title, bases, text, signature table, recipients."""
    document = docx.Document()
    _table(document, [HEADER_LEFT, HEADER_RIGHT])
    for text in [*TITLE, *BASES, PROMULGATION, *BODY]:
        document.add_paragraph(nfd(text))
    if recipients_in_table:
        _table(document, [RECIPIENTS, *SIGNATURES])
    else:
        _table(document, SIGNATURES)
        for text in RECIPIENTS:
            document.add_paragraph(nfd(text))
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("quy-che.docx", buffer.getvalue())


@pytest.mark.parametrize("recipients_in_table", [False, True])
def test_import_reads_the_frame_of_a_party_document_into_fields(reg_admin, recipients_in_table):
    record, created = services.regulation_import_docx(
        by=reg_admin, upload=party_regulation_docx(recipients_in_table), parties=Party.objects.all())
    regulation = record.regulation
    assert regulation.title == ("Quy chế phối hợp công tác giữa Ban cán sự đảng và Đảng ủy VKSND tối cao "
                                "nhiệm kỳ 2020 - 2025")
    assert (regulation.term_start, regulation.term_end) == (2020, 2025)
    assert regulation.number_symbol == "01-QC/BCSĐ-ĐU"
    assert (regulation.signed_place, regulation.signed_on) == ("Hà Nội", datetime.date(2021, 8, 20))
    assert regulation.legal_basis_lines() == [
        "Điều lệ Đảng (khóa XI);",
        "Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng;"]
    assert regulation.signers == [
        {"on_behalf": "T/M ĐẢNG ỦY", "title": "BÍ THƯ", "name": "Nguyễn Văn An"},
        {"on_behalf": "T/M BAN CÁN SỰ ĐẢNG", "title": "BÍ THƯ", "name": "Lê Minh Trí"}]
    assert regulation.recipient_lines() == ["Ban Bí thư (để báo cáo),", "Các tổ chức đảng trực thuộc,",
                                            "Lưu Văn phòng."]
    assert record.issuers_named == ["BAN CÁN SỰ ĐẢNG VKSND TỐI CAO", "ĐẢNG ỦY VKSND TỐI CAO"]
    assert record.unplaced == [PROMULGATION]  # listed for the admin, not lost


def test_import_keeps_the_text_in_its_chapters_and_articles(reg_admin):
    record, _created = services.regulation_import_docx(by=reg_admin, upload=party_regulation_docx(),
                                                       parties=Party.objects.all())
    regulation = record.regulation
    assert list(regulation.chapters.values_list("number", "title")) == [
        (1, "NHỮNG QUY ĐỊNH CHUNG"), (2, "NỘI DUNG PHỐI HỢP"), (3, "TỔ CHỨC THỰC HIỆN")]
    first = regulation.articles.get(number=1)
    assert first.body.splitlines() == BODY[3:5]  # an article of several paragraphs keeps each of them
    third = regulation.articles.get(number=3)
    assert third.title == "Lãnh đạo thực hiện nhiệm vụ chính trị" and third.chapter.number == 2
    last = regulation.articles.get(number=10)
    assert last.body == BODY[-1]  # the signatures and "Nơi nhận" stay out of the last article
    assert "Nơi nhận" not in "".join(regulation.articles.values_list("body", flat=True))


def test_every_line_of_the_file_lands_in_exactly_one_place(reg_admin):
    """Nothing is dropped: each line with words is a field, a heading, an article line or listed as unplaced.
    Only the asterisk (no letter) and the Party's name, which every page prints anyway, are not kept."""
    record, _created = services.regulation_import_docx(by=reg_admin, upload=party_regulation_docx(),
                                                       parties=Party.objects.all())
    regulation = record.regulation
    kept = " | ".join([
        regulation.title, regulation.number_symbol, regulation.legal_bases, regulation.recipients,
        str(regulation.signers), *record.issuers_named, *record.unplaced,
        *(f"{c.number} {c.title}" for c in regulation.chapters.all()),
        *(f"{a.title} {a.body}" for a in regulation.articles.all()),
    ])
    bases = [line.split("Căn cứ ")[1] for line in BASES]
    for line in [*bases, *BODY[3:5], *BODY[8:10], BODY[-1], PROMULGATION, "Nguyễn Văn An", "Lưu Văn phòng."]:
        assert line.rstrip(",;.") in kept, line


def test_typed_years_override_the_term_in_the_title(reg_admin):
    record, _created = services.regulation_import_docx(by=reg_admin, upload=party_regulation_docx(),
                                                       parties=Party.objects.all(), term_start=2021, term_end=2026)
    assert (record.regulation.term_start, record.regulation.term_end) == (2021, 2026)


def _docx_without_term():
    document = docx.Document()
    for text in ["QUY CHẾ", "phối hợp công tác", "Chương I", "CHUNG", "Điều 1. Phạm vi", "1. Nội dung."]:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("khong-nhiem-ky.docx", buffer.getvalue())


def test_the_chosen_file_is_kept_when_the_form_asks_for_the_term(client_for, reg_admin):
    client = client_for(reg_admin)
    parties = list(Party.objects.values_list("pk", flat=True))
    response = client.post(reverse("regulation:import"), {"file": _docx_without_term(), "parties": parties})
    assert response.status_code == 200 and not Regulation.objects.filter(status="draft").exists()
    assert response.context["kept"] == "khong-nhiem-ky.docx"
    html = response.content.decode()
    assert "khong-nhiem-ky.docx" in html
    file_input = html[html.index('type="file"'):].split(">")[0]
    assert "required" not in file_input  # the browser must let the form go without choosing again
    response = client.post(reverse("regulation:import"), {"parties": parties, "term_start": 2025, "term_end": 2030})
    draft = Regulation.objects.get(status="draft")
    assert response.status_code == 302 and (draft.term_start, draft.term_end) == (2025, 2030)
    assert draft.docx_import.filename == "khong-nhiem-ky.docx"
    again = client.get(reverse("regulation:import"))
    assert again.context["kept"] == ""  # imported: nothing waits any more


def test_without_a_kept_file_the_form_asks_for_one(client_for, reg_admin):
    response = client_for(reg_admin).post(reverse("regulation:import"), {"parties": [Party.objects.first().pk]})
    assert response.status_code == 200 and "file" in response.context["form"].errors


def test_the_regulation_page_shows_the_frame(client_for, reg_admin):
    record, _created = services.regulation_import_docx(by=reg_admin, upload=party_regulation_docx(),
                                                       parties=Party.objects.all())
    html = client_for(reg_admin).get(reverse("regulation:detail", args=[record.regulation.pk])).content.decode()
    for text in ["01-QC/BCSĐ-ĐU", "T/M BAN CÁN SỰ ĐẢNG", "Lê Minh Trí", "Lưu Văn phòng.", "Điều lệ Đảng (khóa XI);"]:
        assert text in html
    report = client_for(reg_admin).get(reverse("regulation:import_result", args=[record.pk])).content.decode()
    assert PROMULGATION in report and "Nguyễn Văn An" in report


def test_admin_corrects_the_frame_of_an_imported_draft(client_for, reg_admin, bcsd_leader):
    record, _created = services.regulation_import_docx(by=reg_admin, upload=party_regulation_docx(),
                                                       parties=Party.objects.all())
    url = reverse("regulation:draft_edit", args=[record.regulation.pk])
    data = {"title": record.regulation.title, "number_symbol": "02-QC/BCSĐ-ĐU", "legal_bases": "Điều lệ Đảng;",
            "signed_place": "Hà Nội", "signed_on": "2021-08-29", "recipients": "Ban Bí thư,\n\n Lưu Văn phòng. "}
    assert client_for(bcsd_leader).post(url, data).status_code == 403
    assert client_for(reg_admin).post(url, data).status_code == 302
    regulation = Regulation.objects.get(pk=record.regulation.pk)
    assert regulation.signed_on == datetime.date(2021, 8, 29) and regulation.number_symbol == "02-QC/BCSĐ-ĐU"
    assert regulation.recipient_lines() == ["Ban Bí thư,", "Lưu Văn phòng."]
    assert regulation.signers[0]["name"] == "Nguyễn Văn An"  # signers are kept as imported


def test_frame_written_as_plain_paragraphs_is_read_the_same():
    from regulation.services.docx_reader import read_blocks

    parsed = read_blocks([
        *HEADER_LEFT, *HEADER_RIGHT, "QUY CHẾ", "phối hợp công tác", "nhiệm kỳ 2025 - 2030", "Căn cứ Điều lệ Đảng;",
        "Chương I", "CHUNG", "Điều 1. Phạm vi", "1. Nội dung.",
        "Nơi nhận:", "- Như trên,", "K/T BÍ THƯ", "PHÓ BÍ THƯ", "(Đã ký)", "Trần Văn Bình", "Ghi chú lạc chỗ",
    ])
    assert parsed["title"] == "Quy chế phối hợp công tác nhiệm kỳ 2025 - 2030"
    assert parsed["number_symbol"] == "01-QC/BCSĐ-ĐU" and parsed["signed_on"] == datetime.date(2021, 8, 20)
    assert parsed["bases"] == ["Điều lệ Đảng;"] and parsed["recipients"] == ["Như trên,"]
    assert parsed["signers"] == [{"on_behalf": "K/T BÍ THƯ", "title": "PHÓ BÍ THƯ", "name": "Trần Văn Bình"}]
    assert parsed["chapters"][0]["articles"][0]["lines"] == ["1. Nội dung."]
    assert parsed["unplaced"] == ["Ghi chú lạc chỗ"]  # after the signature, nothing joins an article


def test_an_impossible_signing_date_is_listed_not_guessed():
    from regulation.services.docx_reader import read_blocks

    parsed = read_blocks(["Hà Nội, ngày 31 tháng 2 năm 2021", "QUY CHẾ 2020 - 2025", "Chương I", "Điều 1. A"])
    assert parsed["signed_on"] is None and "Hà Nội, ngày 31 tháng 2 năm 2021" in parsed["unplaced"]
