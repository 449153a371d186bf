"""The meetings section of the home page and the meetings listed under an article of the regulation."""

from django.utils.translation import gettext_lazy as _

from coordination.permissions import active_memberships

from . import selectors


def home_section(user):
    """Upcoming meetings, minutes awaiting my approval, unread notices; nothing for non-members."""
    if not active_memberships(user):
        return None
    return {
        "title": _("Meetings"),
        "template": "meetings/_home_section.html",
        "upcoming": list(selectors.upcoming_meetings(user)),
        "awaiting": selectors.minutes_awaiting_my_approval(user),
        "unread": selectors.unread_notices_by_sender(user),
    }


def live_work_section(user, article_number):
    """Meetings with an agenda item in the area defined by this article (3–8)."""
    meetings = list(
        selectors.visible_meetings(user)
        .filter(agenda_items__area__article_number=article_number)
        .distinct()
        .order_by("-starts_at")[:10]
    )
    if not meetings:
        return None
    return {"title": _("Meetings on this area"), "template": "meetings/_live_work.html", "meetings": meetings,
            "article": article_number}
