"""Reads for the annual evaluation, already filtered for the user (guardian grants to the bodies' groups)."""

from django.db.models import Prefetch

from coordination.grants import visible
from coordination.models import CoordinationArea, Party

from .. import permissions
from ..models import AnnualEvaluation, AreaAssessment, BodyPart, FollowUpAction, StatisticsSnapshot


def evaluations_visible(user):
    return visible(user, AnnualEvaluation).select_related("regulation")


def evaluation_list(*, user):
    parts = BodyPart.objects.select_related("party")
    return evaluations_visible(user).prefetch_related(Prefetch("parts", queryset=parts)).order_by("-year", "pk")


def evaluation_detail_qs(user):
    parts = BodyPart.objects.select_related("party", "submitted_by", "approved_by")
    return evaluations_visible(user).prefetch_related(Prefetch("parts", queryset=parts))


def latest_snapshot(evaluation):
    return StatisticsSnapshot.objects.filter(evaluation=evaluation).select_related("computed_by").first()


def assessments(evaluation):
    return AreaAssessment.objects.filter(evaluation=evaluation).select_related("party", "area")


def actions(evaluation):
    return FollowUpAction.objects.filter(evaluation=evaluation).select_related("area", "owner_party", "request")


def parts_for_reader(user, evaluation):
    """The evaluation's body parts, each with what this reader may do to it (the page's and the API's)."""
    parts = list(evaluation.parts.all())
    for part in parts:
        part.evaluation = evaluation
        part.can_edit = permissions.can_edit_assessment(user, part)
        part.can_reopen = permissions.can_reopen_assessment(user, part)
        part.can_approve = permissions.can_approve(user, part)
    return parts


def actions_for_reader(user, evaluation):
    """The follow-up actions, each with whether this reader may send it as a request."""
    rows = list(actions(evaluation))
    for item in rows:
        item.evaluation = evaluation
        item.can_make_request = permissions.can_make_request(user, item)
    return rows


def figures_table(snapshot):
    """The snapshot as rows ready for the templates: one per area, then the bodies' totals.

    Returns {"parties": [Party], "rows": [{"area", "cells": [{metric: value}] per party}], "totals": [...]}
    """
    if snapshot is None:
        return None
    data = snapshot.data
    parties = sorted(Party.objects.filter(pk__in=data["parties"]), key=lambda p: (p.order, p.pk))
    areas = CoordinationArea.objects.filter(pk__in=data["areas"]).order_by("article_number")
    rows = [
        {"area": area, "cells": [data["cells"].get(f"{area.pk}:{p.pk}", {}) for p in parties]} for area in areas
    ]
    totals = [data["totals"].get(str(p.pk), {}) for p in parties]
    return {"parties": parties, "rows": rows, "totals": totals, "as_of": data.get("as_of")}
