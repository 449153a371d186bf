"""The whole workflow through the services, both bodies, with notifications and history."""

from django.core import mail

from coordination.models import RequestState
from coordination.services import requests as request_services


def test_whole_story_through_services(make_request, bcsd_staff, bcsd_leader, du_staff, du_leader,
                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        req = make_request(bcsd_staff)
        request_services.request_submit(by=bcsd_staff, request=req)
        request_services.request_return_draft(by=bcsd_leader, request=req, comment="Bổ sung căn cứ")
        request_services.request_submit(by=bcsd_staff, request=req)
        req = request_services.request_approve_send(by=bcsd_leader, request=req)
        req = request_services.request_acknowledge(by=du_staff, request=req, officers=[du_staff])
        req = request_services.request_save_response(by=du_staff, request=req, response_content="Đảng ủy thống nhất.")
        req = request_services.request_submit_response(by=du_staff, request=req)
        req = request_services.request_approve_response(by=du_leader, request=req)
        req = request_services.request_close(by=bcsd_staff, request=req)
    assert req.state == RequestState.CLOSED
    assert [e.action for e in req.events.all()] == [
        "create", "submit", "return_draft", "submit", "approve_send", "acknowledge", "draft_response",
        "submit_response", "approve_response", "close",
    ]
    assert len(mail.outbox) >= 5
    assert req.history.count() >= 9
