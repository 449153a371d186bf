"""On PostgreSQL the accent-free search columns have trigram indexes, and grants an index on (object, group)."""

import pytest
from django.db import connection

from coordination.models import CoordinationArea, CoordinationRequest

pytestmark = pytest.mark.django_db

TRIGRAM = {"request_search_trgm", "document_search_trgm", "article_search_trgm"}
GRANTS = {"request_grant_obj_group_perm", "document_grant_obj_group_perm", "meeting_grant_obj_group_perm",
          "notice_grant_obj_group_perm"}


def _indexes():
    with connection.cursor() as cursor:
        constraints = {}
        for table in connection.introspection.table_names(cursor):
            constraints.update(connection.introspection.get_constraints(cursor, table))
    return {name for name, c in constraints.items() if c.get("index")}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only")
def test_search_columns_have_trigram_indexes_on_postgresql():
    assert TRIGRAM <= _indexes()


def test_grant_tables_are_indexed_by_object_then_group():
    assert GRANTS <= _indexes()


def test_search_without_diacritics_still_matches_on_every_database(bcsd_staff, bcsd, du):
    from coordination.text_search import search_q

    CoordinationRequest.objects.create(requesting_party=bcsd, requested_party=du, area=CoordinationArea.objects.first(),
                                       title="Quy hoạch",
                                       content="x", search_text="quy hoach can bo")
    assert CoordinationRequest.objects.filter(search_q("Quy HOẠCH cán")).count() == 1
