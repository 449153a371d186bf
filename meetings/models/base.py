"""The error every refused transition raises (one class for the project, coordination.workflow)."""

from coordination.workflow import InvalidTransition

__all__ = ["InvalidTransition"]
