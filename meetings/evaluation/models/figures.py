"""The figures of a year as computed at one moment (selectors/figures.py computes, services/figures.py stores)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .evaluation import AnnualEvaluation


class StatisticsSnapshot(models.Model):
    """The figures of the year as computed at one moment; a recomputation adds a new snapshot."""

    evaluation = models.ForeignKey(AnnualEvaluation, on_delete=models.CASCADE, related_name="snapshots")
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("computed by")
    )
    data = models.JSONField(_("figures"))

    class Meta:
        ordering = ["-computed_at", "-pk"]
        get_latest_by = ["computed_at", "pk"]
        verbose_name = _("statistics snapshot")
        verbose_name_plural = _("statistics snapshots")

    def __str__(self):
        return f"{self.evaluation} · {self.computed_at:%d/%m/%Y %H:%M}"
