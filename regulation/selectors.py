"""Reads for the regulation pages, already filtered for the user. The only place lists come from."""

from django.db.models import Prefetch
from django.utils import timezone

from coordination.grants import visible
from coordination.models import CoordinationArea

from .consolidation import ChangeError, apply_changes
from .models import Amendment, Article, Decision, Regulation, RegulationVersion
from .permissions import awaiting_my_decision
from .text import article_key, normalise_for_search


def visible_regulations(user):
    """Regulations the user may read: in force/superseded for every member, drafts for leaders and admins
    (the grants of `permissions.regulation_reader_roles`)."""
    return visible(user, Regulation).prefetch_related("issuing_parties")


def regulation_in_force(user=None):
    qs = visible_regulations(user) if user is not None else Regulation.objects.all()
    return qs.filter(status=Regulation.Status.IN_FORCE).order_by("-term_start").first()


def visible_amendments(user, regulation=None):
    """Amendments of visible regulations: leaders and admins follow them all, staff once approved."""
    qs = visible(user, Amendment).filter(regulation__in=visible(user, Regulation))
    if regulation is not None:
        qs = qs.filter(regulation=regulation)
    return (qs.select_related("regulation", "drafted_by")
            .prefetch_related("regulation__issuing_parties", "changes", _decisions()))


def _decisions(prefix=""):
    return Prefetch(f"{prefix}decisions", queryset=Decision.objects.select_related("party", "by"))


def versions_of(regulation):
    return list(
        RegulationVersion.objects.filter(regulation=regulation)
        .select_related("amendment", "created_by")
        .prefetch_related(_decisions("amendment__"))
        .order_by("number")
    )


def version_on(regulation, on):
    """The consolidated version in force on date `on` (None before the regulation took effect).

    This is a query on the versions' dates, so an approved amendment whose date has come is read
    correctly even before the daily task has updated the current articles.
    """
    if regulation.status == Regulation.Status.DRAFT:
        return None
    successor = Regulation.objects.filter(predecessor=regulation).exclude(status=Regulation.Status.DRAFT).first()
    if successor is not None and successor.effective_on and on >= successor.effective_on:
        return None
    return (RegulationVersion.objects.filter(regulation=regulation, valid_from__lte=on)
            .order_by("-valid_from", "-number").first())


def latest_version(regulation):
    return RegulationVersion.objects.filter(regulation=regulation).order_by("-number").first()


def version_shown(regulation, day=None):
    """The version a reader is shown for `day`: none for a draft; without a day, the latest version of a
    superseded regulation and the version in force today of the others (the pages and the API alike)."""
    if regulation.is_draft:
        return None
    if day is None and regulation.status == Regulation.Status.SUPERSEDED:
        return latest_version(regulation)
    return version_on(regulation, day or timezone.localdate())


def text_shown(regulation, version):
    """The text shown with `version`: a draft's rows as they stand, else the version's frozen snapshot."""
    if regulation.is_draft:
        return regulation_text(regulation)
    return version.content if version else None


def regulation_text(regulation):
    """The chapters with their articles as stored now (drafts, and the admin's view of in-force text)."""
    chapters = regulation.chapters.prefetch_related(
        Prefetch("articles", queryset=Article.objects.order_by("number", "suffix"))
    )
    return {"chapters": [
        {"number": c.number, "title": c.title, "articles": [a.as_snapshot() for a in c.articles.all()]}
        for c in chapters
    ]}


def areas_by_article_number():
    return {area.article_number: area for area in CoordinationArea.objects.all()}


def search_articles(user, query, limit=50):
    """Articles of the visible regulations in force whose title or text contains the query, ignoring
    diacritics and case ("phoi hop" finds "phối hợp"), on SQLite and PostgreSQL alike."""
    needle = " ".join(normalise_for_search(query).split())
    if not needle:
        return [], ""
    terms = needle.split()
    qs = Article.objects.filter(regulation__in=visible_regulations(user).exclude(status=Regulation.Status.DRAFT))
    for term in terms:
        qs = qs.filter(search_text__contains=term)
    return list(qs.select_related("regulation", "chapter").order_by("-regulation__term_start", "number", "suffix")
                [:limit]), needle


def version_rows(regulation):
    """Every version with the day it stopped (the next one's start) and whether it is today's or to come."""
    items = versions_of(regulation)
    today = timezone.localdate()
    current = version_on(regulation, today)
    rows = []
    for index, version in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        rows.append({"version": version, "valid_to": following.valid_from if following else None,
                     "is_current": current is not None and version.pk == current.pk,
                     "is_future": version.valid_from > today,
                     "decisions": list(version.amendment.decisions.all()) if version.amendment else []})
    return rows


def article_history(versions, key):
    """The versions in which this article changed, each with the version before it (for the diff link)."""
    history, previous = [], None
    for version in versions:
        current = find_article(version.content, key)[1]
        before = find_article(previous.content, key)[1] if previous else None
        if previous is None and current is not None or previous is not None and current != before:
            history.append({"version": version, "previous": previous})
        previous = version
    return history


def amendment_texts(amendment):
    """(before, after, problem): the text the amendment was applied to and the result, or for one not yet
    approved the latest version and what its changes would make of it (problem: why they do not apply)."""
    if hasattr(amendment, "version"):
        version = amendment.version
        before = version.regulation.versions.get(number=version.number - 1)
        return before.content, version.content, None
    before = latest_version(amendment.regulation).content
    try:
        return before, apply_changes(before, list(amendment.changes.all())), None
    except ChangeError as exc:
        return before, None, str(exc)


def find_article(content, key):
    for chapter in content["chapters"]:
        for article in chapter["articles"]:
            if article_key(article["number"], article.get("suffix", "")) == key:
                return chapter, article
    return None, None


def pending_for_leader(user):
    """Amendments and drafts waiting for this leader's decision (for the index and the home page): one
    query each for leaders, none for anyone else. Both lists name and link their rows only: the title is
    the one column read."""
    pending_amendments = awaiting_my_decision(user, Amendment)
    if pending_amendments is None:
        return [], []
    regulations = visible(user, Regulation)  # built once: the amendments' filter and the drafts' list
    amendments = list(visible(user, Amendment).filter(pending_amendments, regulation__in=regulations).only("title"))
    drafts = list(regulations.filter(awaiting_my_decision(user, Regulation)).only("title"))
    return amendments, drafts
