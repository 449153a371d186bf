"""The regulation's section on the home page: what waits for this user's decision."""

from coordination.home import register

from .selectors import pending_for_leader


@register
def pending_decisions(user):
    amendments, drafts = pending_for_leader(user)
    if not amendments and not drafts:
        return None
    return {"template": "regulation/_home_pending.html", "amendments": amendments, "drafts": drafts}
