"""Messages shown to users when a step is refused: translatable constants that tests import."""

from django.utils.translation import gettext_lazy as _

MSG_NOT_OPEN = _("The evaluation is no longer open for changes.")
MSG_NOT_AWAITING = _("The evaluation is not awaiting approval.")
MSG_PARTS_MISSING = _("Each body must first send its self-assessment.")
MSG_CONCLUSION_MISSING = _("Write the joint conclusion first.")
MSG_ALREADY_SENT = _("This body has already sent its self-assessment.")
MSG_NOT_SENT = _("This body has not sent its self-assessment yet.")
MSG_ALREADY_APPROVED = _("This body has already approved the evaluation.")
MSG_NOT_CLOSED = _("Follow-up actions become requests once the evaluation is approved and closed.")
MSG_ALREADY_REQUESTED = _("This action has already become a coordination request.")
MSG_NO_REGULATION = _("No regulation is in force: there is nothing to evaluate.")
