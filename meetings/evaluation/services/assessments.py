"""Each body's self-assessment and the joint conclusion, written by members through the views."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .. import permissions
from ..messages import MSG_NOT_OPEN
from ..models import AnnualEvaluation, BodyPart, FollowUpAction, InvalidTransition
from .common import _locked, _save
from .notifications import tell_parts

ASSESSMENT_FIELDS = ("results", "shortcomings", "causes", "proposals")


def assessment_save(*, by, part, values):
    """Save a body's self-assessment: `values` maps area id -> {results, shortcomings, causes, proposals}."""
    if not permissions.can_edit_assessment(by, part):
        raise PermissionDenied
    with transaction.atomic():
        part = _locked(BodyPart, part.pk)
        if not permissions.can_edit_assessment(by, part):
            raise PermissionDenied
        for assessment in part.evaluation.assessments.filter(party=part.party).select_for_update():
            new = values.get(assessment.area_id)
            if new is None:
                continue
            changed = [f for f in ASSESSMENT_FIELDS if getattr(assessment, f) != new.get(f, "").strip()]
            if changed:
                for field in changed:
                    setattr(assessment, field, new.get(field, "").strip())
                _save(assessment, by, "assessment_save")
    return part


def assessment_submit(*, by, part):
    if not permissions.can_submit_assessment(by, part):
        raise PermissionDenied
    with transaction.atomic():
        part = _locked(BodyPart, part.pk)
        part.submit(by)
        _save(part, by, "assessment_submit")
        tell_parts(part.evaluation, "assessment_submitted", actor=by, party=part.party)
    return part


def assessment_reopen(*, by, part):
    if not permissions.can_reopen_assessment(by, part):
        raise PermissionDenied
    with transaction.atomic():
        part = _locked(BodyPart, part.pk)
        part.reopen()
        return _save(part, by, "assessment_reopen")


def conclusion_save(*, by, evaluation, conclusion, number_symbol, actions):
    """Save the joint conclusion and replace the not-yet-converted follow-up actions.

    `actions`: [{"area", "owner_party", "content", "deadline"}]; an action already turned into a
    request is kept as it is.
    """
    if not permissions.can_edit_conclusion(by, evaluation):
        raise PermissionDenied
    with transaction.atomic():
        evaluation = _locked(AnnualEvaluation, evaluation.pk)
        if evaluation.state != AnnualEvaluation.State.OPEN:
            raise InvalidTransition(evaluation.state, "conclusion_save", MSG_NOT_OPEN)
        evaluation.conclusion, evaluation.number_symbol = conclusion.strip(), number_symbol.strip()
        _save(evaluation, by, "conclusion_save")
        for old in evaluation.actions.filter(request__isnull=True):
            old._history_user, old._change_reason = by, "conclusion_save"
            old.delete()
        for data in actions:
            _save(FollowUpAction(evaluation=evaluation, **data), by, "conclusion_save")
    return evaluation
