"""Demo requests over the last year and a half, so that every demo account finds work in its inbox and the
lists, the dashboard and the evaluation figures tell a story: most requests answered on time, some late, some
open and overdue. Each step runs through the services on the day it happened (demo_clock). Idempotent: the
requests are made only into an empty request table."""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import CoordinationArea, CoordinationRequest, Party
from ..services import requests as steps  # the demo plays the workflow steps
from . import register
from .clock import after, at, day
from .pdf import document_pdf


def _pdf(title, *, party, doc_type="CV", paragraphs=()):
    return document_pdf(title, party=party, doc_type=doc_type, paragraphs=paragraphs)


def _docx(paragraphs):
    from docx import Document as Docx

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
    return steps.request_create(
        by=by, requesting_party=requesting, requested_party=requested,
        area=CoordinationArea.objects.get(article_number=article), title=title, content=content, **extra
    )


def _send(req, staff, leader):
    steps.request_submit(by=staff, request=req)
    return steps.request_approve_send(by=leader, request=req)


def _attach(by, req, summary, name, data, **extra):
    return steps.request_add_new_document(by=by, request=req, doc_type=extra.pop("doc_type", "CV"),
                                             summary=summary, file=_file(name, data), **extra)


FIRST_TITLE = "Phối hợp nhận xét, đánh giá cán bộ diện Ban cán sự đảng quản lý"


@register
def load_request_demo():
    if CoordinationRequest.objects.exists():
        return
    u = _users()
    if len(u) < 5:
        return
    bcsd, du = Party.objects.get(code="BCSD"), Party.objects.get(code="DU")
    from .history import play_history

    play_history(u, bcsd, du)
    _answered_recently(u, bcsd, du)
    _open_now(u, bcsd, du)
    _waiting_now(u, bcsd, du)


def _answered_recently(u, bcsd, du):
    """1. Closed, answered on time, documents on both sides, a secret annex and a discussion."""
    cv_b, ld_b, cv_d, ld_d = u["bcsd.chuyenvien"], u["bcsd.lanhdao"], u["du.chuyenvien"], u["du.lanhdao"]
    start = day(-34)
    with at(start, 8, 40):
        r = _new(cv_b, bcsd, du, 5, FIRST_TITLE,
                 "Ban cán sự đảng đề nghị Đảng ủy VKSND tối cao phối hợp nhận xét, đánh giá đối với cán bộ thuộc diện "
                 "Ban cán sự đảng quản lý, là đảng viên sinh hoạt tại các chi bộ trực thuộc Đảng ủy.",
                 reply_deadline=after(start, 20), requesting_officers=[cv_b], urgency=1)
        _attach(cv_b, r, "V/v đề nghị phối hợp nhận xét, đánh giá cán bộ", "cong-van-de-nghi.docx",
                _docx(["BAN CÁN SỰ ĐẢNG VKSND TỐI CAO", "V/v đề nghị phối hợp nhận xét, đánh giá cán bộ"]),
                signer_name="Trần Văn Minh", signer_title="Ủy viên Ban cán sự đảng", recipients="Đảng ủy VKSND tối cao")
        _attach(cv_b, r, "Danh sách cán bộ đề nghị nhận xét (phụ lục)", "phu-luc-danh-sach.pdf",
                _pdf("Danh sách cán bộ đề nghị nhận xét, đánh giá (phụ lục)", party=bcsd, doc_type="BC", paragraphs=[
                    "Phụ lục kèm theo Công văn đề nghị phối hợp nhận xét, đánh giá cán bộ.",
                    "Danh sách gồm các đồng chí thuộc diện Ban cán sự đảng quản lý, sinh hoạt tại các chi bộ trực "
                    "thuộc Đảng ủy VKSND tối cao."]), doc_type="BC", confidentiality=1)
    with at(start, 10):
        steps.request_submit(by=cv_b, request=r)
    with at(start, 15, 30):
        steps.request_approve_send(by=ld_b, request=r)
    with at(after(start, 1), 9, 10):
        steps.request_acknowledge(by=cv_d, request=r, officers=[cv_d],
                                     comment="Đã tiếp nhận, giao Văn phòng Đảng ủy.")
    with at(after(start, 3), 14):
        steps.comment_add(by=cv_d, request=r,
                             body="Đề nghị Ban cán sự đảng gửi bổ sung bản tự kiểm điểm của cán bộ.")
    with at(after(start, 3), 16, 20):
        steps.comment_add(by=cv_b, request=r, body="Văn phòng sẽ gửi bổ sung trong tuần này.")
    answered = after(start, 16)
    with at(answered, 9, 30):
        steps.request_save_response(by=cv_d, request=r, response_content=(
            "Đảng ủy VKSND tối cao gửi kết quả nhận xét, đánh giá của các chi bộ đối với cán bộ theo đề nghị."))
        _attach(cv_d, r, "Báo cáo kết quả nhận xét cán bộ của các chi bộ", "bao-cao-nhan-xet.pdf",
                _pdf("Báo cáo kết quả nhận xét, đánh giá cán bộ của các chi bộ", party=du, doc_type="BC", paragraphs=[
                    "Thực hiện đề nghị của Ban cán sự đảng, Đảng ủy đã chỉ đạo các chi bộ nhận xét, đánh giá cán bộ.",
                    "Các đồng chí được nhận xét đều giữ vững phẩm chất chính trị, đạo đức, lối sống; hoàn thành tốt "
                    "nhiệm vụ được giao."]), doc_type="BC", signer_name="Phạm Quốc Hùng",
                signer_title="Phó Bí thư Đảng ủy")
        steps.request_submit_response(by=cv_d, request=r)
    with at(answered, 15):
        steps.request_approve_response(by=ld_d, request=r)
    with at(after(answered, 1), 8, 45):
        steps.request_close(by=cv_b, request=r, comment="Đã nhận đủ kết quả nhận xét.")


