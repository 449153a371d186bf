"""Reads of documents, already filtered for the user (grants and clearance)."""

from django.db.models import Exists, OuterRef

from ..grants import visible
from ..models import Document, DocumentDownload
from ..permissions import clearance_for
from ..text_search import search_q


def _documents_readable(user):
    """Granted to the user's bodies and within their clearance (no related rows: a filter, not a list)."""
    return visible(user, Document).filter(confidentiality__lte=clearance_for(user))


def documents_visible(user):
    return _documents_readable(user).select_related("owner_party", "issuing_party")


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
    are probed for each link's document, not read as a set of every document the user may see. The request
    page shows each document's number, summary, type, date and confidentiality: no other column is read."""
    visible_document = _documents_readable(user).filter(pk=OuterRef("document_id"))
    return list(req.attachments.filter(Exists(visible_document)).select_related("document").only(
        "request", "side", "document__number_symbol", "document__summary", "document__doc_type", "document__issued_on",
        "document__confidentiality"))


def document_downloads(*, document):
    return DocumentDownload.objects.filter(version__document=document).select_related("user", "version")
