"""Opening the year's evaluation: on the day the regulation sets, or any later day if that run was missed.

Exactly one evaluation per regulation and year is guaranteed by the database (a unique
constraint), not by the scheduler: two jobs racing, a retry after a crash or an operator running
the command by hand all end with the same single row; only the run that inserted it prepares it.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from coordination.grants import grant_view
from coordination.models import CoordinationArea

from ..models import AnnualEvaluation, AreaAssessment, BodyPart
from ..selectors.opening import due_years, regulations_in_force, taking_part
from .figures import snapshot_compute
from .notifications import announce_opened

logger = logging.getLogger(__name__)


def evaluation_open(*, by, regulation, year):
    """Open the evaluation of `year` unless it exists. Returns (evaluation, created).

    Concurrency: the loser of a race blocks on the unique index until the winner commits, then
    gets IntegrityError, rolls back to its savepoint and reads the winner's row.
    """
    existing = AnnualEvaluation.objects.filter(regulation=regulation, year=year).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            evaluation = AnnualEvaluation(regulation=regulation, year=year)
            evaluation._history_user = by
            evaluation._change_reason = "evaluation_open"
            evaluation.save()
            _prepare(evaluation, by=by)
    except IntegrityError:
        return AnnualEvaluation.objects.get(regulation=regulation, year=year), False
    transaction.on_commit(lambda: announce_opened(evaluation.pk))
    logger.info("annual evaluation %s of regulation %s opened", year, regulation.pk)
    return evaluation, True


def _prepare(evaluation, *, by):
    """The bodies' parts, one blank self-assessment per body and area, and the first figures."""
    parties = taking_part(evaluation.regulation)
    for party in parties:
        grant_view(evaluation, [party])
        part = BodyPart(evaluation=evaluation, party=party)
        part._history_user, part._change_reason = by, "evaluation_open"
        part.save()
        for area in CoordinationArea.objects.all():
            assessment = AreaAssessment(evaluation=evaluation, party=party, area=area)
            assessment._history_user, assessment._change_reason = by, "evaluation_open"
            assessment.save()
    snapshot_compute(evaluation=evaluation, by=by)


def open_due_evaluations(*, by, today=None):
    """What the daily job does: open every evaluation that is due. Returns [(evaluation, created)]."""
    today = today or timezone.localdate()
    done = []
    for regulation in regulations_in_force():
        for year in due_years(regulation, today):
            done.append(evaluation_open(by=by, regulation=regulation, year=year))
    return done
