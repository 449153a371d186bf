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
from .opening import DEFAULT_OPENING_DAY, DEFAULT_OPENING_MONTH, OpeningDay

__all__ = [
    "DEFAULT_OPENING_DAY", "DEFAULT_OPENING_MONTH", "AnnualEvaluation", "AreaAssessment", "BodyPart",
    "EvaluationGroupObjectPermission", "EvaluationUserObjectPermission", "FollowUpAction", "InvalidTransition",
    "OpeningDay", "StatisticsSnapshot",
]
