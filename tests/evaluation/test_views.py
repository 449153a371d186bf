"""Pages: what each one shows, clear messages on refused input, constant query counts."""

import pytest
from django.urls import reverse

from coordination.models import CoordinationArea
from meetings.evaluation.messages import MSG_PARTS_MISSING
from meetings.evaluation.services.opening import evaluation_open

pytestmark = pytest.mark.django_db


def test_list_shows_each_bodys_progress(client_for, evaluation, bcsd_staff):
    html = client_for(bcsd_staff).get(reverse("evaluation:evaluation_list")).content.decode()
    assert "Đánh giá năm 2026" in html and "BCSĐ: chưa gửi" in html and "ĐU: chưa phê duyệt" in html


def test_list_page_has_a_constant_number_of_queries(client_for, regulation, system, bcsd_staff,
                                                    django_assert_max_num_queries):
    for year in (2024, 2025, 2026):
        evaluation_open(by=system, regulation=regulation, year=year)
    client = client_for(bcsd_staff)
    client.get("/")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluation:evaluation_list")).status_code == 200


def test_detail_page_has_a_constant_number_of_queries(client_for, advance, bcsd_staff, django_assert_max_num_queries):
    evaluation = advance("closed")
    client = client_for(bcsd_staff)
    client.get("/")
    with django_assert_max_num_queries(16):
        response = client.get(reverse("evaluation:evaluation_detail", args=[evaluation.pk]))
    html = response.content.decode()
    assert "Đã phê duyệt và khóa" in html and "Kết quả BCSD" in html and "Trao đổi thông tin hằng quý" in html
    assert "<svg" in html and "Đề nghị phối hợp theo lĩnh vực" in html
    assert "Gửi thành đề nghị cho Đảng ủy" in html


def test_detail_shows_the_next_step_and_the_buttons_the_user_may_use(client_for, evaluation, bcsd_staff, du_leader):
    html = client_for(bcsd_staff).get(reverse("evaluation:evaluation_detail", args=[evaluation.pk])).content.decode()
    assert "Bước tiếp theo" in html and "Viết bản tự đánh giá" in html
    assert reverse("evaluation:assessment_edit", args=[evaluation.pk, bcsd_staff.memberships.get().party_id]) in html
    assert reverse("evaluation:assessment_edit", args=[evaluation.pk, du_leader.memberships.get().party_id]) not in html


def test_sending_for_approval_too_early_says_why_and_changes_nothing(client_for, evaluation, bcsd_staff):
    client = client_for(bcsd_staff)
    response = client.post(reverse("evaluation:evaluation_submit", args=[evaluation.pk]), follow=True)
    assert str(MSG_PARTS_MISSING) in [str(m) for m in response.context["messages"]] or \
        "Mỗi bên phải gửi bản tự đánh giá trước." in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.state == "open"


def test_an_action_without_a_body_in_charge_is_refused_with_a_message(client_for, advance, du_staff):
    evaluation = advance("sent")
    url = reverse("evaluation:conclusion_edit", args=[evaluation.pk])
    response = client_for(du_staff).post(url, {
        "conclusion": "Kết luận", "number_symbol": "", "actions-TOTAL_FORMS": "1", "actions-INITIAL_FORMS": "0",
        "actions-0-content": "Việc cần làm", "actions-0-area": CoordinationArea.objects.first().pk,
    })
    assert response.status_code == 200
    assert "Hãy chọn bên chủ trì thực hiện nhiệm vụ này." in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.conclusion == "" and not evaluation.actions.exists()


def test_return_without_a_comment_is_refused(client_for, advance, du_leader):
    evaluation = advance("awaiting")
    response = client_for(du_leader).post(reverse("evaluation:evaluation_return", args=[evaluation.pk]), {},
                                          follow=True)
    assert "Hãy nêu nội dung cần sửa đổi." in response.content.decode()
    evaluation.refresh_from_db()
    assert evaluation.state == "awaiting_approval"


def test_assessment_form_shows_the_bodys_figures_beside_each_area(client_for, evaluation, bcsd, bcsd_staff):
    html = client_for(bcsd_staff).get(reverse("evaluation:assessment_edit", args=[evaluation.pk, bcsd.pk])).content
    html = html.decode()
    assert html.count("<fieldset") == 6 and "Số liệu của năm" in html and "Lưu và gửi cho bên kia" in html


def test_home_page_tells_the_body_what_it_still_has_to_do(client_for, evaluation, du_staff):
    html = client_for(du_staff).get("/").content.decode()
    assert "Đánh giá hằng năm 2026" in html and "Đảng ủy chưa gửi bản tự đánh giá." in html


def test_the_article_page_shows_what_the_bodies_said_about_its_area(evaluation, part_of, bcsd, bcsd_staff, du_staff):
    from meetings.evaluation import services
    from regulation import live_work

    area3 = evaluation.assessments.filter(party=bcsd, area__article_number=3).get().area_id
    services.assessment_save(by=bcsd_staff, part=part_of(bcsd), values={area3: {"results": "Phối hợp tốt"}})
    [section] = [s for s in live_work.sections_for(du_staff, 3) if s["template"] == "evaluation/_live_work.html"]
    assert [a.results for a in section["assessments"]] == ["Phối hợp tốt"]
    assert not [s for s in live_work.sections_for(du_staff, 4) if s["template"] == "evaluation/_live_work.html"]
