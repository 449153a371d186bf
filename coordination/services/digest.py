"""The daily digest: one email per person listing the requests their body must answer soon or is late on.

At most one per person and day: the ReminderSent row (kind "digest", empty key) is the key
(coordination.reminders). Run by the tasks send_daily_digests and send_digest.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override

from ..models import CoordinationRequest, Membership, Role
from ..models.requests import OPEN_AT_REQUESTED
from ..reminders import reminder_claim
from ..selectors.requests import inbox
from ..workdays import add_working_days

# The digest lists requests whose reply deadline falls within this many working days, and overdue ones.
DIGEST_WORKING_DAYS = getattr(settings, "DIGEST_WORKING_DAYS", 3)
DIGEST = "digest"


def digest_items(user, day):
    """The user's requests due within DIGEST_WORKING_DAYS working days of `day`, and the overdue ones."""
    horizon = add_working_days(day, DIGEST_WORKING_DAYS)
    return list(
        inbox(user=user)["waiting"].filter(state__in=OPEN_AT_REQUESTED, reply_deadline__lte=horizon)
        .order_by("reply_deadline", "pk")
    )


def digest_candidate_ids(day):
    """Members in force who may have something due: staff and leaders of a body with a request in hand."""
    horizon = add_working_days(day, DIGEST_WORKING_DAYS)
    parties = CoordinationRequest.objects.filter(state__in=OPEN_AT_REQUESTED, reply_deadline__lte=horizon).values(
        "requested_party"
    )
    memberships = Membership.objects.active(day).filter(party__in=parties, role__in=(Role.STAFF, Role.LEADER))
    return sorted(set(memberships.filter(user__is_active=True).values_list("user_id", flat=True)))


def digest_send(*, user, day):
    """One email per person per day at most, listing every item (not one email per item)."""
    items = digest_items(user, day)
    if not items or not user.email:
        return 0
    with transaction.atomic():
        if not reminder_claim(DIGEST, "", user, day, items=len(items)):
            return 0
        with override("vi"):
            subject = _("Requests due and overdue on %(day)s") % {"day": day.strftime("%d/%m/%Y")}
            body = render_to_string("coordination/email/digest.txt", {
                "user": user, "day": day, "items": items, "site": getattr(settings, "SITE_URL", "").rstrip("/"),
            })
        send_mail(subject, body, None, [user.email])
    return len(items)
