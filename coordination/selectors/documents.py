"""Reads of documents, already filtered for the user (grants and clearance)."""

from ..grants import visible
from ..models import Document, DocumentDownload
from ..permissions import clearance_for


def documents_visible(user):
    qs = visible(user, Document)
    return qs.filter(confidentiality__lte=clearance_for(user)).select_related("owner_party", "issuing_party")


def document_downloads(*, document):
    return DocumentDownload.objects.filter(version__document=document).select_related("user", "version")