def _open_now(u, bcsd, du):
    """Requests still moving at the requested body, one of them overdue."""
    cv_b, ld_b, cv_d, ld_d = u["bcsd.chuyenvien"], u["bcsd.lanhdao"], u["du.chuyenvien"], u["du.lanhdao"]
    both = u["haiben"]
    # 2. A request for opinion of ĐU to BCSĐ, one leader's opinion given, the answer being drafted.
    start = day(-9)
    with at(start, 9):
        year = start.year + 1
        r = _new(cv_d, du, bcsd, 6, f"Xin ý kiến về dự thảo Kế hoạch kiểm tra, giám sát năm {year} của Đảng ủy",
                 f"Đảng ủy xin ý kiến Ban cán sự đảng đối với dự thảo Kế hoạch kiểm tra, giám sát năm {year}, nhất là "
                 "nội dung kiểm tra các tổ chức đảng có liên quan đến công tác cán bộ.", kind="opinion",
                 reply_deadline=day(10), requesting_officers=[cv_d])
        _attach(cv_d, r, f"Dự thảo Kế hoạch kiểm tra, giám sát năm {year}", "du-thao-ke-hoach.docx",
                _docx(["ĐẢNG ỦY VKSND TỐI CAO", f"Dự thảo Kế hoạch kiểm tra, giám sát năm {year}"]), doc_type="KH")
        _send(r, cv_d, ld_d)
    with at(after(start, 1), 10):
        steps.request_acknowledge(by=cv_b, request=r, officers=[cv_b], consulted_leaders=[ld_b])
    with at(day(-2), 15):
        steps.opinion_give(by=ld_b, request=r, content="Thống nhất với dự thảo; đề nghị bổ sung nội dung giám sát "
                                                           "việc thực hiện Quy chế phối hợp.")
    with at(day(-1), 16, 30):
        steps.request_save_response(by=cv_b, request=r, response_content="Ban cán sự đảng cơ bản thống nhất …")

    # 3. Sent by BCSĐ, not yet acknowledged by ĐU and already overdue.
    start = day(-17)
    with at(start, 14):
        r = _new(cv_b, bcsd, du, 4, "Phối hợp tổ chức hội nghị học tập, quán triệt nghị quyết chuyên đề của Đảng",
                 "Đề nghị Đảng ủy phối hợp tổ chức hội nghị trực tuyến toàn ngành học tập, quán triệt nghị quyết.",
                 reply_deadline=day(-3), exchange_form="direct", urgency=2)
        _send(r, cv_b, ld_b)

    # 7. Answered by ĐU; BCSĐ has to accept and close (or ask for more).
    start = day(-12)
    with at(start, 9, 20):
        r = _new(cv_b, bcsd, du, 8, "Trao đổi thông tin về tình hình tư tưởng của cán bộ, đảng viên trong quý",
                 "Đề nghị Đảng ủy trao đổi thông tin về tình hình tư tưởng của cán bộ, đảng viên trong quý.",
                 reply_deadline=after(start, 10), requesting_officers=[cv_b])
        _send(r, cv_b, ld_b)
    with at(after(start, 1), 8, 30):
        steps.request_acknowledge(by=cv_d, request=r, officers=[cv_d])
    with at(day(-2), 11):
        steps.request_save_response(by=cv_d, request=r, response_content="Tình hình tư tưởng ổn định; chi tiết "
                                                                           "tại báo cáo gửi kèm.")
        steps.request_submit_response(by=cv_d, request=r)
    with at(day(-2), 16):
        steps.request_approve_response(by=ld_d, request=r)

    # 9. A request for opinion of BCSĐ: one ĐU leader has answered, the other's opinion is awaited.
    start = day(-6)
    with at(start, 10):
        r = _new(cv_b, bcsd, du, 5, "Xin ý kiến về dự thảo Quy định phân cấp quản lý cán bộ",
                 "Ban cán sự đảng xin ý kiến Đảng ủy về dự thảo Quy định phân cấp quản lý cán bộ trong ngành.",
                 kind="opinion", reply_deadline=day(12), requesting_officers=[cv_b])
        _send(r, cv_b, ld_b)
    with at(after(start, 1), 9):
        steps.request_acknowledge(by=cv_d, request=r, officers=[cv_d], consulted_leaders=[ld_d, both])
    with at(day(-1), 14):
        steps.opinion_give(by=both, request=r, content="Cơ bản nhất trí; đề nghị làm rõ thẩm quyền của chi bộ.")


