"""Puts back the data that migrations ship after a transactional test flushed the database.

Transactional tests (browser stories, real workers, concurrency) end with a flush that also
empties the two bodies, the areas, the 2020–2025 regulation and the system user. Django's
serialized_rollback clashes with the content types recreated after the flush, so the data
migrations' own functions run again instead; each of them is idempotent.
"""

import importlib

from django.apps import apps
from django.db.migrations import RunPython

DATA_MIGRATIONS = [
    "coordination.migrations.0002_parties_and_units",
    "coordination.migrations.0004_coordination_areas",
    "regulation.migrations.0002_regulation_2020_2025",
    "regulation.migrations.0005_grant_existing_regulations",
    "meetings.evaluation.migrations.0002_system_user",
]


def restore_shipped_data():
    from coordination.models import Party

    if Party.objects.exists():
        return
    for name in DATA_MIGRATIONS:
        for operation in importlib.import_module(name).Migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)
