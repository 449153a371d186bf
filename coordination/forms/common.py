"""What the coordination forms share: the date widget, today, and the refusal of Tuyệt mật."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models import Confidentiality
from ..services.documents import TOP_SECRET_REFUSED


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def today():
    return timezone.localdate()


def refuse_top_secret(value):
    if value is not None and int(value) >= Confidentiality.TUYET_MAT:
        raise ValidationError(TOP_SECRET_REFUSED, code="top_secret")
    return int(value)
