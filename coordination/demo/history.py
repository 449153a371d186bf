"""The demo's past year and a half of requests: created, sent, answered (mostly on time, a few late)
and closed, each step on its own day through the services (see demo_clock)."""

from ..services import requests as steps  # the demo plays the workflow steps
from .clock import after, at, day

# days ago created, requesting body, article, kind, title ({y}: the year it was written), days given to
# answer, days taken to answer (more than given: answered late)
HISTORY = [
    (-525, "BCSD", 4, "coordination", "Phối hợp tổ chức học tập chuyên đề năm {y} về tư tưởng, đạo đức, phong cách "
     "Hồ Chí Minh", 10, 6),
    (-500, "DU", 5, "opinion", "Xin ý kiến về nhân sự Ban Chấp hành Đảng bộ cơ quan nhiệm kỳ mới", 7, 5),
    (-470, "BCSD", 8, "coordination", "Đề nghị cung cấp báo cáo kết quả công tác đảng 6 tháng đầu năm {y}", 10, 13),
    (-440, "DU", 6, "coordination", "Phối hợp kiểm tra việc thực hiện Quy chế làm việc tại các đơn vị trực thuộc",
     15, 11),
    (-410, "BCSD", 3, "opinion", "Xin ý kiến về dự thảo Báo cáo chính trị trình Đại hội Đảng bộ cơ quan", 10, 8),
    (-380, "DU", 7, "coordination", "Phối hợp chỉ đạo tổ chức Hội thao ngành Kiểm sát nhân dân năm {y}", 10, 9),
    (-350, "BCSD", 5, "coordination", "Phối hợp thẩm định tiêu chuẩn chính trị cán bộ đề nghị bổ nhiệm", 7, 11),
    (-320, "DU", 4, "coordination", "Trao đổi thông tin tình hình tư tưởng cán bộ, đảng viên dịp cuối năm {y}", 10, 6),
    (-290, "BCSD", 6, "opinion", "Xin ý kiến về dự thảo Kế hoạch kiểm tra, giám sát năm {y} của Ban cán sự đảng",
     10, 7),
    (-260, "DU", 3, "coordination", "Phối hợp triển khai Nghị quyết của Đảng ủy về nhiệm vụ năm {y}", 10, 8),
    (-235, "BCSD", 5, "coordination", "Phối hợp nhận xét cán bộ đề nghị đưa vào quy hoạch", 10, 9),
    (-210, "DU", 8, "coordination", "Đề nghị cung cấp thông tin kết quả thực hiện nhiệm vụ chính trị quý I năm {y}",
     10, 14),
    (-185, "BCSD", 7, "coordination", "Phối hợp chỉ đạo Đoàn Thanh niên tổ chức Tháng Thanh niên năm {y}", 7, 5),
    (-160, "DU", 4, "opinion", "Xin ý kiến về Kế hoạch tuyên truyền kỷ niệm Ngày thành lập ngành Kiểm sát nhân dân",
     10, 8),
    (-130, "BCSD", 6, "coordination", "Phối hợp xem xét, giải quyết đơn thư liên quan đến đảng viên", 15, 12),
    (-100, "DU", 5, "coordination", "Phối hợp đánh giá chất lượng tổ chức đảng 6 tháng đầu năm {y}", 10, 7),
    (-75, "BCSD", 8, "coordination", "Đề nghị cung cấp báo cáo sơ kết 6 tháng công tác kiểm tra, giám sát", 10, 13),
    (-50, "DU", 3, "coordination", "Phối hợp chuẩn bị nội dung làm việc với Đoàn kiểm tra của Trung ương", 7, 6),
]

OPINION = ("{party} cơ bản thống nhất với nội dung xin ý kiến; đề nghị bổ sung phần phân công trách nhiệm và thời hạn "
           "thực hiện của mỗi bên.")
ANSWER = "{party} đã thực hiện theo đề nghị; kết quả cụ thể tại văn bản trả lời gửi kèm."


