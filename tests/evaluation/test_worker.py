"""A real Celery worker, on the configured broker (Redis in CI), runs the opening job and the evaluation exists."""

import pytest

from coordination.models import JobRun
from meetings.evaluation.models import AnnualEvaluation
from meetings.evaluation.tasks import open_annual_evaluations


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("shipped_data")
def test_a_real_worker_opens_the_evaluation_through_the_broker(regulation, real_worker):
    result = open_annual_evaluations.delay("2026-12-01")
    ids = result.get(timeout=60)
    evaluation = AnnualEvaluation.objects.get(pk__in=ids)
    assert evaluation.year == 2026 and evaluation.parts.count() == 2
    assert JobRun.objects.get(task="meetings.evaluation.tasks.open_annual_evaluations").outcome == "success"
    # a second delivery of the same job changes nothing
    assert open_annual_evaluations.delay("2026-12-01").get(timeout=60) == ids
    assert AnnualEvaluation.objects.count() == 1
