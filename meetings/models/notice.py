"""The information regime: notices one body sends the other, read receipts, the reporting schedule."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from coordination.models import Party

from .base import InvalidTransition


class NoticeKind(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution")
    REPORT = "report", _("Report")
    PLAN = "plan", _("Plan")
    PROGRAMME = "programme", _("Work programme")
    OTHER = "other", _("Other information")


class NoticeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")


class ReportFrequency(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    SEMIANNUAL = "semiannual", _("Every six months")
    YEARLY = "yearly", _("Yearly")


MONTHS_PER_PERIOD = {ReportFrequency.QUARTERLY: 3, ReportFrequency.SEMIANNUAL: 6, ReportFrequency.YEARLY: 12}


class ReportingObligation(models.Model):
    """A line of the reporting schedule: body A sends body B this report every period, N days after it ends."""

    reporting_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="reporting_obligations", verbose_name=_("reporting body")
    )
    recipient_party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+", verbose_name=_("sent to"))
    title = models.CharField(_("report"), max_length=200)
    frequency = models.CharField(_("frequency"), max_length=16, choices=ReportFrequency.choices)
    days_after_period = models.PositiveSmallIntegerField(
        _("days allowed after the period"), default=15,
        help_text=_("The report is due this many days after the period ends."),
    )
    starts_on = models.DateField(_("first period starts"), help_text=_("Periods before this date are not due."))
    is_active = models.BooleanField(_("in force"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reporting_party__order", "frequency", "title"]
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting schedule")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reporting_party=models.F("recipient_party")), name="report_goes_to_the_other_body"
            ),
        ]

    def __str__(self):
        return f"{self.title} · {self.reporting_party}"

    def periods(self, year):
        """(start, end, due date) of each period of `year` (calendar quarters, halves, year)."""
        months = MONTHS_PER_PERIOD[self.frequency]
        result = []
        for first_month in range(1, 13, months):
            start = datetime.date(year, first_month, 1)
            next_start = datetime.date(year + (first_month + months > 12), (first_month + months - 1) % 12 + 1, 1)
            end = next_start - datetime.timedelta(days=1)
            if end >= self.starts_on:
                result.append((start, end, end + datetime.timedelta(days=self.days_after_period)))
        return result


class Notice(models.Model):
    """One body informs the other. Secret material stays outside: see services.NOTICE_SECRET_REFUSED."""

    sender_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="sent_notices", verbose_name=_("sending body")
    )
    recipient_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="received_notices", verbose_name=_("receiving body")
    )
    kind = models.CharField(_("kind of notice"), max_length=16, choices=NoticeKind.choices, default=NoticeKind.REPORT)
    title = models.CharField(_("notice title"), max_length=300)
    summary = models.TextField(_("summary"))
    state = models.CharField(_("state"), max_length=16, choices=NoticeState.choices, default=NoticeState.DRAFT)
    obligation = models.ForeignKey(
        ReportingObligation, on_delete=models.PROTECT, null=True, blank=True, related_name="notices",
        verbose_name=_("reporting schedule line"),
    )
    period_start = models.DateField(_("period"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("drafted by")
    )
    created_at = models.DateTimeField(_("drafted at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at", "-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        # The notices page reads newest first, drafts (no sent_at) on top: on PostgreSQL a descending key
        # sorts NULLs first, the order visible_notices() asks for, so a page is the first rows of this index.
        indexes = [models.Index(fields=["-sent_at", "-created_at", "-id"], name="notice_newest_first")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender_party=models.F("recipient_party")), name="notice_goes_to_the_other_body"
            ),
            models.UniqueConstraint(
                fields=["obligation", "period_start"], condition=Q(obligation__isnull=False),
                name="one_notice_per_reporting_period",
            ),
            models.CheckConstraint(
                condition=Q(obligation__isnull=True) | Q(period_start__isnull=False), name="reporting_notice_has_period"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:notice_detail", args=[self.pk])

    @property
    def is_sent(self):
        return self.state == NoticeState.SENT

    def send(self, by):
        if self.is_sent:
            raise InvalidTransition(self.state, "send", _("The notice has already been sent."))
        self.state = NoticeState.SENT
        self.sent_by = by
        self.sent_at = timezone.now()


class NoticeReceipt(models.Model):
    """A member of the receiving body opened the notice (first time only)."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="receipts", verbose_name=_("notice"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notice_receipts", verbose_name=_("member")
    )
    read_at = models.DateTimeField(_("read at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["read_at"]
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="one_receipt_per_member")]

    def __str__(self):
        return f"{self.notice} · {self.user}"


class NoticeUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Notice, on_delete=models.CASCADE)


class NoticeGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Notice, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        # coordination.grants.visible probes (object, group) for every row it shows: one index lookup each.
        indexes = [models.Index(fields=["content_object", "group", "permission"], name="notice_grant_obj_group_perm")]
