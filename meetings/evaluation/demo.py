"""Demo data: last year's evaluation done (both self-assessments, the joint conclusion, approved by both
bodies in January), this year's open with the BCSĐ self-assessment sent. Each step on its day
(coordination.demo_clock). Idempotent: made only into an empty evaluation table."""

import datetime

from django.contrib.auth import get_user_model

from coordination.demo import register
from coordination.demo.clock import after, at, day, today, workday
from coordination.jobs import system_user
from coordination.models import CoordinationArea, Party
from regulation.models import Regulation

from . import services
from .models import AnnualEvaluation, BodyPart
from .services.opening import evaluation_open

DEMO_ASSESSMENT = {
    3: {
        "results": "Hai bên đã phối hợp chặt chẽ trong việc lãnh đạo thực hiện nhiệm vụ chính trị của ngành; "
                   "các đề nghị phối hợp được trao đổi kịp thời, đúng quy chế.",
        "shortcomings": "Một số đề nghị trả lời chậm so với thời hạn, nhất là dịp cuối năm.",
        "causes": "Khối lượng công việc cuối năm lớn; việc cử cán bộ đầu mối có lúc chưa kịp thời.",
        "proposals": "Mỗi bên cử một cán bộ đầu mối theo dõi thời hạn trả lời đề nghị phối hợp.",
    },
    4: {
        "results": "Phối hợp tổ chức học tập, quán triệt nghị quyết của Đảng; nắm bắt tư tưởng cán bộ, đảng viên.",
        "shortcomings": "Thông tin về tình hình tư tưởng có lúc chưa được trao đổi thường xuyên.",
        "causes": "Chưa có lịch trao đổi định kỳ giữa hai văn phòng.",
        "proposals": "Trao đổi thông tin tư tưởng hằng quý bằng văn bản.",
    },
    5: {
        "results": "Thống nhất ý kiến về công tác tổ chức, cán bộ theo đúng nguyên tắc, thẩm quyền.",
        "shortcomings": "",
        "causes": "",
        "proposals": "Tiếp tục duy trì việc xin ý kiến bằng văn bản trước khi quyết định.",
    },
    6: {
        "results": "Phối hợp xây dựng và thực hiện kế hoạch kiểm tra, giám sát; xem xét đơn thư liên quan đến đảng "
                   "viên đúng thẩm quyền.",
        "shortcomings": "",
        "causes": "",
        "proposals": "Trao đổi sớm dự thảo kế hoạch kiểm tra, giám sát năm sau.",
    },
    7: {
        "results": "Phối hợp chỉ đạo Công đoàn, Đoàn Thanh niên tổ chức các phong trào thi đua của ngành.",
        "shortcomings": "",
        "causes": "",
        "proposals": "",
    },
    8: {
        "results": "Họp liên tịch định kỳ hằng quý; gửi báo cáo định kỳ theo lịch, phần lớn đúng hạn.",
        "shortcomings": "Một số báo cáo định kỳ gửi chậm vài ngày so với lịch.",
        "causes": "Số liệu của các đơn vị tổng hợp chậm.",
        "proposals": "Văn phòng hai bên rà soát lịch báo cáo đầu năm.",
    },
}

# The ĐU writes its own wording where it sees things from its side.
DU_ASSESSMENT = {
    **DEMO_ASSESSMENT,
    3: {**DEMO_ASSESSMENT[3], "results": "Đảng ủy đã lãnh đạo các tổ chức đảng trực thuộc thực hiện nghiêm các "
        "nghị quyết của Ban cán sự đảng; trả lời đầy đủ các đề nghị phối hợp."},
    5: {**DEMO_ASSESSMENT[5], "results": "Các chi bộ nhận xét, đánh giá cán bộ theo đề nghị của Ban cán sự đảng "
        "đầy đủ, đúng thời hạn."},
}


@register
def load_evaluation_demo():
    regulation = Regulation.objects.filter(status=Regulation.Status.IN_FORCE).first()
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["bcsd.chuyenvien", "bcsd.lanhdao", "du.chuyenvien", "du.lanhdao"])}
    if regulation is None or len(users) < 4 or AnnualEvaluation.objects.exists():
        return
    parties = {p.code: p for p in Party.objects.filter(code__in=["BCSD", "DU"])}
    now = today()
    last_year = now.year - 1 if now >= datetime.date(now.year, 2, 1) else now.year - 2
    _last_year(regulation, last_year, users, parties)
    _this_year(regulation, now.year, users, parties)


def _open(regulation, year, on):
    with at(on, 0, 30):  # the daily job opens it
        return evaluation_open(by=system_user(), regulation=regulation, year=year)[0]


def _self_assessment(evaluation, party, staff, on):
    part = BodyPart.objects.get(evaluation=evaluation, party=party)
    texts = DU_ASSESSMENT if party.code == "DU" else DEMO_ASSESSMENT
    values = {a.area_id: texts.get(a.area.article_number, {})
              for a in evaluation.assessments.filter(party=party).select_related("area")}
    with at(on, 10):
        services.assessment_save(by=staff, part=part, values=values)
    with at(on, 16):
        services.assessment_submit(by=staff, part=part)
    return part


def _last_year(regulation, year, users, parties):
    opened = workday(datetime.date(year, 12, 1))
    evaluation = _open(regulation, year, opened)
    bcsd = _self_assessment(evaluation, parties["BCSD"], users["bcsd.chuyenvien"], after(opened, 14))
    du = _self_assessment(evaluation, parties["DU"], users["du.chuyenvien"], after(opened, 17))
    january = workday(datetime.date(year + 1, 1, 8))
    with at(january, 9):
        services.conclusion_save(
            by=users["bcsd.chuyenvien"], evaluation=evaluation, number_symbol=f"Số 01-BC/BCSĐ-ĐU/{year + 1}",
            conclusion=(f"Năm {year}, hai bên đã thực hiện nghiêm túc Quy chế phối hợp; phần lớn đề nghị phối hợp "
                        "được trả lời đúng hạn. Năm tới, mỗi bên cử cán bộ đầu mối theo dõi thời hạn trả lời."),
            actions=[{"content": "Trao đổi thông tin tình hình tư tưởng cán bộ, đảng viên hằng quý bằng văn bản",
                      "area": CoordinationArea.objects.get(article_number=4), "owner_party": parties["DU"],
                      "deadline": datetime.date(year + 1, 3, 31)}])
    with at(after(january, 1), 9):
        evaluation = services.evaluation_submit(by=users["bcsd.chuyenvien"], evaluation=evaluation)
    with at(after(january, 4), 10):
        services.evaluation_approve(by=users["bcsd.lanhdao"], part=BodyPart.objects.get(pk=bcsd.pk))
    with at(after(january, 6), 15):
        services.evaluation_approve(by=users["du.lanhdao"], part=BodyPart.objects.get(pk=du.pk))


def _this_year(regulation, year, users, parties):
    opening = workday(datetime.date(year, 12, 1))
    opened = opening if opening < today() else day(-4)  # opened by hand ahead of the job
    evaluation = _open(regulation, year, opened)
    _self_assessment(evaluation, parties["BCSD"], users["bcsd.chuyenvien"],
                     max(opened, min(after(opened, 2), day(-1))))
