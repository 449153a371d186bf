"""{% request_rows requests as rows %}, {% document_rows documents as rows %}: what each row of the request
list and of the documents list shows, computed once per row.

The tables (coordination/_request_table.html, document_list.html) then draw plain values: no
URL reversed, date formatted, label translated or display method called from the template, several times
per row (get_<field>_display rebuilds the dict of every choice at each call).
"""

from django import template
from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from .badges import badge

register = template.Library()


def _labels(model, field_name):
    """value → label of a choices field, as get_<field>_display gives it."""
    return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}


@register.simple_tag
def request_rows(requests, compact=False):
    """compact: the short table of home, the inbox and an article's page, without the area and the date
    created (whose columns it does not read)."""
    from coordination.models import CoordinationRequest as Model

    kinds, urgencies = _labels(Model, "kind"), _labels(Model, "urgency")
    confidentialities = _labels(Model, "confidentiality")
    areas, dates = {}, {}
    art = gettext("Art. %(n)s")
    rows = []
    for r in requests:
        meta = format_html("{}", kinds.get(r.kind, r.kind))
        if r.urgency:
            meta = format_html('{} · <span class="badge badge-warn">{}</span>', meta,
                               urgencies.get(r.urgency, r.urgency))
        if r.confidentiality:
            meta = format_html('{} · <span class="badge badge-danger">{}</span>', meta,
                               confidentialities.get(r.confidentiality, r.confidentiality))
        if not compact and r.area_id not in areas:
            areas[r.area_id] = art % {"n": formats.localize(r.area.article_number)} + f" · {r.area.name}"
        created = None if compact else template_localtime(r.created_at).date()
        if created and created not in dates:
            dates[created] = formats.date_format(created, "SHORT_DATE_FORMAT")
        deadline = r.reply_deadline
        if deadline and deadline not in dates:
            dates[deadline] = formats.date_format(deadline, "SHORT_DATE_FORMAT")
        rows.append({
            "overdue": r.is_overdue,
            "url": reverse("coordination:request_detail", args=[r.pk]),
            "title": r.title,
            "meta": meta,
            "parties": f"{r.requesting_party.short_name} → {r.requested_party.short_name}",
            "area": None if compact else areas[r.area_id],
            "state": badge(r),
            "deadline": dates[deadline] if deadline else None,
            "created": dates[created] if created else None,
        })
    return rows


@register.simple_tag
def document_rows(documents):
    from coordination.models import Document as Model

    types, confidentialities = _labels(Model, "doc_type"), _labels(Model, "confidentiality")
    dates = {}
    rows = []
    for d in documents:
        if d.issued_on not in dates:
            dates[d.issued_on] = formats.date_format(d.issued_on, "SHORT_DATE_FORMAT")
        rows.append({
            "url": reverse("coordination:document_detail", args=[d.pk]),
            "number_symbol": d.number_symbol,
            "summary": d.summary,
            "type": types.get(d.doc_type, d.doc_type),
            "issued_on": dates[d.issued_on],
            "confidentiality": confidentialities.get(d.confidentiality, d.confidentiality),
        })
    return rows
