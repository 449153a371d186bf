"""Template filters for the regulation's document style."""

from django import template

from ..text import roman

register = template.Library()


@register.filter
def doc_day(value):
    """The day as Party and State documents write it: a leading zero below 10 ("ngày 05")."""
    return f"{value.day:02d}" if value else ""


@register.filter
def doc_month(value):
    """The month as documents write it: "tháng 01", "tháng 02", then "tháng 3" … "tháng 12"."""
    if not value:
        return ""
    return f"{value.month:02d}" if value.month <= 2 else str(value.month)


@register.filter(name="roman")
def roman_numeral(value):
    """Chapter numbers are written in Roman numerals: 2 → II."""
    return roman(int(value)) if value else ""
