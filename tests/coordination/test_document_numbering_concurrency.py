"""Numbers issued at the same moment by many people: never duplicated, never skipped (PostgreSQL)."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from coordination.models import Document
from coordination.services import documents as document_services

from .conftest import PDF_BYTES

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("shipped_data")]
WORKERS = 8


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises every writer, so it cannot show concurrent issues; run on PostgreSQL")
def test_parallel_issues_get_consecutive_unique_numbers(bcsd_staff, bcsd):
    barrier = threading.Barrier(WORKERS)
    errors = []

    def issue(i):
        try:
            barrier.wait(timeout=10)
            document_services.document_create(by=bcsd_staff, issuing_party=bcsd, doc_type="CV", summary=f"Văn bản {i}",
                                     file=SimpleUploadedFile(f"{i}.pdf", PDF_BYTES))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(i,)) for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(Document.objects.values_list("sequence", flat=True))
    assert numbers == list(range(1, WORKERS + 1))
    assert len(set(Document.objects.values_list("number_symbol", flat=True))) == WORKERS


def test_a_transaction_that_rolls_back_gives_its_number_to_the_next(bcsd_staff, bcsd):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        document_services.document_create(by=bcsd_staff, issuing_party=bcsd, doc_type="CV", summary="rolled back",
                                 file=SimpleUploadedFile("a.pdf", PDF_BYTES))
        raise RuntimeError
    doc = document_services.document_create(by=bcsd_staff, issuing_party=bcsd, doc_type="CV", summary="kept",
                                   file=SimpleUploadedFile("b.pdf", PDF_BYTES))
    assert doc.sequence == 1
