"""Forms of meetings, minutes, notices and the reporting schedule. Validation only; services write."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.forms.common import DateInput
from coordination.models import Confidentiality, CoordinationArea, DocumentType, Party, Role

from .models import AttendanceStatus, MeetingKind, NoticeKind, ReportFrequency
from .widgets import PlainSelect, PlainSelectMultiple, TitleChoices

DATE = DateInput()
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
END_BEFORE_START = _("The meeting must end after it starts.")


class PartyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MeetingForm(forms.Form):
    convening_party = PartyChoiceField(queryset=Party.objects.none(), label=_("Convening body"))
    kind = forms.ChoiceField(choices=MeetingKind.choices, label=_("Kind of meeting"))
    title = forms.CharField(max_length=300, label=_("Meeting title"))
    chair = forms.ChoiceField(label=_("Chair"))
    day = forms.DateField(widget=DATE, label=_("Date"))
    start_time = forms.TimeField(widget=TIME, label=_("Starts at"))
    end_time = forms.TimeField(widget=TIME, label=_("Ends at"))
    place = forms.CharField(max_length=300, label=_("Place"))
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                  label=_("Notes for the invitees"))
    invitees = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, label=_("Invited members"),
                                         help_text=_("Members of both bodies; each receives the invitation with a "
                                                     "calendar file."))

    def __init__(self, *args, parties, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = {str(m.pk): m for m in memberships}
        self.fields["convening_party"].queryset = parties
        self.fields["invitees"].choices = [
            (pk, f"{m.user.get_full_name() or m.user.username} · {m.get_role_display()} · {m.party.short_name}")
            for pk, m in self.memberships.items()
        ]
        self.fields["chair"].choices = [("", "---------")] + sorted(
            {(str(m.user_id), m.user.get_full_name() or m.user.username) for m in memberships
             if m.role == Role.LEADER}, key=lambda c: c[1],
        )

    def clean(self):
        data = super().clean()
        if data.get("start_time") and data.get("end_time") and data["end_time"] <= data["start_time"]:
            self.add_error("end_time", END_BEFORE_START)
        return data

    def meeting_fields(self):
        """The cleaned data as the service's keyword arguments (aware datetimes in Asia/Ho_Chi_Minh)."""
        data = self.cleaned_data
        tz = timezone.get_current_timezone()
        return {
            "kind": data["kind"], "title": data["title"], "place": data["place"], "description": data["description"],
            "chair": get_user_model().objects.get(pk=data["chair"]),
            "starts_at": datetime.datetime.combine(data["day"], data["start_time"], tzinfo=tz),
            "ends_at": datetime.datetime.combine(data["day"], data["end_time"], tzinfo=tz),
        }

    def invitee_pairs(self):
        chosen = [self.memberships[pk] for pk in self.cleaned_data["invitees"]]
        return [(m.user, m.party) for m in chosen]

    @staticmethod
    def initial_for(meeting):
        start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {
            "convening_party": meeting.convening_party_id, "kind": meeting.kind, "title": meeting.title,
            "chair": str(meeting.chair_id), "day": start.date(), "start_time": start.time(), "end_time": end.time(),
            "place": meeting.place, "description": meeting.description,
        }


class CancelForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Reason for cancelling"))


class RequestChoiceField(forms.ModelMultipleChoiceField):
    iterator = TitleChoices  # options named by title, read without a model object each


class AgendaItemForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Content"))
    area = forms.ModelChoiceField(queryset=CoordinationArea.objects.all(), label=_("Coordination area"),
                                  widget=PlainSelect)
    presenter_party = PartyChoiceField(queryset=Party.objects.all(), required=False, label=_("Presented by"),
                                       widget=PlainSelect)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Notes"))
    requests = RequestChoiceField(queryset=None, required=False, label=_("Related requests"),
                                  help_text=_("Coordination requests this item discusses."),
                                  widget=PlainSelectMultiple)

    def __init__(self, *args, requests_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if requests_qs is None:
            del self.fields["requests"]
        else:
            self.fields["requests"].queryset = requests_qs


class AttendanceForm(forms.Form):
    """One status, reason and representative per invitation; field names carry the invitation id."""

    def __init__(self, *args, invitations, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitations = list(invitations)
        choices = [c for c in AttendanceStatus.choices]
        for inv in self.invitations:
            who = inv.user.get_full_name() or inv.user.username
            self.fields[f"status_{inv.pk}"] = forms.ChoiceField(choices=choices, initial=inv.attendance,
                                                                label=_("Attendance of %(who)s") % {"who": who})
            self.fields[f"reason_{inv.pk}"] = forms.CharField(
                required=False, max_length=300, initial=inv.absence_reason,
                label=_("Reason for absence of %(who)s") % {"who": who})
            self.fields[f"rep_{inv.pk}"] = forms.CharField(
                required=False, max_length=200, initial=inv.represented_by,
                label=_("Representative of %(who)s") % {"who": who})

    def rows(self):
        return [(inv, self[f"status_{inv.pk}"], self[f"reason_{inv.pk}"], self[f"rep_{inv.pk}"])
                for inv in self.invitations]

    def entries(self):
        d = self.cleaned_data
        return [(inv, d[f"status_{inv.pk}"], d[f"reason_{inv.pk}"], d[f"rep_{inv.pk}"]) for inv in self.invitations]


class MinutesForm(forms.Form):
    content = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}), label=_("Proceedings"),
                              help_text=_("What was presented and discussed, item by item."))