def play_history(u, bcsd, du):
    from .requests import _attach, _pdf

    people = {bcsd.code: (u["bcsd.chuyenvien"], u["bcsd.lanhdao"]), du.code: (u["du.chuyenvien"], u["du.lanhdao"])}
    for n, (ago, code, article, kind, title, given, taken) in enumerate(HISTORY):
        start = day(ago)
        title = title.format(y=start.year)
        requesting, requested = (bcsd, du) if code == bcsd.code else (du, bcsd)
        (staff, leader), (their_staff, their_leader) = people[requesting.code], people[requested.code]
        with at(start, 8, 30):
            r = _new(staff, requesting, requested, article, title, kind, reply_deadline=after(start, given))
            _attach(staff, r, f"V/v {title[0].lower()}{title[1:]}", f"cong-van-{n + 1}.pdf", _letter(r, _pdf),
                    signer_name=leader.get_full_name(), recipients=requested.name_vi)
            steps.request_submit(by=staff, request=r)
        with at(start, 15):
            steps.request_approve_send(by=leader, request=r)
        with at(after(start, 1), 9, 15):
            steps.request_acknowledge(by=their_staff, request=r, officers=[their_staff],
                                         consulted_leaders=[their_leader] if kind == "opinion" else [])
        answered = after(start, taken)
        if kind == "opinion":
            with at(answered, 8, 30):
                steps.opinion_give(by=their_leader, request=r, content=OPINION.format(party=requested.short_name_vi))
        with at(answered, 10):
            steps.request_save_response(by=their_staff, request=r,
                                           response_content=ANSWER.format(party=requested.short_name_vi))
            if n % 2 == 0:
                _attach(their_staff, r, f"Trả lời: {title}", f"tra-loi-{n + 1}.pdf",
                        _pdf(f"Báo cáo kết quả: {title}", party=requested, doc_type="BC", paragraphs=[
                            ANSWER.format(party=requested.name_vi), r.content]), doc_type="BC")
            steps.request_submit_response(by=their_staff, request=r)
        with at(answered, 15, 30):
            steps.request_approve_response(by=their_leader, request=r)
        with at(after(answered, 1), 9):
            steps.request_close(by=staff, request=r, comment="Đã nhận kết quả, kết thúc đề nghị.")
    _overdue_in_progress(people, bcsd, du)


def _new(by, requesting, requested, article, title, kind, **extra):
    from .requests import _new as new

    content = (f"{requesting.name_vi} đề nghị {requested.name_vi} phối hợp: {title[0].lower()}{title[1:]}. "
               "Đề nghị cử cán bộ đầu mối và trả lời trong thời hạn.")
    return new(by, requesting, requested, article, title, content, kind=kind, requesting_officers=[by], **extra)


def _letter(request, make_pdf):
    deadline = request.reply_deadline
    return make_pdf(f"V/v {request.title[0].lower()}{request.title[1:]}", party=request.requesting_party, paragraphs=[
        f"Kính gửi: {request.requested_party.name_vi}.",
        request.content,
        f"Đề nghị trả lời trước ngày {deadline:%d/%m/%Y}.",
    ])


def _overdue_in_progress(people, bcsd, du):
    """Acknowledged by ĐU weeks ago, the answer still not sent: open and overdue."""
    (staff, leader), (their_staff, _) = people[bcsd.code], people[du.code]
    start = day(-40)
    with at(start, 9):
        r = _new(staff, bcsd, du, 5, "Phối hợp rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý", "coordination",
                 reply_deadline=after(start, 20))
        steps.request_submit(by=staff, request=r)
    with at(start, 14):
        steps.request_approve_send(by=leader, request=r)
    with at(after(start, 2), 10):
        steps.request_acknowledge(by=their_staff, request=r, officers=[their_staff],
                                     comment="Văn phòng Đảng ủy đang tổng hợp ý kiến các chi bộ.")
