import pytest

pytestmark = pytest.mark.django_db


def test_open_creates_parts_and_snapshot(evaluation, bcsd, du):
    assert evaluation.parts.count() == 2
    assert evaluation.assessments.count() == 12
    assert evaluation.snapshots.count() == 1