DEADLINE_BEFORE_MEETING = _("The deadline cannot be before the meeting.")


class ConclusionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Conclusion"))
    area = forms.ModelChoiceField(queryset=CoordinationArea.objects.all(), label=_("Coordination area"))
    owner_party = PartyChoiceField(queryset=Party.objects.all(), label=_("Body in charge"))
    deadline = forms.DateField(widget=DATE, label=_("Deadline"))

    def __init__(self, *args, meeting_day=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting_day = meeting_day
        if meeting_day:
            self.fields["deadline"].widget.attrs["min"] = meeting_day.isoformat()

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if self.meeting_day and deadline < self.meeting_day:
            raise forms.ValidationError(DEADLINE_BEFORE_MEETING)
        return deadline


class DecisionForm(forms.Form):
    party = forms.ModelChoiceField(queryset=Party.objects.all(), widget=forms.HiddenInput)
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label=_("Comment"))


class NoticeForm(forms.Form):
    sender_party = PartyChoiceField(queryset=Party.objects.none(), label=_("From"))
    recipient_party = PartyChoiceField(queryset=Party.objects.all(), label=_("To"))
    kind = forms.ChoiceField(choices=NoticeKind.choices, label=_("Kind of notice"))
    title = forms.CharField(max_length=300, label=_("Notice title"))
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), label=_("Summary"))
    report_period = forms.ChoiceField(required=False, label=_("Reporting schedule"),
                                      help_text=_("If this notice is a scheduled report, choose its period."))

    def __init__(self, *args, parties, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sender_party"].queryset = parties
        self.periods = {f"{r.obligation.pk}:{r.period_start:%Y-%m-%d}": r for r in periods}
        self.fields["report_period"].choices = [("", _("Not a scheduled report"))] + [
            (key, f"{r.obligation.title} · {r.obligation.reporting_party.short_name} · "
                  f"{r.period_start:%d/%m/%Y}–{r.period_end:%d/%m/%Y}") for key, r in self.periods.items()
        ]

    def clean(self):
        data = super().clean()
        sender, recipient = data.get("sender_party"), data.get("recipient_party")
        if sender and recipient and sender == recipient:
            self.add_error("recipient_party", _("A notice goes to the other body."))
        row = self.periods.get(data.get("report_period") or "")
        if row and sender and row.obligation.reporting_party_id != sender.pk:
            self.add_error("report_period", _("This report is due from the other body."))
        data["obligation"] = row.obligation if row else None
        data["period_start"] = row.period_start if row else None
        return data


class ObligationForm(forms.Form):
    reporting_party = PartyChoiceField(queryset=Party.objects.none(), label=_("Reporting body"))
    recipient_party = PartyChoiceField(queryset=Party.objects.all(), label=_("Sent to"))
    title = forms.CharField(max_length=200, label=_("Report"))
    frequency = forms.ChoiceField(choices=ReportFrequency.choices, label=_("Frequency"))
    days_after_period = forms.IntegerField(min_value=0, max_value=120, initial=15,
                                           label=_("Days allowed after the period"))
    starts_on = forms.DateField(widget=DATE, label=_("First period starts"))

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporting_party"].queryset = parties

    def clean(self):
        data = super().clean()
        if data.get("reporting_party") and data.get("reporting_party") == data.get("recipient_party"):
            self.add_error("recipient_party", _("A report goes to the other body."))
        return data


class DocumentUploadForm(forms.Form):
    """Register a document (coordination.Document) and attach it in one go."""

    doc_type = forms.ChoiceField(label=_("Document type"))
    summary = forms.CharField(max_length=500, label=_("Summary (trích yếu)"))
    number_symbol = forms.CharField(max_length=100, required=False, label=_("Number and symbol"),
                                    help_text=_("Only for a document received from elsewhere; leave empty to have "
                                                "your body number it."))
    confidentiality = forms.TypedChoiceField(coerce=int, label=_("Confidentiality"), initial=Confidentiality.NORMAL)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, allow_secret=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doc_type"].choices = DocumentType.choices
        levels = [Confidentiality.NORMAL] + ([Confidentiality.MAT, Confidentiality.TOI_MAT] if allow_secret else [])
        self.fields["confidentiality"].choices = [(c.value, c.label) for c in levels]
