"""Fixtures for the regulation: the shipped 2020–2025 regulation and amendment helpers."""

import datetime

import pytest
from django.utils import timezone

from regulation import services
from regulation.models import ChangeKind, Regulation

NEW_CLAUSE = "Hai bên gửi cho nhau báo cáo qua hệ thống phần mềm phối hợp công tác, trừ tài liệu mật."


@pytest.fixture
def regulation(db):
    return Regulation.objects.get(term_start=2020, term_end=2025)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def draft_amendment(regulation, reg_admin, today):
    """An amendment replacing clause 3 of article 8, effective today, not yet submitted."""
    amendment = services.amendment_create(by=reg_admin, regulation=regulation, title="Sửa đổi khoản 3 Điều 8",
                                          rationale="Cần quy định hình thức gửi báo cáo.",
                                          proposed_effective_on=today)
    services.amendment_add_change(by=reg_admin, amendment=amendment, kind=ChangeKind.REPLACE_CLAUSE,
                                  article_key="8", clause_number=3, body=NEW_CLAUSE)
    return amendment


@pytest.fixture
def pending_amendment(draft_amendment, reg_admin):
    return services.amendment_submit(by=reg_admin, amendment=draft_amendment)


@pytest.fixture
def in_days():
    def shift(days):
        return timezone.localdate() + datetime.timedelta(days=days)

    return shift
