"""Bring a request of BCSĐ (body A) to ĐU (body B) into any state through the real services."""

from coordination.models import RequestState as S
from coordination.services import requests as request_services

PATH = [S.DRAFT, S.AWAITING_APPROVAL, S.SENT, S.ACKNOWLEDGED, S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL,
        S.ANSWERED, S.CLOSED]


def advance(req, state, *, a_staff, a_leader, b_staff, b_leader):
    """Walk the happy path until `state` (withdrawn and cancelled are reached from sent and draft)."""
    if state == S.CANCELLED:
        return request_services.request_cancel(by=a_staff, request=req, comment="Không cần nữa")
    if state == S.WITHDRAWN:
        advance(req, S.SENT, a_staff=a_staff, a_leader=a_leader, b_staff=b_staff, b_leader=b_leader)
        return request_services.request_withdraw(by=a_leader, request=req, comment="Đã trao đổi trực tiếp")
    steps = {
        S.AWAITING_APPROVAL: lambda: request_services.request_submit(by=a_staff, request=req),
        S.SENT: lambda: request_services.request_approve_send(by=a_leader, request=req),
        S.ACKNOWLEDGED: lambda: request_services.request_acknowledge(by=b_staff, request=req, officers=[b_staff]),
        S.RESPONDING: lambda: request_services.request_save_response(
            by=b_staff, request=req, response_content="Thống nhất"),
        S.RESPONSE_AWAITING_APPROVAL: lambda: request_services.request_submit_response(by=b_staff, request=req),
        S.ANSWERED: lambda: request_services.request_approve_response(by=b_leader, request=req),
        S.CLOSED: lambda: request_services.request_close(by=a_staff, request=req),
    }
    for target in PATH[PATH.index(req.state) + 1: PATH.index(state) + 1]:  # from where it is now
        steps[target]()
    return req
