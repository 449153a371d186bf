"""Exactly one evaluation per regulation and year: on the day, after a missed run, twice at once, by hand."""

import datetime
import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

from coordination.models import JobRun
from meetings.evaluation.models import AnnualEvaluation, OpeningDay
from meetings.evaluation.selectors.opening import due_years, opening_date
from meetings.evaluation.services.opening import evaluation_open, open_due_evaluations
from meetings.evaluation.tasks import open_annual_evaluations

D = datetime.date


@pytest.mark.django_db
def test_the_default_opening_day_is_the_first_of_december(regulation):
    assert opening_date(regulation, 2026) == D(2026, 12, 1)


@pytest.mark.django_db
def test_the_regulation_can_set_its_own_opening_day(regulation):
    OpeningDay.objects.create(regulation=regulation, month=11, day=15)
    assert opening_date(regulation, 2026) == D(2026, 11, 15)


@pytest.mark.django_db
def test_nothing_opens_before_the_day(regulation, system):
    assert open_due_evaluations(by=system, today=D(2026, 11, 30)) == []
    assert not AnnualEvaluation.objects.exists()


@pytest.mark.django_db
def test_the_job_opens_the_evaluation_on_the_day(regulation, system, bcsd, du):
    [(evaluation, created)] = open_due_evaluations(by=system, today=D(2026, 12, 1))
    assert created and evaluation.year == 2026 and evaluation.regulation == regulation
    assert evaluation.history.get().history_user == system  # history written as the system user, not anonymous


@pytest.mark.django_db
def test_a_missed_run_is_caught_up_on_a_later_day(regulation, system):
    # beat was down from 30/11 to 09/12: the first run after it opens the evaluation
    [(evaluation, created)] = open_due_evaluations(by=system, today=D(2026, 12, 9))
    assert created and evaluation.year == 2026


@pytest.mark.django_db
def test_a_run_missed_over_new_year_still_opens_last_years_evaluation(regulation, system):
    assert due_years(regulation, D(2027, 1, 3)) == [2026]
    [(evaluation, created)] = open_due_evaluations(by=system, today=D(2027, 1, 3))
    assert created and evaluation.year == 2026
    assert due_years(regulation, D(2027, 6, 1)) == []  # long after: only by hand


@pytest.mark.django_db
def test_running_the_job_twice_opens_one_evaluation(regulation, system):
    open_annual_evaluations.delay("2026-12-01")
    open_annual_evaluations.delay("2026-12-01")
    assert AnnualEvaluation.objects.filter(year=2026).count() == 1
    runs = JobRun.objects.filter(task__endswith="open_annual_evaluations").order_by("pk")
    assert [r.outcome for r in runs] == ["success", "success"]
    assert runs[0].message == "opened: [2026]" and runs[1].message.startswith("nothing to open")


@pytest.mark.django_db
def test_the_database_refuses_a_second_evaluation_for_the_same_year(evaluation):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualEvaluation.objects.create(regulation=evaluation.regulation, year=evaluation.year)


@pytest.mark.django_db
def test_command_opens_a_given_year_and_says_what_it_did(regulation, capsys):
    call_command("open_annual_evaluation", "--year", "2026")
    assert "Opened the 2026 evaluation" in capsys.readouterr().out
    call_command("open_annual_evaluation", "--year", "2026")
    assert "already open" in capsys.readouterr().out
    assert AnnualEvaluation.objects.filter(year=2026).count() == 1


@pytest.mark.django_db
def test_command_without_year_says_when_the_evaluation_will_open(regulation, capsys, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: D(2026, 6, 1))
    call_command("open_annual_evaluation")
    assert "opens on 01/12/2026" in capsys.readouterr().out
    assert not AnnualEvaluation.objects.exists()


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="the in-memory SQLite test database answers 'table is locked' instead of waiting; race it on PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("shipped_data")
def test_two_jobs_opening_at_the_same_moment_make_one_evaluation(regulation, system):
    """Four threads with their own connections race on PostgreSQL: one inserts, three read its row."""
    barrier, results, errors = threading.Barrier(4), [], []

    def run():
        try:
            barrier.wait()
            results.append(evaluation_open(by=system, regulation=regulation, year=2026))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert AnnualEvaluation.objects.filter(regulation=regulation, year=2026).count() == 1
    assert sorted(created for _, created in results) == [False, False, False, True]
    assert len({e.pk for e, _ in results}) == 1
    evaluation = AnnualEvaluation.objects.get()
    assert evaluation.parts.count() == 2 and evaluation.snapshots.count() == 1  # prepared once
    assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_the_job_writes_no_anonymous_history_row(regulation, system):
    from meetings.evaluation.models import AreaAssessment, BodyPart

    open_annual_evaluations.delay("2026-12-01")
    for model in (AnnualEvaluation, BodyPart, AreaAssessment):
        users = set(model.history.values_list("history_user__username", flat=True))
        assert users == {"system"}, model
    assert not system.has_usable_password() and not system.is_active and not system.memberships.exists()
