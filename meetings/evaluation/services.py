"""Writes for the annual evaluation: one function per use case, each one transaction, history user set.

Opening (opening.py) and the figures (statistics.py) are written by the jobs as the system user;
the steps below are taken by members through the views.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from . import permissions
from .figures import snapshot_compute
from .messages import MSG_ALREADY_REQUESTED, MSG_NOT_CLOSED
from .models import AnnualEvaluation, BodyPart, FollowUpAction, InvalidTransition

ASSESSMENT_FIELDS = ("results", "shortcomings", "causes", "proposals")


def _save(obj, by, reason, **kwargs):
    obj._history_user = by
    obj._change_reason = reason
    obj.save(**kwargs)
    return obj


def _locked(model, pk):
    """The row again, locked for this transaction, so two members acting at once are serialised."""
    qs = model.objects.select_for_update()
    return (qs if model is AnnualEvaluation else qs.select_related("evaluation")).get(pk=pk)


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
        from .notifications import tell_parts

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
            from .messages import MSG_NOT_OPEN

            raise InvalidTransition(MSG_NOT_OPEN)
        evaluation.conclusion, evaluation.number_symbol = conclusion.strip(), number_symbol.strip()
        _save(evaluation, by, "conclusion_save")
        for old in evaluation.actions.filter(request__isnull=True):
            old._history_user, old._change_reason = by, "conclusion_save"
            old.delete()
        for data in actions:
            _save(FollowUpAction(evaluation=evaluation, **data), by, "conclusion_save")
    return evaluation


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
        from .notifications import tell_parts

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
        from .notifications import tell_parts

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
            from .notifications import tell_parts

            tell_parts(evaluation, "closed", actor=by)
    return part


def statistics_recompute(*, by, evaluation):
    if not permissions.can_recompute_statistics(by, evaluation):
        raise PermissionDenied
    return snapshot_compute(evaluation=evaluation, by=by)


def action_make_request(*, by, action, reply_deadline=None):
    """Turn a follow-up action into a coordination request sent to the body in charge of it."""
    from coordination.models import CoordinationArea
    from coordination.services.requests import request_create_sent

    if action.evaluation.state != AnnualEvaluation.State.CLOSED:
        raise InvalidTransition(MSG_NOT_CLOSED)
    if action.request_id:
        raise InvalidTransition(MSG_ALREADY_REQUESTED)
    if not permissions.can_make_request(by, action):
        raise PermissionDenied
    with transaction.atomic():
        action = (
            FollowUpAction.objects.select_for_update().select_related("evaluation", "owner_party").get(pk=action.pk)
        )
        if action.request_id:
            raise InvalidTransition(MSG_ALREADY_REQUESTED)
        title, origin = _request_wording(action)
        request = request_create_sent(
            by=by, requesting_party=_party(permissions.requesting_party_for(by, action)),
            requested_party=action.owner_party,
            area=action.area or CoordinationArea.objects.get(article_number=8),
            kind="coordination", title=title, content=action.content,
            reply_deadline=reply_deadline or action.deadline,
            origin=origin,
        )
        action.request = request
        _save(action, by, "action_make_request")
    return action


def _party(pk):
    from coordination.models import Party

    return Party.objects.get(pk=pk)


def _request_wording(action):
    """Title and origin of the request: a record both bodies read, so in the site language."""
    from django.conf import settings
    from django.utils import translation
    from django.utils.translation import gettext as _

    first_line = action.content.strip().splitlines()[0] if action.content.strip() else ""
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Follow-up of the %(year)s evaluation: %(text)s") % {
            "year": action.evaluation.year, "text": first_line}
        return title[:300], str(action.evaluation)


def evaluation_url(evaluation):
    return reverse("evaluation:evaluation_detail", args=[evaluation.pk])
