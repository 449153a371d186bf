"""The regulation search answers only with text in force: never a draft's or a pending amendment's words."""

import pytest
from django.urls import reverse

from regulation import services
from regulation.models import ChangeKind

pytestmark = pytest.mark.django_db

USERS = ["bcsd_staff", "bcsd_leader", "du_staff", "du_leader", "reg_admin", "outsider"]


def _hits(client, word):
    response = client.get(reverse("regulation:search"), {"q": word})
    assert response.status_code == 200
    return len(response.context["results"])


def test_words_of_a_draft_term_or_a_pending_amendment_are_found_by_no_one(request, client_for, regulation, reg_admin,
                                                                           today):
    draft = services.regulation_renew(by=reg_admin, regulation=regulation)
    services.draft_article_add(by=reg_admin, regulation=draft, chapter_number=draft.chapters.first().number,
                               article_key="99", title="Điều mới", body="Quy định tukhoaduthao của nhiệm kỳ mới.")
    amendment = services.amendment_create(by=reg_admin, regulation=regulation, title="Sửa đổi Điều 8",
                                          rationale="Bổ sung.", proposed_effective_on=today)
    services.amendment_add_change(by=reg_admin, amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                  article_key="8", clause_number=3, body="Hai bên dùng tukhoasuadoi khi báo cáo.")
    services.amendment_submit(by=reg_admin, amendment=amendment)
    for name in USERS:
        client = client_for(request.getfixturevalue(name))
        assert _hits(client, "tukhoaduthao") == 0, name
        assert _hits(client, "tukhoasuadoi") == 0, name
        assert (_hits(client, "phoi hop") > 0) is (name != "outsider"), name  # the text in force is found
