"""`grants.visible` answers the same in every shape a selector uses it: alone, as a subquery, combined.

Its condition is SQL written once (grants.Granted), with only the row's key left to the ORM, so these check
that the key is relabelled right wherever the queryset ends up, and that both sides of the rule hold.
"""

import pytest

from coordination.grants import can_view, visible
from coordination.models import Comment, CoordinationRequest
from coordination.models import RequestState as S

from .helpers import advance

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_and_sent(make_request, bcsd_staff, bcsd_leader, du_staff, du_leader):
    draft = make_request(bcsd_staff, title="Bản nháp của Ban cán sự")
    sent = make_request(bcsd_staff, title="Đề nghị đã gửi")
    advance(sent, S.SENT, a_staff=bcsd_staff, a_leader=bcsd_leader, b_staff=du_staff, b_leader=du_leader)
    return draft, sent


def test_the_requesting_body_sees_its_draft_and_the_other_body_does_not(draft_and_sent, bcsd_staff, du_staff):
    draft, sent = draft_and_sent
    assert set(visible(bcsd_staff, CoordinationRequest)) == {draft, sent}
    assert set(visible(du_staff, CoordinationRequest)) == {sent}
    assert can_view(bcsd_staff, draft) and not can_view(du_staff, draft)


def test_visible_as_a_subquery_and_combined_keeps_the_rule(draft_and_sent, bcsd_staff, du_staff, outsider):
    draft, sent = draft_and_sent
    for user, expected in ((bcsd_staff, {draft, sent}), (du_staff, {sent}), (outsider, set())):
        ids = visible(user, CoordinationRequest).values("pk")
        # The condition now sits in a subquery (aliases U0...): it must still test the inner row.
        assert set(CoordinationRequest.objects.filter(pk__in=ids)) == expected
        combined = visible(user, CoordinationRequest).filter(pk=draft.pk) | visible(user, CoordinationRequest).filter(
            pk=sent.pk)
        assert set(combined) == expected
        assert visible(user, CoordinationRequest).filter(pk=draft.pk).exists() is (draft in expected)


def test_comments_of_visible_requests_only(draft_and_sent, bcsd_staff, du_staff):
    draft, sent = draft_and_sent
    on_draft = Comment.objects.create(request=draft, author=bcsd_staff, body="Góp ý bản nháp")
    on_sent = Comment.objects.create(request=sent, author=bcsd_staff, body="Góp ý đề nghị")
    for user, expected in ((bcsd_staff, {on_draft, on_sent}), (du_staff, {on_sent})):
        shown = Comment.objects.filter(request__in=visible(user, CoordinationRequest))
        assert set(shown) == expected
