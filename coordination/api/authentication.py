"""Personal API tokens (`Authorization: Bearer qc_…`) and the session, for /api/v1/.

A token call is treated like a signed-in page: the person's party groups are brought in step with their
memberships in force and their language is used for messages, unless the call asks for one."""

import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from ..grants import keep_groups_in_step
from ..language import _supported
from ..models import ApiToken, SecurityEvent, UserPreference
from ..models.tokens import LOOKUP_LENGTH, TOKEN_PREFIX
from ..security import log_event

KEYWORD = "Bearer"
INVALID = _("The API token is not valid, or it was revoked. Ask for a new one on the “API tokens” page.")


# `qc_<lookup: 8 hex>_<secret: URL-safe base64>`; anything else is refused before the database is asked (and never
# written to the security log: a header may carry any bytes, even NUL, which PostgreSQL text cannot hold).
SHAPE = re.compile(rf"{TOKEN_PREFIX}([0-9a-f]{{{LOOKUP_LENGTH}}})_[A-Za-z0-9_-]+")


def _lookup_of(token):
    match = SHAPE.fullmatch(token)
    return match.group(1) if match else None


def asked_language(request):
    """The first language of the app that Accept-Language names, if any (`de, en;q=0.5` -> en)."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code != "*" and (language := _supported(code)):
            return language
    return None


def activate_language(request, language):
    if language := _supported(language):
        translation.activate(language)
        request._request.LANGUAGE_CODE = language


def activate_person_language(request, user):
    """Accept-Language when it names a language of the app, else the person's own choice, else Vietnamese."""
    activate_language(request, asked_language(request) or UserPreference.objects.filter(
        user=user).values_list("language", flat=True).first())


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        if not getattr(getattr(request._request, "user", None), "is_authenticated", False):
            # A call from outside the app's pages: even its refusal (401) speaks the language it asks for.
            # The app's own pages (the session) keep the person's language, whatever the browser asks.
            activate_language(request, asked_language(request))
        parts = str(request.META.get("HTTP_AUTHORIZATION", "")).split()
        if not parts or parts[0].lower() != KEYWORD.lower():
            return None
        lookup = _lookup_of(parts[1]) if len(parts) == 2 else None
        row = ApiToken.objects.active().select_related("user").filter(lookup=lookup).first() if lookup else None
        if row is None or not row.matches(parts[1]):
            log_event(SecurityEvent.Kind.LOGIN_FAILED, request=request._request, username="",
                      detail=f"API token {TOKEN_PREFIX}{lookup}…" if lookup else "API token of the wrong form")
            raise exceptions.AuthenticationFailed(INVALID)
        row.note_use()
        keep_groups_in_step(row.user)
        activate_person_language(request, row.user)
        return row.user, row

    def authenticate_header(self, request):
        return KEYWORD


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "coordination.api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": str(_("A personal API token, made on the “API tokens” page of the app."))}
