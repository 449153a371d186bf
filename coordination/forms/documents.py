"""Forms for documents: registering one (with its first file) and adding a version."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Confidentiality, DocumentType, Urgency
from ..uploads import check_upload
from .common import DateInput, refuse_top_secret


class UploadField(forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            self.info = check_upload(upload)
        return upload


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(label=_("Type"), choices=DocumentType.choices, initial=DocumentType.CV)
    number_symbol = forms.CharField(
        label=_("Number and symbol (received documents only)"), max_length=100, required=False,
        help_text=_("Leave empty for a document our body issues: the next number is assigned (Số N-TYPE/BODY)."),
    )
    issuer_name = forms.CharField(label=_("Issuing body (received documents)"), max_length=200, required=False)
    issued_on = forms.DateField(label=_("Date of issue"), widget=DateInput(), initial=timezone.localdate)
    summary = forms.CharField(label=_("Summary (trích yếu)"), max_length=500)
    signer_name = forms.CharField(label=_("Signer"), max_length=200, required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=200, required=False)
    confidentiality = forms.TypedChoiceField(label=_("Confidentiality"), choices=Confidentiality.choices,
                                             coerce=int, initial=0)
    urgency = forms.TypedChoiceField(label=_("Urgency"), choices=Urgency.choices, coerce=int, initial=0)
    recipients = forms.CharField(label=_("Recipients (nơi nhận)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))
    file = UploadField(label=_("File (PDF, DOCX, ODT, XLSX, PNG, JPEG)"))

    def clean_confidentiality(self):
        return refuse_top_secret(self.cleaned_data["confidentiality"])


class VersionForm(forms.Form):
    file = UploadField(label=_("New file"))
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)
