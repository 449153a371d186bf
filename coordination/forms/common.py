"""What the coordination forms share: the date widget, today, and the refusal of Tuyệt mật."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Confidentiality
from ..services.documents import TOP_SECRET_REFUSED


class DateInput(forms.DateInput):
    """A date written dd/mm/yyyy whatever the browser's language (a native date field shows the browser's own
    order, mm/dd/yyyy in an English Chromium). static/js/app.js puts the browser's calendar one click away.
    ISO dates (yyyy-mm-dd) are accepted too (DATE_INPUT_FORMATS)."""

    input_type = "text"

    def __init__(self, attrs=None, **kwargs):
        attrs = {
            "placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "maxlength": "10",
            "pattern": r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}", "title": _("A date such as 25/12/2026"),
            "data-date": _("Choose on a calendar"), "class": "date-input", **(attrs or {}),
        }
        super().__init__(attrs, format="%d/%m/%Y", **kwargs)


def today():
    return timezone.localdate()


def refuse_top_secret(value):
    if value is not None and int(value) >= Confidentiality.TUYET_MAT:
        raise ValidationError(TOP_SECRET_REFUSED, code="top_secret")
    return int(value)
