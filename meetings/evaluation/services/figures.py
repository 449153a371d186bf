"""Storing the figures: a new dated snapshot each time (selectors/figures.py computes them)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .. import permissions
from ..models import StatisticsSnapshot
from ..selectors.figures import compute


def snapshot_compute(*, evaluation, by, now=None):
    """Store the figures as a new dated snapshot (earlier snapshots are kept)."""
    with transaction.atomic():
        return StatisticsSnapshot.objects.create(evaluation=evaluation, computed_by=by, data=compute(evaluation, now))


def statistics_recompute(*, by, evaluation):
    if not permissions.can_recompute_statistics(by, evaluation):
        raise PermissionDenied
    return snapshot_compute(evaluation=evaluation, by=by)
