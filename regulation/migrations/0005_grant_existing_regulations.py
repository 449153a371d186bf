"""Grants reading of the regulations and amendments already stored (the shipped 2020–2025 one included).

From now on the services grant `view_regulation` / `view_amendment` to the (party, role) groups of the
issuing bodies. The rows made before (by 0002, or by earlier use) get the same grants here. The
permissions themselves are normally created after `migrate`, too late for this step, so they are
created here when missing. Safe to run again (tests/shipped.py re-runs it after a flush).
"""

from django.db import migrations

# The rule of regulation.permissions.regulation_reader_roles / amendment_reader_roles, as of this migration.
EVERYONE = ("staff", "leader", "admin")
FOLLOWERS = ("leader", "admin")
GROUP_PREFIX = "party:"


def _permission(apps, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="regulation", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"view_{model}", defaults={"name": f"Can view {model}"},
    )
    return permission


def _groups(apps, parties, roles):
    Group = apps.get_model("auth", "Group")
    return [Group.objects.get_or_create(name=f"{GROUP_PREFIX}{party.code}:{role}")[0]
            for party in parties for role in roles]


def forwards(apps, schema_editor):
    Regulation = apps.get_model("regulation", "Regulation")
    Amendment = apps.get_model("regulation", "Amendment")
    RegulationGrant = apps.get_model("regulation", "RegulationGroupObjectPermission")
    AmendmentGrant = apps.get_model("regulation", "AmendmentGroupObjectPermission")
    view_regulation, view_amendment = _permission(apps, "regulation"), _permission(apps, "amendment")
    for regulation in Regulation.objects.prefetch_related("issuing_parties"):
        roles = FOLLOWERS if regulation.status == "draft" else EVERYONE
        for group in _groups(apps, regulation.issuing_parties.all(), roles):
            RegulationGrant.objects.get_or_create(group=group, permission=view_regulation, content_object=regulation)
    for amendment in Amendment.objects.prefetch_related("regulation__issuing_parties"):
        roles = EVERYONE if amendment.status in ("approved", "in_force") else FOLLOWERS
        for group in _groups(apps, amendment.regulation.issuing_parties.all(), roles):
            AmendmentGrant.objects.get_or_create(group=group, permission=view_amendment, content_object=amendment)


class Migration(migrations.Migration):
    dependencies = [
        ("regulation", "0004_object_permissions"),
        ("guardian", "0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("coordination", "0002_parties_and_units"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
