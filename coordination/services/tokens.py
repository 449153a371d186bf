"""Making and revoking personal API tokens. Each write is one transaction and leaves history."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ApiToken, SecurityEvent
from ..models.tokens import digest
from ..permissions import can_create_token, can_revoke_token
from ..security import log_event

NAME_REQUIRED = _("Give the token a name that says what it is for.")


@transaction.atomic
def token_create(*, by, name):
    """The new token and its secret; the secret is never stored and cannot be shown again."""
    if not can_create_token(by):
        raise PermissionDenied
    if not name.strip():
        raise ValidationError({"name": NAME_REQUIRED})
    lookup, secret = ApiToken.new_secret()
    token = ApiToken(user=by, name=name.strip(), lookup=lookup, key_digest=digest(secret))
    token._history_user = by
    token.save()
    return token, secret


@transaction.atomic
def token_revoke(*, by, token, request=None):
    """Revoke at once (the owner, or a regulation admin: that revocation is written to the security log)."""
    if not can_revoke_token(by, token):
        raise PermissionDenied
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by = timezone.now(), by
        token._history_user = by
        token.save(update_fields=["revoked_at", "revoked_by"])
        if by != token.user:
            log_event(SecurityEvent.Kind.PERMISSION_CHANGED, request=request, user=by,
                      detail=f"API token {token.shown_prefix} of {token.user.get_username()} revoked")
    return token
