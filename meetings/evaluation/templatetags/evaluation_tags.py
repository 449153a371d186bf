"""Small helpers to show the figures: a value from a snapshot cell, and list indexing."""

from django import template
from django.utils import formats

register = template.Library()


@register.simple_tag
def figure(cell, metric):
    value = (cell or {}).get(metric)
    if value is None:
        return "—" if metric == "median_days" else "0"
    if isinstance(value, float):
        return formats.number_format(value, 1, use_l10n=True)
    return value


@register.filter
def index(sequence, position):
    try:
        return sequence[position]
    except (IndexError, TypeError, KeyError):
        return None


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
