"""Fixtures for the evaluation: the regulation in force (shipped data), an opened evaluation, the system user."""

import datetime

import pytest

from meetings.evaluation.jobs import system_user
from meetings.evaluation.opening import evaluation_open


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
