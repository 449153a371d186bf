"""The outbox: a task a step must cause (an email) is a row written in the step's own transaction."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """System record (no history): `task` with `args`, done once `done_at` is set.

    Written by `coordination.queueing.delay_on_commit`, run by `coordination.tasks.run_outbox_entry`,
    queued again by the `requeue-outbox` beat job while the broker or the worker could not take it.
    """

    task = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    requeued = models.PositiveIntegerField(_("times queued again"), default=0)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox")
        indexes = [
            models.Index(fields=["created_at"], condition=models.Q(done_at__isnull=True), name="outbox_pending"),
            models.Index(fields=["done_at"], condition=models.Q(done_at__isnull=False), name="outbox_done"),
        ]

    def __str__(self):
        return f"{self.task}{tuple(self.args)!r}"
