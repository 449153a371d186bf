"""A small registry so each app can put a section on the home page without the home view knowing it."""

_providers = []


def register(provider):
    """`provider(user)` returns a dict {"title", "template", ...context} or None."""
    _providers.append(provider)
    return provider


def sections_for(user):
    return [section for provider in _providers if (section := provider(user))]
