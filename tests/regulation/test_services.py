"""Amendments through the services: both bodies approve, returns reset the round, dates decide."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regulation import services
from regulation.models import Amendment, ChangeKind, Decision, Regulation
from regulation.selectors import version_on
from regulation.text import parse_body

from .conftest import NEW_CLAUSE


def clause_text(regulation, day, article="8", clause=3):
    version = version_on(regulation, day)
    for chapter in version.content["chapters"]:
        for a in chapter["articles"]:
            if f"{a['number']}{a['suffix']}" == article:
                return next(c["text"] for c in parse_body(a["body"])["clauses"] if c["number"] == clause)


def test_shipped_regulation_has_three_chapters_ten_articles_and_areas(regulation):
    assert regulation.status == Regulation.Status.IN_FORCE
    assert regulation.chapters.count() == 3
    assert regulation.articles.count() == 10
    assert {a.number: a.area.article_number for a in regulation.articles.filter(area__isnull=False)} == {
        n: n for n in range(3, 9)}
    assert set(regulation.issuing_parties.values_list("code", flat=True)) == {"BCSD", "DU"}
    assert regulation.versions.count() == 1


def test_amendment_approved_by_one_body_only_has_not_changed_the_text(pending_amendment, regulation, bcsd_leader,
                                                                     bcsd, today):
    before = clause_text(regulation, today)
    services.amendment_approve(by=bcsd_leader, amendment=pending_amendment, party=bcsd)
    pending_amendment.refresh_from_db()
    assert pending_amendment.status == Amendment.Status.PENDING
    assert clause_text(regulation, today) == before
    assert regulation.versions.count() == 1
    assert NEW_CLAUSE not in regulation.articles.get(number=8).body


def test_approval_by_both_bodies_changes_the_text_at_once_when_the_date_has_come(
        pending_amendment, regulation, bcsd_leader, du_leader, bcsd, du, today):
    services.amendment_approve(by=bcsd_leader, amendment=pending_amendment, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=pending_amendment, party=du)
    pending_amendment.refresh_from_db()
    assert pending_amendment.status == Amendment.Status.IN_FORCE
    assert clause_text(regulation, today) == NEW_CLAUSE
    article = regulation.articles.get(number=8)
    assert NEW_CLAUSE in article.body
    assert article.history.first().history_user == du_leader
    assert regulation.versions.get(number=1).content != regulation.versions.get(number=2).content


def test_point_in_time_reading_before_and_after_a_future_effective_date(
        regulation, reg_admin, bcsd_leader, du_leader, bcsd, du, in_days):
    amendment = services.amendment_create(by=reg_admin, regulation=regulation, title="Sửa đổi",
                                          rationale="Lý do", proposed_effective_on=in_days(10))
    services.amendment_add_change(by=reg_admin, amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                  article_key="8", clause_number=3, body=NEW_CLAUSE)
    services.amendment_submit(by=reg_admin, amendment=amendment)
    services.amendment_approve(by=bcsd_leader, amendment=amendment, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=amendment, party=du)
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.APPROVED and amendment.effective_on == in_days(10)
    assert clause_text(regulation, in_days(9)) != NEW_CLAUSE
    assert clause_text(regulation, in_days(10)) == NEW_CLAUSE  # read correctly before the daily task ran
    assert NEW_CLAUSE not in regulation.articles.get(number=8).body

    assert services.amendments_bring_into_force(by=None, today=in_days(9)) == []
    assert services.amendments_bring_into_force(by=None, today=in_days(10)) == [amendment.pk]
    assert services.amendments_bring_into_force(by=None, today=in_days(11)) == []  # idempotent
    assert NEW_CLAUSE in regulation.articles.get(number=8).body
    amendment.refresh_from_db()
    assert amendment.status == Amendment.Status.IN_FORCE


def test_returned_amendment_needs_both_approvals_again_after_it_is_edited(
        pending_amendment, reg_admin, bcsd_leader, du_leader, bcsd, du, regulation, today):
    services.amendment_approve(by=bcsd_leader, amendment=pending_amendment, party=bcsd)
    services.amendment_return(by=du_leader, amendment=pending_amendment, party=du, comment="Cần nêu rõ thời hạn.")
    pending_amendment.refresh_from_db()
    assert pending_amendment.status == Amendment.Status.DRAFT
    services.amendment_update(by=reg_admin, amendment=pending_amendment, title="Sửa đổi khoản 3 Điều 8 (lần 2)",
                              rationale="Đã bổ sung thời hạn.", proposed_effective_on=today)
    services.amendment_submit(by=reg_admin, amendment=pending_amendment)
    services.amendment_approve(by=du_leader, amendment=pending_amendment, party=du)
    pending_amendment.refresh_from_db()
    assert pending_amendment.status == Amendment.Status.PENDING, "the BCSĐ approval of round 1 no longer counts"
    services.amendment_approve(by=bcsd_leader, amendment=pending_amendment, party=bcsd)
    pending_amendment.refresh_from_db()
    assert pending_amendment.status == Amendment.Status.IN_FORCE
    kinds = list(Decision.objects.filter(amendment=pending_amendment).values_list("round", "party__code", "kind"))
    assert kinds == [(1, "BCSD", "approve"), (1, "DU", "return"), (2, "DU", "approve"), (2, "BCSD", "approve")]


def test_return_needs_a_comment_and_changes_nothing_without_it(pending_amendment, du_leader, du):
    with pytest.raises(ValidationError):
        services.amendment_return(by=du_leader, amendment=pending_amendment, party=du, comment=" ")
    pending_amendment.refresh_from_db()
    assert pending_amendment.status == Amendment.Status.PENDING
    assert not pending_amendment.decisions.exists()


def test_leader_cannot_approve_for_a_body_they_do_not_lead(pending_amendment, bcsd_leader, du):
    with pytest.raises(PermissionDenied):
        services.amendment_approve(by=bcsd_leader, amendment=pending_amendment, party=du)


def test_one_person_leading_both_bodies_cannot_approve_for_both(pending_amendment, make_member, bcsd, du):
    from coordination.models import Role

    both = make_member("lead.both", (bcsd, Role.LEADER), (du, Role.LEADER))
    services.amendment_approve(by=both, amendment=pending_amendment, party=bcsd)
    with pytest.raises(PermissionDenied):
        services.amendment_approve(by=both, amendment=pending_amendment, party=du)


def test_staff_and_leaders_cannot_draft_amendments(regulation, bcsd_staff, bcsd_leader, today):
    for user in (bcsd_staff, bcsd_leader):
        with pytest.raises(PermissionDenied):
            services.amendment_create(by=user, regulation=regulation, title="x", rationale="y",
                                      proposed_effective_on=today)


def test_a_change_that_does_not_fit_is_refused_and_nothing_is_saved(draft_amendment, reg_admin):
    with pytest.raises(ValidationError):
        services.amendment_add_change(by=reg_admin, amendment=draft_amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                      article_key="8", clause_number=9, body="x")
    with pytest.raises(ValidationError):
        services.amendment_add_change(by=reg_admin, amendment=draft_amendment, kind=ChangeKind.INSERT_ARTICLE,
                                      article_key="5", chapter_number=2, title="Trùng", body="1. x")
    assert draft_amendment.changes.count() == 1


def test_insert_replace_and_repeal_articles(regulation, reg_admin, bcsd_leader, du_leader, bcsd, du, today):
    amendment = services.amendment_create(by=reg_admin, regulation=regulation, title="Nhiều thay đổi",
                                          rationale="Lý do", proposed_effective_on=today)
    add = services.amendment_add_change
    add(by=reg_admin, amendment=amendment, kind=ChangeKind.INSERT_ARTICLE, article_key="8a", chapter_number=2,
        title="Ứng dụng công nghệ thông tin", body="1. Gửi văn bản qua phần mềm.")
    add(by=reg_admin, amendment=amendment, kind=ChangeKind.REPLACE_ARTICLE, article_key="7", title="",
        body="1. Nội dung mới của Điều 7.")
    add(by=reg_admin, amendment=amendment, kind=ChangeKind.REPEAL_ARTICLE, article_key="4")
    services.amendment_submit(by=reg_admin, amendment=amendment)
    services.amendment_approve(by=bcsd_leader, amendment=amendment, party=bcsd)
    services.amendment_approve(by=du_leader, amendment=amendment, party=du)
    articles = {a.key: a for a in regulation.articles.all()}
    assert articles["8a"].chapter.number == 2 and articles["8a"].area is None
    assert articles["7"].body == "1. Nội dung mới của Điều 7." and articles["7"].title.startswith("Lãnh đạo")
    assert articles["4"].repealed and articles["4"].body == ""
    chapter2 = regulation.versions.get(number=2).content["chapters"][1]
    assert [f"{a['number']}{a['suffix']}" for a in chapter2["articles"]] == ["3", "4", "5", "6", "7", "8", "8a"]


def test_submitting_an_empty_amendment_is_refused(regulation, reg_admin, today):
    amendment = services.amendment_create(by=reg_admin, regulation=regulation, title="Trống", rationale="x",
                                          proposed_effective_on=today)
    with pytest.raises(ValidationError):
        services.amendment_submit(by=reg_admin, amendment=amendment)


def test_effective_date_in_the_past_is_refused(regulation, reg_admin, in_days):
    with pytest.raises(ValidationError):
        services.amendment_create(by=reg_admin, regulation=regulation, title="x", rationale="y",
                                  proposed_effective_on=in_days(-1))


def test_history_records_user_and_reason(draft_amendment, reg_admin):
    record = draft_amendment.history.first()
    assert record.history_user == reg_admin
    assert record.history_change_reason == "change added"


def test_demo_loader_makes_one_amendment_in_force_and_one_awaiting_du_and_is_idempotent(regulation, make_member,
                                                                                        bcsd, du):
    from coordination.models import Role
    from regulation.demo import load_regulation_demo

    since = datetime.date(2021, 8, 29)  # the demo's members hold their posts since the term's start
    make_member("quantri", (bcsd, Role.ADMIN), (du, Role.ADMIN), active_from=since)
    make_member("bcsd.lanhdao", (bcsd, Role.LEADER), active_from=since)
    make_member("du.lanhdao", (du, Role.LEADER), active_from=since)
    load_regulation_demo()
    load_regulation_demo()
    assert sorted(regulation.amendments.values_list("status", flat=True)) == ["in_force", "pending"]
    assert [str(v.valid_from) for v in regulation.versions.order_by("number")] == ["2021-08-29", "2023-01-01"]
    pending = regulation.amendments.get(status="pending")
    assert [(d.party.code, d.by.username) for d in pending.decisions.all()] == [("BCSD", "bcsd.lanhdao")]
    earlier = regulation.amendments.get(status="in_force")
    assert [str(d.at.date()) for d in earlier.decisions.all()] == ["2022-12-20", "2022-12-20"]
    assert str(earlier.history.earliest("history_date").history_date.date()) == "2022-12-05"
