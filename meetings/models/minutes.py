"""The minutes (biên bản) of a meeting: drafted by the convening body, approved by a leader of each body."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coordination.models import Party
from coordination.workflow import BadgeChoices, InvalidTransition, Tone

from .meeting import Meeting


class MinutesState(BadgeChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    APPROVED = "approved", _("Approved")

    __tones__ = {"draft": Tone.INFO, "awaiting_approval": Tone.WARN, "approved": Tone.OK}
    __badge_labels__ = {"draft": _("Minutes in draft")}


class ApprovalDecision(BadgeChoices):
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned with comments")

    __tones__ = {"approved": Tone.OK, "returned": Tone.WARN}


class Minutes(models.Model):
    """One per meeting. Each submission opens a new approval `round`; a return ends the round."""

    badge_choices = {"state": MinutesState}

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("meeting"))
    content = models.TextField(_("proceedings"))
    state = models.CharField(_("state"), max_length=24, choices=MinutesState.choices, default=MinutesState.DRAFT)
    round = models.PositiveSmallIntegerField(_("approval round"), default=0)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("drafted by")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.meeting)

    @property
    def is_draft(self):
        return self.state == MinutesState.DRAFT

    @property
    def is_approved(self):
        return self.state == MinutesState.APPROVED

    @property
    def is_awaiting_approval(self):
        return self.state == MinutesState.AWAITING_APPROVAL

    def submit(self):
        if self.state != MinutesState.DRAFT:
            raise InvalidTransition(self.state, "submit", _("Only draft minutes can be submitted for approval."))
        if not self.content.strip():
            raise InvalidTransition(self.state, "submit", _("Write the proceedings before submitting the minutes."))
        self.state = MinutesState.AWAITING_APPROVAL
        self.round += 1
        self.submitted_at = timezone.now()

    def check_awaiting(self, action):
        if self.state != MinutesState.AWAITING_APPROVAL:
            raise InvalidTransition(self.state, action, _("The minutes are not awaiting approval."))

    def approve_if_complete(self, approved_party_ids, required_party_ids):
        """After an approval: the minutes are approved once every body taking part has approved this round."""
        self.check_awaiting("approve")
        if set(required_party_ids) <= set(approved_party_ids):
            self.state = MinutesState.APPROVED
            self.approved_at = timezone.now()

    def return_to_draft(self):
        self.check_awaiting("return")
        self.state = MinutesState.DRAFT


class MinutesApproval(models.Model):
    """A leader's decision for their body in one approval round."""

    badge_choices = {"decision": ApprovalDecision}
    APPROVING = {"decision": ApprovalDecision.APPROVED}  # the lookup of coordination.workflow.approving_parties

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="approvals", verbose_name=_("minutes"))
    round = models.PositiveSmallIntegerField(_("approval round"))
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+", verbose_name=_("party body"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("leader")
    )
    decision = models.CharField(_("decision"), max_length=16, choices=ApprovalDecision.choices)
    comment = models.TextField(_("comment"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "decided_at", "pk"]
        verbose_name = _("minutes approval")
        verbose_name_plural = _("minutes approvals")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "round", "party"], name="one_decision_per_body_per_round"),
        ]

    def __str__(self):
        return f"{self.party} · {self.get_decision_display()}"

    @property
    def is_return(self):
        return self.decision == ApprovalDecision.RETURNED
