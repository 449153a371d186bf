"""Sending the evaluation to the leaders, returning it, and each body's approval that closes it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .. import permissions
from ..models import AnnualEvaluation, BodyPart
from .common import _locked, _save
from .figures import snapshot_compute
from .notifications import tell_parts


def evaluation_submit(*, by, evaluation):
    """Send the evaluation to the leaders of every body for approval."""
    if not permissions.can_submit_for_approval(by, evaluation):
        raise PermissionDenied
    with transaction.atomic():
        evaluation = _locked(AnnualEvaluation, evaluation.pk)
        parts = list(evaluation.parts.select_for_update())
        evaluation.submit_for_approval(parts)
        _save(evaluation, by, "evaluation_submit")
        snapshot_compute(evaluation=evaluation, by=by)
        tell_parts(evaluation, "awaiting_approval", actor=by)
    return evaluation


def evaluation_return(*, by, evaluation, comment):
    """A leader sends it back for changes: every approval given in this round is withdrawn."""
    if not permissions.can_return(by, evaluation):
        raise PermissionDenied
    with transaction.atomic():
        evaluation = _locked(AnnualEvaluation, evaluation.pk)
        evaluation.return_to_drafting()
        _save(evaluation, by, f"evaluation_return: {comment}"[:100])
        for part in evaluation.parts.select_for_update().filter(approved_at__isnull=False):
            part.approved_at = part.approved_by = None
            _save(part, by, "evaluation_return")
        tell_parts(evaluation, "returned", actor=by, comment=comment)
    return evaluation


def evaluation_approve(*, by, part):
    """A leader approves for their body; when every body has approved, the evaluation closes."""
    if not permissions.can_approve(by, part):
        raise PermissionDenied
    with transaction.atomic():
        evaluation = _locked(AnnualEvaluation, part.evaluation_id)
        part = BodyPart.objects.select_for_update().get(pk=part.pk)
        part.evaluation = evaluation
        part.approve(by)
        _save(part, by, "evaluation_approve")
        parts = list(evaluation.parts.all())
        if evaluation.close_if_approved(parts):
            _save(evaluation, by, "evaluation_close")
            tell_parts(evaluation, "closed", actor=by)
    return part
