"""Fixtures for the evaluation: the regulation in force (shipped data), an opened evaluation, the system user."""

import datetime

import pytest

from coordination.jobs import system_user
from meetings.evaluation.services.opening import evaluation_open


@pytest.fixture
def regulation(db):
    from regulation.models import Regulation

    return Regulation.objects.filter(status=Regulation.Status.IN_FORCE).get()


@pytest.fixture
def system(db):
    return system_user()


@pytest.fixture
def evaluation(regulation, system, bcsd, du):
    evaluation, _ = evaluation_open(by=system, regulation=regulation, year=2026)
    return evaluation


@pytest.fixture
def part_of(evaluation):
    def get(party):
        part = evaluation.parts.get(party=party)
        return part

    return get


def local(y, m, d, hour=9):
    """An aware datetime in Asia/Ho_Chi_Minh."""
    from django.utils import timezone

    return datetime.datetime(y, m, d, hour, tzinfo=timezone.get_default_timezone())


@pytest.fixture
def advance(evaluation, bcsd, du, bcsd_leader, du_leader, bcsd_staff, du_staff):
    """advance("sent"|"awaiting"|"closed") brings the evaluation to that state through the services."""
    from meetings.evaluation import services

    def to(state):
        if state == "open":
            return evaluation
        for party, staff in ((bcsd, bcsd_staff), (du, du_staff)):
            part = evaluation.parts.get(party=party)
            if not part.submitted_at:
                services.assessment_save(by=staff, part=part, values={
                    a.area_id: {"results": f"Kết quả {party.code}"} for a in evaluation.assessments.filter(party=party)
                })
                services.assessment_submit(by=staff, part=part)
        if state == "sent":
            return evaluation
        from coordination.models import CoordinationArea

        services.conclusion_save(
            by=bcsd_staff, evaluation=evaluation, conclusion="Hai bên thống nhất.\nTiếp tục phối hợp.",
            number_symbol="Số 01-BC/BCSĐ-ĐU",
            actions=[{"content": "Trao đổi thông tin hằng quý", "area": CoordinationArea.objects.get(article_number=8),
                      "owner_party": du, "deadline": datetime.date(2027, 3, 31)}],
        )
        services.evaluation_submit(by=bcsd_staff, evaluation=evaluation)
        evaluation.refresh_from_db()
        if state == "awaiting":
            return evaluation
        services.evaluation_approve(by=bcsd_leader, part=evaluation.parts.get(party=bcsd))
        services.evaluation_approve(by=du_leader, part=evaluation.parts.get(party=du))
        evaluation.refresh_from_db()
        return evaluation

    return to
