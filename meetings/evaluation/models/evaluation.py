"""The annual evaluation (Article 9): its workflow, each body's part, self-assessments and follow-up actions."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from coordination.workflow import BadgeChoices, InvalidTransition, Tone

from ..messages import (
    MSG_ALREADY_APPROVED,
    MSG_ALREADY_SENT,
    MSG_CONCLUSION_MISSING,
    MSG_NOT_AWAITING,
    MSG_NOT_OPEN,
    MSG_NOT_SENT,
    MSG_PARTS_MISSING,
)


class AnnualEvaluation(models.Model):
    """The joint yearly evaluation of one regulation; exactly one per regulation and year."""

    class State(BadgeChoices):
        OPEN = "open", _("Self-assessment and conclusion")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting the leaders' approval")
        CLOSED = "closed", _("Approved and closed")

        __tones__ = {"open": Tone.WARN, "awaiting_approval": Tone.INFO, "closed": Tone.OK}

    badge_choices = {"state": State}

    regulation = models.ForeignKey(
        "regulation.Regulation", on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("regulation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    state = models.CharField(_("state"), max_length=24, choices=State.choices, default=State.OPEN)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    number_symbol = models.CharField(
        _("number and symbol"), max_length=60, blank=True, help_text=_("e.g. Số 01-BC/BCSĐ-ĐU")
    )
    conclusion = models.TextField(_("joint conclusion"), blank=True)
    submitted_at = models.DateTimeField(_("sent for approval at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "regulation_id"]
        verbose_name = _("annual evaluation")
        verbose_name_plural = _("annual evaluations")
        constraints = [
            models.UniqueConstraint(fields=["regulation", "year"], name="one_evaluation_per_regulation_and_year"),
        ]

    def __str__(self):
        return _("Evaluation of the coordination in %(year)s") % {"year": self.year}

    @property
    def is_closed(self):
        return self.state == self.State.CLOSED

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    @property
    def is_awaiting_approval(self):
        return self.state == self.State.AWAITING_APPROVAL

    def period(self):
        """[1 January, 1 January next year) as aware datetimes in the project's time zone."""
        tz = timezone.get_default_timezone()
        start = datetime.datetime(self.year, 1, 1, tzinfo=tz)
        return start, datetime.datetime(self.year + 1, 1, 1, tzinfo=tz)

    # Pure transitions: they check the state and change fields; services save.
    def submit_for_approval(self, parts):
        if self.state != self.State.OPEN:
            raise InvalidTransition(self.state, "submit_for_approval", MSG_NOT_OPEN)
        if any(p.submitted_at is None for p in parts):
            raise InvalidTransition(self.state, "submit_for_approval", MSG_PARTS_MISSING)
        if not self.conclusion.strip():
            raise InvalidTransition(self.state, "submit_for_approval", MSG_CONCLUSION_MISSING)
        self.state = self.State.AWAITING_APPROVAL
        self.submitted_at = timezone.now()

    def return_to_drafting(self):
        if self.state != self.State.AWAITING_APPROVAL:
            raise InvalidTransition(self.state, "return_to_drafting", MSG_NOT_AWAITING)
        self.state = self.State.OPEN
        self.submitted_at = None

    def close_if_approved(self, parts):
        if self.state == self.State.AWAITING_APPROVAL and all(p.approved_at for p in parts):
            self.state = self.State.CLOSED
            self.closed_at = timezone.now()
            return True
        return False


class BodyPart(models.Model):
    """One body's share of the work: its self-assessment sent, and its leader's approval."""

    evaluation = models.ForeignKey(AnnualEvaluation, on_delete=models.CASCADE, related_name="parts")
    party = models.ForeignKey("coordination.Party", on_delete=models.PROTECT, verbose_name=_("party body"))
    submitted_at = models.DateTimeField(_("self-assessment sent at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("self-assessment sent by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("approved by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["party__order"]
        verbose_name = _("body's part")
        verbose_name_plural = _("bodies' parts")
        constraints = [models.UniqueConstraint(fields=["evaluation", "party"], name="one_part_per_body")]

    def __str__(self):
        return f"{self.evaluation} · {self.party}"

    def submit(self, user):
        if self.evaluation.state != AnnualEvaluation.State.OPEN:
            raise InvalidTransition(self.evaluation.state, "submit", MSG_NOT_OPEN)
        if self.submitted_at:
            raise InvalidTransition(self.evaluation.state, "submit", MSG_ALREADY_SENT)
        self.submitted_at, self.submitted_by = timezone.now(), user

    def reopen(self):
        if self.evaluation.state != AnnualEvaluation.State.OPEN:
            raise InvalidTransition(self.evaluation.state, "reopen", MSG_NOT_OPEN)
        if not self.submitted_at:
            raise InvalidTransition(self.evaluation.state, "reopen", MSG_NOT_SENT)
        self.submitted_at = self.submitted_by = None

    def approve(self, user):
        if self.evaluation.state != AnnualEvaluation.State.AWAITING_APPROVAL:
            raise InvalidTransition(self.evaluation.state, "approve", MSG_NOT_AWAITING)
        if self.approved_at:
            raise InvalidTransition(self.evaluation.state, "approve", MSG_ALREADY_APPROVED)
        self.approved_at, self.approved_by = timezone.now(), user


class AreaAssessment(models.Model):
    """What one body says about one coordination area: results, shortcomings, causes, proposals."""

    evaluation = models.ForeignKey(AnnualEvaluation, on_delete=models.CASCADE, related_name="assessments")
    party = models.ForeignKey("coordination.Party", on_delete=models.PROTECT, verbose_name=_("party body"))
    area = models.ForeignKey("coordination.CoordinationArea", on_delete=models.PROTECT, verbose_name=_("area"))
    results = models.TextField(_("results"), blank=True)
    shortcomings = models.TextField(_("shortcomings"), blank=True)
    causes = models.TextField(_("causes"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["area__article_number", "party__order"]
        verbose_name = _("self-assessment of an area")
        verbose_name_plural = _("self-assessments of areas")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "party", "area"], name="one_assessment_per_body_and_area")
        ]

    def __str__(self):
        return f"{self.party} · {self.area}"

    @property
    def is_blank(self):
        return not any(v.strip() for v in (self.results, self.shortcomings, self.causes, self.proposals))


class FollowUpAction(models.Model):
    """A follow-up action of the joint conclusion; it can become a coordination request."""

    evaluation = models.ForeignKey(AnnualEvaluation, on_delete=models.CASCADE, related_name="actions")
    area = models.ForeignKey(
        "coordination.CoordinationArea", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("area")
    )
    owner_party = models.ForeignKey(
        "coordination.Party", on_delete=models.PROTECT, verbose_name=_("body in charge"), related_name="+"
    )
    content = models.TextField(_("action"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    request = models.OneToOneField(
        "coordination.CoordinationRequest", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("coordination request"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self):
        return self.content[:80]


class EvaluationUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(AnnualEvaluation, on_delete=models.CASCADE)


class EvaluationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(AnnualEvaluation, on_delete=models.CASCADE)
