"""The workflow through the services: each step one transaction, logged, notifying the next actor."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from coordination.models import (
    CoordinationRequest,
    InvalidTransition,
    Notification,
    RequestEvent,
    RequestKind,
)
from coordination.models import RequestState as S
from coordination.models.requests import TRANSITIONS
from coordination.services import requests as request_services

from .helpers import advance


@pytest.fixture
def people(bcsd_staff, bcsd_leader, du_staff, du_leader):
    return {"a_staff": bcsd_staff, "a_leader": bcsd_leader, "b_staff": du_staff, "b_leader": du_leader}


def test_model_refuses_a_step_from_the_wrong_state_and_changes_nothing():
    req = CoordinationRequest(state=S.DRAFT)
    with pytest.raises(InvalidTransition):
        req.apply("approve_send")
    assert req.state == S.DRAFT and req.sent_at is None


def test_every_step_has_roles_and_a_side():
    for t in TRANSITIONS.values():
        assert t.roles and t.side in ("requesting", "requested") and t.sources


def test_invalid_step_via_http_shows_a_clear_message_and_changes_nothing(client_for, make_request, bcsd_staff,
                                                                          bcsd_leader):
    req = make_request(bcsd_staff)
    response = client_for(bcsd_leader).post(f"/phoi-hop/de-nghi/{req.pk}/buoc/approve_send/", follow=True)
    assert "Không thể thực hiện bước này lúc này" in response.content.decode()
    req.refresh_from_db()
    assert req.state == S.DRAFT and req.events.count() == 1


def test_return_needs_a_comment(make_request, bcsd_staff, bcsd_leader):
    req = make_request(bcsd_staff)
    request_services.request_submit(by=bcsd_staff, creq=req)
    with pytest.raises(ValidationError):
        request_services.request_return_draft(by=bcsd_leader, creq=req, comment="  ")
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.AWAITING_APPROVAL


def test_each_step_records_who_when_and_the_comment(make_request, people):
    req = make_request(people["a_staff"])
    request_services.request_submit(by=people["a_staff"], creq=req)
    request_services.request_return_draft(by=people["a_leader"], creq=req, comment="Bổ sung căn cứ pháp lý")
    event = req.events.last()
    assert (event.action, event.by, event.comment) == ("return_draft", people["a_leader"], "Bổ sung căn cứ pháp lý")
    assert (event.from_state, event.to_state) == (S.AWAITING_APPROVAL, S.DRAFT)
    record = req.history.first()
    assert record.history_user == people["a_leader"] and record.history_change_reason == "return_draft"


def test_sending_notifies_the_other_body_in_app_and_by_email_after_commit(
        make_request, people, django_capture_on_commit_callbacks):
    req = make_request(people["a_staff"])
    request_services.request_submit(by=people["a_staff"], creq=req)
    with django_capture_on_commit_callbacks(execute=True):
        request_services.request_approve_send(by=people["a_leader"], creq=req)
    assert Notification.objects.filter(recipient=people["b_staff"], url__endswith=f"/{req.pk}/").exists()
    assert any(people["b_staff"].email in m.to for m in mail.outbox)


def test_a_step_that_fails_leaves_no_notification_and_no_email(make_request, people,
                                                               django_capture_on_commit_callbacks):
    req = make_request(people["a_staff"])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        request_services.request_submit(by=people["a_staff"], creq=req)
        raise RuntimeError
    assert not Notification.objects.exists() and mail.outbox == []
    assert CoordinationRequest.objects.get(pk=req.pk).state == S.DRAFT


def test_other_body_sees_nothing_before_sending(make_request, people):
    from coordination.selectors.requests import requests_visible

    req = make_request(people["a_staff"])
    assert not requests_visible(people["b_staff"]).filter(pk=req.pk).exists()
    advance(req, S.SENT, **people)
    assert requests_visible(people["b_staff"]).filter(pk=req.pk).exists()


def test_response_stays_hidden_from_the_requesting_body_until_approved(make_request, people):
    from coordination.permissions import can_view_response

    req = advance(make_request(people["a_staff"]), S.RESPONSE_AWAITING_APPROVAL, **people)
    assert not can_view_response(people["a_staff"], req)
    request_services.request_approve_response(by=people["b_leader"], creq=req)
    assert can_view_response(people["a_staff"], req)


def test_ask_for_more_sends_it_back_to_the_requested_body(make_request, people):
    req = advance(make_request(people["a_staff"]), S.ANSWERED, **people)
    request_services.request_ask_more(by=people["a_staff"], creq=req, comment="Đề nghị bổ sung số liệu")
    assert req.state == S.RESPONDING
    assert req.events.last().comment == "Đề nghị bổ sung số liệu"
    assert Notification.objects.filter(recipient=people["b_staff"], body="Đề nghị bổ sung số liệu").exists()


def test_withdraw_and_cancel_need_a_reason(make_request, people):
    req = make_request(people["a_staff"])
    with pytest.raises(ValidationError):
        request_services.request_cancel(by=people["a_staff"], creq=req, comment="")
    request_services.request_cancel(by=people["a_staff"], creq=req, comment="Trùng nội dung")
    assert req.state == S.CANCELLED and req.closed_at


def test_opinion_request_gathers_leaders_opinions_before_the_answer(make_request, people, make_member, du):
    from coordination.models import Role

    second_leader = make_member("du.leader2", (du, Role.LEADER))
    req = make_request(people["a_staff"], kind=RequestKind.OPINION)
    advance(req, S.SENT, **people)
    request_services.request_acknowledge(by=people["b_staff"], creq=req, officers=[people["b_staff"]],
                                 consulted_leaders=[people["b_leader"], second_leader])
    request_services.request_save_response(by=people["b_staff"], creq=req, response_content="Tổng hợp ý kiến")
    request_services.opinion_give(by=people["b_leader"], creq=req, content="Đồng ý")
    with pytest.raises(ValidationError) as caught:
        request_services.request_submit_response(by=people["b_staff"], creq=req)
    assert caught.value.code == "opinions_pending"
    request_services.opinion_give(by=second_leader, creq=req, content="Đề nghị bổ sung mục 2")
    request_services.request_submit_response(by=people["b_staff"], creq=req)
    assert req.state == S.RESPONSE_AWAITING_APPROVAL
    assert req.opinions.filter(given_at__isnull=False).count() == 2


def test_staff_cannot_give_a_leaders_opinion(make_request, people):
    req = make_request(people["a_staff"], kind=RequestKind.OPINION)
    advance(req, S.ACKNOWLEDGED, **people)
    with pytest.raises(PermissionDenied):
        request_services.opinion_give(by=people["b_staff"], creq=req, content="x")


def test_officers_changes_are_kept_in_the_history_m2m_included(make_request, people):
    req = advance(make_request(people["a_staff"]), S.ACKNOWLEDGED, **people)
    request_services.request_set_officers(by=people["b_leader"], creq=req, side="requested",
                                  officers=[people["b_staff"], people["b_leader"]])
    latest = req.history.first()
    assert {row.user_id for row in latest.requested_officers.all()} == {people["b_staff"].pk, people["b_leader"].pk}
    earlier = req.history.all()[1]
    delta = latest.diff_against(earlier)
    assert "requested_officers" in delta.changed_fields


def test_officers_must_belong_to_the_assigning_body(make_request, people):
    with pytest.raises(ValidationError):
        make_request(people["a_staff"], requesting_officers=[people["b_staff"]])


def test_request_create_sent_skips_the_draft_and_tells_the_requested_body(people, bcsd, du, area):
    req = request_services.request_create_sent(
        by=people["a_leader"], requesting_party=bcsd, requested_party=du, area=area, kind="coordination",
        title="Triển khai kết luận cuộc họp", content="Theo Kết luận cuộc họp liên tịch", origin="Kết luận cuộc họp 1",
    )
    assert req.state == S.SENT and req.sent_at and req.origin == "Kết luận cuộc họp 1"
    assert Notification.objects.filter(recipient=people["b_staff"]).exists()
    assert RequestEvent.objects.filter(request=req, action="create_sent").exists()


def test_request_create_sent_by_the_system_and_refused_to_a_non_member(people, bcsd, du, area):
    req = request_services.request_create_sent(by=None, requesting_party=bcsd, requested_party=du, area=area,
                                       kind="opinion", title="Việc tiếp theo", content="…")
    assert req.created_by is None
    with pytest.raises(PermissionDenied):
        request_services.request_create_sent(by=people["b_staff"], requesting_party=bcsd, requested_party=du, area=area,
                                     kind="opinion", title="x", content="y")


def test_top_secret_request_is_refused(people, bcsd, du, area):
    with pytest.raises(ValidationError):
        request_services.request_create(by=people["a_staff"], requesting_party=bcsd, requested_party=du, area=area,
                                title="x", content="y", confidentiality=3)


def test_secret_request_needs_clearance_to_be_seen(make_request, people, client_for):
    req = advance(make_request(people["a_staff"], confidentiality=1), S.SENT, **people)
    assert client_for(people["b_staff"]).get(f"/phoi-hop/de-nghi/{req.pk}/").status_code == 404
    assert client_for(people["b_leader"]).get(f"/phoi-hop/de-nghi/{req.pk}/").status_code == 200


def test_response_documents_reach_the_requesting_body_only_when_approved(make_request, people, pdf_file):
    from coordination.permissions import can_view_document

    req = advance(make_request(people["a_staff"]), S.ACKNOWLEDGED, **people)
    link = request_services.request_add_new_document(
        by=people["b_staff"], creq=req, doc_type="BC", summary="Báo cáo",
                                             file=pdf_file())
    assert link.document.number_symbol == "Số 1-BC/ĐU"
    assert not can_view_document(people["a_staff"], link.document)
    advance(req, S.ANSWERED, **people)  # continues from where it is
    assert can_view_document(people["a_staff"], link.document)


def test_request_documents_reach_the_other_body_when_sent(make_request, people, pdf_file):
    from coordination.permissions import can_view_document

    req = make_request(people["a_staff"])
    link = request_services.request_add_new_document(by=people["a_staff"], creq=req, summary="Công văn",
                                             doc_type="CV", file=pdf_file())
    assert not can_view_document(people["b_staff"], link.document)
    advance(req, S.SENT, **people)
    assert can_view_document(people["b_staff"], link.document)


def test_ended_membership_loses_sight_at_once(make_request, people, bcsd_leader):
    from coordination.models import Membership
    from coordination.permissions import can_view_request, forget_memberships

    req = make_request(people["a_staff"])
    assert can_view_request(bcsd_leader, req)
    Membership.objects.filter(user=bcsd_leader).update(active_to="2000-01-02", active_from="2000-01-01")
    forget_memberships(bcsd_leader)
    assert not can_view_request(bcsd_leader, req)


def test_history_page_never_shows_the_requesting_body_the_response_drafts(client_for, make_request, people):
    from django.urls import reverse

    req = advance(make_request(people["a_staff"]), S.RESPONSE_AWAITING_APPROVAL, **people)
    url = reverse("coordination:request_history", args=[req.pk])
    assert "Thống nhất" not in client_for(people["a_staff"]).get(url).content.decode()
    assert "Thống nhất" in client_for(people["b_staff"]).get(url).content.decode()
    request_services.request_approve_response(by=people["b_leader"], creq=req)
    # Approved: the requesting body reads the response on the request page; the drafts stay the other body's.
    assert "Thống nhất" not in client_for(people["a_staff"]).get(url).content.decode()
    detail = reverse("coordination:request_detail", args=[req.pk])
    assert "Thống nhất" in client_for(people["a_staff"]).get(detail).content.decode()
