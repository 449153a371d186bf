"""This app's routes under /api/v1/."""

urlpatterns = []
