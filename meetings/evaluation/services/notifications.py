"""Who is told what about the evaluation, through the shared inbox-and-email `coordination.notifications.notify`."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.jobs import system_user
from coordination.models import Role
from coordination.notifications import notify
from coordination.selectors.parties import party_members

from ..models import AnnualEvaluation

WRITERS = (Role.STAFF, Role.LEADER)


def _url(evaluation):
    return reverse("evaluation:evaluation_detail", args=[evaluation.pk])


def _message(event, evaluation, party=None, comment=""):
    """(subject, body) of each event, in Vietnamese: the language of the bodies' mail."""
    names = {"year": evaluation.year, "party": party.name_vi if party else ""}
    texts = {
        "opened": (_("The %(year)s annual evaluation is open"),
                   _("Each body writes its self-assessment per area beside the figures of the year.")),
        "assessment_submitted": (_("%(party)s sent its self-assessment for %(year)s"),
                                 _("The joint conclusion can be written once every body has sent its part.")),
        "awaiting_approval": (_("The %(year)s evaluation awaits your approval"),
                              _("A leader of each body approves the evaluation; then it is closed.")),
        "returned": (_("The %(year)s evaluation was returned for changes"), comment),
        "closed": (_("The %(year)s evaluation is approved and closed"),
                   _("Follow-up actions can now become coordination requests.")),
    }
    subject, body = texts[event]
    return subject % names, body % names if "%(" in body else body


def tell_parts(evaluation, event, *, actor=None, party=None, comment=""):
    """Tell the members of every body taking part (leaders only when their approval is awaited)."""
    roles = (Role.LEADER,) if event == "awaiting_approval" else WRITERS
    recipients = [u for part in evaluation.parts.select_related("party") for u in party_members(part.party, *roles)]
    with override("vi"):
        subject, body = _message(event, evaluation, party=party, comment=comment)
    return notify(recipients=recipients, subject=subject, body=body, url=_url(evaluation), actor=actor)


def announce_opened(evaluation_pk):
    evaluation = AnnualEvaluation.objects.filter(pk=evaluation_pk).first()
    if evaluation is not None:
        tell_parts(evaluation, "opened", actor=system_user())
