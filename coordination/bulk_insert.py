"""Fast bulk inserts for data loads (`seed_bench`): COPY on PostgreSQL, batched INSERTs elsewhere.

Primary keys are reserved up front so children and history rows can point at their parents without
reading anything back. Only for loads into a database nobody is writing to at the same time.
"""

from django.db import connection
from django.db.models.fields.files import FieldFile

BATCH = 2000


def reserve_ids(model, n):
    """n fresh primary keys for `model` (advances the PostgreSQL sequence; on SQLite, after the max)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, model._meta.pk.column])
            seq = cursor.fetchone()[0]
            cursor.execute("SELECT nextval(%s)", [seq])
            first = cursor.fetchone()[0]
            cursor.execute("SELECT setval(%s, %s)", [seq, first + n - 1])
            return range(first, first + n)
        cursor.execute(f'SELECT COALESCE(MAX("{model._meta.pk.column}"), 0) FROM "{table}"')
        first = cursor.fetchone()[0] + 1
        return range(first, first + n)


def insert(model, objs, *, with_pk=True):
    """Write `objs` as they are (defaults already filled by the model). Returns how many rows."""
    objs = list(objs)
    if not objs:
        return 0
    if with_pk and objs[0].pk is None:
        for obj, pk in zip(objs, reserve_ids(model, len(objs)), strict=True):
            obj.pk = pk
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    if connection.vendor != "postgresql":
        for start in range(0, len(objs), BATCH):
            model._base_manager.bulk_create(objs[start:start + BATCH])
        return len(objs)
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN') as copy:
            for obj in objs:
                copy.write_row([_value(obj, f) for f in fields])
    return len(objs)


def _value(obj, field):
    value = getattr(obj, field.attname)
    if isinstance(value, FieldFile):  # also in history rows, where the column is text
        return value.name or ""
    return value


def insert_with_history(model, objs, *, reason, date_attr=None, user_attr=None):
    """Insert `objs` and one "+" history row each (dated by `date_attr`, by `user_attr`). Returns objs."""
    objs = list(objs)
    insert(model, objs)
    history_model = model.history.model
    rows = [history_row(history_model, obj, "+", getattr(obj, date_attr) if date_attr else None,
                        getattr(obj, user_attr) if user_attr else None, reason) for obj in objs]
    insert(history_model, rows, with_pk=False)
    return objs


def history_row(history_model, obj, kind, at, by, reason, **overrides):
    """The row simple_history would write for `obj` as it is now, with `overrides` applied."""
    from django.utils import timezone

    row = history_model(history_date=at or timezone.now(), history_user_id=by, history_type=kind,
                        history_change_reason=reason[:100],
                        **{f.attname: getattr(obj, f.attname) for f in history_model.tracked_fields})
    for name, value in overrides.items():
        setattr(row, name, value)
    return row
