"""Amendments: draft, change, submit, approve or return per body, and come into force on their date."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.security import require

from .. import permissions as perms
from ..consolidation import ChangeError, apply_changes
from ..models import Amendment, AmendmentChange, Decision, DecisionKind, RegulationVersion
from ..selectors import latest_version
from .common import approved_by_every_issuer, audited_save, sync_rows
from .visibility import grant_amendment_readers

log = logging.getLogger(__name__)

NO_CHANGES = _("Add at least one change before submitting the amendment.")
COMMENT_REQUIRED = _("Say why you return the amendment, so that the admins can rework it.")
DATE_IN_PAST = _("The proposed effective date cannot be in the past.")


def amendment_create(*, by, regulation, title, rationale, proposed_effective_on):
    require(perms.can_draft_amendment(by, regulation))
    _check_date(proposed_effective_on)
    with transaction.atomic():
        amendment = Amendment(regulation=regulation, title=title, rationale=rationale,
                              proposed_effective_on=proposed_effective_on, drafted_by=by)
        audited_save(amendment, by=by, reason="drafted")
        grant_amendment_readers(amendment)
        return amendment


def amendment_update(*, by, amendment, title, rationale, proposed_effective_on):
    require(perms.can_edit_amendment(by, amendment))
    _check_date(proposed_effective_on)
    with transaction.atomic():
        amendment.title, amendment.rationale = title, rationale
        amendment.proposed_effective_on = proposed_effective_on
        return audited_save(amendment, by=by, reason="edited")


def _check_date(day):
    if day < timezone.localdate():
        raise ValidationError(DATE_IN_PAST)


def amendment_add_change(*, by, amendment, kind, article_key, clause_number=None, chapter_number=None,
                         title="", body=""):
    """Adds one change; refused (nothing saved) when it does not fit the text it will be applied to."""
    require(perms.can_edit_amendment(by, amendment))
    with transaction.atomic():
        change = AmendmentChange(
            amendment=amendment, kind=kind, article_key=article_key.strip().lower(), clause_number=clause_number,
            chapter_number=chapter_number, title=title.strip(), body=body.strip(),
            order=amendment.changes.count() + 1,
        )
        try:
            apply_changes(latest_version(amendment.regulation).content, [*amendment.changes.all(), change])
        except ChangeError as exc:
            raise ValidationError(str(exc)) from exc
        audited_save(change, by=by, reason="change added")
        audited_save(amendment, by=by, reason="change added")
        return change


def amendment_remove_change(*, by, change):
    amendment = change.amendment
    require(perms.can_edit_amendment(by, amendment))
    with transaction.atomic():
        change._history_user = by
        change._change_reason = "change removed"
        change.delete()
        audited_save(amendment, by=by, reason="change removed")


def amendment_submit(*, by, amendment):
    require(perms.can_submit_amendment(by, amendment))
    if not amendment.changes.exists():
        raise ValidationError(NO_CHANGES)
    with transaction.atomic():
        amendment.submit()
        return audited_save(amendment, by=by, reason="submitted for approval")


def _locked(amendment):
    """The amendment row locked for this transaction, so two leaders deciding at once are serialised."""
    return Amendment.objects.select_for_update().select_related("regulation").get(pk=amendment.pk)


def amendment_return(*, by, amendment, party, comment):
    require(perms.can_decide_amendment(by, amendment, party))
    if not comment.strip():
        raise ValidationError(COMMENT_REQUIRED)
    with transaction.atomic():
        amendment = _locked(amendment)
        require(perms.can_decide_amendment(by, amendment, party))
        _decide(amendment, by=by, party=party, kind=DecisionKind.RETURN, comment=comment)
        amendment.return_to_draft()
        return audited_save(amendment, by=by, reason=f"returned for {party.abbreviation}: {comment}")


def amendment_approve(*, by, amendment, party, comment=""):
    """Records the approval of one body; the last one makes the new version (and applies it if due)."""
    require(perms.can_decide_amendment(by, amendment, party))
    with transaction.atomic():
        amendment = _locked(amendment)
        require(perms.can_decide_amendment(by, amendment, party))
        _decide(amendment, by=by, party=party, kind=DecisionKind.APPROVE, comment=comment)
        if approved_by_every_issuer(amendment.decisions, round=amendment.round, regulation=amendment.regulation):
            _make_version(amendment, by=by)
        return audited_save(amendment, by=by, reason=f"approved for {party.abbreviation}")


def _decide(amendment, *, by, party, kind, comment):
    decision = Decision(amendment=amendment, round=amendment.round, party=party, kind=kind, comment=comment, by=by)
    audited_save(decision, by=by, reason=kind)


def _make_version(amendment, *, by):
    """Consolidates the approved amendment on the latest version and freezes it with its date."""
    regulation = amendment.regulation
    latest = latest_version(regulation)
    try:
        content = apply_changes(latest.content, list(amendment.changes.all()))
    except ChangeError as exc:
        raise ValidationError(str(exc)) from exc
    effective = max(amendment.proposed_effective_on, timezone.localdate(), latest.valid_from)
    amendment.approve(effective)
    grant_amendment_readers(amendment)
    RegulationVersion.objects.create(regulation=regulation, number=latest.number + 1, valid_from=effective,
                                     amendment=amendment, content=content, created_by=by)
    if effective <= timezone.localdate():
        _bring_into_force(amendment, by=by)


def _bring_into_force(amendment, *, by):
    amendment.come_into_force()
    grant_amendment_readers(amendment)
    sync_rows(amendment.regulation, amendment.version.content, by=by, reason=f"amendment {amendment.pk} in force")
    audited_save(amendment, by=by, reason="in force")


def amendments_bring_into_force(*, by, today=None):
    """Applies every approved amendment whose date has come, oldest version first. Safe to run twice."""
    today = today or timezone.localdate()
    done = []
    due = (Amendment.objects.filter(status=Amendment.Status.APPROVED, effective_on__lte=today)
           .select_related("regulation", "version").order_by("version__number"))
    for amendment in due:
        with transaction.atomic():
            locked = Amendment.objects.select_for_update().get(pk=amendment.pk)
            if locked.status != Amendment.Status.APPROVED:
                continue
            _bring_into_force(locked, by=by)
            done.append(locked.pk)
    if done:
        log.info("Amendments brought into force: %s", done)
    return done
