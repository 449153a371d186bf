"""A joint meeting of the bodies: who convenes it, who is invited, what is on the agenda, who came."""

import uuid

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from coordination.models import CoordinationArea, Party
from coordination.workflow import BadgeChoices, InvalidTransition, Tone


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("Regular joint meeting")
    EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")
    WORKING = "working", _("Working session")


class MeetingState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceStatus(BadgeChoices):
    INVITED = "invited", _("Not recorded")
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    REPRESENTED = "represented", _("Represented")

    __tones__ = {"invited": Tone.MUTED, "present": Tone.OK, "absent": Tone.DANGER, "represented": Tone.INFO}


class Meeting(models.Model):
    """One meeting. `uid` and `sequence` make every change update the same calendar event."""

    kind = models.CharField(
        _("kind of meeting"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.REGULAR
    )
    convening_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="convened_meetings", verbose_name=_("convening body")
    )
    title = models.CharField(_("meeting title"), max_length=300)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="chaired_meetings", verbose_name=_("chair")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=300)
    description = models.TextField(_("notes for the invitees"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=MeetingState.choices, default=MeetingState.SCHEDULED)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("convened by")
    )
    created_at = models.DateTimeField(_("convened at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"),
        ]
        indexes = [
            models.Index(fields=["starts_at"]),
            # The home page's next meetings (ending from now on): a few rows, not every past meeting.
            models.Index(fields=["ends_at"], name="meeting_ends_at"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def minutes_or_none(self):
        try:
            return self.minutes
        except ObjectDoesNotExist:
            return None

    @property
    def is_cancelled(self):
        return self.state == MeetingState.CANCELLED

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    def reschedule(self):
        """Any change the invitees must see: the calendar event gets a new revision."""
        if self.is_cancelled:
            raise InvalidTransition(self.state, "reschedule", _("A cancelled meeting cannot be changed."))
        self.sequence += 1

    def cancel(self, reason):
        if self.is_cancelled:
            raise InvalidTransition(self.state, "cancel", _("The meeting is already cancelled."))
        self.state = MeetingState.CANCELLED
        self.cancel_reason = reason
        self.sequence += 1


class Invitation(models.Model):
    """A member invited in the capacity of one body; attendance is recorded on it after the meeting."""

    badge_choices = {"attendance": AttendanceStatus}

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("meeting")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_invitations", verbose_name=_("member")
    )
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="+", verbose_name=_("party body"))
    attendance = models.CharField(
        _("attendance"), max_length=16, choices=AttendanceStatus.choices, default=AttendanceStatus.INVITED
    )
    absence_reason = models.CharField(_("reason for absence"), max_length=300, blank=True)
    represented_by = models.CharField(_("represented by"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["party__order", "user__last_name", "user__first_name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_invitation_per_member")]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username} · {self.party}"

    def record(self, status, reason="", represented_by=""):
        """Absent needs a reason, represented needs the representative: the minutes must say why."""
        if status == AttendanceStatus.ABSENT and not reason.strip():
            raise InvalidTransition(self.attendance, "record", _("Give the reason for the absence."))
        if status == AttendanceStatus.REPRESENTED and not represented_by.strip():
            raise InvalidTransition(self.attendance, "record", _("Say who represented the member."))
        self.attendance = status
        with_reason = status in (AttendanceStatus.ABSENT, AttendanceStatus.REPRESENTED)
        self.absence_reason = reason.strip() if with_reason else ""
        self.represented_by = represented_by.strip() if status == AttendanceStatus.REPRESENTED else ""


class AgendaItem(models.Model):
    """One point on the agenda, in a coordination area (so under its article of the regulation)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("content"), max_length=300)
    area = models.ForeignKey(
        CoordinationArea, on_delete=models.PROTECT, related_name="agenda_items", verbose_name=_("coordination area")
    )
    presenter_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("presented by")
    )
    notes = models.TextField(_("notes"), blank=True)
    requests = models.ManyToManyField(
        "coordination.CoordinationRequest", blank=True, related_name="agenda_items", verbose_name=_("related requests")
    )
    history = HistoricalRecords(m2m_fields=[requests])

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return f"{self.order}. {self.title}"


class Conclusion(models.Model):
    """A conclusion of the minutes: who must act and by when. Once approved it becomes a request."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="conclusions", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("conclusion"))
    area = models.ForeignKey(
        CoordinationArea, on_delete=models.PROTECT, related_name="conclusions", verbose_name=_("coordination area")
    )
    owner_party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="owned_conclusions", verbose_name=_("body in charge")
    )
    deadline = models.DateField(_("deadline"))
    request = models.OneToOneField(
        "coordination.CoordinationRequest", on_delete=models.PROTECT, null=True, blank=True,
        related_name="meeting_conclusion", verbose_name=_("follow-up request"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self):
        return self.text[:80]


class MeetingUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class MeetingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        # coordination.grants.visible probes (object, group) for every row it shows: one index lookup each.
        indexes = [models.Index(fields=["content_object", "group", "permission"], name="meeting_grant_obj_group_perm")]
