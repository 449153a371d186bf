"""The regulation text, its versions, amendments, approvals and imports."""

from .amendment import Amendment, AmendmentChange, ChangeKind, Decision, DecisionKind
from .grants import (
    AmendmentGroupObjectPermission,
    AmendmentUserObjectPermission,
    RegulationGroupObjectPermission,
    RegulationUserObjectPermission,
)
from .regulation import Article, Chapter, DocxImport, InvalidTransition, Regulation, RegulationVersion

__all__ = [
    "Amendment", "AmendmentChange", "AmendmentGroupObjectPermission", "AmendmentUserObjectPermission", "Article",
    "ChangeKind", "Chapter", "Decision", "DecisionKind", "DocxImport", "InvalidTransition", "Regulation",
    "RegulationGroupObjectPermission", "RegulationUserObjectPermission", "RegulationVersion",
]
