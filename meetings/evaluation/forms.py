"""Forms of the evaluation: a body's self-assessment (four fields per area), the joint conclusion and its actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.forms.common import DateInput
from coordination.models import CoordinationArea, Party

ASSESSMENT_LABELS = {
    "results": _("Results"),
    "shortcomings": _("Shortcomings and limitations"),
    "causes": _("Causes"),
    "proposals": _("Proposals"),
}


class AssessmentForm(forms.Form):
    """Fields "<area id>-<field>" for every area; `areas()` groups them for the template."""

    def __init__(self, *args, assessments, **kwargs):
        super().__init__(*args, **kwargs)
        self._assessments = list(assessments)
        for assessment in self._assessments:
            for name, label in ASSESSMENT_LABELS.items():
                self.fields[f"{assessment.area_id}-{name}"] = forms.CharField(
                    label=label, required=False, initial=getattr(assessment, name),
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def areas(self):
        return [
            (assessment, [self[f"{assessment.area_id}-{name}"] for name in ASSESSMENT_LABELS])
            for assessment in self._assessments
        ]

    def values(self):
        return {
            a.area_id: {name: self.cleaned_data.get(f"{a.area_id}-{name}", "") for name in ASSESSMENT_LABELS}
            for a in self._assessments
        }


class ConclusionForm(forms.Form):
    number_symbol = forms.CharField(
        label=_("Number and symbol of the report"), max_length=60, required=False,
        help_text=_("e.g. Số 01-BC/BCSĐ-ĐU; may be left empty until the report is issued."),
    )
    conclusion = forms.CharField(
        label=_("Joint conclusion"), widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What both bodies conclude about the year's coordination; one paragraph per line."),
    )


class ActionForm(forms.Form):
    content = forms.CharField(label=_("Follow-up action"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    area = forms.ModelChoiceField(label=_("Area"), queryset=CoordinationArea.objects.all(), required=False)
    owner_party = forms.ModelChoiceField(label=_("Body in charge"), queryset=Party.objects.all(), required=False)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("content", "").strip() and not data.get("owner_party"):
            self.add_error("owner_party", _("Say which body is in charge of this action."))
        if data.get("content", "").strip() and not data.get("area"):
            self.add_error("area", _("Choose the area of this action."))
        return data


ActionFormSet = forms.formset_factory(ActionForm, extra=2, max_num=30)


def actions_from(formset):
    return [
        {k: f.cleaned_data[k] for k in ("content", "area", "owner_party", "deadline")}
        for f in formset.forms
        if f.cleaned_data.get("content", "").strip()
    ]


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should be changed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class MakeRequestForm(forms.Form):
    reply_deadline = forms.DateField(
        label=_("Reply deadline"), required=False, widget=DateInput()
    )
