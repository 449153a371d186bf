"""Amendment pages: draft, add changes, preview the consolidated result, submit, approve or return."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions as perms
from .. import services
from ..diff import compare
from ..forms import AmendmentForm, ChangeForm, DecisionForm
from ..models import AmendmentChange
from ..presentation import present
from ..selectors import amendment_texts, areas_by_article_number, visible_amendments
from .common import amendment_or_404, decide, regulation_or_404, report


def amendment_list(request, pk):
    regulation = regulation_or_404(request, pk)
    return render(request, "regulation/amendment_list.html", {
        "regulation": regulation, "amendments": visible_amendments(request.user, regulation),
        "can_draft_amendment": perms.can_draft_amendment(request.user, regulation),
    })


def amendment_create(request, pk):
    regulation = regulation_or_404(request, pk)
    if not perms.can_draft_amendment(request.user, regulation):
        raise PermissionDenied
    form = AmendmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            amendment = services.amendment_create(by=request.user, regulation=regulation, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The amendment was drafted. Now add the changes it makes."))
            return redirect("regulation:amendment", amendment.pk)
    return render(request, "regulation/amendment_form.html", {"form": form, "regulation": regulation})


def amendment_edit(request, pk):
    amendment = amendment_or_404(request, pk)
    if not perms.can_edit_amendment(request.user, amendment):
        raise PermissionDenied
    form = AmendmentForm(request.POST or None, instance=amendment)
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_update(by=request.user, amendment=amendment, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The amendment was saved."))
            return redirect("regulation:amendment", amendment.pk)
    return render(request, "regulation/amendment_form.html",
                  {"form": form, "regulation": amendment.regulation, "amendment": amendment})


def amendment_detail(request, pk, change_form=None):
    amendment = amendment_or_404(request, pk)
    user = request.user
    before, after, problem = amendment_texts(amendment)
    decision_parties = perms.amendment_decision_parties(user, amendment)
    issuing = list(amendment.regulation.issuing_parties.all())
    current = {d.party_id: d for d in perms.current_decisions(amendment)}
    return render(request, "regulation/amendment_detail.html", {
        "amendment": amendment, "regulation": amendment.regulation, "changes": list(amendment.changes.all()),
        "rows": compare(before, after) if after else [], "problem": problem,
        "decisions": list(amendment.decisions.all()),
        "approval_state": [{"party": p, "decision": current.get(p.pk)} for p in issuing],
        "can_edit": perms.can_edit_amendment(user, amendment),
        "can_submit": perms.can_submit_amendment(user, amendment),
        "decide_for": [p for p in issuing if p.pk in decision_parties],
        "change_form": change_form or ChangeForm(), "decision_form": DecisionForm(),
    })


def amendment_preview(request, pk):
    amendment = amendment_or_404(request, pk)
    _before, after, problem = amendment_texts(amendment)
    return render(request, "regulation/amendment_preview.html", {
        "amendment": amendment, "regulation": amendment.regulation, "problem": problem,
        "chapters": present(after, areas_by_article_number()) if after else None,
    })


@require_POST
def change_add(request, pk):
    amendment = amendment_or_404(request, pk)
    if not perms.can_edit_amendment(request.user, amendment):
        raise PermissionDenied
    form = ChangeForm(request.POST)
    if form.is_valid():
        try:
            services.amendment_add_change(by=request.user, amendment=amendment, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The change was added; the preview below shows the result."))
            return redirect("regulation:amendment", amendment.pk)
    return amendment_detail(request, pk, change_form=form)


@require_POST
def change_remove(request, pk, change_pk):
    amendment = amendment_or_404(request, pk)
    change = get_object_or_404(AmendmentChange, pk=change_pk, amendment=amendment)
    services.amendment_remove_change(by=request.user, change=change)
    messages.success(request, _("The change was removed."))
    return redirect("regulation:amendment", amendment.pk)


@require_POST
def amendment_submit(request, pk):
    amendment = amendment_or_404(request, pk)
    try:
        services.amendment_submit(by=request.user, amendment=amendment)
    except ValidationError as exc:
        report(request, exc)
    else:
        messages.success(request, _("The amendment was sent to the leaders of both bodies for approval."))
    return redirect("regulation:amendment", amendment.pk)


@require_POST
def amendment_decide(request, pk, action):
    amendment = amendment_or_404(request, pk)
    decide(request, action, approve=partial(services.amendment_approve, amendment=amendment),
           give_back=partial(services.amendment_return, amendment=amendment),
           returned_message=_("The amendment was returned to the admins with your comments."))
    return redirect("regulation:amendment", amendment.pk)
