"""docs/permissions.md, "Members and the security log": every cell through HTTP."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import Membership, Role

pytestmark = pytest.mark.django_db

# (actor, target body of the membership acted on) -> expected status per action
ACTIONS = ["list", "add", "edit", "end", "history", "security_log"]
MATRIX = {
    ("staff", "own"): [403, 403, 404, 404, 404, 403],
    ("staff", "other"): [403, 403, 404, 404, 404, 403],
    ("leader", "own"): [403, 403, 404, 404, 404, 200],
    ("leader", "other"): [403, 403, 404, 404, 404, 200],
    ("admin", "own"): [200, 302, 302, 302, 200, 200],
    ("admin", "other"): [200, 200, 404, 404, 404, 200],
    ("ended", "own"): [403, 403, 404, 404, 404, 403],
}


@pytest.fixture
def setup(make_member, bcsd, du):
    target_own = make_member("muc.tieu.bcsd", (bcsd, Role.STAFF))
    target_other = make_member("muc.tieu.du", (du, Role.STAFF))
    return {
        "own": Membership.objects.get(user=target_own),
        "other": Membership.objects.get(user=target_other),
        "bcsd": bcsd,
        "du": du,
    }


def _actor(make_member, role, bcsd):
    today = timezone.localdate()
    if role == "ended":
        return make_member("da.nghi", (bcsd, Role.ADMIN), active_from=today - timezone.timedelta(days=60),
                           active_to=today - timezone.timedelta(days=1))
    return make_member(f"actor.{role}", (bcsd, {"staff": Role.STAFF, "leader": Role.LEADER, "admin": Role.ADMIN}[role]))


def _do(client, action, membership, party):
    if action == "list":
        return client.get(reverse("coordination:member_list"))
    if action == "add":
        return client.post(reverse("coordination:member_add"), {
            "username": "nguoi.moi", "last_name": "Mới", "first_name": "Người",
            "party": party.pk, "role": Role.STAFF, "clearance": 0})
    if action == "edit":
        return client.post(reverse("coordination:member_edit", args=[membership.pk]),
                           {"role": Role.LEADER, "clearance": 0, "position_title": ""})
    if action == "end":
        return client.post(reverse("coordination:member_end", args=[membership.pk]))
    if action == "history":
        return client.get(reverse("coordination:member_history", args=[membership.pk]))
    return client.get(reverse("coordination:security_log"))


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("actor_role, target", list(MATRIX))
def test_members_matrix(client, make_member, setup, actor_role, target, action):
    """Actors are members of BCSĐ; "own" targets a BCSĐ membership, "other" a ĐU one."""
    actor = _actor(make_member, actor_role, setup["bcsd"])
    client.force_login(actor)
    party = setup["bcsd"] if target == "own" else setup["du"]
    response = _do(client, action, setup[target], party)
    assert response.status_code == MATRIX[(actor_role, target)][ACTIONS.index(action)]
    if action == "add" and actor_role == "admin" and target == "other":
        assert not Membership.objects.filter(user__username="nguoi.moi").exists()
