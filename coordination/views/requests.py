"""Pages of coordination requests: lists, inbox, dashboard, the request page and its steps.

Thin: a form, a selector (404 when not visible), one service, then render or redirect.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination.security import require

from .. import permissions
from ..forms.documents import DocumentForm
from ..forms.requests import (
    AcknowledgeForm,
    CommentForm,
    OfficersForm,
    OpinionForm,
    RequestFilterForm,
    RequestForm,
    ResponseForm,
    StepForm,
)
from ..grants import note_visible
from ..models import InvalidTransition, Party, RequestKind, RequestState, Role
from ..models.requests import REQUESTED, REQUESTING, TRANSITIONS
from ..notifications import notification_mark_read, notifications_mark_all_read
from ..paging import MAX_PAGE, CappedPaginator, DeferredPaginator
from ..security import get_visible_or_404
from ..selectors import documents as document_selectors
from ..selectors import notifications as notification_selectors
from ..selectors import parties as party_selectors
from ..selectors import requests as request_selectors
from ..services import requests as request_services

INVALID_STEP = gettext_lazy("This step is not possible now: the request is “%(state)s”. Nothing was changed.")
PAGE_SIZE = 20
HISTORY_PAGE_SIZE = 50
COMMENTS_SHOWN = 50



def get_request_or_404(request, pk):
    return note_visible(request.user, get_visible_or_404(request, request_selectors.requests_visible(request.user),
                                                         pk=pk))


def _errors(request, exc):
    if isinstance(exc, InvalidTransition):
        messages.error(request, INVALID_STEP % {"state": RequestState(exc.state).label})
    else:
        for message in exc.messages:
            messages.error(request, message)


def request_list(request):
    form = RequestFilterForm(request.GET or None)
    filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
    qs = request_selectors.request_list(user=request.user, **filters)
    page = DeferredPaginator(qs, PAGE_SIZE, rows=request_selectors.request_list_rows).get_page(request.GET.get("page"))
    return render(request, "coordination/request_list.html", {
        "form": form, "page": page, "can_create": permissions.can_create_request(request.user),
    })


def _form_kwargs(request, party=None):
    """The bodies the user may request for, and the officers they may name (of those bodies; the service
    checks that the officers belong to the body finally chosen)."""
    party_ids = [party.pk] if party else permissions.member_party_ids(request.user, Role.STAFF, Role.LEADER)
    parties = Party.objects.filter(pk__in=party_ids)
    return {"parties": parties, "officers_qs": request_selectors.officer_candidates(party_ids=party_ids)}


def request_create(request):
    require(permissions.can_create_request(request.user))
    form = RequestForm(request.POST or None, **_form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("reply_working_days")
        try:
            req = request_services.request_create(by=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft was saved. Submit it to your leader when it is ready."))
            return redirect("coordination:request_detail", req.pk)
    return render(request, "coordination/request_form.html", {"form": form, "title": _("New coordination request")})


def request_edit(request, pk):
    req = get_request_or_404(request, pk)
    require(permissions.can_edit_request(request.user, req))
    initial = {f: getattr(req, f) for f in ("requested_party", "area", "kind", "title", "content", "exchange_form",
                                            "reply_deadline", "urgency", "confidentiality")}
    initial["requesting_party"] = req.requesting_party
    initial["requesting_officers"] = list(req.requesting_officers.all())
    form = RequestForm(request.POST or None, initial=initial, **_form_kwargs(request, req.requesting_party))
    form.fields["requesting_party"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("reply_working_days")
        data.pop("requesting_party")
        try:
            request_services.request_update(by=request.user, creq=req, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("coordination:request_detail", req.pk)
    return render(request, "coordination/request_form.html",
                  {"form": form, "title": _("Edit the draft"), "req": req})


def _detail_context(request, req):
    user = request.user
    step_actions = [
        {"transition": t, "form": StepForm(required=t.needs_comment, prefix=t.action)}
        for t in TRANSITIONS.values()
        if t.action in request_services.STEP_SERVICES and permissions.can_transition(user, req, t.action)
    ]
    attachments = document_selectors.attachments_visible(user, req)
    can_ack = permissions.can_transition(user, req, "acknowledge")
    can_respond = permissions.can_transition(user, req, "draft_response")
    return {
        "req": req, "step_actions": step_actions, "attachments": attachments,
        "request_docs": [a for a in attachments if a.side == REQUESTING],
        "response_docs": [a for a in attachments if a.side == REQUESTED],
        "can_edit": permissions.can_edit_request(user, req),
        "can_view_response": permissions.can_view_response(user, req),
        "can_comment": permissions.can_comment(user, req),
        "can_give_opinion": permissions.can_give_opinion(user, req),
        "can_attach": permissions.can_attach_document(user, req),
        "officer_forms": _officer_forms(user, req),
        "ack_form": AcknowledgeForm(
            officers_qs=party_selectors.party_members(req.requested_party, Role.STAFF, Role.LEADER),
            leaders_qs=party_selectors.party_members(req.requested_party, Role.LEADER),
            ask_opinions=req.kind == RequestKind.OPINION,
        ) if can_ack else None,
        "response_form": ResponseForm(initial={"response_content": req.response_content}) if can_respond else None,
        "comment_form": CommentForm(),
        "opinion_form": OpinionForm(),
        "events": req.events.select_related("by"),
        **_latest_comments(req),
        "opinions": req.opinions.select_related("leader"),
        **dict(zip(("requesting_officers", "requested_officers"), request_selectors.officers_of_both_sides(req),
                   strict=True)),
        "tab": "detail",
    }


def _latest_comments(req):
    """The latest comments, oldest first; a long thread shows its end (earlier ones are in the history tab)."""
    latest = list(req.comments.select_related("author").order_by("-created_at", "-pk")[: COMMENTS_SHOWN + 1])
    return {"comments": latest[:COMMENTS_SHOWN][::-1], "earlier_comments": len(latest) > COMMENTS_SHOWN}


def _officer_forms(user, req):
    """One form per side whose officers the user may change now: {side: form}."""
    forms = {}
    for side, officers in ((REQUESTING, req.requesting_officers), (REQUESTED, req.requested_officers)):
        if permissions.can_set_officers(user, req, side):
            forms[side] = OfficersForm(
                initial={"officers": list(officers.all())}, prefix=side,
                officers_qs=party_selectors.party_members(req.side_party(side), Role.STAFF, Role.LEADER),
            )
    return forms


def request_detail(request, pk):
    req = get_request_or_404(request, pk)
    return render(request, "coordination/request_detail.html", _detail_context(request, req))


@require_POST
def request_step(request, pk, action):
    req = get_request_or_404(request, pk)
    service = request_services.STEP_SERVICES.get(action)
    require(service is not None and permissions.may_act(request.user, req, action))
    form = StepForm(request.POST, prefix=action)
    form.is_valid()
    try:
        service(by=request.user, creq=req, comment=form.cleaned_data.get("comment", ""))
    except (InvalidTransition, ValidationError) as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Done: %(step)s.") % {"step": TRANSITIONS[action].label})
    return redirect("coordination:request_detail", req.pk)


@require_POST
def request_acknowledge(request, pk):
    req = get_request_or_404(request, pk)
    require(permissions.may_act(request.user, req, "acknowledge"))
    form = AcknowledgeForm(
        request.POST, officers_qs=party_selectors.party_members(req.requested_party, Role.STAFF, Role.LEADER),
        leaders_qs=party_selectors.party_members(req.requested_party, Role.LEADER),
        ask_opinions=req.kind == RequestKind.OPINION,
    )
    if not form.is_valid():
        messages.error(request, _("Choose officers from the list."))
        return redirect("coordination:request_detail", req.pk)
    data = form.cleaned_data
    try:
        request_services.request_acknowledge(by=request.user, creq=req, officers=list(data["officers"]),
                                     consulted_leaders=list(data.get("consulted_leaders") or []),
                                     comment=data["comment"])
    except (InvalidTransition, ValidationError) as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("The request was acknowledged and the officers were told."))
    return redirect("coordination:request_detail", req.pk)


@require_POST
def request_response(request, pk):
    req = get_request_or_404(request, pk)
    require(permissions.may_act(request.user, req, "draft_response"))
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            request_services.request_save_response(by=request.user, creq=req,
                                           response_content=form.cleaned_data["response_content"])
        except (InvalidTransition, ValidationError) as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The response draft was saved."))
    else:
        messages.error(request, _("Write the response before saving it."))
    return redirect("coordination:request_detail", req.pk)


@require_POST
def request_officers(request, pk, side):
    req = get_request_or_404(request, pk)
    require(side in (REQUESTING, REQUESTED) and permissions.can_set_officers(request.user, req, side))
    form = OfficersForm(request.POST, prefix=side, officers_qs=party_selectors.party_members(
        req.side_party(side), Role.STAFF,
                                                                          Role.LEADER))
    if form.is_valid():
        try:
            request_services.request_set_officers(by=request.user, creq=req, side=side,
                                          officers=list(form.cleaned_data["officers"]))
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("The officers were changed."))
    return redirect("coordination:request_detail", req.pk)


@require_POST
def comment_add(request, pk):
    req = get_request_or_404(request, pk)
    require(permissions.can_comment(request.user, req))
    form = CommentForm(request.POST)
    if form.is_valid():
        request_services.comment_add(by=request.user, creq=req, body=form.cleaned_data["body"])
        messages.success(request, _("Your comment was added."))
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(reverse("coordination:request_detail", args=[req.pk]) + "#comments")


@require_POST
def opinion_give(request, pk):
    req = get_request_or_404(request, pk)
    require(permissions.can_give_opinion(request.user, req))
    form = OpinionForm(request.POST)
    if form.is_valid():
        request_services.opinion_give(by=request.user, creq=req, content=form.cleaned_data["content"])
        messages.success(request, _("Your opinion was recorded."))
    else:
        messages.error(request, _("Write your opinion first."))
    return redirect("coordination:request_detail", req.pk)


def request_attach(request, pk):
    req = get_request_or_404(request, pk)
    require(permissions.can_attach_document(request.user, req))
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_services.request_add_new_document(by=request.user, creq=req, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The document was registered and attached."))
            return redirect("coordination:request_detail", req.pk)
    return render(request, "coordination/document_form.html", {"form": form, "req": req})


def request_history(request, pk):
    req = get_request_or_404(request, pk)
    history = request_selectors.request_history(user=request.user, req=req)
    page = Paginator(history, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "coordination/request_history.html", {"req": req, "entries": page.object_list,
                                                                 "page": page, "tab": "history"})


def inbox(request):
    data = request_selectors.inbox(user=request.user)
    notes = CappedPaginator(notification_selectors.notifications_for(
        user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    # A count and the first rows; the whole list is the request list filtered on "waiting for my step". Both
    # from one narrow pass over what waits (ids and count), then the first rows by id.
    waiting = DeferredPaginator(data["waiting"], request_selectors.FIRST_ROWS, ahead=MAX_PAGE,
                                rows=request_selectors.request_list_rows).get_page(1)
    return render(request, "coordination/inbox.html", {
        "waiting": waiting.object_list, "waiting_count": waiting.paginator.count,
        "unread_count": data["unread"].count(), "page": notes,
    })


@require_POST
def notification_open(request, pk):
    note = get_visible_or_404(request, notification_selectors.notifications_for(user=request.user), pk=pk)
    notification_mark_read(by=request.user, notification=note)
    return redirect(note.url or "coordination:inbox")


@require_POST
def notifications_read_all(request):
    notifications_mark_all_read(by=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("coordination:inbox")


def dashboard(request):
    require(permissions.can_view_dashboard(request.user))
    return render(request, "coordination/dashboard.html", request_selectors.dashboard(user=request.user))
