"""Every row of docs/permissions.md, checked through HTTP on the allowed and the denied side."""

import pytest
from django.urls import reverse

from coordination.models import Party
from regulation import services
from regulation.models import Amendment, ChangeKind, Regulation

from .conftest import NEW_CLAUSE
from .test_terms_and_import import SAMPLE, make_docx, upload

OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404


@pytest.fixture
def world(regulation, reg_admin, bcsd_leader, du_leader, bcsd_staff, du_staff, bcsd, du, today):
    def amendment(title, submit=True):
        a = services.amendment_create(by=reg_admin, regulation=regulation, title=title, rationale="Lý do",
                                      proposed_effective_on=today)
        services.amendment_add_change(by=reg_admin, amendment=a, kind=ChangeKind.REPLACE_CLAUSE, article_key="8",
                                      clause_number=3, body=NEW_CLAUSE)
        if submit:
            services.amendment_submit(by=reg_admin, amendment=a)
        return a

    in_force = amendment("Đã có hiệu lực")
    services.amendment_approve(by=bcsd_leader, amendment=in_force, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=in_force, party=du)
    draft_regulation = services.regulation_renew(by=reg_admin, regulation=regulation)
    return {"regulation": regulation, "draft": amendment("Dự thảo", submit=False), "pending": amendment("Chờ duyệt"),
            "in_force": in_force, "draft_regulation": draft_regulation,
            "bcsd": bcsd, "du": du}


def _submit_draft_regulation(world):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="reg.admin")
    services.regulation_submit_draft(by=admin, regulation=world["draft_regulation"])
    return world["draft_regulation"]


ACTIONS = {
    "read regulation in force": lambda c, w: c.get(reverse("regulation:detail", args=[w["regulation"].pk])),
    "read an article": lambda c, w: c.get(reverse("regulation:article", args=[w["regulation"].pk, "5"])),
    "read versions": lambda c, w: c.get(reverse("regulation:versions", args=[w["regulation"].pk])),
    "compare versions": lambda c, w: c.get(reverse("regulation:compare", args=[w["regulation"].pk])),
    "read a draft regulation": lambda c, w: c.get(reverse("regulation:detail", args=[w["draft_regulation"].pk])),
    "open the amendment form": lambda c, w: c.get(reverse("regulation:amendment_create", args=[w["regulation"].pk])),
    "draft an amendment": lambda c, w: c.post(
        reverse("regulation:amendment_create", args=[w["regulation"].pk]),
        {"title": "Mới", "rationale": "Lý do", "proposed_effective_on": "2099-01-01"}),
    "read a draft amendment": lambda c, w: c.get(reverse("regulation:amendment", args=[w["draft"].pk])),
    "read a pending amendment": lambda c, w: c.get(reverse("regulation:amendment", args=[w["pending"].pk])),
    "read an amendment in force": lambda c, w: c.get(reverse("regulation:amendment", args=[w["in_force"].pk])),
    "add a change to a draft amendment": lambda c, w: c.post(
        reverse("regulation:change_add", args=[w["draft"].pk]),
        {"kind": "repeal_article", "article_key": "7"}),
    "submit a draft amendment": lambda c, w: c.post(reverse("regulation:amendment_submit", args=[w["draft"].pk])),
    "edit a pending amendment": lambda c, w: c.get(reverse("regulation:amendment_edit", args=[w["pending"].pk])),
    "approve a pending amendment for BCSĐ": lambda c, w: c.post(
        reverse("regulation:amendment_approve", args=[w["pending"].pk]), {"party": w["bcsd"].pk}),
    "approve a pending amendment for ĐU": lambda c, w: c.post(
        reverse("regulation:amendment_approve", args=[w["pending"].pk]), {"party": w["du"].pk}),
    "return a pending amendment for ĐU": lambda c, w: c.post(
        reverse("regulation:amendment_return", args=[w["pending"].pk]), {"party": w["du"].pk, "comment": "Sửa."}),
    "import a Word file": lambda c, w: c.post(
        reverse("regulation:import"),
        {"file": upload(make_docx(SAMPLE)), "parties": [p.pk for p in Party.objects.all()]}),
    "renew the draft's predecessor again": lambda c, w: c.post(reverse("regulation:renew", args=[w["regulation"].pk])),
    "edit an article of a draft": lambda c, w: c.post(
        reverse("regulation:draft_article_edit", args=[w["draft_regulation"].pk, "9"]),
        {"title": "Trách nhiệm thi hành", "body": "1. Mới."}),
    "add an article to a draft": lambda c, w: c.post(
        reverse("regulation:draft_article_add", args=[w["draft_regulation"].pk]),
        {"chapter_number": 2, "article_key": "8a", "title": "Điều mới", "body": "1. Nội dung."}),
    "remove an article from a draft": lambda c, w: c.post(
        reverse("regulation:draft_article_remove", args=[w["draft_regulation"].pk, "10"])),
    "remove an article in force": lambda c, w: c.post(
        reverse("regulation:draft_article_remove", args=[w["regulation"].pk, "10"])),
    "edit a draft's title and legal bases": lambda c, w: c.post(
        reverse("regulation:draft_edit", args=[w["draft_regulation"].pk]),
        {"title": "Quy chế mới", "number_symbol": "", "legal_bases": "Điều lệ Đảng;"}),
    "edit an article in force as a draft": lambda c, w: c.get(
        reverse("regulation:draft_article_edit", args=[w["regulation"].pk, "9"])),
    "send a draft regulation for approval": lambda c, w: c.post(
        reverse("regulation:draft_submit", args=[w["draft_regulation"].pk])),
    "approve a draft regulation for BCSĐ": lambda c, w: c.post(
        reverse("regulation:draft_approve", args=[_submit_draft_regulation(w).pk]), {"party": w["bcsd"].pk}),
    "approve a draft regulation for ĐU": lambda c, w: c.post(
        reverse("regulation:draft_approve", args=[_submit_draft_regulation(w).pk]), {"party": w["du"].pk}),
}

