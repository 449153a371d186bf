"""The workflow through the services: self-assessments, conclusion, approval by both bodies, closed and read-only."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils.translation import override

from coordination.models import Notification
from meetings.evaluation import services
from meetings.evaluation.messages import MSG_CONCLUSION_MISSING, MSG_PARTS_MISSING
from meetings.evaluation.models import AnnualEvaluation, InvalidTransition
from meetings.evaluation.services.notifications import _message

pytestmark = pytest.mark.django_db


def test_staff_saves_and_sends_their_bodys_self_assessment_with_history(evaluation, part_of, bcsd, bcsd_staff):
    part = part_of(bcsd)
    area_id = evaluation.assessments.filter(party=bcsd).first().area_id
    services.assessment_save(by=bcsd_staff, part=part, values={area_id: {"results": " Tốt ", "causes": "Vì"}})
    assessment = evaluation.assessments.get(party=bcsd, area_id=area_id)
    assert (assessment.results, assessment.causes) == ("Tốt", "Vì")
    assert assessment.history.first().history_user == bcsd_staff
    services.assessment_submit(by=bcsd_staff, part=part)
    part.refresh_from_db()
    assert part.submitted_by == bcsd_staff and part.history.first().history_change_reason == "assessment_submit"


def test_a_body_cannot_write_the_other_bodys_self_assessment(evaluation, part_of, du, bcsd_staff):
    with pytest.raises(PermissionDenied):
        services.assessment_save(by=bcsd_staff, part=part_of(du), values={})


def test_a_sent_self_assessment_is_read_only_until_a_leader_takes_it_back(
        evaluation, part_of, bcsd, bcsd_staff, bcsd_leader):
    part = part_of(bcsd)
    services.assessment_submit(by=bcsd_staff, part=part)
    part.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.assessment_save(by=bcsd_staff, part=part, values={})
    with pytest.raises(PermissionDenied):
        services.assessment_reopen(by=bcsd_staff, part=part)
    services.assessment_reopen(by=bcsd_leader, part=part)
    part.refresh_from_db()
    assert part.submitted_at is None


def test_sending_for_approval_needs_both_parts_and_a_conclusion(advance, evaluation, bcsd_staff):
    with pytest.raises(InvalidTransition) as error:
        services.evaluation_submit(by=bcsd_staff, evaluation=evaluation)
    assert error.value.message == MSG_PARTS_MISSING
    advance("sent")
    with pytest.raises(InvalidTransition) as error:
        services.evaluation_submit(by=bcsd_staff, evaluation=evaluation)
    assert error.value.message == MSG_CONCLUSION_MISSING
    evaluation.refresh_from_db()
    assert evaluation.state == AnnualEvaluation.State.OPEN  # nothing changed


def test_each_bodys_leader_approves_then_it_closes(advance, bcsd, du, bcsd_leader, du_leader, du_staff):
    evaluation = advance("awaiting")
    with override("vi"):
        subject, _ = _message("awaiting_approval", evaluation)
    told = Notification.objects.filter(subject=subject, url=f"/danh-gia/{evaluation.pk}/")
    assert set(told.values_list("recipient__username", flat=True)) == {"bcsd.leader", "du.leader"}  # leaders only
    with pytest.raises(PermissionDenied):
        services.evaluation_approve(by=du_staff, part=evaluation.parts.get(party=du))
    with pytest.raises(PermissionDenied):  # a leader approves for their own body only
        services.evaluation_approve(by=bcsd_leader, part=evaluation.parts.get(party=du))
    services.evaluation_approve(by=bcsd_leader, part=evaluation.parts.get(party=bcsd))
    evaluation.refresh_from_db()
    assert evaluation.state == AnnualEvaluation.State.AWAITING_APPROVAL
    services.evaluation_approve(by=du_leader, part=evaluation.parts.get(party=du))
    evaluation.refresh_from_db()
    assert evaluation.state == AnnualEvaluation.State.CLOSED and evaluation.closed_at
    assert evaluation.history.first().history_user == du_leader


def test_a_closed_evaluation_is_read_only(advance, bcsd, bcsd_staff, bcsd_leader):
    evaluation = advance("closed")
    part = evaluation.parts.get(party=bcsd)
    for call in (
        lambda: services.assessment_save(by=bcsd_staff, part=part, values={}),
        lambda: services.conclusion_save(by=bcsd_staff, evaluation=evaluation, conclusion="x", number_symbol="",
                                         actions=[]),
        lambda: services.statistics_recompute(by=bcsd_staff, evaluation=evaluation),
        lambda: services.evaluation_return(by=bcsd_leader, evaluation=evaluation, comment="x"),
        lambda: services.assessment_reopen(by=bcsd_leader, part=part),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_a_return_withdraws_the_approvals_given(advance, bcsd, du, bcsd_leader, du_leader):
    evaluation = advance("awaiting")
    services.evaluation_approve(by=bcsd_leader, part=evaluation.parts.get(party=bcsd))
    services.evaluation_return(by=du_leader, evaluation=evaluation, comment="Bổ sung số liệu quý IV")
    evaluation.refresh_from_db()
    assert evaluation.state == AnnualEvaluation.State.OPEN
    assert not evaluation.parts.filter(approved_at__isnull=False).exists()


def test_a_follow_up_action_becomes_a_request_to_the_body_in_charge_once(advance, bcsd, du, bcsd_staff, du_staff):
    evaluation = advance("closed")
    action = evaluation.actions.get()
    with pytest.raises(PermissionDenied):  # the body in charge does not ask itself
        services.action_make_request(by=du_staff, action=action)
    services.action_make_request(by=bcsd_staff, action=action)
    action.refresh_from_db()
    request = action.request
    assert (request.requesting_party, request.requested_party, request.state) == (bcsd, du, "sent")
    assert request.reply_deadline == datetime.date(2027, 3, 31) and request.area.article_number == 8
    assert "2026" in request.title
    with pytest.raises(InvalidTransition):
        services.action_make_request(by=bcsd_staff, action=action)


def test_follow_up_actions_wait_for_the_approval(advance, bcsd_staff):
    evaluation = advance("awaiting")
    with pytest.raises(InvalidTransition):
        services.action_make_request(by=bcsd_staff, action=evaluation.actions.get())


def test_opening_tells_the_members_of_both_bodies(regulation, system, bcsd_staff, du_leader, outsider,
                                                  django_capture_on_commit_callbacks):
    from meetings.evaluation.services.opening import evaluation_open

    with django_capture_on_commit_callbacks(execute=True):
        evaluation_open(by=system, regulation=regulation, year=2026)
    told = set(Notification.objects.filter(subject__contains="2026").values_list("recipient__username", flat=True))
    assert told == {"bcsd.staff", "du.leader"}
    assert len(mail.outbox) == 2


def test_follow_up_request_is_worded_in_vietnamese_whatever_language_the_actor_reads(advance, bcsd_staff):
    from django.utils import translation

    action = advance("closed").actions.get()
    with translation.override("en"):
        services.action_make_request(by=bcsd_staff, action=action)
    action.refresh_from_db()
    assert action.request.title.startswith("Thực hiện kết luận đánh giá năm 2026: ")
    assert action.request.origin == "Đánh giá công tác phối hợp năm 2026"
