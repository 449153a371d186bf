"""What a person chose for themselves and keeps on every device: today, the interface language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class UserPreference(models.Model):
    """One row per person who changed a default; without a row the defaults apply (Vietnamese)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference", verbose_name=_("member")
    )
    language = models.CharField(
        _("interface language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("personal preference")
        verbose_name_plural = _("personal preferences")

    def __str__(self):
        return str(self.user)
