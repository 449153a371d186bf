"""The permissions matrix of docs/permissions.md, row by row, through HTTP.

A = the requesting body (BCSĐ), B = the requested body (ĐU). Every row names the state the request
is in, the person, the action and the answer: "ok" (the step is taken), 403 (sees it, may not act)
or 404 (may not even see it).
"""

import pytest
from django.urls import reverse

from coordination.models import CoordinationRequest
from coordination.models import RequestState as S

from .helpers import advance

PEOPLE = {
    "A staff": "bcsd_staff", "A leader": "bcsd_leader", "B staff": "du_staff", "B leader": "du_leader",
    "admin": "reg_admin", "outsider": "outsider",
}
# action -> (state it starts from, state it leads to, {person: answer}); people not named: 404 if they can't see
# the request in that state (B before it is sent, admin, outsider), otherwise 403.
STEPS = {
    "submit": (S.DRAFT, S.AWAITING_APPROVAL, {"A staff": "ok", "A leader": "ok"}),
    "return_draft": (S.AWAITING_APPROVAL, S.DRAFT, {"A leader": "ok"}),
    "approve_send": (S.AWAITING_APPROVAL, S.SENT, {"A leader": "ok"}),
    "cancel": (S.DRAFT, S.CANCELLED, {"A staff": "ok", "A leader": "ok"}),
    "acknowledge": (S.SENT, S.ACKNOWLEDGED, {"B staff": "ok", "B leader": "ok"}),
    "draft_response": (S.ACKNOWLEDGED, S.RESPONDING, {"B staff": "ok", "B leader": "ok"}),
    "submit_response": (S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL, {"B staff": "ok", "B leader": "ok"}),
    "return_response": (S.RESPONSE_AWAITING_APPROVAL, S.RESPONDING, {"B leader": "ok"}),
    "approve_response": (S.RESPONSE_AWAITING_APPROVAL, S.ANSWERED, {"B leader": "ok"}),
    "ask_more": (S.ANSWERED, S.RESPONDING, {"A staff": "ok", "A leader": "ok"}),
    "close": (S.ANSWERED, S.CLOSED, {"A staff": "ok", "A leader": "ok"}),
    "withdraw": (S.SENT, S.WITHDRAWN, {"A leader": "ok"}),
}
SEEN_BY_B_FROM = [S.SENT, S.ACKNOWLEDGED, S.RESPONDING, S.RESPONSE_AWAITING_APPROVAL, S.ANSWERED, S.CLOSED,
                  S.WITHDRAWN]


def sees(person, state):
    if person.startswith("A "):
        return True
    if person.startswith("B "):
        return state in SEEN_BY_B_FROM
    return False


def expected(person, state, allowed):
    if person in allowed:
        return allowed[person]
    return 403 if sees(person, state) else 404


STEP_ROWS = [
    (action, person, expected(person, start, allowed))
    for action, (start, _target, allowed) in STEPS.items()
    for person in PEOPLE
]


