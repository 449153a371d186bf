"""Personal API tokens: the e-office system and reporting tools call /api/v1/ as the person who made the token.

The secret is shown once, when the token is made; only its SHA-256 digest is stored. A token acts with exactly
the rights its owner has at the time of each call (memberships in force, clearance), never more.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

TOKEN_PREFIX = "qc_"
# The public part of a token: enough to find its row with an index probe, shown in lists to tell tokens apart.
LOOKUP_LENGTH = 8
# last_used_at is written at most this often per token, so a busy client does not write on every call.
LAST_USE_PRECISION = timezone.timedelta(minutes=1)


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. “e-office link”."))
    lookup = models.CharField(_("token start"), max_length=LOOKUP_LENGTH, unique=True, editable=False)
    key_digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("revoked by"), editable=False,
    )
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({TOKEN_PREFIX}{self.lookup}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

    @property
    def shown_prefix(self):
        return f"{TOKEN_PREFIX}{self.lookup}…"

    @classmethod
    def new_secret(cls):
        """(lookup, full token). The token is `qc_<lookup>_<secret>`: the lookup finds the row, the rest proves it."""
        while True:
            lookup = secrets.token_hex(LOOKUP_LENGTH // 2)
            if not cls.objects.filter(lookup=lookup).exists():
                return lookup, f"{TOKEN_PREFIX}{lookup}_{secrets.token_urlsafe(32)}"

    def matches(self, token):
        return secrets.compare_digest(self.key_digest, digest(token))

    def note_use(self, now=None):
        now = now or timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USE_PRECISION:
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now
