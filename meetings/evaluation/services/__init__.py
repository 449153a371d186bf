"""Writes for the annual evaluation: one function per use case, each one transaction, history user set.

Opening (opening.py) and the nightly figures (figures.py) are also run by the jobs as the system
user; the other steps are taken by members through the views.
"""

from .actions import action_make_request
from .approval import evaluation_approve, evaluation_return, evaluation_submit
from .assessments import assessment_reopen, assessment_save, assessment_submit, conclusion_save
from .figures import snapshot_compute, statistics_recompute
from .opening import evaluation_open, open_due_evaluations

__all__ = [
    "action_make_request", "assessment_reopen", "assessment_save", "assessment_submit", "conclusion_save",
    "evaluation_approve", "evaluation_open", "evaluation_return", "evaluation_submit", "open_due_evaluations",
    "snapshot_compute", "statistics_recompute",
]
