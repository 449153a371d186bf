"""Register a document through the coordination app and attach it to a meeting or a notice."""

from django.db import transaction

from coordination.models import Confidentiality, Party
from coordination.security import require
from coordination.services.documents import document_create, document_grant_view

from .. import permissions
from ..models import MeetingDocument, NoticeDocument
from ..models.base import InvalidTransition
from .common import save
from .notices import NOTICE_SECRET_REFUSED


def _register(*, by, party, doc_type, summary, file, number_symbol, confidentiality):
    return document_create(
        by=by, issuing_party=None if number_symbol.strip() else party, owner_party=party, doc_type=doc_type,
        summary=summary, file=file, number_symbol=number_symbol, confidentiality=confidentiality,
    )


def meeting_attach_document(*, by, meeting, doc_type, summary, file, number_symbol="",
                            confidentiality=Confidentiality.NORMAL) -> MeetingDocument:
    """The convening body registers the document; every body taking part may then see it (clearance applies)."""
    require(permissions.can_attach_meeting_document(by, meeting))
    with transaction.atomic():
        document = _register(by=by, party=meeting.convening_party, doc_type=doc_type, summary=summary, file=file,
                             number_symbol=number_symbol, confidentiality=confidentiality)
        link = save(MeetingDocument(meeting=meeting, document=document, attached_by=by), by=by,
                    reason="meeting_attach_document")
        parties = Party.objects.filter(pk__in=permissions.meeting_party_ids(meeting))
        document_grant_view(document=document, parties=parties)
    return link


def notice_attach_document(*, by, notice, doc_type, summary, file, number_symbol="",
                           confidentiality=Confidentiality.NORMAL) -> NoticeDocument:
    """Secret material is excepted from the information regime: refused before anything is stored."""
    require(permissions.can_edit_notice(by, notice))
    if confidentiality >= Confidentiality.MAT:
        raise InvalidTransition(notice.state, "attach", NOTICE_SECRET_REFUSED)
    with transaction.atomic():
        document = _register(by=by, party=notice.sender_party, doc_type=doc_type, summary=summary, file=file,
                             number_symbol=number_symbol, confidentiality=confidentiality)
        return save(NoticeDocument(notice=notice, document=document, attached_by=by), by=by,
                    reason="notice_attach_document")
