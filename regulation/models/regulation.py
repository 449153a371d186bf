"""A regulation (one per term), its chapters and articles, and its immutable consolidated versions.

The Chapter and Article rows hold the *current* text: the text being drafted for a draft
regulation, the consolidated text in force for an in-force one. Each version that ever came
(or will come) into force is frozen in a RegulationVersion as a JSON snapshot with the date it
takes effect: "the text in force on date D" is the version with the latest `valid_from` ≤ D.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coordination.models import CoordinationArea, Party
from coordination.workflow import InvalidTransition

from ..text import article_key, normalise_for_search, roman


class Regulation(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    title = models.CharField(_("title"), max_length=300)
    number_symbol = models.CharField(_("number and symbol"), max_length=60, blank=True)
    term_start = models.PositiveSmallIntegerField(_("term start year"))
    term_end = models.PositiveSmallIntegerField(_("term end year"))
    issuing_parties = models.ManyToManyField(Party, related_name="regulations", verbose_name=_("issuing bodies"))
    legal_bases = models.TextField(_("legal bases"), blank=True, help_text=_("One legal basis per line."))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_place = models.CharField(_("place of signing"), max_length=100, blank=True)
    # [{"on_behalf": "T/M ĐẢNG ỦY", "title": "BÍ THƯ", "name": "…"}], in the order they stand on the paper
    signers = models.JSONField(_("signers"), default=list, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One recipient per line."))
    effective_on = models.DateField(_("effective from"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    predecessor = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="successor",
        verbose_name=_("previous term's regulation"),
    )
    reconstructed_from_summary_on = models.DateField(
        _("reconstructed from a summary published on"), null=True, blank=True,
        help_text=_("Set when the text was rebuilt from a published summary rather than the signed original."),
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    awaiting_adoption = models.BooleanField(_("awaiting the leaders' approval"), default=False)
    adoption_round = models.PositiveSmallIntegerField(_("approval round"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords(m2m_fields=[issuing_parties])

    class Meta:
        ordering = ["-term_start", "-pk"]
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")
        constraints = [
            models.CheckConstraint(condition=models.Q(term_end__gt=models.F("term_start")),
                                   name="term_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.title} ({self.term_start}–{self.term_end})"

    @property
    def term(self):
        return f"{self.term_start}–{self.term_end}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_in_force(self):
        return self.status == self.Status.IN_FORCE

    @property
    def is_superseded(self):
        return self.status == self.Status.SUPERSEDED

    def legal_basis_lines(self):
        return [line.strip() for line in self.legal_bases.splitlines() if line.strip()]

    def recipient_lines(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def submit_for_adoption(self):
        if self.status != self.Status.DRAFT or self.awaiting_adoption:
            raise InvalidTransition(self.status, "submit_for_adoption")
        self.awaiting_adoption = True
        self.adoption_round += 1

    def return_to_draft(self):
        if not self.awaiting_adoption:
            raise InvalidTransition(self.status, "return_to_draft")
        self.awaiting_adoption = False

    def come_into_force(self, on):
        if not self.awaiting_adoption:
            raise InvalidTransition(self.status, "come_into_force")
        self.status = self.Status.IN_FORCE
        self.awaiting_adoption = False
        self.effective_on = on
        self.signed_on = self.signed_on or on

    def supersede(self):
        if self.status != self.Status.IN_FORCE:
            raise InvalidTransition(self.status, "supersede")
        self.status = self.Status.SUPERSEDED


class Chapter(models.Model):
    regulation = models.ForeignKey(Regulation, on_delete=models.CASCADE, related_name="chapters",
                                   verbose_name=_("regulation"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["regulation", "number"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        constraints = [models.UniqueConstraint(fields=["regulation", "number"], name="unique_chapter_number")]

    def __str__(self):
        return f"{_('Chapter')} {self.roman}. {self.title}"

    @property
    def roman(self):
        return roman(self.number)


class Article(models.Model):
    regulation = models.ForeignKey(Regulation, on_delete=models.CASCADE, related_name="articles",
                                   verbose_name=_("regulation"))
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="articles", verbose_name=_("chapter"))
    number = models.PositiveSmallIntegerField(_("number"))
    suffix = models.CharField(_("suffix"), max_length=2, blank=True, help_text=_("For inserted articles: 8a."))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True, help_text=_('Clauses on lines "1. …", points on lines "a) …".'))
    repealed = models.BooleanField(_("repealed"), default=False)
    area = models.ForeignKey(CoordinationArea, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="articles", verbose_name=_("coordination area"))
    search_text = models.TextField(editable=False, blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["regulation", "number", "suffix"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["regulation", "number", "suffix"], name="unique_article_number"),
        ]

    def __str__(self):
        return f"{_('Article')} {self.key}. {self.title}"

    @property
    def key(self):
        return article_key(self.number, self.suffix)

    @property
    def anchor(self):
        return f"dieu-{self.key}"

    def refresh_search_text(self):
        self.search_text = normalise_for_search(f"{self.title}\n{self.body}")

    def as_snapshot(self):
        return {"number": self.number, "suffix": self.suffix, "title": self.title, "body": self.body,
                "repealed": self.repealed}


class RegulationVersion(models.Model):
    """One consolidated text, frozen. Never changed after it is written."""

    regulation = models.ForeignKey(Regulation, on_delete=models.PROTECT, related_name="versions",
                                   verbose_name=_("regulation"))
    number = models.PositiveSmallIntegerField(_("version"))
    valid_from = models.DateField(_("in force from"))
    amendment = models.OneToOneField("regulation.Amendment", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="version", verbose_name=_("amendment"))
    content = models.JSONField(_("consolidated text"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("created by"))

    class Meta:
        ordering = ["regulation", "number"]
        get_latest_by = ["valid_from", "number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["regulation", "number"], name="unique_version_number"),
        ]

    def __str__(self):
        return f"{self.regulation} · v{self.number} ({self.valid_from:%d/%m/%Y})"


class DocxImport(models.Model):
    """A .docx file imported as a draft regulation; the SHA-256 makes a second import of it a no-op."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    filename = models.CharField(_("file name"), max_length=255)
    regulation = models.OneToOneField(Regulation, on_delete=models.PROTECT, related_name="docx_import",
                                      verbose_name=_("regulation"))
    unplaced = models.JSONField(_("paragraphs not placed"), default=list, blank=True)
    issuers_named = models.JSONField(_("issuing bodies named in the header"), default=list, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("Word import")
        verbose_name_plural = _("Word imports")

    def __str__(self):
        return self.filename
