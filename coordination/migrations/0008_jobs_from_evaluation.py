"""JobRun and ReminderSent move from the evaluation app to coordination, the shared plumbing.

Only Django's idea of which app owns them changes: the tables (evaluation_jobrun,
evaluation_remindersent), their rows, indexes and constraints stay as they are (db_table), so a
database with runs and reminders keeps them and a reminder already sent today is not sent again.
evaluation 0004 then forgets the two models on its side. Also moved: the content types (so the
admin permissions and log entries follow) and the names of the three jobs that moved to
coordination.tasks and meetings.tasks (so the jobs page shows their earlier runs as theirs).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ("jobrun", "remindersent")
RENAMED_TASKS = {
    "meetings.evaluation.tasks.send_daily_digests": "coordination.tasks.send_daily_digests",
    "meetings.evaluation.tasks.remind_minutes_awaiting_approval": "meetings.tasks.remind_minutes_awaiting_approval",
    "meetings.evaluation.tasks.remind_reports_due": "meetings.tasks.remind_reports_due",
}


def _move(apps, source, target, tasks):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)
    JobRun = apps.get_model("coordination", "JobRun")
    for old, new in tasks.items():
        JobRun.objects.filter(task=old).update(task=new)


def forwards(apps, schema_editor):
    _move(apps, "evaluation", "coordination", RENAMED_TASKS)


def backwards(apps, schema_editor):
    _move(apps, "coordination", "evaluation", {new: old for old, new in RENAMED_TASKS.items()})


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("coordination", "0007_drop_request_reminders"),
        # The tables were created by evaluation 0001: they must exist before this app claims them.
        ("evaluation", "0003_follow_up_request"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="JobRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("task", models.CharField(db_index=True, max_length=200, verbose_name="job")),
                        ("started_at", models.DateTimeField(default=django.utils.timezone.now,
                                                            verbose_name="started")),
                        ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="finished")),
                        ("outcome", models.CharField(
                            choices=[("running", "Running"), ("success", "Succeeded"), ("failure", "Failed")],
                            default="running", max_length=16, verbose_name="outcome")),
                        ("message", models.TextField(blank=True, verbose_name="message")),
                    ],
                    options={
                        "verbose_name": "job run",
                        "verbose_name_plural": "job runs",
                        "db_table": "evaluation_jobrun",
                        "ordering": ["-started_at", "-pk"],
                        "indexes": [models.Index(fields=["task", "-started_at"], name="evaluation__task_e96e75_idx")],
                    },
                ),
                migrations.CreateModel(
                    name="ReminderSent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("kind", models.CharField(max_length=32, verbose_name="kind")),
                        ("key", models.CharField(blank=True, default="", max_length=100, verbose_name="about")),
                        ("sent_on", models.DateField(verbose_name="sent on")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("items", models.PositiveIntegerField(default=0)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "reminder sent",
                        "verbose_name_plural": "reminders sent",
                        "db_table": "evaluation_remindersent",
                        "constraints": [
                            models.UniqueConstraint(fields=("kind", "key", "user", "sent_on"),
                                                    name="one_reminder_per_user_and_day"),
                            models.CheckConstraint(condition=models.Q(("kind", ""), _negated=True),
                                                   name="reminder_kind_not_empty"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
