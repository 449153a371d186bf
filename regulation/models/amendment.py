"""Amendments (văn bản sửa đổi, bổ sung): changes to articles that need a leader of each issuing body.

An amendment is drafted, submitted, approved or returned. Each submission opens a new round;
only decisions of the current round count, so a returned and edited amendment needs both
approvals again. Once approved it becomes a RegulationVersion valid from its effective date.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coordination.models import Party
from coordination.workflow import BadgeChoices, InvalidTransition, Tone

from .regulation import Regulation


class Amendment(models.Model):
    class Status(BadgeChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved, not yet in force")
        IN_FORCE = "in_force", _("In force")

        __tones__ = {"draft": Tone.NEUTRAL, "pending": Tone.WARN, "approved": Tone.INFO, "in_force": Tone.OK}

    badge_choices = {"status": Status}

    regulation = models.ForeignKey(Regulation, on_delete=models.PROTECT, related_name="amendments",
                                   verbose_name=_("regulation"))
    title = models.CharField(_("title"), max_length=300)
    rationale = models.TextField(_("rationale"))
    proposed_effective_on = models.DateField(_("proposed effective date"))
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    round = models.PositiveSmallIntegerField(_("approval round"), default=0)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("drafted by"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")

    def __str__(self):
        return self.title

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def submit(self):
        if self.status != self.Status.DRAFT:
            raise InvalidTransition(self.status, "submit")
        self.status = self.Status.PENDING
        self.round += 1

    def return_to_draft(self):
        if self.status != self.Status.PENDING:
            raise InvalidTransition(self.status, "return")
        self.status = self.Status.DRAFT

    def approve(self, effective_on):
        if self.status != self.Status.PENDING:
            raise InvalidTransition(self.status, "approve")
        self.status = self.Status.APPROVED
        self.effective_on = effective_on

    def come_into_force(self):
        if self.status != self.Status.APPROVED:
            raise InvalidTransition(self.status, "come_into_force")
        self.status = self.Status.IN_FORCE


class ChangeKind(models.TextChoices):
    REPLACE_ARTICLE = "replace_article", _("Replace an article")
    REPLACE_CLAUSE = "replace_clause", _("Replace a clause")
    INSERT_ARTICLE = "insert_article", _("Insert an article")
    REPEAL_ARTICLE = "repeal_article", _("Repeal an article")


class AmendmentChange(models.Model):
    """One change an amendment makes, applied in order to the consolidated text."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="changes",
                                  verbose_name=_("amendment"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("change"), max_length=20, choices=ChangeKind.choices)
    article_key = models.CharField(_("article"), max_length=8, help_text=_("The article number, e.g. 5 or 8a."))
    clause_number = models.PositiveSmallIntegerField(_("clause"), null=True, blank=True)
    chapter_number = models.PositiveSmallIntegerField(_("chapter"), null=True, blank=True)
    title = models.CharField(_("new title"), max_length=300, blank=True)
    body = models.TextField(_("new text"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["amendment", "order", "pk"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return f"{self.get_kind_display()} {self.article_key}"


class DecisionKind(BadgeChoices):
    APPROVE = "approve", _("Approved")
    RETURN = "return", _("Returned with comments")

    __tones__ = {"approve": Tone.OK, "return": Tone.DANGER}


class Decision(models.Model):
    """A leader's approval or return, on behalf of one body, of an amendment or of a new term's draft."""

    badge_choices = {"kind": DecisionKind}
    APPROVING = {"kind": DecisionKind.APPROVE}  # the lookup of coordination.workflow.approving_parties

    amendment = models.ForeignKey(Amendment, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="decisions", verbose_name=_("amendment"))
    regulation = models.ForeignKey(Regulation, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="adoption_decisions", verbose_name=_("regulation"))
    round = models.PositiveSmallIntegerField(_("approval round"))
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+", verbose_name=_("on behalf of"))
    kind = models.CharField(_("decision"), max_length=10, choices=DecisionKind.choices)
    comment = models.TextField(_("comments"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amendment__isnull=True) ^ models.Q(regulation__isnull=True),
                name="decision_on_one_thing",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.party} · {self.by}"

    @property
    def is_approval(self):
        return self.kind == DecisionKind.APPROVE