@pytest.fixture
def cast(request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    def person(name):
        return request.getfixturevalue(PEOPLE[name])

    return person


@pytest.fixture
def request_in(make_request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    def make(state):
        req = make_request(bcsd_staff)
        return advance(req, state, a_staff=bcsd_staff, a_leader=bcsd_leader, b_staff=du_staff, b_leader=du_leader)

    return make


def _post_step(client, req, action, user):
    if action == "acknowledge":
        return client.post(reverse("coordination:request_acknowledge", args=[req.pk]), {"officers": [user.pk]})
    if action == "draft_response":
        return client.post(reverse("coordination:request_response", args=[req.pk]), {"response_content": "Trả lời"})
    return client.post(reverse("coordination:request_step", args=[req.pk, action]),
                       {f"{action}-comment": "Ý kiến kèm theo"})


@pytest.mark.parametrize("action, person, answer", STEP_ROWS, ids=[f"{a}-{p}-{r}" for a, p, r in STEP_ROWS])
def test_workflow_step_matrix(client_for, cast, request_in, action, person, answer):
    start, target, _allowed = STEPS[action]
    req = request_in(start)
    user = cast(person)
    response = _post_step(client_for(user), req, action, user)
    state_after = CoordinationRequest.objects.get(pk=req.pk).state
    if answer == "ok":
        assert response.status_code == 302
        assert state_after == target
    else:
        assert response.status_code == answer
        assert state_after == start


VIEW_STATES = [S.DRAFT, S.AWAITING_APPROVAL, S.SENT, S.ANSWERED, S.CLOSED, S.CANCELLED, S.WITHDRAWN]
VIEW_ROWS = [(state, person, 200 if sees(person, state) else 404) for state in VIEW_STATES for person in PEOPLE]


@pytest.mark.parametrize("state, person, code", VIEW_ROWS, ids=[f"{s}-{p}-{c}" for s, p, c in VIEW_ROWS])
def test_view_request_matrix(client_for, cast, request_in, state, person, code):
    req = request_in(state)
    client = client_for(cast(person))
    assert client.get(reverse("coordination:request_detail", args=[req.pk])).status_code == code
    assert client.get(reverse("coordination:request_history", args=[req.pk])).status_code == code


# (what, state, person, answer)
OTHER_ROWS = [
    ("edit", S.DRAFT, "A staff", 200), ("edit", S.DRAFT, "A leader", 200), ("edit", S.DRAFT, "B staff", 404),
    ("edit", S.AWAITING_APPROVAL, "A staff", 403), ("edit", S.SENT, "A leader", 403), ("edit", S.SENT, "B staff", 403),
    ("attach", S.DRAFT, "A staff", 200), ("attach", S.DRAFT, "B leader", 404), ("attach", S.SENT, "A staff", 403),
    ("attach", S.ACKNOWLEDGED, "B staff", 200), ("attach", S.ACKNOWLEDGED, "A staff", 403),
    ("attach", S.ANSWERED, "B staff", 403),
    ("comment", S.DRAFT, "A staff", 302), ("comment", S.DRAFT, "B staff", 404), ("comment", S.SENT, "B staff", 302),
    ("comment", S.SENT, "A leader", 302), ("comment", S.SENT, "admin", 404), ("comment", S.CLOSED, "A staff", 403),
    ("opinion", S.ACKNOWLEDGED, "B leader", 403), ("opinion", S.ACKNOWLEDGED, "A leader", 403),
    ("officers-requesting", S.SENT, "A staff", 302), ("officers-requesting", S.SENT, "B leader", 403),
    ("officers-requested", S.SENT, "B staff", 403), ("officers-requested", S.ACKNOWLEDGED, "B leader", 302),
    ("officers-requested", S.ACKNOWLEDGED, "A leader", 403), ("officers-requesting", S.CLOSED, "A staff", 403),
    ("officers-requesting", S.DRAFT, "B staff", 404),
]


@pytest.mark.parametrize("what, state, person, code", OTHER_ROWS, ids=[f"{w}-{s}-{p}" for w, s, p, _c in OTHER_ROWS])
def test_other_actions_matrix(client_for, cast, request_in, what, state, person, code):
    req = request_in(state)
    client = client_for(cast(person))
    if what == "edit":
        response = client.get(reverse("coordination:request_edit", args=[req.pk]))
    elif what == "attach":
        response = client.get(reverse("coordination:request_attach", args=[req.pk]))
    elif what == "comment":
        response = client.post(reverse("coordination:comment_add", args=[req.pk]), {"body": "Trao đổi"})
    elif what.startswith("officers-"):
        side = what.split("-")[1]
        response = client.post(reverse("coordination:request_officers", args=[req.pk, side]), {f"{side}-officers": []})
    else:  # opinions only on requests for opinion: a coordination request refuses them
        response = client.post(reverse("coordination:opinion_give", args=[req.pk]), {"content": "Đồng ý"})
    assert response.status_code == code


@pytest.mark.parametrize("person, code", [
    ("A staff", 403), ("A leader", 200), ("B staff", 403), ("B leader", 200), ("admin", 403), ("outsider", 403),
])
def test_dashboard_is_for_leaders(client_for, cast, person, code):
    assert client_for(cast(person)).get(reverse("coordination:dashboard")).status_code == code


@pytest.mark.parametrize("person, code", [
    ("A staff", 200), ("A leader", 200), ("B staff", 403), ("B leader", 403), ("admin", 403), ("outsider", 403),
])
def test_only_members_of_a_body_create_requests_for_it(client_for, cast, bcsd, du, area, person, code):
    client = client_for(cast(person))
    response = client.post(reverse("coordination:request_create"), {
        "requesting_party": bcsd.pk, "requested_party": du.pk, "area": area.pk, "kind": "coordination",
        "title": "Đề nghị", "content": "Nội dung", "exchange_form": "writing", "urgency": 0, "confidentiality": 0,
    })
    if code == 200:
        assert response.status_code == 302
        assert CoordinationRequest.objects.filter(title="Đề nghị", requesting_party=bcsd).exists()
    elif person.startswith("B"):
        # A member of ĐU only is offered ĐU as requesting body: BCSĐ is not a valid choice.
        assert response.status_code == 200
        assert not CoordinationRequest.objects.exists()
    else:
        assert response.status_code == code
