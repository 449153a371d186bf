"""A small registry so other apps can list their live work under an article of the regulation.

Same shape as `coordination.home`: the article page does not know which apps exist. Requests,
meetings and evaluation lines register a provider that receives the user and the article number
(3–8 are the coordination areas) and returns a section for the article page, or None.
"""

_providers = []


def register(provider):
    """`provider(user, article_number)` returns a dict {"title", "template", ...context} or None."""
    _providers.append(provider)
    return provider


def sections_for(user, article):
    """The sections every registered app shows under `article` (an Article or an article number)."""
    number = getattr(article, "number", article)
    return [section for provider in _providers if (section := provider(user, number))]
