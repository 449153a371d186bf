"""The interface language: Vietnamese for everyone, whatever the browser asks, until a person
chooses English; the choice is theirs (stored on their preference) and follows them to every
device at sign-in.

Django's own LocaleMiddleware would follow the browser's Accept-Language, so a Vietnamese officer
on an English-language phone would meet an English app; this one never reads that header.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.utils import translation
from django.views.i18n import set_language as django_set_language

from .models import UserPreference

# Where a signed-in person's language lives for the session (set at sign-in and by the switcher).
SESSION_KEY = "interface_language"


def _supported(code):
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def language_for(request):
    """The session's language (signed in), else the language cookie (the switcher used while
    signed out), else LANGUAGE_CODE. Never Accept-Language."""
    session = getattr(request, "session", None)
    return (
        _supported(session.get(SESSION_KEY) if session is not None else None)
        or _supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        or settings.LANGUAGE_CODE
    )


class LocaleMiddleware:
    """Activates `language_for(request)`; stands where django.middleware.locale.LocaleMiddleware
    stood (after the session middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # The language the answer was written in: an API call may have asked for another (Accept-Language).
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


def user_language_set(*, user, language):
    """Stores the person's choice (with history); `language` is one of settings.LANGUAGES."""
    with transaction.atomic():
        preference, created = UserPreference.objects.select_for_update().get_or_create(
            user=user, defaults={"language": language}
        )
        if not created and preference.language != language:
            preference.language = language
            preference._change_reason = "language switcher"
            preference.save()
    return preference


@login_not_required
def set_language(request):
    """Django's set_language (cookie and redirect), and for a signed-in person also their stored
    preference and this session."""
    response = django_set_language(request)
    language = request.POST.get("language") if request.method == "POST" else None
    if language in dict(settings.LANGUAGES) and request.user.is_authenticated:
        user_language_set(user=request.user, language=language)
        request.session[SESSION_KEY] = language
    return response


@receiver(user_logged_in)
def apply_language_preference(sender, request=None, user=None, **kwargs):
    """At sign-in the session takes the person's own language: their stored choice, else
    Vietnamese (a choice left on this device by someone else does not carry over)."""
    if request is None or getattr(request, "session", None) is None:
        return
    stored = UserPreference.objects.filter(user=user).values_list("language", flat=True).first()
    request.session[SESSION_KEY] = _supported(stored) or settings.LANGUAGE_CODE