# (action, user fixture, expected status)
MATRIX = [
    *[("read regulation in force", u, OK) for u in ("bcsd_staff", "du_staff", "bcsd_leader", "du_leader", "reg_admin")],
    ("read regulation in force", "outsider", NOT_FOUND),
    *[("read an article", u, OK) for u in ("bcsd_staff", "du_staff", "bcsd_leader", "reg_admin")],
    ("read an article", "outsider", NOT_FOUND),
    ("read versions", "du_staff", OK), ("read versions", "outsider", NOT_FOUND),
    ("compare versions", "bcsd_staff", OK), ("compare versions", "outsider", NOT_FOUND),
    ("read a draft regulation", "bcsd_staff", NOT_FOUND), ("read a draft regulation", "du_staff", NOT_FOUND),
    ("read a draft regulation", "bcsd_leader", OK), ("read a draft regulation", "du_leader", OK),
    ("read a draft regulation", "reg_admin", OK),
    ("open the amendment form", "reg_admin", OK), ("open the amendment form", "bcsd_leader", FORBIDDEN),
    ("open the amendment form", "du_staff", FORBIDDEN), ("open the amendment form", "outsider", NOT_FOUND),
    ("draft an amendment", "reg_admin", REDIRECT), ("draft an amendment", "du_leader", FORBIDDEN),
    ("draft an amendment", "bcsd_staff", FORBIDDEN),
    ("read a draft amendment", "reg_admin", OK), ("read a draft amendment", "bcsd_leader", OK),
    ("read a draft amendment", "bcsd_staff", NOT_FOUND), ("read a draft amendment", "outsider", NOT_FOUND),
    ("read a pending amendment", "du_leader", OK), ("read a pending amendment", "du_staff", NOT_FOUND),
    ("read an amendment in force", "du_staff", OK), ("read an amendment in force", "bcsd_staff", OK),
    ("read an amendment in force", "outsider", NOT_FOUND),
    ("add a change to a draft amendment", "reg_admin", REDIRECT),
    ("add a change to a draft amendment", "bcsd_leader", FORBIDDEN),
    ("add a change to a draft amendment", "bcsd_staff", NOT_FOUND),
    ("submit a draft amendment", "reg_admin", REDIRECT), ("submit a draft amendment", "du_leader", FORBIDDEN),
    ("edit a pending amendment", "reg_admin", FORBIDDEN),
    ("approve a pending amendment for BCSĐ", "bcsd_leader", REDIRECT),
    ("approve a pending amendment for BCSĐ", "du_leader", FORBIDDEN),
    ("approve a pending amendment for BCSĐ", "reg_admin", FORBIDDEN),
    ("approve a pending amendment for BCSĐ", "bcsd_staff", NOT_FOUND),
    ("approve a pending amendment for ĐU", "du_leader", REDIRECT),
    ("approve a pending amendment for ĐU", "bcsd_leader", FORBIDDEN),
    ("return a pending amendment for ĐU", "du_leader", REDIRECT),
    ("return a pending amendment for ĐU", "bcsd_leader", FORBIDDEN),
    ("return a pending amendment for ĐU", "reg_admin", FORBIDDEN),
    ("import a Word file", "reg_admin", REDIRECT), ("import a Word file", "bcsd_leader", FORBIDDEN),
    ("import a Word file", "du_staff", FORBIDDEN),
    ("renew the draft's predecessor again", "reg_admin", FORBIDDEN),
    ("renew the draft's predecessor again", "bcsd_leader", FORBIDDEN),
    ("edit an article of a draft", "reg_admin", REDIRECT), ("edit an article of a draft", "bcsd_leader", FORBIDDEN),
    ("edit an article of a draft", "bcsd_staff", NOT_FOUND),
    ("edit an article in force as a draft", "reg_admin", FORBIDDEN),
    ("add an article to a draft", "reg_admin", REDIRECT), ("add an article to a draft", "du_leader", FORBIDDEN),
    ("add an article to a draft", "du_staff", NOT_FOUND),
    ("remove an article from a draft", "reg_admin", REDIRECT),
    ("remove an article from a draft", "bcsd_leader", FORBIDDEN),
    ("remove an article in force", "reg_admin", FORBIDDEN),
    ("edit a draft's title and legal bases", "reg_admin", REDIRECT),
    ("edit a draft's title and legal bases", "bcsd_leader", FORBIDDEN),
    ("send a draft regulation for approval", "reg_admin", REDIRECT),
    ("send a draft regulation for approval", "du_leader", FORBIDDEN),
    ("approve a draft regulation for BCSĐ", "bcsd_leader", REDIRECT),
    ("approve a draft regulation for BCSĐ", "du_leader", FORBIDDEN),
    ("approve a draft regulation for ĐU", "du_leader", REDIRECT),
    ("approve a draft regulation for ĐU", "reg_admin", FORBIDDEN),
]


@pytest.mark.parametrize(("action", "who", "expected"), MATRIX, ids=[f"{a} · {u} → {s}" for a, u, s in MATRIX])
def test_permission_matrix(action, who, expected, world, client_for, request):
    user = request.getfixturevalue(who)
    response = ACTIONS[action](client_for(user), world)
    assert response.status_code == expected, response.content[:400]


def test_allowed_decisions_really_changed_state(world, client_for, bcsd_leader, du_leader):
    client_for(bcsd_leader).post(reverse("regulation:amendment_approve", args=[world["pending"].pk]),
                                 {"party": world["bcsd"].pk})
    client_for(du_leader).post(reverse("regulation:amendment_approve", args=[world["pending"].pk]),
                               {"party": world["du"].pk})
    world["pending"].refresh_from_db()
    assert world["pending"].status == Amendment.Status.IN_FORCE


def test_renew_by_admin_makes_a_draft(regulation, reg_admin, client_for):
    response = client_for(reg_admin).post(reverse("regulation:renew", args=[regulation.pk]))
    draft = Regulation.objects.get(predecessor=regulation)
    assert response.status_code == 302 and response.url == reverse("regulation:detail", args=[draft.pk])
