"""The error every refused transition raises; services turn it into a translated message."""

from django.utils.translation import gettext_lazy as _


class InvalidTransition(Exception):
    """A workflow step that the object's current state does not allow. Models raise it; nothing is saved."""

    def __init__(self, state, action, message=None):
        self.state, self.action = state, action
        self.message = message or _("This step is not possible in the current state.")
        super().__init__(f"{action} not allowed in state {state}")
