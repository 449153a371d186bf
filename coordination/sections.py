"""What requests put on the home page (the user's inbox) and under an article of the regulation."""

from django.utils.translation import gettext_lazy as _

from .permissions import can_view_dashboard, is_member_of_any, member_party_ids
from .selectors import requests as request_selectors

HOME_ITEMS = 5
# What the compact request table draws (coordination/_request_table.html with compact=True): no area, no author,
# none of the long texts. Fewer columns to write into the SQL and to read back.
_COMPACT_COLUMNS = (
    "title", "kind", "urgency", "confidentiality", "state", "reply_deadline",
    "requesting_party__short_name_vi", "requesting_party__short_name_en",
    "requested_party__short_name_vi", "requested_party__short_name_en",
)


def home_inbox(user):
    if not is_member_of_any(user):
        return None
    data = request_selectors.inbox(user=user)
    rows = data["waiting"].select_related(None).select_related("requesting_party", "requested_party")
    waiting = list(rows.only(*_COMPACT_COLUMNS)[: HOME_ITEMS + 1])
    return {
        "title": _("What waits for me"), "template": "coordination/_home_inbox.html",
        "waiting": waiting[:HOME_ITEMS], "more": len(waiting) > HOME_ITEMS, "unread": data["unread"].count(),
        "can_view_dashboard": can_view_dashboard(user),
    }


def article_requests(user, article_number):
    if not member_party_ids(user):
        return None
    requests = list(
        request_selectors.requests_visible(user).filter(area__article_number=article_number).order_by("-created_at")[:10]
    )
    if not requests:
        return None
    return {"title": _("Coordination requests in this area"), "template": "coordination/_live_work.html",
            "requests": requests, "article_number": article_number}
