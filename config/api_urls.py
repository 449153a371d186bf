"""/api/v1/: each app's resources, the OpenAPI schema and its interactive documentation (docs/api.md)."""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from coordination.api.unknown import UnknownPath

app_name = "api"

urlpatterns = [
    path("", include("coordination.api.urls")),
    path("", include("regulation.api.urls")),
    path("", include("meetings.api.urls")),
    path("", include("meetings.evaluation.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's stylesheet draws its icons as data: SVG images; only this page lets them in.
    path("docs/", csp_replace({"img-src": [SELF, "data:"]})(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
         name="docs"),
    # Last: whatever else ends in a slash answers in JSON (an address without one is first sent to it).
    re_path(r"^.*/$", UnknownPath.as_view(), name="unknown"),
]
