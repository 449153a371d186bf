"""Applies amendment changes to a consolidated text (a JSON snapshot). Pure: no database.

A snapshot is {"chapters": [{"number", "title", "articles": [{"number", "suffix", "title",
"body", "repealed"}]}]}. Applying the changes of an amendment to the latest version gives the
next version, so the preview an admin sees is exactly what the leaders approve.
"""

import copy

from django.utils.translation import gettext as _

from .models import ChangeKind
from .text import article_key, replace_clause, split_article_key


class ChangeError(ValueError):
    """A change that does not fit the text it is applied to; the message is shown to the user."""


def iter_articles(content):
    for chapter in content["chapters"]:
        for article in chapter["articles"]:
            yield chapter, article


def find_article(content, key):
    for chapter, article in iter_articles(content):
        if article_key(article["number"], article.get("suffix", "")) == str(key).lower():
            return chapter, article
    return None, None


def _sort_key(article):
    return (article["number"], article.get("suffix", ""))


def apply_change(content, change):
    """The content after one change (content itself is not modified)."""
    content = copy.deepcopy(content)
    chapter, article = find_article(content, change.article_key)
    if change.kind == ChangeKind.INSERT_ARTICLE:
        _insert(content, change, article)
        return content
    if article is None:
        raise ChangeError(_("Article %(key)s does not exist in the text in force.") % {"key": change.article_key})
    if article.get("repealed"):
        raise ChangeError(_("Article %(key)s has been repealed.") % {"key": change.article_key})
    if change.kind == ChangeKind.REPLACE_ARTICLE:
        article["title"] = change.title or article["title"]
        article["body"] = change.body
    elif change.kind == ChangeKind.REPLACE_CLAUSE:
        body = replace_clause(article["body"], change.clause_number or 0, change.body)
        if body is None:
            raise ChangeError(_("Article %(key)s has no clause %(clause)s.")
                              % {"key": change.article_key, "clause": change.clause_number})
        article["body"] = body
    elif change.kind == ChangeKind.REPEAL_ARTICLE:
        article["body"] = ""
        article["repealed"] = True
    return content


def _insert(content, change, existing):
    if existing is not None:
        raise ChangeError(_("Article %(key)s already exists.") % {"key": change.article_key})
    parts = split_article_key(change.article_key)
    if parts is None:
        raise ChangeError(_("Write the new article's number as digits, optionally followed by a letter: 11 or 8a."))
    target = next((c for c in content["chapters"] if c["number"] == change.chapter_number), None)
    if target is None:
        raise ChangeError(_("Chapter %(number)s does not exist.") % {"number": change.chapter_number})
    number, suffix = parts
    target["articles"].append({"number": number, "suffix": suffix, "title": change.title, "body": change.body,
                               "repealed": False})
    target["articles"].sort(key=_sort_key)


def apply_changes(content, changes):
    for change in changes:
        content = apply_change(content, change)
    return content
