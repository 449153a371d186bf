"""Models of the annual evaluation, one module per concern; every model is importable from here."""

from .evaluation import (
    AnnualEvaluation,
    AreaAssessment,
    BodyPart,
    EvaluationGroupObjectPermission,
    EvaluationUserObjectPermission,
    FollowUpAction,
    InvalidTransition,
)
from .figures import StatisticsSnapshot
from .jobs import SYSTEM_USERNAME, JobRun, ReminderSent
from .opening import DEFAULT_OPENING_DAY, DEFAULT_OPENING_MONTH, OpeningDay

__all__ = [
    "DEFAULT_OPENING_DAY", "DEFAULT_OPENING_MONTH", "SYSTEM_USERNAME", "AnnualEvaluation", "AreaAssessment", "BodyPart",
    "EvaluationGroupObjectPermission", "EvaluationUserObjectPermission", "FollowUpAction", "InvalidTransition",
    "JobRun", "OpeningDay", "ReminderSent", "StatisticsSnapshot",
]
