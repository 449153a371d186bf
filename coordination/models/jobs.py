"""The records the scheduled jobs keep: one row per run, and one per reminder sent.

Both were written first for the evaluation app and moved here (migrations coordination 0008 and
evaluation 0004) without touching the database: the tables keep their names, `evaluation_jobrun` and
`evaluation_remindersent`, and their rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..workflow import BadgeChoices, Tone

# The user the jobs act as, so that no history row is anonymous (made by evaluation's migration
# 0002_system_user, which stays there: migrations are history).
SYSTEM_USERNAME = "system"


class JobRun(models.Model):
    """One run of a scheduled job, so admins see in the app what ran, when, and whether it failed."""

    class Outcome(BadgeChoices):
        RUNNING = "running", _("Running")
        SUCCESS = "success", _("Succeeded")
        FAILURE = "failure", _("Failed")

        __tones__ = {"running": Tone.INFO, "success": Tone.OK, "failure": Tone.DANGER}

    badge_choices = {"outcome": Outcome}

    task = models.CharField(_("job"), max_length=200, db_index=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.RUNNING)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        db_table = "evaluation_jobrun"
        ordering = ["-started_at", "-pk"]
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        indexes = [models.Index(fields=["task", "-started_at"])]

    def __str__(self):
        return f"{self.task} {self.started_at:%d/%m/%Y %H:%M} {self.outcome}"

    @property
    def failed(self):
        return self.outcome == self.Outcome.FAILURE


class ReminderSent(models.Model):
    """A reminder or digest already sent: the unique key makes every reminder job safe to run twice.

    Kinds: "digest" (coordination; empty key, so a person gets at most one per day), "minutes" and
    "report" (meetings), "evaluation" (the annual evaluation).
    """

    kind = models.CharField(pgettext_lazy("reminder", "kind"), max_length=32)
    key = models.CharField(_("about"), max_length=100, blank=True, default="")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(_("sent on"))
    created_at = models.DateTimeField(default=timezone.now)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "evaluation_remindersent"
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "user", "sent_on"], name="one_reminder_per_user_and_day"),
            models.CheckConstraint(condition=~Q(kind=""), name="reminder_kind_not_empty"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} {self.user_id} {self.sent_on}"
