"""The demo data of `make run`: a year and a half of use, loaded as often as you like, and silent."""

import datetime

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone

from coordination.demo import load_demo
from coordination.models import CoordinationRequest, DocumentVersion, Membership, Notification, OutboxEntry
from meetings.evaluation.models import AnnualEvaluation
from meetings.models import Meeting, MinutesApproval

pytestmark = pytest.mark.django_db


def _rows():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _span_days(values):
    values = sorted(values)
    return (values[-1] - values[0]).days


def test_demo_spans_a_year_and_a_half_of_requests_meetings_reports_and_the_evaluation():
    """One load (it takes a while), every part of the story checked in turn."""
    load_demo()
    _spans_a_year()
    _mostly_on_time_some_late_some_overdue()
    _last_years_evaluation_closed_by_both_bodies()
    _documents_are_real_pdfs()


def _spans_a_year():
    today = timezone.localdate()
    created = CoordinationRequest.objects.values_list("created_at", flat=True)
    assert _span_days(created) >= 365
    assert min(created).date() <= today - datetime.timedelta(days=500)
    held = Meeting.objects.filter(starts_at__lt=timezone.now()).values_list("starts_at", flat=True)
    assert _span_days(held) >= 365
    approvals = MinutesApproval.objects.values_list("decided_at", flat=True)
    assert _span_days(approvals) >= 365
    history = CoordinationRequest.history.values_list("history_date", flat=True)
    assert _span_days(history) >= 365
    assert _span_days(Meeting.history.values_list("history_date", flat=True)) >= 365
    # Not all in one minute: the requests were made on many different days.
    assert len({moment.date() for moment in created}) >= 20
    # The members held their posts before the first step they took.
    assert Membership.objects.values_list("active_from", flat=True).order_by("active_from").last() <= min(
        created).date()


def _mostly_on_time_some_late_some_overdue():
    answered = [r for r in CoordinationRequest.objects.filter(answered_at__isnull=False)]
    on_time = [r for r in answered if r.answered_on_time]
    late = [r for r in answered if r.answered_on_time is False]
    assert len(on_time) > 2 * len(late) and len(late) >= 2
    assert len([r for r in CoordinationRequest.objects.all() if r.is_overdue]) >= 2
    this_year = [r for r in answered if r.answered_at.year == timezone.localdate().year]
    assert len(this_year) >= 8 and any(r.answered_on_time is False for r in this_year)


def _last_years_evaluation_closed_by_both_bodies():
    evaluation = AnnualEvaluation.objects.order_by("year").first()
    assert evaluation.state == AnnualEvaluation.State.CLOSED
    assert all(part.approved_at for part in evaluation.parts.all()) and evaluation.parts.count() == 2
    steps = evaluation.history.order_by("history_date")
    assert steps.count() >= 3
    first, last = (timezone.localtime(steps.first().history_date), timezone.localtime(steps.last().history_date))
    assert (first.year, first.month) == (evaluation.year, 12) and last.year == evaluation.year + 1


def _documents_are_real_pdfs():
    pdfs = DocumentVersion.objects.filter(original_name__endswith=".pdf")
    assert pdfs.count() >= 20
    version = pdfs.first()
    data = version.file.open("rb").read()
    assert data.startswith(b"%PDF-") and b"/FontFile2" in data and len(data) > 5000
    # The page text is drawn with the embedded font's glyph ids (not Latin-1 bytes), so "Đ" can show.
    assert b"SourceSansPro" in data and b"Type0" in data


def test_loading_the_demo_twice_changes_nothing_and_sends_no_email(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        load_demo()
    first = _rows()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    assert _rows() == first
    assert callbacks == [] and mail.outbox == []
    assert Notification.objects.count() > 50
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    # Nothing is left in the outbox for the re-queue job to send a few minutes later.
    assert not OutboxEntry.objects.filter(done_at__isnull=True).exists()
