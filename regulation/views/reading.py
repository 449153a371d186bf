"""Reading the regulation: the list, the text at a date, an article, versions, the diff, search."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import live_work
from .. import permissions as perms
from ..diff import compare
from ..forms import PointInTimeForm, SearchForm
from ..models import Regulation, RegulationVersion
from ..presentation import present, present_article
from ..selectors import (
    areas_by_article_number,
    article_history,
    find_article,
    pending_for_leader,
    regulation_in_force,
    search_articles,
    text_shown,
    version_on,
    version_rows,
    version_shown,
    versions_of,
    visible_regulations,
)
from ..text import nfc, roman
from .common import regulation_or_404


def index(request):
    user = request.user
    regulations = list(visible_regulations(user))
    amendments, drafts = pending_for_leader(user)
    return render(request, "regulation/index.html", {
        "in_force": [r for r in regulations if r.is_in_force],
        "drafts": [r for r in regulations if r.is_draft],
        "superseded": [r for r in regulations if r.status == Regulation.Status.SUPERSEDED],
        "pending_amendments": amendments, "pending_drafts": drafts,
        "search_form": SearchForm(), "can_import": perms.can_import(user),
    })


def _chosen_day(request):
    form = PointInTimeForm(request.GET)
    day = form.cleaned_data.get("ngay") if form.is_valid() else None
    return form, day


def _version_for(regulation, day, number=None):
    """The version to show: the one asked for, the one in force on `day`, or the current one."""
    if number is not None:
        return get_object_or_404(RegulationVersion, regulation=regulation, number=number)
    return version_shown(regulation, day)


def regulation_detail(request, pk, number=None):
    regulation = regulation_or_404(request, pk)
    form, day = _chosen_day(request)
    version = _version_for(regulation, day, number)
    content = text_shown(regulation, version)
    versions = versions_of(regulation)
    if regulation.is_draft:
        today_version = None
    elif day is None and number is None and regulation.status != Regulation.Status.SUPERSEDED:
        today_version = version  # _version_for has just read the version in force today
    else:
        today_version = version_on(regulation, timezone.localdate())
    user = request.user
    return render(request, "regulation/regulation_detail.html", {
        "regulation": regulation, "version": version, "versions": versions, "day": day, "date_form": form,
        "chapters": present(content, areas_by_article_number()) if content else None,
        "is_current": version is not None and today_version is not None and version.pk == today_version.pk,
        "future_versions": [v for v in versions if v.valid_from > timezone.localdate()],
        "can_draft_amendment": perms.can_draft_amendment(user, regulation),
        "can_renew": perms.can_renew(user, regulation),
        "can_edit_draft": perms.can_edit_draft(user, regulation),
        "can_submit_draft": perms.can_submit_draft(user, regulation),
        "adoption_for": _parties(regulation, perms.adoption_decision_parties(user, regulation)),
        "adoption_decisions": list(regulation.adoption_decisions.select_related("party", "by")),
        "docx_import": getattr(regulation, "docx_import", None) if regulation.is_draft else None,
    })


def _parties(regulation, ids):
    return [p for p in regulation.issuing_parties.all() if p.pk in ids]


def article_detail(request, pk, key):
    regulation = regulation_or_404(request, pk)
    form, day = _chosen_day(request)
    version = _version_for(regulation, day)
    content = text_shown(regulation, version)
    chapter, article = find_article(content, key) if content else (None, None)
    if article is None:
        raise Http404
    areas = areas_by_article_number()
    data = present_article(article, areas)
    in_force_now = regulation.is_in_force and not article.get("suffix")
    return render(request, "regulation/article_detail.html", {
        "regulation": regulation, "version": version, "day": day, "date_form": form,
        "chapter_roman": roman(chapter["number"]), "article": data, "area": data["area"],
        "sections": live_work.sections_for(request.user, article["number"]) if in_force_now else [],
        "article_history": article_history(versions_of(regulation), key),
        "can_edit_draft": perms.can_edit_draft(request.user, regulation),
    })


def article_in_force(request, number):
    """/quy-che/dieu-5/: the article with that number in the regulation in force (for links from other apps)."""
    regulation = regulation_in_force(request.user)
    if regulation is None:
        raise Http404
    return redirect(reverse("regulation:article", args=[regulation.pk, str(number)]))


def versions(request, pk):
    regulation = regulation_or_404(request, pk)
    return render(request, "regulation/versions.html", {"regulation": regulation, "rows": version_rows(regulation)})


def compare_versions(request, pk):
    regulation = regulation_or_404(request, pk)
    items = versions_of(regulation)
    if len(items) < 2:
        return render(request, "regulation/compare.html", {"regulation": regulation, "versions": items, "rows": None})
    by_number = {v.number: v for v in items}
    try:
        left = by_number[int(request.GET.get("tu", items[-2].number))]
        right = by_number[int(request.GET.get("den", items[-1].number))]
    except (KeyError, ValueError):
        raise Http404 from None
    return render(request, "regulation/compare.html", {
        "regulation": regulation, "versions": items, "left": left, "right": right,
        "rows": compare(left.content, right.content),
    })


def search(request):
    form = SearchForm(request.GET)
    results, needle = [], ""
    if form.is_valid() and form.cleaned_data["q"]:
        articles, needle = search_articles(request.user, form.cleaned_data["q"])
        results = [{"article": a, "snippet": _snippet(a, needle)} for a in articles]
    return render(request, "regulation/search.html", {"form": form, "results": results, "searched": bool(needle)})


def _snippet(article, needle, width=90):
    """Part of the article around the first match, with the match marked (positions map 1:1 after NFC)."""
    original = nfc(f"{article.title}\n{article.body}")
    haystack = article.search_text
    first = needle.split()[0]
    at = haystack.find(needle) if needle in haystack else haystack.find(first)
    length = len(needle) if needle in haystack else len(first)
    if at < 0 or len(original) != len(haystack):
        return original[: width * 2]
    start, end = max(0, at - width), min(len(original), at + length + width)
    if start:  # begin and end on whole words
        start = next((i + 1 for i in range(start, at) if original[i].isspace()), start)
    if end < len(original):
        end = next((i for i in range(end, at + length, -1) if original[i].isspace()), end)
    return mark_safe(
        ("…" if start else "") + escape(original[start:at]) + "<mark>" + escape(original[at:at + length])
        + "</mark>" + escape(original[at + length:end]) + ("…" if end < len(original) else "")
    )
