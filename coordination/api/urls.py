"""Coordination's routes under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import documents, parties
from .requests import history as request_history
from .requests import related as request_related
from .requests import views as request_views

router = SimpleRouter()
router.register("bodies", parties.PartyViewSet, basename="body")
router.register("units", parties.UnitViewSet, basename="unit")
router.register("areas", parties.AreaViewSet, basename="area")
router.register("requests", request_views.RequestViewSet, basename="request")
router.register("documents", documents.DocumentViewSet, basename="document")

urlpatterns = [
    path("me/", parties.MeView.as_view(), name="me"),
    path("requests/<str:pk>/officers/<str:side>/", request_related.RequestOfficersView.as_view(),
         name="request-officers"),
    path("requests/<str:pk>/comments/", request_related.RequestCommentsView.as_view(), name="request-comments"),
    path("requests/<str:pk>/opinions/", request_related.RequestOpinionsView.as_view(), name="request-opinions"),
    path("requests/<str:pk>/history/", request_history.RequestHistoryView.as_view(), name="request-history"),
    path("requests/<str:pk>/documents/", documents.RequestDocumentsView.as_view(), name="request-documents"),
    *router.urls,
]
