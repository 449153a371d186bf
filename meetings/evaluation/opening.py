"""Opening the year's evaluation: on the day the regulation sets, or any later day if that run was missed.

Exactly one evaluation per regulation and year is guaranteed by the database (a unique
constraint), not by the scheduler: two jobs racing, a retry after a crash or an operator running
the command by hand all end with the same single row; only the run that inserted it prepares it.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import DEFAULT_OPENING_DAY, DEFAULT_OPENING_MONTH, AnnualEvaluation, AreaAssessment, BodyPart

logger = logging.getLogger(__name__)

# A run missed at the end of a year (beat down from 1 December into January) is caught up within
# this many days of the opening day; later, last year's evaluation is opened only by hand.
CATCH_UP_DAYS = 92


def opening_date(regulation, year):
    """The day the evaluation of `year` opens: the regulation's own day if it has one, else 1 December."""
    from .models import OpeningDay

    own = OpeningDay.objects.filter(regulation=regulation).first()
    return datetime.date(year, own.month if own else DEFAULT_OPENING_MONTH, own.day if own else DEFAULT_OPENING_DAY)


def due_years(regulation, today):
    """Years whose evaluation should be open by `today` (current year, or last year when it was missed)."""
    years = []
    last = opening_date(regulation, today.year - 1)
    if today <= last + datetime.timedelta(days=CATCH_UP_DAYS):
        years.append(today.year - 1)
    if today >= opening_date(regulation, today.year):
        years.append(today.year)
    return years


def regulations_in_force():
    from regulation.models import Regulation

    return Regulation.objects.in_force() if hasattr(Regulation.objects, "in_force") else Regulation.objects.filter(
        status=Regulation.Status.IN_FORCE
    )


def taking_part(regulation):
    """The bodies that evaluate: those that issued the regulation (all bodies when it names none)."""
    from coordination.models import Party

    parties = getattr(regulation, "issuing_parties", None)
    parties = list(parties.all()) if parties is not None else []
    return parties or list(Party.objects.all())


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
    transaction.on_commit(lambda: _announce(evaluation.pk))
    logger.info("annual evaluation %s of regulation %s opened", year, regulation.pk)
    return evaluation, True


def _prepare(evaluation, *, by):
    """The bodies' parts, one blank self-assessment per body and area, and the first figures."""
    from coordination.grants import grant_view
    from coordination.models import CoordinationArea

    from .figures import snapshot_compute

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


def _announce(evaluation_pk):
    from .notifications import announce_opened

    announce_opened(evaluation_pk)


def open_due_evaluations(*, by, today=None):
    """What the daily job does: open every evaluation that is due. Returns [(evaluation, created)]."""
    today = today or timezone.localdate()
    done = []
    for regulation in regulations_in_force():
        for year in due_years(regulation, today):
            done.append(evaluation_open(by=by, regulation=regulation, year=year))
    return done
