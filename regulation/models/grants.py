"""Who may see a regulation or an amendment: django-guardian object permissions with direct foreign keys.

The services grant `view_regulation` and `view_amendment` to the (party, role) groups of the issuing
bodies at each change of state (regulation.services.visibility); the selectors read them back with
coordination.grants.visible. The groups follow the memberships in force, so an ended membership loses them.
"""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .amendment import Amendment
from .regulation import Regulation


class RegulationUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Regulation, on_delete=models.CASCADE)


class RegulationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Regulation, on_delete=models.CASCADE)


class AmendmentUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Amendment, on_delete=models.CASCADE)


class AmendmentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Amendment, on_delete=models.CASCADE)
