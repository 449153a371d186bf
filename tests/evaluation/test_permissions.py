"""The permissions matrix of docs/permissions.md, row by row, through HTTP (allowed and denied).

Rows: (user, action, state of the evaluation, expected status). "Own" means the BCSĐ part for
BCSĐ users; ĐU users act on the BCSĐ part as the other body. The follow-up action is in ĐU's charge.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404

# fmt: off
MATRIX = [
    # viewing
    *[(u, "list", "open", OK) for u in ("bcsd_staff", "bcsd_leader", "du_staff", "du_leader", "reg_admin")],
    ("outsider", "list", "open", FORBIDDEN),
    *[(u, a, "open", OK) for u in ("bcsd_staff", "du_leader", "reg_admin") for a in ("detail", "print", "docx")],
    *[("outsider", a, "open", NOT_FOUND) for a in ("detail", "print", "docx")],
    *[(u, "jobs", "open", FORBIDDEN) for u in ("bcsd_staff", "bcsd_leader", "du_leader", "outsider")],
    ("reg_admin", "jobs", "open", OK),
    # a body's self-assessment (the BCSĐ part)
    ("bcsd_staff", "assessment_form", "open", OK),
    ("bcsd_leader", "assessment_form", "open", OK),
    ("du_staff", "assessment_form", "open", FORBIDDEN),
    ("du_leader", "assessment_form", "open", FORBIDDEN),
    ("reg_admin", "assessment_form", "open", FORBIDDEN),
    ("outsider", "assessment_form", "open", NOT_FOUND),
    ("bcsd_staff", "assessment_save", "open", REDIRECT),
    ("du_staff", "assessment_save", "open", FORBIDDEN),
    ("bcsd_staff", "assessment_send", "open", REDIRECT),
    ("bcsd_leader", "assessment_send", "open", REDIRECT),
    ("du_leader", "assessment_send", "open", FORBIDDEN),
    ("reg_admin", "assessment_send", "open", FORBIDDEN),
    ("bcsd_staff", "assessment_save", "sent", FORBIDDEN),
    ("bcsd_leader", "assessment_reopen", "sent", REDIRECT),
    ("bcsd_staff", "assessment_reopen", "sent", FORBIDDEN),
    ("du_leader", "assessment_reopen", "sent", FORBIDDEN),
    ("bcsd_leader", "assessment_reopen", "awaiting", FORBIDDEN),
    # the joint conclusion and sending it for approval
    ("bcsd_staff", "conclusion", "sent", REDIRECT),
    ("du_leader", "conclusion", "sent", REDIRECT),
    ("reg_admin", "conclusion", "sent", FORBIDDEN),
    ("outsider", "conclusion", "sent", NOT_FOUND),
    ("bcsd_staff", "conclusion", "awaiting", FORBIDDEN),
    ("du_staff", "conclusion", "closed", FORBIDDEN),
    ("du_staff", "submit", "ready", REDIRECT),
    ("bcsd_leader", "submit", "ready", REDIRECT),
    ("reg_admin", "submit", "ready", FORBIDDEN),
    ("bcsd_staff", "submit", "awaiting", FORBIDDEN),
    # approval
    ("bcsd_leader", "approve", "awaiting", REDIRECT),
    ("bcsd_staff", "approve", "awaiting", FORBIDDEN),
    ("du_leader", "approve", "awaiting", FORBIDDEN),
    ("reg_admin", "approve", "awaiting", FORBIDDEN),
    ("bcsd_leader", "approve", "ready", FORBIDDEN),
    ("bcsd_leader", "return", "awaiting", REDIRECT),
    ("du_leader", "return", "awaiting", REDIRECT),
    ("du_staff", "return", "awaiting", FORBIDDEN),
    ("du_leader", "return", "closed", FORBIDDEN),
    # figures
    ("bcsd_staff", "recompute", "open", REDIRECT),
    ("du_leader", "recompute", "awaiting", REDIRECT),
    ("reg_admin", "recompute", "open", FORBIDDEN),
    ("bcsd_staff", "recompute", "closed", FORBIDDEN),
    # follow-up action in ĐU's charge becomes a request from BCSĐ
    ("bcsd_staff", "make_request", "closed", REDIRECT),
    ("bcsd_leader", "make_request", "closed", REDIRECT),
    ("du_staff", "make_request", "closed", FORBIDDEN),
    ("reg_admin", "make_request", "closed", FORBIDDEN),
    ("bcsd_staff", "make_request", "awaiting", FORBIDDEN),
    ("du_leader", "make_request", "closed", FORBIDDEN),
    # further denied and allowed sides of the rows above
    ("bcsd_leader", "assessment_save", "open", REDIRECT),
    ("du_leader", "assessment_save", "open", FORBIDDEN),
    ("reg_admin", "assessment_save", "open", FORBIDDEN),
    ("du_staff", "assessment_send", "open", FORBIDDEN),
    ("bcsd_staff", "assessment_send", "awaiting", FORBIDDEN),
    ("bcsd_leader", "assessment_save", "closed", FORBIDDEN),
    ("bcsd_leader", "assessment_reopen", "closed", FORBIDDEN),
    ("du_staff", "submit", "closed", FORBIDDEN),
    ("bcsd_leader", "approve", "closed", FORBIDDEN),
    ("du_leader", "return", "open", FORBIDDEN),
    ("reg_admin", "return", "awaiting", FORBIDDEN),
    ("bcsd_leader", "recompute", "open", REDIRECT),
    ("du_leader", "recompute", "closed", FORBIDDEN),
]
# fmt: on


def _call(client, action, evaluation, bcsd):
    pk, party = evaluation.pk, bcsd.pk
    gets = {
        "list": reverse("evaluation:evaluation_list"),
        "detail": reverse("evaluation:evaluation_detail", args=[pk]),
        "print": reverse("evaluation:evaluation_print", args=[pk]),
        "docx": reverse("evaluation:evaluation_docx", args=[pk]),
        "jobs": reverse("coordination:job_runs"),
        "assessment_form": reverse("evaluation:assessment_edit", args=[pk, party]),
    }
    if action in gets:
        return client.get(gets[action])
    area_id = evaluation.assessments.filter(party=bcsd).first().area_id
    posts = {
        "assessment_save": (reverse("evaluation:assessment_edit", args=[pk, party]), {f"{area_id}-results": "Tốt"}),
        "assessment_send": (reverse("evaluation:assessment_submit", args=[pk, party]), {}),
        "assessment_reopen": (reverse("evaluation:assessment_reopen", args=[pk, party]), {}),
        "conclusion": (reverse("evaluation:conclusion_edit", args=[pk]), {
            "conclusion": "Kết luận", "number_symbol": "", "actions-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "0"}),
        "submit": (reverse("evaluation:evaluation_submit", args=[pk]), {}),
        "approve": (reverse("evaluation:evaluation_approve", args=[pk, party]), {}),
        "return": (reverse("evaluation:evaluation_return", args=[pk]), {"comment": "Sửa lại"}),
        "recompute": (reverse("evaluation:statistics_recompute", args=[pk]), {}),
    }
    if action == "make_request":
        url = reverse("evaluation:action_make_request", args=[pk, evaluation.actions.get().pk])
        return client.post(url, {})
    url, data = posts[action]
    return client.post(url, data)


@pytest.mark.parametrize(("who", "action", "state", "expected"), MATRIX,
                         ids=[f"{w}-{a}-{s}-{e}" for w, a, s, e in MATRIX])
def test_permissions_matrix(request, client_for, advance, bcsd, who, action, state, expected):
    user = request.getfixturevalue(who)
    if state == "ready":
        evaluation = advance("sent")
        from meetings.evaluation import services

        services.conclusion_save(by=request.getfixturevalue("bcsd_staff"), evaluation=evaluation,
                                 conclusion="Kết luận", number_symbol="", actions=[])
    else:
        evaluation = advance(state)
    response = _call(client_for(user), action, evaluation, bcsd)
    assert response.status_code == expected, response.content[:300]
    if expected == REDIRECT:
        assert response.url.startswith(reverse("evaluation:evaluation_detail", args=[evaluation.pk]))
        from django.contrib.messages import get_messages

        assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
