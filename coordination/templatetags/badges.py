"""{% badge obj "state" %}: the one way a state (or any BadgeChoices field) is drawn on a page."""

from django import template
from django.utils.html import format_html

from coordination.workflow import BadgeChoices, Tone

register = template.Library()


@register.simple_tag
def badge(obj, field="state"):
    """The badge of `obj.<field>` (or of `obj` itself when it is a BadgeChoices member), coloured as its
    choices class declares; a dash when there is no object."""
    if obj is None or obj == "":
        return format_html('<span class="muted">{}</span>', "—")
    if isinstance(obj, BadgeChoices):
        member = obj
    else:
        choices = type(obj).badge_choices[field]
        member = choices(getattr(obj, field))
    if member.tone == Tone.MUTED:
        return format_html('<span class="muted">{}</span>', member.badge_label)
    css = f"badge badge-{member.tone}" if member.tone else "badge"
    return format_html('<span class="{}">{}</span>', css, member.badge_label)
