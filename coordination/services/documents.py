"""Writes for documents: register (numbered at issue), add a version, grant view, record a download."""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..grants import grant_view
from ..models import Confidentiality, Document, DocumentCounter, DocumentDownload, DocumentVersion, Role, Urgency
from ..models.documents import format_symbol
from ..permissions import can_add_document_version, can_create_document
from ..text_search import normalize
from ..uploads import check_upload, safe_original_name

TOP_SECRET_REFUSED = _(
    "Material marked Tuyệt mật (top secret) is never put into a networked system. It was not saved: "
    "handle it on paper through the confidential records office."
)
NUMBER_ONLY_BY_ISSUER = _("A number is assigned only to documents the registering body issues itself.")
WORKING_GROUP_ROLES = (Role.STAFF, Role.LEADER)


def refuse_top_secret(confidentiality):
    if confidentiality is not None and int(confidentiality) >= Confidentiality.TUYET_MAT:
        raise ValidationError(TOP_SECRET_REFUSED, code="top_secret")


def next_number(party, year):
    """Take the next number of `party` in `year`. Must run inside the caller's transaction: the counter
    row stays locked until it commits, so concurrent issues queue and none is skipped or repeated."""
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(party=party, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def document_create(*, by, issuing_party, doc_type, summary, file, owner_party=None, issued_on=None,
                    number_symbol="", issuer_name="", signer_name="", signer_title="",
                    confidentiality=Confidentiality.NORMAL, urgency=Urgency.NORMAL, recipients="", place="Hà Nội",
                    note="") -> Document:
    """Register a document with its first file. Without `number_symbol` the issuing body (which must be the
    registering body) gives it the next number `Số N-TYPE/BODY`; with one, it is a received document."""
    owner_party = owner_party or issuing_party
    refuse_top_secret(confidentiality)
    if not can_create_document(by, owner_party):
        raise PermissionDenied
    incoming = bool(number_symbol.strip())
    if not incoming and (issuing_party is None or issuing_party.pk != owner_party.pk):
        raise ValidationError(NUMBER_ONLY_BY_ISSUER, code="number_issuer")
    upload_info = check_upload(file)
    issued_on = issued_on or timezone.localdate()
    with transaction.atomic():
        document = Document(
            owner_party=owner_party, issuing_party=issuing_party, issuer_name=issuer_name, doc_type=doc_type,
            is_incoming=incoming, year=issued_on.year, issued_on=issued_on, place=place, summary=summary,
            signer_name=signer_name, signer_title=signer_title, confidentiality=confidentiality, urgency=urgency,
            recipients=recipients, created_by=by,
        )
        if incoming:
            document.number_symbol = number_symbol.strip()
        else:
            document.sequence = next_number(issuing_party, issued_on.year)
            document.number_symbol = format_symbol(document.sequence, doc_type, issuing_party)
        document.search_text = normalize(document.number_symbol, summary, signer_name, issuer_name)
        document._history_user = by
        document._change_reason = "document_create"
        document.save()
        _store_version(document=document, by=by, upload=file, info=upload_info, note=note)
        document_grant_view(document=document, parties=[owner_party])
    return document


def _store_version(*, document, by, upload, info, note=""):
    content_type, extension, size, sha256 = info
    last = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = DocumentVersion(
        document=document, number=last + 1, original_name=safe_original_name(upload.name), content_type=content_type,
        size=size, sha256=sha256, note=note, uploaded_by=by,
    )
    # A fresh random name: never the user's, never reused, never overwriting an earlier file.
    version.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
    version._history_user = by
    version._change_reason = "document_add_version" if last else "document_create"
    version.save()
    return version


def document_add_version(*, by, document, file, note="") -> DocumentVersion:
    if not can_add_document_version(by, document):
        raise PermissionDenied
    info = check_upload(file)
    with transaction.atomic():
        Document.objects.select_for_update().filter(pk=document.pk).first()  # serialise version numbers
        return _store_version(document=document, by=by, upload=file, info=info, note=note)


def document_grant_view(*, document, parties):
    """Let the staff and leaders of `parties` see the document (their clearance still applies)."""
    grant_view(document, parties, WORKING_GROUP_ROLES)


def document_record_download(*, by, version, ip_address=None) -> DocumentDownload:
    return DocumentDownload.objects.create(version=version, user=by, ip_address=ip_address)
