"""A new term from the text in force, and drafts imported from Word files."""

import io

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coordination.models import Clearance, Party, Role
from regulation import services
from regulation.models import DocxImport, Regulation
from regulation.services.importer import parse_document


def make_docx(paragraphs):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SAMPLE = [
    "BAN CÁN SỰ ĐẢNG VKSND TỐI CAO - ĐẢNG ỦY VKSND TỐI CAO",
    "QUY CHẾ phối hợp công tác nhiệm kỳ 2025 - 2030",
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "Chương I",
    "NHỮNG QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "1. Quy chế này quy định việc phối hợp.",
    "2. Áp dụng đối với:",
    "a) Ban cán sự đảng;",
    "b) Đảng ủy.",
    "Chương II. NỘI DUNG PHỐI HỢP",
    "Điều 2. Lãnh đạo thực hiện nhiệm vụ chính trị",
    "1. Hai bên phối hợp lãnh đạo.",
    "Ghi chú: đoạn này nằm sau nội dung điều.",
    "Điều 2. Điều bị trùng số",
    "Nơi nhận:",
]


def upload(content, name="quy-che-2025.docx"):
    return SimpleUploadedFile(name, content, content_type="application/vnd.openxmlformats-officedocument")


def test_parser_structures_chapters_articles_clauses_and_points():
    parsed = parse_document(SAMPLE)
    assert parsed["title"].startswith("QUY CHẾ")
    assert parsed["bases"] == ["Điều lệ Đảng Cộng sản Việt Nam;"]
    assert [(c["number"], c["title"]) for c in parsed["chapters"]] == [(1, "NHỮNG QUY ĐỊNH CHUNG"),
                                                                      (2, "NỘI DUNG PHỐI HỢP")]
    first = parsed["chapters"][0]["articles"][0]
    assert first["lines"][2:] == ["a) Ban cán sự đảng;", "b) Đảng ủy."]
    assert parsed["issuers"] == ["BAN CÁN SỰ ĐẢNG VKSND TỐI CAO - ĐẢNG ỦY VKSND TỐI CAO"]  # the header's bodies
    assert "Ghi chú: đoạn này nằm sau nội dung điều." in parsed["chapters"][1]["articles"][0]["lines"]


def test_import_makes_a_draft_lists_unplaced_paragraphs_and_is_idempotent(reg_admin):
    content = make_docx(SAMPLE)
    parties = Party.objects.all()
    record, created = services.regulation_import_docx(by=reg_admin, upload=upload(content), parties=parties)
    assert created
    regulation = record.regulation
    assert regulation.status == Regulation.Status.DRAFT and (regulation.term_start, regulation.term_end) == (2025, 2030)
    assert regulation.chapters.count() == 2 and regulation.articles.count() == 2
    assert regulation.articles.get(number=1).body.endswith("b) Đảng ủy.")
    assert "Điều 2. Điều bị trùng số" in record.unplaced  # a duplicate article is listed, not merged or dropped
    assert record.issuers_named == ["BAN CÁN SỰ ĐẢNG VKSND TỐI CAO - ĐẢNG ỦY VKSND TỐI CAO"]
    again, created_again = services.regulation_import_docx(by=reg_admin, upload=upload(content, "copy.docx"),
                                                           parties=parties)
    assert not created_again and again.pk == record.pk
    assert DocxImport.objects.count() == 1 and Regulation.objects.filter(status="draft").count() == 1


def test_import_refuses_a_file_that_is_not_docx(reg_admin):
    with pytest.raises(ValidationError):
        services.regulation_import_docx(by=reg_admin, upload=upload(b"not a zip"), parties=Party.objects.all())
    assert not Regulation.objects.filter(status="draft").exists()


def test_import_without_term_asks_for_it(reg_admin):
    content = make_docx(["QUY CHẾ phối hợp", "Chương I", "CHUNG", "Điều 1. Phạm vi", "1. Nội dung."])
    with pytest.raises(ValidationError):
        services.regulation_import_docx(by=reg_admin, upload=upload(content), parties=Party.objects.all())
    record, _created = services.regulation_import_docx(by=reg_admin, upload=upload(content),
                                                       parties=Party.objects.all(), term_start=2025, term_end=2030)
    assert record.regulation.term == "2025–2030"


def test_only_admins_import(bcsd_leader):
    with pytest.raises(PermissionDenied):
        services.regulation_import_docx(by=bcsd_leader, upload=upload(make_docx(SAMPLE)), parties=Party.objects.all())


