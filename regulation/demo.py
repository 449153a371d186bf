"""Demo data: one amendment already in force and one awaiting the ĐU leader's approval.

Built through the services, as the users would, each step on its day (coordination.demo_clock): the
first amendment was approved in December 2022 and took effect on 01/01/2023. Safe to run twice.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from coordination.demo import register
from coordination.demo.clock import at, day
from coordination.models import Party

from . import services
from .models import ChangeKind, Regulation

EARLIER_TITLE = "Sửa đổi khoản 3 Điều 8 về chế độ thông tin giữa hai bên"
EARLIER_RATIONALE = (
    "Thực hiện chủ trương ứng dụng công nghệ thông tin trong công tác đảng, cần quy định rõ hình thức và thời hạn "
    "gửi báo cáo, thông tin giữa Ban cán sự đảng và Đảng ủy."
)
EARLIER_CLAUSE = (
    "Hai bên gửi cho nhau báo cáo sơ kết sáu tháng, báo cáo tổng kết năm, báo cáo chuyên đề và thông tin cần thiết "
    "khác về nội dung phối hợp qua hệ thống phần mềm phối hợp công tác hoặc bằng văn bản, chậm nhất 05 ngày làm việc "
    "kể từ ngày ký ban hành, trừ tài liệu mật theo quy định."
)
PENDING_TITLE = "Bổ sung thời hạn trả lời đề nghị phối hợp và Điều 8a về ứng dụng công nghệ thông tin"
PENDING_RATIONALE = (
    "Qua đánh giá công tác phối hợp năm 2025, một số đề nghị phối hợp, xin ý kiến chưa được trả lời kịp thời; "
    "cần quy định thời hạn trả lời và việc trao đổi văn bản qua hệ thống phần mềm."
)
PENDING_CLAUSE = (
    "Khi có yêu cầu phối hợp hoặc tham gia ý kiến, bên đề nghị và bên được đề nghị chủ động trao đổi ý kiến trực tiếp "
    "hoặc bằng văn bản, cử cán bộ phối hợp thực hiện; bên được đề nghị trả lời trong thời hạn 07 ngày làm việc kể từ "
    "ngày nhận được đề nghị, trừ trường hợp hai bên có thỏa thuận khác."
)
NEW_ARTICLE_BODY = "\n".join([
    "1. Việc gửi, nhận đề nghị phối hợp, văn bản, tài liệu và thông tin giữa hai bên được thực hiện qua hệ thống phần "
    "mềm phối hợp công tác, trừ tài liệu mật theo quy định.",
    "2. Văn phòng Viện kiểm sát nhân dân tối cao và Văn phòng Đảng ủy có trách nhiệm:",
    "a) Quản lý tài khoản, phân quyền sử dụng hệ thống cho cán bộ, đảng viên được giao nhiệm vụ;",
    "b) Bảo đảm an toàn, bảo mật thông tin và lưu trữ hồ sơ theo quy định.",
])


@register
def load_regulation_demo():
    regulation = Regulation.objects.filter(term_start=2020, status=Regulation.Status.IN_FORCE).first()
    if regulation is None or regulation.amendments.exists():
        return
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["quantri", "bcsd.lanhdao", "du.lanhdao"])}
    if len(users) < 3:
        return
    with transaction.atomic():
        _earlier(regulation, users)
        _pending(regulation, users)


def _earlier(regulation, users):
    """Drafted in early December 2022, approved by both bodies on 20/12/2022, in force from 01/01/2023
    (brought into force by the daily job that morning): each step on its day, through the services."""

    bcsd, du = Party.objects.get(code="BCSD"), Party.objects.get(code="DU")
    with at(datetime.date(2022, 12, 5), 9, 30):
        amendment = services.amendment_create(by=users["quantri"], regulation=regulation, title=EARLIER_TITLE,
                                              rationale=EARLIER_RATIONALE,
                                              proposed_effective_on=datetime.date(2023, 1, 1))
        services.amendment_add_change(by=users["quantri"], amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                      article_key="8", clause_number=3, body=EARLIER_CLAUSE)
    with at(datetime.date(2022, 12, 7), 10):
        services.amendment_submit(by=users["quantri"], amendment=amendment)
    with at(datetime.date(2022, 12, 20), 9, 30):
        services.amendment_approve(by=users["bcsd.lanhdao"], amendment=amendment, party=bcsd)
    with at(datetime.date(2022, 12, 20), 15):
        services.amendment_approve(by=users["du.lanhdao"], amendment=amendment, party=du)
    with at(datetime.date(2023, 1, 1), 0, 15):
        services.amendments_bring_into_force(by=None)


def _pending(regulation, users):
    bcsd = Party.objects.get(code="BCSD")
    with at(day(-16), 9):
        amendment = services.amendment_create(
            by=users["quantri"], regulation=regulation, title=PENDING_TITLE, rationale=PENDING_RATIONALE,
            proposed_effective_on=day(30))
        services.amendment_add_change(by=users["quantri"], amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                      article_key="2", clause_number=4, body=PENDING_CLAUSE)
        services.amendment_add_change(by=users["quantri"], amendment=amendment, kind=ChangeKind.INSERT_ARTICLE,
                                      article_key="8a", chapter_number=2,
                                      title="Ứng dụng công nghệ thông tin trong phối hợp công tác",
                                      body=NEW_ARTICLE_BODY)
    with at(day(-14), 10):
        services.amendment_submit(by=users["quantri"], amendment=amendment)
    with at(day(-6), 14, 30):
        services.amendment_approve(by=users["bcsd.lanhdao"], amendment=amendment, party=bcsd)
