"""The evaluation as a Party report: the same content for the print page and the .docx (python-docx).

Layout of a Party document (DOMAIN.md): the issuing bodies' names with an asterisk line on the
left, "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, number and symbol, "Hà Nội, ngày … tháng … năm …",
the title, the sections, and a T/M signature block for each body.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.models import Membership, Role

from . import evaluations
from .figures import ACTIVITY_METRICS, REQUEST_METRICS

PLACE = "Hà Nội"


def metric_labels():
    return {
        "sent": _("Requests sent"), "received": _("Requests received"), "answered_on_time": _("Answered on time"),
        "answered_late": _("Answered late"), "still_open": _("Still open"), "median_days": _("Median days to answer"),
        "meetings_held": _("Meetings held"), "minutes_approved": _("Minutes approved"),
        "notices_sent": _("Notices sent"), "documents_exchanged": _("Documents exchanged"),
    }


def date_line(evaluation):
    """ "Hà Nội, ngày 05 tháng 01 năm 2026"; blanks for the day and month while the report is a draft."""
    if evaluation.closed_at:
        day = timezone.localtime(evaluation.closed_at).date()
        return _("%(place)s, day %(d)s month %(m)s year %(y)s") % {
            "place": PLACE, "d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": day.year}
    return _("%(place)s, day %(d)s month %(m)s year %(y)s") % {
        "place": PLACE, "d": "…", "m": "…", "y": timezone.localdate().year}


def _signer_title(part):
    if not part.approved_by_id:
        return ""
    membership = Membership.objects.filter(user_id=part.approved_by_id, party=part.party, role=Role.LEADER).first()
    return membership.position_title if membership and membership.position_title else ""


def report_context(evaluation):
    """Everything the report shows, in the active language (the views switch to Vietnamese)."""
    parts = list(evaluation.parts.select_related("party", "approved_by"))
    figures = evaluations.figures_table(evaluations.latest_snapshot(evaluation))
    labels = metric_labels()
    assessments = list(evaluations.assessments(evaluation))
    return {
        "evaluation": evaluation,
        "parts": parts,
        "bodies": [p.party.name_vi.upper() for p in parts],
        # A draft leaves the number blank (filled in when issued): "Số      -BC/BCSĐ-ĐU".
        "number_symbol": evaluation.number_symbol or "Số" + "\u00a0" * 6 + "-BC/" + "-".join(
            p.party.abbreviation for p in parts),
        "date_line": date_line(evaluation),
        "title": _("REPORT"),
        "subtitle": _("Evaluation of the implementation of the working coordination regulation in %(year)s") % {
            "year": evaluation.year},
        "figures": figures,
        "request_metrics": [(m, labels[m]) for m in REQUEST_METRICS],
        "activity_metrics": [(m, labels[m]) for m in ACTIVITY_METRICS],
        "assessments_by_party": [
            (p, [a for a in assessments if a.party_id == p.party_id and not a.is_blank]) for p in parts
        ],
        "conclusion_paragraphs": [line.strip() for line in evaluation.conclusion.splitlines() if line.strip()],
        "actions": list(evaluations.actions(evaluation)),
        "signatures": [
            {"on_behalf": "T/M " + p.party.short_name_vi.upper(),
             "title": _signer_title(p).upper(),
             "name": p.approved_by.get_full_name() if p.approved_by else "",
             "approved": bool(p.approved_at)}
            for p in parts
        ],
    }


def cell_value(cell, metric):
    value = cell.get(metric)
    if value is None:
        return "—" if metric in ("median_days", "notices_sent") else "0"
    return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)
