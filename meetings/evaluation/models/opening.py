"""The day of the year a regulation's evaluation opens."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Article 9 says "every year"; the regulation does not fix a day. Unless a regulation carries its
# own opening day, the evaluation opens on 1 December (Asia/Ho_Chi_Minh), a month before year end.
DEFAULT_OPENING_MONTH = 12
DEFAULT_OPENING_DAY = 1


class OpeningDay(models.Model):
    """The day of the year a regulation's evaluation opens, when it is not the default 1 December.

    The regulation text leaves the day to the bodies; an admin sets it here (Django admin).
    """

    regulation = models.OneToOneField(
        "regulation.Regulation", on_delete=models.CASCADE, related_name="evaluation_opening",
        verbose_name=_("regulation"),
    )
    month = models.PositiveSmallIntegerField(_("month"), default=DEFAULT_OPENING_MONTH)
    day = models.PositiveSmallIntegerField(_("day"), default=DEFAULT_OPENING_DAY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation opening day")
        verbose_name_plural = _("evaluation opening days")
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12, day__gte=1, day__lte=28), name="opening_day_in_every_year"
            ),
        ]

    def __str__(self):
        return f"{self.day:02d}/{self.month:02d}"
