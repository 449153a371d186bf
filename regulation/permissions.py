"""Who may read and change the regulation. The only place these rules live.

- Every member in force of an issuing body reads its regulations in force or superseded.
- Drafts (a new term, an import) are read by the leaders and regulation admins of the bodies.
- Amendments: admins and leaders follow every amendment; staff see them once approved.
  Reading is an object permission (django-guardian, direct-FK models): the services grant it to the
  (party, role) groups that `regulation_reader_roles` / `amendment_reader_roles` name, at every change
  of state; the checks below and the selectors read those grants back.
- Only regulation admins draft, edit, submit amendments, import and renew; only leaders decide,
  each for a body they lead, and one person never approves for two bodies.
"""

import operator
from functools import reduce

from django.db.models import Exists, OuterRef, Q

from coordination.grants import can_view
from coordination.models import Role
from coordination.permissions import member_party_ids

from .models import Amendment, Decision, Regulation

FOLLOWERS = (Role.LEADER, Role.ADMIN)
EVERYONE = tuple(Role.values)


def regulation_reader_roles(regulation):
    """The roles, in each issuing body, whose group is granted reading the regulation in its state."""
    return FOLLOWERS if regulation.status == Regulation.Status.DRAFT else EVERYONE


def amendment_reader_roles(amendment):
    """Staff follow an amendment once approved; leaders and admins from the first draft."""
    if amendment.status in (Amendment.Status.APPROVED, Amendment.Status.IN_FORCE):
        return EVERYONE
    return FOLLOWERS


def _issuing_ids(regulation):
    cached = getattr(regulation, "_issuing_ids", None)
    if cached is None:
        cached = {p.pk for p in regulation.issuing_parties.all()}
        regulation._issuing_ids = cached
    return cached


def _member_of_issuing(user, regulation, *roles):
    return bool(member_party_ids(user, *roles) & _issuing_ids(regulation))


def can_view_regulation(user, regulation) -> bool:
    return can_view(user, regulation)


def can_edit_draft(user, regulation) -> bool:
    return (regulation.is_draft and not regulation.awaiting_adoption
            and _member_of_issuing(user, regulation, Role.ADMIN))


def can_submit_draft(user, regulation) -> bool:
    return can_edit_draft(user, regulation)


def can_import(user, parties=None) -> bool:
    """Any regulation admin may import; the draft must be issued by at least one body the admin serves."""
    admin_of = member_party_ids(user, Role.ADMIN)
    if parties is None:
        return bool(admin_of)
    return bool(admin_of & {getattr(p, "pk", p) for p in parties})


def can_renew(user, regulation) -> bool:
    successor = getattr(regulation, "successor", None) if regulation.pk else None
    return regulation.is_in_force and successor is None and _member_of_issuing(user, regulation, Role.ADMIN)


def can_draft_amendment(user, regulation) -> bool:
    return regulation.is_in_force and _member_of_issuing(user, regulation, Role.ADMIN)


def can_edit_amendment(user, amendment) -> bool:
    return amendment.is_editable and _member_of_issuing(user, amendment.regulation, Role.ADMIN)


def can_submit_amendment(user, amendment) -> bool:
    return can_edit_amendment(user, amendment)


def parties_user_may_decide_for(user, *, issuing_ids, decisions, awaiting) -> list:
    """The issuing bodies this user may approve or return for, in this round (ids)."""
    if not awaiting:
        return []
    decided_parties = {d.party_id for d in decisions}
    if any(d.by_id == user.pk for d in decisions):
        return []
    led = member_party_ids(user, Role.LEADER) & issuing_ids
    return sorted(led - decided_parties)


def leads_issuing_body(user, regulation) -> bool:
    """Is the user a leader of a body issuing `regulation`, one who decides when something awaits it?
    (The API answers such a person 409 rather than 403 when nothing awaits a decision.)"""
    return _member_of_issuing(user, regulation, Role.LEADER)


def awaiting_my_decision(user, model):
    """parties_user_may_decide_for as a filter for lists of `model` (Amendment, or Regulation for drafts
    awaiting adoption): awaiting a decision, with an issuing body the user leads that has not decided in
    the current round, and no decision by the user in that round. None when the user leads no body.
    The same rule, in the database: the home page and the index need no row of decisions or issuers."""
    led = member_party_ids(user, Role.LEADER)
    if not led:
        return None
    if model is Amendment:
        awaiting, thing, regulation, round_field = (
            Q(status=Amendment.Status.PENDING), "amendment", "regulation_id", "round")
    else:
        awaiting, thing, regulation, round_field = (
            Q(awaiting_adoption=True), "regulation", "pk", "adoption_round")
    this_round = {thing: OuterRef("pk"), "round": OuterRef(round_field)}
    Issuer = Regulation.issuing_parties.through
    if len(led) == 1:  # the usual case, in fewer expressions: no decision by the body nor by the user
        (party_id,) = led
        return awaiting & Q(
            Exists(Issuer.objects.filter(regulation_id=OuterRef(regulation), party_id=party_id)),
            ~Exists(Decision.objects.filter(Q(party_id=party_id) | Q(by_id=user.pk), **this_round)))
    undecided_led = reduce(operator.or_, [
        Q(Exists(Issuer.objects.filter(regulation_id=OuterRef(regulation), party_id=party_id)),
          ~Exists(Decision.objects.filter(**this_round, party_id=party_id)))
        for party_id in sorted(led)
    ])
    return awaiting & undecided_led & ~Exists(Decision.objects.filter(**this_round, by_id=user.pk))


def current_decisions(thing):
    """Decisions of the current round of an amendment or a draft regulation."""
    if isinstance(thing, Amendment):
        return [d for d in thing.decisions.all() if d.round == thing.round]
    return [d for d in thing.adoption_decisions.all() if d.round == thing.adoption_round]


def amendment_decision_parties(user, amendment) -> list:
    return parties_user_may_decide_for(
        user, issuing_ids=_issuing_ids(amendment.regulation), decisions=current_decisions(amendment),
        awaiting=amendment.status == Amendment.Status.PENDING,
    )


def can_decide_amendment(user, amendment, party) -> bool:
    return getattr(party, "pk", party) in amendment_decision_parties(user, amendment)


def adoption_decision_parties(user, regulation) -> list:
    return parties_user_may_decide_for(
        user, issuing_ids=_issuing_ids(regulation), decisions=current_decisions(regulation),
        awaiting=regulation.awaiting_adoption,
    )


def can_decide_adoption(user, regulation, party) -> bool:
    return getattr(party, "pk", party) in adoption_decision_parties(user, regulation)
