"""Personal API tokens (`Authorization: Bearer qc_…`) and the session, for /api/v1/.

A token call is treated like a signed-in page: the person's party groups are brought in step with their
memberships in force and their language is used for messages, unless the call asks for one."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from ..grants import keep_groups_in_step
from ..language import _supported
from ..models import ApiToken, SecurityEvent, UserPreference
from ..models.tokens import LOOKUP_LENGTH, TOKEN_PREFIX
from ..security import log_event

KEYWORD = "Bearer"
INVALID = _("The API token is not valid, or it was revoked. Ask for a new one on the “API tokens” page.")


def _lookup_of(token):
    if not token.startswith(TOKEN_PREFIX):
        return None
    lookup = token[len(TOKEN_PREFIX): len(TOKEN_PREFIX) + LOOKUP_LENGTH]
    return lookup if len(lookup) == LOOKUP_LENGTH and token[len(TOKEN_PREFIX) + LOOKUP_LENGTH:][:1] == "_" else None


def activate_language(request, user):
    """Accept-Language when it names a language of the app, else the person's own choice, else Vietnamese."""
    asked = _supported(translation.get_language_from_request(request._request)) \
        if request.headers.get("Accept-Language") else None
    language = asked or UserPreference.objects.filter(user=user).values_list("language", flat=True).first()
    if language := _supported(language):
        translation.activate(language)
        request.LANGUAGE_CODE = language


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() != KEYWORD.lower():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(INVALID)
        token = parts[1].decode(errors="replace")
        lookup = _lookup_of(token)
        row = ApiToken.objects.active().select_related("user").filter(lookup=lookup).first() if lookup else None
        if row is None or not row.matches(token):
            log_event(SecurityEvent.Kind.LOGIN_FAILED, request=request._request, username="",
                      detail=f"API token {token[:len(TOKEN_PREFIX) + LOOKUP_LENGTH]}…")
            raise exceptions.AuthenticationFailed(INVALID)
        row.note_use()
        keep_groups_in_step(row.user)
        activate_language(request, row.user)
        return row.user, row

    def authenticate_header(self, request):
        return KEYWORD


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "coordination.api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": str(_("A personal API token, made on the “API tokens” page of the app."))}
