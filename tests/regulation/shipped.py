"""Puts back the data that migrations ship (parties, areas, the 2020–2025 regulation) after another
transactional test flushed the database. Browser tests need it; the migrations' own functions run
again with the live app registry, and each of them is idempotent."""

import importlib

from django.apps import apps

DATA_MIGRATIONS = [
    "coordination.migrations.0002_parties_and_units",
    "coordination.migrations.0004_coordination_areas",
    "regulation.migrations.0002_regulation_2020_2025",
]


def restore_shipped_data():
    from coordination.models import Party

    if Party.objects.exists():
        return
    for name in DATA_MIGRATIONS:
        importlib.import_module(name).forwards(apps, None)
