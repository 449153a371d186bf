"""This app's routes under /api/v1/: regulations (with their text, versions, search) and amendments."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("regulations", views.RegulationViewSet, basename="regulation")
router.register("amendments", views.AmendmentViewSet, basename="amendment")

urlpatterns = router.urls
