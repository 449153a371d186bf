"""Forms for member management."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ..models import Membership, OrgUnit, Party


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "position_title", "clearance", "unit"]


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.username} ({user.username})"


class MembershipAddForm(forms.Form):
    existing_user = UserChoiceField(
        label=_("Existing user"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name"),
        required=False, help_text=_("Choose a user who already has an account, or fill in the new user below."),
    )
    username = forms.CharField(label=_("New user name"), max_length=150, required=False)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    party = forms.ModelChoiceField(label=_("Party body"), queryset=Party.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Membership._meta.get_field("role").choices)
    position_title = forms.CharField(label=_("Position"), max_length=200, required=False)
    clearance = forms.TypedChoiceField(
        label=_("Clearance"), choices=Membership._meta.get_field("clearance").choices, coerce=int
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.all(), required=False)

    def __init__(self, *args, party_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Party.objects.filter(pk__in=party_ids)

    def clean(self):
        data = super().clean()
        User = get_user_model()
        if not data.get("existing_user"):
            if not data.get("username") or not data.get("last_name"):
                raise forms.ValidationError(_("Choose an existing user or give the new user's name and user name."))
            if User.objects.filter(username=data["username"]).exists():
                self.add_error("username", _("This user name is already taken."))
        return data
