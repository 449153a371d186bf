"""Writes for parties and memberships; each use case is one transaction and is logged."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ..groups import sync_user_groups
from ..models import Membership, SecurityEvent
from ..permissions import can_manage_members, forget_memberships
from ..security import log_event


def _after_membership_change(membership, *, by, request, detail):
    sync_user_groups(membership.user)
    forget_memberships(membership.user)
    log_event(SecurityEvent.Kind.PERMISSION_CHANGED, request=request, user=by, detail=detail)


def membership_add(*, by, user, party, role, position_title="", clearance=0, unit=None, active_from=None,
                   request=None) -> Membership:
    if not can_manage_members(by, party):
        raise PermissionDenied
    with transaction.atomic():
        membership = Membership(
            user=user, party=party, role=role, position_title=position_title, clearance=clearance, unit=unit,
            active_from=active_from or timezone.localdate(),
        )
        membership.full_clean()
        membership._history_user = by
        membership._change_reason = "membership_add"
        membership.save()
        _after_membership_change(
            membership, by=by, request=request,
            detail=f"add {user.get_username()} {party.code}:{role} clearance={clearance}",
        )
    return membership


def membership_change(*, by, membership, role, clearance, position_title, unit=None, request=None) -> Membership:
    if not can_manage_members(by, membership.party):
        raise PermissionDenied
    with transaction.atomic():
        before = f"{membership.role}/{membership.clearance}"
        membership.role, membership.clearance = role, clearance
        membership.position_title, membership.unit = position_title, unit
        membership.full_clean()
        membership._history_user = by
        membership._change_reason = "membership_change"
        membership.save()
        _after_membership_change(
            membership, by=by, request=request,
            detail=f"change {membership.user.get_username()} {membership.party.code}: {before} -> {role}/{clearance}",
        )
    return membership


def membership_end(*, by, membership, request=None) -> Membership:
    """Ends a membership today: from this request on it grants nothing."""
    if not can_manage_members(by, membership.party):
        raise PermissionDenied
    with transaction.atomic():
        membership.active_to = max(timezone.localdate(), membership.active_from)
        membership._history_user = by
        membership._change_reason = "membership_end"
        membership.save()
        _after_membership_change(
            membership, by=by, request=request,
            detail=f"end {membership.user.get_username()} {membership.party.code}:{membership.role}",
        )
    return membership


def member_add(*, by, party, role, user=None, new_user=None, position_title="", clearance=0, unit=None,
               request=None) -> Membership:
    """Add `user`, or a new account made from `new_user` (username, first_name, last_name, email), as a
    member of `party`: the account and its membership are made together or not at all."""
    if not can_manage_members(by, party):
        raise PermissionDenied
    with transaction.atomic():
        user = user or user_create(**new_user)
        return membership_add(
            by=by, user=user, party=party, role=role, position_title=position_title, clearance=clearance,
            unit=unit, request=request,
        )


def user_create(*, username, first_name, last_name, email="", password=None):
    User = get_user_model()
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user

