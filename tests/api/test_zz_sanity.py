import pytest
from coordination.api import parties
from .test_schema_contract import api_schema, demo_tokens, test_every_operation_keeps_the_schema as contract  # noqa

def test_sanity(monkeypatch, demo_tokens, api_schema, db):
    monkeypatch.setattr(parties.MeSerializer, "to_representation", lambda self, inst: {"id": "not an int"})
    def boom(self, request, *a, **k):
        self.get_object()
        raise RuntimeError("boom")
        return parties.viewsets.ReadOnlyModelViewSet.retrieve(self, request, *a, **k)
    monkeypatch.setattr(parties.UnitViewSet, "retrieve", boom)
    with pytest.raises(AssertionError) as e:
        contract("bcsd.chuyenvien", demo_tokens, api_schema, db)
    print(str(e.value)[:6000])
