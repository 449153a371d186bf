"""Demo requests, documents, opinions and comments across both bodies, so that every demo account
finds something in its inbox, the lists and the dashboard. Idempotent: each request is made once."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document as Docx

from ..models import (
    Confidentiality,
    CoordinationArea,
    CoordinationRequest,
    DocumentType,
    ExchangeForm,
    Party,
    RequestKind,
    Urgency,
)
from ..services import requests as request_services
from . import register


def _pdf(text):
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
            b"4 0 obj<</Length " + str(len(body)).encode() + b">>stream\n" + body + b"\nendstream endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def _docx(paragraphs):
    doc = Docx()
    for text in paragraphs:
        doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _file(name, data):
    content_type = "application/pdf" if name.endswith(".pdf") else "application/octet-stream"
    return SimpleUploadedFile(name, data, content_type=content_type)


def _users():
    User = get_user_model()
    return {u.username: u for u in User.objects.filter(username__in=[
        "bcsd.chuyenvien", "bcsd.lanhdao", "du.chuyenvien", "du.lanhdao", "haiben"])}


def _new(by, requesting, requested, article, title, content, **extra):
    return request_services.request_create(
        by=by, requesting_party=requesting, requested_party=requested,
        area=CoordinationArea.objects.get(article_number=article), title=title, content=content, **extra
    )


def _send(req, staff, leader):
    request_services.request_submit(by=staff, request=req)
    return request_services.request_approve_send(by=leader, request=req)


def _attach(by, req, summary, name, data, **extra):
    return request_services.request_add_new_document(
        by=by, request=req, doc_type=extra.pop("doc_type", DocumentType.CV), summary=summary, file=_file(name, data),
        **extra)


FIRST_TITLE = "Phối hợp nhận xét, đánh giá cán bộ diện Ban cán sự đảng quản lý năm 2026"


@register
def load_request_demo():
    if CoordinationRequest.objects.filter(title=FIRST_TITLE).exists():
        return
    u = _users()
    if len(u) < 5:
        return
    bcsd, du = Party.objects.get(code="BCSD"), Party.objects.get(code="DU")
    today = timezone.localdate()
    cv_b, ld_b, cv_d, ld_d = u["bcsd.chuyenvien"], u["bcsd.lanhdao"], u["du.chuyenvien"], u["du.lanhdao"]
    both = u["haiben"]

    # 1. Closed, answered on time, documents on both sides, a secret annex and a discussion.
    r = _new(cv_b, bcsd, du, 5, FIRST_TITLE,
             "Ban cán sự đảng đề nghị Đảng ủy VKSND tối cao phối hợp nhận xét, đánh giá đối với cán bộ thuộc diện "
             "Ban cán sự đảng quản lý, là đảng viên sinh hoạt tại các chi bộ trực thuộc Đảng ủy.",
             reply_deadline=today + datetime.timedelta(days=20), requesting_officers=[cv_b], urgency=Urgency.KHAN)
    _attach(cv_b, r, "V/v đề nghị phối hợp nhận xét, đánh giá cán bộ năm 2026", "cong-van-de-nghi.docx",
            _docx(["BAN CÁN SỰ ĐẢNG VKSND TỐI CAO", "V/v đề nghị phối hợp nhận xét, đánh giá cán bộ năm 2026"]),
            signer_name="Trần Văn Minh", signer_title="Ủy viên Ban cán sự đảng", recipients="Đảng ủy VKSND tối cao")
    _attach(cv_b, r, "Danh sách cán bộ đề nghị nhận xét (phụ lục)", "phu-luc-danh-sach.pdf",
            _pdf("Phu luc danh sach can bo"), doc_type=DocumentType.BC, confidentiality=Confidentiality.MAT)
    _send(r, cv_b, ld_b)
    request_services.request_acknowledge(
        by=cv_d, request=r, officers=[cv_d], comment="Đã tiếp nhận, giao Văn phòng Đảng ủy.")
    request_services.comment_add(
        by=cv_d, request=r, body="Đề nghị Ban cán sự đảng gửi bổ sung bản tự kiểm điểm của cán bộ.")
    request_services.comment_add(by=cv_b, request=r, body="Văn phòng sẽ gửi bổ sung trong tuần này.")
    request_services.request_save_response(by=cv_d, request=r, response_content=(
        "Đảng ủy VKSND tối cao gửi kết quả nhận xét, đánh giá của các chi bộ đối với cán bộ theo đề nghị."))
    _attach(cv_d, r, "Báo cáo kết quả nhận xét cán bộ của các chi bộ", "bao-cao-nhan-xet.pdf",
            _pdf("Bao cao ket qua nhan xet"), doc_type=DocumentType.BC, signer_name="Phạm Quốc Hùng",
            signer_title="Phó Bí thư Đảng ủy")
    request_services.request_submit_response(by=cv_d, request=r)
    request_services.request_approve_response(by=ld_d, request=r)
    request_services.request_close(by=cv_b, request=r, comment="Đã nhận đủ kết quả nhận xét.")

    # 2. A request for opinion of ĐU to BCSĐ, one leader's opinion given, the answer being drafted.
    r = _new(cv_d, du, bcsd, 6, "Xin ý kiến về dự thảo Kế hoạch kiểm tra, giám sát năm 2027 của Đảng ủy",
             "Đảng ủy xin ý kiến Ban cán sự đảng đối với dự thảo Kế hoạch kiểm tra, giám sát năm 2027, nhất là nội "
             "dung kiểm tra các tổ chức đảng có liên quan đến công tác cán bộ.", kind=RequestKind.OPINION,
             reply_deadline=today + datetime.timedelta(days=10), requesting_officers=[cv_d])
    _attach(cv_d, r, "Dự thảo Kế hoạch kiểm tra, giám sát năm 2027", "du-thao-ke-hoach.docx",
            _docx(["ĐẢNG ỦY VKSND TỐI CAO", "Dự thảo Kế hoạch kiểm tra, giám sát năm 2027"]), doc_type=DocumentType.KH)
    _send(r, cv_d, ld_d)
    request_services.request_acknowledge(by=cv_b, request=r, officers=[cv_b], consulted_leaders=[ld_b])
    request_services.opinion_give(
        by=ld_b, request=r, content="Thống nhất với dự thảo; đề nghị bổ sung nội dung giám sát "
                                                       "việc thực hiện Quy chế phối hợp.")
    request_services.request_save_response(by=cv_b, request=r, response_content="Ban cán sự đảng cơ bản thống nhất …")

    # 3. Sent by BCSĐ, not yet acknowledged by ĐU and already overdue.
    r = _new(cv_b, bcsd, du, 4, "Phối hợp tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội XIV của Đảng",
             "Đề nghị Đảng ủy phối hợp tổ chức hội nghị trực tuyến toàn ngành học tập, quán triệt Nghị quyết.",
             reply_deadline=today - datetime.timedelta(days=3), exchange_form=ExchangeForm.DIRECT,
             urgency=Urgency.THUONG_KHAN)
    _send(r, cv_b, ld_b)

    # 4. A BCSĐ draft waiting for the leader's approval.
    r = _new(cv_b, bcsd, du, 8, "Đề nghị cung cấp báo cáo sơ kết 6 tháng đầu năm công tác xây dựng Đảng",
             "Thực hiện chế độ thông tin theo Quy chế phối hợp, đề nghị Đảng ủy gửi báo cáo sơ kết 6 tháng.",
             reply_deadline=today + datetime.timedelta(days=14))
    request_services.request_submit(by=cv_b, request=r)

    # 5. ĐU to BCSĐ: the response waits for the BCSĐ leader's approval.
    r = _new(cv_d, du, bcsd, 7, "Phối hợp chỉ đạo Đại hội Công đoàn VKSND tối cao nhiệm kỳ 2026–2031",
             "Đảng ủy đề nghị Ban cán sự đảng cho ý kiến về nhân sự và phương án tổ chức Đại hội Công đoàn.",
             reply_deadline=today + datetime.timedelta(days=5), requesting_officers=[cv_d])
    _send(r, cv_d, ld_d)
    request_services.request_acknowledge(by=cv_b, request=r, officers=[cv_b])
    request_services.request_save_response(by=cv_b, request=r, response_content="Ban cán sự đảng thống nhất phương án.")
    request_services.request_submit_response(by=cv_b, request=r)

    # 6. A ĐU draft returned by the leader with comments.
    r = _new(cv_d, du, bcsd, 3, "Đề nghị phối hợp xây dựng Chương trình công tác toàn khóa",
             "Đề nghị Ban cán sự đảng phối hợp xây dựng Chương trình công tác toàn khóa nhiệm kỳ 2025–2030.")
    request_services.request_submit(by=cv_d, request=r)
    request_services.request_return_draft(
        by=ld_d, request=r, comment="Nêu rõ thời hạn và đầu mối phối hợp của mỗi bên.")

    # 7. Answered by ĐU; BCSĐ has to accept and close (or ask for more).
    r = _new(cv_b, bcsd, du, 8, "Trao đổi thông tin về tình hình tư tưởng của cán bộ, đảng viên quý III",
             "Đề nghị Đảng ủy trao đổi thông tin về tình hình tư tưởng của cán bộ, đảng viên quý III.",
             reply_deadline=today + datetime.timedelta(days=7), requesting_officers=[cv_b])
    _send(r, cv_b, ld_b)
    request_services.request_acknowledge(by=cv_d, request=r, officers=[cv_d])
    request_services.request_save_response(by=cv_d, request=r, response_content="Tình hình tư tưởng ổn định; chi tiết "
                                                                       "tại báo cáo gửi kèm.")
    request_services.request_submit_response(by=cv_d, request=r)
    request_services.request_approve_response(by=ld_d, request=r)

    # 8. BCSĐ to ĐU: ĐU's response waits for the ĐU leader's approval.
    r = _new(cv_b, bcsd, du, 3, "Phối hợp chuẩn bị nội dung hội nghị sơ kết công tác năm 2026",
             "Đề nghị Đảng ủy phối hợp chuẩn bị báo cáo sơ kết và phân công nội dung tham luận.",
             reply_deadline=today + datetime.timedelta(days=9), requesting_officers=[cv_b, both])
    _send(r, cv_b, ld_b)
    request_services.request_acknowledge(by=cv_d, request=r, officers=[cv_d])
    request_services.request_save_response(
        by=cv_d, request=r, response_content="Đảng ủy nhất trí, đề xuất ba tham luận.")
    request_services.request_submit_response(by=cv_d, request=r)

    # 9. A request for opinion of BCSĐ: one ĐU leader has answered, the other's opinion is awaited.
    r = _new(cv_b, bcsd, du, 5, "Xin ý kiến về dự thảo Quy định phân cấp quản lý cán bộ",
             "Ban cán sự đảng xin ý kiến Đảng ủy về dự thảo Quy định phân cấp quản lý cán bộ trong ngành.",
             kind=RequestKind.OPINION, reply_deadline=today + datetime.timedelta(days=12), requesting_officers=[cv_b])
    _send(r, cv_b, ld_b)
    request_services.request_acknowledge(by=cv_d, request=r, officers=[cv_d], consulted_leaders=[ld_d, both])
    request_services.opinion_give(by=both, request=r, content="Cơ bản nhất trí; đề nghị làm rõ thẩm quyền của chi bộ.")
