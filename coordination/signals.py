"""Receivers that feed the security log from Django's and axes' signals."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

from .models import SecurityEvent
from .security import log_event


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    log_event(SecurityEvent.Kind.LOGIN_FAILED, request=request, username=credentials.get("username", "")[:150])


@receiver(user_locked_out)
def on_locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    log_event(SecurityEvent.Kind.LOGIN_LOCKED, request=request, username=(username or "")[:150])
