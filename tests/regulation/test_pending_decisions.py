"""What waits for a leader's decision (the index and the home page) is read with one query per kind, and
agrees with the rule each amendment and draft page applies (`amendment_decision_parties`,
`adoption_decision_parties`) at every step of a round."""

import pytest

from coordination.models import Role
from regulation import services
from regulation.permissions import adoption_decision_parties, amendment_decision_parties
from regulation.selectors import pending_for_leader

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(bcsd, du, bcsd_leader, du_leader, bcsd_staff, reg_admin, make_member):
    both = make_member("hai.ben", (bcsd, Role.LEADER), (du, Role.LEADER))
    return [bcsd_leader, du_leader, bcsd_staff, reg_admin, both]


def _agrees(people, thing, rule, index):
    for user in people:
        listed = thing in pending_for_leader(user)[index]
        assert listed == bool(rule(user, thing)), (user.username, listed)


def test_a_pending_amendment_waits_for_each_body_until_it_decides(
    people, pending_amendment, bcsd, bcsd_leader, django_assert_max_num_queries
):
    pending_amendment.refresh_from_db()
    _agrees(people, pending_amendment, amendment_decision_parties, 0)
    with django_assert_max_num_queries(2):
        assert pending_for_leader(bcsd_leader)[0] == [pending_amendment]
    services.amendment_approve(by=bcsd_leader, amendment=pending_amendment, party=bcsd)
    pending_amendment.refresh_from_db()
    _agrees(people, pending_amendment, amendment_decision_parties, 0)
    assert pending_for_leader(bcsd_leader) == ([], [])


def test_a_leader_of_both_bodies_decides_once_per_round(people, pending_amendment, du):
    both = people[-1]
    services.amendment_approve(by=both, amendment=pending_amendment, party=du)
    pending_amendment.refresh_from_db()
    assert pending_for_leader(both)[0] == [] and amendment_decision_parties(both, pending_amendment) == []
    _agrees(people, pending_amendment, amendment_decision_parties, 0)


def test_a_draft_awaiting_adoption_waits_for_each_body(people, regulation, reg_admin, bcsd, bcsd_leader):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    _agrees(people, draft, adoption_decision_parties, 1)
    services.regulation_submit_draft(by=reg_admin, regulation=draft)
    draft.refresh_from_db()
    _agrees(people, draft, adoption_decision_parties, 1)
    assert draft in pending_for_leader(bcsd_leader)[1]
    services.regulation_approve_adoption(by=bcsd_leader, regulation=draft, party=bcsd)
    draft.refresh_from_db()
    _agrees(people, draft, adoption_decision_parties, 1)
    assert pending_for_leader(bcsd_leader)[1] == []


def test_staff_and_admins_wait_for_nothing(pending_amendment, bcsd_staff, reg_admin, django_assert_max_num_queries):
    for user in (bcsd_staff, reg_admin):
        with django_assert_max_num_queries(1):  # their memberships in force (once per request), nothing else
            assert pending_for_leader(user) == ([], [])
