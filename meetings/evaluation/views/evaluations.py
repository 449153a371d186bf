"""Pages of the annual evaluation. Thin: selector (404 when not visible), permission, form, service, redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.permissions import can_view_job_runs
from coordination.security import get_visible_or_404, require

from .. import permissions, selectors, services
from ..forms import ActionFormSet, AssessmentForm, ConclusionForm, MakeRequestForm, ReturnForm, actions_from
from ..models import FollowUpAction, InvalidTransition
from . import charts


def _evaluation(request, pk):
    return get_visible_or_404(request, selectors.evaluation_detail_qs(request.user), pk=pk)


def _part(request, evaluation, party_pk):
    part = next((p for p in evaluation.parts.all() if p.party_id == party_pk), None)
    if part is None:
        raise PermissionDenied
    part.evaluation = evaluation
    return part


def _done(request, message, evaluation):
    messages.success(request, message)
    return redirect("evaluation:evaluation_detail", pk=evaluation.pk)


def _refused(request, error, evaluation):
    messages.error(request, error.message)
    return redirect("evaluation:evaluation_detail", pk=evaluation.pk)


def evaluation_list(request):
    require(permissions.can_view_evaluations(request.user))
    return render(request, "evaluation/evaluation_list.html", {
        "evaluations": selectors.evaluation_list(user=request.user),
        "can_view_jobs": can_view_job_runs(request.user),
    })


def evaluation_detail(request, pk):
    evaluation = _evaluation(request, pk)
    user = request.user
    parts = selectors.parts_for_reader(user, evaluation)
    snapshot = selectors.latest_snapshot(evaluation)
    figures = selectors.figures_table(snapshot)
    actions = selectors.actions_for_reader(user, evaluation)
    return render(request, "evaluation/evaluation_detail.html", {
        "evaluation": evaluation, "parts": parts, "figures": figures, "snapshot": snapshot,
        "chart": charts.requests_chart(figures),
        "assessment_rows": _assessment_rows(evaluation, parts),
        "actions": actions,
        "can_edit_conclusion": permissions.can_edit_conclusion(user, evaluation),
        "can_submit": permissions.can_submit_for_approval(user, evaluation),
        "ready_for_approval": all(p.submitted_at for p in parts) and bool(evaluation.conclusion.strip()),
        "can_return": permissions.can_return(user, evaluation),
        "can_recompute": permissions.can_recompute_statistics(user, evaluation),
        "return_form": ReturnForm(),
    })


def _assessment_rows(evaluation, parts):
    """[(area, [assessment per part in the parts' order])] for the side-by-side view."""
    by_key = {(a.area_id, a.party_id): a for a in selectors.assessments(evaluation)}
    areas = sorted({a.area for a in by_key.values()}, key=lambda area: area.article_number)
    return [(area, [by_key.get((area.pk, p.party_id)) for p in parts]) for area in areas]


def assessment_edit(request, pk, party_pk):
    evaluation = _evaluation(request, pk)
    part = _part(request, evaluation, party_pk)
    require(permissions.can_edit_assessment(request.user, part))
    assessments = selectors.assessments(evaluation).filter(party_id=party_pk)
    form = AssessmentForm(request.POST or None, assessments=assessments)
    if request.method == "POST" and form.is_valid():
        services.assessment_save(by=request.user, part=part, values=form.values())
        if "send" in request.POST:
            try:
                services.assessment_submit(by=request.user, part=part)
            except InvalidTransition as error:
                return _refused(request, error, evaluation)
            return _done(request, _("The self-assessment was sent to the other body."), evaluation)
        return _done(request, _("The self-assessment was saved."), evaluation)
    figures = selectors.figures_table(selectors.latest_snapshot(evaluation))
    column = next((i for i, p in enumerate(figures["parties"]) if p.pk == party_pk), None) if figures else None
    area_figures = {row["area"].pk: row["cells"][column] for row in figures["rows"]} if column is not None else {}
    return render(request, "evaluation/assessment_form.html", {
        "evaluation": evaluation, "part": part, "form": form, "area_figures": area_figures,
    })


@require_POST
def assessment_submit(request, pk, party_pk):
    evaluation = _evaluation(request, pk)
    part = _part(request, evaluation, party_pk)
    require(permissions.can_submit_assessment(request.user, part))
    try:
        services.assessment_submit(by=request.user, part=part)
    except InvalidTransition as error:
        return _refused(request, error, evaluation)
    return _done(request, _("The self-assessment was sent to the other body."), evaluation)


@require_POST
def assessment_reopen(request, pk, party_pk):
    evaluation = _evaluation(request, pk)
    part = _part(request, evaluation, party_pk)
    require(permissions.can_reopen_assessment(request.user, part))
    try:
        services.assessment_reopen(by=request.user, part=part)
    except InvalidTransition as error:
        return _refused(request, error, evaluation)
    return _done(request, _("The self-assessment can be changed again."), evaluation)


def conclusion_edit(request, pk):
    evaluation = _evaluation(request, pk)
    require(permissions.can_edit_conclusion(request.user, evaluation))
    editable = [a for a in selectors.actions(evaluation) if a.request_id is None]
    initial = [{"content": a.content, "area": a.area_id, "owner_party": a.owner_party_id, "deadline": a.deadline}
               for a in editable]
    form = ConclusionForm(request.POST or None, initial={
        "conclusion": evaluation.conclusion, "number_symbol": evaluation.number_symbol})
    formset = ActionFormSet(request.POST or None, initial=initial, prefix="actions")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.conclusion_save(
                by=request.user, evaluation=evaluation, conclusion=form.cleaned_data["conclusion"],
                number_symbol=form.cleaned_data["number_symbol"], actions=actions_from(formset),
            )
        except InvalidTransition as error:
            return _refused(request, error, evaluation)
        return _done(request, _("The joint conclusion was saved."), evaluation)
    return render(request, "evaluation/conclusion_form.html", {
        "evaluation": evaluation, "form": form, "formset": formset,
        "assessment_rows": _assessment_rows(evaluation, list(evaluation.parts.all())),
        "parts": list(evaluation.parts.all()),
    })


@require_POST
def evaluation_submit(request, pk):
    evaluation = _evaluation(request, pk)
    require(permissions.can_submit_for_approval(request.user, evaluation))
    try:
        services.evaluation_submit(by=request.user, evaluation=evaluation)
    except InvalidTransition as error:
        return _refused(request, error, evaluation)
    return _done(request, _("The evaluation was sent to the leaders of both bodies for approval."), evaluation)


@require_POST
def evaluation_return(request, pk):
    evaluation = _evaluation(request, pk)
    require(permissions.can_return(request.user, evaluation))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what should be changed."))
        return redirect("evaluation:evaluation_detail", pk=pk)
    try:
        services.evaluation_return(by=request.user, evaluation=evaluation, comment=form.cleaned_data["comment"])
    except InvalidTransition as error:
        return _refused(request, error, evaluation)
    return _done(request, _("The evaluation was returned for changes."), evaluation)


@require_POST
def evaluation_approve(request, pk, party_pk):
    evaluation = _evaluation(request, pk)
    part = _part(request, evaluation, party_pk)
    require(permissions.can_approve(request.user, part))
    try:
        services.evaluation_approve(by=request.user, part=part)
    except InvalidTransition as error:
        return _refused(request, error, evaluation)
    return _done(request, _("Approved for %(party)s.") % {"party": part.party.short_name}, evaluation)


@require_POST
def statistics_recompute(request, pk):
    evaluation = _evaluation(request, pk)
    require(permissions.can_recompute_statistics(request.user, evaluation))
    services.statistics_recompute(by=request.user, evaluation=evaluation)
    return _done(request, _("The figures were computed again from the data."), evaluation)


@require_POST
def action_make_request(request, pk, action_pk):
    evaluation = _evaluation(request, pk)
    action = get_visible_or_404(request, FollowUpAction.objects.filter(evaluation=evaluation), pk=action_pk)
    action.evaluation = evaluation
    require(permissions.can_make_request(request.user, action))
    form = MakeRequestForm(request.POST)
    deadline = form.cleaned_data["reply_deadline"] if form.is_valid() else None
    try:
        services.action_make_request(by=request.user, action=action, reply_deadline=deadline)
    except InvalidTransition as error:
        return _refused(request, error, evaluation)
    return _done(request, _("A coordination request was sent to %(party)s.") % {
        "party": action.owner_party.short_name}, evaluation)
