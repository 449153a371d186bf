"""The information regime: draft and send notices, read receipts, the reporting schedule."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy

from coordination.grants import grant_view
from coordination.notifications import notify
from coordination.permissions import is_active_member
from coordination.security import require
from coordination.selectors.parties import party_members
from coordination.services.documents import document_grant_view

from .. import permissions
from ..models import Notice, NoticeReceipt, ReportingObligation
from ..models.base import InvalidTransition
from .common import save, site_text

PERIOD_ALREADY_REPORTED = gettext_lazy("A notice for this reporting period already exists.")
# Secret material (Mật and above) is excepted from the information regime: it travels through the
# confidential channel, never as an attachment to a notice.
NOTICE_SECRET_REFUSED = gettext_lazy(
    "Secret material (Mật and above) is excepted from the information regime: send it through the confidential "
    "channel, not as a notice."
)


def _with_period_guard(fn):
    try:
        with transaction.atomic():
            return fn()
    except IntegrityError as exc:
        if "one_notice_per_reporting_period" in str(exc) or "obligation" in str(exc):
            raise InvalidTransition("draft", "create", PERIOD_ALREADY_REPORTED) from exc
        raise


def _check_period(obligation, period_start, exclude_pk=None):
    if obligation is None:
        return
    taken = Notice.objects.filter(obligation=obligation, period_start=period_start).exclude(pk=exclude_pk)
    if taken.exists():
        raise InvalidTransition("draft", "create", PERIOD_ALREADY_REPORTED)


def notice_create(*, by, sender_party, recipient_party, kind, title, summary, obligation=None,
                  period_start=None) -> Notice:
    require(permissions.can_draft_notice(by, sender_party))
    _check_period(obligation, period_start)

    def create():
        notice = save(
            Notice(sender_party=sender_party, recipient_party=recipient_party, kind=kind, title=title,
                   summary=summary, obligation=obligation, period_start=period_start, created_by=by),
            by=by, reason="notice_create",
        )
        grant_view(notice, [sender_party])
        return notice

    return _with_period_guard(create)


def notice_change(*, by, notice, **fields) -> Notice:
    require(permissions.can_edit_notice(by, notice))
    _check_period(fields.get("obligation", notice.obligation), fields.get("period_start", notice.period_start),
                  exclude_pk=notice.pk)

    def change():
        locked = Notice.objects.select_for_update().get(pk=notice.pk)
        for name, value in fields.items():
            setattr(locked, name, value)
        return save(locked, by=by, reason="notice_change")

    return _with_period_guard(change)


def notice_send(*, by, notice) -> Notice:
    require(permissions.can_send_notice(by, notice))
    with transaction.atomic():
        notice = Notice.objects.select_for_update().select_related("recipient_party").get(pk=notice.pk)
        notice.send(by)
        save(notice, by=by, reason="notice_send")
        grant_view(notice, [notice.recipient_party])
        _share_documents(notice)
        notify(
            recipients=party_members(notice.recipient_party), actor=by,
            url=reverse("meetings:notice_detail", args=[notice.pk]),
            subject=site_text(gettext_lazy("New notice from %(body)s: %(title)s"),
                              body=lazy(lambda: notice.sender_party.name, str)(), title=notice.title),
            body=notice.summary[:500],
        )
    return notice


def _share_documents(notice):
    links = getattr(notice, "document_links", None)
    if links is None:
        return
    for link in links.select_related("document"):
        document_grant_view(document=link.document, parties=[notice.recipient_party])


def notice_mark_read(*, user, notice):
    """The first time a member of the receiving body opens the notice; safe to call again."""
    if not (notice.is_sent and is_active_member(user, notice.recipient_party_id)):
        return None
    receipt = NoticeReceipt.objects.filter(notice=notice, user=user).first()
    if receipt is not None:
        return receipt
    try:
        with transaction.atomic():
            return save(NoticeReceipt(notice=notice, user=user), by=user, reason="notice_read")
    except IntegrityError:  # opened twice at the same moment: the first receipt stands
        return NoticeReceipt.objects.get(notice=notice, user=user)


def obligation_create(*, by, reporting_party, recipient_party, title, frequency, days_after_period,
                      starts_on) -> ReportingObligation:
    require(permissions.can_manage_reporting_schedule(by, reporting_party))
    with transaction.atomic():
        return save(
            ReportingObligation(reporting_party=reporting_party, recipient_party=recipient_party, title=title,
                                frequency=frequency, days_after_period=days_after_period, starts_on=starts_on),
            by=by, reason="obligation_create",
        )


def obligation_set_active(*, by, obligation, is_active) -> ReportingObligation:
    require(permissions.can_manage_reporting_schedule(by, obligation.reporting_party))
    with transaction.atomic():
        obligation.is_active = is_active
        return save(obligation, by=by, reason="obligation_activate" if is_active else "obligation_suspend")
