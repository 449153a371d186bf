"""The regulation text, its versions, amendments, approvals and imports."""

from .amendment import Amendment, AmendmentChange, ChangeKind, Decision, DecisionKind
from .regulation import Article, Chapter, DocxImport, InvalidTransition, Regulation, RegulationVersion

__all__ = [
    "Amendment", "AmendmentChange", "Article", "ChangeKind", "Chapter", "Decision", "DecisionKind", "DocxImport",
    "InvalidTransition", "Regulation", "RegulationVersion",
]
