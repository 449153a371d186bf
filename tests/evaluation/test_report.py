"""The report: the .docx reopened with python-docx (header, headings, table values, signatures); the print page."""

import datetime
import io

import docx
import pytest
from django.urls import reverse

from .factories import local, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(advance, bcsd, du):
    # BCSĐ → ĐU in article 3: one on time (3 days), one late (9 days)
    make_request(bcsd, du, 3, sent=local(2026, 3, 2), deadline=datetime.date(2026, 3, 9), answered=local(2026, 3, 5))
    make_request(bcsd, du, 3, sent=local(2026, 4, 1), deadline=datetime.date(2026, 4, 3), answered=local(2026, 4, 10))
    return advance("closed")  # sending for approval recomputes the figures


def _docx(client_for, user, evaluation):
    response = client_for(user).get(reverse("evaluation:evaluation_docx", args=[evaluation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="bao-cao-danh-gia-2026.docx"' in response["Content-Disposition"]
    return docx.Document(io.BytesIO(response.content))


def test_docx_is_laid_out_as_a_party_report(client_for, closed, bcsd_leader):
    document = _docx(client_for, bcsd_leader, closed)
    header = document.tables[0].rows[0].cells
    left, right = header[0].text, header[1].text
    assert "BAN CÁN SỰ ĐẢNG VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO" in left and "ĐẢNG ỦY VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO" in left
    assert "\n*\n" in left and "Số 01-BC/BCSĐ-ĐU" in left
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in right
    closed_on = closed.closed_at.astimezone(datetime.timezone(datetime.timedelta(hours=7))).date()
    assert f"Hà Nội, ngày {closed_on:%d} tháng {closed_on:%m} năm {closed_on.year}" in right
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert any("năm 2026" in t and "Quy chế phối hợp" in t for t in texts)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "I. SỐ LIỆU CỦA NĂM"
    assert "II. TỰ ĐÁNH GIÁ CỦA MỖI BÊN" in headings and "III. KẾT LUẬN CHUNG" in headings
    assert "IV. NHIỆM VỤ TIẾP THEO" in headings
    assert "Hai bên thống nhất." in texts and "Tiếp tục phối hợp." in texts
    signatures = document.tables[-1].rows[0].cells
    assert signatures[0].text.startswith("T/M BAN CÁN SỰ ĐẢNG") and signatures[1].text.startswith("T/M ĐẢNG ỦY")
    assert "Test Leader" in signatures[0].text


def test_docx_tables_carry_the_figures(client_for, closed, du_staff):
    document = _docx(client_for, du_staff, closed)
    du_table = document.tables[2]  # header, BCSĐ figures, ĐU figures, activity, actions, signatures
    head = [c.text for c in du_table.rows[0].cells]
    assert head[:4] == ["Lĩnh vực", "Đề nghị đã gửi", "Đề nghị đã nhận", "Trả lời đúng hạn"]
    article3 = next(r for r in du_table.rows if r.cells[0].text.startswith("3."))
    values = [c.text for c in article3.cells[1:]]
    assert values == ["0", "2", "1", "1", "0", "6,0"]  # received 2, on time 1, late 1, median (3+9)/2
    total = [c.text for c in du_table.rows[-1].cells]
    assert total[0] == "Tổng cộng" and total[2] == "2"
    actions = document.tables[4]
    assert actions.rows[1].cells[1].text == "Trao đổi thông tin hằng quý"
    assert actions.rows[1].cells[4].text == "31/03/2027"


def test_print_page_is_the_same_report_in_html(client_for, closed, bcsd_staff):
    html = client_for(bcsd_staff).get(reverse("evaluation:evaluation_print", args=[closed.pk])).content.decode()
    assert '<html lang="vi">' in html and "ĐẢNG CỘNG SẢN VIỆT NAM" in html and "Số 01-BC/BCSĐ-ĐU" in html
    assert "T/M BAN CÁN SỰ ĐẢNG" in html and "T/M ĐẢNG ỦY" in html
    # The print button works through static/js/app.js: no inline handler (Content-Security-Policy).
    assert "data-print" in html and "js/app.js" in html and "onclick" not in html


def test_draft_report_leaves_the_day_and_month_blank(client_for, evaluation, bcsd_staff):
    html = client_for(bcsd_staff).get(reverse("evaluation:evaluation_print", args=[evaluation.pk])).content.decode()
    assert "Hà Nội, ngày … tháng … năm" in html


def test_docx_headings_are_in_times_new_roman_not_the_theme_font(client_for, closed, bcsd_leader):
    from docx.oxml.ns import qn

    document = _docx(client_for, bcsd_leader, closed)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
        assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:hAnsiTheme")) is None