def _waiting_now(u, bcsd, du):
    """Drafts and responses waiting for a leader, and a draft returned with comments."""
    cv_b, ld_b, cv_d, ld_d = u["bcsd.chuyenvien"], u["bcsd.lanhdao"], u["du.chuyenvien"], u["du.lanhdao"]
    both = u["haiben"]
    # 4. A BCSĐ draft waiting for the leader's approval.
    with at(day(-1), 15):
        r = _new(cv_b, bcsd, du, 8, "Đề nghị cung cấp báo cáo tổng kết công tác xây dựng Đảng năm",
                 "Thực hiện chế độ thông tin theo Quy chế phối hợp, đề nghị Đảng ủy gửi báo cáo tổng kết năm.",
                 reply_deadline=day(14))
        steps.request_submit(by=cv_b, request=r)

    # 5. ĐU to BCSĐ: the response waits for the BCSĐ leader's approval.
    start = day(-8)
    with at(start, 9):
        r = _new(cv_d, du, bcsd, 7, "Phối hợp chỉ đạo Đại hội Công đoàn VKSND tối cao",
                 "Đảng ủy đề nghị Ban cán sự đảng cho ý kiến về nhân sự và phương án tổ chức Đại hội Công đoàn.",
                 reply_deadline=day(5), requesting_officers=[cv_d])
        _send(r, cv_d, ld_d)
    with at(after(start, 1), 9):
        steps.request_acknowledge(by=cv_b, request=r, officers=[cv_b])
    with at(day(-1), 10):
        steps.request_save_response(by=cv_b, request=r, response_content="Ban cán sự đảng thống nhất phương án.")
        steps.request_submit_response(by=cv_b, request=r)

    # 6. A ĐU draft returned by the leader with comments.
    with at(day(-4), 10):
        r = _new(cv_d, du, bcsd, 3, "Đề nghị phối hợp xây dựng Chương trình công tác toàn khóa",
                 "Đề nghị Ban cán sự đảng phối hợp xây dựng Chương trình công tác toàn khóa của Đảng ủy.")
        steps.request_submit(by=cv_d, request=r)
    with at(day(-3), 16):
        steps.request_return_draft(by=ld_d, request=r, comment="Nêu rõ thời hạn và đầu mối phối hợp của mỗi bên.")

    # 8. BCSĐ to ĐU: ĐU's response waits for the ĐU leader's approval.
    start = day(-10)
    with at(start, 9):
        r = _new(cv_b, bcsd, du, 3, "Phối hợp chuẩn bị nội dung hội nghị tổng kết công tác năm",
                 "Đề nghị Đảng ủy phối hợp chuẩn bị báo cáo tổng kết và phân công nội dung tham luận.",
                 reply_deadline=day(9), requesting_officers=[cv_b, both])
        _send(r, cv_b, ld_b)
    with at(after(start, 1), 9):
        steps.request_acknowledge(by=cv_d, request=r, officers=[cv_d])
    with at(day(-1), 11):
        steps.request_save_response(by=cv_d, request=r, response_content="Đảng ủy nhất trí, đề xuất ba tham luận.")
        steps.request_submit_response(by=cv_d, request=r)
