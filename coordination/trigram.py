"""Trigram (pg_trgm) indexes on the accent-free `search_text` columns, on PostgreSQL only.

Search is `search_text LIKE '%word%'` for every word (coordination.text_search): without an index
that reads every row. A GIN index with gin_trgm_ops answers LIKE '%…%' from the index. SQLite keeps
plain LIKE, so the migrations that use this do nothing there (they are not in the models' state).
"""

from django.db import migrations


def trigram_index(table, name, column="search_text"):
    """A migration operation creating (and on reverse dropping) one trigram index, on PostgreSQL only."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)')

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(create, drop, elidable=False)
