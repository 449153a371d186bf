"""JobRun and ReminderSent now belong to coordination (see coordination 0008): forget them here.

State only: the tables and their rows stay, owned from now on by the coordination models.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("evaluation", "0003_follow_up_request"),
        ("coordination", "0008_jobs_from_evaluation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="JobRun"),
                migrations.DeleteModel(name="ReminderSent"),
            ],
            database_operations=[],
        ),
    ]
