"""Coordination's routes under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import documents, parties

router = SimpleRouter()
router.register("bodies", parties.PartyViewSet, basename="body")
router.register("units", parties.UnitViewSet, basename="unit")
router.register("areas", parties.AreaViewSet, basename="area")
router.register("documents", documents.DocumentViewSet, basename="document")

urlpatterns = [
    path("me/", parties.MeView.as_view(), name="me"),
    path("requests/<str:pk>/documents/", documents.RequestDocumentsView.as_view(), name="request-documents"),
    *router.urls,
]
