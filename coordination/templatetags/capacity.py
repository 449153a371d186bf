"""{% acting_capacity party … %}: the capacity in which the signed-in user acts on an object.

A member of both bodies acts, on each object, as the member of the body the object concerns.
"""

from django import template

from coordination.permissions import active_memberships

register = template.Library()


@register.inclusion_tag("coordination/_acting_capacity.html", takes_context=True)
def acting_capacity(context, *parties):
    party_ids = {party.pk for party in parties if party is not None}
    user = context["request"].user
    return {"memberships": [m for m in active_memberships(user) if m.party_id in party_ids]}
