"""What every workflow of the project shares: the refused step, the rule "each body approves, round
by round", and the badge each state wears.

- Models raise `InvalidTransition(state, action, message)` before changing anything; views show its
  `message` (translated) and nothing is saved.
- Amendments, a new term's draft and minutes are approved by each body taking part, round by round:
  `approved_by_every_body` over decision rows that each carry `party`, `round` and, through the
  model's `APPROVING` lookup, whether they approve. (The evaluation keeps one approval per body on
  its BodyPart; a return clears them all, which is the same rule with the round implicit.)
- A state's badge colour is declared on its choices class (`__tones__`, value -> tone) and drawn by
  the one `{% badge obj "field" %}` tag (coordination/templatetags/badges.py), so no template
  compares a state string.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

STEP_NOT_POSSIBLE = _("This step is not possible in the current state.")


class InvalidTransition(Exception):
    """A step that the object's current state does not allow."""

    def __init__(self, state, action, message=None):
        self.state, self.action = state, action
        self.message = message or STEP_NOT_POSSIBLE
        super().__init__(f"{action} is not possible from {state}")


class Tone:
    """The badge colours of the stylesheet (static/css/app.css .badge-*)."""

    OK = "ok"  # done, approved
    WARN = "warn"  # waits for someone
    INFO = "info"  # in progress
    DANGER = "danger"  # refused, failed, absent
    NEUTRAL = ""  # drafts, withdrawn, cancelled
    MUTED = "muted"  # nothing recorded yet: plain grey text, not a badge


class BadgeChoices(models.TextChoices):
    """TextChoices whose members know their badge: `__tones__` maps a value to a Tone (default INFO);
    `__badge_labels__` may word a value differently on its badge than in lists and history."""

    @property
    def tone(self):
        return type(self).__dict__.get("__tones__", {}).get(self.value, Tone.INFO)

    @property
    def badge_label(self):
        return type(self).__dict__.get("__badge_labels__", {}).get(self.value, self.label)


def approving_parties(decisions, *, round):
    """The ids of the bodies that approved in `round`; `decisions` is a queryset of a decision model
    (regulation.Decision, meetings.MinutesApproval) whose `APPROVING` lookup means "approved"."""
    return set(decisions.filter(round=round, **decisions.model.APPROVING).values_list("party_id", flat=True))


def approved_by_every_body(decisions, *, round, party_ids) -> bool:
    """Has every body of `party_ids` approved in this round? A return opens a new round, so only the
    approvals of the current round count; the last approval is the one that acts."""
    return approving_parties(decisions, round=round) >= set(party_ids)
