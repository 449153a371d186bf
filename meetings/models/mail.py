"""A record of each calendar e-mail sent, so a task that runs twice sends each one once."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .meeting import Meeting


class CalendarEmail(models.Model):
    """System log (not edited by users, so no history): the unique key makes sending idempotent."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="calendar_emails")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sequence = models.PositiveIntegerField()
    method = models.CharField(max_length=16)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar e-mail")
        verbose_name_plural = _("calendar e-mails")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user", "sequence", "method"], name="calendar_email_once"),
        ]

    def __str__(self):
        return f"{self.meeting} · {self.user} · {self.method} {self.sequence}"
