"""Demo data: the current year's evaluation open, with figures and the BCSĐ self-assessment sent."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from coordination.demo import register

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
}


@register
def load_evaluation_demo():
    from coordination.jobs import system_user
    from coordination.models import Party
    from regulation.models import Regulation

    from . import services
    from .models import BodyPart
    from .services.opening import evaluation_open

    regulation = Regulation.objects.filter(status=Regulation.Status.IN_FORCE).first()
    staff = get_user_model().objects.filter(username="bcsd.chuyenvien").first()
    if regulation is None or staff is None:
        return
    evaluation, created = evaluation_open(by=system_user(), regulation=regulation, year=timezone.localdate().year)
    part = BodyPart.objects.filter(evaluation=evaluation, party=Party.objects.get(code="BCSD")).first()
    if not created or part is None or part.submitted_at:
        return
    values = {a.area_id: DEMO_ASSESSMENT.get(a.area.article_number, {})
              for a in evaluation.assessments.filter(party=part.party).select_related("area")}
    services.assessment_save(by=staff, part=part, values=values)
    services.assessment_submit(by=staff, part=part)
