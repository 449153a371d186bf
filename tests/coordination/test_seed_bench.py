"""`manage.py seed_bench` writes realistic data the demo accounts can see, with counters and history right."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Max

from coordination.demo import load_demo
from coordination.grants import visible
from coordination.models import CoordinationRequest, Document, DocumentCounter, Notification
from meetings.models import Meeting, Notice

pytestmark = pytest.mark.django_db


def test_seed_bench_writes_data_the_demo_accounts_see(capsys):
    load_demo()
    demo_ids = list(CoordinationRequest.objects.values_list("pk", flat=True))
    call_command("seed_bench", requests=60, meetings=6, notices=8, members=20, years=2)
    leader = get_user_model().objects.get(username="bcsd.lanhdao")
    seeded = CoordinationRequest.objects.exclude(pk__in=demo_ids)
    assert seeded.count() == 60 and visible(leader, CoordinationRequest).filter(pk__in=seeded).count() > 30
    assert visible(leader, Meeting).count() >= 6 and visible(leader, Notice).count() >= 8
    assert visible(leader, Document).exists()
    # Every request has its creation and one history row per workflow step, as the services write them.
    for request in seeded.filter(state="closed")[:3]:
        assert request.history.count() == 8 and request.history.earliest("history_date").state == "draft"
    # The counters hold the last number each body gave in each year: the next document gets a fresh one.
    for counter in DocumentCounter.objects.all():
        last = Document.objects.filter(issuing_party=counter.party, year=counter.year).aggregate(m=Max("sequence"))
        assert counter.last_number == last["m"]
    assert Notification.objects.count() >= 5 * 60
    assert "Done in" in capsys.readouterr().out
