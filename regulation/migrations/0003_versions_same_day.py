from django.db import migrations


class Migration(migrations.Migration):
    """Two amendments approved on the same day both take effect that day, in approval order."""

    dependencies = [("regulation", "0002_regulation_2020_2025")]
    operations = [
        migrations.RemoveConstraint(model_name="regulationversion", name="one_version_per_day"),
        migrations.AlterModelOptions(
            name="regulationversion",
            options={"get_latest_by": ["valid_from", "number"], "ordering": ["regulation", "number"],
                     "verbose_name": "version", "verbose_name_plural": "versions"},
        ),
    ]
