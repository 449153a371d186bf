"""Reads for the annual evaluation, already filtered for the user (guardian grants to the bodies' groups)."""

from .evaluations import (
    actions,
    actions_for_reader,
    assessments,
    evaluation_detail_qs,
    evaluation_list,
    evaluations_visible,
    figures_table,
    latest_snapshot,
    parts_for_reader,
)
from .figures import compute
from .opening import due_years, opening_date, regulations_in_force, taking_part

__all__ = [
    "actions", "actions_for_reader", "assessments", "compute",
    "due_years", "evaluation_detail_qs", "evaluation_list", "evaluations_visible",
    "figures_table", "latest_snapshot", "opening_date", "parts_for_reader", "regulations_in_force",
    "taking_part",
]