def test_admin_of_one_body_cannot_import_a_regulation_issued_only_by_the_other(make_member, bcsd, du, client_for):
    bcsd_admin = make_member("bcsd.admin", (bcsd, Role.ADMIN, Clearance.MAT))
    with pytest.raises(PermissionDenied):
        services.regulation_import_docx(by=bcsd_admin, upload=upload(make_docx(SAMPLE)), parties=[du])
    response = client_for(bcsd_admin).post(reverse("regulation:import"),
                                           {"file": upload(make_docx(SAMPLE)), "parties": [du.pk]})
    assert response.status_code == 403
    assert not Regulation.objects.filter(status="draft").exists()
    record, created = services.regulation_import_docx(by=bcsd_admin, upload=upload(make_docx(SAMPLE)),
                                                      parties=[bcsd, du])
    assert created and set(record.regulation.issuing_parties.all()) == {bcsd, du}


def test_new_term_comes_into_force_with_both_approvals_and_supersedes_the_old(
        regulation, reg_admin, bcsd_leader, du_leader, bcsd, du, today):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    assert (draft.term_start, draft.term_end) == (2025, 2030) and draft.predecessor == regulation
    assert "2025 - 2030" in draft.title and draft.articles.count() == 10
    assert "2025 - 2030" in draft.articles.get(number=1).body
    article = draft.articles.get(number=9)
    services.draft_article_update(by=reg_admin, article=article, title=article.title, body="1. Nội dung mới.")
    services.regulation_submit_draft(by=reg_admin, regulation=draft)
    services.regulation_approve_adoption(by=bcsd_leader, regulation=draft, party=bcsd)
    draft.refresh_from_db()
    regulation.refresh_from_db()
    assert draft.is_draft and regulation.is_in_force, "one body's approval is not enough"
    services.regulation_approve_adoption(by=du_leader, regulation=draft, party=du)
    draft.refresh_from_db()
    regulation.refresh_from_db()
    assert draft.is_in_force and draft.effective_on == today
    assert regulation.status == Regulation.Status.SUPERSEDED
    assert draft.versions.get(number=1).content["chapters"][2]["articles"][0]["body"] == "1. Nội dung mới."


def test_renewal_can_be_returned_and_in_force_text_cannot_be_edited_as_a_draft(
        regulation, reg_admin, du_leader, du):
    with pytest.raises(PermissionDenied):
        services.draft_article_update(by=reg_admin, article=regulation.articles.first(), title="x", body="y")
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    with pytest.raises(PermissionDenied):
        services.regulation_renew(by=reg_admin, regulation=regulation)  # one successor per regulation
    services.regulation_submit_draft(by=reg_admin, regulation=draft)
    services.regulation_return_adoption(by=du_leader, regulation=draft, party=du, comment="Bổ sung Điều 9.")
    draft.refresh_from_db()
    assert not draft.awaiting_adoption and draft.is_draft


def test_admin_edits_a_draft_adds_and_removes_articles(regulation, reg_admin, bcsd_leader):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    services.draft_update(by=reg_admin, regulation=draft, title=draft.title, number_symbol="01-QC/BCSĐ-ĐU",
                          legal_bases="Điều lệ Đảng;\n\n  Chương trình công tác toàn khóa 2025 - 2030.  ")
    draft.refresh_from_db()
    assert draft.legal_basis_lines() == ["Điều lệ Đảng;", "Chương trình công tác toàn khóa 2025 - 2030."]
    article = services.draft_article_add(by=reg_admin, regulation=draft, chapter_number=2, article_key="8a",
                                         title="Ứng dụng công nghệ thông tin", body="1. Nội dung.")
    assert article.area is None and "ung dung cong nghe" in article.search_text
    with pytest.raises(ValidationError):
        services.draft_article_add(by=reg_admin, regulation=draft, chapter_number=2, article_key="8", title="x",
                                   body="")
    with pytest.raises(PermissionDenied):
        services.draft_article_add(by=bcsd_leader, regulation=draft, chapter_number=2, article_key="8b", title="x",
                                   body="")
    services.draft_article_remove(by=reg_admin, article=draft.articles.get(number=10))
    assert draft.articles.count() == 10  # 10 copied + 8a − 10
    with pytest.raises(PermissionDenied):
        services.draft_article_remove(by=reg_admin, article=regulation.articles.get(number=10))
