"""The form that makes a personal API token: only its name; the secret is generated."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=ApiToken._meta.get_field("name").max_length,
        help_text=_("What the token is for, e.g. “e-office link” or “monthly report”."),
    )
