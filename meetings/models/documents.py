"""Documents (coordination.Document) attached to meetings and notices, through audited link rows."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .meeting import Meeting
from .notice import Notice


class DocumentLink(models.Model):
    """One shape for every link row: who attached the document and when, with history.

    Each subclass adds the foreign key to what the document is attached to, the `document` key (its
    reverse name differs) and the constraint that a document is attached once.
    """

    attached_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("attached by")
    )
    attached_at = models.DateTimeField(_("attached at"), default=timezone.now)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["attached_at", "pk"]

    def __str__(self):
        return str(self.document)


class MeetingDocument(DocumentLink):
    """An invitation letter, a report presented, the signed minutes…"""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="document_links", verbose_name=_("meeting")
    )
    document = models.ForeignKey(
        "coordination.Document", on_delete=models.PROTECT, related_name="meeting_links", verbose_name=_("document")
    )

    class Meta(DocumentLink.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        constraints = [models.UniqueConstraint(fields=["meeting", "document"], name="meeting_document_once")]


class NoticeDocument(DocumentLink):
    """The resolution, report or plan a notice carries (never secret material)."""

    notice = models.ForeignKey(
        Notice, on_delete=models.CASCADE, related_name="document_links", verbose_name=_("notice")
    )
    document = models.ForeignKey(
        "coordination.Document", on_delete=models.PROTECT, related_name="notice_links", verbose_name=_("document")
    )

    class Meta(DocumentLink.Meta):
        verbose_name = _("notice document")
        verbose_name_plural = _("notice documents")
        constraints = [models.UniqueConstraint(fields=["notice", "document"], name="notice_document_once")]
