"""When an evaluation is due and who takes part: reads that opening (services/opening.py) and the figures use."""

import datetime

from coordination.models import Party
from regulation.models import Regulation

from ..models import DEFAULT_OPENING_DAY, DEFAULT_OPENING_MONTH, OpeningDay

# A run missed at the end of a year (beat down from 1 December into January) is caught up within
# this many days of the opening day; later, last year's evaluation is opened only by hand.
CATCH_UP_DAYS = 92


def opening_date(regulation, year):
    """The day the evaluation of `year` opens: the regulation's own day if it has one, else 1 December."""
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
    return Regulation.objects.filter(status=Regulation.Status.IN_FORCE)


def taking_part(regulation):
    """The bodies that evaluate: those that issued the regulation (all bodies when it names none)."""
    return list(regulation.issuing_parties.all()) or list(Party.objects.all())
