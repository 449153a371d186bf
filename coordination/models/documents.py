"""Documents (văn bản, tài liệu) exchanged between the bodies, their file versions and downloads.

Numbers `Số N-TYPE/BODY` are counted per issuing body and year by `DocumentCounter` (locked row)
and kept unique by a constraint. Files are stored under generated names and never deleted.
"""

import os

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from .core import Confidentiality, Party, Urgency


class DocumentType(models.TextChoices):
    """The Party document types; the value is the abbreviation used in the symbol."""

    NQ = "NQ", _("Resolution (NQ)")
    QD = "QĐ", _("Decision (QĐ)")
    CT = "CT", _("Directive (CT)")
    KL = "KL", _("Conclusion (KL)")
    QDI = "QĐi", _("Regulation (QĐi)")
    TB = "TB", _("Notice (TB)")
    HD = "HD", _("Guidance (HD)")
    BC = "BC", _("Report (BC)")
    KH = "KH", _("Plan (KH)")
    CTR = "CTr", _("Programme (CTr)")
    TTR = "TTr", _("Submission (TTr)")
    CV = "CV", _("Official letter (CV)")
    BB = "BB", _("Minutes (BB)")
    QC = "QC", _("Rules (QC)")


def format_symbol(sequence, doc_type, party):
    return f"Số {sequence}-{doc_type}/{party.abbreviation}"


class Document(models.Model):
    """A document: issued by one of the bodies (numbered here) or received and typed in by hand."""

    owner_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="documents_registered", verbose_name=_("registered by body")
    )
    issuing_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="documents_issued",
        verbose_name=_("issuing body"),
    )
    issuer_name = models.CharField(_("issuing body (other)"), max_length=200, blank=True)
    doc_type = models.CharField(_("type"), max_length=8, choices=DocumentType.choices)
    is_incoming = models.BooleanField(_("received document"), default=False)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence number"), null=True, blank=True)
    number_symbol = models.CharField(_("number and symbol"), max_length=100)
    issued_on = models.DateField(_("date of issue"), default=timezone.localdate)
    place = models.CharField(_("place of issue"), max_length=100, default="Hà Nội")
    summary = models.CharField(_("summary (trích yếu)"), max_length=500)
    signer_name = models.CharField(_("signer"), max_length=200, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=200, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("confidentiality"), choices=Confidentiality.choices, default=Confidentiality.NORMAL
    )
    urgency = models.PositiveSmallIntegerField(_("urgency"), choices=Urgency.choices, default=Urgency.NORMAL)
    recipients = models.TextField(_("recipients (nơi nhận)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    search_text = models.TextField(editable=False, blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_party", "year", "sequence"], condition=Q(sequence__isnull=False),
                name="document_number_unique_per_body_year",
            ),
            models.CheckConstraint(
                condition=Q(confidentiality__lt=Confidentiality.TUYET_MAT), name="document_never_top_secret"
            ),
        ]
        # The documents list reads the newest first, 20 at a time: walked in index order, not sorted; the
        # page's ids and the capped count from the index alone (covering the clearance test on PostgreSQL).
        indexes = [models.Index(fields=["owner_party", "-issued_on"]),
                   models.Index(fields=["-issued_on", "-id"], include=["confidentiality"],
                                name="document_newest_first")]

    def __str__(self):
        return f"{self.number_symbol} · {self.summary}"

    @property
    def latest_version(self):
        versions = list(self.versions.all())
        return versions[-1] if versions else None


class DocumentCounter(models.Model):
    """The last number issued by a body in a year; its row is locked while a number is taken."""

    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["party", "year"], name="one_counter_per_body_year")]

    def __str__(self):
        return f"{self.party_id}/{self.year}: {self.last_number}"


class DocumentUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Document, on_delete=models.CASCADE)


class DocumentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Document, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        # coordination.grants.visible probes (object, group) for every row it shows: one index lookup each.
        indexes = [models.Index(fields=["content_object", "group", "permission"], name="document_grant_obj_group_perm")]


def version_upload_to(instance, filename):
    # The service passes a generated name; the user's file name is kept only in `original_name`.
    return f"documents/{timezone.now():%Y/%m}/{filename}"


class DocumentVersion(models.Model):
    """One file of a document. A new version never replaces an earlier one: all stay downloadable."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    note = models.CharField(_("note"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_version_number_per_document")]

    def __str__(self):
        return f"{self.document.number_symbol} v{self.number}"

    @property
    def download_name(self):
        """The name shown and sent: cleaned again (rows stored before the rule) and ending in the stored
        file's extension, which the server chose from the detected type."""
        from ..uploads import safe_original_name

        return safe_original_name(self.original_name, os.path.splitext(self.file.name)[1].lstrip(".") or None)


class DocumentDownload(models.Model):
    """Who downloaded which version, when. Append-only."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="downloads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("download")
        verbose_name_plural = _("downloads")

    def __str__(self):
        return f"{self.version} · {self.user_id} · {self.at:%d/%m/%Y %H:%M}"
