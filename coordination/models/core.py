"""The parties (the two bodies), their members and roles, and the security log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    STAFF = "staff", _("Staff")
    LEADER = "leader", _("Leader")
    ADMIN = "admin", _("Regulation admin")


class Clearance(models.IntegerChoices):
    """How secret a document a member may read; Tuyệt mật never enters the system."""

    NONE = 0, _("None")
    MAT = 1, _("Confidential (Mật)")
    TOI_MAT = 2, _("Secret (Tối mật)")


class Confidentiality(models.IntegerChoices):
    NORMAL = 0, _("Normal")
    MAT = 1, _("Confidential (Mật)")
    TOI_MAT = 2, _("Secret (Tối mật)")
    TUYET_MAT = 3, _("Top secret (Tuyệt mật)")


class Urgency(models.IntegerChoices):
    NORMAL = 0, _("Normal")
    KHAN = 1, _("Urgent (Khẩn)")
    THUONG_KHAN = 2, _("Very urgent (Thượng khẩn)")
    HOA_TOC = 3, _("Immediate (Hỏa tốc)")


class Party(models.Model):
    """A Party body taking part in the regulation (BCSĐ, ĐU; the model allows more)."""

    code = models.SlugField(_("code"), max_length=16, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    short_name_vi = models.CharField(_("short name (Vietnamese)"), max_length=100)
    short_name_en = models.CharField(_("short name (English)"), max_length=100)
    abbreviation = models.CharField(
        _("abbreviation in document symbols"), max_length=16, unique=True, help_text=_("e.g. BCSĐ, ĐU")
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("party body")
        verbose_name_plural = _("party bodies")

    def __str__(self):
        return self.short_name

    @property
    def name(self):
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi

    @property
    def short_name(self):
        return self.short_name_en if (get_language() or "vi").startswith("en") else self.short_name_vi


class OrgUnit(models.Model):
    """An agency or unit of the procuracy (Văn phòng, Vụ …, the High Procuracies)."""

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("organisational unit")
        verbose_name_plural = _("organisational units")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(active_to__isnull=True) | Q(active_to__gt=on), active_from__lte=on)


class Membership(models.Model):
    """A user in a party with a role. `active_to` is the day it ended: from that day it gives nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("user")
    )
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("party body"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    position_title = models.CharField(_("position"), max_length=200, blank=True)
    clearance = models.PositiveSmallIntegerField(_("clearance"), choices=Clearance.choices, default=Clearance.NONE)
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships", verbose_name=_("unit")
    )
    active_from = models.DateField(_("active from"), default=timezone.localdate)
    active_to = models.DateField(_("ended on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["party__order", "role", "user__last_name", "user__first_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True) | Q(active_to__gte=models.F("active_from")),
                name="membership_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["user", "active_to"]), models.Index(fields=["party", "role"])]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username} · {self.get_role_display()} · {self.party}"

    def is_active(self, on=None):
        on = on or timezone.localdate()
        return self.active_from <= on and (self.active_to is None or on < self.active_to)

    @property
    def capacity(self):
        """How the UI names the capacity this membership gives: "Lãnh đạo · Đảng ủy"."""
        return f"{self.get_role_display()} · {self.party.short_name}"


class SecurityEvent(models.Model):
    """Append-only security log, separate from the model history."""

    class Kind(models.TextChoices):
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOGIN_LOCKED = "login_locked", _("Login locked after repeated failures")
        ACCESS_DENIED = "access_denied", _("Access denied")
        PERMISSION_CHANGED = "permission_changed", _("Permissions changed")

    kind = models.CharField(_("event"), max_length=32, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("user")
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    path = models.CharField(_("page"), max_length=500, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("security event")
        verbose_name_plural = _("security log")
        indexes = [models.Index(fields=["kind", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.username}"


# Article 8 of chapter II defines the area "meetings and the information regime": the meetings app's own
# area, and the area of a follow-up request that names no other.
MEETINGS_AND_INFORMATION_ARTICLE = 8


class CoordinationArea(models.Model):
    """One of the six coordination areas of chapter II; each is defined by one article (3–8).

    The link is the article *number*: the text of article N changes through amendments and
    terms, the area it defines does not. `regulation` resolves the article in force.
    """

    code = models.SlugField(_("code"), max_length=32, unique=True)
    article_number = models.PositiveSmallIntegerField(_("article"), unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["article_number"]
        verbose_name = _("coordination area")
        verbose_name_plural = _("coordination areas")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi
