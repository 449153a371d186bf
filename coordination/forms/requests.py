"""Forms for requests: the request itself, its steps, officers, comments, opinions and the list filter."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ..models import (
    Confidentiality,
    CoordinationArea,
    ExchangeForm,
    Party,
    RequestKind,
    RequestState,
    Urgency,
)
from ..workdays import add_working_days
from .common import DateInput, refuse_top_secret, today
from .plain import widget_html

BOTH_DEADLINES = _("Give the reply deadline either as a date or as a number of working days, not both.")
PAST_DEADLINE = _("The reply deadline cannot be in the past.")


class UserChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class RequestForm(forms.Form):
    requesting_party = forms.ModelChoiceField(label=_("Requesting body"), queryset=Party.objects.none())
    requested_party = forms.ModelChoiceField(label=_("Requested body"), queryset=Party.objects.all())
    area = forms.ModelChoiceField(label=_("Coordination area"), queryset=CoordinationArea.objects.all())
    kind = forms.ChoiceField(label=_("Kind"), choices=RequestKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 8}))
    exchange_form = forms.ChoiceField(label=_("Form of exchange"), choices=ExchangeForm.choices,
                                      initial=ExchangeForm.WRITING)
    reply_deadline = forms.DateField(label=_("Reply deadline (date)"), required=False, widget=DateInput())
    reply_working_days = forms.IntegerField(
        label=_("…or reply within (working days)"), required=False, min_value=1, max_value=120,
        help_text=_("Counted from today; weekends and public holidays, Tết included, do not count."),
    )
    urgency = forms.TypedChoiceField(label=_("Urgency"), choices=Urgency.choices, coerce=int, initial=0)
    confidentiality = forms.TypedChoiceField(label=_("Confidentiality"), choices=Confidentiality.choices,
                                             coerce=int, initial=0)
    requesting_officers = UserChoice(label=_("Officers of our body"), queryset=None, required=False,
                                     widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, parties, officers_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requesting_party"].queryset = parties
        if parties.count() == 1:
            self.fields["requesting_party"].initial = parties.first()
        self.fields["requesting_officers"].queryset = officers_qs

    def clean_confidentiality(self):
        return refuse_top_secret(self.cleaned_data["confidentiality"])

    def clean(self):
        data = super().clean()
        if data.get("reply_deadline") and data.get("reply_working_days"):
            raise ValidationError(BOTH_DEADLINES)
        if data.get("reply_working_days"):
            data["reply_deadline"] = add_working_days(today(), data["reply_working_days"])
        if data.get("reply_deadline") and data["reply_deadline"] < today():
            self.add_error("reply_deadline", PAST_DEADLINE)
        if data.get("requesting_party") and data.get("requested_party") == data["requesting_party"]:
            self.add_error("requested_party", _("A body cannot send a request to itself."))
        return data


class StepForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = required


class AcknowledgeForm(forms.Form):
    officers = UserChoice(label=_("Officers assigned"), queryset=None, required=False,
                          widget=forms.CheckboxSelectMultiple)
    consulted_leaders = UserChoice(label=_("Leaders whose opinion is asked"), queryset=None, required=False,
                                   widget=forms.CheckboxSelectMultiple)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, officers_qs, leaders_qs, ask_opinions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers_qs
        self.fields["consulted_leaders"].queryset = leaders_qs
        if not ask_opinions:
            del self.fields["consulted_leaders"]


class OfficersForm(forms.Form):
    officers = UserChoice(label=_("Officers assigned"), queryset=None, required=False,
                          widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, officers_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers_qs


class ResponseForm(forms.Form):
    response_content = forms.CharField(label=_("Response"), widget=forms.Textarea(attrs={"rows": 8}))


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3}))


class OpinionForm(forms.Form):
    content = forms.CharField(label=_("Your opinion"), widget=forms.Textarea(attrs={"rows": 4}))


class _ReadOnceChoiceIterator(ModelChoiceIterator):
    """The options of a ListedChoiceField, from the rows it has read (ModelChoiceIterator reads them again)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.rows:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.rows) + (self.field.empty_label is not None)


class ListedChoiceField(forms.ModelChoiceField):
    """A choice among the few rows of a small table (the bodies, the areas), read once for the form: the
    options drawn and the check of the value sent come from the same query, where ModelChoiceField reads
    the chosen row once more to check it."""

    iterator = _ReadOnceChoiceIterator

    @cached_property
    def rows(self):
        return list(self.queryset)

    def to_python(self, value):
        """As ModelChoiceField.to_python (the same values accepted and refused), looked up in the rows read."""
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        try:
            if isinstance(value, self.queryset.model):
                value = value.pk
            key = self.queryset.model._meta.pk.get_prep_value(value)
            return next(obj for obj in self.rows if obj.pk == key)
        except (ValueError, TypeError, StopIteration):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": value}) from None


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    party = ListedChoiceField(label=_("Body"), queryset=Party.objects.all(), required=False,
                              empty_label=_("Both bodies"))
    direction = forms.ChoiceField(label=_("Direction"), required=False, choices=[
        ("", _("Sent and received")), ("made", _("Made by my body")), ("received", _("Received by my body"))])
    area = ListedChoiceField(label=_("Area"), queryset=CoordinationArea.objects.all(), required=False,
                             empty_label=_("All areas"))
    state = forms.ChoiceField(label=_("State"), required=False,
                              choices=[("", _("All states")), ("open", _("Open"))] + RequestState.choices)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    waiting = forms.BooleanField(label=_("Waiting for my step"), required=False)
    deadline = forms.DateField(label=_("Reply deadline on"), required=False, widget=DateInput())
    date_from = forms.DateField(label=_("Created from"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("to"), required=False, widget=DateInput())
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("-created", _("Newest first")), ("created", _("Oldest first")), ("deadline", _("Deadline, earliest first")),
        ("-deadline", _("Deadline, latest first")), ("title", _("Title A–Z")), ("state", _("State"))])

    def drawn_fields(self):
        """What the list page draws of each field: name, label, the id its label points to, whether it is a
        checkbox (drawn before its label) and the widget's HTML. The widget's own context (value, attributes
        such as the shared DateInput's, aria-invalid and aria-describedby of a refused value, options and the
        selected one) is built as BoundField.as_widget builds it; only Django's widget templates, a dozen
        template renders per option, are replaced by plain.widget_html."""
        drawn = []
        for bound in self:
            widget = bound.field.widget
            attrs = bound.build_widget_attrs({}, widget)
            if bound.auto_id and "id" not in widget.attrs:
                attrs.setdefault("id", bound.auto_id)
            context = widget.get_context(bound.html_name, bound.value(), attrs)["widget"]
            drawn.append({"name": bound.name, "label": bound.label, "id_for_label": bound.id_for_label,
                          "checkbox": isinstance(widget, forms.CheckboxInput), "html": widget_html(context)})
        return drawn
