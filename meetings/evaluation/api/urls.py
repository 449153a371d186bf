"""This app's routes under /api/v1/: the annual evaluations and their report."""

from rest_framework.routers import SimpleRouter

from . import evaluations

router = SimpleRouter()
router.register("evaluations", evaluations.EvaluationViewSet, basename="evaluation")

urlpatterns = router.urls
