"""Member management and the security log. Views are thin: form, selector, service, render."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.security import require

from .. import permissions
from ..forms.members import MembershipAddForm, MembershipForm
from ..paging import CappedPaginator
from ..security import get_visible_or_404
from ..security_display import describe_events
from ..selectors import parties as party_selectors
from ..services import parties as party_services


def member_list(request):
    require(permissions.can_manage_members(request.user))
    include_ended = request.GET.get("ended") == "1"
    members = party_selectors.members_for_admin(user=request.user, include_ended=include_ended)
    return render(request, "coordination/member_list.html", {"members": members, "include_ended": include_ended})


def member_add(request):
    require(permissions.can_manage_members(request.user))
    form = MembershipAddForm(request.POST or None, party_ids=permissions.manageable_party_ids(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        party_services.member_add(
            by=request.user, user=data["existing_user"], party=data["party"], role=data["role"],
            new_user={key: data[key] for key in ("username", "first_name", "last_name", "email")},
            position_title=data["position_title"], clearance=data["clearance"], unit=data["unit"], request=request,
        )
        messages.success(request, _("The member was added."))
        return redirect("coordination:member_list")
    return render(request, "coordination/member_form.html", {"form": form, "title": _("Add a member")})


def member_edit(request, pk):
    membership = get_visible_or_404(request, party_selectors.members_for_admin(user=request.user), pk=pk)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        party_services.membership_change(
            by=request.user, membership=membership, role=data["role"], clearance=data["clearance"],
            position_title=data["position_title"], unit=data["unit"], request=request,
        )
        messages.success(request, _("The membership was changed."))
        return redirect("coordination:member_list")
    return render(
        request, "coordination/member_form.html",
        {"form": form, "membership": membership, "title": _("Change membership")},
    )


@require_POST
def member_end(request, pk):
    membership = get_visible_or_404(request, party_selectors.members_for_admin(user=request.user), pk=pk)
    party_services.membership_end(by=request.user, membership=membership, request=request)
    messages.success(request, _("The membership has ended; it no longer gives any access."))
    return redirect("coordination:member_list")


def member_history(request, pk):
    membership = get_visible_or_404(
        request, party_selectors.members_for_admin(user=request.user, include_ended=True), pk=pk
    )
    records = membership.history.select_related("history_user").order_by("-history_date")
    return render(request, "coordination/member_history.html", {"membership": membership, "records": records})


def security_log(request):
    require(permissions.can_view_security_log(request.user))
    events = party_selectors.security_events()
    kind = request.GET.get("kind", "")
    if kind:
        events = events.filter(kind=kind)
    page = CappedPaginator(events, 50).get_page(request.GET.get("page"))
    describe_events(page.object_list)
    return render(
        request, "coordination/security_log.html",
        {"page": page, "kind": kind, "kinds": events.model.Kind.choices},
    )
