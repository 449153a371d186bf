"""Reads of documents, already filtered for the user (grants and clearance)."""

from django.db.models import Exists, OuterRef

from ..grants import visible
from ..models import Document, DocumentDownload
from ..permissions import clearance_for
from ..text_search import search_q


def documents_visible(user):
    qs = visible(user, Document)
    return qs.filter(confidentiality__lte=clearance_for(user)).select_related("owner_party", "issuing_party")


def document_list(*, user, q=""):
    """The documents page's list (and the API's): visible ones, matching every word of `q`, newest first."""
    docs = documents_visible(user)
    if q.strip():
        docs = docs.filter(search_q(q))
    return docs.order_by("-issued_on", "-pk")


def document_list_rows(ids):
    """The rows of one page of document_list, by the ids it picked (already filtered for the user there):
    the list shows none of the related bodies, nor the long texts."""
    return Document.objects.filter(pk__in=ids).defer("search_text", "recipients")


def attachments_visible(user, req):
    """The request's document links whose document the user may see, in one query: grants and clearance
    are probed for each link's document, not read as a set of every document the user may see."""
    visible_document = documents_visible(user).filter(pk=OuterRef("document_id"))
    return list(req.attachments.filter(Exists(visible_document)).select_related("document", "added_by"))


def document_downloads(*, document):
    return DocumentDownload.objects.filter(version__document=document).select_related("user", "version")
