"""Reminding the bodies that have not done their part of the evaluation (weekly job remind_evaluation_parts).

At most once per (evaluation, state, body, person, day): coordination.reminders keeps the key.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.models import Role
from coordination.reminders import remind_once
from coordination.selectors.parties import party_members

from ..models import AnnualEvaluation


def evaluation_reminders(*, day, actor):
    """Whoever has not done their part: writers of a body that has not sent its self-assessment;
    leaders of a body that has not approved."""
    sent = 0
    evaluations = AnnualEvaluation.objects.exclude(state=AnnualEvaluation.State.CLOSED).prefetch_related("parts__party")
    for evaluation in evaluations:
        url = reverse("evaluation:evaluation_detail", args=[evaluation.pk])
        for part in evaluation.parts.all():
            with override("vi"):
                if evaluation.state == AnnualEvaluation.State.OPEN and part.submitted_at is None:
                    users, subject = party_members(part.party, Role.STAFF, Role.LEADER), _(
                        "Reminder: %(party)s has not sent its self-assessment for %(year)s"
                    )
                elif evaluation.state == AnnualEvaluation.State.AWAITING_APPROVAL and part.approved_at is None:
                    users, subject = party_members(part.party, Role.LEADER), _(
                        "Reminder: the %(year)s evaluation awaits the approval of %(party)s"
                    )
                else:
                    continue
                subject = subject % {"party": part.party.name_vi, "year": evaluation.year}
                body = _("Open the evaluation to do your part.")
            sent += remind_once("evaluation", f"{evaluation.pk}:{evaluation.state}:{part.party_id}", users, day,
                               subject=subject, body=body, url=url, actor=actor)
    return sent
