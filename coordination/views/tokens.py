"""The “API tokens” page: make a personal token (its secret shown once), see one's tokens, revoke one.
A regulation admin also sees everyone's active tokens and may revoke any of them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import permissions
from ..forms.tokens import TokenForm
from ..paging import CappedPaginator
from ..security import get_visible_or_404, require
from ..selectors import tokens as token_selectors
from ..services import tokens as token_services

PAGE_SIZE = 50
OTHERS_SHOWN = 200


@never_cache  # the answer to a POST carries the new secret: no cache may keep it
def token_list(request):
    form = TokenForm(request.POST or None)
    created = secret = None
    if request.method == "POST" and form.is_valid():
        try:
            created, secret = token_services.token_create(by=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            form = TokenForm()
    user = request.user
    return render(request, "coordination/token_list.html", {
        "form": form, "created": created, "secret": secret,
        "tokens": CappedPaginator(token_selectors.own_tokens(user), PAGE_SIZE).get_page(request.GET.get("page")),
        "can_view_all": permissions.can_view_all_tokens(user),
        # Active tokens are few (one per program that calls the API); past OTHERS_SHOWN the admin looks in the admin.
        "others": list(token_selectors.others_active_tokens(user)[:OTHERS_SHOWN + 1]), "others_shown": OTHERS_SHOWN,
        "docs_url": reverse("api:docs"), "api_url": request.build_absolute_uri(reverse("api:me")).removesuffix("me/"),
    })


@require_POST
def token_revoke(request, pk):
    token = get_visible_or_404(request, token_selectors.tokens_visible(request.user), pk=pk)
    require(permissions.can_revoke_token(request.user, token))
    token_services.token_revoke(by=request.user, token=token, request=request)
    messages.success(request, _("The token “%(name)s” was revoked; programs using it are refused from now on.")
                     % {"name": token.name})
    return redirect("coordination:token_list")
