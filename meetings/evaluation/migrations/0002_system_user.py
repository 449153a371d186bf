"""The "system" user the scheduled jobs act as, so that no history row is anonymous.

Unusable password, inactive, no memberships: it can never sign in and sees nothing.
"""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import migrations


def create_system_user(apps, schema_editor):
    app_label, model_name = settings.AUTH_USER_MODEL.split(".")
    User = apps.get_model(app_label, model_name)
    User.objects.get_or_create(
        username="system",
        defaults={"first_name": "Hệ thống", "last_name": "", "is_active": False, "password": make_password(None)},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(create_system_user, migrations.RunPython.noop)]
